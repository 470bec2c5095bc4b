import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geometriesBbox } from "../../../src/map/geometry-bounds.ts";
import {
  type Bbox,
  frameOf,
  METRES_PER_DEGREE,
  scaleBarMetres,
  svgProjection,
} from "../../../src/map/onepager-frame.ts";

const city: Bbox = [7.3, 51.4, 7.65, 51.6];
const small: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [7.46, 51.51],
      [7.47, 51.51],
      [7.47, 51.515],
      [7.46, 51.51],
    ],
  ],
};

describe("geometriesBbox", () => {
  it("spans the outer rings of all geometries, or is null for none", () => {
    expect(geometriesBbox([small])).toEqual([7.46, 51.51, 7.47, 51.515]);
    expect(geometriesBbox([])).toBeNull();
  });
});

describe("frameOf", () => {
  it("is the city without a focus area", () => {
    expect(frameOf(null, city)).toBe(city);
  });

  it("frames a small area with at least 4 km by 3 km around its middle", () => {
    const [west, south, east, north] = frameOf(small, city);
    const middle = (south + north) / 2;
    const cos = Math.cos((middle * Math.PI) / 180);
    expect((east - west) * cos * METRES_PER_DEGREE).toBeCloseTo(4000, 0);
    expect((north - south) * METRES_PER_DEGREE).toBeCloseTo(3000, 0);
    expect((west + east) / 2).toBeCloseTo(7.465, 6);
  });
});

describe("svgProjection", () => {
  const projection = svgProjection(city, 600);

  it("maps the frame's corners to the drawing's corners", () => {
    expect(projection.x(city[0])).toBe(0);
    expect(projection.x(city[2])).toBeCloseTo(600, 6);
    expect(projection.y(city[3])).toBe(0);
    expect(projection.y(city[1])).toBeCloseTo(projection.height, 0);
  });

  it("writes each ring as a closed path", () => {
    const path = projection.pathOf(small);
    expect(path.startsWith("M")).toBe(true);
    expect(path.endsWith("Z")).toBe(true);
    expect(path.split("L")).toHaveLength(4);
  });

  it("tells points inside the frame", () => {
    expect(projection.inside([7.5, 51.5])).toBe(true);
    expect(projection.inside([7.7, 51.5])).toBe(false);
  });
});

describe("scaleBarMetres", () => {
  it("picks the round length nearest a fifth of the width", () => {
    expect(scaleBarMetres(4000)).toBe(1000);
    expect(scaleBarMetres(24_000)).toBe(5000);
    expect(scaleBarMetres(300)).toBe(100);
  });
});
