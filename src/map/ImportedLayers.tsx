/**
 * Overlay layers imported from partners' files (see src/store/overlay-store.ts): areas as a light fill
 * with a dashed outline, points as circles, names as labels, each overlay in its own colour, drawn
 * below the pilot areas so the plan stays on top.
 */
import type { FeatureCollection, Point, Position } from "geojson";
import { useMemo } from "react";
import { Layer, Source } from "react-map-gl/maplibre";
import { type Overlay, type OverlayFeatureProperties, useOverlayStore } from "../store/overlay-store.ts";
import { FONT_REGULAR } from "./map-style.ts";
import { PILOT_AREA_LAYERS } from "./pilot-areas.ts";

/** Map ids of an overlay's source and layers. */
export const overlayLayerIds = (id: string) => ({
  source: `imported-${id}`,
  fill: `imported-${id}-fill`,
  line: `imported-${id}-line`,
  point: `imported-${id}-point`,
  labelSource: `imported-${id}-labels`,
  label: `imported-${id}-label`,
});

/** Twice the signed area of a ring (any unit; only compared). */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum);
}

/**
 * One label point per feature: a point itself, or the middle of the largest part's bounding box. A
 * label on the polygon would be placed once per tile and so repeat across tile borders.
 */
export function overlayLabelPoints(
  overlay: Overlay,
): FeatureCollection<Point, OverlayFeatureProperties & { isPoint: number }> {
  const features = overlay.data.features.flatMap((feature) => {
    if (feature.properties.name === "") return [];
    const geometry = feature.geometry;
    let coordinates: Position;
    if (geometry.type === "Point") coordinates = geometry.coordinates;
    else {
      const outers =
        geometry.type === "Polygon"
          ? [geometry.coordinates[0] ?? []]
          : geometry.coordinates.map((p) => p[0] ?? []);
      const largest = outers.reduce((a, b) => (ringArea2(b) > ringArea2(a) ? b : a), outers[0] ?? []);
      const xs = largest.map((p) => p[0] ?? 0);
      const ys = largest.map((p) => p[1] ?? 0);
      coordinates = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    }
    return [
      {
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates },
        properties: { ...feature.properties, isPoint: geometry.type === "Point" ? 1 : 0 },
      },
    ];
  });
  return { type: "FeatureCollection", features };
}

function ImportedLayer({ overlay }: { overlay: Overlay }) {
  const ids = overlayLayerIds(overlay.id);
  const visibility = overlay.visible ? "visible" : "none";
  const labels = useMemo(() => overlayLabelPoints(overlay), [overlay]);
  return (
    <>
      <Source id={ids.source} type="geojson" data={overlay.data}>
        <Layer
          id={ids.fill}
          type="fill"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["!=", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{ "fill-color": overlay.colour, "fill-opacity": 0.12 }}
        />
        <Layer
          id={ids.line}
          type="line"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["!=", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{ "line-color": overlay.colour, "line-width": 2, "line-dasharray": [3, 2] }}
        />
        <Layer
          id={ids.point}
          type="circle"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["==", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{
            "circle-color": overlay.colour,
            "circle-radius": 5,
            "circle-stroke-color": "#ffffff",
            "circle-stroke-width": 1.5,
          }}
        />
      </Source>
      <Source id={ids.labelSource} type="geojson" data={labels}>
        <Layer
          id={ids.label}
          type="symbol"
          beforeId={PILOT_AREA_LAYERS.fill}
          minzoom={12}
          layout={{
            visibility,
            "text-field": ["get", "name"],
            "text-font": [FONT_REGULAR],
            "text-size": 11,
            "text-offset": ["case", ["==", ["get", "isPoint"], 1], ["literal", [0, 1]], ["literal", [0, 0]]],
            "text-max-width": 10,
          }}
          paint={{ "text-color": overlay.colour, "text-halo-color": "#ffffff", "text-halo-width": 1.5 }}
        />
      </Source>
    </>
  );
}

export function ImportedLayers() {
  const overlays = useOverlayStore((s) => s.overlays);
  return (
    <>
      {overlays.map((overlay) => (
        <ImportedLayer key={overlay.id} overlay={overlay} />
      ))}
    </>
  );
}
