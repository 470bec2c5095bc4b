/**
 * Snapping for the drawing tools: the nearest district border (all three levels), city boundary or
 * other pilot area within a few screen pixels. The index of the borders comes ready from the analysis
 * worker; the index of the pilot areas is rebuilt when the variant changes, without the area being
 * edited (it must not snap to itself).
 */
import type { Position } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import { createSnapIndex, ringsOf, type SnapIndex, snapToIndex } from "../../domain/geometry/snap-index.ts";
import type { Variant } from "../../domain/model/plan.ts";

/** How close (screen pixels) the pointer must be to a border to snap. */
export const SNAP_TOLERANCE_PX = 12;

/** Metres per screen pixel at a latitude and zoom (512-pixel tiles, as MapLibre uses). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface SnapResult {
  position: Position;
  kind: "vertex" | "edge";
  distanceM: number;
}

export function createSnapper() {
  let reference: SnapIndex | null = null;
  let variant: Variant | null = null;
  let areaCache: { variant: Variant; excludeId: string | null; index: SnapIndex | null } | null = null;
  /** The last snap, for the snap indicator and tests. */
  let last: SnapResult | null = null;

  const areasIndex = (excludeId: string | null): SnapIndex | null => {
    if (!variant) return null;
    if (areaCache && areaCache.variant === variant && areaCache.excludeId === excludeId)
      return areaCache.index;
    const lines: Position[][] = [];
    for (const id of variant.areaOrder) {
      const area = variant.areas[id];
      if (area && id !== excludeId) lines.push(...ringsOf(area.geometry));
    }
    areaCache = { variant, excludeId, index: lines.length > 0 ? createSnapIndex(lines) : null };
    return areaCache.index;
  };

  return {
    /** The district borders and the city outline, indexed by the analysis worker. */
    setReference(index: SnapIndex | null) {
      reference = index;
    },
    setAreas(next: Variant) {
      variant = next;
    },
    /** Snaps a lon/lat position; returns undefined when nothing is within the tolerance. */
    snap(
      map: MapLibreMap,
      point: Position,
      excludeAreaId: string | number | null | undefined,
    ): Position | undefined {
      const tolerance = SNAP_TOLERANCE_PX * metresPerPixel(point[1] ?? 51.5, map.getZoom());
      const exclude = excludeAreaId === null || excludeAreaId === undefined ? null : String(excludeAreaId);
      const candidates = [reference, areasIndex(exclude)]
        .filter((index): index is SnapIndex => index !== null)
        .map((index) => snapToIndex(index, point, tolerance))
        .filter((hit): hit is SnapResult => hit !== null);
      // A vertex wins over an edge when both are within reach; otherwise the closest hit.
      candidates.sort((a, b) =>
        a.kind === b.kind ? a.distanceM - b.distanceM : a.kind === "vertex" ? -1 : 1,
      );
      last = candidates[0] ?? null;
      return last?.position;
    },
    lastSnap: () => last,
  };
}
