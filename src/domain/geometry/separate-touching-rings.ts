/**
 * Moves rings that touch another ring at a point a hair apart. OGC allows such contacts; our validity
 * check (`validate-area-geometry.ts`) does not: it is deliberately as strict as Turf's `boolean-valid`
 * and `kinks`, which the property tests use as their yardstick. Clipping
 * produces them (clipper2-ts returns a bow-tie as two triangles that meet at the old crossing; two
 * districts can meet at a corner), so every clipping result passes through here (`clip-areas.ts`),
 * and each ring that touches another moves a hair away from the contact, into its own interior.
 *
 * The touching vertex moves along the bisector of its corner rather than being cut off along its
 * edges: cutting would leave the two lobes of a split bow-tie on one straight line with a tiny gap,
 * on which floating-point checks such as `@turf/kinks` report phantom crossings.
 */
import Flatbush from "flatbush";
import type { AreaGeometry } from "../model/plan.ts";
import { geometryFromParts, partsOf } from "./area-geometry-parts.ts";
import { measurePlanarRing } from "./measure-planar-ring.ts";
import { cross, project, segmentsMeet } from "./segment-primitives.ts";

/** How far a touching vertex moves, in degrees: 1e-8° is about 1 mm in Dortmund. */
export const TOUCH_GAP_DEGREES = 1e-8;
/** A vertex closer to another ring than this (degrees, about 10 µm) touches it. */
const TOUCH_TOLERANCE_DEGREES = 1e-10;
/** Rounds of moving vertices: a move can depend on a neighbouring vertex having moved first. */
const PASSES = 3;

interface Ring {
  /** Working copy of the open ring (no closing position); vertices are replaced as they move. */
  points: number[][];
  /** Whether the vertex at each index touches another ring. */
  touches: boolean[];
  /** Whether the vertex was added where another ring touches this one mid-edge. */
  inserted: boolean[];
  /** +1 when the ring runs counter-clockwise, -1 clockwise: the side its enclosed region lies on. */
  side: number;
}

/** Box index over the segments of open rings; segment k of a ring runs from vertex k to k + 1. */
interface SegmentTable {
  tree: Flatbush | null;
  ring: Int32Array;
  start: Int32Array;
}

function indexSegments(rings: Ring[], margin: number): SegmentTable {
  const count = rings.reduce((sum, ring) => sum + ring.points.length, 0);
  const table: SegmentTable = {
    tree: count > 0 ? new Flatbush(count) : null,
    ring: new Int32Array(count),
    start: new Int32Array(count),
  };
  let id = 0;
  rings.forEach((ring, r) => {
    const n = ring.points.length;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = ring.points[i] as [number, number];
      const [bx, by] = ring.points[(i + 1) % n] as [number, number];
      table.tree?.add(
        Math.min(ax, bx) - margin,
        Math.min(ay, by) - margin,
        Math.max(ax, bx) + margin,
        Math.max(ay, by) + margin,
      );
      table.ring[id] = r;
      table.start[id] = i;
      id++;
    }
  });
  table.tree?.finish();
  return table;
}

function samePoint(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function segmentEnds(rings: Ring[], r: number, start: number): [number[], number[]] {
  const points = (rings[r] as Ring).points;
  return [points[start] as number[], points[(start + 1) % points.length] as number[]];
}

/**
 * Marks vertices that lie on another ring. Where one touches another ring in the middle of an edge,
 * that ring gets a vertex there too, so that either ring can move away.
 */
function markTouches(rings: Ring[]): void {
  const table = indexSegments(rings, TOUCH_TOLERANCE_DEGREES);
  const tree = table.tree;
  if (tree === null) return;
  const inserts = rings.map(() => new Map<number, { t: number; point: number[] }[]>());
  const limit = TOUCH_TOLERANCE_DEGREES * TOUCH_TOLERANCE_DEGREES;
  rings.forEach((ring, r) => {
    ring.points.forEach((v, i) => {
      const [x, y] = v as [number, number];
      for (const id of tree.search(x, y, x, y)) {
        const other = table.ring[id] as number;
        if (other === r) continue;
        const start = table.start[id] as number;
        const [a, b] = segmentEnds(rings, other, start);
        const { t, squared } = project(v, a, b);
        if (squared > limit) continue;
        ring.touches[i] = true;
        if (project(a, v, v).squared > limit && project(b, v, v).squared > limit) {
          const edge = inserts[other] as Map<number, { t: number; point: number[] }[]>;
          edge.set(start, [...(edge.get(start) ?? []), { t, point: [x, y] }]);
        }
      }
    });
  });
  rings.forEach((ring, r) => {
    const edges = inserts[r] as Map<number, { t: number; point: number[] }[]>;
    if (edges.size === 0) return;
    const points: number[][] = [];
    const touches: boolean[] = [];
    const inserted: boolean[] = [];
    ring.points.forEach((point, i) => {
      points.push(point);
      touches.push(ring.touches[i] === true);
      inserted.push(false);
      for (const extra of (edges.get(i) ?? []).sort((a, b) => a.t - b.t)) {
        points.push(extra.point);
        touches.push(true);
        inserted.push(true);
      }
    });
    ring.points = points;
    ring.touches = touches;
    ring.inserted = inserted;
  });
}

/** Whether vertex i of ring r (as it is now) lies on another ring (as it is now). */
function stillTouches(rings: Ring[], table: SegmentTable, r: number, i: number): boolean {
  const v = (rings[r] as Ring).points[i] as [number, number];
  const limit = TOUCH_TOLERANCE_DEGREES * TOUCH_TOLERANCE_DEGREES;
  return (table.tree?.search(v[0], v[1], v[0], v[1]) ?? []).some((id) => {
    if (table.ring[id] === r) return false;
    const [a, b] = segmentEnds(rings, table.ring[id] as number, table.start[id] as number);
    return project(v, a, b).squared <= limit;
  });
}

/**
 * Where vertex i goes: a short step along the bisector of its corner, into the ring's own region.
 * Null at a degenerate corner (an edge of zero length), which stays where it is.
 */
function movedVertex(ring: Ring, i: number): number[] | null {
  const n = ring.points.length;
  const v = ring.points[i] as [number, number];
  const previous = ring.points[(i - 1 + n) % n] as [number, number];
  const next = ring.points[(i + 1) % n] as [number, number];
  const toPrevious = [previous[0] - v[0], previous[1] - v[1]] as [number, number];
  const toNext = [next[0] - v[0], next[1] - v[1]] as [number, number];
  const gap = Math.min(TOUCH_GAP_DEGREES, Math.hypot(...toPrevious) / 4, Math.hypot(...toNext) / 4);
  if (!(gap > 0)) return null;
  // The enclosed region is the counter-clockwise sweep from `from` to `to`.
  const [from, to] = ring.side > 0 ? [toNext, toPrevious] : [toPrevious, toNext];
  let angle = Math.atan2(cross(from[0], from[1], to[0], to[1]), from[0] * to[0] + from[1] * to[1]);
  if (angle <= 0) angle += 2 * Math.PI;
  const half = angle / 2;
  const length = Math.hypot(...from);
  const x = (from[0] * Math.cos(half) - from[1] * Math.sin(half)) / length;
  const y = (from[0] * Math.sin(half) + from[1] * Math.cos(half)) / length;
  return [v[0] + x * gap, v[1] + y * gap];
}

/**
 * Whether the two edges at vertex i, with the vertex at `moved`, stay clear of every other ring and
 * of the ring's own edges that do not share a vertex with them.
 */
function isClear(rings: Ring[], table: SegmentTable, r: number, i: number, moved: number[]): boolean {
  const tree = table.tree;
  if (tree === null) return true;
  const points = (rings[r] as Ring).points;
  const n = points.length;
  const neighbours = new Set([(i - 2 + n) % n, (i - 1 + n) % n, i, (i + 1) % n]);
  const previous = points[(i - 1 + n) % n] as number[];
  const next = points[(i + 1) % n] as number[];
  // Each new edge runs from a vertex that stays (`fixed`) to the moved one.
  for (const [fixed, end] of [
    [previous, moved],
    [next, moved],
  ] as [number[], number[]][]) {
    const [ax, ay] = fixed as [number, number];
    const [bx, by] = end as [number, number];
    const hits = tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    for (const id of hits) {
      const other = table.ring[id] as number;
      const start = table.start[id] as number;
      if (other === r && neighbours.has(start)) continue;
      const [c, d] = segmentEnds(rings, other, start);
      if (!segmentsMeet(fixed, end, c, d)) continue;
      // Meeting a ring only at the fixed vertex, which is one of that ring's vertices, is an old
      // contact (that vertex moves in its own turn), not one this move makes.
      const atFixed = samePoint(fixed, c) || samePoint(fixed, d);
      const [cx, cy] = c as [number, number];
      const [dx, dy] = d as [number, number];
      if (!atFixed || cross(dx - cx, dy - cy, bx - cx, by - cy) === 0) return false;
    }
  }
  return true;
}

/**
 * Moves every vertex that touches another ring (a shared vertex, or a vertex on another ring's edge)
 * about {@link TOUCH_GAP_DEGREES} away from the contact, into its own ring's region: an outer ring
 * gives up a speck of area, a hole shrinks by one. A vertex only moves where its edges stay clear of
 * everything else; of an outer ring and a hole that touch, the hole moves. Returns how many vertices
 * moved. Never changes the input.
 */
export function separateTouchingRings(geometry: AreaGeometry): { geometry: AreaGeometry; separated: number } {
  const shape = partsOf(geometry).map((rings) => rings.length);
  const rings: Ring[] = partsOf(geometry).flatMap((part) =>
    part.map((ring) => ({
      points: ring.slice(0, -1) as number[][],
      touches: ring.slice(0, -1).map(() => false),
      inserted: ring.slice(0, -1).map(() => false),
      side: Math.sign(measurePlanarRing(ring).signedAreaM2) || 1,
    })),
  );
  markTouches(rings);
  if (!rings.some((ring) => ring.touches.includes(true))) return { geometry, separated: 0 };
  // Moves stay within the gap, so boxes widened by twice the gap still find every segment.
  const table = indexSegments(rings, 2 * TOUCH_GAP_DEGREES);
  let separated = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    let progress = false;
    rings.forEach((ring, r) => {
      ring.touches.forEach((touching, i) => {
        if (!touching) return;
        if (!stillTouches(rings, table, r, i)) {
          ring.touches[i] = false;
          return;
        }
        const moved = movedVertex(ring, i);
        if (moved === null || !Number.isFinite(moved[0]) || !Number.isFinite(moved[1])) return;
        if (!isClear(rings, table, r, i, moved)) return;
        ring.points[i] = moved;
        ring.touches[i] = false;
        ring.inserted[i] = false;
        separated++;
        progress = true;
      });
    });
    if (!progress) break;
  }
  // A vertex added mid-edge that did not move lies on the original edge: leave it out again.
  const closed = rings.map((ring) => {
    const points = ring.points.filter((_, i) => ring.inserted[i] !== true).map((p) => p.slice());
    return [...points, (points[0] as number[]).slice()];
  });
  let next = 0;
  const parts = shape.map((count) => {
    const part = closed.slice(next, next + count);
    next += count;
    return part;
  });
  return { geometry: geometryFromParts(parts) as AreaGeometry, separated };
}
