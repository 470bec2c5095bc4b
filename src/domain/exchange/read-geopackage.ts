/**
 * Reading a GeoPackage with sql.js: every feature table listed in gpkg_geometry_columns, its CRS from
 * gpkg_spatial_ref_sys (by EPSG code when the organisation is EPSG and the code known, else from the
 * WKT definition), geometries decoded from GeoPackage binary and WKB, attributes from the other columns
 * (blobs skipped). srs_id 0 (undefined geographic) is taken as WGS84; -1 (undefined Cartesian) asks
 * for the CRS.
 */
import type { SqlValue } from "sql.js";
import type { RawFeature } from "./collect-import.ts";
import { decodeGeoPackageGeometry } from "./geopackage-binary.ts";
import { loadSqlJs } from "./load-sql-js.ts";
import type { ReaderOptions, ReaderResult } from "./reader-result.ts";
import {
  type SourceCrs,
  sourceCrsFromEpsg,
  sourceCrsFromName,
  sourceCrsFromWkt,
  WGS84_SOURCE,
} from "./reproject.ts";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads a GeoPackage file. */
export async function readGeoPackage(bytes: Uint8Array, options: ReaderOptions): Promise<ReaderResult> {
  const SQL = await loadSqlJs(options.sqlJsConfig);
  let db: InstanceType<typeof SQL.Database>;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    return {
      ok: false,
      problem: { code: "invalid-geopackage", detail: String((error as Error).message).slice(0, 200) },
    };
  }
  try {
    const query = (sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] => {
      const statement = db.prepare(sql, params);
      const rows: Record<string, SqlValue>[] = [];
      try {
        while (statement.step()) rows.push(statement.getAsObject());
      } finally {
        statement.free();
      }
      return rows;
    };
    let tables: Record<string, SqlValue>[];
    try {
      tables = query("SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns");
    } catch {
      return { ok: false, problem: { code: "invalid-geopackage", detail: "no gpkg_geometry_columns table" } };
    }
    let total = 0;
    for (const table of tables) {
      total += Number(query(`SELECT COUNT(*) AS n FROM ${quote(String(table.table_name))}`)[0]?.n ?? 0);
    }
    if (total > options.limits.maxFeatures) {
      return {
        ok: false,
        problem: { code: "too-many-features", count: total, maxFeatures: options.limits.maxFeatures },
      };
    }
    const features: RawFeature[] = [];
    const labels: string[] = [];
    let firstCrs: SourceCrs | null = null;
    for (const table of tables) {
      const name = String(table.table_name);
      const geometryColumn = String(table.column_name);
      const srsId = Number(table.srs_id);
      const srs = query(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
        [srsId],
      )[0];
      let crs: SourceCrs | null = null;
      if (srsId === 0) crs = WGS84_SOURCE;
      else if (srsId === -1 || srs === undefined) {
        if (!options.assumeCrs)
          return { ok: false, problem: { code: "needs-crs", format: "geopackage", suggestion: null } };
        crs = sourceCrsFromName(options.assumeCrs);
      } else {
        const organisation = String(srs.organization ?? "").toUpperCase();
        if (organisation === "EPSG") crs = sourceCrsFromEpsg(Number(srs.organization_coordsys_id));
        crs ??= sourceCrsFromWkt(String(srs.definition ?? ""));
        if (crs === null) {
          return {
            ok: false,
            problem: { code: "unknown-crs", crs: `${srs.organization}:${srs.organization_coordsys_id}` },
          };
        }
      }
      labels.push(crs?.label ?? "EPSG:4326");
      firstCrs ??= crs;
      const keyColumns = new Set(
        query(`PRAGMA table_info(${quote(name)})`)
          .filter((c) => Number(c.pk) > 0)
          .map((c) => String(c.name)),
      );
      for (const row of query(`SELECT * FROM ${quote(name)}`)) {
        const blob = row[geometryColumn];
        let geometry: unknown = null;
        if (blob instanceof Uint8Array) {
          try {
            geometry = decodeGeoPackageGeometry(blob).geometry;
          } catch {
            geometry = "unreadable";
          }
        }
        const properties: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row)) {
          if (key === geometryColumn || keyColumns.has(key) || value instanceof Uint8Array) continue;
          properties[key] = value;
        }
        features.push({ geometry, properties, ...(crs ? { crs } : {}) });
      }
    }
    return {
      ok: true,
      features,
      crs: { label: [...new Set(labels)].join(", ") || "EPSG:4326", toWgs84: firstCrs?.toWgs84 ?? null },
    };
  } catch (error) {
    return {
      ok: false,
      problem: { code: "invalid-geopackage", detail: String((error as Error).message).slice(0, 200) },
    };
  } finally {
    db.close();
  }
}
