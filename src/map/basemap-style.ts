/**
 * The basemaps under the planning layers: the offline OpenStreetMap city map (light, or dark for
 * projectors in bright rooms), the schematic one from address points, and the two online ones
 * (basemap.de's vector style, OpenStreetMap's raster tiles). Pure: map-style.ts puts the parts in place.
 * The city map's layers are in city-map-style.ts, its colours in city-map-palette.ts.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { CatalogueEntry } from "../domain/model/catalogue.ts";
import { DARK, LIGHT } from "./city-map-palette.ts";
import { CITYMAP_SOURCE, cityMapBaseLayers, cityMapLabelLayers } from "./city-map-style.ts";

export { cityMapLayerIds } from "./city-map-style.ts";

export type BasemapChoice =
  /** The offline OpenStreetMap city map (the default). */
  | { id: "citymap" }
  /** The same, dark, for projectors in bright rooms. */
  | { id: "citymap-dark" }
  /** Address dots and street names only (offline, no street geometry). */
  | { id: "schematic" }
  /** A remote vector style, already fetched; its sources and layers go underneath ours. */
  | { id: "basemapde"; style: StyleSpecification }
  | { id: "osm" };

/** The basemap the app opens on and falls back to. */
export const DEFAULT_BASEMAP = { id: "citymap" } as const satisfies BasemapChoice;

/** Whether a basemap needs no network (the others are probed first and may fall back). */
export const isOfflineBasemap = (id: BasemapChoice["id"]): boolean =>
  id === "citymap" || id === "citymap-dark" || id === "schematic";

export const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_CREDIT = "© OpenStreetMap-Mitwirkende";
/** Where OpenStreetMap explains its licence (ODbL) and how to credit it. */
export const OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright";
export const BASEMAPDE_STYLE_URL =
  "https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json";
export const BASEMAPDE_CREDIT = "© GeoBasis-DE / BKG (2026) CC BY 4.0";
/** Source ids of online basemaps start with this, so their errors can be told apart from ours. */
export const BASEMAP_SOURCE_PREFIX = "basemap-";

const isDark = (choice: BasemapChoice) => choice.id === "citymap-dark";

/** Whether the basemap is dark (the planning layers then draw their lines and labels light). */
export const basemapIsDark = (choice: BasemapChoice): boolean => isDark(choice);

/** The background colour under everything. */
export function basemapBackground(choice: BasemapChoice): string {
  if (choice.id === "citymap") return LIGHT.background;
  if (choice.id === "citymap-dark") return DARK.background;
  return choice.id === "schematic" ? "#f3f1ec" : "#ffffff";
}

/** The basemap's parts: sources, the layers under the planning layers, the labels above the districts. */
export interface BasemapParts {
  sources: Record<string, SourceSpecification>;
  below: LayerSpecification[];
  labels: LayerSpecification[];
  glyphs?: string;
  sprite?: StyleSpecification["sprite"];
}

/**
 * What a basemap adds to the style. `cityMap` is the catalogue's basemap-vector entry (absent in an
 * old build folder: then the city map is just its background). The schematic basemap's address layers
 * stay in map-style.ts, among the planning layers.
 */
export function basemapParts(
  choice: BasemapChoice,
  cityMap: CatalogueEntry | undefined,
  tilesUrl: (entry: CatalogueEntry) => string,
): BasemapParts {
  const parts: BasemapParts = { sources: {}, below: [], labels: [] };
  if (choice.id === "citymap" || choice.id === "citymap-dark") {
    if (!cityMap) return parts;
    const palette = isDark(choice) ? DARK : LIGHT;
    parts.sources[CITYMAP_SOURCE] = {
      type: "vector",
      tiles: [tilesUrl(cityMap)],
      minzoom: 8,
      maxzoom: 14,
      bounds: cityMap.bbox,
      attribution: cityMap.credit,
    };
    parts.below = cityMapBaseLayers(palette);
    parts.labels = cityMapLabelLayers(palette);
  } else if (choice.id === "basemapde") {
    const remote = choice.style;
    for (const [id, source] of Object.entries(remote.sources))
      parts.sources[BASEMAP_SOURCE_PREFIX + id] = source;
    for (const layer of remote.layers) {
      if (layer.type === "background") continue;
      const renamed = { ...layer, id: `${BASEMAP_SOURCE_PREFIX}${layer.id}` } as LayerSpecification;
      if ("source" in layer && typeof layer.source === "string") {
        (renamed as { source: string }).source = BASEMAP_SOURCE_PREFIX + layer.source;
      }
      parts.below.push(renamed);
    }
    if (remote.glyphs) parts.glyphs = remote.glyphs;
    if (remote.sprite) parts.sprite = remote.sprite;
  } else if (choice.id === "osm") {
    parts.sources[`${BASEMAP_SOURCE_PREFIX}osm`] = {
      type: "raster",
      tiles: [OSM_TILES],
      tileSize: 256,
      maxzoom: 19,
      attribution: OSM_CREDIT,
    };
    parts.below.push({
      id: `${BASEMAP_SOURCE_PREFIX}osm`,
      type: "raster",
      source: `${BASEMAP_SOURCE_PREFIX}osm`,
    });
  }
  return parts;
}
