/**
 * Overlaps between the active variant's pilot areas, from the analysis worker: hatched in red with a
 * dashed outline, so an overlap reads as such without relying on colour alone. The overlap the planner
 * picked in the overlap table is drawn bolder.
 */
import type { FeatureCollection, MultiPolygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { Layer, Source, useMap } from "react-map-gl/maplibre";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { useSessionStore } from "../store/session-store.ts";

export const OVERLAP_LAYERS = {
  source: "pilot-overlaps",
  fill: "pilot-overlaps-fill",
  line: "pilot-overlaps-line",
  pattern: "pilot-overlap-hatch",
} as const;

/** Key of an overlap (the two area ids in variant order). */
export const overlapKey = (a: string, b: string) => `${a}|${b}`;

/** Diagonal red stripes on transparent, 12 px, drawn once into an image the fill uses as pattern. */
function hatchImage(): ImageData | null {
  const size = 12;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.fillStyle = "rgba(220, 38, 38, 0.18)";
  context.fillRect(0, 0, size, size);
  context.strokeStyle = "rgba(185, 28, 28, 0.9)";
  context.lineWidth = 2;
  context.beginPath();
  for (const offset of [-size, 0, size]) {
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
  }
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

export function OverlapsLayer({ hidden }: { hidden: boolean }) {
  const { current: mapRef } = useMap();
  const overlaps = useAnalysisStore((s) => s.variant?.overlaps);
  const highlighted = useSessionStore((s) => s.highlightedOverlap);
  const [patternReady, setPatternReady] = useState(false);
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const add = () => {
      if (!map.hasImage(OVERLAP_LAYERS.pattern)) {
        const image = hatchImage();
        if (image) map.addImage(OVERLAP_LAYERS.pattern, image, { pixelRatio: 1 });
      }
      setPatternReady(true);
    };
    if (map.isStyleLoaded()) add();
    else map.once("load", add);
    // A new style (basemap switch) drops images; add it again.
    map.on("style.load", add);
    return () => {
      map.off("style.load", add);
      map.off("load", add);
    };
  }, [mapRef]);
  const data = useMemo<FeatureCollection<MultiPolygon, { key: string }>>(
    () => ({
      type: "FeatureCollection",
      features: hidden
        ? []
        : (overlaps ?? []).map((o) => ({
            type: "Feature",
            geometry: o.geometry,
            properties: { key: overlapKey(o.areaIdA, o.areaIdB) },
          })),
    }),
    [overlaps, hidden],
  );
  const selected = highlighted ?? "";
  return (
    <Source id={OVERLAP_LAYERS.source} type="geojson" data={data}>
      <Layer
        id={OVERLAP_LAYERS.fill}
        type="fill"
        paint={
          patternReady
            ? { "fill-pattern": OVERLAP_LAYERS.pattern }
            : { "fill-color": "#dc2626", "fill-opacity": 0.3 }
        }
      />
      <Layer
        id={OVERLAP_LAYERS.line}
        type="line"
        paint={{
          "line-color": "#b91c1c",
          "line-width": ["case", ["==", ["get", "key"], selected], 4, 1.5],
          "line-dasharray": [2, 1],
        }}
      />
    </Source>
  );
}
