/**
 * Reads an area's attributes back from the properties of an imported feature, when the file came from
 * a Pilotkarte export (GeoJSON/GeoPackage keys or the Shapefile's 10-character names). Unknown fields
 * and statuses are left out, so a partner's edited file cannot put invalid values into a plan.
 */
import { ALLIANCE_FIELDS, type AllianceField } from "../model/catalogue.ts";
import { AREA_STATUSES, type AreaAttributes, type AreaStatus } from "../model/plan.ts";
import { BASE_COLUMNS, LIST_SEPARATOR } from "./export-attributes.ts";
import type { ImportedValue } from "./import-result.ts";

const split = (value: string) =>
  value
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** The attributes an exported feature carries; only those present and valid. */
export function readExportedAttributes(
  properties: Readonly<Record<string, ImportedValue>>,
): Partial<Omit<AreaAttributes, "colour">> {
  const value = (key: string): string | undefined => {
    const column = BASE_COLUMNS.find((c) => c.key === key);
    const found = properties[key] ?? (column ? properties[column.shapefileName] : undefined);
    return found === undefined ? undefined : String(found);
  };
  const result: Partial<Omit<AreaAttributes, "colour">> = {};
  const name = value("name");
  if (name !== undefined) result.name = name;
  const fields = value("fields");
  if (fields !== undefined) {
    result.fields = split(fields).filter((f): f is AllianceField =>
      (ALLIANCE_FIELDS as readonly string[]).includes(f),
    );
  }
  const partners = value("partners");
  if (partners !== undefined) result.partners = split(partners);
  const status = value("status");
  if (status !== undefined && (AREA_STATUSES as readonly string[]).includes(status))
    result.status = status as AreaStatus;
  const notes = value("notes");
  if (notes !== undefined) result.notes = notes;
  return result;
}
