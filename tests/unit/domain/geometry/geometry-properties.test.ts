/**
 * Seeded property tests over random rectangles and random (often self-crossing) polygons. A failing
 * case prints its seed and path; pin it below as a regression test.
 */
import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import fc from "fast-check";
import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  clipToBoundary,
  geodesicArea,
  geodesicPerimeter,
  isValidAreaGeometry,
  repairAreaGeometry,
  SLIVER_WIDTH_M,
  subtractArea,
  unionAreas,
} from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { deepFreeze, rectangle } from "../../../fixtures/geometry/builders.ts";

const SEED = 20260611;
const RUNS = 150;

const area = (geometry: AreaGeometry | null) => (geometry === null ? 0 : geodesicArea(geometry));

/**
 * Coordinates near Dortmund: half of them on a 0.001° grid, so that rectangles often share edges and
 * corners exactly, the rest anywhere.
 */
const coordinate = (origin: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((k) => origin + k / 1000),
    fc.double({ min: origin, max: origin + 0.02, noNaN: true }),
  );

const rectangleArbitrary = fc
  .tuple(coordinate(7.4), coordinate(7.4), coordinate(51.5), coordinate(51.5))
  .filter(([x1, x2, y1, y2]) => Math.abs(x1 - x2) > 1e-4 && Math.abs(y1 - y2) > 1e-4)
  .map(([x1, x2, y1, y2]) =>
    deepFreeze(rectangle(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2))),
  );

const polygonArbitrary = fc
  .array(fc.tuple(coordinate(7.4), coordinate(51.5)), { minLength: 3, maxLength: 8 })
  .map(
    (points): Polygon => deepFreeze({ type: "Polygon", coordinates: [[...points, points[0] as Position]] }),
  );

function expectValid(geometry: AreaGeometry | null): void {
  if (geometry === null) return;
  expect(booleanValid(geometry)).toBe(true);
  expect(kinks(geometry).features).toHaveLength(0);
  expect(isValidAreaGeometry(geometry)).toBe(true);
}

describe("geometry operations on random rectangles", () => {
  it("returns a union no larger than the sum of its parts and no smaller than the largest", () => {
    fc.assert(
      fc.property(fc.array(rectangleArbitrary, { minLength: 1, maxLength: 4 }), (rectangles) => {
        const result = unionAreas(rectangles);
        const areas = rectangles.map(geodesicArea);
        const sum = areas.reduce((total, a) => total + a, 0);
        expect(area(result)).toBeLessThanOrEqual(sum * (1 + 1e-6));
        expect(area(result)).toBeGreaterThanOrEqual(Math.max(...areas) * (1 - 1e-6));
        expectValid(result);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("splits an area into what another takes away and what it leaves", () => {
    fc.assert(
      fc.property(rectangleArbitrary, rectangleArbitrary, (a, b) => {
        const rest = subtractArea(a, b);
        const common = clipToBoundary(a, b);
        expectValid(rest);
        expectValid(common);
        const pieces = [rest, common].filter((piece): piece is AreaGeometry => piece !== null);
        const whole = unionAreas(pieces);
        // Relative 1e-5: geodesic edges bulge differently once clipping adds or drops vertices along
        // a straight lon/lat edge. Plus the slivers (mean width under SLIVER_WIDTH_M) that each
        // operation drops: together no larger than that width times the two perimeters.
        const tolerance =
          1e-5 * geodesicArea(a) + SLIVER_WIDTH_M * (geodesicPerimeter(a) + geodesicPerimeter(b));
        expect(Math.abs(area(whole) - geodesicArea(a))).toBeLessThan(tolerance);
        expect(Math.abs(area(rest) + area(common) - geodesicArea(a))).toBeLessThan(tolerance);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("repairs any rectangle into itself, valid", () => {
    fc.assert(
      fc.property(rectangleArbitrary, (a) => {
        const { geometry, repairs } = repairAreaGeometry(a);
        expect(repairs).toEqual([]);
        expectValid(geometry);
        expect(area(geometry) / geodesicArea(a)).toBeCloseTo(1, 9);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("repairAreaGeometry on random polygons", () => {
  it("always returns a valid geometry or null with the code empty", () => {
    fc.assert(
      fc.property(polygonArbitrary, (polygon) => {
        const { geometry, repairs } = repairAreaGeometry(polygon);
        if (geometry === null) expect(repairs).toContain("empty");
        else expectValid(geometry);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("always returns a valid geometry for random MultiPolygons of overlapping parts", () => {
    fc.assert(
      fc.property(fc.array(polygonArbitrary, { minLength: 2, maxLength: 3 }), (polygons) => {
        const multi = { type: "MultiPolygon" as const, coordinates: polygons.map((p) => p.coordinates) };
        expectValid(repairAreaGeometry(multi).geometry);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
