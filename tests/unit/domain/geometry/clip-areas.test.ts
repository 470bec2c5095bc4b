import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import type { Path64 } from "clipper2-ts";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  clipAreas,
  createDecimalClipFrame,
  frameX,
  frameY,
  geodesicArea,
  isValidAreaGeometry,
  latOf,
  lonOf,
  PolyTree64,
  removeSlivers,
  repairAreaGeometry,
  roundCoordinates,
  separateTouchingRings,
  subtractArea,
  unionAreas,
} from "../../../../src/domain/geometry/index.ts";
import { simplePolygonsOfTree } from "../../../../src/domain/geometry/split-touching-loops.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import {
  cell,
  cellAreaM2,
  deepFreeze,
  lat,
  lon,
  partsOfShape,
  rectangle,
  shoelace,
} from "../../../fixtures/geometry/builders.ts";

const p = (i: number, j: number): Position => [lon(i), lat(j)];
const passesTurf = (geometry: AreaGeometry) =>
  booleanValid(geometry) && kinks(geometry).features.length === 0;
const path = (...xy: number[]): Path64 => {
  const out: Path64 = [];
  for (let i = 0; i < xy.length; i += 2) out.push({ x: xy[i] as number, y: xy[i + 1] as number });
  return out;
};

describe("decimal clip frame", () => {
  it("gives back every coordinate of up to 10 decimals as the same number", () => {
    const frame = createDecimalClipFrame(7.4567, 51.5123);
    let seed = 3;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) % 4294967296;
      return seed / 4294967296;
    };
    for (let k = 0; k < 5_000; k++) {
      const decimals = k % 11;
      const lonValue = Number((7.2 + random() * 0.5).toFixed(decimals));
      const latValue = Number((51.3 + random() * 0.3).toFixed(decimals));
      expect(lonOf(frame, frameX(frame, lonValue))).toBe(lonValue);
      expect(latOf(frame, frameY(frame, latValue))).toBe(latValue);
    }
  });
});

describe("clipAreas", () => {
  it("keeps the coordinates of the vertices it does not touch bit-for-bit", () => {
    const a = deepFreeze(rectangle(7.4123457, 51.5012345, 7.4234567, 51.5123457));
    const b = deepFreeze(rectangle(7.4234567, 51.5012345, 7.4345679, 51.5123457));
    const union = clipAreas("union", [a, b]).geometry as Polygon;
    expect(union.coordinates).toEqual([
      [
        [7.4123457, 51.5012345],
        [7.4345679, 51.5012345],
        [7.4345679, 51.5123457],
        [7.4123457, 51.5123457],
        [7.4123457, 51.5012345],
      ],
    ]);
  });

  it("starts each ring at its west-most, then south-most vertex, counter-clockwise", () => {
    const clockwiseFromNorthEast = deepFreeze({
      type: "Polygon" as const,
      coordinates: [[p(1, 1), p(1, 0), p(0, 0), p(0, 1), p(1, 1)]],
    });
    expect(clipAreas("union", [clockwiseFromNorthEast]).geometry).toEqual(cell(0, 0));
  });

  it("returns null and counts the sliver when only a hair-thin strip is left", () => {
    const strip = deepFreeze(rectangle(lon(1) - 1e-9, lat(0), lon(2), lat(1)));
    const result = clipAreas("intersection", [deepFreeze(cell(0, 0))], [strip]);
    expect(result.geometry).toBeNull();
    expect(result.clipped).not.toBeNull();
    expect(result.slivers).toBe(1);
  });

  it("moves apart the parts of a union that meet only at a corner", () => {
    const result = clipAreas("union", deepFreeze([cell(0, 0), cell(1, 1)]));
    expect(result.separated).toBeGreaterThan(0);
    const geometry = result.geometry as MultiPolygon;
    expect(geometry.type).toBe("MultiPolygon");
    expect(isValidAreaGeometry(geometry)).toBe(true);
    expect(passesTurf(geometry)).toBe(true);
  });

  it("cuts a hole that touches the outer ring at a corner and moves it off", () => {
    const corner = deepFreeze({
      type: "Polygon" as const,
      coordinates: [[p(0, 0), p(2, 1), p(1, 2), p(0, 0)]],
    });
    const result = subtractArea(deepFreeze(cell(0, 0, 4, 4)), corner) as Polygon;
    expect(result.coordinates).toHaveLength(2);
    expect(shoelace(result.coordinates[1] as Position[])).toBeLessThan(0);
    expect(isValidAreaGeometry(result)).toBe(true);
    expect(passesTurf(result)).toBe(true);
    expect(geodesicArea(result) / (cellAreaM2(0, 0, 4, 4) - geodesicArea(corner))).toBeCloseTo(1, 6);
  });
});

describe("simplePolygonsOfTree", () => {
  const polygonsOf = (...paths: Path64[]) => {
    const tree = new PolyTree64();
    const outer = tree.addChild(paths[0] as Path64);
    for (const hole of paths.slice(1)) outer.addChild(hole);
    return simplePolygonsOfTree(tree).map((rings) => rings.map((ring) => ring.map((q) => [q.x, q.y])));
  };

  it("cuts a ring that passes through one vertex twice into two outer rings", () => {
    // Two squares that meet at (10, 10), walked as one ring.
    const figureEight = path(0, 0, 10, 0, 10, 10, 20, 10, 20, 20, 10, 20, 10, 10, 0, 10);
    expect(polygonsOf(figureEight)).toEqual([
      [
        [
          [10, 10],
          [20, 10],
          [20, 20],
          [10, 20],
        ],
      ],
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ],
      ],
    ]);
  });

  it("turns a loop wound the other way into a hole of the loop that holds it", () => {
    // The outer square, then from its corner (0, 0) a clockwise triangle inside it.
    const withPocket = path(0, 0, 40, 0, 40, 40, 0, 40, 0, 0, 10, 20, 20, 10);
    expect(polygonsOf(withPocket)).toEqual([
      [
        [
          [0, 0],
          [40, 0],
          [40, 40],
          [0, 40],
        ],
        [
          [0, 0],
          [10, 20],
          [20, 10],
        ],
      ],
    ]);
  });

  it("splits a ring at a vertex that lies on another of its own edges", () => {
    // (20, 0) lies on the edge (0, 0)-(40, 0): a big triangle and a thin one hang together there.
    const tJunction = path(0, 0, 40, 0, 20, 30, 20, 0, 0, 1);
    const polygons = polygonsOf(tJunction);
    expect(polygons).toHaveLength(2);
    expect(polygons.map((rings) => rings[0]?.length)).toEqual([3, 3]);
  });
});

describe("repairs that clipper2 output needed (found by the property tests)", () => {
  it("drops a hair-thin loop that clipping leaves hanging on the ring", () => {
    const ring = [
      [7.4, 51.503],
      [7.402, 51.502],
      [7.4, 51.502],
      [7.4, 51.5],
      [7.4, 51.50200000005],
      [7.401000000000001, 51.502],
      [7.4, 51.503],
    ];
    const { geometry, repairs } = repairAreaGeometry(deepFreeze({ type: "Polygon", coordinates: [ring] }));
    expect(repairs).toEqual(["self-intersection-split", "slivers-removed"]);
    expect(isValidAreaGeometry(geometry as AreaGeometry)).toBe(true);
    expect(passesTurf(geometry as AreaGeometry)).toBe(true);
    expect(partsOfShape(geometry as Polygon)[0]?.[0]).toHaveLength(4);
  });

  it("separates two overlapping triangles whose union touches itself at one vertex", () => {
    const multi = deepFreeze({
      type: "MultiPolygon" as const,
      coordinates: [
        [
          [
            [7.4, 51.5],
            [7.408, 51.507],
            [7.4, 51.501],
            [7.4, 51.5],
          ],
        ],
        [
          [
            [7.406000000000001, 51.508],
            [7.40666666675, 51.506],
            [7.4, 51.50766666665],
            [7.406000000000001, 51.508],
          ],
        ],
      ],
    });
    const { geometry, repairs } = repairAreaGeometry(multi);
    expect(repairs).toContain("touching-rings-separated");
    expect(geometry?.type).toBe("MultiPolygon");
    expect(isValidAreaGeometry(geometry as AreaGeometry)).toBe(true);
    expect(passesTurf(geometry as AreaGeometry)).toBe(true);
  });
});

describe("knots where clipper2's rounding leaves a ring crossing itself (found by random tests)", () => {
  const repaired = (...polygons: Position[][][]) =>
    repairAreaGeometry(deepFreeze({ type: "MultiPolygon" as const, coordinates: polygons })).geometry;

  it("repairs three parts whose crossings meet near one point into a valid area", () => {
    const geometry = repaired(
      [
        [
          [7.405, 51.502],
          [7.4, 51.500001067641435],
          [7.4, 51.5],
          [7.4, 51.5],
          [7.405, 51.502],
        ],
      ],
      [
        [
          [7.404, 51.50299999995],
          [7.4, 51.5],
          [7.4, 51.50299999995],
          [7.404, 51.50299999995],
        ],
      ],
      [
        [
          [7.401000000000001, 51.5],
          [7.402, 51.505],
          [7.406000000000001, 51.501],
          [7.403177105749999, 51.50382459195],
          [7.4, 51.503],
          [7.401000000000001, 51.5],
        ],
      ],
    );
    expect(isValidAreaGeometry(geometry as AreaGeometry)).toBe(true);
    expect(passesTurf(geometry as AreaGeometry)).toBe(true);
  });

  it("repairs parts with a vertex one floating-point step from another into a valid area", () => {
    const geometry = repaired(
      [
        [
          [7.4030000000000005, 51.503],
          [7.4, 51.5],
          [7.4030000000000005, 51.50300170055],
          [7.4, 51.501],
          [7.4030000000000005, 51.503],
        ],
      ],
      [
        [
          [7.404, 51.50267520455],
          [7.40000570405, 51.50388734755],
          [7.4030000000000005, 51.5],
          [7.4030000000000005, 51.50302132695],
          [7.403068708749999, 51.501],
          [7.4, 51.5],
          [7.4, 51.5],
          [7.4, 51.5],
          [7.404, 51.50267520455],
        ],
      ],
    );
    expect(isValidAreaGeometry(geometry as AreaGeometry)).toBe(true);
    expect(passesTurf(geometry as AreaGeometry)).toBe(true);
  });

  it("intersects two repaired areas whose spike tip lies a unit beside an edge into a valid area", () => {
    const a = repaired([
      [
        [7.4, 51.504],
        [7.402, 51.50266759225],
        [7.4, 51.5],
        [7.401000000000001, 51.506],
        [7.40000046275, 51.504],
        [7.406000000000001, 51.5],
        [7.406000000000001, 51.5],
        [7.4, 51.504],
      ],
    ]) as AreaGeometry;
    const b = repaired([
      [
        [7.4, 51.506],
        [7.40022675, 51.5],
        [7.401000000000001, 51.5],
        [7.401000000000001, 51.502],
        [7.4, 51.506],
      ],
    ]) as AreaGeometry;
    const common = clipAreas("intersection", [a], [b]).geometry as AreaGeometry;
    expect(isValidAreaGeometry(common)).toBe(true);
    expect(passesTurf(common)).toBe(true);
  });
});

describe("removeSlivers", () => {
  it("drops a hole a centimetre wide and keeps a real one", () => {
    const thin = [p(0.2, 0.5), p(0.2, 0.5000001), p(0.8, 0.5000001), p(0.8, 0.5), p(0.2, 0.5)];
    const real = cell(0.3, 0.2, 0.2, 0.2).coordinates[0] as Position[];
    const { geometry, removed } = removeSlivers(
      deepFreeze({ type: "Polygon", coordinates: [cell(0, 0).coordinates[0] as Position[], thin, real] }),
    );
    expect(removed).toBe(1);
    expect((geometry as Polygon).coordinates).toHaveLength(2);
  });
});

describe("separateTouchingRings", () => {
  it("moves parts that meet at a corner apart by about a millimetre, keeping the area", () => {
    const touching = deepFreeze({
      type: "MultiPolygon" as const,
      coordinates: [cell(0, 0).coordinates, cell(1, 1).coordinates],
    });
    const { geometry, separated } = separateTouchingRings(touching);
    // Once one corner has moved, the other no longer touches anything.
    expect(separated).toBe(1);
    expect(isValidAreaGeometry(geometry)).toBe(true);
    expect(passesTurf(geometry)).toBe(true);
    const corners = (geometry as MultiPolygon).coordinates.map((rings) => (rings[0] as Position[])[2] ?? []);
    expect(Math.abs((corners[0]?.[0] as number) - lon(1))).toBeLessThan(2e-8);
    expect(geodesicArea(geometry) / (cellAreaM2(0, 0) + cellAreaM2(1, 1))).toBeCloseTo(1, 6);
  });

  it("moves a hole off its outer ring where it touches mid-edge, not the outer ring", () => {
    const outer = cell(0, 0, 4, 4).coordinates[0] as Position[];
    const hole = [p(0, 2), p(1, 1), p(1, 3), p(0, 2)];
    const { geometry, separated } = separateTouchingRings(
      deepFreeze({ type: "Polygon", coordinates: [outer, hole] }),
    );
    expect(separated).toBeGreaterThan(0);
    expect(isValidAreaGeometry(geometry)).toBe(true);
    expect((geometry as Polygon).coordinates[0]).toEqual(outer);
  });

  it("returns the input itself when nothing touches", () => {
    const input = deepFreeze(cell(0, 0));
    expect(separateTouchingRings(input)).toEqual({ geometry: input, separated: 0 });
  });
});

describe("roundCoordinates", () => {
  it("rounds to the grid and keeps decimal coordinates exact", () => {
    const rounded = roundCoordinates(
      {
        type: "Polygon",
        coordinates: [
          [
            [7.400000000000001, 51.51],
            [7.41, 51.5],
            [7.4, 51.5],
          ],
        ],
      },
      1e-9,
    );
    expect(rounded).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.51],
          [7.41, 51.5],
          [7.4, 51.5],
        ],
      ],
    });
  });
});

describe("unionAreas with the decimal frame", () => {
  it("merges districts with 7-decimal borders into their outline without moving a vertex", () => {
    const west = deepFreeze({
      type: "Polygon" as const,
      coordinates: [
        [
          [7.4000001, 51.5000001],
          [7.4100003, 51.5000002],
          [7.4100005, 51.5100007],
          [7.4000001, 51.5100001],
          [7.4000001, 51.5000001],
        ],
      ],
    });
    const east = deepFreeze({
      type: "Polygon" as const,
      coordinates: [
        [
          [7.4100003, 51.5000002],
          [7.4200009, 51.5000003],
          [7.4200001, 51.5100003],
          [7.4100005, 51.5100007],
          [7.4100003, 51.5000002],
        ],
      ],
    });
    const union = unionAreas([west, east]) as Polygon;
    const inputVertices = new Set(
      [west, east].flatMap((g) => g.coordinates[0]?.map((q) => `${q[0]},${q[1]}`)),
    );
    expect(union.coordinates).toHaveLength(1);
    for (const vertex of union.coordinates[0] ?? [])
      expect(inputVertices.has(`${vertex[0]},${vertex[1]}`)).toBe(true);
    expect(geodesicArea(union) / (geodesicArea(west) + geodesicArea(east))).toBeCloseTo(1, 9);
  });
});
