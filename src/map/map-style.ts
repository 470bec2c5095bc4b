/**
 * Decides what the map shows: a pure function from (catalogue, view settings) to a MapLibre style.
 * MapView hands the result to react-map-gl, which diffs it against the previous style, so switching a
 * layer only changes that layer's visibility. Unit-tested without a browser.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "maplibre-gl";
import type { CatalogueEntry, GeneratedCatalogue, ReferenceLevel } from "../domain/model/catalogue.ts";
import { REFERENCE_LEVELS } from "../domain/model/catalogue.ts";

export const FONT_REGULAR = "Noto Sans Regular";
export const FONT_BOLD = "Noto Sans Bold";

/** Font files for offline labels (the style's `font-faces`); URLs come from the bundler. */
export interface FontUrls {
  regular: string;
  regularExt: string;
  bold: string;
}

export type BasemapChoice =
  | { id: "schematic" }
  /** A remote vector style, already fetched; its sources and layers go underneath ours. */
  | { id: "basemapde"; style: StyleSpecification }
  | { id: "osm" };

export interface MapView {
  level: ReferenceLevel;
  /** "Build from districts" is on: the district under the pointer shows what a click would add. */
  picking?: boolean;
  showLabels: boolean;
  visibleLayers: ReadonlySet<string>;
  basemap: BasemapChoice;
}

/** Population classes (residents per km²) of the choropleth; colours are viridis (colour-blind safe). */
export const POPULATION_CLASSES: { from: number; colour: string }[] = [
  { from: 0, colour: "#fde725" },
  { from: 500, colour: "#7ad151" },
  { from: 2000, colour: "#22a884" },
  { from: 4000, colour: "#2a788e" },
  { from: 7000, colour: "#414487" },
];
export const POPULATION_NO_DATA_COLOUR = "#d1d5db";

export const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_CREDIT = "© OpenStreetMap-Mitwirkende";
export const BASEMAPDE_STYLE_URL =
  "https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json";
export const BASEMAPDE_CREDIT = "© GeoBasis-DE / BKG (2026) CC BY 4.0";
/** Source ids of online basemaps start with this, so their errors can be told apart from ours. */
export const BASEMAP_SOURCE_PREFIX = "basemap-";
/** Style metadata listing the layers and sources buildMapStyle made (see keepRuntimeLayers). */
const BUILT_METADATA_KEY = "pilotkarte:built";

/** Ids of map layers; tests and the adapter use these names. */
export const layerIds = {
  districtFill: (level: ReferenceLevel) => `districts-${level}-fill`,
  districtLine: (level: ReferenceLevel) => `districts-${level}-line`,
  districtLabel: (level: ReferenceLevel) => `districts-${level}-label`,
  districtSource: (level: ReferenceLevel) => `districts-${level}`,
  facility: (id: string) => `facility-${id}`,
  facilityCluster: (id: string) => `facility-${id}-cluster`,
  facilityClusterCount: (id: string) => `facility-${id}-cluster-count`,
  populationFill: "population-fill",
  boundaryLine: "city-boundary-line",
  addresses: "addresses-dots",
  streets: "street-labels",
  regionFill: "city-region-fill",
};

const LEVEL_LINE_WIDTH: Record<ReferenceLevel, number> = {
  stadtbezirk: 2.4,
  "statistischer-bezirk": 1.4,
  unterbezirk: 0.8,
};

/** Makes a URL from the catalogue absolute (MapLibre fetches from a worker, so relative URLs break). */
export function absoluteUrl(path: string, base: string): string {
  if (/^https?:/.test(path)) return path;
  return base.replace(/\/?$/, "/") + path.replace(/^\//, "");
}

const visibility = (visible: boolean) => (visible ? "visible" : "none") as "visible" | "none";

function facilityLayers(entry: CatalogueEntry, visible: boolean): LayerSpecification[] {
  const colour = entry.colour ?? "#374151";
  const source = `layer-${entry.id}`;
  const layers: LayerSpecification[] = [];
  if (entry.cluster) {
    layers.push(
      {
        id: layerIds.facilityCluster(entry.id),
        type: "circle",
        source,
        filter: ["has", "point_count"],
        layout: { visibility: visibility(visible) },
        paint: {
          "circle-color": colour,
          "circle-opacity": 0.85,
          "circle-radius": ["step", ["get", "point_count"], 12, 10, 15, 50, 19, 200, 24],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      },
      {
        id: layerIds.facilityClusterCount(entry.id),
        type: "symbol",
        source,
        filter: ["has", "point_count"],
        layout: {
          visibility: visibility(visible),
          "text-field": ["get", "point_count_abbreviated"],
          "text-font": [FONT_BOLD],
          "text-size": 12,
          "text-allow-overlap": true,
        },
        paint: { "text-color": "#ffffff" },
      },
    );
  }
  layers.push({
    id: layerIds.facility(entry.id),
    type: "circle",
    source,
    ...(entry.cluster ? { filter: ["!", ["has", "point_count"]] as ExpressionSpecification } : {}),
    layout: { visibility: visibility(visible) },
    paint: {
      "circle-color": colour,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 4, 14, 6.5, 17, 9],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
      "circle-opacity": entry.caveats.length > 0 && entry.id === "ev-chargers" ? 0.75 : 1,
    },
  });
  return layers;
}

/** The population choropleth colour for a density value (used by the legend and the style). */
export function populationColourExpression(): ExpressionSpecification {
  const steps: (string | number)[] = [];
  POPULATION_CLASSES.forEach((c, i) => {
    if (i > 0) steps.push(c.from);
    steps.push(c.colour);
  });
  return [
    "case",
    ["==", ["get", "density"], null],
    POPULATION_NO_DATA_COLOUR,
    ["step", ["get", "density"], ...steps] as unknown as ExpressionSpecification,
  ];
}

/**
 * Builds the complete style. `base` is the absolute URL of the app (for data files); `fonts` are the
 * font files for offline labels.
 */
export function buildMapStyle(
  catalogue: GeneratedCatalogue,
  view: MapView,
  base: string,
  fonts: FontUrls,
): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  const byKind = (kind: CatalogueEntry["kind"]) => catalogue.entries.filter((e) => e.kind === kind);
  const schematic = view.basemap.id === "schematic";
  const isVisible = (id: string) => view.visibleLayers.has(id);

  layers.push({
    id: "background",
    type: "background",
    paint: { "background-color": schematic ? "#f3f1ec" : "#ffffff" },
  });

  let glyphs: string | undefined;
  let sprite: StyleSpecification["sprite"] | undefined;
  if (view.basemap.id === "basemapde") {
    const remote = view.basemap.style;
    for (const [id, source] of Object.entries(remote.sources)) sources[BASEMAP_SOURCE_PREFIX + id] = source;
    for (const layer of remote.layers) {
      if (layer.type === "background") continue;
      const renamed = { ...layer, id: `${BASEMAP_SOURCE_PREFIX}${layer.id}` } as LayerSpecification;
      if ("source" in layer && typeof layer.source === "string") {
        (renamed as { source: string }).source = BASEMAP_SOURCE_PREFIX + layer.source;
      }
      layers.push(renamed);
    }
    glyphs = remote.glyphs;
    sprite = remote.sprite;
  } else if (view.basemap.id === "osm") {
    sources[`${BASEMAP_SOURCE_PREFIX}osm`] = {
      type: "raster",
      tiles: [OSM_TILES],
      tileSize: 256,
      maxzoom: 19,
      attribution: OSM_CREDIT,
    };
    layers.push({ id: `${BASEMAP_SOURCE_PREFIX}osm`, type: "raster", source: `${BASEMAP_SOURCE_PREFIX}osm` });
  }

  // Sources of hidden layers are left out: MapLibre would fetch and parse them at once otherwise.
  for (const entry of byKind("context-areas").filter((e) => isVisible(e.id))) {
    sources[`layer-${entry.id}`] = { type: "geojson", data: absoluteUrl(entry.url, base) };
    layers.push(
      {
        id: layerIds.regionFill,
        type: "fill",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "fill-color": "#e5e7eb", "fill-opacity": 0.5 },
      },
      {
        id: "city-region-line",
        type: "line",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "line-color": entry.colour ?? "#6b7280", "line-width": 1, "line-dasharray": [3, 2] },
      },
      {
        id: "city-region-label",
        type: "symbol",
        source: `layer-${entry.id}`,
        layout: {
          visibility: visibility(isVisible(entry.id)),
          "text-field": ["get", "name"],
          "text-font": [FONT_REGULAR],
          "text-size": 12,
        },
        paint: { "text-color": "#4b5563", "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
      },
    );
  }

  for (const entry of byKind("population").filter((e) => isVisible(e.id))) {
    sources[`layer-${entry.id}`] = {
      type: "geojson",
      data: absoluteUrl(entry.url, base),
      promoteId: "cellId",
    };
    layers.push(
      {
        id: layerIds.populationFill,
        type: "fill",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "fill-color": populationColourExpression(), "fill-opacity": 0.6 },
      },
      {
        id: "population-line",
        type: "line",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "line-color": "#ffffff", "line-width": 0.5, "line-opacity": 0.6 },
      },
    );
  }

  const showAddresses = (e: CatalogueEntry) => schematic && isVisible(e.id);
  for (const entry of byKind("basemap-points").filter(showAddresses)) {
    sources[`layer-${entry.id}`] = {
      type: "vector",
      tiles: [absoluteUrl(entry.url, base)],
      minzoom: 10,
      maxzoom: 14,
      bounds: entry.bbox,
    };
    layers.push({
      id: layerIds.addresses,
      type: "circle",
      source: `layer-${entry.id}`,
      "source-layer": "addresses",
      minzoom: 10,
      layout: { visibility: visibility(schematic && isVisible(entry.id)) },
      paint: {
        "circle-color": "#8c857d",
        "circle-opacity": ["interpolate", ["linear"], ["zoom"], 10, 0.55, 14, 0.7],
        "circle-radius": ["interpolate", ["exponential", 1.6], ["zoom"], 10, 0.9, 13, 1.5, 16, 3.2],
      },
    });
  }

  const activeIndex = REFERENCE_LEVELS.indexOf(view.level);
  // Only the active level and the coarser ones are drawn (their lines keep the hierarchy readable).
  const drawnLevels = byKind("reference-areas").filter(
    (e) => REFERENCE_LEVELS.indexOf(e.level as ReferenceLevel) <= activeIndex,
  );
  for (const entry of drawnLevels) {
    const level = entry.level as ReferenceLevel;
    const source = layerIds.districtSource(level);
    sources[source] = { type: "geojson", data: absoluteUrl(entry.url, base) };
    const index = REFERENCE_LEVELS.indexOf(level);
    const active = level === view.level;
    layers.push({
      id: layerIds.districtFill(level),
      type: "fill",
      source,
      layout: { visibility: visibility(active) },
      paint: {
        "fill-color": [
          "case",
          ["boolean", ["feature-state", "picked"], false],
          "#f59e0b",
          ["boolean", ["feature-state", "hover"], false],
          view.picking ? "#f59e0b" : "#1d4ed8",
          "#1d4ed8",
        ],
        "fill-opacity": [
          "case",
          ["boolean", ["feature-state", "picked"], false],
          0.45,
          ["boolean", ["feature-state", "selected"], false],
          0.28,
          ["boolean", ["feature-state", "hover"], false],
          view.picking ? 0.25 : 0.14,
          0.01,
        ],
      },
    });
    layers.push({
      id: layerIds.districtLine(level),
      type: "line",
      source,
      // The active level and the coarser ones are drawn, so the hierarchy stays readable.
      layout: { visibility: visibility(index <= activeIndex), "line-join": "round" },
      paint: {
        "line-color": active ? "#1e3a8a" : "#374151",
        "line-width": LEVEL_LINE_WIDTH[level] + (active ? 0.4 : 0),
        "line-opacity": active ? 0.9 : 0.7,
      },
    });
  }

  for (const entry of byKind("boundary").filter((e) => isVisible(e.id))) {
    sources[`layer-${entry.id}`] = { type: "geojson", data: absoluteUrl(entry.url, base) };
    layers.push(
      {
        id: "city-boundary-casing",
        type: "line",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "line-color": "#ffffff", "line-width": 6, "line-opacity": 0.8 },
      },
      {
        id: layerIds.boundaryLine,
        type: "line",
        source: `layer-${entry.id}`,
        layout: { visibility: visibility(isVisible(entry.id)) },
        paint: { "line-color": entry.colour ?? "#111827", "line-width": 3 },
      },
    );
  }

  for (const entry of byKind("basemap-points").filter(showAddresses)) {
    layers.push({
      id: layerIds.streets,
      type: "symbol",
      source: `layer-${entry.id}`,
      "source-layer": "streets",
      minzoom: 14,
      layout: {
        visibility: visibility(schematic && isVisible(entry.id)),
        "text-field": ["get", "name"],
        "text-font": [FONT_REGULAR],
        "text-size": 10.5,
        "symbol-sort-key": ["-", 0, ["get", "addresses"]],
      },
      // Dark text on a wide white halo: readable on the light basemap and on the darkest population cells.
      paint: { "text-color": "#292524", "text-halo-color": "#ffffff", "text-halo-width": 2.2 },
    });
  }

  for (const entry of byKind("facility-points").filter((e) => isVisible(e.id))) {
    sources[`layer-${entry.id}`] = {
      type: "geojson",
      data: absoluteUrl(entry.url, base),
      ...(entry.cluster ? { cluster: true, clusterMaxZoom: 13, clusterRadius: 40 } : {}),
    };
    layers.push(...facilityLayers(entry, isVisible(entry.id)));
  }

  for (const entry of byKind("reference-areas").filter((e) => e.level === view.level && view.showLabels)) {
    const level = entry.level as ReferenceLevel;
    if (!entry.labelsUrl) continue;
    sources[`${layerIds.districtSource(level)}-labels`] = {
      type: "geojson",
      data: absoluteUrl(entry.labelsUrl, base),
    };
    layers.push({
      id: layerIds.districtLabel(level),
      type: "symbol",
      source: `${layerIds.districtSource(level)}-labels`,
      layout: {
        visibility: visibility(view.showLabels && level === view.level),
        "text-field": ["get", "name"],
        "text-font": [FONT_BOLD],
        "text-size": level === "stadtbezirk" ? 15 : level === "statistischer-bezirk" ? 13 : 12,
        "text-max-width": 8,
        "text-padding": 2,
      },
      paint: { "text-color": "#111827", "text-halo-color": "#ffffff", "text-halo-width": 1.8 },
    });
  }

  const latinExt = ["U+0100-02BA", "U+02BD-02C5", "U+02C7-02CC", "U+02CE-02D7", "U+02DD-02FF", "U+1E00-1EFF"];
  const style: StyleSpecification = {
    version: 8,
    name: "Pilotkarte",
    // What this builder made, so keepRuntimeLayers can tell it from what was added at run time.
    metadata: { [BUILT_METADATA_KEY]: { layers: layers.map((l) => l.id), sources: Object.keys(sources) } },
    sources,
    layers,
    "font-faces": {
      [FONT_REGULAR]: [{ url: fonts.regular }, { url: fonts.regularExt, "unicode-range": latinExt }],
      [FONT_BOLD]: [{ url: fonts.bold }, { url: fonts.regularExt, "unicode-range": latinExt }],
    },
  };
  if (glyphs) style.glyphs = glyphs;
  if (sprite) style.sprite = sprite;
  return style;
}

function builtIdsOf(style: StyleSpecification): { layers: Set<string>; sources: Set<string> } | null {
  const built = (style.metadata as Record<string, unknown> | undefined)?.[BUILT_METADATA_KEY] as
    | { layers?: unknown; sources?: unknown }
    | undefined;
  if (!built || !Array.isArray(built.layers) || !Array.isArray(built.sources)) return null;
  return { layers: new Set(built.layers as string[]), sources: new Set(built.sources as string[]) };
}

/**
 * MapLibre's `transformStyle`: carries the layers and sources added at run time (terra-draw's drawing
 * layers, the pilot areas, overlaps and imported layers) over into the next built style, each at its
 * place among the built layers. Without it, switching the level, a layer, the basemap or anything else
 * that rebuilds the style makes MapLibre's style diff remove them: terra-draw then draws into sources
 * that no longer exist (and throws on every pointer move).
 */
export function keepRuntimeLayers(
  previous: StyleSpecification | undefined,
  next: StyleSpecification,
): StyleSpecification {
  if (!previous) return next;
  const built = builtIdsOf(previous);
  if (!built) return next;
  const sources = { ...next.sources };
  for (const [id, source] of Object.entries(previous.sources)) {
    if (!built.sources.has(id) && !(id in sources)) sources[id] = source;
  }
  const nextIds = new Set(next.layers.map((l) => l.id));
  // Each run-time layer goes below the nearest built layer above it that the next style still has (as
  // MapLibre's addLayer with a beforeId), or on top when there is none.
  const below = new Map<string | null, LayerSpecification[]>();
  let anchor: string | null = null;
  for (let i = previous.layers.length - 1; i >= 0; i--) {
    const layer = previous.layers[i] as LayerSpecification;
    if (built.layers.has(layer.id)) {
      if (nextIds.has(layer.id)) anchor = layer.id;
      continue;
    }
    if (nextIds.has(layer.id)) continue;
    const source = "source" in layer ? layer.source : undefined;
    if (typeof source === "string" && !(source in sources)) continue;
    const list = below.get(anchor) ?? [];
    list.unshift(layer);
    below.set(anchor, list);
  }
  if (below.size === 0) return next;
  const layers: LayerSpecification[] = [];
  for (const layer of next.layers) layers.push(...(below.get(layer.id) ?? []), layer);
  layers.push(...(below.get(null) ?? []));
  return { ...next, sources, layers };
}

/** Credits for everything visible: each visible layer's credit once, plus the basemap's. */
export function visibleCredits(catalogue: GeneratedCatalogue, view: MapView): string[] {
  const credits: string[] = [];
  const add = (credit: string) => {
    if (!credits.includes(credit)) credits.push(credit);
  };
  if (view.basemap.id === "basemapde") add(BASEMAPDE_CREDIT);
  if (view.basemap.id === "osm") add(OSM_CREDIT);
  for (const entry of catalogue.entries) {
    const shown =
      entry.kind === "reference-areas"
        ? true
        : entry.kind === "basemap-points"
          ? view.basemap.id === "schematic" && view.visibleLayers.has(entry.id)
          : view.visibleLayers.has(entry.id);
    if (shown) add(entry.credit);
  }
  return credits;
}

/** Ids of layers that respond to clicks, top first. */
export function interactiveLayerIds(catalogue: GeneratedCatalogue, view: MapView): string[] {
  const ids: string[] = [];
  for (const entry of catalogue.entries) {
    if (entry.kind === "facility-points" && view.visibleLayers.has(entry.id)) {
      ids.push(layerIds.facility(entry.id));
      if (entry.cluster) ids.push(layerIds.facilityCluster(entry.id));
    }
  }
  if (catalogue.entries.some((e) => e.id === "city-region") && view.visibleLayers.has("city-region")) {
    ids.push(layerIds.regionFill);
  }
  ids.push(layerIds.districtFill(view.level));
  return ids;
}
