/**
 * Shapefile export: a zip (fflate) with .shp, .shx, .dbf, .prj (ESRI WKT) and .cpg ("UTF-8"), in
 * EPSG:25832 (the default for German authorities) or EPSG:4326, plus a LIESMICH.txt with the metadata,
 * credits and the mapping of the shortened field names, and the data dictionary as a UTF-8 text file
 * (`DATENBESCHREIBUNG.txt`, in an English export `DATA-DICTIONARY.txt`).
 *
 * @mapbox/shp-write writes the records; around it this module
 * - projects coordinates itself and turns rings to the Shapefile winding (outer rings clockwise, holes
 *   counter-clockwise, ESRI Shapefile Technical Description 1998, p. 8);
 * - encodes text as UTF-8 (shp-write writes one byte per UTF-16 unit, which garbles umlauts) and cuts it
 *   to the .dbf's 254 bytes at a character boundary (a district list at its last whole entry);
 * - uses the 10-character field names of {@link exportColumns}.
 */
import write from "@mapbox/shp-write/src/write.js";
import { zipSync } from "fflate";
import type { Position } from "geojson";
import { partsOf } from "../geometry/area-geometry-parts.ts";
import { ESRI_WKT_4326, ESRI_WKT_25832, type ExportCrs } from "./crs.ts";
import { dataDictionary, dictionaryFileName, dictionaryText } from "./data-dictionary.ts";
import { areaRecord } from "./export-attributes.ts";
import { type ExportColumn, LIST_SEPARATOR } from "./export-column.ts";
import { type ExportFile, exportFileStem } from "./export-file.ts";
import type { ExportInput } from "./export-input.ts";
import { exportColumns } from "./facility-columns.ts";
import { fromWgs84 } from "./reproject.ts";

export interface ShapefileExportOptions {
  crs: ExportCrs;
}

/** Longest text a .dbf character field holds, in bytes. */
export const DBF_TEXT_BYTES = 254;

/** Twice the signed area of a ring in the plane (positive: counter-clockwise with y up). */
function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

/** A ring wound clockwise (outer) or counter-clockwise (hole), as a copy. */
function wound(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = signedArea2(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

/**
 * Text as the .dbf stores it: UTF-8 bytes, one per character of the returned string (which shp-write
 * then writes byte for byte), at most {@link DBF_TEXT_BYTES}. Cut at a character boundary; a ";"-list is
 * cut after its last whole entry.
 */
export function dbfText(text: string, isList = false): string {
  const bytes = new TextEncoder().encode(text);
  let end = bytes.length;
  if (end > DBF_TEXT_BYTES) {
    end = DBF_TEXT_BYTES;
    // Continuation bytes are 10xxxxxx: step back to the first byte of a character.
    while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
    if (isList) {
      const lastSeparator = bytes.subarray(0, end + 1).lastIndexOf(LIST_SEPARATOR.charCodeAt(0));
      end = Math.max(0, lastSeparator);
    }
  }
  let out = "";
  for (let i = 0; i < end; i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}

/** The .dbf rows: Shapefile field names, text as {@link dbfText}. */
function dbfRows(
  input: ExportInput,
  columns: readonly ExportColumn[],
): Record<string, string | number | null>[] {
  return input.areas.map((entry) => {
    const record = areaRecord(entry, columns, { language: input.language });
    const row: Record<string, string | number | null> = {};
    for (const column of columns) {
      const value = record[column.key] ?? null;
      row[column.shapefileName] = typeof value === "string" ? dbfText(value, column.list === true) : value;
    }
    return row;
  });
}

/** Text of LIESMICH.txt: what the file is, the credits, and the field name mapping. */
function readme(input: ExportInput, columns: readonly ExportColumn[], crs: ExportCrs): string {
  const lines = [
    `Pilotkarte ${input.appVersion} – Export vom ${input.exportedAt}`,
    `Plan: ${input.plan.name}${input.variant ? ` – Variante: ${input.variant.name}` : ""}`,
    `Koordinatenbezugssystem: ${crs}`,
    "",
    "Datenquellen / credits:",
    ...input.credits.map((c) => `  ${c}`),
    "",
    "Feldnamen (Shapefile: höchstens 10 Zeichen) / field names:",
    ...columns.map((c) => `  ${c.shapefileName.padEnd(10)} = ${c.key}`),
    "",
    `Bedeutung, Einheit und Quelle jeder Spalte / meaning, unit and source of every column: ${dictionaryFileName(input.language)}`,
    "",
    "Texte sind UTF-8 (siehe .cpg) und auf 254 Byte gekürzt; die vollständigen Werte stehen im GeoJSON- und GeoPackage-Export.",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** The export as a zipped Shapefile. */
export function exportShapefile(input: ExportInput, options: ShapefileExportOptions): ExportFile {
  const project = fromWgs84(options.crs);
  const columns = exportColumns(input);
  const geometries = input.areas.map((entry) =>
    partsOf(entry.area.geometry).map((rings) => rings.map((ring, i) => wound(ring.map(project), i === 0))),
  );
  let written: { shp: DataView; shx: DataView; dbf: DataView } | null = null;
  write(dbfRows(input, columns), "POLYGON", geometries as unknown as number[][][][], (error, files) => {
    if (error) throw error;
    written = files;
  });
  if (written === null) throw new Error("shp-write did not call back");
  const files = written as { shp: DataView; shx: DataView; dbf: DataView };
  const bytes = (view: DataView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const stem = exportFileStem(input);
  const text = (s: string) => new TextEncoder().encode(s);
  const zipped = zipSync({
    [`${stem}.shp`]: bytes(files.shp),
    [`${stem}.shx`]: bytes(files.shx),
    [`${stem}.dbf`]: bytes(files.dbf),
    [`${stem}.prj`]: text(options.crs === "EPSG:25832" ? ESRI_WKT_25832 : ESRI_WKT_4326),
    [`${stem}.cpg`]: text("UTF-8"),
    "LIESMICH.txt": text(readme(input, columns, options.crs)),
    [dictionaryFileName(input.language)]: text(dictionaryText(input, dataDictionary(input, columns))),
  });
  return { fileName: `${stem}-shapefile.zip`, mimeType: "application/zip", bytes: zipped };
}
