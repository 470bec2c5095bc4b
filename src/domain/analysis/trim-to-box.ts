/**
 * Thins a polygon down to what matters inside a box before clipper2-ts intersects it with a polygon
 * that lies in that box (a district against a pilot area's box): runs of vertices that stay on one
 * outer side of the box are replaced by a single chord on that same side.
 *
 * Why this is exact: the dropped stretch of border and its chord both lie in one half-plane outside
 * the box, so the winding number of every point inside the box, and hence the polygon's part inside
 * the box, is unchanged (outside the box the trimmed ring may cross itself, which clipper's non-zero
 * rule handles). No vertex is moved and none is added, so nothing is rounded.
 *
 * Why not cut the polygon to the box instead: clipper2-ts 2.0.1's RectClip64 returned wrong polygons
 * for about 0.3 % of random boxes over the real districts (upstream: AngusJohnson/Clipper2 issue 1095),
 * and a Sutherland–Hodgman cut leaves zero-width bridges along the box's sides, on which
 * clipper2-ts 2.0.1 looped forever. Only the polygon being trimmed may change outside the box, so
 * the other operand must lie within it (see `intersect-shapes.ts`).
 */
import type { Path64, Paths64 } from "clipper2-ts";

/** Integer box [minX, minY, maxX, maxY]. */
type Box = readonly [number, number, number, number];

const LEFT = 1;
const RIGHT = 2;
const BELOW = 4;
const ABOVE = 8;

/** Which outer sides of the box a point lies beyond (strictly), as bits; 0 inside or on the box. */
function outcode(p: { x: number; y: number }, box: Box): number {
  return (p.x < box[0] ? LEFT : p.x > box[2] ? RIGHT : 0) | (p.y < box[1] ? BELOW : p.y > box[3] ? ABOVE : 0);
}

/** The trimmed paths, and whether any edge may meet the box (false: the box is wholly in or out). */
export interface TrimmedPaths {
  paths: Paths64;
  meetsBox: boolean;
}

/** Trims each path to the box (see the module comment). Rings left with fewer than three positions are dropped. */
export function trimToBox(paths: Paths64, box: Box): TrimmedPaths {
  const result: Paths64 = [];
  let meetsBox = false;
  for (const path of paths) {
    const n = path.length;
    if (n < 3) continue;
    const codes = new Uint8Array(n);
    for (let i = 0; i < n; i++) codes[i] = outcode(path[i] as { x: number; y: number }, box);
    const kept: Path64 = [path[0] as { x: number; y: number }];
    let lastCode = codes[0] as number;
    for (let i = 1; i < n; i++) {
      const code = codes[i] as number;
      // Dropping vertex i replaces two edges on one outer side by a chord on that side.
      if ((lastCode & code & (codes[(i + 1) % n] as number)) !== 0) continue;
      kept.push(path[i] as { x: number; y: number });
      lastCode = code;
    }
    if (kept.length < 3) continue;
    for (let i = 0, j = kept.length - 1; i < kept.length; j = i++) {
      if (
        (outcode(kept[j] as { x: number; y: number }, box) &
          outcode(kept[i] as { x: number; y: number }, box)) ===
        0
      ) {
        meetsBox = true;
      }
    }
    result.push(kept);
  }
  return { paths: result, meetsBox };
}
