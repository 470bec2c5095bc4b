import { describe, expect, it } from "vitest";
import {
  containsPoint,
  createRingIndex,
  distanceToEdgesM,
  ringIndexOfGeometry,
} from "../../../../src/domain/analysis/index.ts";
import { localMetresPerDegree } from "../../../../src/domain/geometry/measure-planar-ring.ts";
import { cell, lat, lon } from "../../../fixtures/geometry/builders.ts";

const west = ringIndexOfGeometry(cell(0, 0));
const east = ringIndexOfGeometry(cell(1, 0));
const north = ringIndexOfGeometry(cell(0, 1));

describe("ring index", () => {
  describe("containsPoint", () => {
    it("tells points inside from points outside", () => {
      expect(containsPoint(west, lon(0.5), lat(0.5))).toBe(true);
      expect(containsPoint(west, lon(1.5), lat(0.5))).toBe(false);
      expect(containsPoint(west, lon(0.5), lat(-0.5))).toBe(false);
    });

    it("puts a point on a shared edge in exactly one of the two neighbours", () => {
      for (const y of [0.001, 0.25, 0.5, 0.999]) {
        const inWest = containsPoint(west, lon(1), lat(y));
        const inEast = containsPoint(east, lon(1), lat(y));
        expect([inWest, inEast]).toEqual([false, true]);
      }
      for (const x of [0.001, 0.5, 0.999]) {
        const inSouth = containsPoint(west, lon(x), lat(1));
        const inNorth = containsPoint(north, lon(x), lat(1));
        expect([inSouth, inNorth]).toEqual([false, true]);
      }
    });

    it("puts a shared corner of four cells in exactly one of them", () => {
      const four = [cell(0, 0), cell(1, 0), cell(0, 1), cell(1, 1)].map(ringIndexOfGeometry);
      expect(four.filter((index) => containsPoint(index, lon(1), lat(1)))).toHaveLength(1);
    });

    it("honours holes and separate parts", () => {
      const outer = cell(0, 0, 3, 3).coordinates[0] ?? [];
      const hole = [...(cell(1, 1).coordinates[0] ?? [])].reverse();
      const framed = ringIndexOfGeometry({
        type: "MultiPolygon",
        coordinates: [[outer, hole], cell(5, 5).coordinates],
      });
      expect(containsPoint(framed, lon(0.5), lat(0.5))).toBe(true);
      expect(containsPoint(framed, lon(1.5), lat(1.5))).toBe(false);
      expect(containsPoint(framed, lon(5.5), lat(5.5))).toBe(true);
      expect(containsPoint(framed, lon(4), lat(4))).toBe(false);
    });

    it("agrees with a plain ray cast on a concave ring with many bands", () => {
      const ring = Array.from({ length: 200 }, (_, i) => {
        const t = (2 * Math.PI * i) / 200;
        const r = 0.01 * (1 + 0.4 * Math.sin(5 * t));
        return [7.45 + r * Math.cos(t), 51.5 + r * Math.sin(t)];
      });
      const index = createRingIndex([ring]);
      expect(index.bandCount).toBeGreaterThan(10);
      for (let k = 0; k < 2000; k++) {
        const x = 7.435 + (k % 50) * 0.0006 + 1e-7;
        const y = 51.485 + Math.floor(k / 50) * 0.00075 + 1e-7;
        let inside = false;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi = 0, yi = 0] = ring[i] ?? [];
          const [xj = 0, yj = 0] = ring[j] ?? [];
          if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
        expect(containsPoint(index, x, y)).toBe(inside);
      }
    });

    it("contains nothing when there are no edges", () => {
      expect(containsPoint(createRingIndex([]), 0, 0)).toBe(false);
    });
  });

  describe("distanceToEdgesM", () => {
    it("measures the distance to the nearest edge in local metres", () => {
      const metres = localMetresPerDegree(lat(0.5));
      expect(distanceToEdgesM(west, lon(1) + 0.001, lat(0.5), 500)).toBeCloseTo(0.001 * metres.x, 6);
      expect(distanceToEdgesM(west, lon(0.5), lat(0.5), 5000)).toBeCloseTo(0.005 * metres.x, 6);
    });

    it("gives Infinity beyond the limit", () => {
      expect(distanceToEdgesM(west, lon(3), lat(0.5), 100)).toBe(Number.POSITIVE_INFINITY);
    });
  });
});
