import { describe, expect, it } from "vitest";
import { clipToBoundary, geodesicArea, isValidAreaGeometry } from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { cell, cellAreaM2, deepFreeze, lat, lon, rectangle } from "../../../fixtures/geometry/builders.ts";

describe("clipToBoundary", () => {
  const boundary = deepFreeze(cell(0, 0, 4, 4));

  it("keeps half the area of a square that lies half outside the boundary", () => {
    // Split along a meridian, so both halves have the same area (up to how geodesic edges bulge).
    const square = deepFreeze(rectangle(lon(3.5), lat(1), lon(4.5), lat(2)));
    const result = clipToBoundary(square, boundary) as AreaGeometry;
    expect(result.type).toBe("Polygon");
    expect(geodesicArea(result) / geodesicArea(square)).toBeCloseTo(0.5, 6);
    expect(isValidAreaGeometry(result)).toBe(true);
  });

  it("keeps an area inside the boundary whole", () => {
    const result = clipToBoundary(deepFreeze(cell(1, 1)), boundary);
    expect(geodesicArea(result as AreaGeometry) / cellAreaM2(1, 1)).toBeCloseTo(1, 6);
  });

  it("returns null for an area outside the boundary or only touching it", () => {
    expect(clipToBoundary(deepFreeze(cell(6, 6)), boundary)).toBeNull();
    expect(clipToBoundary(deepFreeze(cell(4, 0)), boundary)).toBeNull();
  });

  it("clips to a boundary with a hole", () => {
    const withHole = deepFreeze({
      type: "Polygon" as const,
      coordinates: [
        cell(0, 0, 4, 4).coordinates[0] as number[][],
        (cell(1, 1).coordinates[0] as number[][]).slice().reverse(),
      ],
    });
    const result = clipToBoundary(deepFreeze(cell(1, 1, 2, 1)), withHole);
    expect(geodesicArea(result as AreaGeometry) / cellAreaM2(2, 1)).toBeCloseTo(1, 6);
  });
});
