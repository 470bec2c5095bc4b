import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  geodesicArea,
  isValidAreaGeometry,
  REPAIR_CODES,
  repairAreaGeometry,
} from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import {
  cell,
  cellAreaM2,
  deepFreeze,
  lat,
  lon,
  partsOfShape,
  shoelace,
} from "../../../fixtures/geometry/builders.ts";

const p = (i: number, j: number): Position => [lon(i), lat(j)];
const polygon = (...rings: Position[][]): Polygon => deepFreeze({ type: "Polygon", coordinates: rings });

function expectValid(geometry: AreaGeometry | null): void {
  expect(geometry).not.toBeNull();
  expect(booleanValid(geometry as AreaGeometry)).toBe(true);
  expect(kinks(geometry as AreaGeometry).features).toHaveLength(0);
  expect(isValidAreaGeometry(geometry as AreaGeometry)).toBe(true);
}

describe("repairAreaGeometry", () => {
  describe("self-intersections", () => {
    // An uneven bow-tie: its edges (0,0)-(4,2) and (4,0)-(0,1) cross at (4/3, 2/3).
    const bowTie = polygon([p(0, 0), p(4, 2), p(4, 0), p(0, 1), p(0, 0)]);
    const crossing = p(4 / 3, 2 / 3);
    const leftLobe: Polygon = { type: "Polygon", coordinates: [[p(0, 0), crossing, p(0, 1), p(0, 0)]] };
    const rightLobe: Polygon = { type: "Polygon", coordinates: [[crossing, p(4, 0), p(4, 2), crossing]] };

    it("splits a bow-tie into two triangles with the area of both lobes", () => {
      const { geometry, repairs } = repairAreaGeometry(bowTie);
      expect(geometry?.type).toBe("MultiPolygon");
      const parts = partsOfShape(geometry as MultiPolygon);
      expect(parts).toHaveLength(2);
      // Each lobe is a triangle, its tip at the old crossing moved a millimetre into the lobe.
      for (const rings of parts) {
        expect(rings).toHaveLength(1);
        expect(rings[0]).toHaveLength(4);
      }
      const expected = geodesicArea(leftLobe) + geodesicArea(rightLobe);
      expect(Math.abs(geodesicArea(geometry as AreaGeometry) / expected - 1)).toBeLessThan(1e-6);
      expect(repairs).toContain("self-intersection-split");
    });

    it("returns a bow-tie repair that passes boolean-valid and has no kinks", () => {
      expect(booleanValid(bowTie)).toBe(true); // Turf alone does not notice the crossing ...
      expect(kinks(bowTie).features.length).toBeGreaterThan(0); // ... kinks does.
      expectValid(repairAreaGeometry(bowTie).geometry);
    });

    it("turns a ring that loops twice around a region into one polygon", () => {
      const loop = polygon([p(0, 0), p(3, 0), p(3, 3), p(1, 3), p(1, 1), p(2, 1), p(2, 2), p(0, 2), p(0, 0)]);
      const { geometry, repairs } = repairAreaGeometry(loop);
      expectValid(geometry);
      expect(repairs).toContain("self-intersection-split");
      expect(geodesicArea(geometry as AreaGeometry)).toBeGreaterThan(cellAreaM2(0, 0, 2, 2));
    });
  });

  describe("points and rings", () => {
    it("removes a duplicated point and keeps the area", () => {
      const { geometry, repairs } = repairAreaGeometry(
        polygon([p(0, 0), p(1, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)]),
      );
      expect(repairs).toEqual(["duplicate-points-removed"]);
      expect(geometry).toEqual(cell(0, 0));
    });

    it("closes an unclosed ring", () => {
      const { geometry, repairs } = repairAreaGeometry(polygon([p(0, 0), p(1, 0), p(1, 1), p(0, 1)]));
      expect(repairs).toEqual(["ring-closed"]);
      expect(geometry).toEqual(cell(0, 0));
    });

    it("drops positions without finite coordinates", () => {
      const { geometry, repairs } = repairAreaGeometry(
        polygon([p(0, 0), p(1, 0), [Number.NaN, lat(0)], p(1, 1), p(0, 1), p(0, 0)]),
      );
      expect(repairs).toEqual(["invalid-positions-removed"]);
      expect(geometry).toEqual(cell(0, 0));
    });

    it("rewinds a clockwise outer ring", () => {
      const clockwise = (cell(0, 0).coordinates[0] as Position[]).slice().reverse();
      const { geometry, repairs } = repairAreaGeometry(polygon(clockwise));
      expect(repairs).toEqual(["winding-fixed"]);
      expect(shoelace((geometry as Polygon).coordinates[0] as Position[])).toBeGreaterThan(0);
    });

    it("drops a sliver hole and a degenerate part", () => {
      const sliver = [p(0.2, 0.5), p(0.8, 0.5), p(0.8, 0.5000001), p(0.2, 0.5), p(0.2, 0.5)];
      const { geometry, repairs } = repairAreaGeometry(
        deepFreeze({
          type: "MultiPolygon",
          coordinates: [[cell(0, 0).coordinates[0] as Position[], sliver], [[p(5, 5), p(6, 6), p(5, 5)]]],
        }),
      );
      expect(repairs).toContain("slivers-removed");
      expect(geometry).toEqual(cell(0, 0));
    });
  });

  describe("parts and holes", () => {
    it("reports no merged overlap for plain drawn shapes (a shape starting at another vertex is no overlap)", () => {
      // Skewed quadrilaterals with full-precision coordinates, as drawn: clipping hands them back
      // starting at another vertex, which must not read as a change of area.
      let seed = 11;
      const random = () => {
        seed = (seed * 1664525 + 1013904223) % 4294967296;
        return seed / 4294967296;
      };
      for (let k = 0; k < 40; k++) {
        const x = 7.35 + random() * 0.25;
        const y = 51.45 + random() * 0.1;
        const w = 0.002 + random() * 0.02;
        const h = 0.001 + random() * 0.01;
        const j = () => (random() - 0.5) * 0.0002;
        const ring: Position[] = [
          [x + j(), y + j()],
          [x + w + j(), y + j()],
          [x + w + j(), y + h + j()],
          [x + j(), y + h + j()],
        ];
        ring.push(ring[0] as Position);
        expect(repairAreaGeometry(polygon(ring)).repairs).not.toContain("overlaps-merged");
      }
    });

    it("merges overlapping parts of a MultiPolygon", () => {
      const { geometry, repairs } = repairAreaGeometry(
        deepFreeze({
          type: "MultiPolygon",
          coordinates: [cell(0, 0, 2, 1).coordinates, cell(1, 0, 2, 1).coordinates],
        }),
      );
      expect(repairs).toEqual(["overlaps-merged"]);
      expect(geometry?.type).toBe("Polygon");
      expect(geodesicArea(geometry as AreaGeometry) / cellAreaM2(0, 0, 3, 1)).toBeCloseTo(1, 6);
    });

    it("separates a hole that touches its outer ring at a vertex", () => {
      const outer = cell(0, 0, 4, 4).coordinates[0] as Position[];
      const hole = [p(0, 0), p(1, 2), p(2, 1), p(0, 0)];
      const input = polygon(outer, hole);
      expect(kinks(input).features.length).toBeGreaterThan(0);
      const { geometry, repairs } = repairAreaGeometry(input);
      expect(repairs).toContain("touching-rings-separated");
      expectValid(geometry);
      // Moving one vertex by a millimetre shifts the area by about a millimetre times its edges.
      expect(geodesicArea(geometry as AreaGeometry) / geodesicArea(input)).toBeCloseTo(1, 6);
    });
  });

  describe("results", () => {
    it("reports nothing for a valid area and returns it unchanged", () => {
      const input = deepFreeze(cell(0, 0, 2, 2));
      expect(repairAreaGeometry(input)).toEqual({ geometry: input, repairs: [] });
    });

    it("returns null and the code empty when nothing is left", () => {
      expect(repairAreaGeometry(polygon([p(0, 0), p(1, 1), p(0, 0)]))).toEqual({
        geometry: null,
        repairs: ["slivers-removed", "empty"],
      });
      expect(repairAreaGeometry({ type: "MultiPolygon", coordinates: [] })).toEqual({
        geometry: null,
        repairs: ["empty"],
      });
    });

    it("lists codes in the documented order, each once", () => {
      const { repairs } = repairAreaGeometry(
        polygon([p(0, 0), p(0, 0), p(2, 2), p(2, 0), p(0, 2), [Number.POSITIVE_INFINITY, 0]]),
      );
      expect(repairs).toEqual(REPAIR_CODES.filter((code) => repairs.includes(code)));
      expect(new Set(repairs).size).toBe(repairs.length);
      expect(repairs).toEqual([
        "invalid-positions-removed",
        "duplicate-points-removed",
        "ring-closed",
        "self-intersection-split",
        "touching-rings-separated",
      ]);
    });
  });
});
