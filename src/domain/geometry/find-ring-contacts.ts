/**
 * Finding where rings meet, with a box index over their edges: O(n log n) rather than the O(n²) of
 * `@turf/kinks` and `@turf/boolean-valid`, so that operations can check their own output cheaply.
 */
import Flatbush from "flatbush";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf } from "./area-geometry-parts.ts";
import { project, segmentsMeet } from "./segment-primitives.ts";

/**
 * Edges closer than this (degrees, about 1 µm) count as meeting: Turf's checks compute in plain
 * floating point and see contacts where the exact orientation tests see a gap of 1e-15°.
 */
export const CONTACT_TOLERANCE_DEGREES = 1e-11;

/** Whether two segments meet or come within {@link CONTACT_TOLERANCE_DEGREES} of each other. */
function segmentsNear(a: Position, b: Position, c: Position, d: Position): boolean {
  if (segmentsMeet(a, b, c, d)) return true;
  const limit = CONTACT_TOLERANCE_DEGREES * CONTACT_TOLERANCE_DEGREES;
  return (
    project(a, c, d).squared <= limit ||
    project(b, c, d).squared <= limit ||
    project(c, a, b).squared <= limit ||
    project(d, a, b).squared <= limit
  );
}

interface EdgeIndex {
  tree: Flatbush | null;
  /** For each edge: its ring, its index in the ring, its ends. */
  ring: Int32Array;
  position: Int32Array;
  starts: Position[];
  ends: Position[];
  /** Number of edges of each ring. */
  edgesPerRing: number[];
}

function indexEdges(geometry: AreaGeometry): EdgeIndex {
  const rings = partsOf(geometry).flat();
  const edgesPerRing = rings.map((ring) => Math.max(0, ring.length - 1));
  const count = edgesPerRing.reduce((sum, edges) => sum + edges, 0);
  const index: EdgeIndex = {
    tree: count > 0 ? new Flatbush(count) : null,
    ring: new Int32Array(count),
    position: new Int32Array(count),
    starts: [],
    ends: [],
    edgesPerRing,
  };
  let id = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const [ax, ay, bx, by] = [a[0], a[1], b[0], b[1]] as [number, number, number, number];
      index.tree?.add(
        Math.min(ax, bx) - CONTACT_TOLERANCE_DEGREES,
        Math.min(ay, by) - CONTACT_TOLERANCE_DEGREES,
        Math.max(ax, bx) + CONTACT_TOLERANCE_DEGREES,
        Math.max(ay, by) + CONTACT_TOLERANCE_DEGREES,
      );
      index.ring[id] = r;
      index.position[id] = i;
      index.starts.push(a);
      index.ends.push(b);
      id++;
    }
  });
  index.tree?.finish();
  return index;
}

/** Edge indexes of geometries used again and again, such as the city boundary; dropped with them. */
const cachedIndexes = new WeakMap<AreaGeometry, EdgeIndex>();

function cachedIndex(geometry: AreaGeometry): EdgeIndex {
  let index = cachedIndexes.get(geometry);
  if (index === undefined) {
    index = indexEdges(geometry);
    cachedIndexes.set(geometry, index);
  }
  return index;
}

function searchBox(a: Position, b: Position): [number, number, number, number] {
  const [ax, ay, bx, by] = [a[0], a[1], b[0], b[1]] as [number, number, number, number];
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}

/**
 * Whether two edges, given by their end coordinates, meet or come within
 * {@link CONTACT_TOLERANCE_DEGREES}: the same answer as {@link segmentsNear}, without allocating.
 * Most candidate pairs from the index are far apart on a line across their boxes; the orientation
 * values already rule those out (a point's distance to a segment is at least its distance to the
 * segment's line, |cross| / length). Only pairs within twice the tolerance of a line, or crossing,
 * take the exact path.
 */
function edgesNear(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const abx = bx - ax;
  const aby = by - ay;
  const cdx = dx - cx;
  const cdy = dy - cy;
  const d1 = abx * (cy - ay) - aby * (cx - ax);
  const d2 = abx * (dy - ay) - aby * (dx - ax);
  const d3 = cdx * (ay - cy) - cdy * (ax - cx);
  const d4 = cdx * (by - cy) - cdy * (bx - cx);
  const crossing = ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  if (crossing) return true;
  const margin = 2 * CONTACT_TOLERANCE_DEGREES;
  const abLength = Math.sqrt(abx * abx + aby * aby);
  const cdLength = Math.sqrt(cdx * cdx + cdy * cdy);
  if (
    Math.abs(d1) > margin * abLength &&
    Math.abs(d2) > margin * abLength &&
    Math.abs(d3) > margin * cdLength &&
    Math.abs(d4) > margin * cdLength
  ) {
    return false;
  }
  return segmentsNear([ax, ay], [bx, by], [cx, cy], [dx, dy]);
}

/**
 * Whether any two edges of an area's rings meet or nearly meet, other than consecutive edges of one
 * ring at their shared vertex: a ring that crosses or touches itself, or two rings that cross, touch
 * or share an edge. This is what `@turf/kinks` and `@turf/boolean-valid` object to.
 *
 * The edges go into a Flatbush box index (O(n log n)); every edge then asks it for the edges whose
 * boxes overlap its own. Coordinates sit in typed arrays and the search filter is one function for all
 * queries, so a query allocates nothing but Flatbush's own result array: with the exact test above this
 * matters, as an import checks every one of up to millions of edges.
 */
export function hasRingContacts(geometry: AreaGeometry): boolean {
  return findRingContact(geometry) !== null;
}

/**
 * Where two edges of an area's rings meet or nearly meet (see {@link hasRingContacts}): the point
 * where they cross, or else an end of one edge that lies on or near the other; null when none do.
 * Used to name the place in a message, as the data step does.
 */
export function findRingContact(geometry: AreaGeometry): Position | null {
  const rings = partsOf(geometry).flat();
  let count = 0;
  for (const ring of rings) count += Math.max(0, ring.length - 1);
  if (count < 2) return null;
  const x1 = new Float64Array(count);
  const y1 = new Float64Array(count);
  const x2 = new Float64Array(count);
  const y2 = new Float64Array(count);
  /** Ring of each edge, its position in the ring and the ring's number of edges. */
  const ringOf = new Int32Array(count);
  const positionOf = new Int32Array(count);
  const edgesOfRing = new Int32Array(count);
  const tree = new Flatbush(count);
  let id = 0;
  rings.forEach((ring, r) => {
    const edges = ring.length - 1;
    for (let i = 0; i < edges; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const ax = a[0] as number;
      const ay = a[1] as number;
      const bx = b[0] as number;
      const by = b[1] as number;
      x1[id] = ax;
      y1[id] = ay;
      x2[id] = bx;
      y2[id] = by;
      ringOf[id] = r;
      positionOf[id] = i;
      edgesOfRing[id] = edges;
      tree.add(
        Math.min(ax, bx) - CONTACT_TOLERANCE_DEGREES,
        Math.min(ay, by) - CONTACT_TOLERANCE_DEGREES,
        Math.max(ax, bx) + CONTACT_TOLERANCE_DEGREES,
        Math.max(ay, by) + CONTACT_TOLERANCE_DEGREES,
      );
      id++;
    }
  });
  tree.finish();
  let s = 0;
  let found = false;
  let other = -1;
  const meets = (t: number): boolean => {
    if (found || t <= s) return false;
    if (ringOf[t] === ringOf[s]) {
      const gap = (positionOf[t] as number) - (positionOf[s] as number);
      // Consecutive edges, including the last and the first of a closed ring, share a vertex.
      if (gap === 1 || gap === (edgesOfRing[s] as number) - 1) return false;
    }
    if (
      edgesNear(
        x1[s] as number,
        y1[s] as number,
        x2[s] as number,
        y2[s] as number,
        x1[t] as number,
        y1[t] as number,
        x2[t] as number,
        y2[t] as number,
      )
    ) {
      found = true;
      other = t;
    }
    return false;
  };
  for (s = 0; s < count; s++) {
    const ax = x1[s] as number;
    const ay = y1[s] as number;
    const bx = x2[s] as number;
    const by = y2[s] as number;
    tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), meets);
    if (found) {
      const edge = (k: number): [Position, Position] => [
        [x1[k] as number, y1[k] as number],
        [x2[k] as number, y2[k] as number],
      ];
      return contactPoint(...edge(s), ...edge(other));
    }
  }
  return null;
}

/** The crossing of two segments that cross, else the end of one nearest to the other. */
function contactPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  const [dx, dy] = d as [number, number];
  const denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (denominator !== 0) {
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator;
    const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator;
    if (t > 0 && t < 1 && u > 0 && u < 1) return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  const candidates: [Position, number][] = [
    [a, project(a, c, d).squared],
    [b, project(b, c, d).squared],
    [c, project(c, a, b).squared],
    [d, project(d, a, b).squared],
  ];
  candidates.sort((p, q) => p[1] - q[1]);
  return (candidates[0] as [Position, number])[0];
}

/**
 * Whether any edge of `geometry` meets or nearly meets an edge of `other`. The edge index of `other`
 * is kept for as long as that object lives, so pass the same boundary object on every call.
 */
export function ringsMeet(geometry: AreaGeometry, other: AreaGeometry): boolean {
  const tree = cachedIndex(other).tree;
  if (tree === null) return false;
  const index = cachedIndex(other);
  for (const ring of partsOf(geometry).flat()) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const found = tree.search(...searchBox(a, b), (t) =>
        segmentsNear(a, b, index.starts[t] as Position, index.ends[t] as Position),
      );
      if (found.length > 0) return true;
    }
  }
  return false;
}
