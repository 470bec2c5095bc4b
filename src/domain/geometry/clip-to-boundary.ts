import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { AreaGeometry } from "../model/plan.ts";
import { clipRobustly } from "./clip-robustly.ts";

/**
 * The part of an area inside a boundary (e.g. the city outline): their intersection. Null when they
 * do not overlap (touching borders are no overlap). Never changes the inputs.
 */
export function clipToBoundary(geometry: AreaGeometry, boundary: AreaGeometry): AreaGeometry | null {
  return clipRobustly(
    [geometry, boundary],
    (inputs) => intersect(featureCollection(inputs.map((input) => feature(input))))?.geometry ?? null,
  ).geometry;
}
