import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import type { CatalogueEntry, GeneratedCatalogue } from "../../../src/domain/model/catalogue.ts";
import { cityMapLayerIds } from "../../../src/map/basemap-style.ts";
import {
  buildMapStyle,
  DEFAULT_BASEMAP,
  isOfflineBasemap,
  keepRuntimeLayers,
  type MapView,
  visibleCredits,
} from "../../../src/map/map-style.ts";

const base = "http://localhost:4173/";
const fonts = { regular: "/a.woff2", regularExt: "/b.woff2", bold: "/c.woff2" };
const OSM_BASEMAP_CREDIT = "© OpenStreetMap-Mitwirkende (ODbL) · © OpenMapTiles · © MapTiler";

function entry(partial: Partial<CatalogueEntry> & Pick<CatalogueEntry, "id" | "kind">): CatalogueEntry {
  return {
    title: { de: partial.id, en: partial.id },
    publisher: "P",
    licence: { id: "x", name: "x", url: "https://example.org" },
    credit: "Datenquelle: Stadt Dortmund",
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

const entries: CatalogueEntry[] = [
  entry({ id: "city-boundary", kind: "boundary" }),
  entry({
    id: "districts-stadtbezirk",
    kind: "reference-areas",
    level: "stadtbezirk",
    labelsUrl: "generated/districts-stadtbezirk-labels.geojson",
  }),
  entry({
    id: "districts-statistischer-bezirk",
    kind: "reference-areas",
    level: "statistischer-bezirk",
    labelsUrl: "generated/districts-statistischer-bezirk-labels.geojson",
  }),
  entry({ id: "population-grid", kind: "population", credit: "Zensus" }),
  entry({ id: "addresses", kind: "basemap-points", url: "generated/tiles/{z}/{x}/{y}.pbf" }),
  entry({
    id: "basemap-osm",
    kind: "basemap-vector",
    url: "generated/basemap/{z}/{x}/{y}.pbf",
    credit: OSM_BASEMAP_CREDIT,
  }),
  entry({ id: "pools", kind: "facility-points" }),
];
const catalogue: GeneratedCatalogue = Object.freeze({
  formatVersion: 5,
  generatedAt: "2026-12-06T00:00:00Z",
  sourceFolder: "dortmund",
  summary: { cityAreaKm2: 280.7, residentsGridInCity: 567_929, addressCount: 109_700 },
  entries,
});

function view(partial: Partial<MapView> = {}): MapView {
  return {
    level: "statistischer-bezirk",
    showLabels: true,
    visibleLayers: new Set(["city-boundary", "addresses", "basemap-osm", "population-grid", "pools"]),
    basemap: DEFAULT_BASEMAP,
    ...partial,
  };
}

const ids = (style: StyleSpecification) => style.layers.map((l) => l.id);
const BASE_LAYERS = [
  cityMapLayerIds.landuse,
  cityMapLayerIds.waterway,
  cityMapLayerIds.water,
  cityMapLayerIds.paths,
  cityMapLayerIds.roadCasing,
  cityMapLayerIds.road,
  cityMapLayerIds.transit,
  cityMapLayerIds.rail,
  cityMapLayerIds.railDash,
];
const paintOf = (style: StyleSpecification, id: string) =>
  (style.layers.find((l) => l.id === id) as LayerSpecification & { paint?: Record<string, unknown> })
    ?.paint ?? {};

describe("the offline city map", () => {
  it("is the default basemap, and needs no network", () => {
    expect(DEFAULT_BASEMAP.id).toBe("citymap");
    expect(isOfflineBasemap("citymap")).toBe(true);
    expect(isOfflineBasemap("citymap-dark")).toBe(true);
    expect(isOfflineBasemap("schematic")).toBe(true);
    expect(isOfflineBasemap("osm")).toBe(false);
    expect(isOfflineBasemap("basemapde")).toBe(false);
  });

  it("draws landuse, water, waterways, paths, roads, rail and road names from the generated tiles", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    expect(ids(style)).toEqual(
      expect.arrayContaining([...BASE_LAYERS, cityMapLayerIds.roadRef, cityMapLayerIds.roadName]),
    );
    expect(style.sources["layer-basemap-osm"]).toMatchObject({
      type: "vector",
      tiles: ["http://localhost:4173/generated/basemap/{z}/{x}/{y}.pbf"],
      minzoom: 8,
      maxzoom: 14,
    });
    const layers = style.layers.filter((l) => "source" in l && l.source === "layer-basemap-osm");
    expect(new Set(layers.map((l) => (l as { "source-layer"?: string })["source-layer"]))).toEqual(
      new Set(["landuse", "water", "waterway", "paths", "roads", "rail", "names"]),
    );
  });

  it("stacks the basemap under population, reference areas and the boundary, its names above them", () => {
    const order = ids(buildMapStyle(catalogue, view(), base, fonts));
    const lastBase = Math.max(...BASE_LAYERS.map((id) => order.indexOf(id)));
    expect(order[0]).toBe("background");
    for (const planning of [
      "population-fill",
      "districts-stadtbezirk-line",
      "districts-statistischer-bezirk-fill",
      "city-boundary-line",
      "facility-pools",
    ]) {
      expect(order.indexOf(planning), planning).toBeGreaterThan(lastBase);
    }
    expect(order.indexOf(cityMapLayerIds.roadName)).toBeGreaterThan(order.indexOf("city-boundary-line"));
    expect(order.indexOf(cityMapLayerIds.roadName)).toBeLessThan(order.indexOf("facility-pools"));
    expect(order.at(-1)).toBe("districts-statistischer-bezirk-label");
  });

  it("keeps pilot areas and drawing layers above the basemap when the basemap is switched", () => {
    const built = buildMapStyle(catalogue, view({ basemap: { id: "schematic" } }), base, fonts);
    const previous: StyleSpecification = {
      ...built,
      sources: {
        ...built.sources,
        "pilot-areas": { type: "geojson", data: { type: "FeatureCollection", features: [] } },
        "td-polygon": { type: "geojson", data: { type: "FeatureCollection", features: [] } },
      },
      layers: [
        ...built.layers,
        { id: "pilot-areas-fill", type: "fill", source: "pilot-areas" },
        { id: "td-polygon", type: "fill", source: "td-polygon" },
      ],
    };
    for (const basemap of [{ id: "citymap" }, { id: "citymap-dark" }] as const) {
      const next = buildMapStyle(catalogue, view({ basemap }), base, fonts);
      const order = ids(keepRuntimeLayers(previous, next));
      const lastBasemap = Math.max(...order.map((id, i) => (id.startsWith("citymap-") ? i : -1)));
      expect(order.indexOf("pilot-areas-fill")).toBeGreaterThan(lastBasemap);
      expect(order.slice(-2)).toEqual(["pilot-areas-fill", "td-polygon"]);
    }
  });

  it("leaves out the schematic address dots (and the schematic leaves out the city map)", () => {
    const city = ids(buildMapStyle(catalogue, view(), base, fonts));
    expect(city).not.toContain("addresses-dots");
    expect(city).not.toContain("street-labels");
    const schematic = buildMapStyle(catalogue, view({ basemap: { id: "schematic" } }), base, fonts);
    expect(ids(schematic)).toContain("addresses-dots");
    expect(ids(schematic).some((id) => id.startsWith("citymap-"))).toBe(false);
    expect(schematic.sources["layer-basemap-osm"]).toBeUndefined();
  });

  it("is only a background when the build folder has no city map (an old data step)", () => {
    const old = { ...catalogue, entries: entries.filter((e) => e.kind !== "basemap-vector") };
    const style = buildMapStyle(old, view(), base, fonts);
    expect(ids(style).some((id) => id.startsWith("citymap-"))).toBe(false);
    expect(ids(style)[0]).toBe("background");
  });

  it("colours water blue and green areas green, on a light background", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    const water = String(paintOf(style, cityMapLayerIds.water)["fill-color"]);
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(water.slice(i, i + 2), 16)) as number[];
    expect(b).toBeGreaterThan((r ?? 0) + 40);
    expect(b).toBeGreaterThan(g ?? 0);
    const landuse = JSON.stringify(paintOf(style, cityMapLayerIds.landuse)["fill-color"]);
    expect(landuse).toContain('"wood"');
    expect(landuse).toContain('"park"');
    const background = String(paintOf(style, "background")["background-color"]);
    expect(Number.parseInt(background.slice(1, 3), 16)).toBeGreaterThan(0xe0);
  });

  it("shows road names and numbers with bundled fonts, major roads bolder", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    const names = style.layers.find((l) => l.id === cityMapLayerIds.roadName);
    expect(names?.type).toBe("symbol");
    expect(JSON.stringify(names?.layout)).toContain("Noto Sans Bold");
    expect(JSON.stringify(names?.layout)).toContain("Noto Sans Regular");
    expect(style.glyphs).toBeUndefined();
  });
});

describe("the dark city map", () => {
  const light = buildMapStyle(catalogue, view(), base, fonts);
  const dark = buildMapStyle(catalogue, view({ basemap: { id: "citymap-dark" } }), base, fonts);

  it("has the same layers in the same order as the light one", () => {
    expect(ids(dark)).toEqual(ids(light));
  });

  it("is dark, and draws district lines, labels and the boundary light so they stay visible", () => {
    const background = String(paintOf(dark, "background")["background-color"]);
    expect(Number.parseInt(background.slice(1, 3), 16)).toBeLessThan(0x40);
    const line = JSON.stringify(paintOf(dark, "districts-statistischer-bezirk-line")["line-color"]);
    expect(line).not.toBe(
      JSON.stringify(paintOf(light, "districts-statistischer-bezirk-line")["line-color"]),
    );
    expect(paintOf(dark, "districts-statistischer-bezirk-label")["text-color"]).toBe("#f3f4f6");
    expect(paintOf(dark, "city-boundary-line")["line-color"]).toBe("#e5e7eb");
  });
});

describe("credits of the city map", () => {
  it("credit OpenStreetMap, OpenMapTiles and MapTiler while the city map is shown, and only then", () => {
    expect(visibleCredits(catalogue, view())).toContain(OSM_BASEMAP_CREDIT);
    expect(visibleCredits(catalogue, view({ basemap: { id: "citymap-dark" } }))).toContain(
      OSM_BASEMAP_CREDIT,
    );
    expect(visibleCredits(catalogue, view({ basemap: { id: "schematic" } }))).not.toContain(
      OSM_BASEMAP_CREDIT,
    );
    expect(visibleCredits(catalogue, view({ basemap: { id: "osm" } }))).not.toContain(OSM_BASEMAP_CREDIT);
  });
});
