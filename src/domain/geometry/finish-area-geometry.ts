import type { AreaGeometry } from "../model/plan.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { removeSlivers } from "./remove-slivers.ts";
import { separateTouchingRings } from "./separate-touching-rings.ts";

/**
 * Clipping output can hold vertices a few floating-point steps apart where several edges cross near
 * one point (and, despite polyclip-ts's promise, exact repeats); they are merged first: 1e-11°, about
 * a micrometre.
 */
export const MERGE_WITHIN_DEGREES = 1e-11;

/**
 * The last step of every operation that clips polygons: merges vertices that nearly coincide, drops
 * slivers, moves touching rings apart (so the result passes Turf's validity and kink checks) and
 * normalises. Reports how many slivers and contacts there were. Never changes the input.
 */
export function finishAreaGeometry(geometry: AreaGeometry | null): {
  geometry: AreaGeometry | null;
  slivers: number;
  separated: number;
} {
  const merged =
    geometry === null ? null : normalizeAreaGeometry(geometry, { mergeWithinDegrees: MERGE_WITHIN_DEGREES });
  if (merged === null) return { geometry: null, slivers: 0, separated: 0 };
  const withoutSlivers = removeSlivers(merged);
  if (withoutSlivers.geometry === null)
    return { geometry: null, slivers: withoutSlivers.removed, separated: 0 };
  const apart = separateTouchingRings(withoutSlivers.geometry);
  return {
    geometry: normalizeAreaGeometry(apart.geometry),
    slivers: withoutSlivers.removed,
    separated: apart.separated,
  };
}
