import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VectorTile } from "@mapbox/vector-tile";
import type { FeatureCollection, Point } from "geojson";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import {
  ADDRESS_TILE_MAX_ZOOM,
  ADDRESS_TILE_MIN_ZOOM,
  addressSampleStep,
  buildAddressTiles,
  parseAddressCsv,
  streetLabels,
  titleCaseStreet,
} from "../../../data/pipeline/addresses.ts";
import { bboxOf } from "../../../data/pipeline/validate.ts";
import { collection, feature, MINI_DATA_DIR, point } from "./helpers.ts";

const HEADER = "strname,strsl,hnr,hnrz,x_25832,y_25832,lon,lat,ubz_nr,statbez_nr";
const fixtureCsv = readFileSync(join(MINI_DATA_DIR, "addresses", "dortmund_adressen_ubz.csv"), "utf8");

/** Slippy-map tile that contains a position (independent of the code under test). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n),
  ];
}

function address(strname: string, strsl: string, lon: number, lat: number) {
  return feature(point(lon, lat), {
    strname,
    strsl,
    hnr: "1",
    hnrz: "",
    lon: `${lon}`,
    lat: `${lat}`,
    ubz_nr: "001",
  });
}

describe("parseAddressCsv", () => {
  it("turns each data line into a point with the CSV values as text properties", () => {
    const { collection: parsed, problems } = parseAddressCsv(fixtureCsv);
    expect(problems).toEqual([]);
    expect(parsed.features).toHaveLength(8);
    expect(parsed.features[1]).toEqual({
      type: "Feature",
      geometry: { type: "Point", coordinates: [7.403, 51.503] },
      properties: {
        strname: "AM HOMBRUCHSFELD",
        strsl: "10001",
        hnr: "3",
        hnrz: "a",
        lon: "7.4030000",
        lat: "51.5030000",
        ubz_nr: "001",
      },
    });
  });

  it("reads columns by name, whatever their order", () => {
    const csv = "ubz_nr,lat,lon,hnrz,hnr,strsl,strname\n613,51.4861886,7.4335498,,5,77414,TESTWEG\n";
    const { collection: parsed, problems } = parseAddressCsv(csv);
    expect(problems).toEqual([]);
    expect(parsed.features[0]?.geometry.coordinates).toEqual([7.4335498, 51.4861886]);
    expect(parsed.features[0]?.properties).toMatchObject({ strname: "TESTWEG", hnr: "5", ubz_nr: "613" });
  });

  it("accepts Windows line endings, also when a required column comes last", () => {
    const csv = "strname,strsl,hnr,hnrz,lon,lat,ubz_nr\r\nTESTWEG,1,2,,7.41,51.51,613\r\n";
    const { collection: parsed, problems } = parseAddressCsv(csv);
    expect(problems).toEqual([]);
    expect(parsed.features).toHaveLength(1);
    expect(parsed.features[0]?.properties?.ubz_nr).toBe("613");
  });

  it("names every missing column and returns no features", () => {
    const csv = "strname,strsl,hnr,hnrz,lon,x\nWEG,1,2,,7.4,51.5\n";
    const { collection: parsed, problems } = parseAddressCsv(csv);
    expect(parsed.features).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("lacks the columns lat, ubz_nr");
    expect(problems[0]).toContain("(header: strname,strsl,hnr,hnrz,lon,x)");
  });

  it("reports an empty file as lacking all columns", () => {
    const { problems } = parseAddressCsv("");
    expect(problems[0]).toContain("lacks the columns strname, strsl, hnr, hnrz, lon, lat, ubz_nr");
  });

  it("names the lines with a wrong number of columns and keeps the good ones", () => {
    const csv = [
      HEADER,
      "WEG A,1,1,,0,0,7.41,51.51,001,00",
      "WEG B,2,1,,0,0,7.42,51.52,001", // line 3: one column short
      "WEG C,3,1,,0,0,7.43,51.53,001,00",
      "WEG, D,4,1,,0,0,7.44,51.54,001,00", // line 5: a comma in the name
    ].join("\n");
    const { collection: parsed, problems } = parseAddressCsv(csv);
    expect(problems).toEqual(["has 2 lines with a wrong number of columns (first: line 3, 5)"]);
    expect(parsed.features.map((f) => f.properties?.strname)).toEqual(["WEG A", "WEG C"]);
  });

  it("counts line numbers as in the file when blank lines come before a bad line", () => {
    const csv = [HEADER, "WEG A,1,1,,0,0,7.41,51.51,001,00", "", "", "WEG B,2,1,,0,0,7.42,51.52,001"].join(
      "\n",
    );
    expect(parseAddressCsv(csv).problems).toEqual([
      "has 1 lines with a wrong number of columns (first: line 5)",
    ]);
  });

  it("lists at most three bad lines", () => {
    const bad = "X,1,1";
    const csv = [HEADER, bad, bad, bad, bad].join("\n");
    expect(parseAddressCsv(csv).problems).toEqual([
      "has 4 lines with a wrong number of columns (first: line 2, 3, 4)",
    ]);
  });
});

describe("titleCaseStreet", () => {
  it('writes "AM HOMBRUCHSFELD" as "Am Hombruchsfeld"', () => {
    expect(titleCaseStreet("AM HOMBRUCHSFELD")).toBe("Am Hombruchsfeld");
  });

  it("keeps ß in STRAßE and lowers a capital ẞ", () => {
    expect(titleCaseStreet("HOHE STRAßE")).toBe("Hohe Straße");
    expect(titleCaseStreet("HAFENSTRAßE")).toBe("Hafenstraße");
    expect(titleCaseStreet("HOHE STRAẞE")).toBe("Hohe Straße");
  });

  it("capitalises after hyphens, dots, slashes and brackets, and keeps umlauts", () => {
    expect(titleCaseStreet("ST.-JOSEPH-STR.")).toBe("St.-Joseph-Str.");
    expect(titleCaseStreet("ÖSTLICHER WALL (ALT)/NEU")).toBe("Östlicher Wall (Alt)/Neu");
    expect(titleCaseStreet("1260. PROJEKTIERTE STRAßE")).toBe("1260. Projektierte Straße");
  });

  it("writes articles and prepositions after the first word in lower case", () => {
    expect(titleCaseStreet("PLATZ DER DEUTSCHEN EINHEIT")).toBe("Platz der Deutschen Einheit");
    expect(titleCaseStreet("AUF DEM BERGE")).toBe("Auf dem Berge");
    expect(titleCaseStreet("AN DER MARKTHALLE")).toBe("An der Markthalle");
    expect(titleCaseStreet("PLATZ VON ROSTOW")).toBe("Platz von Rostow");
  });
});

describe("streetLabels", () => {
  it("gives one label per street key, named in title case, with the number of addresses", () => {
    const { collection: parsed } = parseAddressCsv(fixtureCsv);
    const labels = streetLabels(parsed);
    expect(labels.features.map((f) => f.properties)).toEqual([
      { name: "Am Hombruchsfeld", addresses: 3 },
      { name: "Hohe Straße", addresses: 3 },
      { name: "Hafenstraße", addresses: 2 },
    ]);
  });

  it("places the label at the address nearest the street's mean position", () => {
    const { collection: parsed } = parseAddressCsv(fixtureCsv);
    const labels = streetLabels(parsed);
    // Three collinear addresses: the middle one is nearest the mean.
    expect(labels.features[0]?.geometry.coordinates).toEqual([7.403, 51.503]);
    expect(labels.features[1]?.geometry.coordinates).toEqual([7.416, 51.51]);
  });

  it("keeps streets of the same name apart when their keys differ, and falls back to the name", () => {
    const addresses = collection([
      address("HAUPTSTRAßE", "500", 7.41, 51.5),
      address("HAUPTSTRAßE", "501", 7.6, 51.45),
      address("OHNE SCHLÜSSEL", "", 7.42, 51.5),
      address("OHNE SCHLÜSSEL", "", 7.44, 51.5),
    ]) as FeatureCollection<Point>;
    const labels = streetLabels(addresses);
    expect(labels.features.map((f) => [f.properties?.name, f.properties?.addresses])).toEqual([
      ["Hauptstraße", 1],
      ["Hauptstraße", 1],
      ["Ohne Schlüssel", 2],
    ]);
  });
});

describe("buildAddressTiles", () => {
  const { collection: addresses } = parseAddressCsv(fixtureCsv);
  const labels = streetLabels(addresses);
  const tiles = buildAddressTiles(addresses, labels, bboxOf(addresses));

  it("names tiles z/x/y.pbf for every zoom from 10 to 14 and none outside", () => {
    expect(tiles.size).toBeGreaterThan(0);
    const zooms = new Set<number>();
    for (const [key, bytes] of tiles) {
      expect(key).toMatch(/^\d+\/\d+\/\d+\.pbf$/);
      expect(bytes.byteLength).toBeGreaterThan(0);
      zooms.add(Number(key.split("/")[0]));
    }
    const expected = [];
    for (let z = ADDRESS_TILE_MIN_ZOOM; z <= ADDRESS_TILE_MAX_ZOOM; z++) expected.push(z);
    expect([...zooms].sort((a, b) => a - b)).toEqual(expected);
  });

  it("has the tile that contains an address, at the right x and y", () => {
    for (let z = ADDRESS_TILE_MIN_ZOOM; z <= ADDRESS_TILE_MAX_ZOOM; z++) {
      const [x, y] = tileOf(7.45, 51.515, z);
      expect(tiles.has(`${z}/${x}/${y}.pbf`)).toBe(true);
    }
  });

  it("decodes to an addresses layer sampled by zoom and a streets layer with the names", () => {
    const [x, y] = tileOf(7.41, 51.505, 10);
    const bytes = tiles.get(`10/${x}/${y}.pbf`);
    expect(bytes).toBeDefined();
    const tile = new VectorTile(new PbfReader(bytes as Uint8Array));
    expect(Object.keys(tile.layers).sort()).toEqual(["addresses", "streets"]);
    // At zoom 10 one tile holds the whole fixture (about 3.5 km across), but only every 4th address.
    expect(addressSampleStep(10)).toBe(4);
    expect(tile.layers.addresses?.length).toBe(Math.ceil(8 / 4));
    const names = [];
    const streets = tile.layers.streets;
    for (let i = 0; i < (streets?.length ?? 0); i++) names.push(streets?.feature(i).properties.name);
    expect(names.sort()).toEqual(["Am Hombruchsfeld", "Hafenstraße", "Hohe Straße"]);
    // Decoded back to lon/lat, an address lands within a tile pixel of where it was.
    const decoded = tile.layers.addresses?.feature(0).toGeoJSON(x, y, 10).geometry as Point;
    const near = addresses.features.some(
      (f) =>
        Math.abs((f.geometry.coordinates[0] ?? 0) - (decoded.coordinates[0] ?? 0)) < 1e-3 &&
        Math.abs((f.geometry.coordinates[1] ?? 0) - (decoded.coordinates[1] ?? 0)) < 1e-3,
    );
    expect(near).toBe(true);
  });

  it("keeps every address from zoom 13 on", () => {
    expect(addressSampleStep(13)).toBe(1);
    expect(addressSampleStep(14)).toBe(1);
    let total = 0;
    for (const [key, bytes] of tiles) {
      if (!key.startsWith("14/")) continue;
      total += new VectorTile(new PbfReader(bytes)).layers.addresses?.length ?? 0;
    }
    // Tiles have a buffer, so a point near an edge can appear in two tiles: at least all 8.
    expect(total).toBeGreaterThanOrEqual(8);
  });

  it("returns no tiles when there are no addresses and no streets", () => {
    const empty: FeatureCollection<Point> = { type: "FeatureCollection", features: [] };
    expect(buildAddressTiles(empty, empty, [7.4, 51.5, 7.41, 51.51]).size).toBe(0);
  });
});
