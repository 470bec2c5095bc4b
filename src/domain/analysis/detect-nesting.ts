/**
 * Whether one level of reference areas is made of the districts of a finer one (a Statistischer
 * Bezirk is exactly its Unterbezirke, a Stadtbezirk its Statistische Bezirke). Then a pilot area's
 * intersection with a coarse district is the sum of its intersections with that district's children,
 * and the coarse levels, whose rings are the longest (about 1,900 positions per Stadtbezirk), need no
 * clipping at all.
 *
 * Checked once when the layers are prepared, never assumed: every child names a parent of the coarse
 * level (`parentCode`), lies inside it, and the children's areas add up to the parent's, each within
 * {@link NESTING_TOLERANCE}. Data that fails any check is clipped level by level as usual.
 */

import type { ClipFrame } from "../geometry/clip-frame.ts";
import type { ReferenceLevel } from "../model/catalogue.ts";
import type { ClipShape } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import type { PreparedReferenceLevel } from "./prepare-reference-areas.ts";
import { containsPoint, type RingIndex } from "./ring-index.ts";

/**
 * Relative tolerance of the nesting checks. The real levels nest to 4e-7 (slivers of well under a
 * square metre left by rounding the served coordinates to 6 decimals).
 */
export const NESTING_TOLERANCE = 1e-6;

/** How a level is made of a finer one. */
export interface LevelNesting {
  /** The finer level whose districts make up this one. */
  readonly finer: ReferenceLevel;
  /** For each district of the finer level, the index of its parent in this level. */
  readonly parentOf: Int32Array;
}

/** The nesting of `fine` in `coarse`, or null when the checks fail. */
export function detectNesting(
  frame: ClipFrame,
  coarse: PreparedReferenceLevel,
  fine: PreparedReferenceLevel,
): LevelNesting | null {
  const indexOfCode = new Map(coarse.codes.map((code, i) => [code, i]));
  const parentOf = new Int32Array(fine.codes.length);
  const childAreas = new Float64Array(coarse.codes.length);
  for (let i = 0; i < fine.codes.length; i++) {
    const parent = indexOfCode.get(fine.parentCodes[i] as string);
    if (parent === undefined) return null;
    parentOf[i] = parent;
    childAreas[parent] = (childAreas[parent] as number) + (fine.shapes[i] as ClipShape).areaM2;
  }
  for (let p = 0; p < coarse.codes.length; p++) {
    const area = (coarse.shapes[p] as ClipShape).areaM2;
    if (Math.abs((childAreas[p] as number) - area) > NESTING_TOLERANCE * area) return null;
  }
  for (let i = 0; i < fine.codes.length; i++) {
    const child = fine.shapes[i] as ClipShape;
    const parent = parentOf[i] as number;
    const rings = coarse.rings[parent] as RingIndex;
    const inside = intersectionAreaM2(frame, child, coarse.shapes[parent] as ClipShape, {
      b: (lon, lat) => containsPoint(rings, lon, lat),
    });
    if (inside < (1 - NESTING_TOLERANCE) * child.areaM2) return null;
  }
  return { finer: fine.level, parentOf };
}
