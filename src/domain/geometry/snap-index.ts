/**
 * Snapping to borders (districts, the city outline, neighbouring pilot areas) while drawing, so that
 * areas drawn side by side share their border instead of leaving gaps and slivers. The index is built
 * once per set of borders; each query looks only at the segments near the pointer.
 */
import Flatbush from "flatbush";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf } from "./area-geometry-parts.ts";
import { localMetresPerDegree } from "./measure-planar-ring.ts";

/** Segments of the borders to snap to, indexed by their boxes. Build with {@link createSnapIndex}. */
export interface SnapIndex {
  /** Number of segments indexed (a one-position line counts as one empty segment). */
  readonly segmentCount: number;
  /** Internal: the box index over segments, null when there are none. */
  readonly tree: Flatbush | null;
  /** Internal: start and end of each segment, lon/lat, four numbers per segment. */
  readonly ends: Float64Array;
}

/** Where a point snaps to: a vertex of a border, or the nearest point on one of its segments. */
export interface SnapResult {
  /** Lon/lat; a vertex is returned with its exact coordinates, an edge point lies on the segment. */
  position: Position;
  kind: "vertex" | "edge";
  /** Distance from the query point in metres (local metric approximation). */
  distanceM: number;
}

/** All rings of an area (outer rings and holes) as lines to snap to. Shares the input's arrays. */
export function ringsOf(geometry: AreaGeometry): Position[][] {
  return partsOf(geometry).flat();
}

/**
 * Indexes the segments of the given rings or lines (lon/lat), once. Positions without finite
 * coordinates are skipped. Copies the coordinates: later changes to the input do not reach the index.
 */
export function createSnapIndex(lines: readonly (readonly Position[])[]): SnapIndex {
  const usable = lines.map((line) => line.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])));
  // A one-position line becomes an empty segment, so that its vertex can be snapped to.
  const segmentsOf = (points: Position[]) => (points.length === 1 ? 1 : Math.max(0, points.length - 1));
  const segmentCount = usable.reduce((sum, points) => sum + segmentsOf(points), 0);
  const ends = new Float64Array(4 * segmentCount);
  const tree = segmentCount > 0 ? new Flatbush(segmentCount) : null;
  let o = 0;
  for (const points of usable) {
    for (let i = 0; i < segmentsOf(points); i++) {
      const a = points[i] as Position;
      const b = (points[i + 1] ?? a) as Position;
      const ax = a[0] as number;
      const ay = a[1] as number;
      const bx = b[0] as number;
      const by = b[1] as number;
      ends[o] = ax;
      ends[o + 1] = ay;
      ends[o + 2] = bx;
      ends[o + 3] = by;
      o += 4;
      tree?.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  }
  tree?.finish();
  return { segmentCount, tree, ends };
}

/**
 * Snaps a point (lon/lat) to the index: the nearest vertex within `toleranceMeters` if there is one,
 * else the nearest point on a segment within tolerance, else null. Distances use a local metric
 * approximation at the point (x scaled by cos(latitude), on the WGS84 ellipsoid), good to well under
 * a millimetre at snapping range. An edge point is interpolated linearly in lon/lat, so it lies on the
 * segment as drawn.
 */
export function snapToIndex(index: SnapIndex, point: Position, toleranceMeters: number): SnapResult | null {
  const tree = index.tree;
  const px = point[0] as number;
  const py = point[1] as number;
  if (tree === null || !(toleranceMeters >= 0) || !Number.isFinite(px) || !Number.isFinite(py)) return null;
  const scale = localMetresPerDegree(py);
  const dx = toleranceMeters / scale.x;
  const dy = toleranceMeters / scale.y;
  const ends = index.ends;
  let vertexDistance = Number.POSITIVE_INFINITY;
  let vertex = -1;
  let edgeDistance = Number.POSITIVE_INFINITY;
  let edge = -1;
  let edgeT = 0;
  tree.search(px - dx, py - dy, px + dx, py + dy, (s) => {
    const o = 4 * s;
    // Segment ends in metres relative to the query point.
    const ax = ((ends[o] as number) - px) * scale.x;
    const ay = ((ends[o + 1] as number) - py) * scale.y;
    const bx = ((ends[o + 2] as number) - px) * scale.x;
    const by = ((ends[o + 3] as number) - py) * scale.y;
    const da = Math.hypot(ax, ay);
    const db = Math.hypot(bx, by);
    if (da < vertexDistance) {
      vertexDistance = da;
      vertex = o;
    }
    if (db < vertexDistance) {
      vertexDistance = db;
      vertex = o + 2;
    }
    const ux = bx - ax;
    const uy = by - ay;
    const length = ux * ux + uy * uy;
    if (length > 0) {
      const t = Math.min(1, Math.max(0, -(ax * ux + ay * uy) / length));
      const distance = Math.hypot(ax + t * ux, ay + t * uy);
      if (distance < edgeDistance) {
        edgeDistance = distance;
        edge = o;
        edgeT = t;
      }
    }
    return false;
  });
  if (vertex >= 0 && vertexDistance <= toleranceMeters) {
    return {
      position: [ends[vertex] as number, ends[vertex + 1] as number],
      kind: "vertex",
      distanceM: vertexDistance,
    };
  }
  if (edge >= 0 && edgeDistance <= toleranceMeters) {
    const ax = ends[edge] as number;
    const ay = ends[edge + 1] as number;
    return {
      position: [
        ax + edgeT * ((ends[edge + 2] as number) - ax),
        ay + edgeT * ((ends[edge + 3] as number) - ay),
      ],
      kind: "edge",
      distanceM: edgeDistance,
    };
  }
  return null;
}

/**
 * A snap index as plain buffers, to hand from a worker to the page without copying (both buffers
 * are transferable) and without parsing any GeoJSON on the page.
 */
export interface SnapIndexBuffers {
  segmentCount: number;
  ends: Float64Array;
  /** Flatbush's own serialisation (`tree.data`), or null without segments. */
  tree: ArrayBuffer | null;
}

export function snapIndexBuffers(index: SnapIndex): SnapIndexBuffers {
  return {
    segmentCount: index.segmentCount,
    ends: index.ends,
    tree: (index.tree?.data as ArrayBuffer) ?? null,
  };
}

/** The index again from {@link snapIndexBuffers} (Flatbush reads its buffer as it is). */
export function snapIndexFromBuffers(buffers: SnapIndexBuffers): SnapIndex {
  return {
    segmentCount: buffers.segmentCount,
    ends: buffers.ends,
    tree: buffers.tree ? Flatbush.from(buffers.tree) : null,
  };
}
