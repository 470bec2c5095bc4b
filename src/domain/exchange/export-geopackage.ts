/**
 * GeoPackage export (OGC GeoPackage 1.3: `application_id` "GPKG", `user_version` 10300) written with
 * sql.js: the required tables gpkg_spatial_ref_sys (with the three mandatory rows and EPSG:25832 when
 * used), gpkg_contents (with the bounding box) and gpkg_geometry_columns, and one feature table
 * `pilot_areas` with the attributes of {@link areaRecord} and a MULTIPOLYGON column `geom` of GeoPackage
 * binary geometries. No spatial index: sql.js is built without R*Tree, and GDAL and QGIS read the file
 * fine without one (they build one if asked). The credits go into gpkg_contents.description.
 *
 * The data dictionary is the attribute table {@link DICTIONARY_TABLE} (registered in gpkg_contents as
 * "attributes", so GDAL and QGIS list it as a table without geometry), and each column's readable name
 * and meaning are also in gpkg_data_columns (the GeoPackage schema extension), which GDAL reads as the
 * field's alternative name and comment and QGIS shows as the field alias.
 */
import type { Position } from "geojson";
import { partsOf } from "../geometry/area-geometry-parts.ts";
import { type ExportCrs, epsgOf, WKT_4326, WKT_25832 } from "./crs.ts";
import { DICTIONARY_TABLE, dataDictionary } from "./data-dictionary.ts";
import { areaRecord } from "./export-attributes.ts";
import type { ColumnType } from "./export-column.ts";
import { type ExportFile, exportFileStem } from "./export-file.ts";
import type { ExportInput } from "./export-input.ts";
import { exportColumns } from "./facility-columns.ts";
import { encodeGeoPackageGeometry, envelopeOf } from "./geopackage-binary.ts";
import { loadSqlJs, type SqlJsConfig } from "./load-sql-js.ts";
import { fromWgs84 } from "./reproject.ts";

/** Name of the feature table. */
export const GEOPACKAGE_TABLE = "pilot_areas";
/** 0x47504B47, "GPKG" in ASCII. */
export const GEOPACKAGE_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.0 (GDAL 3.6 warns about 1.4). */
export const GEOPACKAGE_USER_VERSION = 10300;

export interface GeoPackageExportOptions {
  crs: ExportCrs;
  /** sql.js init options (where the .wasm file is); see `load-sql-js.ts`. */
  sqlJsConfig?: SqlJsConfig;
}

const SQL_TYPES: Record<ColumnType, string> = { text: "TEXT", integer: "INTEGER", real: "REAL" };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_data_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT,
  mime_type TEXT, constraint_name TEXT,
  CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
  CONSTRAINT gdc_tn UNIQUE (table_name, name));
CREATE TABLE gpkg_data_column_constraints (
  constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC,
  min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT,
  CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
INSERT INTO gpkg_extensions VALUES
  ('gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write'),
  ('gpkg_data_column_constraints', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write');
CREATE TABLE "${DICTIONARY_TABLE}" (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, column_name TEXT NOT NULL UNIQUE, shapefile_name TEXT,
  label TEXT, type TEXT, description TEXT, unit TEXT, source TEXT);
`;

/** The rows of gpkg_spatial_ref_sys: the three the standard requires, and 25832 when used. */
function spatialRefRows(crs: ExportCrs): (string | number)[][] {
  const rows: (string | number)[][] = [
    [
      "Undefined cartesian SRS",
      -1,
      "NONE",
      -1,
      "undefined",
      "undefined cartesian coordinate reference system",
    ],
    [
      "Undefined geographic SRS",
      0,
      "NONE",
      0,
      "undefined",
      "undefined geographic coordinate reference system",
    ],
    [
      "WGS 84 geodetic",
      4326,
      "EPSG",
      4326,
      WKT_4326,
      "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
    ],
  ];
  if (crs === "EPSG:25832")
    rows.push(["ETRS89 / UTM zone 32N", 25832, "EPSG", 25832, WKT_25832, "ETRS89 / UTM zone 32N"]);
  return rows;
}

/** GeoPackage's DATETIME form: ISO 8601 in UTC with milliseconds. */
function gpkgTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** The export as a GeoPackage file. Loads sql.js on first use. */
export async function exportGeoPackage(
  input: ExportInput,
  options: GeoPackageExportOptions,
): Promise<ExportFile> {
  const SQL = await loadSqlJs(options.sqlJsConfig);
  const db = new SQL.Database();
  try {
    const srsId = epsgOf(options.crs);
    const project = fromWgs84(options.crs);
    const columns = exportColumns(input);
    db.run(`PRAGMA application_id = ${GEOPACKAGE_APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${GEOPACKAGE_USER_VERSION}`);
    db.run("BEGIN");
    db.run(SCHEMA);
    for (const row of spatialRefRows(options.crs))
      db.run("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", row);
    db.run(
      `CREATE TABLE ${quote(GEOPACKAGE_TABLE)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, ${columns
        .map((c) => `${quote(c.key)} ${SQL_TYPES[c.type]}`)
        .join(", ")})`,
    );
    const insert = db.prepare(
      `INSERT INTO ${quote(GEOPACKAGE_TABLE)} (geom, ${columns.map((c) => quote(c.key)).join(", ")}) VALUES (?, ${columns
        .map(() => "?")
        .join(", ")})`,
    );
    const box = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    try {
      for (const entry of input.areas) {
        const parts: Position[][][] = partsOf(entry.area.geometry).map((rings) =>
          rings.map((ring) => ring.map(project)),
        );
        const [minX, maxX, minY, maxY] = envelopeOf(parts);
        box[0] = Math.min(box[0] as number, minX);
        box[1] = Math.min(box[1] as number, minY);
        box[2] = Math.max(box[2] as number, maxX);
        box[3] = Math.max(box[3] as number, maxY);
        const record = areaRecord(entry, columns, { language: input.language });
        insert.run([encodeGeoPackageGeometry(parts, srsId), ...columns.map((c) => record[c.key] ?? null)]);
      }
    } finally {
      insert.free();
    }
    const hasBox = input.areas.length > 0;
    const credits = input.credits.length > 0 ? ` Daten: ${input.credits.join("; ")}` : "";
    db.run(
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
      [
        GEOPACKAGE_TABLE,
        "features",
        [input.plan.name, input.variant?.name].filter(Boolean).join(" – ") || GEOPACKAGE_TABLE,
        `Pilotkarte ${input.appVersion}, exportiert ${input.exportedAt}.${credits}`,
        gpkgTime(input.exportedAt),
        hasBox ? (box[0] as number) : null,
        hasBox ? (box[1] as number) : null,
        hasBox ? (box[2] as number) : null,
        hasBox ? (box[3] as number) : null,
        srsId,
      ],
    );
    const dictionary = dataDictionary(input, columns);
    for (const entry of dictionary) {
      db.run(
        `INSERT INTO ${quote(DICTIONARY_TABLE)} (column_name, shapefile_name, label, type, description, unit, source) VALUES (?,?,?,?,?,?,?)`,
        [
          entry.column,
          entry.shapefileName,
          entry.label,
          entry.type,
          entry.description,
          entry.unit,
          entry.source,
        ],
      );
      db.run(
        "INSERT INTO gpkg_data_columns (table_name, column_name, name, title, description) VALUES (?,?,?,?,?)",
        [
          GEOPACKAGE_TABLE,
          entry.column,
          entry.label,
          entry.label,
          `${entry.description}${entry.unit ? ` [${entry.unit}]` : ""}. ${entry.source}`,
        ],
      );
    }
    db.run(
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?,?,?,?,?)",
      [
        DICTIONARY_TABLE,
        "attributes",
        input.language === "de" ? "Datenbeschreibung" : "Data dictionary",
        input.language === "de"
          ? `Bedeutung, Einheit und Quelle jeder Spalte von ${GEOPACKAGE_TABLE}`
          : `Meaning, unit and source of every column of ${GEOPACKAGE_TABLE}`,
        gpkgTime(input.exportedAt),
      ],
    );
    db.run("INSERT INTO gpkg_geometry_columns VALUES (?,?,?,?,?,?)", [
      GEOPACKAGE_TABLE,
      "geom",
      "MULTIPOLYGON",
      srsId,
      0,
      0,
    ]);
    db.run("COMMIT");
    return {
      fileName: `${exportFileStem(input)}.gpkg`,
      mimeType: "application/geopackage+sqlite3",
      bytes: db.export(),
    };
  } finally {
    db.close();
  }
}
