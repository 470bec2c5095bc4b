/**
 * Simple polygons from clipper2-ts's polygon tree. Clipper's polygons never overlap, but one of its
 * rings can touch itself: pass through a vertex twice (two lobes that meet at a point, a hole hanging
 * on its outer ring at a vertex) or have a vertex on another of its own edges. GeoJSON rings, and our
 * validity check, must not touch themselves, so such a ring is cut at its contacts into simple loops,
 * and the loops are regrouped: a loop wound like an outer ring (counter-clockwise: the filled region on
 * its left) is an outer ring, any other a hole, each hole under the outer loop that holds it. All in
 * clipper's integers, with its exact predicates, so nothing is rounded.
 */
import type { Path64, Paths64, Point64, PolyPath64, PolyTree64 } from "clipper2-ts";
import { InternalClipper, PointInPolygonResult } from "clipper2-ts/dist/Core.js";
import Flatbush from "flatbush";

/** Twice the signed area of an integer path (counter-clockwise positive), relative to its first vertex. */
function twiceSignedArea(path: Path64): number {
  const first = path[0];
  if (first === undefined) return 0;
  let sum = 0;
  for (let i = 1; i + 1 < path.length; i++) {
    const a = path[i] as Point64;
    const b = path[i + 1] as Point64;
    sum += (a.x - first.x) * (b.y - first.y) - (b.x - first.x) * (a.y - first.y);
  }
  return sum;
}

/**
 * Whether p lies within `distance` units of segment a-b, beyond its ends' reach (not at an end).
 * With distance 0 the test is exact (clipper's own predicate).
 */
function nearInside(p: Point64, a: Point64, b: Point64, distance: number): boolean {
  if ((p.x === a.x && p.y === a.y) || (p.x === b.x && p.y === b.y)) return false;
  if (distance === 0) {
    if (p.x < Math.min(a.x, b.x) || p.x > Math.max(a.x, b.x)) return false;
    if (p.y < Math.min(a.y, b.y) || p.y > Math.max(a.y, b.y)) return false;
    return InternalClipper.crossProductSign(a, p, b) === 0;
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2;
  if (!(t > 0 && t < 1)) return false;
  const cross = (p.x - a.x) * dy - (p.y - a.y) * dx;
  return cross * cross <= distance * distance * length2;
}

/**
 * The paths with a vertex added to every edge that passes within `distance` units of a vertex (of
 * the same path only when `sameRingOnly`), other than the edge's own ends and neighbours: with
 * distance 0 where a vertex lies exactly on another edge, with distance 1 where clipper's rounding
 * left a vertex a fraction of a unit beside an edge it should touch (snap rounding).
 */
export function addVerticesOnEdges(paths: Paths64, distance: number, sameRingOnly: boolean): Paths64 {
  let count = 0;
  for (const path of paths) count += path.length;
  if (count === 0) return paths;
  const tree = new Flatbush(count);
  const ringOf = new Int32Array(count);
  const startOf = new Int32Array(count);
  paths.forEach((path, r) => {
    const n = path.length;
    for (let i = 0; i < n; i++) {
      const a = path[i] as Point64;
      const b = path[(i + 1) % n] as Point64;
      const id = tree.add(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
      ringOf[id] = r;
      startOf[id] = i;
    }
  });
  tree.finish();
  /** Per ring and edge: the vertices to add, with their squared distance from the edge's start. */
  const inserts = paths.map(() => new Map<number, { d: number; point: Point64 }[]>());
  paths.forEach((path, r) => {
    const n = path.length;
    for (let i = 0; i < n; i++) {
      const v = path[i] as Point64;
      for (const id of tree.search(v.x - distance, v.y - distance, v.x + distance, v.y + distance)) {
        const ring = ringOf[id] as number;
        const edge = startOf[id] as number;
        if (sameRingOnly && ring !== r) continue;
        if (ring === r && (edge === i || edge === (i - 1 + n) % n)) continue;
        const other = paths[ring] as Path64;
        const a = other[edge] as Point64;
        if (!nearInside(v, a, other[(edge + 1) % other.length] as Point64, distance)) continue;
        const list = (inserts[ring] as Map<number, { d: number; point: Point64 }[]>).get(edge) ?? [];
        list.push({ d: (v.x - a.x) ** 2 + (v.y - a.y) ** 2, point: v });
        (inserts[ring] as Map<number, { d: number; point: Point64 }[]>).set(edge, list);
      }
    }
  });
  return paths.map((path, r) => {
    const edges = inserts[r] as Map<number, { d: number; point: Point64 }[]>;
    if (edges.size === 0) return path;
    const out: Path64 = [];
    path.forEach((point, i) => {
      out.push(point);
      for (const extra of (edges.get(i) ?? []).sort((p, q) => p.d - q.d)) out.push(extra.point);
    });
    return out;
  });
}

/** A ring cut into loops wherever it passes through a vertex again. */
function loopsOf(path: Path64): Path64[] {
  const loops: Path64[] = [];
  const stack: Path64 = [];
  const seen = new Map<string, number>();
  for (const p of addVerticesOnEdges([path], 0, true)[0] as Path64) {
    const key = `${p.x},${p.y}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, stack.length);
      stack.push(p);
      continue;
    }
    // The stretch since the first visit closes a loop; the ring goes on from that vertex.
    const loop = [stack[at] as Point64, ...stack.splice(at + 1)];
    for (const q of loop.slice(1)) seen.delete(`${q.x},${q.y}`);
    loops.push(loop);
  }
  loops.push(stack);
  return loops.filter((loop) => loop.length >= 3 && twiceSignedArea(loop) !== 0);
}

/** Whether a simple ring holds a hole ring that may touch it at vertices but not cross it. */
function holds(outer: Path64, hole: Path64): boolean {
  for (const p of hole) {
    const where = InternalClipper.pointInPolygon(p, outer);
    if (where !== PointInPolygonResult.IsOn) return where === PointInPolygonResult.IsInside;
  }
  return false;
}

/** Adds the simple polygons of a tree node (an outer ring with its holes) and of islands in its holes. */
function collect(node: PolyPath64, out: Path64[][]): void {
  const outers: Path64[] = [];
  const holes: Path64[] = [];
  const sort = (loop: Path64) => (twiceSignedArea(loop) > 0 ? outers : holes).push(loop);
  if (node.poly !== null && node.poly.length >= 3) loopsOf(node.poly).forEach(sort);
  for (let i = 0; i < node.count; i++) {
    const hole = node.child(i);
    if (hole.poly !== null && hole.poly.length >= 3) loopsOf(hole.poly).forEach(sort);
    for (let k = 0; k < hole.count; k++) collect(hole.child(k), out);
  }
  const polygons = outers.map((outer) => ({ outer, area: twiceSignedArea(outer), holes: [] as Path64[] }));
  for (const hole of holes) {
    // The smallest outer loop that holds it (loops never overlap, so only one can, unless nested).
    let best: (typeof polygons)[number] | undefined;
    for (const polygon of polygons) {
      if ((best === undefined || polygon.area < best.area) && holds(polygon.outer, hole)) best = polygon;
    }
    best?.holes.push(hole);
  }
  for (const polygon of polygons) out.push([polygon.outer, ...polygon.holes]);
}

/**
 * The polygons of clipper's tree as simple integer rings, each [outer, ...holes]: outer rings
 * counter-clockwise, holes clockwise, no ring touching itself (rings may still touch each other).
 */
export function simplePolygonsOfTree(tree: PolyTree64): Path64[][] {
  const out: Path64[][] = [];
  for (let i = 0; i < tree.count; i++) collect(tree.child(i), out);
  return out;
}
