/**
 * The presented areas on the presentation map: fill, hatching, a dark casing under a thick outline in
 * the area's colour (light colours stay visible on the light base) and big labels. On an area slide
 * the focus area stands out and the others fade; an overview draws all alike.
 */
import type { FeatureCollection, Point } from "geojson";
import type { ExpressionSpecification } from "maplibre-gl";
import { Layer, Source } from "react-map-gl/maplibre";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { FONT_BOLD } from "./map-style.ts";

interface PresentationAreaLayersProps {
  areas: FeatureCollection<AreaGeometry>;
  labels: FeatureCollection<Point>;
  /** The area the slide is about; null for a variant overview. */
  focusAreaId: string | null;
}

export function PresentationAreaLayers({ areas, labels, focusAreaId }: PresentationAreaLayersProps) {
  const focus = focusAreaId ?? "";
  const overview = focusAreaId === null;
  const isFocus: ExpressionSpecification = ["==", ["get", "areaId"], focus];
  return (
    <>
      <Source id="present-areas" type="geojson" data={areas}>
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
    </>
  );
}
