import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { hasRingContacts, isValidAreaGeometry, ringsMeet } from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { cell, lat, lon } from "../../../fixtures/geometry/builders.ts";

const p = (i: number, j: number): Position => [lon(i), lat(j)];
const ringOf = (geometry: { coordinates: Position[][] }) => geometry.coordinates[0] as Position[];
const withHoles = (outer: Position[], ...holes: Position[][]): AreaGeometry => ({
  type: "Polygon",
  coordinates: [outer, ...holes],
});

describe("isValidAreaGeometry", () => {
  it("accepts cells, cells with a hole and disjoint parts", () => {
    expect(isValidAreaGeometry(cell(0, 0))).toBe(true);
    expect(
      isValidAreaGeometry(withHoles(ringOf(cell(0, 0, 3, 3)), ringOf(cell(1, 1)).slice().reverse())),
    ).toBe(true);
    expect(
      isValidAreaGeometry({
        type: "MultiPolygon",
        coordinates: [cell(0, 0).coordinates, cell(2, 0).coordinates],
      }),
    ).toBe(true);
  });

  it("rejects a bow-tie, an unclosed ring and a ring with too few positions", () => {
    expect(isValidAreaGeometry(withHoles([p(0, 0), p(1, 1), p(1, 0), p(0, 1), p(0, 0)]))).toBe(false);
    expect(isValidAreaGeometry(withHoles([p(0, 0), p(1, 0), p(1, 1), p(0, 1)]))).toBe(false);
    expect(isValidAreaGeometry(withHoles([p(0, 0), p(1, 0), p(0, 0)]))).toBe(false);
    expect(isValidAreaGeometry({ type: "MultiPolygon", coordinates: [] })).toBe(false);
  });

  it("rejects parts that touch at a corner, as Turf does", () => {
    const touching: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [cell(0, 0).coordinates, cell(1, 1).coordinates],
    };
    expect(isValidAreaGeometry(touching)).toBe(false);
    expect(booleanValid(touching) && kinks(touching).features.length === 0).toBe(false);
  });

  it("rejects a hole outside its outer ring and a part inside another", () => {
    expect(isValidAreaGeometry(withHoles(ringOf(cell(0, 0)), ringOf(cell(5, 5))))).toBe(false);
    expect(
      isValidAreaGeometry({
        type: "MultiPolygon",
        coordinates: [cell(0, 0, 3, 3).coordinates, cell(1, 1).coordinates],
      }),
    ).toBe(false);
  });

  it("accepts a part inside another part's hole (an island in a lake)", () => {
    const lake = withHoles(
      ringOf(cell(0, 0, 5, 5)),
      ringOf(cell(1, 1, 3, 3))
        .slice()
        .reverse(),
    );
    const island: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [(lake as { coordinates: Position[][] }).coordinates, cell(2, 2).coordinates],
    };
    expect(isValidAreaGeometry(island)).toBe(true);
  });
});

describe("ring contacts", () => {
  it("finds a ring touching itself, and none in a plain cell", () => {
    expect(hasRingContacts(cell(0, 0))).toBe(false);
    // The ring comes back to (1, 0) on its way round: a pinch.
    const pinched = withHoles([p(0, 0), p(1, 0), p(2, 0), p(2, 1), p(1, 0), p(1, 1), p(0, 1), p(0, 0)]);
    expect(hasRingContacts(pinched)).toBe(true);
  });

  it("finds edges of two areas that meet, also when they only share a border", () => {
    expect(ringsMeet(cell(0, 0), cell(1, 0))).toBe(true);
    expect(ringsMeet(cell(0, 0), cell(0, 0, 3, 3))).toBe(true);
    expect(ringsMeet(cell(1, 1), cell(0, 0, 3, 3))).toBe(false);
    expect(ringsMeet(cell(0, 0), cell(5, 5))).toBe(false);
  });
});
