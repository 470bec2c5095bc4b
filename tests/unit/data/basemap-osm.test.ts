import { VectorTile } from "@mapbox/vector-tile";
import type { Feature, FeatureCollection, LineString, Polygon } from "geojson";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import { DORTMUND_ENVELOPE } from "../../../data/catalogue.ts";
import {
  BASEMAP_CHECKS,
  BASEMAP_FILES,
  type BasemapFile,
  basemapTileFeatures,
  buildBasemapTiles,
  buildOsmBasemap,
  checkBasemapFile,
  streetNameExpander,
} from "../../../data/pipeline/basemap-osm.ts";

const line = (coordinates: number[][], properties: Record<string, unknown>): Feature<LineString> => ({
  type: "Feature",
  geometry: { type: "LineString", coordinates },
  properties,
});
const square = (
  west: number,
  south: number,
  size: number,
  properties: Record<string, unknown>,
): Feature<Polygon> => ({
  type: "Feature",
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  },
  properties,
});
const fc = (features: Feature[]): FeatureCollection => ({ type: "FeatureCollection", features });

/** A tiny Dortmund: Phoenix-See, Westfalenpark, the B 1, a side street, the main line, a path, the Emscher. */
function miniFiles(): Record<BasemapFile, FeatureCollection> {
  return {
    roads: fc([
      line(
        [
          [7.45, 51.4925],
          [7.52, 51.4925],
        ],
        { class: "trunk" },
      ),
      line(
        [
          [7.5, 51.49],
          [7.51, 51.495],
        ],
        { class: "minor" },
      ),
      line(
        [
          [7.5, 51.49],
          [7.5, 51.492],
        ],
        { class: "service", brunnel: "tunnel" },
      ),
    ]),
    paths: fc([
      line(
        [
          [7.51, 51.49],
          [7.512, 51.491],
        ],
        { subclass: "cycleway" },
      ),
    ]),
    rail: fc([
      line(
        [
          [7.44, 51.51],
          [7.48, 51.52],
        ],
        { class: "rail", subclass: "rail" },
      ),
      line(
        [
          [7.46, 51.518],
          [7.47, 51.519],
        ],
        { class: "rail", subclass: "rail", service: "yard" },
      ),
    ]),
    waterways: fc([
      line(
        [
          [7.48, 51.489],
          [7.53, 51.491],
        ],
        { class: "river", name: "Emscher" },
      ),
    ]),
    water: fc([square(7.505, 51.485, 0.01, { class: "lake" })]),
    landuse: fc([
      square(7.502, 51.491, 0.002, { layer: "park", class: "park" }),
      square(7.506, 51.491, 0.002, { layer: "landuse", class: "suburb" }),
    ]),
    names: fc([
      line(
        [
          [7.45, 51.4925],
          [7.52, 51.4925],
        ],
        { class: "trunk", name: "Westfalendamm", ref: "B 1" },
      ),
      line(
        [
          [7.5, 51.49],
          [7.51, 51.495],
        ],
        { class: "minor", name: "Emil-Figge-Str." },
      ),
    ]),
  };
}
const SMALL_CHECKS = Object.fromEntries(
  Object.entries(BASEMAP_CHECKS).map(([file, check]) => [file, { ...check, min: 1, max: 10 }]),
) as typeof BASEMAP_CHECKS;

function decode(bytes: Uint8Array) {
  return new VectorTile(new PbfReader(bytes) as never);
}

/** The tile of a point at a zoom (slippy-map numbering). */
function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}.pbf`;
}

describe("checkBasemapFile", () => {
  it("accepts a file with the expected count, geometry and property inside Dortmund", () => {
    expect(checkBasemapFile("roads", miniFiles().roads, DORTMUND_ENVELOPE, SMALL_CHECKS)).toEqual([]);
  });

  it("names a wrong count, wrong geometry, coordinates outside Dortmund and a missing class", () => {
    const bad = fc([
      line(
        [
          [13.4, 52.5],
          [13.41, 52.5],
        ],
        { class: "minor" },
      ),
      square(7.5, 51.5, 0.01, { class: "minor" }),
      line(
        [
          [7.5, 51.5],
          [7.51, 51.5],
        ],
        {},
      ),
    ]);
    const problems = checkBasemapFile("roads", bad, DORTMUND_ENVELOPE);
    expect(problems.join("\n")).toMatch(/has 3 features, expected between 30000 and 60000/);
    expect(problems.join("\n")).toMatch(/1 features that are not LineString\/MultiLineString/);
    expect(problems.join("\n")).toMatch(/1 features outside the Dortmund area/);
    expect(problems.join("\n")).toMatch(/without "class"/);
  });

  it("refuses what is not a FeatureCollection", () => {
    expect(checkBasemapFile("water", { type: "Feature" }, DORTMUND_ENVELOPE)).toEqual([
      "is not a GeoJSON FeatureCollection",
    ]);
  });
});

describe("streetNameExpander", () => {
  const expand = streetNameExpander(["EMIL-FIGGE-STRAßE", "AM HOMBRUCHSFELD", "UNIVERSITÄTSSTRAßE"]);

  it("writes abbreviated names out as the address register spells them", () => {
    expect(expand("Emil-Figge-Str.")).toBe("Emil-Figge-Straße");
    expect(expand("Universitätsstr.")).toBe("Universitätsstraße");
  });

  it("writes out “Str.” of streets the register does not have (outside Dortmund)", () => {
    expect(expand("Castroper Str.")).toBe("Castroper Straße");
    expect(expand("Westring/Herner Str.")).toBe("Westring/Herner Straße");
  });

  it("writes out “Pl.” and “G.” (Gasse), alone or at the end of a compound, and leaves “St.” and “II.”", () => {
    expect(expand("Hörder Burgpl.")).toBe("Hörder Burgplatz");
    expect(expand("Willy-Brandt-Pl.")).toBe("Willy-Brandt-Platz");
    expect(expand("Marktpl. Ickern")).toBe("Marktplatz Ickern");
    expect(expand("Rathaus/Europapl.")).toBe("Rathaus/Europaplatz");
    expect(expand("Zufahrt Parkpl. adesso AG")).toBe("Zufahrt Parkplatz adesso AG");
    expect(expand("Nagelschmiedeg.")).toBe("Nagelschmiedegasse");
    expect(expand("Emilie Boecker G.")).toBe("Emilie Boecker Gasse");
    expect(expand("St.-Vinzenz-von-Paul-Pl.")).toBe("St.-Vinzenz-von-Paul-Platz");
    expect(expand("Im II. Westfeld")).toBe("Im II. Westfeld");
    expect(expand("St.-Peter-Weg")).toBe("St.-Peter-Weg");
  });

  it("takes the register's spelling of an abbreviated square", () => {
    const withSquare = streetNameExpander(["FRIEDENSPLATZ"]);
    expect(withSquare("Friedenspl.")).toBe("Friedensplatz");
  });

  it("keeps names without abbreviation as OSM writes them", () => {
    expect(expand("Am Hombruchsfeld")).toBe("Am Hombruchsfeld");
    expect(expand("Westfalendamm")).toBe("Westfalendamm");
  });
});

describe("basemap tiles", () => {
  const features = basemapTileFeatures(miniFiles(), streetNameExpander(["EMIL-FIGGE-STRAßE"]));
  const tiles = buildBasemapTiles(features, [7.44, 51.48, 7.53, 51.52]);

  it("cut one tile set from zoom 8 to 14 with the seven layers the style reads", () => {
    const zooms = new Set([...tiles.keys()].map((path) => Number(path.split("/")[0])));
    expect([...zooms].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    const detail = decode(tiles.get(tileOf(7.505, 51.49, 14)) as Uint8Array);
    expect(Object.keys(detail.layers).sort()).toEqual(
      ["landuse", "names", "paths", "roads", "water", "waterway"].sort(),
    );
  });

  it("leave out landuse classes the style does not draw", () => {
    expect(features.filter((f) => f.layer === "landuse").map((f) => f.feature.properties?.kind)).toEqual([
      "park",
    ]);
  });

  it("carry only major roads, water and main rail at the city zoom, minor roads and paths later", () => {
    const city = decode(tiles.get(tileOf(7.5, 51.5, 10)) as Uint8Array);
    const kinds = (layer: string, tile = city) =>
      Array.from(
        { length: tile.layers[layer]?.length ?? 0 },
        (_, i) => tile.layers[layer]?.feature(i).properties,
      );
    expect(kinds("roads").map((p) => p?.kind)).toEqual(["trunk"]);
    expect(kinds("rail").every((p) => !("service" in (p ?? {})))).toBe(true);
    expect(city.layers.paths).toBeUndefined();
    expect(kinds("water")).toHaveLength(1);
    const street = decode(tiles.get(tileOf(7.505, 51.4925, 14)) as Uint8Array);
    expect(kinds("roads", street).map((p) => p?.kind)).toEqual(expect.arrayContaining(["minor", "service"]));
    expect(kinds("paths", street)).toEqual([{ kind: "cycleway" }]);
  });

  it("name the B 1 with its number and write the abbreviated street out; no zoom attribute is left", () => {
    const street = decode(tiles.get(tileOf(7.505, 51.4925, 14)) as Uint8Array);
    const names = Array.from(
      { length: street.layers.names?.length ?? 0 },
      (_, i) => street.layers.names?.feature(i).properties,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        { kind: "trunk", name: "Westfalendamm", ref: "B 1", major: 1 },
        { kind: "minor", name: "Emil-Figge-Straße" },
      ]),
    );
    expect(names.some((p) => p && "mz" in p)).toBe(false);
  });
});

describe("buildOsmBasemap", () => {
  it("reads the folder's other files through `read` and returns the tiles", async () => {
    const files = miniFiles();
    const read: string[] = [];
    const result = await buildOsmBasemap({
      roads: files.roads,
      read: async (file) => {
        read.push(file);
        const key = (Object.keys(BASEMAP_FILES) as BasemapFile[]).find((k) => BASEMAP_FILES[k] === file);
        return files[key as BasemapFile];
      },
      addressStreetNames: [],
      envelope: DORTMUND_ENVELOPE,
      checks: SMALL_CHECKS,
    });
    expect(read.sort()).toEqual(
      Object.values(BASEMAP_FILES)
        .filter((f) => f !== BASEMAP_FILES.roads)
        .sort(),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tiles.size).toBeGreaterThan(7);
  });

  it("makes no tiles and names the file when one is wrong", async () => {
    const result = await buildOsmBasemap({
      roads: miniFiles().roads,
      read: async (file) => (file === BASEMAP_FILES.water ? { nope: true } : miniFiles().rail),
      addressStreetNames: [],
      envelope: DORTMUND_ENVELOPE,
      checks: SMALL_CHECKS,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({
        file: BASEMAP_FILES.water,
        problem: "is not a GeoJSON FeatureCollection",
      });
    }
  });
});
