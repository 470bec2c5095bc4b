/**
 * Area on the WGS84 ellipsoid of polygons whose edges are straight in lon/lat, which is how every
 * clipping engine (clipper2-ts, Turf's polyclip-ts) sees them. The shoelace formula runs on
 * (longitude in radians, q(latitude)), where q is the authalic latitude function: that map is
 * equal-area, so the result is exact for edges straight in that plane and within about 1e-5 of a
 * geodesic polygon (GeographicLib) for kilometre-long diagonal edges near Dortmund. It costs one sine
 * and one atanh per vertex, a fraction of GeographicLib's cost, which matters for the many clipped
 * pieces of a coverage analysis. Ratios (shares) use this one measure for numerator and denominator.
 */
import type { Paths64 } from "clipper2-ts";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { type ClipFrame, latOf } from "./clip-frame.ts";

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RADIANS = Math.PI / 180;
/** b²/2: the area element is (b²/2) dλ dq. */
const HALF_B2 = (A * A * (1 - E2)) / 2;

/** The authalic function q(φ) (without the factor 1 − e²), latitude in degrees. */
export function authalicQ(latitude: number): number {
  const s = Math.sin(latitude * RADIANS);
  return s / (1 - E2 * s * s) + Math.atanh(E * s) / E;
}

/**
 * Signed area in m² of one ring given as lon/lat positions (counter-clockwise positive). Open or
 * closed rings both work. Coordinates are taken relative to the first vertex to keep the shoelace
 * sum free of cancellation.
 */
export function ringAreaM2(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0] as Position;
  const lon0 = first[0] as number;
  const q0 = authalicQ(first[1] as number);
  let sum = 0;
  let previousX = 0;
  let previousQ = 0;
  for (let i = 1; i <= n; i++) {
    const p = ring[i % n] as Position;
    const x = ((p[0] as number) - lon0) * RADIANS;
    const q = authalicQ(p[1] as number) - q0;
    sum += previousX * q - x * previousQ;
    previousX = x;
    previousQ = q;
  }
  return (sum / 2) * HALF_B2;
}

/** Area in m² of an area geometry: outer rings minus holes, whatever their winding. */
export function geometryAreaM2(geometry: AreaGeometry): number {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      const area = Math.abs(ringAreaM2(ring));
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

/**
 * Net area in m² of integer paths in a frame, as clipper returns them: outer paths counter-clockwise
 * (positive), holes clockwise (negative), so the signed sum is the area.
 */
export function pathsAreaM2(frame: ClipFrame, paths: Paths64): number {
  let total = 0;
  for (const path of paths) {
    const n = path.length;
    if (n < 3) continue;
    const first = path[0] as { x: number; y: number };
    const q0 = authalicQ(latOf(frame, first.y));
    let sum = 0;
    let previousX = 0;
    let previousQ = 0;
    for (let i = 1; i <= n; i++) {
      const p = path[i % n] as { x: number; y: number };
      const x = ((p.x - first.x) / frame.unitsPerDegreeLon) * RADIANS;
      const q = authalicQ(latOf(frame, p.y)) - q0;
      sum += previousX * q - x * previousQ;
      previousX = x;
      previousQ = q;
    }
    total += (sum / 2) * HALF_B2;
  }
  return total;
}

/** Signed area in m² of a flat ring of lon/lat pairs [lon0, lat0, lon1, lat1, ...] (open ring). */
export function flatRingAreaM2(coordinates: ArrayLike<number>, length = coordinates.length): number {
  const n = length >> 1;
  if (n < 3) return 0;
  const lon0 = coordinates[0] as number;
  const q0 = authalicQ(coordinates[1] as number);
  let sum = 0;
  let previousX = 0;
  let previousQ = 0;
  for (let i = 1; i <= n; i++) {
    const k = 2 * (i % n);
    const x = ((coordinates[k] as number) - lon0) * RADIANS;
    const q = authalicQ(coordinates[k + 1] as number) - q0;
    sum += previousX * q - x * previousQ;
    previousX = x;
    previousQ = q;
  }
  return (sum / 2) * HALF_B2;
}
