/**
 * Numbered migrations of the saved plan document, and the check that a document read from storage or
 * a file has the shape the app relies on.
 *
 * A migration takes a document at version `from` to `from + 1` (`up`) and back (`down`); `down` exists
 * so that tests can prove each migration loses nothing. Add a migration as `NNN-what-it-does.migration.ts`,
 * list it in {@link MIGRATIONS}, bump PLAN_SCHEMA_VERSION, and add its fixture test.
 */
import { PLAN_SCHEMA_VERSION, type Plan } from "../model/plan.ts";

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** e.g. "001-add-area-origin". */
  id: string;
  from: number;
  up(document: RawDocument): RawDocument;
  down(document: RawDocument): RawDocument;
}

/** In order of `from`. Version 1 is the first saved format, so there is none yet. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult = { ok: true; plan: Plan; migratedFrom: number } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");

/** Checks the shape of a current-version document; returns the first problem found, or null. */
export function checkPlanShape(document: RawDocument): string | null {
  if (typeof document.id !== "string" || document.id === "") return "plan id missing";
  if (typeof document.name !== "string") return "plan name missing";
  if (!isStringArray(document.variantOrder)) return "variantOrder is not a list of ids";
  if (!isObject(document.variants)) return "variants missing";
  const variants = document.variants;
  if (document.variantOrder.length === 0) return "plan has no variant";
  // Saving writes what the order lists: a duplicate, or a record the order leaves out, would be lost.
  if (new Set(document.variantOrder).size !== document.variantOrder.length) {
    return "variantOrder lists a variant twice";
  }
  if (Object.keys(variants).length !== document.variantOrder.length) return "variants and order differ";
  for (const variantId of document.variantOrder) {
    const variant = variants[variantId];
    if (!isObject(variant)) return `variant ${variantId} missing`;
    if (!isStringArray(variant.areaOrder) || !isObject(variant.areas))
      return `variant ${variantId} is malformed`;
    const areas = variant.areas;
    if (Object.keys(areas).length !== variant.areaOrder.length)
      return `variant ${variantId}: areas and order differ`;
    if (new Set(variant.areaOrder).size !== variant.areaOrder.length)
      return `variant ${variantId} lists an area twice`;
    for (const areaId of variant.areaOrder) {
      const area = areas[areaId];
      if (!isObject(area)) return `area ${areaId} missing`;
      if (area.id !== areaId) return `area ${areaId} has a different id`;
      const geometry = area.geometry;
      if (!isObject(geometry) || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
        return `area ${areaId} has no polygon geometry`;
      }
      if (!Array.isArray(geometry.coordinates)) return `area ${areaId} has no coordinates`;
      if (typeof area.name !== "string" || !isStringArray(area.fields) || !isStringArray(area.partners)) {
        return `area ${areaId} has malformed attributes`;
      }
    }
  }
  return null;
}

/**
 * Brings a stored document to the current schema version and checks its shape. Documents from a newer
 * app version are refused (they may hold data this version would drop).
 */
export function migrateDocument(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target = PLAN_SCHEMA_VERSION,
): MigrationResult {
  if (!isObject(raw)) return { ok: false, error: "not a plan document" };
  const version = typeof raw.schemaVersion === "number" ? raw.schemaVersion : Number.NaN;
  if (!Number.isInteger(version) || version < 1) return { ok: false, error: "schema version missing" };
  if (version > target) {
    return {
      ok: false,
      error: `document is from a newer version (${version} > ${target}); update Pilotkarte`,
    };
  }
  let document: RawDocument = structuredClone(raw);
  for (let v = version; v < target; v++) {
    const migration = migrations.find((m) => m.from === v);
    if (!migration) return { ok: false, error: `no migration from version ${v}` };
    document = { ...migration.up(document), schemaVersion: v + 1 };
  }
  const problem = checkPlanShape(document);
  if (problem) return { ok: false, error: problem };
  return { ok: true, plan: document as unknown as Plan, migratedFrom: version };
}
