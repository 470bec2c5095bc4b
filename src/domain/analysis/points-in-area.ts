/**
 * Which points of a bucketed layer lie inside an area, or within a distance of it.
 *
 * First the buckets under the area's box are classified: a bucket that some edge of the area passes
 * through (or comes within 1e-9° of) is a border bucket; every other bucket lies wholly on one side,
 * which one point-in-polygon test of its centre decides. Then inside buckets are taken whole and only
 * the points of border buckets are tested one by one.
 */

import type { LonLatBox } from "../geometry/clip-frame.ts";
import { localMetresPerDegree } from "../geometry/measure-planar-ring.ts";
import type { PreparedArea } from "./prepare-area.ts";
import type { PreparedPointLayer } from "./prepare-point-layer.ts";
import { containsPoint, distanceToEdgesM, type RingIndex } from "./ring-index.ts";

/** Bucket states. */
const UNKNOWN = 0;
const INSIDE = 1;
const OUTSIDE = 2;
const BORDER = 3;

/** Margin in degrees by which edges are widened when marking border buckets (about 0.1 mm). */
const MARGIN = 1e-9;

/** The buckets under a box, each marked inside, outside or border for one area. */
export interface BucketClassification {
  /** First and last column and row covered (inclusive); empty when firstColumn > lastColumn. */
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** State per bucket of the range, row by row: 1 inside, 2 outside, 3 border. */
  readonly state: Uint8Array;
}

function columnOf(layer: PreparedPointLayer, lon: number): number {
  return Math.min(layer.columns - 1, Math.max(0, Math.floor((lon - layer.west) / layer.bucketWidth)));
}

function rowOf(layer: PreparedPointLayer, lat: number): number {
  return Math.min(layer.rows - 1, Math.max(0, Math.floor((lat - layer.south) / layer.bucketHeight)));
}

const EMPTY: BucketClassification = {
  firstColumn: 0,
  lastColumn: -1,
  firstRow: 0,
  lastRow: -1,
  state: new Uint8Array(0),
};

/** Classifies the layer's buckets under `box` against the area's edges. */
export function classifyBuckets(
  layer: PreparedPointLayer,
  rings: RingIndex,
  box: LonLatBox,
): BucketClassification {
  if (layer.count === 0 || rings.edgeCount === 0) return EMPTY;
  const east = layer.west + layer.columns * layer.bucketWidth;
  const north = layer.south + layer.rows * layer.bucketHeight;
  if (box[2] < layer.west || box[0] > east || box[3] < layer.south || box[1] > north) return EMPTY;
  const firstColumn = columnOf(layer, box[0]);
  const lastColumn = columnOf(layer, box[2]);
  const firstRow = rowOf(layer, box[1]);
  const lastRow = rowOf(layer, box[3]);
  const width = lastColumn - firstColumn + 1;
  const state = new Uint8Array(width * (lastRow - firstRow + 1));
  const edges = rings.edges;
  for (let e = 0; e < rings.edgeCount; e++) {
    const ax = edges[4 * e] as number;
    const ay = edges[4 * e + 1] as number;
    const bx = edges[4 * e + 2] as number;
    const by = edges[4 * e + 3] as number;
    const c0 = Math.max(firstColumn, columnOf(layer, Math.min(ax, bx) - MARGIN));
    const c1 = Math.min(lastColumn, columnOf(layer, Math.max(ax, bx) + MARGIN));
    for (let c = c0; c <= c1; c++) {
      // The stretch of the edge over this column, as a latitude range.
      let y0: number;
      let y1: number;
      if (ax === bx) {
        y0 = ay;
        y1 = by;
      } else {
        const left = Math.max(Math.min(ax, bx), layer.west + c * layer.bucketWidth);
        const right = Math.min(Math.max(ax, bx), layer.west + (c + 1) * layer.bucketWidth);
        const ya = ay + ((left - ax) * (by - ay)) / (bx - ax);
        const yb = ay + ((right - ax) * (by - ay)) / (bx - ax);
        y0 = Math.min(ya, yb);
        y1 = Math.max(ya, yb);
      }
      const r0 = Math.max(firstRow, rowOf(layer, y0 - MARGIN));
      const r1 = Math.min(lastRow, rowOf(layer, y1 + MARGIN));
      for (let r = r0; r <= r1; r++) state[(r - firstRow) * width + (c - firstColumn)] = BORDER;
    }
  }
  for (let r = firstRow; r <= lastRow; r++) {
    for (let c = firstColumn; c <= lastColumn; c++) {
      const k = (r - firstRow) * width + (c - firstColumn);
      if (state[k] !== UNKNOWN) continue;
      const lon = layer.west + (c + 0.5) * layer.bucketWidth;
      const lat = layer.south + (r + 0.5) * layer.bucketHeight;
      state[k] = containsPoint(rings, lon, lat) ? INSIDE : OUTSIDE;
    }
  }
  return { firstColumn, lastColumn, firstRow, lastRow, state };
}

/**
 * Calls `visit` with the slot of every point inside the area (see `PreparedPointLayer`), bucket by
 * bucket. Returns the number of points visited.
 */
export function visitPointsInArea(
  layer: PreparedPointLayer,
  area: PreparedArea,
  visit: (slot: number) => void,
): number {
  if (area.box === null) return 0;
  const classes = classifyBuckets(layer, area.rings, area.box);
  const width = classes.lastColumn - classes.firstColumn + 1;
  let count = 0;
  for (let r = classes.firstRow; r <= classes.lastRow; r++) {
    for (let c = classes.firstColumn; c <= classes.lastColumn; c++) {
      const state = classes.state[(r - classes.firstRow) * width + (c - classes.firstColumn)];
      if (state === OUTSIDE) continue;
      const bucket = r * layer.columns + c;
      const end = layer.bucketStart[bucket + 1] as number;
      for (let slot = layer.bucketStart[bucket] as number; slot < end; slot++) {
        if (
          state === INSIDE ||
          containsPoint(area.rings, layer.lons[slot] as number, layer.lats[slot] as number)
        ) {
          visit(slot);
          count++;
        }
      }
    }
  }
  return count;
}

/** Number of points inside the area; whole inside buckets are counted without touching their points. */
export function countPointsInArea(layer: PreparedPointLayer, area: PreparedArea): number {
  if (area.box === null) return 0;
  const classes = classifyBuckets(layer, area.rings, area.box);
  const width = classes.lastColumn - classes.firstColumn + 1;
  let count = 0;
  for (let r = classes.firstRow; r <= classes.lastRow; r++) {
    for (let c = classes.firstColumn; c <= classes.lastColumn; c++) {
      const state = classes.state[(r - classes.firstRow) * width + (c - classes.firstColumn)];
      if (state === OUTSIDE) continue;
      const bucket = r * layer.columns + c;
      const start = layer.bucketStart[bucket] as number;
      const end = layer.bucketStart[bucket + 1] as number;
      if (state === INSIDE) {
        count += end - start;
        continue;
      }
      for (let slot = start; slot < end; slot++) {
        if (containsPoint(area.rings, layer.lons[slot] as number, layer.lats[slot] as number)) count++;
      }
    }
  }
  return count;
}

/**
 * Number of points inside the area and the sum of a weight per slot over them. `bucketSums` (the
 * weights summed per bucket) lets inside buckets be added without touching their points.
 */
export function sumWeightsInArea(
  layer: PreparedPointLayer,
  area: PreparedArea,
  weightOfSlot: Float64Array,
  bucketSums: Float64Array,
): { count: number; sum: number } {
  if (area.box === null) return { count: 0, sum: 0 };
  const classes = classifyBuckets(layer, area.rings, area.box);
  const width = classes.lastColumn - classes.firstColumn + 1;
  let count = 0;
  let sum = 0;
  for (let r = classes.firstRow; r <= classes.lastRow; r++) {
    for (let c = classes.firstColumn; c <= classes.lastColumn; c++) {
      const state = classes.state[(r - classes.firstRow) * width + (c - classes.firstColumn)];
      if (state === OUTSIDE) continue;
      const bucket = r * layer.columns + c;
      const start = layer.bucketStart[bucket] as number;
      const end = layer.bucketStart[bucket + 1] as number;
      if (state === INSIDE) {
        count += end - start;
        sum += bucketSums[bucket] as number;
        continue;
      }
      for (let slot = start; slot < end; slot++) {
        if (containsPoint(area.rings, layer.lons[slot] as number, layer.lats[slot] as number)) {
          count++;
          sum += weightOfSlot[slot] as number;
        }
      }
    }
  }
  return { count, sum };
}

/**
 * Calls `visit(slot, distanceM)` for every point within `distanceM` metres of the area, points inside
 * included (distance 0). Distances use the local metric at each point (see `distanceToEdgesM`).
 */
export function visitPointsNearArea(
  layer: PreparedPointLayer,
  area: PreparedArea,
  distanceM: number,
  visit: (slot: number, distanceM: number) => void,
): void {
  const box = area.box;
  if (box === null || !(distanceM >= 0)) return;
  // Degrees of reach at the box's latitude farthest from the equator, where a degree of longitude is shortest.
  const metres = localMetresPerDegree(Math.max(Math.abs(box[1]), Math.abs(box[3])));
  const reachLon = distanceM / metres.x;
  const reachLat = distanceM / metres.y;
  const wide: LonLatBox = [box[0] - reachLon, box[1] - reachLat, box[2] + reachLon, box[3] + reachLat];
  const classes = classifyBuckets(layer, area.rings, wide);
  const width = classes.lastColumn - classes.firstColumn + 1;
  for (let r = classes.firstRow; r <= classes.lastRow; r++) {
    for (let c = classes.firstColumn; c <= classes.lastColumn; c++) {
      const state = classes.state[(r - classes.firstRow) * width + (c - classes.firstColumn)];
      const bucket = r * layer.columns + c;
      const end = layer.bucketStart[bucket + 1] as number;
      for (let slot = layer.bucketStart[bucket] as number; slot < end; slot++) {
        const lon = layer.lons[slot] as number;
        const lat = layer.lats[slot] as number;
        if (state === INSIDE || (state === BORDER && containsPoint(area.rings, lon, lat))) {
          visit(slot, 0);
          continue;
        }
        const distance = distanceToEdgesM(area.rings, lon, lat, distanceM);
        if (distance <= distanceM) visit(slot, distance);
      }
    }
  }
}
