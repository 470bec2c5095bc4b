import { describe, expect, it } from "vitest";
import {
  type AreaProblem,
  checkArea,
  geodesicArea,
  geodesicPerimeter,
  MIN_AREA_M2,
} from "../../../../src/domain/geometry/index.ts";
import { cell, cellAreaM2, deepFreeze, lat, lon, rectangle } from "../../../fixtures/geometry/builders.ts";

const boundary = deepFreeze(cell(0, 0, 4, 4));
const codes = (problems: AreaProblem[]) => problems.map((problem) => problem.code);

describe("checkArea", () => {
  it("uses 500 m² as the default minimum", () => {
    expect(MIN_AREA_M2).toBe(500);
  });

  it("accepts a valid area inside the city and measures it", () => {
    const area = deepFreeze(cell(1, 1));
    const result = checkArea(area, { minAreaM2: MIN_AREA_M2, boundary });
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.areaM2 / cellAreaM2(1, 1)).toBeCloseTo(1, 6);
    expect(result.perimeterM).toBe(geodesicPerimeter(area));
    expect(result.perimeterM).toBeGreaterThan(3600);
    expect(result.perimeterM).toBeLessThan(3620);
  });

  describe("too small", () => {
    // About 7 m x 11 m.
    const tiny = deepFreeze(rectangle(lon(1), lat(1), lon(1.01), lat(1.01)));

    it("reports an area below the default minimum with both figures", () => {
      const result = checkArea(tiny);
      expect(result.valid).toBe(false);
      expect(result.problems).toEqual([{ code: "too-small", areaM2: geodesicArea(tiny), minAreaM2: 500 }]);
    });

    it("follows a minimum given by the caller", () => {
      expect(checkArea(tiny, { minAreaM2: 50 }).valid).toBe(true);
      expect(codes(checkArea(cell(0, 0), { minAreaM2: 1e7 }).problems)).toEqual(["too-small"]);
    });
  });

  describe("empty", () => {
    it("reports a missing or degenerate geometry as empty with zero measures", () => {
      const flat = {
        type: "Polygon" as const,
        coordinates: [
          [
            [lon(0), lat(0)],
            [lon(1), lat(0)],
            [lon(0), lat(0)],
          ],
        ],
      };
      for (const geometry of [null, undefined, { type: "MultiPolygon" as const, coordinates: [] }, flat]) {
        expect(checkArea(geometry)).toEqual({
          valid: false,
          problems: [{ code: "empty" }],
          areaM2: 0,
          perimeterM: 0,
        });
      }
    });
  });

  describe("invalid geometry", () => {
    it("reports a bow-tie as invalid", () => {
      const bowTie = deepFreeze({
        type: "Polygon" as const,
        coordinates: [
          [
            [lon(0), lat(0)],
            [lon(2), lat(2)],
            [lon(2), lat(0)],
            [lon(0), lat(2)],
            [lon(0), lat(0)],
          ],
        ],
      });
      const result = checkArea(bowTie, { boundary });
      expect(result.valid).toBe(false);
      expect(codes(result.problems)).toEqual(["invalid-geometry"]);
    });

    it("measures an invalid area as repaired, not by its cancelling lobes", () => {
      const bowTie = deepFreeze({
        type: "Polygon" as const,
        coordinates: [
          [
            [lon(0), lat(0)],
            [lon(2), lat(2)],
            [lon(2), lat(0)],
            [lon(0), lat(2)],
            [lon(0), lat(0)],
          ],
        ],
      });
      // Two triangles of a quarter of the 2 x 2 block each.
      expect(checkArea(bowTie).areaM2 / cellAreaM2(0, 0, 2, 2)).toBeCloseTo(0.5, 4);
    });
  });

  describe("outside the city", () => {
    it("warns with the share outside and stays valid when half the area lies outside", () => {
      const result = checkArea(deepFreeze(rectangle(lon(3.5), lat(1), lon(4.5), lat(2))), { boundary });
      expect(result.valid).toBe(true);
      expect(result.problems).toHaveLength(1);
      const problem = result.problems[0] as Extract<AreaProblem, { code: "outside-city" }>;
      expect(problem.code).toBe("outside-city");
      expect(problem.shareOutside).toBeCloseTo(0.5, 6);
    });

    it("reports a share of 1 for an area entirely outside", () => {
      const result = checkArea(deepFreeze(cell(10, 10)), { boundary });
      expect(result.problems).toEqual([{ code: "outside-city", shareOutside: 1 }]);
    });

    it("tolerates up to 0.5 % outside", () => {
      // 0.3 % and 0.8 % of the cell's width beyond the east edge of the boundary.
      const slightly = checkArea(deepFreeze(rectangle(lon(3), lat(1), lon(4.003), lat(2))), { boundary });
      expect(slightly.problems).toEqual([]);
      const more = checkArea(deepFreeze(rectangle(lon(3), lat(1), lon(4.008), lat(2))), { boundary });
      expect(codes(more.problems)).toEqual(["outside-city"]);
    });

    it("measures the share of a MultiPolygon with one part inside and one outside", () => {
      const result = checkArea(
        deepFreeze({ type: "MultiPolygon", coordinates: [cell(1, 1).coordinates, cell(10, 1).coordinates] }),
        {
          boundary,
        },
      );
      const problem = result.problems[0] as Extract<AreaProblem, { code: "outside-city" }>;
      expect(problem.shareOutside).toBeCloseTo(cellAreaM2(10, 1) / (cellAreaM2(1, 1) + cellAreaM2(10, 1)), 9);
    });

    it("counts an enclave of the boundary inside the area as outside", () => {
      const withEnclave = deepFreeze({
        type: "Polygon" as const,
        coordinates: [
          boundary.coordinates[0] as number[][],
          (cell(1, 1).coordinates[0] as number[][]).slice().reverse(),
        ],
      });
      const problem = checkArea(deepFreeze(cell(0, 0, 3, 3)), { boundary: withEnclave })
        .problems[0] as Extract<AreaProblem, { code: "outside-city" }>;
      expect(problem.shareOutside).toBeCloseTo(cellAreaM2(1, 1) / cellAreaM2(0, 0, 3, 3), 4);
    });

    it("reports an area that encloses the whole city as mostly outside", () => {
      const problem = checkArea(deepFreeze(cell(-1, -1, 6, 6)), { boundary }).problems[0] as Extract<
        AreaProblem,
        { code: "outside-city" }
      >;
      expect(problem.shareOutside).toBeCloseTo(1 - cellAreaM2(0, 0, 4, 4) / cellAreaM2(-1, -1, 6, 6), 4);
    });

    it("skips the outside check without a boundary", () => {
      expect(checkArea(deepFreeze(cell(10, 10))).problems).toEqual([]);
    });
  });
});
