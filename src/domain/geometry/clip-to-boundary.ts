import type { AreaGeometry } from "../model/plan.ts";
import { clipAreas } from "./clip-areas.ts";

/**
 * The part of an area inside a boundary (e.g. the city outline): their intersection. Null when they
 * do not overlap (touching borders are no overlap). Never changes the inputs.
 */
export function clipToBoundary(geometry: AreaGeometry, boundary: AreaGeometry): AreaGeometry | null {
  return clipAreas("intersection", [geometry], [boundary]).geometry;
}
