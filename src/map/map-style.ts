/**
 * Decides what the map shows: a pure function from (catalogue, view settings) to a MapLibre style.
 * MapView hands the result to react-map-gl, which diffs it against the previous style, so switching a
 * layer only changes that layer's visibility. Unit-tested without a browser.
 *
 * The parts come from basemap-style.ts (the basemaps) and data-layers-style.ts (the planning layers);
 * this module stacks them, from the bottom: background, basemap, city region, population, address dots,
 * reference areas, city boundary, basemap labels (street names), facility points, district labels. The
 * pilot areas, overlaps and drawing layers are added at run time on top (keepRuntimeLayers keeps them).
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { CatalogueEntry, GeneratedCatalogue, ReferenceLevel } from "../domain/model/catalogue.ts";
import { REFERENCE_LEVELS } from "../domain/model/catalogue.ts";
import {
  BASEMAPDE_CREDIT,
  type BasemapChoice,
  basemapBackground,
  basemapIsDark,
  basemapParts,
  OSM_CREDIT,
} from "./basemap-style.ts";
import {
  addressDotLayers,
  addressStreetLayer,
  boundaryLayers,
  contextAreaLayers,
  districtLabelLayers,
  facilityLayers,
  layerIds,
  populationLayers,
  referenceAreaLayers,
  type StyleParts,
} from "./data-layers-style.ts";
import { type FontUrls, fontFaces } from "./style-fonts.ts";

export {
  BASEMAP_SOURCE_PREFIX,
  BASEMAPDE_CREDIT,
  BASEMAPDE_STYLE_URL,
  type BasemapChoice,
  DEFAULT_BASEMAP,
  isOfflineBasemap,
  OSM_COPYRIGHT_URL,
  OSM_CREDIT,
  OSM_TILES,
} from "./basemap-style.ts";
export {
  layerIds,
  POPULATION_CLASSES,
  POPULATION_NO_DATA_COLOUR,
  populationColourExpression,
} from "./data-layers-style.ts";
export { FONT_BOLD, FONT_REGULAR, type FontUrls } from "./style-fonts.ts";

export interface MapView {
  level: ReferenceLevel;
  /** "Build from districts" is on: the district under the pointer shows what a click would add. */
  picking?: boolean;
  showLabels: boolean;
  visibleLayers: ReadonlySet<string>;
  basemap: BasemapChoice;
}

/** Style metadata listing the layers and sources buildMapStyle made (see keepRuntimeLayers). */
const BUILT_METADATA_KEY = "pilotkarte:built";

/** Makes a URL from the catalogue absolute (MapLibre fetches from a worker, so relative URLs break). */
export function absoluteUrl(path: string, base: string): string {
  if (/^https?:/.test(path)) return path;
  return base.replace(/\/?$/, "/") + path.replace(/^\//, "");
}

/** The newest of the visible census grids (at most one; they share the choropleth's layer ids). */
export function newestCensus(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  const sorted = [...entries].sort((a, b) => (b.censusYear ?? 0) - (a.censusYear ?? 0));
  return sorted.slice(0, 1);
}

/**
 * Builds the complete style. `base` is the absolute URL of the app (for data files); `fonts` are the
 * font files for offline labels. Sources of hidden layers are left out: MapLibre would fetch and parse
 * them at once otherwise.
 */
export function buildMapStyle(
  catalogue: GeneratedCatalogue,
  view: MapView,
  base: string,
  fonts: FontUrls,
): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  const add = (parts: StyleParts) => {
    Object.assign(sources, parts.sources);
    layers.push(...parts.layers);
  };
  const url = (path: string) => absoluteUrl(path, base);
  const shown = (kind: CatalogueEntry["kind"]) =>
    catalogue.entries.filter((e) => e.kind === kind && view.visibleLayers.has(e.id));
  const dark = basemapIsDark(view.basemap);
  const schematic = view.basemap.id === "schematic";
  const addresses = schematic ? shown("basemap-points") : [];

  layers.push({
    id: "background",
    type: "background",
    paint: { "background-color": basemapBackground(view.basemap) },
  });
  const cityMap = catalogue.entries.find((e) => e.kind === "basemap-vector");
  const basemap = basemapParts(view.basemap, cityMap, (entry) => url(entry.url));
  add({ sources: basemap.sources, layers: basemap.below });

  for (const entry of shown("context-areas")) add(contextAreaLayers(entry, url(entry.url), dark));
  // One census grid at a time: both draw into the same layer ids ("population-fill"), so a saved view
  // with both grids visible shows the newest only instead of making duplicate ids.
  for (const entry of newestCensus(shown("population"))) add(populationLayers(entry, url(entry.url)));
  for (const entry of addresses) add(addressDotLayers(entry, url(entry.url)));

  // Only the active level and the coarser ones are drawn (their lines keep the hierarchy readable).
  const activeIndex = REFERENCE_LEVELS.indexOf(view.level);
  for (const entry of catalogue.entries.filter((e) => e.kind === "reference-areas")) {
    const level = entry.level as ReferenceLevel;
    if (REFERENCE_LEVELS.indexOf(level) > activeIndex) continue;
    sources[layerIds.districtSource(level)] = { type: "geojson", data: url(entry.url) };
    layers.push(...referenceAreaLayers(level, view.level, view.picking ?? false, dark));
  }

  for (const entry of shown("boundary")) add(boundaryLayers(entry, url(entry.url), dark));
  layers.push(...basemap.labels);
  for (const entry of addresses) layers.push(addressStreetLayer(entry));
  for (const entry of shown("facility-points")) add(facilityLayers(entry, url(entry.url)));

  const labelled = catalogue.entries.find(
    (e) => e.kind === "reference-areas" && e.level === view.level && e.labelsUrl,
  );
  if (labelled?.labelsUrl && view.showLabels)
    add(districtLabelLayers(url(labelled.labelsUrl), view.level, dark));

  const style: StyleSpecification = {
    version: 8,
    name: "Pilotkarte",
    // What this builder made, so keepRuntimeLayers can tell it from what was added at run time.
    metadata: { [BUILT_METADATA_KEY]: { layers: layers.map((l) => l.id), sources: Object.keys(sources) } },
    sources,
    layers,
    "font-faces": fontFaces(fonts),
  };
  if (basemap.glyphs) style.glyphs = basemap.glyphs;
  if (basemap.sprite) style.sprite = basemap.sprite;
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
  const cityMap = view.basemap.id === "citymap" || view.basemap.id === "citymap-dark";
  for (const entry of catalogue.entries) {
    const shown =
      entry.kind === "reference-areas"
        ? true
        : entry.kind === "basemap-vector"
          ? cityMap
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
