/**
 * Facilities (and stops) inside an area and within walking distances of it, per layer and per
 * category, with the ids of what was counted so that every number can be explained by name.
 */
import type { FacilityCount, PointSelection } from "./analysis-result.ts";
import { visitPointsInArea, visitPointsNearArea } from "./points-in-area.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";
import { type PreparedPointLayer, pointId } from "./prepare-point-layer.ts";

/** Walking distance used when none is asked for: stops within 300 m. */
export const DEFAULT_DISTANCES_M: readonly number[] = [300];

/** Input indexes (ascending) of the layer's points inside the area. */
export function pointsInside(layer: PreparedPointLayer, area: PreparedArea): number[] {
  const found: number[] = [];
  visitPointsInArea(layer, area, (slot) => found.push(layer.sourceIndex[slot] as number));
  return found.sort((a, b) => a - b);
}

/** Count, categories and ids of the given points (input indexes, ascending). */
export function selectionOf(layer: PreparedPointLayer, sourceIndexes: readonly number[]): PointSelection {
  const byCategory: Record<string, number> = {};
  for (const source of sourceIndexes) {
    const name = layer.categoryNames[layer.categoryOfSource[source] ?? 0] ?? "";
    byCategory[name] = (byCategory[name] ?? 0) + 1;
  }
  return { count: sourceIndexes.length, byCategory, ids: sourceIndexes.map((s) => pointId(layer, s)) };
}

/** Facilities of every layer inside the area and within each of `distancesM` of it. */
export function countFacilities(
  context: AnalysisContext,
  area: PreparedArea,
  distancesM: readonly number[] = DEFAULT_DISTANCES_M,
): FacilityCount[] {
  return context.facilities.map((layer) => {
    const inside = pointsInside(layer, area);
    const near = distancesM.map((distanceM) => {
      const found: number[] = [];
      visitPointsNearArea(layer, area, distanceM, (slot) => found.push(layer.sourceIndex[slot] as number));
      found.sort((a, b) => a - b);
      return { ...selectionOf(layer, found), distanceM };
    });
    return { layerId: layer.id, inside: selectionOf(layer, inside), near };
  });
}
