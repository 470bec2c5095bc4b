import { describe, expect, it } from "vitest";
import { formatHa, formatKm2, formatNumber, formatResidents } from "../../../src/i18n/format.ts";
import { de } from "../../../src/i18n/messages/de.ts";
import { en } from "../../../src/i18n/messages/en.ts";

const NBSP = "\u00a0";

describe("formatNumber", () => {
  it("writes German thousands with a dot and decimals with a comma", () => {
    expect(formatNumber(1234.5, "de", 1)).toBe("1.234,5");
    expect(formatNumber(1004, "de")).toBe("1.004");
  });

  it("writes English thousands with a comma and decimals with a dot", () => {
    expect(formatNumber(1234.5, "en", 1)).toBe("1,234.5");
  });
});

describe("area and residents formats", () => {
  it("gives km² with two decimals below 10 km² and one above, with a no-break space", () => {
    expect(formatKm2(0.5122, "de")).toBe(`0,51${NBSP}km²`);
    expect(formatKm2(29.676, "de")).toBe(`29,7${NBSP}km²`);
  });

  it("converts km² to hectares", () => {
    expect(formatHa(29.676, "de")).toBe(`2.967,6${NBSP}ha`);
    expect(formatHa(0.5, "en")).toBe(`50.0${NBSP}ha`);
  });

  it("rounds residents to tens, since they are estimates", () => {
    expect(formatResidents(50_459, "de")).toBe("50.460");
    expect(formatResidents(4, "de")).toBe("0");
  });
});

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
}

describe("message files", () => {
  it("have the same keys in German and English", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(de as unknown as Tree).sort());
  });

  it("have no empty messages and the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const deTree = de as unknown as Tree;
    for (const key of keys(deTree)) {
      const get = (tree: Tree) =>
        key.split(".").reduce<string | Tree>((t, k) => (t as Tree)[k] as Tree, tree);
      const german = get(deTree) as string;
      const english = get(en as Tree) as string;
      expect(german.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(german));
    }
    expect(values(deTree).length).toBeGreaterThan(50);
  });
});
