import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import type { CatalogueEntry, GeneratedCatalogue } from "../../../src/domain/model/catalogue.ts";
import {
  absoluteUrl,
  BASEMAP_SOURCE_PREFIX,
  buildMapStyle,
  interactiveLayerIds,
  keepRuntimeLayers,
  type MapView,
  POPULATION_CLASSES,
  visibleCredits,
} from "../../../src/map/map-style.ts";

const base = "http://localhost:4173/";
const fonts = { regular: "/a.woff2", regularExt: "/b.woff2", bold: "/c.woff2" };

function entry(partial: Partial<CatalogueEntry> & Pick<CatalogueEntry, "id" | "kind">): CatalogueEntry {
  return {
    title: { de: partial.id, en: partial.id },
    publisher: "P",
    licence: { id: "x", name: "x", url: "https://example.org" },
    credit: `credit ${partial.id}`,
    dataDate: { de: "2026", en: "2026" },
    caveats: [],
    url: `generated/${partial.id}.geojson`,
    featureCount: 1,
    bbox: [7.3, 51.4, 7.6, 51.6],
    sourceFiles: [],
    visibleByDefault: false,
    ...partial,
  };
}

const catalogue: GeneratedCatalogue = Object.freeze({
  formatVersion: 3,
  generatedAt: "2026-11-26T00:00:00Z",
  sourceFolder: "/data",
  summary: { cityAreaKm2: 280.7, residentsGridInCity: 567_929, addressCount: 109_700 },
  entries: [
    entry({ id: "city-boundary", kind: "boundary", credit: "Datenquelle: Stadt Dortmund" }),
    entry({
      id: "districts-stadtbezirk",
      kind: "reference-areas",
      level: "stadtbezirk",
      credit: "Datenquelle: Stadt Dortmund",
      labelsUrl: "generated/districts-stadtbezirk-labels.geojson",
    }),
    entry({
      id: "districts-statistischer-bezirk",
      kind: "reference-areas",
      level: "statistischer-bezirk",
      credit: "Datenquelle: Stadt Dortmund",
      labelsUrl: "generated/districts-statistischer-bezirk-labels.geojson",
    }),
    entry({
      id: "districts-unterbezirk",
      kind: "reference-areas",
      level: "unterbezirk",
      credit: "Datenquelle: Stadt Dortmund",
      labelsUrl: "generated/districts-unterbezirk-labels.geojson",
    }),
    entry({ id: "population-grid", kind: "population", credit: "Zensus" }),
    entry({ id: "addresses", kind: "basemap-points", url: "generated/tiles/{z}/{x}/{y}.pbf" }),
    entry({ id: "kitas", kind: "facility-points", cluster: true, colour: "#d97706", fields: ["mensch"] }),
    entry({ id: "pools", kind: "facility-points", fields: ["infrastruktur-sicherheit"] }),
  ],
});

function view(partial: Partial<MapView> = {}): MapView {
  return {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: new Set(["city-boundary", "addresses"]),
    basemap: { id: "schematic" },
    ...partial,
  };
}

const layerIdsOf = (style: StyleSpecification) => style.layers.map((l) => l.id);

describe("buildMapStyle", () => {
  it("leaves out sources and layers of hidden layers, so MapLibre does not load them", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    expect(Object.keys(style.sources)).not.toContain("layer-kitas");
    expect(Object.keys(style.sources)).not.toContain("layer-population-grid");
    expect(layerIdsOf(style)).not.toContain("facility-kitas");
  });

  it("adds a clustered source with cluster and count layers for a visible dense layer", () => {
    const style = buildMapStyle(catalogue, view({ visibleLayers: new Set(["kitas", "pools"]) }), base, fonts);
    expect(style.sources["layer-kitas"]).toMatchObject({ type: "geojson", cluster: true });
    expect(style.sources["layer-pools"]).not.toHaveProperty("cluster");
    expect(layerIdsOf(style)).toEqual(
      expect.arrayContaining([
        "facility-kitas",
        "facility-kitas-cluster",
        "facility-kitas-cluster-count",
        "facility-pools",
      ]),
    );
    expect(layerIdsOf(style)).not.toContain("facility-pools-cluster");
  });

  it("draws the active level with its fill and labels, coarser levels as lines only, finer levels not at all", () => {
    const style = buildMapStyle(catalogue, view({ level: "statistischer-bezirk" }), base, fonts);
    const ids = layerIdsOf(style);
    expect(ids).toContain("districts-statistischer-bezirk-fill");
    expect(ids).toContain("districts-statistischer-bezirk-label");
    expect(ids).toContain("districts-stadtbezirk-line");
    expect(ids).not.toContain("districts-stadtbezirk-label");
    expect(ids.some((id) => id.startsWith("districts-unterbezirk"))).toBe(false);
    const coarseFill = style.layers.find((l) => l.id === "districts-stadtbezirk-fill");
    expect(coarseFill?.layout).toMatchObject({ visibility: "none" });
  });

  it("hides district labels when names are switched off", () => {
    const style = buildMapStyle(catalogue, view({ showLabels: false }), base, fonts);
    expect(layerIdsOf(style)).not.toContain("districts-stadtbezirk-label");
  });

  it("puts facility points above the districts and district labels on top", () => {
    const ids = layerIdsOf(
      buildMapStyle(catalogue, view({ visibleLayers: new Set(["pools"]) }), base, fonts),
    );
    expect(ids.indexOf("facility-pools")).toBeGreaterThan(ids.indexOf("districts-stadtbezirk-fill"));
    expect(ids.at(-1)).toBe("districts-stadtbezirk-label");
    expect(ids[0]).toBe("background");
  });

  it("draws address dots and street names only on the schematic basemap", () => {
    const schematic = layerIdsOf(buildMapStyle(catalogue, view(), base, fonts));
    expect(schematic).toEqual(expect.arrayContaining(["addresses-dots", "street-labels"]));
    const osm = buildMapStyle(catalogue, view({ basemap: { id: "osm" } }), base, fonts);
    expect(layerIdsOf(osm)).not.toContain("addresses-dots");
    expect(osm.sources[`${BASEMAP_SOURCE_PREFIX}osm`]).toMatchObject({ type: "raster" });
  });

  it("puts a remote basemap style underneath, with prefixed ids and without its background", () => {
    const remote: StyleSpecification = {
      version: 8,
      glyphs: "https://example.org/fonts/{fontstack}/{range}.pbf",
      sources: { roads: { type: "vector", url: "https://example.org/tiles.json" } },
      layers: [
        { id: "bg", type: "background", paint: { "background-color": "#fff" } },
        { id: "road", type: "line", source: "roads", "source-layer": "road" },
      ],
    };
    const style = buildMapStyle(
      catalogue,
      view({ basemap: { id: "basemapde", style: remote } }),
      base,
      fonts,
    );
    const ids = layerIdsOf(style);
    expect(ids).not.toContain("bg");
    expect(ids.indexOf(`${BASEMAP_SOURCE_PREFIX}road`)).toBe(1);
    expect(style.layers[1]).toMatchObject({ source: `${BASEMAP_SOURCE_PREFIX}roads` });
    expect(style.sources[`${BASEMAP_SOURCE_PREFIX}roads`]).toBeDefined();
    expect(style.glyphs).toBe(remote.glyphs);
  });

  it("renders labels offline from bundled font files", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    expect(style.glyphs).toBeUndefined();
    expect(Object.keys(style["font-faces"] ?? {})).toEqual(["Noto Sans Regular", "Noto Sans Bold"]);
  });

  it("serves data from absolute URLs and keeps tile placeholders unencoded", () => {
    const style = buildMapStyle(catalogue, view(), base, fonts);
    expect(style.sources["layer-addresses"]).toMatchObject({
      tiles: ["http://localhost:4173/generated/tiles/{z}/{x}/{y}.pbf"],
    });
    expect(absoluteUrl("/generated/a.geojson", "http://h/app")).toBe("http://h/app/generated/a.geojson");
    expect(absoluteUrl("https://x.org/a", base)).toBe("https://x.org/a");
  });
});

describe("visibleCredits", () => {
  it("credits each visible layer once, and the online basemap", () => {
    const credits = visibleCredits(
      catalogue,
      view({ visibleLayers: new Set(["population-grid"]), basemap: { id: "osm" } }),
    );
    expect(credits).toEqual(["© OpenStreetMap-Mitwirkende", "Datenquelle: Stadt Dortmund", "Zensus"]);
  });

  it("does not credit hidden layers", () => {
    expect(visibleCredits(catalogue, view({ visibleLayers: new Set() }))).not.toContain("Zensus");
  });
});

describe("interactiveLayerIds", () => {
  it("lists visible facility layers before the active district fill", () => {
    const ids = interactiveLayerIds(catalogue, view({ visibleLayers: new Set(["kitas"]) }));
    expect(ids).toEqual(["facility-kitas", "facility-kitas-cluster", "districts-stadtbezirk-fill"]);
  });
});

describe("population classes", () => {
  it("start at 0 and rise strictly", () => {
    expect(POPULATION_CLASSES[0]?.from).toBe(0);
    for (let i = 1; i < POPULATION_CLASSES.length; i++) {
      expect(POPULATION_CLASSES[i]?.from).toBeGreaterThan(POPULATION_CLASSES[i - 1]?.from ?? 0);
    }
  });
});

describe("keepRuntimeLayers", () => {
  const view = (level: MapView["level"]): MapView => ({
    level,
    showLabels: true,
    visibleLayers: new Set(["city-boundary"]),
    basemap: { id: "schematic" },
  });
  /** The style as MapLibre serialises it after terra-draw and the pilot areas added their layers. */
  function withRuntimeLayers(style: StyleSpecification): StyleSpecification {
    const layers = [...style.layers];
    // Pilot areas sit on top of the built layers; an imported layer just below them; terra-draw on top.
    layers.push(
      { id: "overlay-1-fill", type: "fill", source: "overlay-1" },
      { id: "pilot-areas-fill", type: "fill", source: "pilot-areas" },
      { id: "td-polygon", type: "fill", source: "td-polygon" },
      { id: "td-point", type: "circle", source: "td-point" },
    );
    return {
      ...style,
      sources: {
        ...style.sources,
        "overlay-1": { type: "geojson", data: "pilotkarte-blob://1" },
        "pilot-areas": { type: "geojson", data: { type: "FeatureCollection", features: [] } },
        "td-polygon": { type: "geojson", data: { type: "FeatureCollection", features: [] } },
        "td-point": { type: "geojson", data: { type: "FeatureCollection", features: [] } },
      },
      layers,
    };
  }

  it("returns the next style unchanged on the first load", () => {
    const next = buildMapStyle(catalogue, view("stadtbezirk"), base, fonts);
    expect(keepRuntimeLayers(undefined, next)).toBe(next);
  });

  it("keeps terra-draw's and the app's own layers and sources when the level changes", () => {
    const previous = withRuntimeLayers(buildMapStyle(catalogue, view("stadtbezirk"), base, fonts));
    const next = buildMapStyle(catalogue, view("unterbezirk"), base, fonts);
    const result = keepRuntimeLayers(previous, next);
    const ids = result.layers.map((l) => l.id);
    expect(ids.slice(-4)).toEqual(["overlay-1-fill", "pilot-areas-fill", "td-polygon", "td-point"]);
    // Everything the builder made for the new level is there, in its order, below the run-time layers.
    expect(ids.slice(0, next.layers.length)).toEqual(next.layers.map((l) => l.id));
    for (const id of ["overlay-1", "pilot-areas", "td-polygon", "td-point"])
      expect(result.sources[id]).toBeDefined();
    expect(result.metadata).toEqual(next.metadata);
  });

  it("drops built layers and sources the next style no longer has", () => {
    const previous = withRuntimeLayers(buildMapStyle(catalogue, view("unterbezirk"), base, fonts));
    const next = buildMapStyle(catalogue, view("stadtbezirk"), base, fonts);
    const result = keepRuntimeLayers(previous, next);
    expect(result.layers.map((l) => l.id)).not.toContain("districts-unterbezirk-fill");
    expect(result.sources["districts-unterbezirk"]).toBeUndefined();
  });

  it("keeps a run-time layer just below the built layer it was below", () => {
    const built = buildMapStyle(catalogue, view("stadtbezirk"), base, fonts);
    const fillIndex = built.layers.findIndex((l) => l.id === "districts-stadtbezirk-fill");
    const previous: StyleSpecification = {
      ...built,
      sources: {
        ...built.sources,
        marks: { type: "geojson", data: { type: "FeatureCollection", features: [] } },
      },
      layers: [
        ...built.layers.slice(0, fillIndex + 1),
        { id: "marks", type: "circle", source: "marks" },
        ...built.layers.slice(fillIndex + 1),
      ],
    };
    const next = buildMapStyle(catalogue, { ...view("stadtbezirk"), showLabels: false }, base, fonts);
    const ids = keepRuntimeLayers(previous, next).layers.map((l) => l.id);
    expect(ids[ids.indexOf("districts-stadtbezirk-fill") + 1]).toBe("marks");
  });

  it("leaves a style it did not build alone", () => {
    const foreign: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: "x", type: "background" }],
    };
    const next = buildMapStyle(catalogue, view("stadtbezirk"), base, fonts);
    expect(keepRuntimeLayers(foreign, next)).toBe(next);
  });
});

describe("street names", () => {
  /** WCAG contrast ratio of two #rrggbb colours. */
  function contrast(a: string, b: string): number {
    const luminance = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  it("stay readable on the darkest population cells: dark text on a wide light halo", () => {
    const style = buildMapStyle(
      catalogue,
      {
        level: "stadtbezirk",
        showLabels: true,
        visibleLayers: new Set(["addresses", "population-grid"]),
        basemap: { id: "schematic" },
      },
      base,
      fonts,
    );
    const streets = style.layers.find((l) => l.id === "street-labels");
    if (streets?.type !== "symbol") throw new Error("no street labels in the style");
    const paint = streets.paint as Record<string, unknown>;
    expect(contrast(String(paint["text-color"]), String(paint["text-halo-color"]))).toBeGreaterThanOrEqual(7);
    expect(Number(paint["text-halo-width"])).toBeGreaterThanOrEqual(2);
    // Above the population choropleth, so the halo is drawn over the cells.
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf("population-fill")).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf("street-labels")).toBeGreaterThan(ids.indexOf("population-fill"));
  });
});
