/** Draws the active variant's pilot areas (fill, outline, name) from the document store. */
import type { GeoJSONSource } from "maplibre-gl";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { Layer, Source, useMap } from "react-map-gl/maplibre";
import type { Variant } from "../domain/model/plan.ts";
import { FONT_BOLD } from "./map-style.ts";
import {
  diffPilotAreaFeatures,
  PILOT_AREA_LAYERS,
  pilotAreaFeatures,
  pilotAreaLabels,
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
  // The source keeps one container object, so react-map-gl never re-sends (or deep-compares) all
  // areas; changes go to MapLibre as a diff of the changed areas. The container always holds the
  // current features, so a source re-created after a style change starts from the right data.
  const [container] = useState(() => ({ type: "FeatureCollection" as const, features: data.features }));
  const sent = useRef(data);
  const { current: map } = useMap();
  useEffect(() => {
    const previous = sent.current;
    if (previous === data) return;
    sent.current = data;
    container.features = data.features;
    const source = map?.getMap().getSource(PILOT_AREA_LAYERS.source) as GeoJSONSource | undefined;
    if (!source) return;
    const diff = diffPilotAreaFeatures(previous, data);
    if (diff === null) void source.setData(container);
    else if (diff.add.length > 0 || diff.remove.length > 0) void source.updateData(diff);
  }, [data, container, map]);
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
