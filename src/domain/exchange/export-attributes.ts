/**
 * The flat attributes every export writes per area, the same in GeoJSON, GeoPackage, Shapefile and CSV
 * (`docs/export-format.md` documents each one). Codes stay machine-readable (`fields`, `status`, the
 * district lists `code=share`); beside each a `_label` column says the same in words, in the export's
 * language. Lists are joined with ";", figures the analysis did not provide are null, and nothing about
 * styling (no colour) is written.
 *
 * Each column carries its own description (readable name, meaning, unit, source), from which the data
 * dictionary travelling with every file and the German CSV header are made (`data-dictionary.ts`).
 *
 * The columns are defined in `base-columns.ts`, `census-columns.ts` (the 2011 comparison and the age
 * groups) and `facility-columns.ts`; this module fills them.
 */
import type { AreaAnalysis } from "../analysis/analysis-result.ts";
import { geodesicArea, geodesicPerimeter } from "../geometry/measure-area.ts";
import type { ReferenceLevel } from "../model/catalogue.ts";
import {
  type ExportLanguage,
  fieldsLabel,
  formatShare,
  LABEL_SEPARATOR,
  LEVEL_LABELS,
  statusLabel,
} from "./attribute-labels.ts";
import { LEVEL_COLUMNS } from "./base-columns.ts";
import { censusValues } from "./census-columns.ts";
import { type ExportColumn, type ExportRecord, LIST_SEPARATOR } from "./export-column.ts";
import type { ExportArea } from "./export-input.ts";
import { facilityKey, facilityNearKey } from "./facility-columns.ts";

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
 * ("05=0.4213;06=0.5787"; with `decimalComma` "05=0,4213;06=0,5787" for the German CSV). Not
 * "code:share": GDAL (GeoJSON and CSV drivers) and spreadsheets take "05:1" for a time of day. Null
 * when the analysis has no such level.
 */
export function districtList(
  analysis: AreaAnalysis | null | undefined,
  level: ReferenceLevel,
  decimalComma = false,
): string | null {
  const coverage = analysis?.levels.find((l) => l.level === level);
  if (!coverage) return null;
  return coverage.districts
    .map((d) => {
      const share = String(roundTo(d.shareOfArea, 4));
      return `${d.code}=${decimalComma ? share.replace(".", ",") : share}`;
    })
    .join(LIST_SEPARATOR);
}

/**
 * The districts of one level in words, with both shares: "Innenstadt-Nord (05): 60 % des Gebiets,
 * 1,23 % des Bezirks; …" (English: "…: 60% of the area, 1.23% of the district"), in the order of
 * {@link districtList}. Null when the analysis has no such level.
 */
export function districtLabel(
  analysis: AreaAnalysis | null | undefined,
  level: ReferenceLevel,
  language: ExportLanguage,
): string | null {
  const coverage = analysis?.levels.find((l) => l.level === level);
  if (!coverage) return null;
  return coverage.districts
    .map((d) => {
      const name = d.name.replaceAll(LIST_SEPARATOR, ",");
      const ofArea = formatShare(d.shareOfArea, language);
      const ofDistrict = formatShare(d.shareOfDistrict, language);
      return language === "de"
        ? `${name} (${d.code}): ${ofArea} des Gebiets, ${ofDistrict} des Bezirks`
        : `${name} (${d.code}): ${ofArea} of the area, ${ofDistrict} of the district`;
    })
    .join(LABEL_SEPARATOR);
}

/** How the record's words and lists are written. */
export interface RecordOptions {
  /** Language of the `_label` columns (default German). */
  language?: ExportLanguage;
  /** Decimal comma inside the district code lists (the German CSV). */
  decimalComma?: boolean;
}

/** The attribute record of one area. */
export function areaRecord(
  entry: ExportArea,
  columns: readonly ExportColumn[],
  options: RecordOptions = {},
): ExportRecord {
  const language = options.language ?? "de";
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
    fields_label: fieldsLabel(area.fields, language),
    partners: joinList(area.partners),
    status: area.status,
    status_label: statusLabel(area.status, language),
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
    residents_addresses_census_year: addresses ? addresses.dataYear : null,
    address_points_year: addresses?.weightsDataYear ?? null,
  };
  for (const [level, column] of Object.entries(LEVEL_COLUMNS) as [
    ReferenceLevel,
    (typeof LEVEL_COLUMNS)[ReferenceLevel],
  ][]) {
    record[column.key] = districtList(analysis, level, options.decimalComma);
    record[column.labelKey] = districtLabel(analysis, level, language);
  }
  for (const facility of analysis?.facilities ?? []) {
    record[facilityKey(facility.layerId)] = facility.inside.count;
    for (const near of facility.near) record[facilityNearKey(facility.layerId, near.distanceM)] = near.count;
  }
  Object.assign(record, censusValues(analysis));
  // Keep column order and only the columns asked for.
  return Object.fromEntries(columns.map((c) => [c.key, record[c.key] ?? null]));
}

/** The readable name of a reference level (one district), for the district table. */
export function levelLabel(level: ReferenceLevel, language: ExportLanguage): string {
  return LEVEL_LABELS[level][language];
}
