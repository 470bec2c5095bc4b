import type { AreaGeometry } from "../model/plan.ts";
import { clipAreas } from "./clip-areas.ts";

/**
 * The union of areas, e.g. districts picked to build a pilot area. Neighbours that share a border
 * merge into one polygon with no seam (vertices left on a straight border go too); overlaps count
 * once. Null for no input or no area. Never changes the inputs.
 */
export function unionAreas(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  return clipAreas("union", geometries).geometry;
}
