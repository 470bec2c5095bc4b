/**
 * The offline OpenStreetMap city map's layers, read from the tiles of data/pipeline/basemap-osm.ts
 * (layers landuse, water, waterway, roads, rail, paths, names). Muted on purpose: pilot areas,
 * districts and facility points are what a planner looks at; the basemap only says where things are.
 * Major roads are wider and named earlier than minor ones; street names come at zoom 14.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
} from "maplibre-gl";
import type { Palette } from "./city-map-palette.ts";
import { FONT_BOLD, FONT_REGULAR } from "./style-fonts.ts";

/** The city map's tile source (named like a catalogue layer, so a failed tile is reported as one). */
export const CITYMAP_SOURCE = "layer-basemap-osm";

/** Ids of the city map's layers (tests and the legend use them). */
export const cityMapLayerIds = {
  landuse: "citymap-landuse",
  water: "citymap-water",
  waterway: "citymap-waterway",
  paths: "citymap-paths",
  roadCasing: "citymap-road-casing",
  road: "citymap-road",
  rail: "citymap-rail",
  railDash: "citymap-rail-dash",
  transit: "citymap-transit",
  roadRef: "citymap-road-ref",
  roadName: "citymap-road-name",
};

/** The match of a road's kind to a value, with a fallback for the rest. */
const byRoadKind = (
  values: { motorway: number | string; major: number | string; tertiary: number | string },
  other: number | string,
): ExpressionSpecification =>
  [
    "match",
    ["get", "kind"],
    ["motorway", "trunk"],
    values.motorway,
    ["primary", "secondary"],
    values.major,
    "tertiary",
    values.tertiary,
    other,
  ] as ExpressionSpecification;

/** Road widths in pixels by zoom: major roads stronger than minor ones at every zoom. */
function roadWidth(casing: boolean): DataDrivenPropertyValueSpecification<number> {
  const extra = casing ? 1.6 : 0;
  const at = (motorway: number, major: number, tertiary: number, other: number) =>
    byRoadKind(
      { motorway: motorway + extra, major: major + extra, tertiary: tertiary + extra },
      other + extra,
    );
  return [
    "interpolate",
    ["exponential", 1.5],
    ["zoom"],
    8,
    at(1.2, 0.6, 0.3, 0.2),
    11,
    at(2.8, 1.9, 1, 0.4),
    13,
    at(4, 3, 2, 1.2),
    15,
    at(8, 6.5, 5, 3.5),
    18,
    at(20, 16, 13, 10),
  ] as DataDrivenPropertyValueSpecification<number>;
}

const ROAD_RANK: ExpressionSpecification = [
  "match",
  ["get", "kind"],
  ["motorway", "trunk"],
  4,
  ["primary", "secondary"],
  3,
  "tertiary",
  2,
  1,
];

const SOURCE = CITYMAP_SOURCE;
/** Tunnels are drawn faint: they are under the surface a planner sees. */
const TUNNEL: ExpressionSpecification = ["any", ["==", ["get", "brunnel"], "tunnel"], ["has", "tunnel"]];

/** Landuse and landcover, waterways and water areas. */
function areaLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: cityMapLayerIds.landuse,
      type: "fill",
      source: SOURCE,
      "source-layer": "landuse",
      paint: {
        "fill-color": [
          "match",
          ["get", "kind"],
          "residential",
          p.residential,
          "industrial",
          p.industrial,
          "railway",
          p.railway,
          "public",
          p.public,
          "farmland",
          p.farmland,
          "grass",
          p.grass,
          "park",
          p.park,
          "wood",
          p.wood,
          "cemetery",
          p.cemetery,
          "sport",
          p.sport,
          "sand",
          p.sand,
          p.background,
        ],
        "fill-antialias": false,
      },
    },
    {
      id: cityMapLayerIds.waterway,
      type: "line",
      source: SOURCE,
      "source-layer": "waterway",
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": p.waterway,
        "line-width": [
          "interpolate",
          ["linear"],
          ["zoom"],
          8,
          ["match", ["get", "kind"], ["river", "canal"], 1, 0.3],
          13,
          ["match", ["get", "kind"], ["river", "canal"], 3, 1],
          16,
          ["match", ["get", "kind"], ["river", "canal"], 8, 2.5],
        ],
        "line-opacity": ["case", TUNNEL, 0.35, 1],
      },
    },
    {
      id: cityMapLayerIds.water,
      type: "fill",
      source: SOURCE,
      "source-layer": "water",
      paint: { "fill-color": p.water },
    },
  ];
}

/** Paths (zoom 14 on), road casings and roads, major roads over minor ones. */
function roadLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: cityMapLayerIds.paths,
      type: "line",
      source: SOURCE,
      "source-layer": "paths",
      minzoom: 14,
      paint: {
        "line-color": ["match", ["get", "kind"], "cycleway", p.cycleway, p.path],
        "line-width": ["interpolate", ["linear"], ["zoom"], 14, 0.6, 18, 2],
        "line-dasharray": [3, 2],
      },
    },
    {
      id: cityMapLayerIds.roadCasing,
      type: "line",
      source: SOURCE,
      "source-layer": "roads",
      minzoom: 10,
      layout: { "line-cap": "round", "line-join": "round", "line-sort-key": ROAD_RANK },
      paint: {
        "line-color": byRoadKind(
          { motorway: p.motorwayCasing, major: p.majorCasing, tertiary: p.minorCasing },
          p.minorCasing,
        ),
        "line-width": roadWidth(true),
        "line-opacity": ["case", TUNNEL, 0.3, 1],
      },
    },
    {
      id: cityMapLayerIds.road,
      type: "line",
      source: SOURCE,
      "source-layer": "roads",
      layout: { "line-cap": "round", "line-join": "round", "line-sort-key": ROAD_RANK },
      paint: {
        "line-color": byRoadKind({ motorway: p.motorway, major: p.major, tertiary: p.minor }, p.minor),
        "line-width": roadWidth(false),
        "line-opacity": ["case", TUNNEL, 0.5, 1],
      },
    },
  ];
}

/** Stadtbahn and tram, railway lines with white dashes from zoom 13. */
function railLayers(p: Palette): LayerSpecification[] {
  return [
    {
      id: cityMapLayerIds.transit,
      type: "line",
      source: SOURCE,
      "source-layer": "rail",
      filter: ["==", ["get", "kind"], "transit"],
      paint: {
        "line-color": p.transit,
        "line-width": ["interpolate", ["linear"], ["zoom"], 11, 0.6, 16, 2],
        "line-opacity": ["case", TUNNEL, 0.35, 0.9],
      },
    },
    {
      id: cityMapLayerIds.rail,
      type: "line",
      source: SOURCE,
      "source-layer": "rail",
      filter: ["==", ["get", "kind"], "rail"],
      paint: {
        "line-color": p.rail,
        "line-width": [
          "interpolate",
          ["linear"],
          ["zoom"],
          8,
          0.6,
          12,
          ["case", ["has", "service"], 0.6, 1.4],
          16,
          ["case", ["has", "service"], 1.2, 3],
        ],
        "line-opacity": ["case", TUNNEL, 0.35, 1],
      },
    },
    {
      // White dashes on the main lines from zoom 13: the railway look everyone reads at once.
      id: cityMapLayerIds.railDash,
      type: "line",
      source: SOURCE,
      "source-layer": "rail",
      minzoom: 13,
      filter: ["all", ["==", ["get", "kind"], "rail"], ["!", ["has", "service"]], ["!", ["has", "tunnel"]]],
      paint: {
        "line-color": p.railDash,
        "line-width": ["interpolate", ["linear"], ["zoom"], 13, 0.6, 16, 1.6],
        "line-dasharray": [3, 3],
      },
    },
  ];
}

/** The city map's layers under the planning layers, bottom first. */
export function cityMapBaseLayers(p: Palette): LayerSpecification[] {
  return [...areaLayers(p), ...roadLayers(p), ...railLayers(p)];
}

/** Road numbers and street names, placed above the districts. */
export function cityMapLabelLayers(p: Palette): LayerSpecification[] {
  return [
    {
      // Road numbers (A 40, B 1, B 54) from the city zoom on: how planners name the big roads.
      id: cityMapLayerIds.roadRef,
      type: "symbol",
      source: SOURCE,
      "source-layer": "names",
      maxzoom: 14,
      filter: [
        "all",
        ["has", "ref"],
        ["match", ["get", "kind"], ["motorway", "trunk", "primary"], true, false],
      ],
      layout: {
        "symbol-placement": "line",
        "symbol-spacing": 400,
        "text-field": ["get", "ref"],
        "text-font": [FONT_BOLD],
        "text-size": 11,
        "text-rotation-alignment": "viewport",
        "text-padding": 20,
      },
      paint: { "text-color": p.refLabel, "text-halo-color": p.labelHalo, "text-halo-width": 2 },
    },
    {
      id: cityMapLayerIds.roadName,
      type: "symbol",
      source: SOURCE,
      "source-layer": "names",
      filter: ["has", "name"],
      layout: {
        "symbol-placement": "line",
        "symbol-sort-key": ["-", 10, ROAD_RANK],
        "text-field": ["get", "name"],
        "text-font": ["case", ["has", "major"], ["literal", [FONT_BOLD]], ["literal", [FONT_REGULAR]]],
        "text-size": [
          "interpolate",
          ["linear"],
          ["zoom"],
          12,
          ["case", ["has", "major"], 10.5, 9.5],
          16,
          ["case", ["has", "major"], 13, 12],
        ],
        "text-max-angle": 30,
        "text-padding": 4,
      },
      paint: { "text-color": p.label, "text-halo-color": p.labelHalo, "text-halo-width": 1.6 },
    },
  ];
}
