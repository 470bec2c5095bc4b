import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  ALWAYS_HANDLES,
  forTerraDraw,
  HANDLE_SPACING_PX,
  handlesFit,
  measureOf,
  samePoints,
  sketchPoints,
} from "../../../src/map/draw/draw-geometry.ts";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [7.46, 51.51],
      [7.47, 51.51],
      [7.47, 51.52],
      [7.46, 51.52],
      [7.46, 51.51],
    ],
  ],
};

/** A closed ring of `n` vertices on a circle of `radius` screen pixels (the projection is the identity). */
function ringOnScreen(n: number, radius: number): Polygon {
  const ring = Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  return { type: "Polygon", coordinates: [[...ring, ring[0] as number[]]] };
}
const identity = ([x, y]: [number, number]) => ({ x, y });

describe("forTerraDraw", () => {
  it("rounds coordinates to 9 decimals", () => {
    const polygon: Polygon = { type: "Polygon", coordinates: [[[7.1234567891234, 51.0000000004]]] };
    expect(forTerraDraw(polygon).coordinates).toEqual([[[7.123456789, 51]]]);
  });
});

describe("measureOf", () => {
  it("measures a polygon's area and perimeter", () => {
    const measure = measureOf(square, "polygon");
    expect(measure?.areaM2).toBeGreaterThan(700_000);
    expect(measure?.areaM2).toBeLessThan(800_000);
    expect(measure?.perimeterM).toBeGreaterThan(3_000);
    expect(measure?.radiusM).toBeUndefined();
  });

  it("adds the radius for the circle tool", () => {
    expect(measureOf(square, "circle")?.radiusM).toBeGreaterThan(0);
  });

  it("is null for no polygon or one of fewer than three corners", () => {
    expect(measureOf(undefined, "polygon")).toBeNull();
    expect(measureOf({ type: "LineString" }, "polygon")).toBeNull();
    const line: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(measureOf(line, "polygon")).toBeNull();
  });
});

describe("handlesFit", () => {
  it("always shows the handles of a shape with few vertices", () => {
    expect(handlesFit(identity, ringOnScreen(ALWAYS_HANDLES, 1))).toBe(true);
  });

  it("hides the handles when the vertices sit closer than the spacing on average", () => {
    const n = 100;
    // Circumference / n ≈ the spacing between neighbours.
    const radius = (HANDLE_SPACING_PX * n) / (2 * Math.PI);
    expect(handlesFit(identity, ringOnScreen(n, radius * 1.1))).toBe(true);
    expect(handlesFit(identity, ringOnScreen(n, radius * 0.9))).toBe(false);
  });
});

describe("sketchPoints", () => {
  const sketch = (committed: number) => ({
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    },
    properties: { currentlyDrawing: true, committedCoordinateCount: committed },
  });

  it("takes the committed points of the sketch", () => {
    expect(sketchPoints([sketch(2)])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("is null when no feature is a sketch being drawn", () => {
    expect(sketchPoints([undefined, { ...sketch(2), properties: { currentlyDrawing: false } }])).toBeNull();
  });
});

describe("samePoints", () => {
  it("compares point lists by value and order", () => {
    expect(samePoints([[1, 2]], [[1, 2]])).toBe(true);
    expect(samePoints([[1, 2]], [[2, 1]])).toBe(false);
    expect(samePoints([[1, 2]], [])).toBe(false);
  });
});
