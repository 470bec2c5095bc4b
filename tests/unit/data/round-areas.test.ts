/**
 * Rounding the served areas to 6 decimals keeps every area valid and shared borders shared: on small
 * hand-made cases, then on the real Dortmund output of the data step (public/generated when it is the
 * current code's output, otherwise a fresh run into a temporary folder).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, DEFAULT_OUT_DIR, isOutputCurrent, runDataStep } from "../../../data/build-data.ts";
import { dissolveSharedBorders } from "../../../data/pipeline/dissolve-shared-borders.ts";
import { roundAreasKeepingValid, verticesNearOtherEdges } from "../../../data/pipeline/round-areas.ts";
import { roundGeometry } from "../../../data/pipeline/transforms.ts";
import { isValidAreaGeometry } from "../../../src/domain/geometry/validate-area-geometry.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";
import { collection, feature } from "./helpers.ts";

type Area = Polygon | MultiPolygon;
const ringsOf = (g: Area) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates).flat();
const vertices = (g: Area) => ringsOf(g).flat();
const key = (p: Position) => `${p[0]},${p[1]}`;
const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;

/**
 * A square with a slit cut in from its east side, the slit 0.3e-6° wide (3 cm): valid, but rounding to
 * 6 decimals puts both sides of the slit on one line. Corners carry a 7th decimal to be rounded away.
 */
const slitSquare: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [7.4000001, 51.5000001],
      [7.4100001, 51.5000001],
      [7.4100001, 51.5050001],
      [7.4050001, 51.5050001],
      [7.4050001, 51.5050004],
      [7.4100001, 51.5050004],
      [7.4100001, 51.5100001],
      [7.4000001, 51.5100001],
      [7.4000001, 51.5000001],
    ],
  ],
};
/** The neighbour to the east, sharing the square's east side vertex for vertex (in reverse). */
const eastNeighbour: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [7.4100001, 51.5000001],
      [7.4200001, 51.5000001],
      [7.4200001, 51.5100001],
      [7.4100001, 51.5100001],
      [7.4100001, 51.5050004],
      [7.4100001, 51.5050001],
      [7.4100001, 51.5000001],
    ],
  ],
};

describe("roundAreasKeepingValid", () => {
  it("keeps an area valid that plain rounding makes self-touching, rounding the rest", () => {
    expect(isValidAreaGeometry(slitSquare)).toBe(true);
    expect(isValidAreaGeometry(roundGeometry(slitSquare))).toBe(false);

    const result = roundAreasKeepingValid([collection([feature(slitSquare, { name: "slit" })])]);
    const written = result.collections[0]?.features[0]?.geometry as Polygon;
    expect(isValidAreaGeometry(written)).toBe(true);
    expect(result.repairedAreas).toBe(1);
    // Only the vertices at the slit and on the east side stay precise; the west corners are rounded.
    expect(result.preciseVertices).toBe(6);
    expect(written.coordinates[0]?.[0]).toEqual([7.4, 51.5]);
    expect(written.coordinates[0]?.[3]).toEqual([7.4050001, 51.5050001]);
  });

  it("writes a vertex two neighbours share identically in both, also where one kept it precise", () => {
    const result = roundAreasKeepingValid([
      collection([feature(slitSquare, { name: "slit" })]),
      collection([feature(eastNeighbour, { name: "east" })]),
    ]);
    const square = result.collections[0]?.features[0]?.geometry as Polygon;
    const east = result.collections[1]?.features[0]?.geometry as Polygon;
    expect(isValidAreaGeometry(square)).toBe(true);
    expect(isValidAreaGeometry(east)).toBe(true);
    const squareVertices = new Set(vertices(square).map(key));
    // Every vertex of the neighbour's west side (x = 7.41...) is in the square too, written the same.
    const westSide = vertices(east).filter((p) => (p[0] as number) < 7.415);
    expect(westSide.map(key)).toContain("7.4100001,51.5050001");
    for (const p of westSide) expect(squareVertices.has(key(p))).toBe(true);
    // And the two still tile exactly: their shared border cancels out.
    expect(dissolveSharedBorders([square, east])).not.toBeNull();
  });

  it("leaves points and an area that rounds cleanly alone apart from the rounding", () => {
    const points: FeatureCollection = collection([
      feature({ type: "Point", coordinates: [7.4000004, 51.5] }),
    ]);
    const result = roundAreasKeepingValid([
      points,
      collection([feature(rectangle(7.4000004, 51.5, 7.41, 51.51))]),
    ]);
    expect(result.collections[0]).toEqual(points);
    expect((result.collections[1]?.features[0]?.geometry as Polygon | undefined)?.coordinates).toEqual(
      rectangle(7.4, 51.5, 7.41, 51.51).coordinates,
    );
    expect(result).toMatchObject({ repairedAreas: 0, preciseVertices: 0, passes: 1 });
  });

  it("refuses an area that is invalid before rounding", () => {
    const bowTie: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.41, 51.51],
          [7.41, 51.5],
          [7.4, 51.51],
          [7.4, 51.5],
        ],
      ],
    };
    expect(() => roundAreasKeepingValid([collection([feature(bowTie, { name: "bow tie" })])])).toThrow(
      /invalid before rounding \(bow tie\)/,
    );
  });
});

describe("verticesNearOtherEdges", () => {
  it("finds the ends of edges closer than the reach, and nothing at a larger distance", () => {
    const rings = ringsOf(slitSquare);
    // The slit's two sides, and the two parts of the east side that the slit's mouth separates.
    expect(new Set(verticesNearOtherEdges(rings, 1e-6).map(key))).toEqual(
      new Set([
        "7.4050001,51.5050001",
        "7.4100001,51.5050001",
        "7.4050001,51.5050004",
        "7.4100001,51.5050004",
        "7.4100001,51.5000001",
        "7.4100001,51.5100001",
      ]),
    );
    expect(verticesNearOtherEdges(rings, 1e-7)).toEqual([]);
  });
});

describe("dissolveSharedBorders", () => {
  it("is the outer edge of areas that share borders, every vertex kept", () => {
    const outline = dissolveSharedBorders([
      rectangle(7.4, 51.5, 7.44, 51.52),
      rectangle(7.44, 51.5, 7.48, 51.52),
    ]);
    expect(outline?.type).toBe("Polygon");
    expect(new Set(vertices(outline as Area).map(key))).toEqual(
      new Set(["7.4,51.5", "7.44,51.5", "7.48,51.5", "7.48,51.52", "7.44,51.52", "7.4,51.52"]),
    );
  });

  it("gives up (null) when the borders are not shared vertex for vertex", () => {
    // The east square's west side has an extra vertex the west square lacks (a T-junction).
    const east: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.44, 51.5],
          [7.48, 51.5],
          [7.48, 51.52],
          [7.44, 51.52],
          [7.44, 51.51],
          [7.44, 51.5],
        ],
      ],
    };
    expect(dissolveSharedBorders([rectangle(7.4, 51.5, 7.44, 51.52), east])).toBeNull();
    // Overlapping areas too.
    expect(
      dissolveSharedBorders([rectangle(7.4, 51.5, 7.44, 51.52), rectangle(7.4, 51.5, 7.44, 51.52)]),
    ).toBeNull();
  });
});

describe("the data step's areas on the real Dortmund data", () => {
  let dir = DEFAULT_OUT_DIR;
  let temporary: string | null = null;
  const read = (name: string) =>
    JSON.parse(readFileSync(join(dir, `${name}.geojson`), "utf8")) as FeatureCollection<Area>;
  const source = (name: string) =>
    JSON.parse(
      readFileSync(join(DEFAULT_DATA_DIR, "districts", `${name}.geojson`), "utf8"),
    ) as FeatureCollection<Area>;
  const AREA_LAYERS = [
    "city-boundary",
    "districts-stadtbezirk",
    "districts-statistischer-bezirk",
    "districts-unterbezirk",
    "population-grid",
    "population-grid-2022",
    "city-region",
  ];

  beforeAll(async () => {
    if (!(await isOutputCurrent(DEFAULT_DATA_DIR, DEFAULT_OUT_DIR))) {
      temporary = await mkdtemp(join(tmpdir(), "pilotkarte-round-"));
      dir = join(temporary, "generated");
      await runDataStep({ dataDir: DEFAULT_DATA_DIR, outDir: dir });
    }
  }, 300_000);
  afterAll(async () => {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  });

  it("would have 105 invalid areas with plain rounding (69 + 30 + 5 Bezirke and the city outline)", () => {
    const plainInvalid = (name: string) =>
      source(name).features.filter((f) => !isValidAreaGeometry(roundGeometry(f.geometry))).length;
    expect(plainInvalid("dortmund_statistische_unterbezirke")).toBe(69);
    expect(plainInvalid("dortmund_statistische_bezirke")).toBe(30);
    expect(plainInvalid("dortmund_stadtbezirke")).toBe(5);
    const outline = dissolveSharedBorders(source("dortmund_stadtbezirke").features.map((f) => f.geometry));
    expect(isValidAreaGeometry(roundGeometry(outline as Area))).toBe(false);
  });

  it("writes every area valid", () => {
    const invalid = AREA_LAYERS.flatMap((name) =>
      read(name)
        .features.filter((f) => !isValidAreaGeometry(f.geometry))
        .map((f) => `${name}: ${f.properties?.name ?? f.id}`),
    );
    expect(invalid).toEqual([]);
    expect(read("districts-unterbezirk").features).toHaveLength(170);
  });

  it("keeps shared borders exact: each level still tiles into exactly the written city outline", () => {
    const city = read("city-boundary").features[0]?.geometry as Area;
    const cityVertices = new Set(vertices(city).map(key));
    for (const level of ["stadtbezirk", "statistischer-bezirk"]) {
      const outline = dissolveSharedBorders(read(`districts-${level}`).features.map((f) => f.geometry));
      expect(outline, level).not.toBeNull();
      expect(new Set(vertices(outline as Area).map(key)), level).toEqual(cityVertices);
    }
  });

  it("rounds most vertices to 6 decimals (about 0.1 m)", () => {
    const everything = read("districts-unterbezirk").features.flatMap((f) => vertices(f.geometry));
    expect(everything.length).toBeGreaterThan(40_000);
    const rounded = everything.filter((p) => decimals(p[0] as number) <= 6 && decimals(p[1] as number) <= 6);
    expect(rounded.length / everything.length).toBeGreaterThan(0.8);
  });
});
