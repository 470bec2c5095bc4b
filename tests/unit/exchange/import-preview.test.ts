/**
 * What the exchange worker sends the page instead of the parsed features: the preview (counts, first
 * rows, cut report, bounds), an overlay's data with label points, and the areas prepared as pilot
 * areas (checked like drawn ones, attributes of a Pilotkarte export read back).
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Point, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import {
  type ImportedFeature,
  type ImportResult,
  overlayLayerData,
  prepareImportedAreas,
  previewImport,
} from "../../../src/domain/exchange/index.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const area = (index: number, name: string | null, geometry: Polygon, properties = {}): ImportedFeature => ({
  index,
  name,
  geometry,
  properties,
});
const point = (index: number, name: string | null, lon: number, lat: number): ImportedFeature => ({
  index,
  name,
  geometry: { type: "Point", coordinates: [lon, lat] } satisfies Point,
  properties: {},
});

function result(features: ImportedFeature[], extra: Partial<Extract<ImportResult, { ok: true }>> = {}) {
  return {
    ok: true as const,
    kind: "mixed" as const,
    features,
    report: {
      format: "geojson" as const,
      sourceCrs: "EPSG:4326",
      featureCount: features.length,
      repaired: [],
      dropped: [],
    },
    ...extra,
  };
}

describe("previewImport", () => {
  it("counts areas, points and features (parts of one feature once), and bounds everything", () => {
    const features = [
      area(0, "A", rectangle(7.4, 51.5, 7.41, 51.51)),
      area(0, "A", rectangle(7.42, 51.5, 7.43, 51.51)),
      point(1, "Haltestelle", 7.5, 51.45),
      area(2, null, rectangle(7.38, 51.52, 7.39, 51.53)),
    ];
    const preview = previewImport(result(features), { rows: 2 });
    expect(preview.areaCount).toBe(3);
    expect(preview.pointCount).toBe(1);
    expect(preview.rowCount).toBe(3);
    expect(preview.rows).toEqual([
      { index: 0, name: "A", point: false },
      { index: 1, name: "Haltestelle", point: true },
    ]);
    expect(preview.bbox).toEqual([7.38, 51.45, 7.5, 51.53]);
  });

  it("cuts long report lists but keeps their full counts", () => {
    const dropped = Array.from({ length: 120 }, (_, i) => ({
      index: i + 1,
      name: null,
      reason: "null-geometry" as const,
    }));
    const repaired = Array.from({ length: 3 }, () => ({
      index: 0,
      name: "A",
      what: "unclosed-ring-closed" as const,
    }));
    const base = result([area(0, "A", rectangle(7.4, 51.5, 7.41, 51.51))]);
    const preview = previewImport(
      { ...base, report: { ...base.report, dropped, repaired } },
      { reportItems: 50 },
    );
    expect(preview.report.dropped).toHaveLength(50);
    expect(preview.droppedCount).toBe(120);
    expect(preview.report.repaired).toHaveLength(3);
    expect(preview.repairedCount).toBe(3);
  });
});

describe("overlayLayerData", () => {
  it("keeps only the name as a property and puts one label inside each named feature", () => {
    // A U shape: the middle of its bounding box lies outside it.
    const u: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.43, 51.5],
          [7.43, 51.53],
          [7.42, 51.53],
          [7.42, 51.51],
          [7.41, 51.51],
          [7.41, 51.53],
          [7.4, 51.53],
          [7.4, 51.5],
        ],
      ],
    };
    const { collection, labels } = overlayLayerData([
      area(0, "<b>U</b>", u, { secret: "x" }),
      area(1, null, rectangle(7.5, 51.5, 7.51, 51.51)),
      point(2, "P", 7.45, 51.52),
    ]);
    expect(collection.features.map((f) => f.properties)).toEqual([
      { name: "<b>U</b>" },
      { name: "" },
      { name: "P" },
    ]);
    expect(labels.features.map((f) => f.properties)).toEqual([
      { name: "<b>U</b>", isPoint: 0 },
      { name: "P", isPoint: 1 },
    ]);
    const [lon, lat] = labels.features[0]?.geometry.coordinates ?? [];
    expect(booleanPointInPolygon([lon ?? 0, lat ?? 0], u)).toBe(true);
    // Not the middle of the bounding box, which is in the U's gap.
    expect(booleanPointInPolygon([7.415, 51.515], u)).toBe(false);
    expect(labels.features[1]?.geometry.coordinates).toEqual([7.45, 51.52]);
  });
});

describe("prepareImportedAreas", () => {
  const CITY = rectangle(7.3, 51.4, 7.6, 51.6);

  it("checks areas like drawn ones, refuses tiny ones, skips points and reads back exported attributes", () => {
    const progress: number[] = [];
    const { areas, refused } = prepareImportedAreas(
      [
        area(0, "Groß", rectangle(7.4, 51.5, 7.41, 51.51), {
          status: "kandidat",
          partners: "DEW21; TU Dortmund",
          fields: "energie",
        }),
        // About 7 m × 7 m: smaller than the smallest pilot area.
        area(1, "Winzig", rectangle(7.4, 51.5, 7.4001, 51.50006)),
        point(2, "Punkt", 7.45, 51.5),
        // Half outside the city.
        area(3, null, rectangle(7.59, 51.5, 7.61, 51.51)),
      ],
      CITY,
      (done, total) => progress.push(done / total),
    );
    expect(areas.map((a) => [a.index, a.name, a.outsideCity])).toEqual([
      [0, "Groß", false],
      [3, null, true],
    ]);
    expect(areas[0]?.attributes.status).toBe("kandidat");
    expect(areas[0]?.attributes.partners).toEqual(["DEW21", "TU Dortmund"]);
    expect(refused).toEqual([{ index: 1, name: "Winzig", reason: "too-small" }]);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toHaveLength(3);
  });

  it("normalises the winding of a clockwise ring (RFC 7946: outer rings counter-clockwise)", () => {
    const clockwise = rectangle(7.4, 51.5, 7.41, 51.51);
    clockwise.coordinates[0]?.reverse();
    const { areas } = prepareImportedAreas([area(0, "A", clockwise)], null);
    const geometry = areas[0]?.geometry as Polygon | undefined;
    const ring = geometry?.coordinates[0] ?? [];
    expect(ring.length).toBe(5);
    let sum = 0;
    for (let i = 0; i + 1 < ring.length; i++)
      sum +=
        ((ring[i + 1]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[i + 1]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
    expect(sum).toBeLessThan(0);
  });
});
