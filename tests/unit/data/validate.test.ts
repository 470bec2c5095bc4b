import type { Feature, FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { DORTMUND_ENVELOPE } from "../../../data/catalogue.ts";
import {
  bboxOf,
  DataStepError,
  isFeatureCollection,
  validateLayer,
} from "../../../data/pipeline/validate.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";
import { collection, definition, feature, point, readFixture } from "./helpers.ts";

/** A city-facility point layer (Kitas) expecting exactly `count` features. */
const kitas = (count: number) => definition("kitas", { expectedCount: { min: count, max: count } });

function kita(lon: number, lat: number, overrides: Record<string, unknown> = {}): Feature {
  return feature(point(lon, lat), {
    objektart: "Kindergarten",
    objektname: "Kita Test",
    strasse: "Hohe Straße",
    hausnummer: "1",
    ...overrides,
  });
}

const districts = (count: number) =>
  definition("districts-stadtbezirk", { expectedCount: { min: count, max: count } });

function district(geometry: Polygon, name = "Innenstadt-West"): Feature {
  return feature(geometry, { name, statbez: "00" });
}

describe("validateLayer", () => {
  it("reports no problems when a point layer matches its definition", () => {
    const data = collection([kita(7.46, 51.51), kita(7.41, 51.5)]);
    expect(validateLayer(kitas(2), data)).toEqual([]);
  });

  it("reports no problems for the synthetic district, grid and region fixtures", () => {
    const cases: [string, string][] = [
      ["city-boundary", definition("city-boundary").source],
      ["districts-stadtbezirk", "districts/dortmund_stadtbezirke.geojson"],
      ["districts-statistischer-bezirk", "districts/dortmund_statistische_bezirke.geojson"],
      ["districts-unterbezirk", "districts/dortmund_statistische_unterbezirke.geojson"],
      ["population-grid", "census2011-grid-1km/dortmund_zensus2011_grid_1km.geojson"],
      ["city-region", "city-region-inkar/stadtregion_dortmund_inkar2023.geojson"],
    ];
    for (const [id, file] of cases) {
      const data = readFixture(file);
      const d = definition(id, { expectedCount: { min: data.features.length, max: data.features.length } });
      expect({ id, problems: validateLayer(d, data) }).toEqual({ id, problems: [] });
    }
  });

  it("reports the count and the expected number when a fixed-count layer has too many features", () => {
    const data = collection([
      district(rectangle(7.4, 51.5, 7.42, 51.52)),
      district(rectangle(7.42, 51.5, 7.44, 51.52)),
    ]);
    expect(validateLayer(districts(1), data)).toEqual(["has 2 features, expected 1"]);
  });

  it("reports the allowed range when a layer has too few features", () => {
    const d = definition("kitas", { expectedCount: { min: 3, max: 10 } });
    expect(validateLayer(d, collection([kita(7.46, 51.51)]))).toEqual([
      "has 1 features, expected between 3 and 10",
    ]);
  });

  it("accepts counts on the edges of the allowed range", () => {
    const d = definition("kitas", { expectedCount: { min: 1, max: 2 } });
    expect(validateLayer(d, collection([kita(7.46, 51.51)]))).toEqual([]);
    expect(validateLayer(d, collection([kita(7.46, 51.51), kita(7.47, 51.52)]))).toEqual([]);
  });

  it("refuses anything that is not a FeatureCollection with a features array", () => {
    const notCollections: unknown[] = [
      null,
      [],
      "FeatureCollection",
      { type: "Feature", geometry: point(7.46, 51.51), properties: {} },
      { type: "FeatureCollection" },
      { type: "FeatureCollection", features: {} },
      { type: "Topology", objects: {} },
    ];
    for (const value of notCollections) {
      expect(validateLayer(kitas(0), value)).toEqual(["is not a GeoJSON FeatureCollection"]);
    }
  });

  it("names the feature and its coordinate when latitude and longitude are swapped", () => {
    const data = collection([kita(7.46, 51.51), kita(51.51, 7.46)]);
    const problems = validateLayer(kitas(2), data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("outside the Dortmund area");
    expect(problems[0]).toContain("wrong CRS or axis order?");
    expect(problems[0]).toContain("feature #2 at [51.51, 7.46]");
    expect(problems[0]).not.toContain("feature #1");
  });

  it("names the feature when coordinates are EPSG:25832 metres instead of degrees", () => {
    const data = collection([kita(391238.57, 5705056.61), kita(7.46, 51.51)]);
    const [problem, ...rest] = validateLayer(kitas(2), data);
    expect(rest).toEqual([]);
    expect(problem).toContain("feature #1 at [391238.57, 5705056.61]");
    expect(problem).toContain(`[${DORTMUND_ENVELOPE.join(", ")}]`);
  });

  it("finds a single polygon vertex outside the envelope", () => {
    const polygon = rectangle(7.4, 51.5, 7.44, 51.52);
    // Push one corner north of the envelope (51.66).
    (polygon.coordinates[0] as number[][])[2] = [7.44, 51.7];
    const problems = validateLayer(districts(1), collection([district(polygon)]));
    expect(problems).toEqual([expect.stringContaining("feature #1 at [7.44, 51.7]")]);
  });

  it("accepts coordinates that lie exactly on the envelope's edge", () => {
    const [west, south, east, north] = DORTMUND_ENVELOPE;
    const data = collection([kita(west, south), kita(east, north)]);
    expect(validateLayer(kitas(2), data)).toEqual([]);
  });

  it("lists at most three examples and counts the rest", () => {
    const data = collection([1, 2, 3, 4, 5].map(() => kita(51.51, 7.46)));
    const [problem] = validateLayer(kitas(5), data);
    expect(problem).toContain("feature #1 at [51.51, 7.46], feature #2 at [51.51, 7.46], feature #3 at");
    expect(problem).toContain("and 2 more");
    expect(problem).not.toContain("feature #4");
  });

  it("reports a self-intersecting bow-tie polygon as invalid", () => {
    const bowTie: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.44, 51.52],
          [7.44, 51.5],
          [7.4, 51.52],
          [7.4, 51.5],
        ],
      ],
    };
    const data = collection([
      district(rectangle(7.44, 51.5, 7.48, 51.52), "Innenstadt-Nord"),
      district(bowTie),
    ]);
    const problems = validateLayer(districts(2), data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("has invalid geometries: feature #2 is not a valid Polygon");
    // The crossing of the two diagonals is the middle of the box.
    expect(problems[0]).toMatch(/self-intersection at \[7\.42\d*, 51\.51\d*\]/);
  });

  it("reports a bow tie hidden in one part of a MultiPolygon", () => {
    const d = definition("districts-stadtbezirk", { expectedCount: { min: 1, max: 1 } });
    const multi = {
      type: "MultiPolygon" as const,
      coordinates: [
        rectangle(7.4, 51.5, 7.42, 51.52).coordinates,
        [
          [
            [7.44, 51.5],
            [7.48, 51.52],
            [7.48, 51.5],
            [7.44, 51.52],
            [7.44, 51.5],
          ],
        ],
      ],
    };
    expect(validateLayer(d, collection([feature(multi, { name: "X", statbez: "00" })]))).toEqual([
      expect.stringContaining("feature #1 is not a valid MultiPolygon"),
    ]);
  });

  it("reports a polygon whose ring is not closed as invalid", () => {
    const open = rectangle(7.4, 51.5, 7.44, 51.52);
    open.coordinates[0]?.pop();
    expect(validateLayer(districts(1), collection([district(open)]))).toEqual([
      "has invalid geometries: feature #1 is not a valid Polygon",
    ]);
  });

  it("reports non-numeric coordinates instead of treating them as inside", () => {
    const data = collection([feature({ type: "Point", coordinates: ["7.46", "51.51"] } as never, {})]);
    const problems = validateLayer(definition("kitas", { expectedCount: { min: 1, max: 1 } }), data);
    expect(problems).toContainEqual("has invalid geometries: feature #1 has non-numeric coordinates");
  });

  it("names the property and the features when a required property is missing", () => {
    const withoutStreet = kita(7.46, 51.51);
    delete (withoutStreet.properties as Record<string, unknown>).strasse;
    const data = collection([kita(7.45, 51.5), withoutStreet]);
    expect(validateLayer(kitas(2), data)).toEqual(['lacks the property "strasse" in 1 features: feature #2']);
  });

  it("treats a feature without properties as lacking every required property", () => {
    const bare: Feature = { type: "Feature", geometry: point(7.46, 51.51), properties: null };
    const problems = validateLayer(kitas(1), collection([bare]));
    for (const key of ["objektart", "objektname", "strasse", "hausnummer"]) {
      expect(problems).toContain(`lacks the property "${key}" in 1 features: feature #1`);
    }
  });

  it("names the property when a non-null property is null or an empty string", () => {
    const data = collection([
      kita(7.46, 51.51, { objektname: null }),
      kita(7.45, 51.5),
      kita(7.44, 51.5, { objektname: "" }),
    ]);
    expect(validateLayer(kitas(3), data)).toEqual([
      'has an empty "objektname" in 2 features: feature #1, feature #3',
    ]);
  });

  it("accepts null in a required property that may be null", () => {
    const data = collection([kita(7.46, 51.51, { hausnummer: null, objektart: null })]);
    expect(validateLayer(kitas(1), data)).toEqual([]);
  });

  it("names the feature and the type when a geometry type is not allowed", () => {
    const line = feature(
      {
        type: "LineString",
        coordinates: [
          [7.4, 51.5],
          [7.41, 51.51],
        ],
      },
      { objektart: "x", objektname: "y", strasse: "z", hausnummer: "1" },
    );
    const data = collection([kita(7.46, 51.51), line]);
    expect(validateLayer(kitas(2), data)).toEqual([
      "has geometries other than Point: feature #2 (LineString)",
    ]);
  });

  it("reports a feature without geometry", () => {
    const noGeometry: Feature = { type: "Feature", geometry: null as never, properties: {} };
    expect(validateLayer(districts(1), collection([noGeometry]))).toEqual([
      "has geometries other than Polygon/MultiPolygon: feature #1 (no geometry)",
    ]);
  });

  it("reports several kinds of problem in one pass", () => {
    const data = collection([kita(51.51, 7.46, { objektname: null })]);
    const problems = validateLayer(kitas(2), data);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe("has 1 features, expected 2");
    expect(problems[1]).toContain("outside the Dortmund area");
    expect(problems[2]).toContain('"objektname"');
  });
});

describe("isFeatureCollection", () => {
  it("accepts an empty FeatureCollection and refuses a lone Feature", () => {
    expect(isFeatureCollection({ type: "FeatureCollection", features: [] })).toBe(true);
    expect(isFeatureCollection({ type: "Feature", geometry: null, properties: {} })).toBe(false);
  });
});

describe("bboxOf", () => {
  it("spans all positions of points and polygons", () => {
    const data: FeatureCollection = collection([
      feature(point(7.46, 51.51)),
      feature(rectangle(7.4, 51.5, 7.42, 51.52)),
      feature({ type: "MultiPolygon", coordinates: [rectangle(7.5, 51.45, 7.6, 51.47).coordinates] }),
    ]);
    expect(bboxOf(data)).toEqual([7.4, 51.45, 7.6, 51.52]);
  });

  it("skips features without geometry", () => {
    const data = {
      type: "FeatureCollection",
      features: [feature(point(7.46, 51.51)), { type: "Feature", geometry: null, properties: {} }],
    } as FeatureCollection;
    expect(bboxOf(data)).toEqual([7.46, 51.51, 7.46, 51.51]);
  });
});

describe("DataStepError", () => {
  it("carries the file and the reason and puts both in the message", () => {
    const error = new DataStepError("/data/x.geojson", "is broken");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DataStepError");
    expect(error.file).toBe("/data/x.geojson");
    expect(error.reason).toBe("is broken");
    expect(error.message).toBe("/data/x.geojson: is broken");
  });
});
