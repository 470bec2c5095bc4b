import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import {
  cityFromCollection,
  gridCellsFromCollection,
  pointLayerFromCollection,
  referenceAreasFromCollection,
} from "../../../../src/domain/analysis/index.ts";
import { cell } from "../../../fixtures/geometry/builders.ts";

const areas: FeatureCollection = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      id: 1,
      geometry: cell(0, 0),
      properties: { code: "011", name: "Altstadt", parentCode: "01", residents2011: 5 },
    },
    { type: "Feature", geometry: { type: "Point", coordinates: [7.4, 51.5] }, properties: { code: "x" } },
  ],
};

describe("reading the served layers", () => {
  it("reads reference areas with code, name and parent, skipping other geometries", () => {
    expect(referenceAreasFromCollection(areas)).toEqual([
      { code: "011", name: "Altstadt", parentCode: "01", geometry: cell(0, 0) },
    ]);
  });

  it("reads grid cells with their id and residents, secret counts as null", () => {
    const grid: FeatureCollection = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: cell(0, 0), properties: { cellId: "1kmN1E1", residents: 12 } },
        { type: "Feature", geometry: cell(1, 0), properties: { cellId: "1kmN1E2", residents: null } },
      ],
    };
    expect(gridCellsFromCollection(grid).map((c) => [c.id, c.residents])).toEqual([
      ["1kmN1E1", 12],
      ["1kmN1E2", null],
    ]);
  });

  it("reads the city outline, or null when there is none", () => {
    expect(cityFromCollection(areas)).toEqual(cell(0, 0));
    expect(cityFromCollection({ type: "FeatureCollection", features: [] })).toBeNull();
  });

  it("reads a facility layer with feature ids and categories", () => {
    const layer = pointLayerFromCollection("kitas", {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          id: 7,
          geometry: { type: "Point", coordinates: [7.4, 51.5] },
          properties: { category: "Kita" },
        },
        { type: "Feature", geometry: { type: "Point", coordinates: [7.5, 51.6] }, properties: {} },
        { type: "Feature", geometry: cell(0, 0), properties: {} },
      ],
    });
    expect(layer).toEqual({
      id: "kitas",
      positions: [
        [7.4, 51.5],
        [7.5, 51.6],
      ],
      ids: [7, 1],
      categories: ["Kita", ""],
    });
  });
});
