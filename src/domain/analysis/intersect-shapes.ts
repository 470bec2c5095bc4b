/**
 * Intersection areas of polygons with clipper2-ts, the fast kernel behind coverage and overlaps.
 * (Turf's intersect, polyclip-ts with bignumber.js, was 33x slower on the same inputs; see
 * PERFORMANCE.md. {@link intersectionAreaTurfM2} in `naive-analysis.ts` is the reference.)
 *
 * Both polygons are first cut to the overlap of their boxes with clipper's rectangle clipper, which
 * is linear in the number of vertices and drops the long stretches of district borders far from the
 * pilot area. When one of them covers that whole box, the answer is the other one's cut-out, and the
 * general clipper never runs.
 */
import { Clipper, FillRule, type Path64, type Paths64, RectClip64 } from "clipper2-ts";
import type { AreaGeometry } from "../model/plan.ts";
import { type ClipFrame, geometryToPaths, pathsBounds } from "./clip-frame.ts";
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

function within(inner: FrameBounds, outer: FrameBounds): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Whether clipped paths are exactly the box itself, counter-clockwise: the polygon covers the box. */
function isWholeBox(paths: Paths64, box: FrameBounds): boolean {
  if (paths.length !== 1) return false;
  const path = paths[0] as Path64;
  if (path.length !== 4) return false;
  for (const p of path) {
    if ((p.x !== box[0] && p.x !== box[2]) || (p.y !== box[1] && p.y !== box[3])) return false;
  }
  // Four corners of the box in some order; only a counter-clockwise one is the box and not a hole.
  let twiceArea = 0;
  for (let i = 0, j = 3; i < 4; j = i++) {
    const a = path[j] as { x: number; y: number };
    const b = path[i] as { x: number; y: number };
    twiceArea += (a.x - b.x) * (a.y + b.y);
  }
  return twiceArea > 0;
}

/** The part of a shape inside a box (the shape itself when it lies inside the box). */
function cutToBox(shape: ClipShape, box: FrameBounds): Paths64 {
  if (shape.bounds !== null && within(shape.bounds, box)) return shape.paths;
  return new RectClip64({ left: box[0], top: box[1], right: box[2], bottom: box[3] }).execute(shape.paths);
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
  if (isWholeBox(bCut, box)) paths = aCut;
  else if (isWholeBox(aCut, box)) paths = bCut;
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
