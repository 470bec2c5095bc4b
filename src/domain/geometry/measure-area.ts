/**
 * The one area measure of Pilotkarte, used by the app, the analysis and the data step alike: area on
 * the WGS84 ellipsoid (not a sphere: Turf's `area()` reads about 0.3 % low at Dortmund's latitude).
 *
 * The shoelace formula runs on (longitude in radians, q(latitude)), where q is the authalic latitude
 * function: that map is equal-area, so the result is the exact ellipsoidal area of a polygon whose
 * edges are straight in that plane. Polygons here have straight edges in lon/lat (that is how the
 * clipping engine, clipper2-ts, sees them); the two readings differ by nothing for edges along a
 * meridian or a parallel and by about 1e-5 of the area for kilometre-long diagonal edges, as does a
 * geodesic polygon (GeographicLib): well below what planners compare. Why this formula and not
 * GeographicLib's polygon area: the analysis measures thousands of clipped pieces per edit and shares
 * are ratios of such pieces, so numerator and denominator must come from one cheap measure (one sine
 * and one atanh per vertex, against a geodesic inverse per edge), and it is exact for the census cells
 * and boxes the reference tests check against a closed formula. Perimeters stay geodesic
 * (GeographicLib); they are a length, not an area, and cost nothing in the analysis.
 *
 * {@link flatRingAreaM2} (flat lon/lat arrays) and {@link pathsAreaM2} (clipper's integer paths) are
 * the same function over other representations of a ring, for the analysis's hot loops and the
 * pieces clipping returns, without converting them to positions first.
 */
import type { Paths64 } from "clipper2-ts";
import geographiclib from "geographiclib-geodesic";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { partsOf } from "./area-geometry-parts.ts";
import { type ClipFrame, latOf } from "./clip-frame.ts";

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RADIANS = Math.PI / 180;
/** b²/2 on WGS84: the area element is (b²/2) dλ dq. */
const HALF_B2 = (A * A * (1 - E2)) / 2;

const WGS84 = geographiclib.Geodesic.WGS84;

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

/**
 * Signed area in m² of a flat open ring of lon/lat pairs [lon0, lat0, lon1, lat1, ...]: the same
 * measure as {@link ringAreaM2}, without building positions.
 */
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

/** Area in m² on the WGS84 ellipsoid: outer rings minus holes, whatever their winding. */
export function geodesicArea(geometry: Polygon | MultiPolygon): number {
  let total = 0;
  for (const rings of partsOf(geometry)) {
    rings.forEach((ring, i) => {
      const area = Math.abs(ringAreaM2(ring));
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

function ringPerimeter(ring: Position[]): number {
  const line = WGS84.Polygon(true);
  for (const p of ring) line.AddPoint(p[1] as number, p[0] as number);
  // A GeoJSON ring repeats its first position at the end; an unclosed ring is closed here.
  const first = ring[0];
  const last = ring.at(-1);
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    line.AddPoint(first[1] as number, first[0] as number);
  }
  return line.Compute(false, true).perimeter;
}

/** Perimeter in m (geodesic, GeographicLib): the length of all rings, holes included. */
export function geodesicPerimeter(geometry: Polygon | MultiPolygon): number {
  let total = 0;
  for (const rings of partsOf(geometry)) for (const ring of rings) total += ringPerimeter(ring);
  return total;
}
