import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicArea, isValidAreaGeometry, unionAreas } from "../../../../src/domain/geometry/index.ts";
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

const polygon = (ring: number[][]): Polygon => ({ type: "Polygon", coordinates: [ring] });
const ratio = (geometry: AreaGeometry | null, expected: number) =>
  geodesicArea(geometry as AreaGeometry) / expected;

describe("unionAreas", () => {
  describe("districts that share borders", () => {
    it("merges three adjacent cells into one Polygon without holes and with the sum of their areas", () => {
      const cells = deepFreeze([cell(0, 0), cell(1, 0), cell(2, 0)]);
      const result = unionAreas(cells) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(result.coordinates).toHaveLength(1);
      const sum = cells.reduce((total, c) => total + geodesicArea(c), 0);
      expect(Math.abs(ratio(result, sum) - 1)).toBeLessThan(0.001);
      expect(Math.abs(ratio(result, cellAreaM2(0, 0, 3, 1)) - 1)).toBeLessThan(1e-6);
      expect(isValidAreaGeometry(result)).toBe(true);
    });

    it("merges an L of cells into one counter-clockwise ring without seam vertices", () => {
      const result = unionAreas(
        deepFreeze([cell(0, 0), cell(1, 0), cell(0, 1), cell(1, 1), cell(2, 1)]),
      ) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(result.coordinates).toHaveLength(1);
      expect(result.coordinates[0]).toHaveLength(7);
      expect(shoelace(result.coordinates[0] as number[][])).toBeGreaterThan(0);
      expect(Math.abs(ratio(result, 5 * cellAreaM2(0, 0)) - 1)).toBeLessThan(0.001);
    });

    it("leaves no sliver hole where one border bows away from its neighbour by 0.1 mm", () => {
      // The left cell's east edge leaves the common border between 0.25 and 0.75 of its height and
      // bends 1e-9° west: a hole 0.07 mm wide and 550 m long, enclosed by both cells.
      const left = deepFreeze(
        polygon([
          [lon(0), lat(0)],
          [lon(1), lat(0)],
          [lon(1), lat(0.25)],
          [lon(1) - 1e-9, lat(0.5)],
          [lon(1), lat(0.75)],
          [lon(1), lat(1)],
          [lon(0), lat(1)],
          [lon(0), lat(0)],
        ]),
      );
      const result = unionAreas([left, deepFreeze(cell(1, 0))]) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(result.coordinates).toHaveLength(1);
      expect(Math.abs(ratio(result, cellAreaM2(0, 0, 2, 1)) - 1)).toBeLessThan(1e-6);
    });

    it("keeps a real hole where districts enclose one that was not picked", () => {
      const ringOfCells = [];
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) if (i !== 1 || j !== 1) ringOfCells.push(cell(i, j));
      const result = unionAreas(deepFreeze(ringOfCells)) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(result.coordinates).toHaveLength(2);
      expect(shoelace(result.coordinates[1] as number[][])).toBeLessThan(0);
      expect(Math.abs(ratio(result, cellAreaM2(0, 0, 3, 3) - cellAreaM2(1, 1)) - 1)).toBeLessThan(1e-6);
    });
  });

  describe("other inputs", () => {
    it("returns a MultiPolygon for two disjoint cells", () => {
      const result = unionAreas(deepFreeze([cell(0, 0), cell(5, 0)])) as MultiPolygon;
      expect(result.type).toBe("MultiPolygon");
      expect(result.coordinates).toHaveLength(2);
      expect(Math.abs(ratio(result, cellAreaM2(0, 0) + cellAreaM2(5, 0)) - 1)).toBeLessThan(1e-6);
    });

    it("counts overlapping areas once", () => {
      const result = unionAreas(deepFreeze([cell(0, 0, 2, 1), cell(1, 0, 2, 1)]));
      expect(Math.abs(ratio(result, cellAreaM2(0, 0, 3, 1)) - 1)).toBeLessThan(1e-6);
    });

    it("returns cells that meet only at a corner as a valid MultiPolygon", () => {
      const result = unionAreas(deepFreeze([cell(0, 0), cell(1, 1)])) as MultiPolygon;
      expect(result.type).toBe("MultiPolygon");
      expect(isValidAreaGeometry(result)).toBe(true);
      expect(Math.abs(ratio(result, cellAreaM2(0, 0) + cellAreaM2(1, 1)) - 1)).toBeLessThan(1e-6);
    });

    it("returns null for no input and a normalised copy of a single input", () => {
      expect(unionAreas([])).toBeNull();
      const single = deepFreeze({ type: "MultiPolygon" as const, coordinates: [cell(0, 0).coordinates] });
      expect(unionAreas([single])).toEqual(cell(0, 0));
    });

    it("merges parts of MultiPolygon inputs", () => {
      const left = deepFreeze({
        type: "MultiPolygon" as const,
        coordinates: [cell(0, 0).coordinates, cell(4, 0).coordinates],
      });
      const result = unionAreas([left, deepFreeze(cell(1, 0, 3, 1))]);
      expect(result?.type).toBe("Polygon");
      expect(partsOfShape(result as Polygon)[0]).toHaveLength(1);
    });
  });
});
