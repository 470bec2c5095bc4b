/**
 * The two census grids (Zensus 2022, the default, and 2011 for comparison) share the choropleth's layer
 * ids, so the style builder draws one of them: a saved view with both visible must not make duplicate
 * layer ids (MapLibre rejects such a style).
 */
import { describe, expect, it } from "vitest";
import type { CatalogueEntry, GeneratedCatalogue } from "../../../src/domain/model/catalogue.ts";
import { buildMapStyle, DEFAULT_BASEMAP, type MapView, newestCensus } from "../../../src/map/map-style.ts";

const base = "http://localhost:4173/";
const fonts = { regular: "/a.woff2", regularExt: "/b.woff2", bold: "/c.woff2" };

function entry(partial: Partial<CatalogueEntry> & Pick<CatalogueEntry, "id" | "kind">): CatalogueEntry {
  return {
    title: { de: partial.id, en: partial.id },
    publisher: "P",
    licence: { id: "x", name: "x", url: "https://example.org" },
    credit: "c",
    dataDate: { de: "2026", en: "2026" },
    caveats: [],
    url: `generated/${partial.id}.geojson`,
    featureCount: 1,
    bbox: [7.285, 51.405, 7.646, 51.61],
    sourceFiles: [],
    visibleByDefault: false,
    ...partial,
  };
}

const grid2011 = entry({ id: "population-grid", kind: "population", censusYear: 2011 });
const grid2022 = entry({ id: "population-grid-2022", kind: "population", censusYear: 2022 });
const catalogue: GeneratedCatalogue = {
  formatVersion: 6,
  generatedAt: "2026-12-06T00:00:00Z",
  sourceFolder: "dortmund",
  summary: { cityAreaKm2: 280.7, residentsGridInCity: 589_666, addressCount: 109_700 },
  // The older grid first, as a catalogue might list it.
  entries: [entry({ id: "city-boundary", kind: "boundary" }), grid2011, grid2022],
};

function view(visible: string[]): MapView {
  return {
    level: "statistischer-bezirk",
    showLabels: false,
    visibleLayers: new Set(["city-boundary", ...visible]),
    basemap: DEFAULT_BASEMAP,
  };
}

describe("census grids in the style", () => {
  it("draws the newest of two visible grids once, without duplicate layer ids", () => {
    const style = buildMapStyle(catalogue, view([grid2011.id, grid2022.id]), base, fonts);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === "population-fill")).toHaveLength(1);
    expect(style.sources["layer-population-grid-2022"]).toBeDefined();
    expect(style.sources["layer-population-grid"]).toBeUndefined();
  });

  it("draws the 2011 grid when it is the one visible", () => {
    const style = buildMapStyle(catalogue, view([grid2011.id]), base, fonts);
    expect(style.layers.map((l) => l.id)).toContain("population-fill");
    expect(style.sources["layer-population-grid"]).toBeDefined();
  });

  it("picks the newest census of a list", () => {
    expect(newestCensus([grid2011, grid2022])).toEqual([grid2022]);
    expect(newestCensus([])).toEqual([]);
  });
});
