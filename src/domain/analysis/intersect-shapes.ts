/**
 * Polygons prepared for clipper2-ts, and their intersection as a shape (for overlaps drawn on the
 * map) and union. (Turf's intersect, polyclip-ts with bignumber.js, was 33x slower on the same
 * inputs; see PERFORMANCE.md. `intersectionAreaTurfM2` in `naive-analysis.ts` is the reference.)
 * When only the area is wanted, `intersection-area.ts` is cheaper.
 *
 * The operand with more vertices is first thinned to the other's box (`trim-to-box.ts`, linear in
 * its vertices, exact), which drops the long stretches of border far from the other one. When its
 * border misses that box entirely, the other lies wholly inside or wholly outside, and the general
 * clipper never runs.
 */
import type { Paths64 } from "clipper2-ts";
import { type ClipFrame, geometryToPaths, latOf, lonOf, pathsBounds } from "../geometry/clip-frame.ts";
import { intersectPaths, unitePaths } from "../geometry/clipper-operations.ts";
import { pathsAreaM2 } from "../geometry/measure-area.ts";
import type { AreaGeometry } from "../model/plan.ts";
import { trimToBox } from "./trim-to-box.ts";

/** Integer box [minX, minY, maxX, maxY] in a clip frame. */
export type FrameBounds = [number, number, number, number];

/** A polygon prepared for clipping: integer paths in a frame, their box and their area. */
export interface ClipShape {
  readonly paths: Paths64;
  /** Null when the polygon has no area. */
  readonly bounds: FrameBounds | null;
  /** Area in m² on the WGS84 ellipsoid (see `geometry/measure-area.ts`). */
  readonly areaM2: number;
  /** Number of positions over all paths. */
  readonly vertexCount: number;
}

/** Converts an area geometry into a {@link ClipShape} in the given frame. */
export function createClipShape(frame: ClipFrame, geometry: AreaGeometry): ClipShape {
  return shapeOfPaths(frame, geometryToPaths(frame, geometry));
}

/** Wraps integer paths (outer rings counter-clockwise, holes clockwise) as a {@link ClipShape}. */
export function shapeOfPaths(frame: ClipFrame, paths: Paths64): ClipShape {
  let vertexCount = 0;
  for (const path of paths) vertexCount += path.length;
  return { paths, bounds: pathsBounds(paths), areaM2: pathsAreaM2(frame, paths), vertexCount };
}

/** The overlap of two boxes, or null when they do not overlap with a positive area. */
export function overlapOfBounds(a: FrameBounds | null, b: FrameBounds | null): FrameBounds | null {
  if (a === null || b === null) return null;
  const minX = Math.max(a[0], b[0]);
  const minY = Math.max(a[1], b[1]);
  const maxX = Math.min(a[2], b[2]);
  const maxY = Math.min(a[3], b[3]);
  return minX < maxX && minY < maxY ? [minX, minY, maxX, maxY] : null;
}

/** Result of {@link intersectShapes}. */
export interface ShapeIntersection {
  /** Area of the intersection in m²; 0 when the shapes only touch or do not meet. */
  areaM2: number;
  /** The intersection as integer paths (outer counter-clockwise, holes clockwise). */
  paths: Paths64;
}

/** Point tests for the operands of {@link intersectShapes}, to skip clipping when one holds the other. */
export interface ShapeContains {
  a?: (lon: number, lat: number) => boolean;
  b?: (lon: number, lat: number) => boolean;
}

/**
 * Intersection of two prepared shapes. Exact up to the frame's 0.01 mm rounding of positions;
 * shapes that only touch or do not meet give area 0 and no paths. When the larger operand's border
 * does not come near the smaller one's box at all, the answer follows from one point test of the
 * larger operand (`contains`), without clipping.
 */
export function intersectShapes(
  frame: ClipFrame,
  a: ClipShape,
  b: ClipShape,
  contains?: ShapeContains,
): ShapeIntersection {
  const none: ShapeIntersection = { areaM2: 0, paths: [] };
  if (overlapOfBounds(a.bounds, b.bounds) === null) return none;
  // Trim the operand with more vertices to the other's box; the other stays whole (see trim-to-box.ts).
  const trimA = a.vertexCount > b.vertexCount;
  const [large, small] = trimA ? [a, b] : [b, a];
  const box = small.bounds as FrameBounds;
  const trimmed = trimToBox(large.paths, box);
  if (trimmed.paths.length === 0) return none;
  const containsLarge = trimA ? contains?.a : contains?.b;
  if (!trimmed.meetsBox && containsLarge) {
    // The larger border misses the box: the smaller shape is wholly inside the larger one or wholly outside.
    const centreLon = lonOf(frame, (box[0] + box[2]) / 2);
    const centreLat = latOf(frame, (box[1] + box[3]) / 2);
    return containsLarge(centreLon, centreLat) ? { areaM2: small.areaM2, paths: small.paths } : none;
  }
  const paths = intersectPaths(small.paths, trimmed.paths);
  const areaM2 = pathsAreaM2(frame, paths);
  return areaM2 > 0 ? { areaM2, paths } : none;
}

/** The union of shapes (overlaps counted once) as integer paths. */
export function unionOfShapes(shapes: readonly ClipShape[]): Paths64 {
  const all: Paths64 = [];
  for (const shape of shapes) for (const path of shape.paths) all.push(path);
  return all.length === 0 ? [] : unitePaths(all);
}
