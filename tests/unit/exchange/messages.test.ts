/**
 * The exchange messages: the same keys and placeholders in German and English, a message for every
 * problem, repair and drop code, and no placeholder a code does not provide as a parameter.
 */
import { describe, expect, it } from "vitest";
import {
  ATTRIBUTE_ISSUE_CODES,
  DROP_REASON_CODES,
  IMPORT_PROBLEM_CODES,
  type ImportProblem,
  REPAIR_NOTE_CODES,
} from "../../../src/domain/exchange/index.ts";
import { exchangeDe } from "../../../src/i18n/messages/exchange-de.ts";
import { exchangeEn } from "../../../src/i18n/messages/exchange-en.ts";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** One example of every problem, with all its parameters. */
const EXAMPLES: Record<ImportProblem["code"], ImportProblem> = {
  "too-large": { code: "too-large", bytes: 1, maxBytes: 1 },
  "empty-file": { code: "empty-file" },
  "not-geodata": { code: "not-geodata", fileName: "x" },
  "truncated-json": { code: "truncated-json" },
  "invalid-json": { code: "invalid-json", position: 1 },
  "not-geojson": { code: "not-geojson" },
  "invalid-xml": { code: "invalid-xml" },
  "xml-doctype": { code: "xml-doctype" },
  "invalid-zip": { code: "invalid-zip", detail: "x" },
  "zip-bomb": { code: "zip-bomb", declaredBytes: 1, maxBytes: 1 },
  "zip-without-geodata": { code: "zip-without-geodata", entries: 1 },
  "shapefile-not-zipped": { code: "shapefile-not-zipped" },
  "invalid-shapefile": { code: "invalid-shapefile", detail: "x" },
  "invalid-geopackage": { code: "invalid-geopackage", detail: "x" },
  "csv-without-coordinates": { code: "csv-without-coordinates", columns: "a" },
  "unknown-crs": { code: "unknown-crs", crs: "x" },
  "needs-crs": { code: "needs-crs", format: "csv", suggestion: null },
  "no-features": { code: "no-features", dropped: [] },
  "too-many-features": { code: "too-many-features", count: 1, maxFeatures: 1 },
  "too-many-vertices": { code: "too-many-vertices", vertices: 1, maxVertices: 1 },
};

/** Parameters each drop reason may carry (see import-geometry.ts). */
const DROP_PARAMS: Record<string, string[]> = {
  "unsupported-geometry": ["type"],
  "too-small": ["areaM2", "minAreaM2"],
  "too-many-vertices": ["maxVertices"],
  "too-complex-to-repair": ["vertices", "maxVertices"],
};

describe("exchange messages", () => {
  const de = leaves(exchangeDe as Tree);
  const en = leaves(exchangeEn as Tree);

  it("have the same keys in German and English, none empty, with the same placeholders", () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    for (const [key, text] of de) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("have a message for every problem, repair and drop reason, and every attribute left out", () => {
    expect(Object.keys(exchangeDe.problems)).toEqual(expect.arrayContaining([...IMPORT_PROBLEM_CODES]));
    expect(Object.keys(exchangeDe.attributeIssues).sort()).toEqual([...ATTRIBUTE_ISSUE_CODES].sort());
    for (const text of Object.values(exchangeDe.attributeIssues))
      expect(placeholders(text)).toEqual(["key", "value"]);
    expect(Object.keys(exchangeDe.repairs).sort()).toEqual([...REPAIR_NOTE_CODES].sort());
    expect(Object.keys(exchangeDe.dropped).sort()).toEqual([...DROP_REASON_CODES].sort());
  });

  it("use only placeholders the problem or reason provides", () => {
    for (const code of IMPORT_PROBLEM_CODES) {
      const params = Object.keys(EXAMPLES[code]);
      for (const name of placeholders(exchangeDe.problems[code])) expect(params, code).toContain(name);
    }
    for (const code of DROP_REASON_CODES) {
      for (const name of placeholders(exchangeDe.dropped[code]))
        expect(DROP_PARAMS[code] ?? [], code).toContain(name);
    }
    for (const text of Object.values(exchangeDe.repairs)) expect(placeholders(text)).toEqual([]);
  });
});
