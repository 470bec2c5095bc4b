/**
 * The area of the intersection of two shapes, when only the area is wanted (coverage of districts,
 * the share inside the city, census cells): cheaper than {@link intersectShapes} because both operands
 * can be thinned.
 *
 * Both are trimmed to the overlap R of their boxes (`trim-to-box.ts`): inside R each equals its
 * original, and the true intersection lies inside R, so the area of clipper's result inside R is the
 * answer. What the trimming may add outside R is cut off by measuring only the part of the result
 * inside R (Sutherland–Hodgman against R, area only, so its zero-width bridges do no harm and never
 * reach clipper). When a trimmed border misses R entirely, R lies wholly inside or outside that
 * operand and one point test replaces clipping.
 */
import type { Paths64 } from "clipper2-ts";
import { type ClipFrame, latOf, lonOf } from "../geometry/clip-frame.ts";
import { intersectPaths } from "../geometry/clipper-operations.ts";
import { flatRingAreaM2 } from "../geometry/measure-area.ts";
import { type ConvexPolygon, ringAreaInsideConvexM2 } from "./clip-to-convex.ts";
import { type ClipShape, type FrameBounds, overlapOfBounds, type ShapeContains } from "./intersect-shapes.ts";
import { trimToBox } from "./trim-to-box.ts";

/** A frame box as a convex lon/lat polygon (counter-clockwise). */
function boxPolygon(frame: ClipFrame, box: FrameBounds): ConvexPolygon {
  const west = lonOf(frame, box[0]);
  const south = latOf(frame, box[1]);
  const east = lonOf(frame, box[2]);
  const north = latOf(frame, box[3]);
  const ring = Float64Array.of(west, south, east, south, east, north, west, north);
  return { ring, box: [west, south, east, north], areaM2: flatRingAreaM2(ring) };
}

/** Net area in m² of the parts of integer paths inside a box (orientation kept: holes subtract). */
export function pathsAreaInBoxM2(frame: ClipFrame, paths: Paths64, box: FrameBounds): number {
  const convex = boxPolygon(frame, box);
  let total = 0;
  for (const path of paths) {
    const flat = new Float64Array(2 * path.length);
    path.forEach((p, i) => {
      flat[2 * i] = lonOf(frame, p.x);
      flat[2 * i + 1] = latOf(frame, p.y);
    });
    total += ringAreaInsideConvexM2(flat, convex);
  }
  return total;
}

function within(inner: FrameBounds | null, outer: FrameBounds): boolean {
  return (
    inner !== null &&
    inner[0] >= outer[0] &&
    inner[1] >= outer[1] &&
    inner[2] <= outer[2] &&
    inner[3] <= outer[3]
  );
}

/** Area in m² of the part of `shape` inside `box`, given the shape trimmed to that box. */
function areaInBox(frame: ClipFrame, shape: ClipShape, trimmed: Paths64, box: FrameBounds): number {
  return within(shape.bounds, box) ? shape.areaM2 : pathsAreaInBoxM2(frame, trimmed, box);
}

/**
 * Area in m² of the intersection of two shapes (0 when they only touch or do not meet). `contains`
 * (optional) tests points against either operand, to answer without clipping when one border misses
 * the overlap of the boxes.
 */
export function intersectionAreaM2(
  frame: ClipFrame,
  a: ClipShape,
  b: ClipShape,
  contains?: ShapeContains,
): number {
  const box = overlapOfBounds(a.bounds, b.bounds);
  if (box === null) return 0;
  const trimmedA = trimToBox(a.paths, box);
  if (trimmedA.paths.length === 0) return 0;
  const trimmedB = trimToBox(b.paths, box);
  if (trimmedB.paths.length === 0) return 0;
  const centreLon = lonOf(frame, (box[0] + box[2]) / 2);
  const centreLat = latOf(frame, (box[1] + box[3]) / 2);
  if (!trimmedB.meetsBox && contains?.b) {
    return contains.b(centreLon, centreLat) ? Math.max(0, areaInBox(frame, a, trimmedA.paths, box)) : 0;
  }
  if (!trimmedA.meetsBox && contains?.a) {
    return contains.a(centreLon, centreLat) ? Math.max(0, areaInBox(frame, b, trimmedB.paths, box)) : 0;
  }
  const paths = intersectPaths(trimmedA.paths, trimmedB.paths);
  return Math.max(0, pathsAreaInBoxM2(frame, paths, box));
}
