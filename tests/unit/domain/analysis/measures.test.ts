import { describe, expect, it } from "vitest";
import {
  createClipFrame,
  createClipShape,
  flatRingAreaM2,
  geometryAreaM2,
  geometryToPaths,
  measureGeodesic,
  pathsAreaM2,
  ringAreaM2,
} from "../../../../src/domain/analysis/index.ts";
import { geodesicArea, geodesicPerimeter } from "../../../../src/domain/geometry/measure-area.ts";
import { cellsAreaM2 } from "../../../fixtures/analysis/small-world.ts";
import { cell, ellipsoidalRectangleAreaM2, rectangle } from "../../../fixtures/geometry/builders.ts";

const frame = createClipFrame(7.45, 51.5);

describe("ellipsoidal area", () => {
  it("is exact for a lon/lat rectangle (closed form on the ellipsoid)", () => {
    const expected = ellipsoidalRectangleAreaM2(7.4, 51.5, 7.5, 51.6);
    expect(geometryAreaM2(rectangle(7.4, 51.5, 7.5, 51.6)) / expected).toBeCloseTo(1, 12);
  });

  it("is signed by orientation per ring and positive for a geometry either way", () => {
    const ring = cell(0, 0).coordinates[0] ?? [];
    expect(ringAreaM2(ring)).toBeGreaterThan(0);
    expect(ringAreaM2([...ring].reverse())).toBeCloseTo(-ringAreaM2(ring), 6);
    expect(geometryAreaM2({ type: "Polygon", coordinates: [[...ring].reverse()] })).toBeCloseTo(
      ringAreaM2(ring),
      6,
    );
  });

  it("agrees with GeographicLib to 1e-5 on a kilometre-sized concave ring", () => {
    const ring = Array.from({ length: 40 }, (_, i) => {
      const t = (2 * Math.PI * i) / 40;
      const r = 0.01 * (1 + 0.3 * Math.sin(3 * t));
      return [7.45 + 1.6 * r * Math.cos(t), 51.5 + r * Math.sin(t)];
    });
    ring.push([...(ring[0] as number[])]);
    const polygon = { type: "Polygon" as const, coordinates: [ring] };
    expect(Math.abs(geometryAreaM2(polygon) / geodesicArea(polygon) - 1)).toBeLessThan(1e-5);
  });

  it("measures flat rings and integer paths the same way", () => {
    const polygon = cell(1, 1, 2, 3);
    const flat = (polygon.coordinates[0] ?? []).slice(0, -1).flat();
    expect(flatRingAreaM2(flat) / cellsAreaM2(1, 1, 2, 3)).toBeCloseTo(1, 10);
    expect(pathsAreaM2(frame, geometryToPaths(frame, polygon)) / cellsAreaM2(1, 1, 2, 3)).toBeCloseTo(1, 7);
  });
});

describe("clip frame", () => {
  it("turns rings so that outer rings are counter-clockwise and holes clockwise, whatever the input", () => {
    const outer = [...(cell(0, 0, 3, 3).coordinates[0] ?? [])].reverse();
    const hole = cell(1, 1).coordinates[0] ?? [];
    const shape = createClipShape(frame, { type: "Polygon", coordinates: [outer, hole] });
    expect(shape.paths).toHaveLength(2);
    expect(shape.areaM2 / (cellsAreaM2(0, 0, 3, 3) - cellsAreaM2(1, 1))).toBeCloseTo(1, 8);
  });

  it("drops the closing position, repeats and rings without area", () => {
    const ring = [
      [7.4, 51.5],
      [7.41, 51.5],
      [7.41, 51.5],
      [7.41, 51.51],
      [7.4, 51.5],
    ];
    const paths = geometryToPaths(frame, {
      type: "Polygon",
      coordinates: [
        ring,
        [
          [7.4, 51.5],
          [7.4, 51.5],
        ],
      ],
    });
    expect(paths).toHaveLength(1);
    expect(paths[0]).toHaveLength(3);
  });

  it("resolves about 0.01 mm", () => {
    const a = geometryToPaths(frame, rectangle(7.4, 51.5, 7.41, 51.51))[0]?.[0];
    const b = geometryToPaths(frame, rectangle(7.4 + 2e-10, 51.5, 7.41, 51.51))[0]?.[0];
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBeGreaterThanOrEqual(1);
  });
});

describe("measureGeodesic", () => {
  it("gives the geometry module's geodesic area and perimeter in one pass", () => {
    const polygon = {
      type: "MultiPolygon" as const,
      coordinates: [cell(0, 0, 2, 2).coordinates, cell(5, 5).coordinates],
    };
    const { areaM2, perimeterM } = measureGeodesic(polygon);
    expect(areaM2).toBeCloseTo(geodesicArea(polygon), 6);
    expect(perimeterM).toBeCloseTo(geodesicPerimeter(polygon), 6);
  });
});
