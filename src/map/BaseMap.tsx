/**
 * The one MapLibre setup every map of the app builds on (the workspace, the compare maps, the
 * presentation, a shared link): the library and its worker, the bundled fonts, the style from the pure
 * `buildMapStyle`, the bounds a planner may pan to, and `keepRuntimeLayers` so that a rebuilt style
 * keeps what was added at run time. Views pass their own view settings, camera and children; any
 * react-map-gl prop they pass overrides the defaults here.
 */
import fontRegular from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import fontBold from "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url";
import fontRegularExt from "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url";
import * as maplibre from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { type ReactNode, type Ref, useMemo } from "react";
import { Map as MapLibreMap, type MapProps, type MapRef } from "react-map-gl/maplibre";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { appBaseUrl } from "./app-url.ts";
import {
  buildMapStyle,
  type FontUrls,
  keepRuntimeLayers,
  type MapView as MapViewSettings,
} from "./map-style.ts";

/** How far a planner may pan: the Ruhr around Dortmund (west, south, east, north). */
export const MAP_MAX_BOUNDS: [number, number, number, number] = [6.6, 51.1, 8.2, 51.95];

/** The bundled font files (labels work offline, no glyph server). */
export const FONT_URLS: FontUrls = { regular: fontRegular, regularExt: fontRegularExt, bold: fontBold };

export interface BaseMapProps
  extends Omit<MapProps, "mapLib" | "mapStyle" | "workerUrl" | "transformStyle" | "children"> {
  catalogue: GeneratedCatalogue;
  /** What the map shows (memoise it: a new object rebuilds the style). */
  view: MapViewSettings;
  ref?: Ref<MapRef>;
  children?: ReactNode;
}

export function BaseMap({ catalogue, view, ref, children, ...props }: BaseMapProps) {
  const style = useMemo(() => buildMapStyle(catalogue, view, appBaseUrl(), FONT_URLS), [catalogue, view]);
  return (
    <MapLibreMap
      ref={ref}
      mapLib={maplibre}
      mapStyle={style}
      transformStyle={keepRuntimeLayers}
      workerUrl={workerUrl}
      minZoom={8}
      maxZoom={19}
      maxBounds={MAP_MAX_BOUNDS}
      attributionControl={false}
      boxZoom={false}
      style={{ position: "absolute", inset: 0 }}
      {...props}
    >
      {children}
    </MapLibreMap>
  );
}
