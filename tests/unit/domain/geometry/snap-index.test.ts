import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import {
  createSnapIndex,
  geodesicRadiusM,
  localMetresPerDegree,
  ringsOf,
  snapToIndex,
} from "../../../../src/domain/geometry/index.ts";
import { cell, deepFreeze, lat, lon } from "../../../fixtures/geometry/builders.ts";

/** Distance in degrees from a point to a segment, in the lon/lat plane. */
function degreesToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Offsets a lon/lat position by metres east and north. */
function offset(p: Position, east: number, north: number): Position {
  const scale = localMetresPerDegree(p[1] as number);
  return [(p[0] as number) + east / scale.x, (p[1] as number) + north / scale.y];
}

/** A seeded pseudo-random generator (mulberry32), so the large fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("snap index", () => {
  const corner: Position = [lon(1), lat(1)];
  const index = createSnapIndex(deepFreeze(ringsOf(cell(0, 0))));

  describe("ringsOf", () => {
    it("lists outer rings and holes of every part", () => {
      const withHole = {
        type: "Polygon" as const,
        coordinates: [cell(0, 0, 3, 3).coordinates[0] as Position[], cell(1, 1).coordinates[0] as Position[]],
      };
      expect(ringsOf(withHole)).toHaveLength(2);
      expect(
        ringsOf({ type: "MultiPolygon", coordinates: [withHole.coordinates, cell(5, 5).coordinates] }),
      ).toHaveLength(3);
    });
  });

  describe("snapToIndex", () => {
    it("snaps to a vertex within tolerance with its exact coordinates", () => {
      const point = offset(corner, 2, 3);
      const result = snapToIndex(index, point, 5);
      expect(result?.kind).toBe("vertex");
      expect(result?.position).toEqual(corner);
      expect((result?.distanceM as number) / geodesicRadiusM(point, corner)).toBeCloseTo(1, 3);
    });

    it("prefers a vertex within tolerance to a nearer edge", () => {
      const point = offset(corner, 0.5, -4);
      const result = snapToIndex(index, point, 5);
      expect(result?.kind).toBe("vertex");
      expect(result?.position).toEqual(corner);
    });

    it("snaps to the nearest point on an edge when no vertex is within tolerance", () => {
      const a: Position = [lon(0), lat(0)];
      const b: Position = [lon(1), lat(1)];
      const diagonal = createSnapIndex([[a, b]]);
      const middle: Position = [lon(0.5), lat(0.5)];
      const point = offset(middle, 2, -2);
      const result = snapToIndex(diagonal, point, 5);
      expect(result?.kind).toBe("edge");
      expect(degreesToSegment(result?.position as Position, a, b)).toBeLessThan(1e-9);
      expect(
        (result?.distanceM as number) / geodesicRadiusM(point, result?.position as Position),
      ).toBeCloseTo(1, 3);
      expect(result?.distanceM).toBeLessThan(Math.hypot(2, 2));
    });

    it("snaps to an edge of a ring between its corners", () => {
      const point = offset([lon(1), lat(0.5)], 3, 0);
      const result = snapToIndex(index, point, 5);
      expect(result?.kind).toBe("edge");
      expect(result?.position[0]).toBe(lon(1));
      expect(result?.position[1]).toBeCloseTo(lat(0.5), 9);
      expect(result?.distanceM).toBeCloseTo(3, 3);
    });

    it("returns null beyond tolerance", () => {
      expect(snapToIndex(index, offset([lon(1), lat(0.5)], 6, 0), 5)).toBeNull();
      expect(snapToIndex(index, offset(corner, 4, 4), 5)).toBeNull();
    });

    it("returns null for an empty index and snaps a lone point", () => {
      expect(snapToIndex(createSnapIndex([]), corner, 5)).toBeNull();
      const lone = createSnapIndex([[corner]]);
      expect(snapToIndex(lone, offset(corner, 1, 1), 5)?.position).toEqual(corner);
    });

    it("gives the same answers as a brute-force search over 120,000 segments", () => {
      const next = random(20240611);
      const lines: Position[][] = [];
      // 30,000 jittered quadrilaterals of four segments each, about 60 m across.
      for (let i = 0; i < 300; i++) {
        for (let j = 0; j < 100; j++) {
          const x = 7.3 + i * 0.001;
          const y = 51.45 + j * 0.001;
          const ring = [0, 1, 2, 3].map((k) => [
            x + (k === 1 || k === 2 ? 0.0008 : 0) + next() * 0.0002,
            y + (k >= 2 ? 0.0008 : 0) + next() * 0.0002,
          ]);
          lines.push([...ring, ring[0] as Position]);
        }
      }
      const big = createSnapIndex(lines);
      expect(big.segmentCount).toBe(120_000);
      const ends = Float64Array.from(
        lines.flatMap((line) => line.slice(0, -1).flatMap((p, k) => [...p, ...(line[k + 1] as Position)])),
      );
      const seen = { vertex: 0, edge: 0, none: 0 };
      for (let q = 0; q < 400; q++) {
        const point: Position = [7.3 + next() * 0.3, 51.45 + next() * 0.1];
        const [px, py] = point as [number, number];
        const tolerance = 1 + next() * 20;
        const scale = localMetresPerDegree(py);
        let vertex = Number.POSITIVE_INFINITY;
        let edge = Number.POSITIVE_INFINITY;
        for (let o = 0; o < ends.length; o += 4) {
          const ax = ((ends[o] as number) - px) * scale.x;
          const ay = ((ends[o + 1] as number) - py) * scale.y;
          const bx = ((ends[o + 2] as number) - px) * scale.x;
          const by = ((ends[o + 3] as number) - py) * scale.y;
          // Squared distances here; Math.hypot is slow enough to matter over 48 million segments.
          vertex = Math.min(vertex, ax * ax + ay * ay, bx * bx + by * by);
          const t = Math.min(
            1,
            Math.max(0, -(ax * (bx - ax) + ay * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
          );
          edge = Math.min(edge, (ax + t * (bx - ax)) ** 2 + (ay + t * (by - ay)) ** 2);
        }
        vertex = Math.sqrt(vertex);
        edge = Math.sqrt(edge);
        const result = snapToIndex(big, point, tolerance);
        seen[result === null ? "none" : result.kind]++;
        if (vertex <= tolerance) {
          expect(result?.kind).toBe("vertex");
          expect(result?.distanceM).toBeCloseTo(vertex, 9);
        } else if (edge <= tolerance) {
          expect(result?.kind).toBe("edge");
          expect(result?.distanceM).toBeCloseTo(edge, 9);
        } else {
          expect(result).toBeNull();
        }
      }
      // The queries exercise all three outcomes.
      expect(Math.min(seen.vertex, seen.edge, seen.none)).toBeGreaterThan(20);
    });
  });

  it("is not changed by later changes to its input", () => {
    const ring = (cell(0, 0).coordinates[0] as Position[]).map((p) => p.slice());
    const own = createSnapIndex([ring]);
    (ring[2] as number[])[0] = 0;
    expect(snapToIndex(own, offset(corner, 1, 1), 5)?.position).toEqual(corner);
  });
});
