/**
 * The fast ring-contact check gives the same answers as the straightforward one it replaced (kept
 * below as the reference): on random rings drawn on a coarse grid, where vertices coincide and edges
 * overlap or touch often, and on rings nudged by about the contact tolerance, where the answer turns
 * on the tolerance.
 */
import fc from "fast-check";
import Flatbush from "flatbush";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { partsOf } from "../../../../src/domain/geometry/area-geometry-parts.ts";
import {
  CONTACT_TOLERANCE_DEGREES,
  hasRingContacts,
} from "../../../../src/domain/geometry/find-ring-contacts.ts";
import { project, segmentsMeet } from "../../../../src/domain/geometry/segment-primitives.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";

/** The check as it was before it was made fast: one box search and one exact test per pair. */
function referenceHasRingContacts(geometry: AreaGeometry): boolean {
  const limit = CONTACT_TOLERANCE_DEGREES * CONTACT_TOLERANCE_DEGREES;
  const near = (a: Position, b: Position, c: Position, d: Position) =>
    segmentsMeet(a, b, c, d) ||
    project(a, c, d).squared <= limit ||
    project(b, c, d).squared <= limit ||
    project(c, a, b).squared <= limit ||
    project(d, a, b).squared <= limit;
  const edges: { ring: number; position: number; count: number; a: Position; b: Position }[] = [];
  partsOf(geometry)
    .flat()
    .forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i++) {
        edges.push({
          ring: r,
          position: i,
          count: ring.length - 1,
          a: ring[i] as Position,
          b: ring[i + 1] as Position,
        });
      }
    });
  if (edges.length === 0) return false;
  const tree = new Flatbush(edges.length);
  for (const { a, b } of edges) {
    tree.add(
      Math.min(a[0] as number, b[0] as number) - CONTACT_TOLERANCE_DEGREES,
      Math.min(a[1] as number, b[1] as number) - CONTACT_TOLERANCE_DEGREES,
      Math.max(a[0] as number, b[0] as number) + CONTACT_TOLERANCE_DEGREES,
      Math.max(a[1] as number, b[1] as number) + CONTACT_TOLERANCE_DEGREES,
    );
  }
  tree.finish();
  return edges.some((e, s) =>
    tree
      .search(
        Math.min(e.a[0] as number, e.b[0] as number),
        Math.min(e.a[1] as number, e.b[1] as number),
        Math.max(e.a[0] as number, e.b[0] as number),
        Math.max(e.a[1] as number, e.b[1] as number),
      )
      .some((t) => {
        const f = edges[t];
        if (!f || t <= s) return false;
        if (f.ring === e.ring) {
          const gap = f.position - e.position;
          if (gap === 1 || gap === e.count - 1) return false;
        }
        return near(e.a, e.b, f.a, f.b);
      }),
  );
}

/** A closed ring of 3–9 vertices on a 6×6 grid of 0.001° near Dortmund (coincidences are common). */
const gridRing = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
    minLength: 3,
    maxLength: 9,
  })
  .map((points) => {
    const ring: Position[] = points.map(([i, j]) => [7.45 + i / 1000, 51.51 + j / 1000]);
    ring.push((ring[0] as Position).slice());
    return ring;
  });

/** An axis-aligned rectangle on a 9×9 grid of 0.001°: simple, touching or overlapping others at random. */
const gridRectangle = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
  )
  .map(([i, j, w, h]): Position[] => {
    const [x0, y0, x1, y1] = [
      7.45 + i / 1000,
      51.51 + j / 1000,
      7.45 + (i + w) / 1000,
      51.51 + (j + h) / 1000,
    ];
    return [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ];
  });

/** Moves every coordinate by up to three times the contact tolerance. */
const nudged = (ring: Position[], offsets: number[]) => {
  const out = ring.map((p, k) => [
    (p[0] as number) + (offsets[(2 * k) % offsets.length] as number) * CONTACT_TOLERANCE_DEGREES,
    (p[1] as number) + (offsets[(2 * k + 1) % offsets.length] as number) * CONTACT_TOLERANCE_DEGREES,
  ]);
  out[out.length - 1] = (out[0] as Position).slice();
  return out;
};

describe("hasRingContacts", () => {
  it("answers as the reference on random grid polygons with holes and several parts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(gridRing, gridRectangle, gridRectangle), { minLength: 1, maxLength: 2 }), {
          minLength: 1,
          maxLength: 3,
        }),
        (parts) => {
          const geometry: AreaGeometry = { type: "MultiPolygon", coordinates: parts };
          expect(hasRingContacts(geometry)).toBe(referenceHasRingContacts(geometry));
        },
      ),
      { numRuns: 2000, seed: 20261126 },
    );
  });

  it("answers as the reference where rings come within about the tolerance of each other", () => {
    fc.assert(
      fc.property(
        gridRectangle,
        gridRectangle,
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (outer, other, offsets) => {
          const geometry: AreaGeometry = {
            type: "MultiPolygon",
            coordinates: [[outer], [nudged(other, offsets)]],
          };
          expect(hasRingContacts(geometry)).toBe(referenceHasRingContacts(geometry));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("finds a near-contact just inside the tolerance and not one just outside it", () => {
    const square = (x: number): Position[] => [
      [x, 51.5],
      [x + 0.001, 51.5],
      [x + 0.001, 51.501],
      [x, 51.501],
      [x, 51.5],
    ];
    const pair = (gap: number): AreaGeometry => ({
      type: "MultiPolygon",
      coordinates: [[square(7.45)], [square(7.451 + gap)]],
    });
    expect(hasRingContacts(pair(0.5 * CONTACT_TOLERANCE_DEGREES))).toBe(true);
    expect(hasRingContacts(pair(3 * CONTACT_TOLERANCE_DEGREES))).toBe(false);
    expect(hasRingContacts(pair(0))).toBe(true);
  });
});
