/**
 * The flat attributes every export writes per area, the same in GeoJSON, GeoPackage, Shapefile and CSV
 * (`docs/export-format.md` documents each one). Lists are joined with ";" (fields, partners, districts),
 * figures the analysis did not provide are null, and nothing about styling (no colour) is written.
 *
 * Column keys and Shapefile names are a file format partners rely on: DO NOT RENAME.
 */
import type { AreaAnalysis } from "../analysis/analysis-result.ts";
import { geodesicArea, geodesicPerimeter } from "../geometry/measure-area.ts";
import type { ReferenceLevel } from "../model/catalogue.ts";
import type { ExportArea, ExportInput } from "./export-input.ts";

/** Separator of list values (fields, partners, district entries). */
export const LIST_SEPARATOR = ";";

/** How a column's values are typed in formats with types (GeoPackage, Shapefile). */
export type ColumnType = "text" | "integer" | "real";

/** One attribute column. */
export interface ExportColumn {
  /** Name in GeoJSON, GeoPackage and CSV (lower case, letters, digits and "_"). */
  key: string;
  /** Name in a Shapefile's .dbf: at most 10 characters. */
  shapefileName: string;
  type: ColumnType;
}

/** A flat attribute record: one value per column key. */
export type ExportRecord = Record<string, string | number | null>;

/** Column of each reference level's district list. */
export const LEVEL_COLUMNS: Readonly<Record<ReferenceLevel, { key: string; shapefileName: string }>> = {
  stadtbezirk: { key: "stadtbezirke", shapefileName: "stadtbez" },
  "statistischer-bezirk": { key: "statistische_bezirke", shapefileName: "stat_bez" },
  unterbezirk: { key: "unterbezirke", shapefileName: "unterbez" },
};

/** The columns that do not depend on the facility layers, in file order. */
export const BASE_COLUMNS: readonly ExportColumn[] = [
  { key: "id", shapefileName: "id", type: "text" },
  { key: "name", shapefileName: "name", type: "text" },
  { key: "fields", shapefileName: "fields", type: "text" },
  { key: "partners", shapefileName: "partners", type: "text" },
  { key: "status", shapefileName: "status", type: "text" },
  { key: "notes", shapefileName: "notes", type: "text" },
  { key: "variant", shapefileName: "variant", type: "text" },
  { key: "created", shapefileName: "created", type: "text" },
  { key: "updated", shapefileName: "updated", type: "text" },
  { key: "area_m2", shapefileName: "area_m2", type: "real" },
  { key: "area_ha", shapefileName: "area_ha", type: "real" },
  { key: "perimeter_m", shapefileName: "perim_m", type: "real" },
  { key: "residents_low", shapefileName: "res_low", type: "integer" },
  { key: "residents_high", shapefileName: "res_high", type: "integer" },
  { key: "residents_grid", shapefileName: "res_grid", type: "integer" },
  { key: "residents_grid_year", shapefileName: "res_grid_y", type: "integer" },
  { key: "residents_addresses", shapefileName: "res_addr", type: "integer" },
  { key: "residents_addresses_year", shapefileName: "res_addr_y", type: "integer" },
  { key: "stadtbezirke", shapefileName: "stadtbez", type: "text" },
  { key: "statistische_bezirke", shapefileName: "stat_bez", type: "text" },
  { key: "unterbezirke", shapefileName: "unterbez", type: "text" },
];

/** Column key of a facility layer: "fac_" and the layer id with "-" as "_" (e.g. fac_transit_stops). */
export function facilityKey(layerId: string): string {
  return `fac_${layerId.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

/**
 * The facility layers of an export, in the order the first analysis lists them, then any others the
 * later analyses add.
 */
export function facilityLayerIds(input: Pick<ExportInput, "areas">): string[] {
  const ids: string[] = [];
  for (const { analysis } of input.areas) {
    for (const facility of analysis?.facilities ?? []) {
      if (!ids.includes(facility.layerId)) ids.push(facility.layerId);
    }
  }
  return ids;
}

/**
 * Shapefile names of the facility columns: "f_" and the first 8 letters and digits of the layer id
 * (f_transits for transit-stops); where two would be equal, the later one ends in a digit instead.
 */
function facilityShapefileNames(layerIds: readonly string[], taken: Set<string>): string[] {
  return layerIds.map((id) => {
    const stem = `f_${id.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 10);
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem.slice(0, 10 - String(n).length)}${n}`;
    taken.add(name);
    return name;
  });
}

/** All columns of an export: the base columns, then one per facility layer. */
export function exportColumns(input: Pick<ExportInput, "areas">): ExportColumn[] {
  const layerIds = facilityLayerIds(input);
  const shortNames = facilityShapefileNames(layerIds, new Set(BASE_COLUMNS.map((c) => c.shapefileName)));
  return [
    ...BASE_COLUMNS,
    ...layerIds.map((id, i) => ({
      key: facilityKey(id),
      shapefileName: shortNames[i] as string,
      type: "integer" as const,
    })),
  ];
}

/** Rounds to `decimals` places (half away from zero as `toFixed` does, without its string detour). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A list value as written: entries joined with ";", a ";" inside an entry written as ",". */
export function joinList(values: readonly string[]): string {
  return values.map((v) => v.replaceAll(LIST_SEPARATOR, ",")).join(LIST_SEPARATOR);
}

/**
 * The districts of one level an area covers, machine-readable: "code=share" entries joined with ";",
 * largest share first, share = the part of the area inside that district, 0..1 with 4 decimals
 * ("05=0.4213;06=0.5787"). Not "code:share": GDAL (GeoJSON and CSV drivers) and spreadsheets take
 * "05:1" for a time of day. Null when the analysis has no such level.
 */
export function districtList(
  analysis: AreaAnalysis | null | undefined,
  level: ReferenceLevel,
): string | null {
  const coverage = analysis?.levels.find((l) => l.level === level);
  if (!coverage) return null;
  return coverage.districts.map((d) => `${d.code}=${roundTo(d.shareOfArea, 4)}`).join(LIST_SEPARATOR);
}

/** The attribute record of one area. */
export function areaRecord(entry: ExportArea, columns: readonly ExportColumn[]): ExportRecord {
  const { area, analysis } = entry;
  const areaM2 = geodesicArea(area.geometry);
  const residents = analysis?.residents ?? null;
  const figure = (method: string) => residents?.figures.find((f) => f.method === method) ?? null;
  const grid = figure("area-weighted-grid");
  const addresses = figure("dasymetric-addresses");
  const record: ExportRecord = {
    id: area.id,
    name: area.name,
    fields: joinList(area.fields),
    partners: joinList(area.partners),
    status: area.status,
    notes: area.notes,
    variant: entry.variantName,
    created: area.createdAt,
    updated: area.updatedAt,
    area_m2: roundTo(areaM2, 1),
    area_ha: roundTo(areaM2 / 10_000, 4),
    perimeter_m: roundTo(geodesicPerimeter(area.geometry), 1),
    residents_low: residents ? Math.round(residents.low) : null,
    residents_high: residents ? Math.round(residents.high) : null,
    residents_grid: grid ? Math.round(grid.residents) : null,
    residents_grid_year: grid ? grid.dataYear : null,
    residents_addresses: addresses ? Math.round(addresses.residents) : null,
    residents_addresses_year: addresses ? (addresses.weightsDataYear ?? addresses.dataYear) : null,
  };
  for (const [level, column] of Object.entries(LEVEL_COLUMNS) as [ReferenceLevel, { key: string }][]) {
    record[column.key] = districtList(analysis, level);
  }
  for (const column of columns) {
    if (!column.key.startsWith("fac_")) continue;
    const count = analysis?.facilities.find((f) => facilityKey(f.layerId) === column.key)?.inside.count;
    record[column.key] = count ?? null;
  }
  // Keep column order and only the columns asked for.
  return Object.fromEntries(columns.map((c) => [c.key, record[c.key] ?? null]));
}
