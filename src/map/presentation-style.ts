/**
 * How presentation mode draws its areas, as pure data: a colour-blind-safe palette (Okabe–Ito) with a
 * hatching pattern per area as a second cue, the same in map, legend and thumbnails; the layers the
 * presentation map switches on; and the features of the presented areas and their labels.
 */
import type { FeatureCollection, Point } from "geojson";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { areaLabelPoint } from "../domain/workshop/presentation.ts";
import { boundsOf } from "./map-commands.ts";
import { DEFAULT_BASEMAP, type MapView as MapViewSettings } from "./map-style.ts";

/** Okabe–Ito, in an order where neighbours in a list differ strongly in hue and lightness. */
export const PRESENTATION_PALETTE: readonly string[] = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#56b4e9",
  "#f0e442",
  "#000000",
];

/** Hatching per area, the second cue beside the colour (for print-outs and colour-blind viewers). */
export type PresentationPattern = "diagonal" | "dots" | "horizontal" | "cross" | "vertical" | "back-diagonal";
const PATTERNS: readonly PresentationPattern[] = [
  "diagonal",
  "dots",
  "horizontal",
  "cross",
  "vertical",
  "back-diagonal",
];

/** Colour and pattern of the n-th area of a variant (0-based); the same in map and legend. */
export function presentationAreaStyle(index: number): { colour: string; pattern: PresentationPattern } {
  return {
    colour: PRESENTATION_PALETTE[index % PRESENTATION_PALETTE.length] ?? "#0072b2",
    pattern: PATTERNS[index % PATTERNS.length] ?? "diagonal",
  };
}

export interface PresentationMapArea {
  id: string;
  name: string;
  geometry: AreaGeometry;
}

/** Layers switched on in presentation mode: the city boundary on the offline city map, nothing else. */
export function presentationMapView(catalogue: GeneratedCatalogue): MapViewSettings {
  const visible = catalogue.entries
    .filter((e) => e.kind === "boundary" || e.kind === "basemap-points")
    .map((e) => e.id);
  return {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: new Set(visible),
    basemap: DEFAULT_BASEMAP,
  };
}

/** The id of the n-th area's hatching image in the map's style. */
export const patternId = (index: number) =>
  `present-pattern-${index % (PRESENTATION_PALETTE.length * PATTERNS.length)}`;

/** The presented areas as features, numbered from 1, with their colour and hatching. */
export function presentationAreaFeatures(
  areas: readonly PresentationMapArea[],
): FeatureCollection<AreaGeometry> {
  return {
    type: "FeatureCollection",
    features: areas.map((area, index) => ({
      type: "Feature",
      id: index + 1,
      geometry: area.geometry,
      properties: {
        areaId: area.id,
        name: `${index + 1} · ${area.name}`,
        colour: presentationAreaStyle(index).colour,
        pattern: patternId(index),
      },
    })),
  };
}

/** A label point inside each presented area, with its number and name. */
export function presentationLabelFeatures(areas: readonly PresentationMapArea[]): FeatureCollection<Point> {
  return {
    type: "FeatureCollection",
    features: areas.map((area, index) => ({
      type: "Feature",
      id: index + 1,
      geometry: { type: "Point", coordinates: areaLabelPoint(area.geometry) },
      properties: { areaId: area.id, name: `${index + 1} · ${area.name}` },
    })),
  };
}

/** What a slide frames: its focus area, else all areas, else (null) nothing of its own. */
export function presentationTarget(
  areas: readonly PresentationMapArea[],
  focusAreaId: string | null,
): [number, number, number, number] | null {
  const focused = areas.find((a) => a.id === focusAreaId);
  return focused ? boundsOf(focused.geometry) : unionBounds(areas);
}

function unionBounds(areas: readonly PresentationMapArea[]): [number, number, number, number] | null {
  if (areas.length === 0) return null;
  const boxes = areas.map((a) => boundsOf(a.geometry));
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
