/**
 * The planning layers of the style, one builder per kind of catalogue layer: the city region, the
 * population grid, the schematic basemap's address dots and street names, the reference areas, the city
 * boundary, facility points and district labels. Pure; map-style.ts stacks them over the basemap.
 * On a dark basemap the lines and labels that would vanish on it are drawn light.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from "maplibre-gl";
import type { CatalogueEntry, ReferenceLevel } from "../domain/model/catalogue.ts";
import { REFERENCE_LEVELS } from "../domain/model/catalogue.ts";
import { FONT_BOLD, FONT_REGULAR } from "./style-fonts.ts";

/** Population classes (residents per km²) of the choropleth; colours are viridis (colour-blind safe). */
export const POPULATION_CLASSES: { from: number; colour: string }[] = [
  { from: 0, colour: "#fde725" },
  { from: 500, colour: "#7ad151" },
  { from: 2000, colour: "#22a884" },
  { from: 4000, colour: "#2a788e" },
  { from: 7000, colour: "#414487" },
];
export const POPULATION_NO_DATA_COLOUR = "#d1d5db";

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

/** Sources and layers a builder adds. */
export interface StyleParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

export const visibility = (visible: boolean) => (visible ? "visible" : "none") as "visible" | "none";

/** Text colours of labels on the light and the dark basemaps. */
const labelPaint = (dark: boolean) =>
  dark
    ? { "text-color": "#f3f4f6", "text-halo-color": "#111827" }
    : { "text-color": "#111827", "text-halo-color": "#ffffff" };

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

export function contextAreaLayers(entry: CatalogueEntry, url: string, dark: boolean): StyleParts {
  const source = `layer-${entry.id}`;
  return {
    sources: { [source]: { type: "geojson", data: url } },
    layers: [
      {
        id: layerIds.regionFill,
        type: "fill",
        source,
        paint: { "fill-color": dark ? "#374151" : "#e5e7eb", "fill-opacity": 0.5 },
      },
      {
        id: "city-region-line",
        type: "line",
        source,
        paint: { "line-color": entry.colour ?? "#6b7280", "line-width": 1, "line-dasharray": [3, 2] },
      },
      {
        id: "city-region-label",
        type: "symbol",
        source,
        layout: { "text-field": ["get", "name"], "text-font": [FONT_REGULAR], "text-size": 12 },
        paint: { ...labelPaint(dark), "text-halo-width": 1.5 },
      },
    ],
  };
}

export function populationLayers(entry: CatalogueEntry, url: string): StyleParts {
  const source = `layer-${entry.id}`;
  return {
    sources: { [source]: { type: "geojson", data: url, promoteId: "cellId" } },
    layers: [
      {
        id: layerIds.populationFill,
        type: "fill",
        source,
        paint: { "fill-color": populationColourExpression(), "fill-opacity": 0.6 },
      },
      {
        id: "population-line",
        type: "line",
        source,
        paint: { "line-color": "#ffffff", "line-width": 0.5, "line-opacity": 0.6 },
      },
    ],
  };
}

/** The schematic basemap: its tile source and the address dots (its street names: see below). */
export function addressDotLayers(entry: CatalogueEntry, url: string): StyleParts {
  const source = `layer-${entry.id}`;
  return {
    sources: { [source]: { type: "vector", tiles: [url], minzoom: 10, maxzoom: 14, bounds: entry.bbox } },
    layers: [
      {
        id: layerIds.addresses,
        type: "circle",
        source,
        "source-layer": "addresses",
        minzoom: 10,
        paint: {
          "circle-color": "#8c857d",
          "circle-opacity": ["interpolate", ["linear"], ["zoom"], 10, 0.55, 14, 0.7],
          "circle-radius": ["interpolate", ["exponential", 1.6], ["zoom"], 10, 0.9, 13, 1.5, 16, 3.2],
        },
      },
    ],
  };
}

/** The schematic basemap's street names (from zoom 14, over the districts). */
export function addressStreetLayer(entry: CatalogueEntry): LayerSpecification {
  return {
    id: layerIds.streets,
    type: "symbol",
    source: `layer-${entry.id}`,
    "source-layer": "streets",
    minzoom: 14,
    layout: {
      "text-field": ["get", "name"],
      "text-font": [FONT_REGULAR],
      "text-size": 10.5,
      "symbol-sort-key": ["-", 0, ["get", "addresses"]],
    },
    // Dark text on a wide white halo: readable on the light basemap and on the darkest population cells.
    paint: { "text-color": "#292524", "text-halo-color": "#ffffff", "text-halo-width": 2.2 },
  };
}

/**
 * One reference level: a fill (hover, selection and picking as feature-state) and its outline. The
 * fill is only visible on the active level; coarser levels keep their lines so the hierarchy reads.
 */
export function referenceAreaLayers(
  level: ReferenceLevel,
  activeLevel: ReferenceLevel,
  picking: boolean,
  dark: boolean,
): LayerSpecification[] {
  const source = layerIds.districtSource(level);
  const active = level === activeLevel;
  const accent = dark ? "#93c5fd" : "#1d4ed8";
  return [
    {
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
          picking ? "#f59e0b" : accent,
          accent,
        ],
        "fill-opacity": [
          "case",
          ["boolean", ["feature-state", "picked"], false],
          0.45,
          ["boolean", ["feature-state", "selected"], false],
          0.28,
          ["boolean", ["feature-state", "hover"], false],
          picking ? 0.25 : 0.14,
          0.01,
        ],
      },
    },
    {
      id: layerIds.districtLine(level),
      type: "line",
      source,
      layout: {
        visibility: visibility(REFERENCE_LEVELS.indexOf(level) <= REFERENCE_LEVELS.indexOf(activeLevel)),
        "line-join": "round",
      },
      paint: {
        "line-color": dark ? (active ? "#bfdbfe" : "#cbd5e1") : active ? "#1e3a8a" : "#374151",
        "line-width": LEVEL_LINE_WIDTH[level] + (active ? 0.4 : 0),
        "line-opacity": active ? 0.9 : 0.7,
      },
    },
  ];
}

export function boundaryLayers(entry: CatalogueEntry, url: string, dark: boolean): StyleParts {
  const source = `layer-${entry.id}`;
  return {
    sources: { [source]: { type: "geojson", data: url } },
    layers: [
      {
        id: "city-boundary-casing",
        type: "line",
        source,
        paint: { "line-color": dark ? "#111827" : "#ffffff", "line-width": 6, "line-opacity": 0.8 },
      },
      {
        id: layerIds.boundaryLine,
        type: "line",
        source,
        paint: { "line-color": dark ? "#e5e7eb" : (entry.colour ?? "#111827"), "line-width": 3 },
      },
    ],
  };
}

export function facilityLayers(entry: CatalogueEntry, url: string): StyleParts {
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
    paint: {
      "circle-color": colour,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 4, 14, 6.5, 17, 9],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
      "circle-opacity": 1,
    },
  });
  return {
    sources: {
      [source]: {
        type: "geojson",
        data: url,
        ...(entry.cluster ? { cluster: true, clusterMaxZoom: 13, clusterRadius: 40 } : {}),
      },
    },
    layers,
  };
}

export function districtLabelLayers(labelsUrl: string, level: ReferenceLevel, dark: boolean): StyleParts {
  const source = `${layerIds.districtSource(level)}-labels`;
  return {
    sources: { [source]: { type: "geojson", data: labelsUrl } },
    layers: [
      {
        id: layerIds.districtLabel(level),
        type: "symbol",
        source,
        layout: {
          "text-field": ["get", "name"],
          "text-font": [FONT_BOLD],
          "text-size": level === "stadtbezirk" ? 15 : level === "statistischer-bezirk" ? 13 : 12,
          "text-max-width": 8,
          "text-padding": 2,
        },
        paint: { ...labelPaint(dark), "text-halo-width": 1.8 },
      },
    ],
  };
}
