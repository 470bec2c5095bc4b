import { describe, expect, it } from "vitest";
import {
  classifyBuckets,
  countPointsInArea,
  createClipFrame,
  pointId,
  prepareArea,
  preparePointLayer,
  sumWeightsInArea,
  visitPointsInArea,
  visitPointsNearArea,
} from "../../../../src/domain/analysis/index.ts";
import { countPointsNaive } from "../../../../src/domain/analysis/naive-analysis.ts";
import { localMetresPerDegree } from "../../../../src/domain/geometry/measure-planar-ring.ts";
import {
  areaPolygon,
  syntheticAreas,
  syntheticPoints,
} from "../../../fixtures/analysis/synthetic-dortmund.ts";
import { cell, lat, lon } from "../../../fixtures/geometry/builders.ts";

const frame = createClipFrame(7.45, 51.5);

/** Points at the centres of a 10 x 10 block of 0.001° squares, starting at column 0, row 0. */
function lattice(): [number, number][] {
  return Array.from({ length: 100 }, (_, k) => [
    lon((k % 10) / 10 + 0.05),
    lat(Math.floor(k / 10) / 10 + 0.05),
  ]);
}

describe("point layers", () => {
  describe("preparePointLayer", () => {
    it("drops points without finite coordinates and keeps ids and categories by input index", () => {
      const layer = preparePointLayer({
        id: "l",
        positions: [
          [7.4, 51.5],
          [Number.NaN, 51.5],
          [7.41, 51.51],
        ],
        ids: ["a", "b", "c"],
        categories: ["x", "y", "x"],
      });
      expect(layer.count).toBe(2);
      expect([...layer.sourceIndex].sort()).toEqual([0, 2]);
      expect(pointId(layer, 2)).toBe("c");
      expect(layer.categoryNames).toEqual(["x"]);
    });

    it("takes interleaved coordinates and numbers points by index when there are no ids", () => {
      const layer = preparePointLayer({ id: "l", positions: Float64Array.of(7.4, 51.5, 7.41, 51.51) });
      expect(layer.count).toBe(2);
      expect(pointId(layer, 1)).toBe("1");
    });

    it("copes with an empty layer", () => {
      const layer = preparePointLayer({ id: "empty", positions: [] });
      const area = prepareArea(frame, "a", cell(0, 0));
      expect(countPointsInArea(layer, area)).toBe(0);
    });
  });

  describe("points inside an area", () => {
    const layer = preparePointLayer({ id: "lattice", positions: lattice() });

    it("counts the 25 lattice points in a 0.005° square", () => {
      const area = prepareArea(frame, "a", cell(0, 0, 0.5, 0.5));
      expect(countPointsInArea(layer, area)).toBe(25);
      const visited: number[] = [];
      visitPointsInArea(layer, area, (slot) => visited.push(layer.sourceIndex[slot] as number));
      expect(visited.sort((a, b) => a - b)).toEqual([
        0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 30, 31, 32, 33, 34, 40, 41, 42, 43, 44,
      ]);
    });

    it("sums weights, taking whole inside buckets from their sums", () => {
      const area = prepareArea(frame, "a", cell(0, 0, 1, 0.5));
      const weights = Float64Array.from({ length: layer.count }, () => 2);
      const sums = Float64Array.from(
        { length: layer.columns * layer.rows },
        (_, b) => 2 * ((layer.bucketStart[b + 1] as number) - (layer.bucketStart[b] as number)),
      );
      expect(sumWeightsInArea(layer, area, weights, sums)).toEqual({ count: 50, sum: 100 });
    });

    it("agrees with Turf point by point on 20,000 clustered points and 30 drawn areas", () => {
      const positions = syntheticPoints(20_000, 7);
      const big = preparePointLayer({ id: "big", positions });
      expect(big.columns * big.rows).toBeGreaterThan(100);
      for (const synthetic of syntheticAreas(30, 8)) {
        const geometry = areaPolygon(synthetic);
        const area = prepareArea(frame, synthetic.id, geometry);
        expect(countPointsInArea(big, area)).toBe(countPointsNaive(positions, geometry));
      }
    });

    it("marks border buckets and decides the others by their centre", () => {
      const big = preparePointLayer({ id: "big", positions: syntheticPoints(20_000, 7) });
      const synthetic = syntheticAreas(1, 9)[0];
      if (!synthetic) throw new Error("no area");
      const area = prepareArea(frame, "a", areaPolygon(synthetic));
      const classes = classifyBuckets(big, area.rings, area.box ?? [0, 0, 0, 0]);
      const states = new Set(classes.state);
      expect(states.has(3)).toBe(true);
      expect(states.has(0)).toBe(false);
    });
  });

  describe("points near an area", () => {
    it("finds points within a distance, those inside at distance 0", () => {
      const metres = localMetresPerDegree(lat(0.5));
      const layer = preparePointLayer({
        id: "near",
        positions: [
          [lon(0.5), lat(0.5)],
          [lon(1) + 50 / metres.x, lat(0.5)],
          [lon(1) + 150 / metres.x, lat(0.5)],
          [lon(0.5), lat(-1)],
        ],
      });
      const area = prepareArea(frame, "a", cell(0, 0));
      const found: [number, number][] = [];
      visitPointsNearArea(layer, area, 100, (slot, d) => found.push([layer.sourceIndex[slot] as number, d]));
      found.sort((a, b) => a[0] - b[0]);
      expect(found.map(([i]) => i)).toEqual([0, 1]);
      expect(found[0]?.[1]).toBe(0);
      expect(found[1]?.[1]).toBeCloseTo(50, 6);
    });
  });
});
