/**
 * Planar measures of a ring in a local tangent plane (metres), used for thresholds that must agree
 * with how the clipping engine sees edges: as straight lines in lon/lat, not as geodesics.
 * For figures shown to planners use {@link geodesicArea} in `measure-area.ts` instead.
 */
import type { Position } from "geojson";

const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const RADIANS = Math.PI / 180;

/**
 * Metres per degree of longitude (`x`) and of latitude (`y`) at a latitude, on the WGS84 ellipsoid:
 * the local metric approximation "x scaled by cos(latitude)", with the ellipsoid's radii of curvature.
 */
export function localMetresPerDegree(latitude: number): { x: number; y: number } {
  const sin = Math.sin(latitude * RADIANS);
  const w = 1 - WGS84_E2 * sin * sin;
  return {
    x: RADIANS * ((WGS84_A * Math.cos(latitude * RADIANS)) / Math.sqrt(w)),
    y: RADIANS * ((WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w))),
  };
}

/**
 * Signed area (counter-clockwise positive) and perimeter of a ring in the local plane at its first
 * vertex. The ring may be open or closed; a closing position adds nothing.
 */
export function measurePlanarRing(ring: readonly Position[]): { signedAreaM2: number; perimeterM: number } {
  const first = ring[0];
  if (first === undefined || ring.length < 2) return { signedAreaM2: 0, perimeterM: 0 };
  const x0 = first[0] as number;
  const y0 = first[1] as number;
  const scale = localMetresPerDegree(y0);
  let twiceArea = 0;
  let perimeter = 0;
  let previousX = 0;
  let previousY = 0;
  for (let i = 1; i <= ring.length; i++) {
    // i === ring.length wraps to the first vertex, which closes an open ring.
    const p = ring[i % ring.length] as Position;
    const x = ((p[0] as number) - x0) * scale.x;
    const y = ((p[1] as number) - y0) * scale.y;
    twiceArea += previousX * y - x * previousY;
    perimeter += Math.hypot(x - previousX, y - previousY);
    previousX = x;
    previousY = y;
  }
  return { signedAreaM2: twiceArea / 2, perimeterM: perimeter };
}

/**
 * Mean width of a ring in metres (2 · area / perimeter): about the width of a long thin strip, 0 for
 * a ring that encloses nothing. Used to tell slivers from real shapes whatever their length.
 */
export function measureRingWidthM(ring: readonly Position[]): number {
  const { signedAreaM2, perimeterM } = measurePlanarRing(ring);
  return perimeterM > 0 ? (2 * Math.abs(signedAreaM2)) / perimeterM : 0;
}
