/** Draws the active variant's pilot areas (fill, outline, name) from the document store. */
import { useMemo } from "react";
import { Layer, Source } from "react-map-gl/maplibre";
import type { Variant } from "../domain/model/plan.ts";
import { FONT_BOLD } from "./map-style.ts";
import { PILOT_AREA_LAYERS, pilotAreaFeatures } from "./pilot-areas.ts";

export function PilotAreasLayer({
  variant,
  editingId,
  selectedId,
}: {
  variant: Variant;
  editingId: string | null;
  selectedId: string | null;
}) {
  const data = useMemo(() => pilotAreaFeatures(variant, editingId), [variant, editingId]);
  const selected = selectedId ?? "";
  return (
    <Source id={PILOT_AREA_LAYERS.source} type="geojson" data={data}>
      <Layer
        id={PILOT_AREA_LAYERS.fill}
        type="fill"
        paint={{
          "fill-color": ["get", "colour"],
          "fill-opacity": ["case", ["==", ["get", "areaId"], selected], 0.45, 0.28],
        }}
      />
      <Layer
        id={PILOT_AREA_LAYERS.line}
        type="line"
        paint={{
          "line-color": ["get", "colour"],
          "line-width": ["case", ["==", ["get", "areaId"], selected], 4, 2.5],
          "line-dasharray": [
            "case",
            ["==", ["get", "incomplete"], 1],
            ["literal", [2, 1.5]],
            ["literal", [1, 0]],
          ],
        }}
      />
      <Layer
        id={PILOT_AREA_LAYERS.label}
        type="symbol"
        layout={{
          "text-field": ["get", "name"],
          "text-font": [FONT_BOLD],
          "text-size": 13,
          "text-max-width": 10,
        }}
        paint={{ "text-color": "#111827", "text-halo-color": "#ffffff", "text-halo-width": 2 }}
      />
    </Source>
  );
}
