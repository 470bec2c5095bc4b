/** Draws the active variant's pilot areas (fill, outline, name) from the document store. */
import { useDeferredValue, useMemo } from "react";
import { Layer, Source } from "react-map-gl/maplibre";
import type { Variant } from "../domain/model/plan.ts";
import { useIncrementalSource } from "./incremental-source.ts";
import { FONT_BOLD } from "./map-style.ts";
import {
  PILOT_AREA_LAYERS,
  pilotAreaFeatures,
  pilotAreaLabels,
  samePilotAreaFeature,
} from "./pilot-areas.ts";

export function PilotAreasLayer({
  variant,
  editingId,
  selectedId,
}: {
  variant: Variant;
  editingId: string | null;
  selectedId: string | null;
}) {
  // Deferred: handing hundreds of areas to MapLibre's worker happens in its own task, after the
  // panels have updated, rather than lengthening the task of the change itself.
  const shown = useDeferredValue(variant);
  const data = useMemo(() => pilotAreaFeatures(shown, editingId), [shown, editingId]);
  // MapLibre receives only the changed areas (see incremental-source.ts).
  const container = useIncrementalSource(PILOT_AREA_LAYERS.source, data, samePilotAreaFeature);
  const labels = useMemo(() => pilotAreaLabels(data), [data]);
  const selected = selectedId ?? "";
  return (
    <>
      <Source id={PILOT_AREA_LAYERS.source} type="geojson" data={container}>
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
      </Source>
      {/* Names from one point per area: a label on the polygon would repeat on every tile it crosses. */}
      <Source id={PILOT_AREA_LAYERS.labelSource} type="geojson" data={labels}>
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
    </>
  );
}
