import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import { labelPoint } from "../../../../src/domain/geometry/label-point.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";

describe("label point of an area", () => {
  it("lies inside a U-shaped area, where the bounding-box middle does not", () => {
    // A "U": the middle of its bounding box (7.45, 51.505) is in the gap between the arms.
    const u: AreaGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.5, 51.5],
          [7.5, 51.52],
          [7.48, 51.52],
          [7.48, 51.502],
          [7.42, 51.502],
          [7.42, 51.52],
          [7.4, 51.52],
          [7.4, 51.5],
        ],
      ],
    };
    const point = labelPoint(u);
    expect(booleanPointInPolygon(point, u)).toBe(true);
    expect(booleanPointInPolygon([7.45, 51.51], u)).toBe(false);
  });

  it("uses the largest part of a multi-part area", () => {
    const small = [
      [7.3, 51.4],
      [7.301, 51.4],
      [7.301, 51.401],
      [7.3, 51.4],
    ];
    const big = [
      [7.5, 51.5],
      [7.6, 51.5],
      [7.6, 51.55],
      [7.5, 51.55],
      [7.5, 51.5],
    ];
    const point = labelPoint({ type: "MultiPolygon", coordinates: [[small], [big]] });
    expect(point[0]).toBeGreaterThan(7.5);
    expect(point[0]).toBeLessThan(7.6);
    expect(point[1]).toBeGreaterThan(51.5);
    expect(point[1]).toBeLessThan(51.55);
  });
});
