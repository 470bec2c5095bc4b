/**
 * Overlaps between the active variant's pilot areas, from the analysis worker: hatched in red with a
 * dashed outline, so an overlap reads as such without relying on colour alone. The overlap the planner
 * picked in the overlap table is drawn bolder.
 */

import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { Layer, Source, useMap } from "react-map-gl/maplibre";
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import { stableFeatureIds, useIncrementalSource } from "./incremental-source.ts";

export const OVERLAP_LAYERS = {
  source: "pilot-overlaps",
  fill: "pilot-overlaps-fill",
  line: "pilot-overlaps-line",
  pattern: "pilot-overlap-hatch",
} as const;

/** Key of an overlap (the two area ids in variant order). */
export const overlapKey = (a: string, b: string) => `${a}|${b}`;

interface OverlapProperties {
  key: string;
  /** Overlap in m² and the number of vertices: an overlap with both unchanged is drawn unchanged. */
  m2: number;
  vertices: number;
}

/** Stable numeric feature ids per overlap, so MapLibre receives only the overlaps that changed. */
const overlapIdOf = stableFeatureIds();

function sameOverlap(
  a: Feature<MultiPolygon, OverlapProperties>,
  b: Feature<MultiPolygon, OverlapProperties>,
) {
  return (
    a.geometry === b.geometry ||
    (Math.abs(a.properties.m2 - b.properties.m2) < 1e-6 && a.properties.vertices === b.properties.vertices)
  );
}

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
  const data = useMemo<FeatureCollection<MultiPolygon, OverlapProperties>>(
    () => ({
      type: "FeatureCollection",
      features: (overlaps ?? []).map((o) => {
        const key = overlapKey(o.areaIdA, o.areaIdB);
        return {
          type: "Feature",
          id: overlapIdOf(key),
          geometry: o.geometry,
          properties: { key, m2: o.overlapM2, vertices: vertexCount(o.geometry) },
        };
      }),
    }),
    [overlaps],
  );
  // A recomputation after one edit gives new objects for every overlap; only the changed ones go on.
  const container = useIncrementalSource(OVERLAP_LAYERS.source, data, sameOverlap);
  const selected = highlighted ?? "";
  return (
    <Source id={OVERLAP_LAYERS.source} type="geojson" data={container}>
      {/* Hidden during a drag by visibility, not by emptying the data: no re-sending afterwards. */}
      <Layer
        id={OVERLAP_LAYERS.fill}
        type="fill"
        layout={{ visibility: hidden ? "none" : "visible" }}
        paint={
          patternReady
            ? { "fill-pattern": OVERLAP_LAYERS.pattern }
            : { "fill-color": "#dc2626", "fill-opacity": 0.3 }
        }
      />
      <Layer
        id={OVERLAP_LAYERS.line}
        type="line"
        layout={{ visibility: hidden ? "none" : "visible" }}
        paint={{
          "line-color": "#b91c1c",
          "line-width": ["case", ["==", ["get", "key"], selected], 4, 1.5],
          "line-dasharray": [2, 1],
        }}
      />
    </Source>
  );
}
