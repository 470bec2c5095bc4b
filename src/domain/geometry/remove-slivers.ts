import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { geometryFromParts, partsOf } from "./area-geometry-parts.ts";
import { measureRingWidthM } from "./measure-planar-ring.ts";

/**
 * Rings thinner than this on average are slivers: 5 cm. Overlays of borders that almost coincide
 * leave them (gaps between digitised districts, an area drawn along the city boundary); nobody draws
 * a 5 cm strip on purpose.
 */
export const SLIVER_WIDTH_M = 0.05;

/**
 * Drops rings whose mean width (2 · area / perimeter) is below `maxWidthM`: a thin outer ring with its
 * holes, or a thin hole. Returns how many rings went. Never changes the input.
 */
export function removeSlivers(
  geometry: AreaGeometry,
  options: { maxWidthM?: number } = {},
): { geometry: AreaGeometry | null; removed: number } {
  const maxWidthM = options.maxWidthM ?? SLIVER_WIDTH_M;
  let removed = 0;
  const parts: Position[][][] = [];
  for (const [outer, ...holes] of partsOf(geometry)) {
    if (outer === undefined) continue;
    if (measureRingWidthM(outer) < maxWidthM) {
      removed += 1 + holes.length;
      continue;
    }
    const keptHoles = holes.filter((hole) => measureRingWidthM(hole) >= maxWidthM);
    removed += holes.length - keptHoles.length;
    parts.push([outer, ...keptHoles]);
  }
  return { geometry: removed === 0 ? geometry : geometryFromParts(parts), removed };
}
