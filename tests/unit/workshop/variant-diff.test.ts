import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geodesicArea } from "../../../src/domain/geometry/measure-area.ts";
import { normalizeAreaGeometry } from "../../../src/domain/geometry/normalize-area-geometry.ts";
import type { AreaGeometry } from "../../../src/domain/model/plan.ts";
import { diffAreaSets, diffVariants } from "../../../src/domain/workshop/variant-diff.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";
import { makeArea, makeVariant, starRing } from "../share/share-fixtures.ts";

const SEED = 4711;

const near = (actual: number, expected: number, share: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(share * expected);

describe("variant diff", () => {
  describe("on squares", () => {
    // A: two squares 0.01° wide; B: one square 0.02° wide over the inner halves of both and the gap.
    const a = [rectangle(7.4, 51.5, 7.41, 51.51), rectangle(7.42, 51.5, 7.43, 51.51)];
    const b = [rectangle(7.405, 51.5, 7.425, 51.51)];
    const diff = diffAreaSets(a, b);

    it("measures only-A, only-B and both as the rectangles one works out by hand (within 0.1 %)", () => {
      const strip = (west: number, east: number) => geodesicArea(rectangle(west, 51.5, east, 51.51));
      near(diff.areaM2.both, strip(7.405, 7.41) + strip(7.42, 7.425), 0.001);
      near(diff.areaM2.onlyA, strip(7.4, 7.405) + strip(7.425, 7.43), 0.001);
      near(diff.areaM2.onlyB, strip(7.41, 7.42), 0.001);
      near(diff.areaM2.unionA, strip(7.4, 7.41) + strip(7.42, 7.43), 0.001);
      near(diff.areaM2.unionB, strip(7.405, 7.425), 0.001);
    });

    it("returns the parts as RFC 7946 MultiPolygons where they lie", () => {
      expect(diff.onlyA.coordinates).toHaveLength(2);
      expect(diff.both.coordinates).toHaveLength(2);
      expect(diff.onlyB.coordinates).toHaveLength(1);
      const onlyB = diff.onlyB.coordinates[0]?.[0] ?? [];
      const lons = onlyB.map((p) => p[0] as number);
      expect(Math.min(...lons)).toBeCloseTo(7.41, 9);
      expect(Math.max(...lons)).toBeCloseTo(7.42, 9);
      // Counter-clockwise outer ring: normalising leaves it as it is.
      const normalized = normalizeAreaGeometry({
        type: "Polygon",
        coordinates: diff.onlyB.coordinates[0] ?? [],
      });
      expect(normalized?.coordinates).toEqual(diff.onlyB.coordinates[0]);
    });

    it("counts overlaps inside one variant once", () => {
      const overlapping = [rectangle(7.4, 51.5, 7.41, 51.51), rectangle(7.405, 51.5, 7.415, 51.51)];
      const d = diffAreaSets(overlapping, []);
      near(d.areaM2.onlyA, geodesicArea(rectangle(7.4, 51.5, 7.415, 51.51)), 0.001);
      expect(d.areaM2.both).toBe(0);
      expect(d.onlyB.coordinates).toEqual([]);
    });

    it("finds no difference between a variant and its copy", () => {
      const d = diffAreaSets(
        a,
        a.map((square) => structuredClone(square)),
      );
      expect(d.onlyA.coordinates).toEqual([]);
      expect(d.onlyB.coordinates).toEqual([]);
      near(d.areaM2.both, d.areaM2.unionA, 1e-9);
    });

    it("handles empty variants", () => {
      const d = diffAreaSets([], []);
      expect(d.areaM2).toEqual({ onlyA: 0, onlyB: 0, both: 0, unionA: 0, unionB: 0 });
    });

    it("reads the areas of plan variants in list order", () => {
      const va = makeVariant(
        "A",
        a.map((geometry, i) => makeArea(`a${i}`, geometry)),
      );
      const vb = makeVariant(
        "B",
        b.map((geometry, i) => makeArea(`b${i}`, geometry)),
      );
      expect(diffVariants(va, vb).areaM2).toEqual(diff.areaM2);
    });
  });

  describe("properties", () => {
    const star = fc
      .record({
        lon: fc.double({ min: 7.4, max: 7.44, noNaN: true }),
        lat: fc.double({ min: 51.49, max: 51.52, noNaN: true }),
        radiusM: fc.double({ min: 200, max: 1500, noNaN: true }),
        factors: fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 3, maxLength: 12 }),
      })
      .map(
        (s) =>
          normalizeAreaGeometry({
            type: "Polygon",
            coordinates: [starRing(s.lon, s.lat, s.radiusM, s.factors)],
          }) as AreaGeometry,
      );
    const variantAreas = fc.array(star, { minLength: 0, maxLength: 5 });

    it("splits each union exactly into its own part and the common part, and swapping swaps the parts", () => {
      fc.assert(
        fc.property(variantAreas, variantAreas, (a, b) => {
          const diff = diffAreaSets(a, b);
          const { onlyA, onlyB, both, unionA, unionB } = diff.areaM2;
          // Geodesic edges and lon/lat-straight cut edges differ by millimetres per kilometre.
          const tolerance = (total: number) => 1e-4 * total + 1e-3;
          expect(Math.abs(onlyA + both - unionA)).toBeLessThanOrEqual(tolerance(unionA));
          expect(Math.abs(onlyB + both - unionB)).toBeLessThanOrEqual(tolerance(unionB));
          expect(both).toBeLessThanOrEqual(Math.min(unionA, unionB) + tolerance(Math.min(unionA, unionB)));
          const swapped = diffAreaSets(b, a).areaM2;
          expect(Math.abs(swapped.onlyA - onlyB)).toBeLessThanOrEqual(tolerance(unionB));
          expect(Math.abs(swapped.onlyB - onlyA)).toBeLessThanOrEqual(tolerance(unionA));
          expect(Math.abs(swapped.both - both)).toBeLessThanOrEqual(tolerance(both));
          // Each union as measured by the diff matches the geodesic area of a lone area.
          if (a.length === 1)
            expect(Math.abs(unionA - geodesicArea(a[0] as AreaGeometry))).toBeLessThanOrEqual(
              tolerance(unionA),
            );
        }),
        { seed: SEED, numRuns: 120 },
      );
    });
  });
});
