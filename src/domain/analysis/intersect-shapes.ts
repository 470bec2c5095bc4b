/**
 * Intersection areas of polygons with clipper2-ts, the fast kernel behind coverage and overlaps.
 * (Turf's intersect, polyclip-ts with bignumber.js, was 33x slower on the same inputs; see
 * PERFORMANCE.md. {@link intersectionAreaTurfM2} in `naive-analysis.ts` is the reference.)
 *
 * Both polygons are first cut to the overlap of their boxes (`clip-to-box.ts`, linear in the number
 * of vertices), which drops the long stretches of district borders far from the pilot area. When one
 * of them covers that whole box, the answer is the other one's cut-out, and the general clipper never
 * runs.
 */
import { Clipper, FillRule, type Paths64 } from "clipper2-ts";
import type { AreaGeometry } from "../model/plan.ts";
import { type ClipFrame, geometryToPaths, pathsBounds } from "./clip-frame.ts";
import { clipPathsToBox, coversBox } from "./clip-to-box.ts";
import { pathsAreaM2 } from "./ellipsoidal-area.ts";

/** Integer box [minX, minY, maxX, maxY] in a clip frame. */
export type FrameBounds = [number, number, number, number];

/** A polygon prepared for clipping: integer paths in a frame, their box and their area. */
export interface ClipShape {
  readonly paths: Paths64;
  /** Null when the polygon has no area. */
  readonly bounds: FrameBounds | null;
  /** Area in m² on the WGS84 ellipsoid (see `ellipsoidal-area.ts`). */
  readonly areaM2: number;
}

/** Converts an area geometry into a {@link ClipShape} in the given frame. */
export function createClipShape(frame: ClipFrame, geometry: AreaGeometry): ClipShape {
  return shapeOfPaths(frame, geometryToPaths(frame, geometry));
}

/** Wraps integer paths (outer rings counter-clockwise, holes clockwise) as a {@link ClipShape}. */
export function shapeOfPaths(frame: ClipFrame, paths: Paths64): ClipShape {
  return { paths, bounds: pathsBounds(paths), areaM2: pathsAreaM2(frame, paths) };
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

/** The part of a shape inside a box (the shape itself when it lies inside the box). */
function cutToBox(shape: ClipShape, box: FrameBounds): Paths64 {
  const b = shape.bounds;
  if (b !== null && b[0] >= box[0] && b[1] >= box[1] && b[2] <= box[2] && b[3] <= box[3]) return shape.paths;
  return clipPathsToBox(shape.paths, box);
}

/** Result of {@link intersectShapes}. */
export interface ShapeIntersection {
  /** Area of the intersection in m²; 0 when the shapes only touch or do not meet. */
  areaM2: number;
  /** The intersection as integer paths (outer counter-clockwise, holes clockwise). */
  paths: Paths64;
}

/**
 * Intersection of two prepared shapes. Exact up to the frame's 0.01 mm rounding of positions;
 * degenerate results (shapes that only touch) give area 0 and no paths.
 */
export function intersectShapes(frame: ClipFrame, a: ClipShape, b: ClipShape): ShapeIntersection {
  const box = overlapOfBounds(a.bounds, b.bounds);
  if (box === null) return { areaM2: 0, paths: [] };
  const aCut = cutToBox(a, box);
  if (aCut.length === 0) return { areaM2: 0, paths: [] };
  const bCut = cutToBox(b, box);
  if (bCut.length === 0) return { areaM2: 0, paths: [] };
  let paths: Paths64;
  if (coversBox(bCut, box)) paths = aCut;
  else if (coversBox(aCut, box)) paths = bCut;
  else paths = Clipper.intersect(aCut, bCut, FillRule.NonZero);
  const areaM2 = pathsAreaM2(frame, paths);
  // A cut-out of a hole alone, or a touching pair, can leave paths that cancel out.
  return areaM2 > 0 ? { areaM2, paths } : { areaM2: 0, paths: [] };
}

/** The union of shapes (overlaps counted once) as integer paths. */
export function unionOfShapes(shapes: readonly ClipShape[]): Paths64 {
  const all: Paths64 = [];
  for (const shape of shapes) for (const path of shape.paths) all.push(path);
  return all.length === 0 ? [] : Clipper.union(all, FillRule.NonZero);
}
