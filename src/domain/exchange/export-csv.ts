/**
 * CSV exports for spreadsheets: one row per area with the same columns as the geodata formats
 * (`exportAreasCsv`), and one row per area and district with the shares (`exportDistrictsCsv`).
 * Neither carries geometry; partners who need shapes take GeoJSON, GeoPackage or Shapefile.
 *
 * The German dialect has German headers (each column's readable name) and decimal commas, also inside
 * the district lists; the international one keeps the column keys as headers and decimal points.
 * The `_label` columns are in the export's language either way.
 */
import { REFERENCE_LEVELS } from "../model/catalogue.ts";
import { type CsvDialect, writeCsv } from "./csv-format.ts";
import { areaRecord, levelLabel, roundTo } from "./export-attributes.ts";
import type { ExportFile } from "./export-file.ts";
import { exportFileStem } from "./export-file.ts";
import type { ExportInput } from "./export-input.ts";
import { exportColumns } from "./facility-columns.ts";

/** Columns of the district table, in order. */
export const DISTRICT_CSV_COLUMNS = [
  "area_id",
  "area_name",
  "variant",
  "level",
  "level_label",
  "district_code",
  "district_name",
  "intersection_m2",
  "share_of_district",
  "share_of_area",
] as const;

/** The district table's headers in the German CSV. */
export const DISTRICT_CSV_HEADERS_DE: Readonly<Record<(typeof DISTRICT_CSV_COLUMNS)[number], string>> = {
  area_id: "Gebiet (Kennung)",
  area_name: "Gebiet",
  variant: "Variante",
  level: "Ebene (Code)",
  level_label: "Ebene",
  district_code: "Bezirk (Nr.)",
  district_name: "Bezirk",
  intersection_m2: "Schnittfläche (m²)",
  share_of_district: "Anteil am Bezirk (0–1)",
  share_of_area: "Anteil am Gebiet (0–1)",
};

/** A header row: the readable German names in the German dialect, the keys in the international one. */
function headerRow(keys: readonly string[], germanNames: readonly string[], dialect: CsvDialect): string[] {
  return dialect === "de" ? [...germanNames] : [...keys];
}

const suffix = (dialect: CsvDialect) => (dialect === "de" ? "" : "-intl");

/** One row per area, columns as in GeoJSON (see `docs/export-format.md`). */
export function exportAreasCsv(input: ExportInput, dialect: CsvDialect): ExportFile {
  const columns = exportColumns(input);
  const options = { language: input.language, decimalComma: dialect === "de" };
  const rows = input.areas.map((entry) => {
    const record = areaRecord(entry, columns, options);
    return columns.map((c) => record[c.key] ?? null);
  });
  return {
    fileName: `${exportFileStem(input)}-gebiete${suffix(dialect)}.csv`,
    mimeType: "text/csv;charset=utf-8",
    bytes: writeCsv(
      headerRow(
        columns.map((c) => c.key),
        columns.map((c) => c.label.de),
        dialect,
      ),
      rows,
      dialect,
    ),
  };
}

/**
 * One row per area and covered district, levels coarse to fine, largest intersection first; shares
 * 0..1 with 4 decimals, the intersection in m² with 1. Areas without analysis have no rows.
 */
export function exportDistrictsCsv(input: ExportInput, dialect: CsvDialect): ExportFile {
  const rows: (string | number | null)[][] = [];
  for (const { area, variantName, analysis } of input.areas) {
    for (const level of REFERENCE_LEVELS) {
      const coverage = analysis?.levels.find((l) => l.level === level);
      for (const d of coverage?.districts ?? []) {
        rows.push([
          area.id,
          area.name,
          variantName,
          level,
          levelLabel(level, input.language),
          d.code,
          d.name,
          roundTo(d.intersectionM2, 1),
          roundTo(d.shareOfDistrict, 4),
          roundTo(d.shareOfArea, 4),
        ]);
      }
    }
  }
  return {
    fileName: `${exportFileStem(input)}-bezirke${suffix(dialect)}.csv`,
    mimeType: "text/csv;charset=utf-8",
    bytes: writeCsv(
      headerRow(
        DISTRICT_CSV_COLUMNS,
        DISTRICT_CSV_COLUMNS.map((key) => DISTRICT_CSV_HEADERS_DE[key]),
        dialect,
      ),
      rows,
      dialect,
    ),
  };
}
