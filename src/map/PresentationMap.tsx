/**
 * The read-only map of presentation mode: no editing chrome, no clicks, just the city, its
 * Stadtbezirke and the presented areas in a colour-blind-safe palette (Okabe–Ito) with a hatching
 * pattern per area as a second cue, thick outlines with a dark casing (the light colours stay visible
 * on the light base) and big labels. An area slide frames its area and fades the others; an overview
 * frames the whole variant.
 */

import type { FeatureCollection, Point } from "geojson";
import type { ExpressionSpecification, Map as MapLibreInstance } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Layer, type MapRef, Source } from "react-map-gl/maplibre";
import { cityBoundsOf, type GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { areaLabelPoint } from "../domain/workshop/presentation.ts";
import { BaseMap } from "./BaseMap.tsx";
import { boundsOf } from "./map-commands.ts";
import { DEFAULT_BASEMAP, FONT_BOLD, type MapView as MapViewSettings } from "./map-style.ts";

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

interface PresentationMapProps {
  catalogue: GeneratedCatalogue;
  areas: readonly PresentationMapArea[];
  /** The area the slide is about (others fade); null for a variant overview. */
  focusAreaId: string | null;
  /** Accessible name of the map image. */
  label: string;
  /** Called each time the map has finished drawing (for "ready" markers and screenshots). */
  onIdle?: () => void;
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

const PATTERN_SIZE = 24;

/** A hatching tile in the area's colour on transparent, as MapLibre image data. */
function patternImage(pattern: PresentationPattern, colour: string): ImageData | null {
  const canvas = document.createElement("canvas");
  canvas.width = PATTERN_SIZE;
  canvas.height = PATTERN_SIZE;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const s = PATTERN_SIZE;
  context.strokeStyle = colour;
  context.fillStyle = colour;
  context.lineWidth = 3;
  context.lineCap = "square";
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    context.beginPath();
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
    context.stroke();
  };
  switch (pattern) {
    case "diagonal":
      line(0, s, s, 0);
      line(-s / 2, s / 2, s / 2, -s / 2);
      line(s / 2, s * 1.5, s * 1.5, s / 2);
      break;
    case "back-diagonal":
      line(0, 0, s, s);
      line(-s / 2, s / 2, s / 2, s * 1.5);
      line(s / 2, -s / 2, s * 1.5, s / 2);
      break;
    case "horizontal":
      line(0, s / 2, s, s / 2);
      break;
    case "vertical":
      line(s / 2, 0, s / 2, s);
      break;
    case "cross":
      line(0, s / 2, s, s / 2);
      line(s / 2, 0, s / 2, s);
      break;
    case "dots":
      context.beginPath();
      context.arc(s / 4, s / 4, 3.5, 0, Math.PI * 2);
      context.arc((s * 3) / 4, (s * 3) / 4, 3.5, 0, Math.PI * 2);
      context.fill();
      break;
  }
  return context.getImageData(0, 0, s, s);
}

const patternId = (index: number) =>
  `present-pattern-${index % (PRESENTATION_PALETTE.length * PATTERNS.length)}`;

function addPatterns(map: MapLibreInstance, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const id = patternId(i);
    if (map.hasImage(id)) continue;
    const { colour, pattern } = presentationAreaStyle(i);
    const image = patternImage(pattern, colour);
    if (image) map.addImage(id, image, { pixelRatio: 2 });
  }
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

const reducedMotion = () =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

export function PresentationMap({ catalogue, areas, focusAreaId, label, onIdle }: PresentationMapProps) {
  const mapRef = useRef<MapRef>(null);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const view = useMemo(() => presentationMapView(catalogue), [catalogue]);
  const cityBounds = useMemo(() => cityBoundsOf(catalogue), [catalogue]);
  const data = useMemo(
    (): FeatureCollection<AreaGeometry> => ({
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
    }),
    [areas],
  );
  const labels = useMemo(
    (): FeatureCollection<Point> => ({
      type: "FeatureCollection",
      features: areas.map((area, index) => ({
        type: "Feature",
        id: index + 1,
        geometry: { type: "Point", coordinates: areaLabelPoint(area.geometry) },
        properties: { areaId: area.id, name: `${index + 1} · ${area.name}` },
      })),
    }),
    [areas],
  );
  const target = useMemo(() => {
    const focused = areas.find((a) => a.id === focusAreaId);
    return (focused ? boundsOf(focused.geometry) : unionBounds(areas)) ?? cityBounds;
  }, [areas, focusAreaId, cityBounds]);

  const frame = useCallback(
    (animate: boolean) => {
      const map = mapRef.current?.getMap();
      if (!map) return;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const padding = Math.max(24, Math.round(Math.min(w, h) * 0.12));
      map.fitBounds(target, { padding, maxZoom: 15.5, duration: animate && !reducedMotion() ? 600 : 0 });
    },
    [target],
  );

  useEffect(() => {
    frame(true);
  }, [frame]);

  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (map?.isStyleLoaded()) addPatterns(map, areas.length);
  }, [areas.length]);

  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    addPatterns(map, areas.length);
    // Images go with the style: a style change (never in this map, but cheap to guard) drops them.
    map.on("styleimagemissing", (event: { id: string }) => {
      const match = /^present-pattern-(\d+)$/.exec(event.id);
      if (match) addPatterns(map, Number(match[1]) + 1);
    });
    map.on("idle", () => onIdleRef.current?.());
    frame(false);
  }, [areas.length, frame]);

  const focus = focusAreaId ?? "";
  const overview = focusAreaId === null;
  const isFocus: ExpressionSpecification = ["==", ["get", "areaId"], focus];
  return (
    <div className="present-map" role="img" aria-label={label}>
      <BaseMap
        ref={mapRef}
        catalogue={catalogue}
        view={view}
        initialViewState={{ bounds: target, fitBoundsOptions: { padding: 40 } }}
        interactive={false}
        onLoad={onLoad}
      >
        <Source id="present-areas" type="geojson" data={data}>
          <Layer
            id="present-areas-fill"
            type="fill"
            paint={{
              "fill-color": ["get", "colour"],
              "fill-opacity": overview ? 0.22 : ["case", isFocus, 0.28, 0.06],
            }}
          />
          <Layer
            id="present-areas-pattern"
            type="fill"
            paint={{
              "fill-pattern": ["get", "pattern"],
              "fill-opacity": overview ? 0.85 : ["case", isFocus, 0.9, 0.15],
            }}
          />
          <Layer
            id="present-areas-casing"
            type="line"
            layout={{ "line-join": "round" }}
            paint={{
              "line-color": "#111827",
              "line-width": overview ? 7 : ["case", isFocus, 9, 3],
              "line-opacity": overview ? 0.9 : ["case", isFocus, 0.95, 0.35],
            }}
          />
          <Layer
            id="present-areas-line"
            type="line"
            layout={{ "line-join": "round" }}
            paint={{
              "line-color": ["get", "colour"],
              "line-width": overview ? 4 : ["case", isFocus, 5, 2],
              "line-opacity": overview ? 1 : ["case", isFocus, 1, 0.45],
            }}
          />
        </Source>
        <Source id="present-area-labels" type="geojson" data={labels}>
          <Layer
            id="present-areas-label"
            type="symbol"
            layout={{
              "text-field": ["get", "name"],
              "text-font": [FONT_BOLD],
              "text-size": overview ? 22 : ["case", isFocus, 26, 16],
              "text-max-width": 12,
              "text-allow-overlap": false,
              "symbol-sort-key": ["case", isFocus, 0, 1],
            }}
            paint={{
              "text-color": overview ? "#111827" : ["case", isFocus, "#111827", "#4b5563"],
              "text-halo-color": "#ffffff",
              "text-halo-width": 3,
            }}
          />
        </Source>
      </BaseMap>
    </div>
  );
}
