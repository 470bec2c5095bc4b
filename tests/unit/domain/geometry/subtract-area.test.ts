import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicArea, isValidAreaGeometry, subtractArea } from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { cell, cellAreaM2, deepFreeze, shoelace } from "../../../fixtures/geometry/builders.ts";

describe("subtractArea", () => {
  it("leaves the left half when the right half is taken away", () => {
    const result = subtractArea(deepFreeze(cell(0, 0, 2, 1)), deepFreeze(cell(1, 0, 5, 5)));
    expect(geodesicArea(result as AreaGeometry) / cellAreaM2(0, 0)).toBeCloseTo(1, 6);
  });

  it("cuts a clockwise hole when the other area lies inside", () => {
    const result = subtractArea(deepFreeze(cell(0, 0, 3, 3)), deepFreeze(cell(1, 1))) as Polygon;
    expect(result.coordinates).toHaveLength(2);
    expect(shoelace(result.coordinates[1] as number[][])).toBeLessThan(0);
    expect(geodesicArea(result) / (cellAreaM2(0, 0, 3, 3) - cellAreaM2(1, 1))).toBeCloseTo(1, 6);
  });

  it("splits an area in two when a band is taken out of its middle", () => {
    const result = subtractArea(deepFreeze(cell(0, 0, 3, 1)), deepFreeze(cell(1, -1, 1, 3)));
    expect(result?.type).toBe("MultiPolygon");
    expect(geodesicArea(result as AreaGeometry) / cellAreaM2(0, 0, 2, 1)).toBeCloseTo(1, 6);
  });

  it("returns null when nothing remains", () => {
    expect(subtractArea(deepFreeze(cell(1, 1)), deepFreeze(cell(0, 0, 3, 3)))).toBeNull();
    expect(subtractArea(deepFreeze(cell(1, 1)), deepFreeze(cell(1, 1)))).toBeNull();
  });

  it("leaves an area unchanged by a disjoint or merely touching one", () => {
    expect(subtractArea(deepFreeze(cell(0, 0)), deepFreeze(cell(5, 5)))).toEqual(cell(0, 0));
    expect(subtractArea(deepFreeze(cell(0, 0)), deepFreeze(cell(1, 0)))).toEqual(cell(0, 0));
  });

  it("returns a valid area when the hole it cuts touches the outer ring at a corner", () => {
    const result = subtractArea(deepFreeze(cell(0, 0, 3, 3)), deepFreeze(cell(1, 1, 2, 2)));
    expect(isValidAreaGeometry(result as AreaGeometry)).toBe(true);
  });
});
