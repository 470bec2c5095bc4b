/**
 * Reading each format, including files written by someone else: GDAL's ogr2ogr writes the "foreign"
 * GeoJSON (with a legacy crs member), Shapefile (with its own .prj and cpg) and GeoPackage here, from
 * a small GeoJSON of ours; KML, KMZ, GPX and CSV are written by hand.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import type { Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportOptions, type ImportResult, parseImport } from "../../../src/domain/exchange/index.ts";
import { parseWkt } from "../../../src/domain/exchange/parse-wkt.ts";
import { parseCsvNumber } from "../../../src/domain/exchange/read-csv.ts";
import { geodesicArea } from "../../../src/domain/geometry/measure-area.ts";
import { differenceOf } from "../../fixtures/exchange/compare.ts";
import { NODE_SQL_JS } from "../../fixtures/exchange/node-sql-js.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const SQUARE = rectangle(7.45, 51.51, 7.46, 51.516);
let dir: string;

const read = (bytes: Uint8Array, name: string, options: ImportOptions = {}) =>
  parseImport(bytes, name, { sqlJsConfig: NODE_SQL_JS, ...options });

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pilotkarte-import-"));
  const source = {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { name: "Körne", nummer: 7 }, geometry: SQUARE }],
  };
  writeFileSync(join(dir, "source.geojson"), JSON.stringify(source));
  const ogr = (...args: string[]) => execFileSync("ogr2ogr", args, { cwd: dir, stdio: "pipe" });
  ogr("-f", "GeoJSON", "-t_srs", "EPSG:25832", "utm.geojson", "source.geojson");
  ogr(
    "-f",
    "ESRI Shapefile",
    "-t_srs",
    "EPSG:31467",
    "-lco",
    "ENCODING=ISO-8859-1",
    "gk3.shp",
    "source.geojson",
  );
  ogr("-f", "GPKG", "-t_srs", "EPSG:25832", "utm.gpkg", "source.geojson");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Expects one area named Körne matching SQUARE within `toleranceM`. */
function expectSquare(result: ImportResult, toleranceM: number) {
  const { features } = ok(result);
  expect(features).toHaveLength(1);
  expect(features[0]?.name).toBe("Körne");
  expect(differenceOf(SQUARE, features[0]?.geometry as Polygon, toleranceM)).toBeNull();
}

describe("import of files written by GDAL", () => {
  it("reprojects a GeoJSON with a legacy crs member (EPSG:25832)", async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, "utm.geojson")));
    expect(new TextDecoder().decode(bytes)).toContain("urn:ogc:def:crs:EPSG::25832");
    const result = await read(bytes, "utm.geojson");
    expectSquare(result, 0.01);
    expect(ok(result).report.sourceCrs).toBe("EPSG:25832");
  });

  it("reads a Gauss-Krüger Shapefile in Latin-1 via its .prj and .cpg (datum shift within 2 m)", async () => {
    const files = Object.fromEntries(
      readdirSync(dir)
        .filter((n) => n.startsWith("gk3."))
        .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
    );
    expect(Object.keys(files).sort()).toEqual(["gk3.cpg", "gk3.dbf", "gk3.prj", "gk3.shp", "gk3.shx"]);
    // GDAL and proj4 use slightly different DHDN parameters; both are within about a metre of truth.
    const result = await read(zipSync(files), "gk3.zip");
    expectSquare(result, 2);
    expect(ok(result).features[0]?.properties.nummer).toBe(7);
  });

  it("refuses a .prj on another datum without shift parameters as unknown-crs instead of being 150 m off", async () => {
    const files = Object.fromEntries(
      readdirSync(dir)
        .filter((n) => n.startsWith("gk3."))
        .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
    );
    const prj = new TextDecoder()
      .decode(files["gk3.prj"])
      .replace("DHDN_3_Degree_Gauss_Zone_3", "Mein_Gauss_Krueger");
    files["gk3.prj"] = utf8(prj);
    const result = await read(zipSync(files), "gk3.zip");
    expect(result.ok ? null : result.problem.code).toBe("unknown-crs");
  });

  it("reads a GeoPackage in EPSG:25832", async () => {
    const result = await read(new Uint8Array(readFileSync(join(dir, "utm.gpkg"))), "utm.gpkg");
    expectSquare(result, 0.01);
    expect(ok(result).report).toMatchObject({ format: "geopackage", sourceCrs: "EPSG:25832" });
  });
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="s"><PolyStyle><color>ff0000ff</color></PolyStyle></Style>
<Placemark><name>Körne</name><styleUrl>#s</styleUrl><description>Rand &amp; Mitte</description>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
7.45,51.51,0 7.46,51.51,0 7.46,51.516,0 7.45,51.516,0 7.45,51.51,0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Haltestelle</name><Point><coordinates>7.455,51.512</coordinates></Point></Placemark>
</Document></kml>`;

describe("import of KML, KMZ and GPX", () => {
  it("reads a KML polygon and point, without style properties, as mixed", async () => {
    const result = ok(await read(utf8(KML), "gebiete.kml"));
    expect(result.kind).toBe("mixed");
    expect(result.report).toMatchObject({ format: "kml", sourceCrs: "EPSG:4326", repaired: [] });
    expect(result.features.map((f) => [f.name, f.geometry.type])).toEqual([
      ["Körne", "Polygon"],
      ["Haltestelle", "Point"],
    ]);
    expect(result.features[0]?.properties).toEqual({ name: "Körne", description: "Rand & Mitte" });
  });

  it("reads a KMZ (zipped doc.kml)", async () => {
    const result = ok(await read(zipSync({ "doc.kml": utf8(KML) }), "gebiete.kmz"));
    expect(result.report.format).toBe("kmz");
    expect(result.features).toHaveLength(2);
  });

  it("takes a closed GPX track as an area, drops an open one and keeps waypoints as points", async () => {
    const point = (lon: number, lat: number) => `<trkpt lat="${lat}" lon="${lon}"><ele>120</ele></trkpt>`;
    const corners = [
      [7.45, 51.51],
      [7.46, 51.51],
      [7.46, 51.516],
      [7.45, 51.516],
      [7.45001, 51.51001],
    ];
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="51.512" lon="7.455"><name>Treffpunkt</name></wpt>
<trk><name>Runde</name><trkseg>${corners.map(([x, y]) => point(x as number, y as number)).join("")}</trkseg></trk>
<trk><name>Weg</name><trkseg>${point(7.4, 51.5)}${point(7.41, 51.5)}${point(7.42, 51.51)}${point(7.43, 51.52)}</trkseg></trk>
</gpx>`;
    const result = ok(await read(utf8(gpx), "tour.gpx"));
    // togeojson lists tracks before waypoints.
    expect(result.features.map((f) => [f.index, f.name, f.geometry.type])).toEqual([
      [0, "Runde", "Polygon"],
      [2, "Treffpunkt", "Point"],
    ]);
    expect(result.report.repaired.map((r) => [r.name, r.what])).toEqual([
      ["Runde", "3d-coordinates-dropped"],
      ["Runde", "line-closed-to-area"],
    ]);
    expect(result.report.dropped).toEqual([{ index: 1, name: "Weg", reason: "open-line" }]);
  });
});

describe("import of CSV", () => {
  it("reads German lon/lat columns with decimal commas and ';'", async () => {
    const csv =
      "\uFEFFName;Längengrad;Breitengrad;Art\r\nKita Sonnenschein;7,4551;51,5123;Kita\r\nohne;;;x\r\n";
    const result = ok(await read(utf8(csv), "kitas.csv"));
    expect(result.kind).toBe("points");
    expect(result.features[0]).toMatchObject({
      name: "Kita Sonnenschein",
      geometry: { type: "Point", coordinates: [7.4551, 51.5123] },
      properties: { Art: "Kita" },
    });
    expect(result.report.dropped).toEqual([{ index: 1, name: "ohne", reason: "null-geometry" }]);
  });

  it("reads Rechtswert/Hochwert as EPSG:25832, also with the zone prefix 32", async () => {
    const csv = "name,rechtswert,hochwert\nA,393130.66,5707665.58\nB,32393130.66,5707665.58\nC,abc,5707665\n";
    const result = ok(await read(utf8(csv), "punkte.csv"));
    expect(result.report.sourceCrs).toBe("EPSG:25832");
    for (const f of result.features) {
      expect((f.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(7.46, 6);
    }
    expect(result.report.dropped).toEqual([{ index: 2, name: "C", reason: "unreadable-row" }]);
  });

  it("reads a WKT column as areas, asking for the CRS unless EWKT names it", async () => {
    const wkt = "POLYGON ((7.45 51.51, 7.46 51.51, 7.46 51.516, 7.45 51.516, 7.45 51.51))";
    const csv = `id;name;wkt\n1;Körne;"${wkt}"\n`;
    expect(await read(utf8(csv), "a.csv")).toEqual({
      ok: false,
      problem: { code: "needs-crs", format: "csv", suggestion: "EPSG:4326" },
    });
    expectSquare(await read(utf8(csv), "a.csv", { assumeCrs: "EPSG:4326" }), 0.001);
    expectSquare(await read(utf8(`id;name;wkt\n1;Körne;"SRID=4326;${wkt}"\n`), "a.csv"), 0.001);
  });

  it("parses numbers and WKT variants", () => {
    expect(parseCsvNumber("7,4512")).toBe(7.4512);
    expect(parseCsvNumber("1.234,5")).toBe(1234.5);
    expect(parseCsvNumber("7.451")).toBe(7.451);
    expect(parseCsvNumber("12 abc")).toBeNaN();
    expect(parseWkt("POINT Z (1 2 3)")?.geometry).toEqual({ type: "Point", coordinates: [1, 2, 3] });
    expect(parseWkt("POINT M (1 2 3)")?.geometry).toEqual({ type: "Point", coordinates: [1, 2] });
    expect(parseWkt("MULTIPOINT ((1 2), (3 4))")?.geometry).toEqual({
      type: "MultiPoint",
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseWkt("POLYGON EMPTY")?.geometry).toEqual({ type: "Polygon", coordinates: [] });
    expect(parseWkt("POLYGON ((1 2, 3 4)")).toBeNull();
  });
});

describe("GeoJSON without crs member", () => {
  it("asks for the CRS when every coordinate looks like UTM 32N rather than longitude/latitude", async () => {
    const utm = {
      type: "Polygon",
      coordinates: [
        [
          [393000, 5707000],
          [394000, 5707000],
          [394000, 5708000],
          [393000, 5707000],
        ],
      ],
    };
    const bytes = utf8(JSON.stringify(utm));
    expect(await read(bytes, "a.geojson")).toEqual({
      ok: false,
      problem: { code: "needs-crs", format: "geojson", suggestion: "EPSG:25832" },
    });
    const told = ok(await read(bytes, "a.geojson", { assumeCrs: "EPSG:25832" }));
    expect(geodesicArea(told.features[0]?.geometry as Polygon)).toBeGreaterThan(400_000);
  });
});
