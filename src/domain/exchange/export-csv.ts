/**
 * CSV exports for spreadsheets: one row per area with the same columns as the geodata formats
 * (`exportAreasCsv`), and one row per area and district with the shares (`exportDistrictsCsv`).
 * Neither carries geometry; partners who need shapes take GeoJSON, GeoPackage or Shapefile.
 */
import { REFERENCE_LEVELS } from "../model/catalogue.ts";
import { type CsvDialect, writeCsv } from "./csv-format.ts";
import { areaRecord, exportColumns, roundTo } from "./export-attributes.ts";
import type { ExportFile } from "./export-file.ts";
import { exportFileStem } from "./export-file.ts";
import type { ExportInput } from "./export-input.ts";

/** Columns of the district table, in order. */
export const DISTRICT_CSV_COLUMNS = [
  "area_id",
  "area_name",
  "variant",
  "level",
  "district_code",
  "district_name",
  "intersection_m2",
  "share_of_district",
  "share_of_area",
] as const;

const suffix = (dialect: CsvDialect) => (dialect === "de" ? "" : "-intl");

/** One row per area, columns as in GeoJSON (see `docs/export-format.md`). */
export function exportAreasCsv(input: ExportInput, dialect: CsvDialect): ExportFile {
  const columns = exportColumns(input);
  const rows = input.areas.map((entry) => {
    const record = areaRecord(entry, columns);
    return columns.map((c) => record[c.key] ?? null);
  });
  return {
    fileName: `${exportFileStem(input)}-gebiete${suffix(dialect)}.csv`,
    mimeType: "text/csv;charset=utf-8",
    bytes: writeCsv(
      columns.map((c) => c.key),
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
    bytes: writeCsv(DISTRICT_CSV_COLUMNS, rows, dialect),
  };
}
