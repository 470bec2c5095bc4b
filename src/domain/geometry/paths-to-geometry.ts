/**
 * Clipper's integer paths back to GeoJSON, for results that are drawn on the map (overlaps, unions).
 * Clipper returns outer rings and holes as a flat list told apart only by orientation; its polygon
 * tree says which hole belongs to which outer ring, and that is what GeoJSON needs.
 */
import type { Path64, Paths64, PolyPath64, PolyTree64 } from "clipper2-ts";
import type { MultiPolygon, Position } from "geojson";
import { type ClipFrame, latOf, lonOf } from "./clip-frame.ts";
import { unitePathsAsTree } from "./clipper-operations.ts";

/** Twice the signed area of an integer path (counter-clockwise positive). */
function signedTwiceArea(path: Path64): number {
  let twiceArea = 0;
  for (let i = 0, j = path.length - 1; i < path.length; j = i++) {
    const a = path[j] as { x: number; y: number };
    const b = path[i] as { x: number; y: number };
    twiceArea += (a.x - b.x) * (a.y + b.y);
  }
  return twiceArea;
}

/** A closed lon/lat ring from an integer path, turned to the requested orientation. */
function ringOf(frame: ClipFrame, path: Path64, counterClockwise: boolean): Position[] {
  const ring: Position[] = path.map((p) => [lonOf(frame, p.x), latOf(frame, p.y)]);
  if (signedTwiceArea(path) > 0 !== counterClockwise) ring.reverse();
  const first = ring[0];
  if (first !== undefined) ring.push([first[0] as number, first[1] as number]);
  return ring;
}

/** Adds the polygons under an outer-ring node (and islands inside its holes) to `out`. */
function collect(frame: ClipFrame, node: PolyPath64, out: Position[][][]): void {
  const outer = node.poly;
  if (outer === null || outer.length < 3) return;
  const rings: Position[][] = [ringOf(frame, outer, true)];
  for (let i = 0; i < node.count; i++) {
    const hole = node.child(i);
    if (hole.poly !== null && hole.poly.length >= 3) rings.push(ringOf(frame, hole.poly, false));
    for (let k = 0; k < hole.count; k++) collect(frame, hole.child(k), out);
  }
  out.push(rings);
}

/**
 * The polygons of a clipper polygon tree as GeoJSON rings in lon/lat: outer rings counter-clockwise,
 * holes clockwise, islands inside holes as polygons of their own.
 */
function polygonsOfTree(frame: ClipFrame, tree: PolyTree64): Position[][][] {
  const coordinates: Position[][][] = [];
  for (let i = 0; i < tree.count; i++) collect(frame, tree.child(i), coordinates);
  return coordinates;
}

/**
 * Paths (as clipper returns them, or any paths read with the non-zero rule) as an RFC 7946
 * MultiPolygon in lon/lat: outer rings counter-clockwise, holes clockwise. Empty for no paths.
 */
export function pathsToMultiPolygon(frame: ClipFrame, paths: Paths64): MultiPolygon {
  const coordinates: Position[][][] = [];
  // Without holes no ring can lie inside another (clipper's results never overlap), so no tree is needed.
  if (paths.every((path) => signedTwiceArea(path) > 0)) {
    for (const path of paths) if (path.length >= 3) coordinates.push([ringOf(frame, path, true)]);
    return { type: "MultiPolygon", coordinates };
  }
  return {
    type: "MultiPolygon",
    coordinates: paths.length > 0 ? polygonsOfTree(frame, unitePathsAsTree(paths)) : [],
  };
}
