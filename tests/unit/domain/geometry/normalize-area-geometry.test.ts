import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicArea, normalizeAreaGeometry } from "../../../../src/domain/geometry/index.ts";
import {
  cell,
  cellAreaM2,
  deepFreeze,
  lat,
  lon,
  partsOfShape,
  shoelace,
} from "../../../fixtures/geometry/builders.ts";

const square = (cell(0, 0, 3, 3).coordinates[0] as number[][]).map((p) => p.slice());
const hole = (cell(1, 1).coordinates[0] as number[][]).map((p) => p.slice());

describe("normalizeAreaGeometry", () => {
  describe("winding", () => {
    it("turns a clockwise outer ring counter-clockwise and a counter-clockwise hole clockwise", () => {
      const input = deepFreeze({ type: "Polygon", coordinates: [square.slice().reverse(), hole] } as Polygon);
      expect(shoelace(input.coordinates[0] as number[][])).toBeLessThan(0);
      expect(shoelace(input.coordinates[1] as number[][])).toBeGreaterThan(0);
      const result = normalizeAreaGeometry(input) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(shoelace(result.coordinates[0] as number[][])).toBeGreaterThan(0);
      expect(shoelace(result.coordinates[1] as number[][])).toBeLessThan(0);
      expect(geodesicArea(result) / (cellAreaM2(0, 0, 3, 3) - cellAreaM2(1, 1))).toBeCloseTo(1, 6);
    });

    it("leaves rings that already wind the RFC 7946 way as they are", () => {
      const input = deepFreeze({ type: "Polygon", coordinates: [square, hole.slice().reverse()] } as Polygon);
      expect(normalizeAreaGeometry(input)).toEqual(input);
    });
  });

  describe("cleaning", () => {
    it("drops repeated consecutive positions and closes an unclosed ring", () => {
      const ring = [
        [lon(0), lat(0)],
        [lon(1), lat(0)],
        [lon(1), lat(0)],
        [lon(1), lat(1)],
        [lon(0), lat(1)],
        [lon(0), lat(1)],
      ];
      const result = normalizeAreaGeometry(deepFreeze({ type: "Polygon", coordinates: [ring] })) as Polygon;
      expect(result.coordinates[0]).toEqual([
        [lon(0), lat(0)],
        [lon(1), lat(0)],
        [lon(1), lat(1)],
        [lon(0), lat(1)],
        [lon(0), lat(0)],
      ]);
    });

    it("drops holes with fewer than four positions or about zero area and keeps the outer ring", () => {
      const collinear = [
        [lon(1), lat(1)],
        [lon(1.5), lat(1)],
        [lon(2), lat(1)],
        [lon(1), lat(1)],
      ];
      const tooShort = [
        [lon(1), lat(1)],
        [lon(2), lat(2)],
        [lon(1), lat(1)],
      ];
      const result = normalizeAreaGeometry(
        deepFreeze({ type: "Polygon", coordinates: [square, collinear, tooShort] } as Polygon),
      ) as Polygon;
      expect(result.coordinates).toHaveLength(1);
    });

    it("drops a part whose outer ring has no area, with its holes", () => {
      const flat = [
        [lon(5), lat(5)],
        [lon(6), lat(5)],
        [lon(7), lat(5)],
        [lon(6), lat(5)],
        [lon(5), lat(5)],
      ];
      const result = normalizeAreaGeometry(
        deepFreeze({ type: "MultiPolygon", coordinates: [[square], [flat, hole]] }),
      ) as Polygon;
      expect(result.type).toBe("Polygon");
      expect(result.coordinates).toHaveLength(1);
    });

    it("keeps a symmetric bow-tie whose lobes cancel out in the signed area", () => {
      const bowTie = [
        [lon(0), lat(0)],
        [lon(1), lat(1)],
        [lon(1), lat(0)],
        [lon(0), lat(1)],
        [lon(0), lat(0)],
      ];
      expect(normalizeAreaGeometry({ type: "Polygon", coordinates: [bowTie] })).not.toBeNull();
    });
  });

  describe("shape", () => {
    it("returns a MultiPolygon with one part as a Polygon", () => {
      const result = normalizeAreaGeometry(deepFreeze({ type: "MultiPolygon", coordinates: [[square]] }));
      expect(result).toEqual({ type: "Polygon", coordinates: [square] });
    });

    it("keeps a MultiPolygon with two parts", () => {
      const result = normalizeAreaGeometry(
        deepFreeze({ type: "MultiPolygon", coordinates: [cell(0, 0).coordinates, cell(5, 0).coordinates] }),
      );
      expect(result?.type).toBe("MultiPolygon");
      expect(partsOfShape(result as Polygon)).toHaveLength(2);
    });

    it("returns null when nothing is left", () => {
      const point = [[lon(0), lat(0)]];
      expect(normalizeAreaGeometry({ type: "Polygon", coordinates: [point] })).toBeNull();
      expect(normalizeAreaGeometry({ type: "Polygon", coordinates: [] })).toBeNull();
      expect(normalizeAreaGeometry({ type: "MultiPolygon", coordinates: [] })).toBeNull();
    });
  });

  it("returns new arrays and never changes its input", () => {
    const input = deepFreeze(cell(0, 0));
    const result = normalizeAreaGeometry(input) as Polygon;
    expect(result).toEqual(input);
    expect(result.coordinates[0]).not.toBe(input.coordinates[0]);
  });
});
