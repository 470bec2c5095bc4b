import { difference } from "@turf/difference";
import { feature, featureCollection } from "@turf/helpers";
import type { AreaGeometry } from "../model/plan.ts";
import { clipRobustly } from "./clip-robustly.ts";

/**
 * What remains of an area after taking another away: their difference. Null if nothing remains.
 * Never changes the inputs.
 */
export function subtractArea(geometry: AreaGeometry, other: AreaGeometry): AreaGeometry | null {
  return clipRobustly(
    [geometry, other],
    (inputs) => difference(featureCollection(inputs.map((input) => feature(input))))?.geometry ?? null,
  ).geometry;
}
