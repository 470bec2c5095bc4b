import { describe, expect, it } from "vitest";
import {
  createClipFrame,
  createClipShape,
  createConvexPolygon,
  flattenRing,
  geometryAreaM2,
  intersectShapes,
  pathsAreaM2,
  pathsToMultiPolygon,
  ringAreaInsideConvexM2,
  unionOfShapes,
} from "../../../../src/domain/analysis/index.ts";
import { intersectionAreaTurfM2 } from "../../../../src/domain/analysis/naive-analysis.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import { cellsAreaM2 } from "../../../fixtures/analysis/small-world.ts";
import { cell, deepFreeze, lat, lon } from "../../../fixtures/geometry/builders.ts";

const frame = createClipFrame(7.45, 51.5);
const shape = (geometry: AreaGeometry) => createClipShape(frame, deepFreeze(geometry));
const ratio = (a: number, b: number) => a / b;

/** An L of three cells: columns 0-1 of row 0 and column 0 of row 1. */
const L_SHAPE: AreaGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [lon(0), lat(0)],
      [lon(2), lat(0)],
      [lon(2), lat(1)],
      [lon(1), lat(1)],
      [lon(1), lat(2)],
      [lon(0), lat(2)],
      [lon(0), lat(0)],
    ],
  ],
};

describe("intersectShapes (clipper2-ts)", () => {
  it("measures the overlap of two squares", () => {
    const result = intersectShapes(frame, shape(cell(0, 0, 2, 2)), shape(cell(1, 1, 2, 2)));
    expect(ratio(result.areaM2, cellsAreaM2(1, 1))).toBeCloseTo(1, 7);
    expect(result.paths).toHaveLength(1);
  });

  it("gives 0 and no paths for squares that only touch or are apart", () => {
    expect(intersectShapes(frame, shape(cell(0, 0)), shape(cell(1, 0)))).toEqual({ areaM2: 0, paths: [] });
    expect(intersectShapes(frame, shape(cell(0, 0)), shape(cell(1, 1)))).toEqual({ areaM2: 0, paths: [] });
    expect(intersectShapes(frame, shape(cell(0, 0)), shape(cell(5, 5)))).toEqual({ areaM2: 0, paths: [] });
  });

  it("takes a small area inside a large district whole, and a district inside a large area whole", () => {
    expect(
      ratio(intersectShapes(frame, shape(cell(2, 2)), shape(cell(0, 0, 5, 5))).areaM2, cellsAreaM2(2, 2)),
    ).toBeCloseTo(1, 7);
    expect(
      ratio(intersectShapes(frame, shape(cell(0, 0, 5, 5)), shape(cell(2, 2))).areaM2, cellsAreaM2(2, 2)),
    ).toBeCloseTo(1, 7);
  });

  it("respects holes, also when the box of the overlap lies inside the hole", () => {
    const outer = cell(0, 0, 3, 3).coordinates[0] ?? [];
    const hole = [...(cell(1, 1).coordinates[0] ?? [])].reverse();
    const framed = shape({ type: "Polygon", coordinates: [outer, hole] });
    expect(intersectShapes(frame, framed, shape(cell(1, 1))).areaM2).toBe(0);
    const half = intersectShapes(frame, framed, shape(cell(0.5, 0.5, 1, 1)));
    expect(ratio(half.areaM2, cellsAreaM2(0.5, 0.5) - cellsAreaM2(1, 1, 0.5, 0.5))).toBeCloseTo(1, 6);
  });

  it("agrees with Turf's intersect on a concave shape", () => {
    const other = cell(0.5, 0.5, 2, 2);
    const fast = intersectShapes(frame, shape(L_SHAPE), shape(other)).areaM2;
    expect(ratio(fast, intersectionAreaTurfM2(L_SHAPE, other))).toBeCloseTo(1, 7);
  });
});

describe("unionOfShapes and pathsToMultiPolygon", () => {
  it("merges overlapping and neighbouring squares into one polygon", () => {
    const paths = unionOfShapes([shape(cell(0, 0, 2, 2)), shape(cell(1, 1, 2, 2)), shape(cell(3, 1))]);
    const union = pathsToMultiPolygon(frame, paths);
    expect(union.coordinates).toHaveLength(1);
    const expected =
      cellsAreaM2(0, 0, 2, 2) + cellsAreaM2(1, 1, 2, 2) - cellsAreaM2(1, 1) + cellsAreaM2(3, 1);
    expect(ratio(pathsAreaM2(frame, paths), expected)).toBeCloseTo(1, 7);
    expect(ratio(geometryAreaM2(union), expected)).toBeCloseTo(1, 7);
  });

  it("keeps holes with their outer ring and islands as their own polygons", () => {
    const ring = cell(0, 0, 5, 5).coordinates[0] ?? [];
    const hole = [...(cell(1, 1, 3, 3).coordinates[0] ?? [])].reverse();
    const paths = unionOfShapes([shape({ type: "Polygon", coordinates: [ring, hole] }), shape(cell(2, 2))]);
    const result = pathsToMultiPolygon(frame, paths);
    expect(result.coordinates.map((p) => p.length).sort()).toEqual([1, 2]);
    const closed = result.coordinates.every((p) =>
      p.every((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1]),
    );
    expect(closed).toBe(true);
  });
});

describe("clipping against a convex cell (Sutherland–Hodgman)", () => {
  const grid = createConvexPolygon(cell(0, 0, 2, 2).coordinates[0] ?? []);

  it("accepts a convex ring in either orientation and refuses a concave one", () => {
    expect(grid?.areaM2).toBeCloseTo(cellsAreaM2(0, 0, 2, 2), 3);
    expect(createConvexPolygon([...(cell(0, 0).coordinates[0] ?? [])].reverse())).not.toBeNull();
    expect(createConvexPolygon(L_SHAPE.coordinates[0] ?? [])).toBeNull();
  });

  it("measures the part of a square inside, outside and across the cell", () => {
    if (!grid) throw new Error("no cell");
    const inside = (g: AreaGeometry) =>
      ringAreaInsideConvexM2(flattenRing((g.coordinates[0] ?? []) as number[][], true), grid);
    expect(ratio(inside(cell(0.5, 0.5)), cellsAreaM2(0.5, 0.5))).toBeCloseTo(1, 10);
    expect(inside(cell(3, 3))).toBe(0);
    expect(ratio(inside(cell(1, 1, 2, 2)), cellsAreaM2(1, 1))).toBeCloseTo(1, 10);
  });

  it("measures a concave ring crossing the cell like clipper does", () => {
    if (!grid) throw new Error("no cell");
    const across = {
      type: "Polygon" as const,
      coordinates: [L_SHAPE.coordinates[0]?.map(([x = 0, y = 0]) => [x + 0.005, y + 0.005]) ?? []],
    };
    const convex = ringAreaInsideConvexM2(flattenRing(across.coordinates[0] ?? [], true), grid);
    const general = intersectShapes(frame, shape(across), shape(cell(0, 0, 2, 2))).areaM2;
    expect(ratio(convex, general)).toBeCloseTo(1, 7);
  });

  it("gives a hole (clockwise ring) a negative area", () => {
    if (!grid) throw new Error("no cell");
    expect(
      ringAreaInsideConvexM2(flattenRing(cell(0.5, 0.5).coordinates[0] ?? [], false), grid),
    ).toBeLessThan(0);
  });
});
