import { describe, expect, it } from "vitest";
import {
  geodesicArea,
  geodesicPerimeter,
  localMetresPerDegree,
} from "../../../../src/domain/geometry/index.ts";
import { cell, cellAreaM2, lat, lon } from "../../../fixtures/geometry/builders.ts";

describe("geodesicArea", () => {
  it("matches the closed ellipsoidal formula for a 0.01° cell near 51.5° N", () => {
    const area = geodesicArea(cell(0, 0));
    expect(area).toBeGreaterThan(770_000);
    expect(area).toBeLessThan(780_000);
    expect(Math.abs(area / cellAreaM2(0, 0) - 1)).toBeLessThan(1e-6);
  });

  it("counts a hole as missing area whatever its winding", () => {
    const outer = cell(0, 0, 3, 3).coordinates[0] as number[][];
    const hole = (cell(1, 1).coordinates[0] as number[][]).slice();
    const withHole = { type: "Polygon" as const, coordinates: [outer, hole] };
    const reversed = { type: "Polygon" as const, coordinates: [outer, hole.slice().reverse()] };
    const expected = cellAreaM2(0, 0, 3, 3) - cellAreaM2(1, 1);
    expect(geodesicArea(withHole) / expected).toBeCloseTo(1, 6);
    expect(geodesicArea(reversed) / expected).toBeCloseTo(1, 6);
  });
});

describe("geodesicPerimeter", () => {
  it("agrees with the local metre scales for a 0.01° cell", () => {
    const north = localMetresPerDegree(lat(1)).x * (lon(1) - lon(0));
    const south = localMetresPerDegree(lat(0)).x * (lon(1) - lon(0));
    const side = localMetresPerDegree((lat(0) + lat(1)) / 2).y * (lat(1) - lat(0));
    expect(geodesicPerimeter(cell(0, 0)) / (north + south + 2 * side)).toBeCloseTo(1, 5);
  });
});
