/**
 * Broken and hostile files: each must end in its own specific code (never a crash, never a silent
 * guess), and text must come through as text.
 */
import { zipSync } from "fflate";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { type ImportResult, parseImport } from "../../../src/domain/exchange/index.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));
const feature = (geometry: unknown, properties: Record<string, unknown> = { name: "A" }) => ({
  type: "Feature",
  properties,
  geometry,
});
const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });
const SQUARE = rectangle(7.45, 51.51, 7.46, 51.516);

function problemOf(result: ImportResult) {
  if (result.ok) throw new Error(`expected a problem, got ${result.features.length} features`);
  return result.problem;
}
function okOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected features, got ${JSON.stringify(result.problem)}`);
  return result;
}
const droppedReason = (result: ImportResult) => {
  const problem = problemOf(result);
  if (problem.code !== "no-features") throw new Error(`expected no-features, got ${problem.code}`);
  return problem.dropped.map((d) => d.reason);
};

describe("parseImport on broken and hostile files", () => {
  it("refuses an empty file and a file of blanks as empty-file", async () => {
    expect(problemOf(await parseImport(new Uint8Array(), "leer.geojson")).code).toBe("empty-file");
    expect(problemOf(await parseImport(utf8(" \n\t "), "leer.geojson")).code).toBe("empty-file");
  });

  it("refuses a PNG renamed to .geojson as not-geodata", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(problemOf(await parseImport(png, "karte.geojson"))).toEqual({
      code: "not-geodata",
      fileName: "karte.geojson",
    });
  });

  it("refuses plain prose as not-geodata", async () => {
    expect(problemOf(await parseImport(utf8("Hallo Welt"), "notiz.md")).code).toBe("not-geodata");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const problem = problemOf(
      await parseImport(new Uint8Array(2000), "x.geojson", { limits: { maxBytes: 1000 } }),
    );
    expect(problem).toEqual({ code: "too-large", bytes: 2000, maxBytes: 1000 });
  });

  it("tells truncated JSON from wrong JSON", async () => {
    const text = JSON.stringify(collection(feature(SQUARE)));
    expect(problemOf(await parseImport(utf8(text.slice(0, text.length - 20)), "a.geojson")).code).toBe(
      "truncated-json",
    );
    expect(problemOf(await parseImport(utf8('{"type": "FeatureCollection",, }'), "a.geojson")).code).toBe(
      "invalid-json",
    );
    expect(problemOf(await parseImport(utf8('{"hello": "world"}'), "a.json")).code).toBe("not-geojson");
  });

  it("drops coordinates given as strings as invalid-coordinates", async () => {
    const geometry = {
      type: "Polygon",
      coordinates: [
        [
          ["7.45", "51.51"],
          ["7.46", "51.51"],
          ["7.46", "51.52"],
          ["7.45", "51.51"],
        ],
      ],
    };
    expect(droppedReason(await parseImport(json(collection(feature(geometry))), "a.geojson"))).toEqual([
      "invalid-coordinates",
    ]);
  });

  it("drops huge and infinite coordinates as coordinates-out-of-range", async () => {
    const huge = rectangle(7.45, 51.51, 1e20, 51.52);
    // 1e999 is valid JSON that parses to Infinity.
    const infinite =
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,51]}}';
    expect(droppedReason(await parseImport(json(collection(feature(huge))), "a.geojson"))).toEqual([
      "coordinates-out-of-range",
    ]);
    expect(droppedReason(await parseImport(utf8(infinite), "a.geojson"))).toEqual([
      "coordinates-out-of-range",
    ]);
  });

  it("accepts 3D coordinates, drops the heights and reports it", async () => {
    const ring = (SQUARE.coordinates[0] ?? []).map(([x, y]) => [x, y, 123.4]);
    const result = okOf(
      await parseImport(json(collection(feature({ type: "Polygon", coordinates: [ring] }))), "a.geojson"),
    );
    expect(
      (result.features[0]?.geometry as Polygon | undefined)?.coordinates[0]?.every((p) => p.length === 2),
    ).toBe(true);
    expect(result.report.repaired).toEqual([{ index: 0, name: "A", what: "3d-coordinates-dropped" }]);
  });

  it("takes the polygons out of a GeometryCollection and drops one without polygons", async () => {
    const withPolygon = {
      type: "GeometryCollection",
      geometries: [SQUARE, { type: "Point", coordinates: [7.4, 51.5] }],
    };
    const withoutPolygon = {
      type: "GeometryCollection",
      geometries: [{ type: "Point", coordinates: [7.4, 51.5] }],
    };
    const result = okOf(
      await parseImport(
        json(collection(feature(withPolygon), feature(withoutPolygon, { name: "B" }))),
        "a.geojson",
      ),
    );
    expect(result.features).toHaveLength(1);
    expect(result.features[0]?.geometry.type).toBe("Polygon");
    expect(result.report.repaired.map((r) => r.what)).toEqual(["geometry-collection-split"]);
    expect(result.report.dropped).toEqual([{ index: 1, name: "B", reason: "geometry-collection" }]);
  });

  it("drops features without geometry as null-geometry and reports them by index", async () => {
    const result = okOf(await parseImport(json(collection(feature(null, {}), feature(SQUARE))), "a.geojson"));
    expect(result.report.dropped).toEqual([{ index: 0, name: null, reason: "null-geometry" }]);
    expect(result.report.featureCount).toBe(2);
  });

  it("repairs a self-intersecting ring (a bow-tie) into its two lobes and reports it", async () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [7.45, 51.51],
          [7.46, 51.52],
          [7.46, 51.51],
          [7.45, 51.52],
          [7.45, 51.51],
        ],
      ],
    };
    const result = okOf(await parseImport(json(collection(feature(bowTie))), "a.geojson"));
    expect(result.features[0]?.geometry.type).toBe("MultiPolygon");
    expect(result.report.repaired.map((r) => r.what)).toContain("self-intersection-repaired");
  });

  it("closes an unclosed ring and reports it", async () => {
    const open = { type: "Polygon", coordinates: [(SQUARE.coordinates[0] ?? []).slice(0, -1)] };
    const result = okOf(await parseImport(json(collection(feature(open))), "a.geojson"));
    const ring = (result.features[0]?.geometry as Polygon | undefined)?.coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring.at(-1));
    expect(result.report.repaired.map((r) => r.what)).toEqual(["unclosed-ring-closed"]);
  });

  it("drops an area below the minimum size with its figures", async () => {
    const tiny = rectangle(7.45, 51.51, 7.4501, 51.5101);
    const result = problemOf(await parseImport(json(collection(feature(tiny))), "a.geojson"));
    expect(result.code).toBe("no-features");
    if (result.code === "no-features") {
      expect(result.dropped[0]?.reason).toBe("too-small");
      expect(result.dropped[0]?.params?.minAreaM2).toBe(500);
      expect(Number(result.dropped[0]?.params?.areaM2)).toBeGreaterThan(50);
    }
  });

  it("keeps script tags and other markup in names and properties as plain text", async () => {
    const name = "<script>alert(1)</script>";
    const properties = { name, note: "<img src=x onerror=alert(2)>", "=cmd": "=1+1" };
    const result = okOf(await parseImport(json(collection(feature(SQUARE, properties))), "a.geojson"));
    expect(result.features[0]?.name).toBe(name);
    expect(result.features[0]?.properties).toEqual(properties);
  });

  it("refuses an unknown legacy crs member as unknown-crs", async () => {
    const file = {
      ...collection(feature(SQUARE)),
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::99999" } },
    };
    expect(problemOf(await parseImport(json(file), "a.geojson"))).toEqual({
      code: "unknown-crs",
      crs: "urn:ogc:def:crs:EPSG::99999",
    });
  });

  it("asks for the CRS of a Shapefile zip without .prj, with a suggestion, and reads it once told", async () => {
    const { exportShapefile } = await import("../../../src/domain/exchange/index.ts");
    const { exportInputOf, sampleArea } = await import("../../fixtures/exchange/export-fixtures.ts");
    const { unzipSync } = await import("fflate");
    const zipped = exportShapefile(exportInputOf([sampleArea(SQUARE)]), { crs: "EPSG:25832" }).bytes;
    const withoutPrj = Object.fromEntries(
      Object.entries(unzipSync(zipped)).filter(([n]) => !n.endsWith(".prj")),
    );
    const bytes = zipSync(withoutPrj);
    expect(problemOf(await parseImport(bytes, "ohne-prj.zip"))).toEqual({
      code: "needs-crs",
      format: "shapefile",
      suggestion: "EPSG:25832",
    });
    const told = okOf(await parseImport(bytes, "ohne-prj.zip", { assumeCrs: "EPSG:25832" }));
    expect(told.report.sourceCrs).toBe("EPSG:25832");
    expect(told.features[0]?.name).toBe("Nordstadt Süd");
  });

  it("refuses a bare .shp as shapefile-not-zipped", async () => {
    const header = new Uint8Array(100);
    new DataView(header.buffer).setInt32(0, 9994);
    expect(problemOf(await parseImport(header, "gebiete.shp")).code).toBe("shapefile-not-zipped");
  });

  it("refuses a zip with nothing readable as zip-without-geodata and a damaged zip as invalid-zip", async () => {
    const zip = zipSync({ "readme.txt": utf8("hallo") });
    expect(problemOf(await parseImport(zip, "a.zip"))).toEqual({ code: "zip-without-geodata", entries: 1 });
    expect(problemOf(await parseImport(zip.subarray(0, zip.length - 30), "a.zip")).code).toBe("invalid-zip");
  });

  it("refuses broken XML as invalid-xml and an SQLite file that is no GeoPackage as invalid-geopackage", async () => {
    expect(problemOf(await parseImport(utf8("<kml><Placemark>"), "a.kml")).code).toBe("invalid-xml");
    const { NODE_SQL_JS } = await import("../../fixtures/exchange/node-sql-js.ts");
    const { loadSqlJs } = await import("../../../src/domain/exchange/load-sql-js.ts");
    const SQL = await loadSqlJs(NODE_SQL_JS);
    const db = new SQL.Database();
    db.run("CREATE TABLE t (a INTEGER)");
    const bytes = db.export();
    db.close();
    expect(problemOf(await parseImport(bytes, "a.gpkg", { sqlJsConfig: NODE_SQL_JS })).code).toBe(
      "invalid-geopackage",
    );
  });

  it("refuses more features or vertices than the limits allow", async () => {
    const three = json(collection(feature(SQUARE), feature(SQUARE), feature(SQUARE)));
    expect(problemOf(await parseImport(three, "a.geojson", { limits: { maxFeatures: 2 } }))).toEqual({
      code: "too-many-features",
      count: 3,
      maxFeatures: 2,
    });
    expect(problemOf(await parseImport(three, "a.geojson", { limits: { maxVertices: 10 } })).code).toBe(
      "too-many-vertices",
    );
    const result = problemOf(await parseImport(three, "a.geojson", { limits: { maxFeatureVertices: 4 } }));
    expect(result.code === "no-features" && result.dropped[0]?.reason).toBe("too-many-vertices");
  });

  it("drops an open line and an unknown geometry type with their reasons", async () => {
    const line = {
      type: "LineString",
      coordinates: [
        [7.45, 51.51],
        [7.46, 51.51],
        [7.46, 51.52],
        [7.47, 51.53],
      ],
    };
    const tin = { type: "Tin", coordinates: [] };
    const result = problemOf(await parseImport(json(collection(feature(line), feature(tin))), "a.geojson"));
    expect(result.code === "no-features" && result.dropped.map((d) => [d.reason, d.params])).toEqual([
      ["open-line", undefined],
      ["unsupported-geometry", { type: "Tin" }],
    ]);
  });
});
