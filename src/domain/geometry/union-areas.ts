import { feature, featureCollection, multiPolygon } from "@turf/helpers";
import { union } from "@turf/union";
import type { AreaGeometry } from "../model/plan.ts";
import { clipRobustly } from "./clip-robustly.ts";

/**
 * The union of areas, e.g. districts picked to build a pilot area. Neighbours that share a border
 * merge into one polygon with no seam; overlaps count once. Null for no input or no area.
 * Never changes the inputs.
 */
export function unionAreas(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  return clipRobustly(geometries, (inputs) => {
    const features = inputs.map((geometry) => feature(geometry));
    // @turf/union wants two inputs; the union with an empty MultiPolygon cleans a single one.
    if (features.length === 1) features.push(multiPolygon([]) as never);
    return union(featureCollection(features))?.geometry ?? null;
  }).geometry;
}
