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

/**
 * Whether any two edges of an area's rings meet or nearly meet, other than consecutive edges of one
 * ring at their shared vertex: a ring that crosses or touches itself, or two rings that cross, touch or share an
 * edge. This is what `@turf/kinks` and `@turf/boolean-valid` object to, found with a box index in
 * O(n log n) rather than their O(n²), so that operations can check their own output cheaply.
 */
export function hasRingContacts(geometry: AreaGeometry): boolean {
  const rings = partsOf(geometry).flat();
  const count = rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
  if (count === 0) return false;
  const tree = new Flatbush(count);
  const ringOf = new Int32Array(count);
  const indexInRing = new Int32Array(count);
  const starts: Position[] = [];
  const ends: Position[] = [];
  let id = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const [ax, ay, bx, by] = [a[0], a[1], b[0], b[1]] as [number, number, number, number];
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      ringOf[id] = r;
      indexInRing[id] = i;
      starts.push(a);
      ends.push(b);
      id++;
    }
  });
  tree.finish();
  for (let s = 0; s < count; s++) {
    const a = starts[s] as [number, number];
    const b = ends[s] as [number, number];
    const edges = (rings[ringOf[s] as number] as Position[]).length - 1;
    const found = tree.search(
      Math.min(a[0], b[0]) - CONTACT_TOLERANCE_DEGREES,
      Math.min(a[1], b[1]) - CONTACT_TOLERANCE_DEGREES,
      Math.max(a[0], b[0]) + CONTACT_TOLERANCE_DEGREES,
      Math.max(a[1], b[1]) + CONTACT_TOLERANCE_DEGREES,
      (t) => {
        if (t <= s) return false;
        if (ringOf[t] === ringOf[s]) {
          const gap = (indexInRing[t] as number) - (indexInRing[s] as number);
          // Consecutive edges, including the last and the first of a closed ring, share a vertex.
          if (gap === 1 || gap === edges - 1) return false;
        }
        return segmentsNear(a, b, starts[t] as Position, ends[t] as Position);
      },
    );
    if (found.length > 0) return true;
  }
  return false;
}
