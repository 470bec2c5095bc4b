/**
 * Every export read back with GDAL 3.6 (ogrinfo): the driver opens it, the CRS and feature count are
 * right, attribute values match ours, and the areas GDAL computes match our geodesic areas.
 *
 * Area yardsticks: in EPSG:4326 SpatiaLite's ST_Area(geom, 1) is geodesic on the WGS84 ellipsoid, the
 * same quantity as ours, so the two must agree to 1e-6. In EPSG:25832 the plane area is the geodesic
 * area times the square of the UTM scale factor k = 0.9996 · (1 + x² / 2R²) (x: distance from the
 * central meridian 9° E, R ≈ 6381 km at 51.5° N; the next term is 1e-9). Dortmund lies about 107 km
 * west of 9° E, so k² ≈ 0.99948: a plain "within 0.1 %" would pass a wrong CRS by accident only if
 * the error were tiny, so we check the ratio against k² to 1e-5 (R's uncertainty costs about 1e-6).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  areaRecord,
  DICTIONARY_TABLE,
  type ExportInput,
  type ExportRecord,
  exportAreasCsv,
  exportColumns,
  exportDistrictsCsv,
  exportGeoJson,
  exportGeoPackage,
  exportShapefile,
  GEOPACKAGE_TABLE,
} from "../../../src/domain/exchange/index.ts";
import { fromWgs84 } from "../../../src/domain/exchange/reproject.ts";
import { geodesicArea } from "../../../src/domain/geometry/measure-area.ts";
import { exportInputOf, samplePlan } from "../../fixtures/exchange/export-fixtures.ts";
import { NODE_SQL_JS } from "../../fixtures/exchange/node-sql-js.ts";
import { featureCount, layerEpsg, ogrFeatures, ogrinfo } from "../../fixtures/exchange/ogr.ts";

let dir: string;
let input: ExportInput;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pilotkarte-exchange-gdal-"));
  const plan = samplePlan();
  const variant = plan.variants[plan.variantOrder[0] as string];
  if (!variant) throw new Error("fixture plan has no variant");
  input = exportInputOf(variant.areaOrder.map((id) => variant.areas[id] as never));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** Our attribute records, by area id. */
const ours = () => {
  const columns = exportColumns(input);
  return new Map<string, ExportRecord>(
    input.areas.map((entry) => [entry.area.id, areaRecord(entry, columns)]),
  );
};

/** The columns compared value by value: codes, their readable labels, districts, figures. */
const CHECKED_KEYS = [
  "name",
  "fields",
  "fields_label",
  "partners",
  "status",
  "status_label",
  "notes",
  "residents_grid_year",
  "residents_addresses_census_year",
  "address_points_year",
  "stadtbezirke",
  "stadtbezirke_label",
  "unterbezirke_label",
  "fac_kitas",
  "fac_kitas_300m",
  "fac_transit_stops_300m",
];

/**
 * Checks GDAL's attribute values against ours (text exactly, numbers to the printed precision). A .dbf
 * cannot tell an empty text from none, so for Shapefiles "" is expected as GDAL's "(null)".
 */
function expectAttributes(
  features: Record<string, string>[],
  nameOf: (key: string) => string = (k) => k,
  emptyIsNull = false,
) {
  const expected = ours();
  expect(features).toHaveLength(expected.size);
  for (const feature of features) {
    const record = expected.get(feature[nameOf("id")] ?? "");
    if (!record) throw new Error(`GDAL read an unknown id ${feature[nameOf("id")]}`);
    for (const key of CHECKED_KEYS) {
      const value = record[key];
      const read = feature[nameOf(key)];
      if (typeof value === "number") expect(Number(read)).toBeCloseTo(value, 3);
      else expect(read).toBe(value === null || (emptyIsNull && value === "") ? "(null)" : value);
    }
    expect(Number(feature[nameOf("area_m2")])).toBeCloseTo(record.area_m2 as number, 1);
  }
}

/** UTM 32N scale factor at an easting (see the module comment). */
const utmScale = (easting: number) => 0.9996 * (1 + (easting - 500_000) ** 2 / (2 * 6_381_000 ** 2));

function expectUtmAreas(rows: Record<string, string>[]) {
  const project = fromWgs84("EPSG:25832");
  for (const row of rows) {
    const entry = input.areas.find((e) => e.area.id === row.id);
    if (!entry) throw new Error(`unknown id ${row.id}`);
    const ring =
      (entry.area.geometry.type === "Polygon"
        ? entry.area.geometry.coordinates[0]
        : entry.area.geometry.coordinates[0]?.[0]) ?? [];
    const easting = ring.map((p) => project(p)[0] as number).reduce((s, x) => s + x, 0) / ring.length;
    const ratio = Number(row.a) / geodesicArea(entry.area.geometry);
    expect(Math.abs(ratio - utmScale(easting) ** 2)).toBeLessThan(1e-5);
  }
}

/** GDAL's geodesic areas (SpatiaLite ST_Area(geom, 1)) against ours: the same quantity, to 1e-6. */
function expectGeodesicAreas(rows: Record<string, string>[]) {
  expect(rows).toHaveLength(input.areas.length);
  for (const row of rows) {
    const entry = input.areas.find((e) => e.area.id === row.id);
    if (!entry) throw new Error(`unknown id ${row.id}`);
    expect(Math.abs(Number(row.a) / geodesicArea(entry.area.geometry) - 1)).toBeLessThan(1e-6);
  }
}

describe("exports read by GDAL", () => {
  it("GeoJSON: GeoJSON driver, EPSG:4326, 3 features, our attributes, geodesic areas to 1e-6", () => {
    const path = write("areas.geojson", exportGeoJson(input).bytes);
    const summary = ogrinfo("-al", "-so", path);
    expect(summary).toContain("using driver `GeoJSON' successful");
    expect(featureCount(summary)).toBe(3);
    expect(layerEpsg(summary)).toBe(4326);
    expectAttributes(ogrFeatures(ogrinfo("-al", "-q", path)));
    // The metadata member with the dictionary does not disturb GDAL, and every property is described.
    const exported = JSON.parse(new TextDecoder().decode(exportGeoJson(input).bytes)) as {
      metadata: { dictionary: { column: string }[] };
    };
    expect(exported.metadata.dictionary.map((e) => e.column)).toEqual(exportColumns(input).map((c) => c.key));
    const rows = ogrFeatures(
      ogrinfo("-q", path, "-dialect", "SQLite", "-sql", "SELECT id, ST_Area(geometry, 1) AS a FROM areas"),
    );
    expectGeodesicAreas(rows);
  });

  for (const crs of ["EPSG:4326", "EPSG:25832"] as const) {
    it(`GeoPackage in ${crs}: GPKG driver, right CRS, 3 features, attributes and areas`, async () => {
      const path = write(
        `areas-${crs.slice(5)}.gpkg`,
        (await exportGeoPackage(input, { crs, sqlJsConfig: NODE_SQL_JS })).bytes,
      );
      const summary = ogrinfo("-so", path, GEOPACKAGE_TABLE);
      expect(summary).toContain("using driver `GPKG' successful");
      expect(summary).toContain("Geometry: Multi Polygon");
      expect(featureCount(summary)).toBe(3);
      expect(layerEpsg(summary)).toBe(crs === "EPSG:25832" ? 25832 : 4326);
      expect(summary).toContain("DESCRIPTION=Pilotkarte 0.1.0");
      expect(summary).toContain("Zensus 2011");
      expectAttributes(ogrFeatures(ogrinfo("-q", path, GEOPACKAGE_TABLE)));
      // The data dictionary: listed by GDAL as an attribute table (no geometry), a row per column.
      expect(ogrinfo(path)).toMatch(new RegExp(`\\d+: ${DICTIONARY_TABLE} \\(None\\)`));
      const dictionary = ogrFeatures(ogrinfo("-q", path, DICTIONARY_TABLE));
      expect(dictionary.map((row) => row.column_name)).toEqual(exportColumns(input).map((c) => c.key));
      const near = dictionary.find((row) => row.column_name === "fac_kitas_300m");
      expect(near).toMatchObject({ shapefile_name: "n_kitas", label: "Kitas: bis 300 m", unit: "Anzahl" });
      expect(near?.source).toContain("Datenquelle: Stadt Dortmund");
      const area = crs === "EPSG:25832" ? "ST_Area(geom)" : "ST_Area(geom, 1)";
      const rows = ogrFeatures(
        ogrinfo("-q", path, "-dialect", "SQLite", "-sql", `SELECT id, ${area} AS a FROM ${GEOPACKAGE_TABLE}`),
      );
      expect(rows).toHaveLength(3);
      if (crs === "EPSG:25832") expectUtmAreas(rows);
      else expectGeodesicAreas(rows);
      // The header: application_id "GPKG" and user_version 10300 (GeoPackage 1.3).
      const pragma = ogrFeatures(ogrinfo("-q", path, "-sql", "PRAGMA application_id"));
      expect(Number(pragma[0]?.application_id)).toBe(0x47504b47);
      expect(Number(ogrFeatures(ogrinfo("-q", path, "-sql", "PRAGMA user_version"))[0]?.user_version)).toBe(
        10300,
      );
    });

    it(`Shapefile in ${crs}: ESRI Shapefile driver, right CRS, UTF-8 text, short names, areas`, () => {
      const zipped = exportShapefile(input, { crs }).bytes;
      const zipPath = write(`areas-${crs.slice(5)}.zip`, zipped);
      const summary = ogrinfo("-al", "-so", `/vsizip/${zipPath}`);
      expect(summary).toContain("using driver `ESRI Shapefile' successful");
      expect(summary).toContain("Geometry: Polygon");
      expect(featureCount(summary)).toBe(3);
      expect(layerEpsg(summary)).toBe(crs === "EPSG:25832" ? 25832 : 4326);
      const shortName = new Map(exportColumns(input).map((c) => [c.key, c.shapefileName]));
      expectAttributes(
        ogrFeatures(ogrinfo("-al", "-q", `/vsizip/${zipPath}`)),
        (key) => shortName.get(key) ?? key,
        true,
      );
      // GDAL's SQLite dialect does not read through /vsizip/, so the files are unpacked.
      const files = unzipSync(zipped);
      for (const [name, bytes] of Object.entries(files)) write(`${crs.slice(5)}-${name}`, bytes);
      const layer = Object.keys(files)
        .find((n) => n.endsWith(".shp"))
        ?.slice(0, -4) as string;
      const shp = join(dir, `${crs.slice(5)}-${layer}.shp`);
      const area = crs === "EPSG:25832" ? "ST_Area(GEOMETRY)" : "ST_Area(GEOMETRY, 1)";
      const rows = ogrFeatures(
        ogrinfo(
          "-q",
          shp,
          "-dialect",
          "SQLite",
          "-sql",
          `SELECT id, ${area} AS a FROM "${crs.slice(5)}-${layer}"`,
        ),
      );
      expect(rows).toHaveLength(3);
      if (crs === "EPSG:25832") expectUtmAreas(rows);
      else expectGeodesicAreas(rows);
    });
  }

  it("CSV (German): CSV driver, 3 rows, ';' detected, German headers, text exactly as ours", () => {
    const path = write("gebiete.csv", exportAreasCsv(input, "de").bytes);
    const summary = ogrinfo("-al", "-so", path);
    expect(summary).toContain("using driver `CSV' successful");
    expect(featureCount(summary)).toBe(3);
    const rows = ogrFeatures(ogrinfo("-al", "-q", path));
    expect(rows.map((r) => r.Name)).toEqual(input.areas.map((e) => e.area.name));
    const first = ours().get(input.areas[0]?.area.id as string);
    expect(rows[0]?.["Fläche (m²)"]).toBe(String(first?.area_m2).replace(".", ","));
    expect(rows[0]?.Handlungsfelder).toBe(first?.fields_label);
    expect(rows[0]?.["Stadtbezirke (Nr.=Anteil am Gebiet)"]).toBe("05=0,6;06=0,4");
    expect(rows[0]?.["Kitas: bis 300 m"]).toBe("5");
  });

  it("CSV (international): numbers typed as reals by GDAL's type detection; district table with 9 rows", () => {
    const path = write("gebiete-intl.csv", exportAreasCsv(input, "intl").bytes);
    const summary = ogrinfo("-al", "-so", "-oo", "AUTODETECT_TYPE=YES", path);
    expect(featureCount(summary)).toBe(3);
    expect(summary).toMatch(/area_m2: Real/);
    expectAttributes(ogrFeatures(ogrinfo("-al", "-q", "-oo", "AUTODETECT_TYPE=YES", path)));
    const districts = write("bezirke.csv", exportDistrictsCsv(input, "intl").bytes);
    expect(featureCount(ogrinfo("-al", "-so", districts))).toBe(input.areas.length * 3);
  });
});
