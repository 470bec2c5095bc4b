import { describe, expect, it } from "vitest";
import { COORDINATE_PROBLEMS, parseCoordinate } from "../../../src/domain/geometry/parse-coordinate.ts";
import { REPAIR_CODES } from "../../../src/domain/geometry/repair-area-geometry.ts";
import { a11yDe } from "../../../src/i18n/messages/a11y-de.ts";
import { a11yEn } from "../../../src/i18n/messages/a11y-en.ts";
import { de } from "../../../src/i18n/messages/de.ts";
import { en } from "../../../src/i18n/messages/en.ts";

/** All leaf keys of a message tree, as dotted paths. */
function leaves(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe("messages of typed coordinates and keyboard drawing", () => {
  it("have a German and an English text for every problem code of the parser", () => {
    for (const code of COORDINATE_PROBLEMS) {
      const de = a11yDe.coordinate.problems[code];
      const en = a11yEn.coordinate.problems[code];
      expect(de.length, code).toBeGreaterThan(20);
      expect(en.length, code).toBeGreaterThan(20);
      expect(de).not.toBe(en);
    }
  });

  it("name the problem the parser reports for typical mistakes", () => {
    const problem = (text: string) => {
      const parsed = parseCoordinate(text);
      return parsed.ok ? "ok" : a11yDe.coordinate.problems[parsed.problem];
    };
    expect(problem("")).toMatch(/Bitte eine Koordinate/);
    expect(problem("Hauptbahnhof")).toMatch(/Nicht lesbar/);
    expect(problem("51,7")).toMatch(/Mehrdeutig/);
    expect(problem("95 200")).toMatch(/Außerhalb des gültigen Bereichs/);
  });

  it("are complete in both languages, with the same placeholders", () => {
    const deKeys = leaves(a11yDe);
    expect(leaves(a11yEn)).toEqual(deKeys);
    const get = (tree: object, path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
    for (const key of deKeys) {
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(get(a11yEn, key)), key).toEqual(placeholders(get(a11yDe, key)));
    }
  });

  it("word every geometry repair the planner may be told about (announced in the toasts)", () => {
    for (const code of REPAIR_CODES) {
      expect(de.draw.repaired[code], code).toBeTruthy();
      expect(en.draw.repaired[code], code).toBeTruthy();
    }
  });
});
