/**
 * Reads an area's attributes (name, fields, status, partners, notes) from the properties of an imported
 * feature: what a Pilotkarte export writes (GeoJSON/GeoPackage keys, the Shapefile's 10-character
 * names, the German CSV's headers, the `_label` columns) and what people write by hand.
 *
 * - Fields: an array (GeoJSON `["Mobilität und Logistik"]`) or a text list split at ";", "," or line
 *   breaks, each entry a code, a German or English name or a short word, without regard to case,
 *   spaces, hyphens or "ä"/"ae" ({@link fieldFromText}).
 * - Status: a code or a German or English name ({@link statusFromText}).
 * - Partners: an array or a list split at ";" or line breaks (never at ",": "Müller, Schmidt & Co").
 * - Arrays come as JSON text (GeoJSON) or in GDAL's "(2:a,b)" (what ogr2ogr writes for string lists).
 *
 * Nothing invalid gets into a plan: every value that cannot be taken over is left out and reported as
 * an {@link AttributeIssue}, for the import preview to list.
 */
import type { AllianceField } from "../model/catalogue.ts";
import type { AreaAttributes, AreaStatus } from "../model/plan.ts";
import { fieldFromText, normaliseLabel, statusFromText } from "./attribute-labels.ts";
import { BASE_COLUMNS } from "./base-columns.ts";
import type { ImportedValue } from "./import-result.ts";

/** Why a value was not taken over. Message keys `exchange.attributeIssues.<code>`: DO NOT RENAME. */
export type AttributeIssueCode =
  /** A fields entry that names no alliance field: left out. */
  | "unknown-field"
  /** A status that is none of the four: the area gets "idee". */
  | "unknown-status"
  /** Something in an array that is not text or a number (an object, a nested array): left out. */
  | "unreadable-value";

export const ATTRIBUTE_ISSUE_CODES: readonly AttributeIssueCode[] = [
  "unknown-field",
  "unknown-status",
  "unreadable-value",
];

/** A value from the file that was not taken over. */
export interface AttributeIssue {
  /** The property as the file names it ("status", "Handlungsfelder"). */
  key: string;
  /** The value as text, at most {@link MAX_ISSUE_VALUE_LENGTH} characters. */
  value: string;
  code: AttributeIssueCode;
}

/** Longest value quoted in an issue (a whole pasted document would swamp the report). */
export const MAX_ISSUE_VALUE_LENGTH = 120;

export type ReadAttributes = Partial<Omit<AreaAttributes, "colour">>;

type Attribute = "fields" | "status" | "partners" | "notes";

/** Column of the export by key. */
const column = (key: string) => BASE_COLUMNS.find((c) => c.key === key);

/**
 * The property names read for each attribute, normalised ({@link normaliseLabel}), in order of
 * preference: the code column's key, Shapefile name and readable names, then the `_label` column's,
 * then words people use.
 */
function aliases(keys: readonly string[], words: readonly string[]): string[] {
  const names: string[] = [];
  for (const key of keys) {
    const c = column(key);
    if (!c) continue;
    names.push(c.key, c.shapefileName, c.label.de, c.label.en);
  }
  return [...new Set([...names, ...words].map(normaliseLabel))];
}

const KEYS: Readonly<Record<Attribute, readonly string[]>> = {
  fields: aliases(["fields", "fields_label"], ["handlungsfeld", "felder", "field"]),
  status: aliases(["status", "status_label"], []),
  partners: aliases(["partners"], ["partner", "partnerinnen"]),
  notes: aliases(["notes"], ["notizen", "notiz"]),
};

const quoteValue = (value: string) =>
  value.length > MAX_ISSUE_VALUE_LENGTH ? `${value.slice(0, MAX_ISSUE_VALUE_LENGTH - 1)}…` : value;

/** A JSON array's members as text (text and numbers; anything else is reported), or null. */
function jsonArrayItems(text: string, report: (value: string) => void): string[] | null {
  if (!(text.startsWith("[") && text.endsWith("]"))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const items: string[] = [];
  for (const member of parsed) {
    if (typeof member === "string" || (typeof member === "number" && Number.isFinite(member))) {
      items.push(String(member));
    } else if (member !== null) report(JSON.stringify(member) ?? String(member));
  }
  return items;
}

/** GDAL's text form of a string list, "(2:a,b)" (ogr2ogr writes it into Shapefiles and GeoPackages). */
const GDAL_LIST = /^\((\d+):([\s\S]*)\)$/;

/**
 * The items of GDAL's "(n:a,b)", or null. GDAL does not escape a "," inside an item: when splitting at
 * "," does not give n items, the inner text is taken as one.
 */
function gdalListItems(text: string): string[] | null {
  const match = GDAL_LIST.exec(text);
  if (!match) return null;
  const inner = match[2] as string;
  const items = inner.split(",");
  return items.length === Number(match[1]) ? items : [inner];
}

/**
 * The entries of a list value: the items of a JSON array (GeoJSON readers flatten arrays to their JSON
 * text) or of GDAL's "(n:a,b)", or the text; each then split at `separators` (none: kept whole).
 * Entries are trimmed, blank ones dropped.
 */
function entriesOf(
  value: ImportedValue,
  separators: RegExp | null,
  report: (value: string) => void,
): string[] {
  const text = String(value).trim();
  const items = jsonArrayItems(text, report) ?? gdalListItems(text) ?? [text];
  return items
    .flatMap((item) => (separators ? item.split(separators) : [item]))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** The attributes a feature carries, with every value that could not be taken over. */
export function readAreaAttributes(properties: Readonly<Record<string, ImportedValue>>): {
  attributes: ReadAttributes;
  issues: AttributeIssue[];
} {
  const byName = new Map<string, string>();
  for (const key of Object.keys(properties)) {
    const normalised = normaliseLabel(key);
    if (!byName.has(normalised)) byName.set(normalised, key);
  }
  /** The first property present for an attribute: its key in the file and value. */
  const find = (attribute: Attribute): { key: string; value: ImportedValue } | null => {
    let firstEmpty: { key: string; value: ImportedValue } | null = null;
    for (const name of KEYS[attribute]) {
      const key = byName.get(name);
      if (key === undefined) continue;
      const value = properties[key] as ImportedValue;
      if (String(value).trim() !== "") return { key, value };
      firstEmpty ??= { key, value };
    }
    return firstEmpty;
  };

  const attributes: ReadAttributes = {};
  const issues: AttributeIssue[] = [];
  const issue = (key: string, value: string, code: AttributeIssueCode) =>
    issues.push({ key, value: quoteValue(value), code });

  const name = properties.name;
  if (name !== undefined) attributes.name = String(name);

  const fields = find("fields");
  if (fields) {
    const found: AllianceField[] = [];
    for (const entry of entriesOf(fields.value, /[;,\r\n]+/, (v) =>
      issue(fields.key, v, "unreadable-value"),
    )) {
      const field = fieldFromText(entry);
      if (field === null) issue(fields.key, entry, "unknown-field");
      else if (!found.includes(field)) found.push(field);
    }
    attributes.fields = found;
  }

  const partners = find("partners");
  if (partners) {
    attributes.partners = entriesOf(partners.value, /[;\r\n]+/, (v) =>
      issue(partners.key, v, "unreadable-value"),
    );
  }

  const status = find("status");
  if (status) {
    const entries = entriesOf(status.value, null, (v) => issue(status.key, v, "unreadable-value"));
    const text = entries.join(", ");
    if (text !== "") {
      const code: AreaStatus | null = entries.length === 1 ? statusFromText(text) : null;
      if (code === null) issue(status.key, text, "unknown-status");
      else attributes.status = code;
    }
  }

  const notes = find("notes");
  if (notes) attributes.notes = String(notes.value);
  return { attributes, issues };
}

/**
 * The attributes an exported (or hand-written) feature carries; only those present and valid. See
 * {@link readAreaAttributes} for the values left out.
 */
export function readExportedAttributes(properties: Readonly<Record<string, ImportedValue>>): ReadAttributes {
  return readAreaAttributes(properties).attributes;
}
