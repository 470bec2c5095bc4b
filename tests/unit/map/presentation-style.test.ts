import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  PRESENTATION_PALETTE,
  patternId,
  presentationAreaFeatures,
  presentationAreaStyle,
  presentationLabelFeatures,
  presentationTarget,
} from "../../../src/map/presentation-style.ts";

const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const areas = [
  { id: "a", name: "Nord", geometry: box(7.4, 51.5, 7.5, 51.6) },
  { id: "b", name: "Süd", geometry: box(7.45, 51.4, 7.6, 51.45) },
];

describe("presentationAreaStyle", () => {
  it("gives neighbours different colours and patterns, cycling through the palette", () => {
    const first = presentationAreaStyle(0);
    const second = presentationAreaStyle(1);
    expect(first.colour).not.toBe(second.colour);
    expect(first.pattern).not.toBe(second.pattern);
    expect(presentationAreaStyle(PRESENTATION_PALETTE.length).colour).toBe(first.colour);
  });
});

describe("presentationAreaFeatures", () => {
  it("numbers the areas from 1 and carries their colour and pattern image", () => {
    const features = presentationAreaFeatures(areas).features;
    expect(features.map((f) => f.id)).toEqual([1, 2]);
    expect(features[1]?.properties).toEqual({
      areaId: "b",
      name: "2 · Süd",
      colour: presentationAreaStyle(1).colour,
      pattern: patternId(1),
    });
  });
});

describe("presentationLabelFeatures", () => {
  it("puts one numbered label point in each area", () => {
    const [label] = presentationLabelFeatures(areas).features;
    expect(label?.properties).toEqual({ areaId: "a", name: "1 · Nord" });
    const [lon, lat] = label?.geometry.coordinates ?? [];
    expect(lon).toBeGreaterThan(7.4);
    expect(lon).toBeLessThan(7.5);
    expect(lat).toBeGreaterThan(51.5);
    expect(lat).toBeLessThan(51.6);
  });
});

describe("presentationTarget", () => {
  it("frames the focus area on an area slide", () => {
    expect(presentationTarget(areas, "b")).toEqual([7.45, 51.4, 7.6, 51.45]);
  });

  it("frames all areas on an overview, and nothing without areas", () => {
    expect(presentationTarget(areas, null)).toEqual([7.4, 51.4, 7.6, 51.6]);
    expect(presentationTarget([], null)).toBeNull();
  });
});
