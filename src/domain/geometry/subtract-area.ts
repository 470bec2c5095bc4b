import type { AreaGeometry } from "../model/plan.ts";
import { clipAreas } from "./clip-areas.ts";

/**
 * What remains of an area after taking another away: their difference. Null if nothing remains.
 * Never changes the inputs.
 */
export function subtractArea(geometry: AreaGeometry, other: AreaGeometry): AreaGeometry | null {
  return clipAreas("difference", [geometry], [other]).geometry;
}
