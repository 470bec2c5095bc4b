import type { validationDe } from "./validation-de.ts";

/** English texts of the validators' problem codes (see validation-de.ts). */
export const validationEn: typeof validationDe = {
  codes: {
    missing: "a required part is missing",
    "expected-object": "an entry does not have the expected shape",
    "expected-list": "a list is missing or is not a list",
    "expected-text": "a text is missing or is not text",
    "expected-number": "a number is missing or is not a number (text instead of a number, for example)",
    "not-finite": "a number is infinite",
    "expected-integer": "a whole number is expected",
    "unknown-value": "a value is not allowed",
    "invalid-id": "an id is empty or too long",
    "invalid-timestamp": "a time is not a valid date",
    "invalid-colour": "a colour is not in the form #rrggbb",
    "too-long": "a text or a list is too long",
    "geometry-type": "a geometry is neither a Polygon nor a MultiPolygon",
    "position-length": "a point does not have two or three coordinates",
    "position-out-of-range": "a point lies off the globe (longitude beyond ±180° or latitude beyond ±90°)",
    "ring-too-short": "a ring has fewer than four points",
    "ring-not-closed": "a ring does not end at its first point",
    "polygon-without-rings": "a polygon has no ring",
    "multipolygon-empty": "a MultiPolygon holds no polygon",
    "too-many-vertices": "an area has more than {{max}} vertices",
    "no-variant": "the plan has no variant",
    "order-mismatch": "the order and the entries do not match",
    "listed-twice": "an entry is listed twice",
    "id-mismatch": "an entry is filed under another id",
    "schema-version": "the format version is missing",
    "newer-version":
      "it comes from a newer Pilotkarte version (format {{found}}, this version reads up to {{supported}})",
    "no-migration": "this format version cannot be converted",
    malformed: "an entry does not have the expected shape",
  },
  at: "at: {{path}}",
};
