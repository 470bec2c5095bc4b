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
 * Whether any two edges of an area's rings meet or nearly meet, other than consecutive edges of one
 * ring at their shared vertex: a ring that crosses or touches itself, or two rings that cross, touch
 * or share an edge. This is what `@turf/kinks` and `@turf/boolean-valid` object to.
 */
export function hasRingContacts(geometry: AreaGeometry): boolean {
  const index = indexEdges(geometry);
  const tree = index.tree;
  if (tree === null) return false;
  for (let s = 0; s < index.starts.length; s++) {
    const a = index.starts[s] as Position;
    const b = index.ends[s] as Position;
    const edges = index.edgesPerRing[index.ring[s] as number] as number;
    const found = tree.search(...searchBox(a, b), (t) => {
      if (t <= s) return false;
      if (index.ring[t] === index.ring[s]) {
        const gap = (index.position[t] as number) - (index.position[s] as number);
        // Consecutive edges, including the last and the first of a closed ring, share a vertex.
        if (gap === 1 || gap === edges - 1) return false;
      }
      return segmentsNear(a, b, index.starts[t] as Position, index.ends[t] as Position);
    });
    if (found.length > 0) return true;
  }
  return false;
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
