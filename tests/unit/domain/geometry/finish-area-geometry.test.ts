import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  cleanRing,
  finishAreaGeometry,
  geodesicArea,
  isValidAreaGeometry,
  passesTurfChecks,
  removeSlivers,
  roundCoordinates,
  separateTouchingRings,
} from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { cell, cellAreaM2, deepFreeze, lat, lon } from "../../../fixtures/geometry/builders.ts";

const p = (i: number, j: number): Position => [lon(i), lat(j)];

describe("cleanRing", () => {
  it("merges nearly coinciding positions and drops hair-thin spikes only when asked", () => {
    const ring = [
      p(0, 0),
      p(1, 0),
      [lon(1) + 1e-14, lat(0)],
      p(1, 1),
      p(1, 2),
      [lon(1) + 1e-13, lat(1.5)],
      p(0, 1),
      p(0, 0),
    ];
    expect(cleanRing(ring).ring).toHaveLength(ring.length);
    // (1, 2) is the tip of a spike 1e-13° wide; its far end stays as a vertex on the edge.
    expect(cleanRing(ring, { mergeWithinDegrees: 1e-11 }).ring).toEqual([
      p(0, 0),
      p(1, 0),
      p(1, 1),
      ring[5],
      p(0, 1),
      p(0, 0),
    ]);
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
    expect(passesTurfChecks(geometry)).toBe(true);
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

describe("finishAreaGeometry", () => {
  it("returns null for null and for slivers only", () => {
    expect(finishAreaGeometry(null).geometry).toBeNull();
    const sliver: AreaGeometry = {
      type: "Polygon",
      coordinates: [[p(0, 0), p(1, 0), p(1, 0.00001), p(0, 0)]],
    };
    expect(finishAreaGeometry(sliver)).toEqual({ geometry: null, slivers: 1, separated: 0 });
  });
});
