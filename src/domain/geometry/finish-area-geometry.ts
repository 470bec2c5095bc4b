import type { AreaGeometry } from "../model/plan.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { removeSlivers } from "./remove-slivers.ts";
import { separateTouchingRings } from "./separate-touching-rings.ts";

/**
 * The last step of every operation that clips polygons: drops slivers, moves touching rings apart
 * (so the result passes Turf's validity and kink checks) and normalises. Reports how many slivers
 * and contacts there were. Never changes the input.
 */
export function finishAreaGeometry(geometry: AreaGeometry | null): {
  geometry: AreaGeometry | null;
  slivers: number;
  separated: number;
} {
  if (geometry === null) return { geometry: null, slivers: 0, separated: 0 };
  const withoutSlivers = removeSlivers(geometry);
  if (withoutSlivers.geometry === null)
    return { geometry: null, slivers: withoutSlivers.removed, separated: 0 };
  const apart = separateTouchingRings(withoutSlivers.geometry);
  return {
    geometry: normalizeAreaGeometry(apart.geometry),
    slivers: withoutSlivers.removed,
    separated: apart.separated,
  };
}
