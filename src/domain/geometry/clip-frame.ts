/**
 * The integer coordinate frames in which polygons are clipped with clipper2-ts, the one clipping
 * engine of Pilotkarte (the analysis, the editing operations and the data step).
 *
 * clipper2-ts clips exactly on integers, so lon/lat are mapped affinely to integers: shifted to an
 * origin near the data and scaled to about 0.01 mm on the ground. An affine map keeps straight lon/lat
 * edges straight, so clipping here gives the same shapes as clipping in lon/lat; only positions are
 * rounded, by at most half a unit. About 1e10 units per degree, inside the 1e10-1e12 range that
 * agrees with Turf to 1e-6 (TOOLING.md). Two frames:
 *  - {@link createClipFrame} (the analysis): one unit is 0.01 mm in both directions (longitude scaled
 *    by the metres per degree at the origin's latitude);
 *  - {@link createDecimalClipFrame} (editing): exactly 1e10 units per degree and an origin on whole
 *    units, so a coordinate with up to 10 decimals (every served district has 6 or 7) comes back from
 *    clipping as the very same number, and vertices an operation does not touch stay bit-for-bit equal.
 *
 * Why not more units: clipper2-ts compares products of coordinate differences with plain numbers only
 * while the differences stay below 9e7 units (900 m here) and falls back to BigInt beyond; finer units
 * would push ordinary edges onto that slow path.
 */
import type { Path64, Paths64 } from "clipper2-ts";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { localMetresPerDegree } from "./measure-planar-ring.ts";

/** Integer units per metre on the ground (0.01 mm per unit). */
export const CLIP_UNITS_PER_METRE = 1e5;

/** How lon/lat map to clipper's integers. Build with {@link createClipFrame}; all clipped inputs must share one. */
export interface ClipFrame {
  readonly originLon: number;
  readonly originLat: number;
  /** Integer units per degree of longitude and of latitude. */
  readonly unitsPerDegreeLon: number;
  readonly unitsPerDegreeLat: number;
  /** The origin in units (originLon · unitsPerDegreeLon, originLat · unitsPerDegreeLat). */
  readonly originX: number;
  readonly originY: number;
}

/** An axis-aligned box in lon/lat: [west, south, east, north]. */
export type LonLatBox = [number, number, number, number];

/** A frame with its origin at the given position (pick the centre of the data, e.g. of the city). */
export function createClipFrame(originLon: number, originLat: number): ClipFrame {
  const metres = localMetresPerDegree(originLat);
  const unitsPerDegreeLon = metres.x * CLIP_UNITS_PER_METRE;
  const unitsPerDegreeLat = metres.y * CLIP_UNITS_PER_METRE;
  return {
    originLon,
    originLat,
    unitsPerDegreeLon,
    unitsPerDegreeLat,
    originX: originLon * unitsPerDegreeLon,
    originY: originLat * unitsPerDegreeLat,
  };
}

/** Units per degree of {@link createDecimalClipFrame}: 1e-10° is about 0.01 mm. */
export const DECIMAL_UNITS_PER_DEGREE = 1e10;

/**
 * A frame of exactly `unitsPerDegree` units per degree (a power of ten, at least 100; by default
 * {@link DECIMAL_UNITS_PER_DEGREE}) with its origin at the given position rounded to 0.01°, so that
 * the origin is a whole number of units. Mapping a coordinate with no more decimals than the frame
 * resolves (10 by default) to the frame and back gives the same floating-point number: x is the
 * integer lon · 1e10 minus the origin, and (x + origin) / 1e10 rounds to the nearest double of that
 * decimal.
 */
export function createDecimalClipFrame(
  originLon: number,
  originLat: number,
  unitsPerDegree = DECIMAL_UNITS_PER_DEGREE,
): ClipFrame {
  const lon = Math.round(originLon * 100) / 100;
  const lat = Math.round(originLat * 100) / 100;
  return {
    originLon: lon,
    originLat: lat,
    unitsPerDegreeLon: unitsPerDegree,
    unitsPerDegreeLat: unitsPerDegree,
    originX: Math.round(lon * 100) * (unitsPerDegree / 100),
    originY: Math.round(lat * 100) * (unitsPerDegree / 100),
  };
}

/** Longitude → frame x (rounded to an integer unit). */
export function frameX(frame: ClipFrame, lon: number): number {
  return Math.round(lon * frame.unitsPerDegreeLon - frame.originX);
}

/** Latitude → frame y (rounded to an integer unit). */
export function frameY(frame: ClipFrame, lat: number): number {
  return Math.round(lat * frame.unitsPerDegreeLat - frame.originY);
}

/** Frame x → longitude. */
export function lonOf(frame: ClipFrame, x: number): number {
  return (x + frame.originX) / frame.unitsPerDegreeLon;
}

/** Frame y → latitude. */
export function latOf(frame: ClipFrame, y: number): number {
  return (y + frame.originY) / frame.unitsPerDegreeLat;
}

/** Twice the signed area of an integer path (counter-clockwise positive), in units². */
function twiceSignedArea(path: Path64): number {
  let sum = 0;
  const n = path.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = path[j] as { x: number; y: number };
    const b = path[i] as { x: number; y: number };
    sum += (a.x - b.x) * (a.y + b.y);
  }
  return sum;
}

/**
 * One ring as an open integer path: the closing position and positions that round onto the one
 * before are dropped. When `positive` is given the path is turned so that its orientation matches
 * (true: counter-clockwise), which clipper's non-zero fill rule needs to tell outer rings from holes
 * whatever winding the input had.
 */
export function ringToPath(frame: ClipFrame, ring: readonly Position[], positive?: boolean): Path64 {
  const path: Path64 = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (const p of ring) {
    const x = frameX(frame, p[0] as number);
    const y = frameY(frame, p[1] as number);
    if (x === lastX && y === lastY) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    path.push({ x, y });
    lastX = x;
    lastY = y;
  }
  const first = path[0];
  if (first !== undefined && path.length > 1 && first.x === lastX && first.y === lastY) path.pop();
  if (path.length < 3) return [];
  if (positive !== undefined && twiceSignedArea(path) > 0 !== positive) path.reverse();
  return path;
}

/**
 * All rings of an area as integer paths, outer rings counter-clockwise and holes clockwise, so that
 * clipper's non-zero rule reads them as GeoJSON means them. Degenerate rings are dropped.
 */
export function geometryToPaths(frame: ClipFrame, geometry: AreaGeometry): Paths64 {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const paths: Paths64 = [];
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      const path = ringToPath(frame, ring, i === 0);
      if (path.length > 0) paths.push(path);
    });
  }
  return paths;
}

/** Integer bounds of paths as [minX, minY, maxX, maxY]; null for no points. */
export function pathsBounds(paths: Paths64): [number, number, number, number] | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const path of paths) {
    for (const p of path) {
      if (p.x < minX) minX = p.x;
      if (p.x > maxX) maxX = p.x;
      if (p.y < minY) minY = p.y;
      if (p.y > maxY) maxY = p.y;
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** Lon/lat box of a geometry; null when it has no finite position. */
export function geometryBox(geometry: AreaGeometry): LonLatBox | null {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const rings of parts) {
    for (const ring of rings) {
      for (const p of ring) {
        const x = p[0] as number;
        const y = p[1] as number;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < west) west = x;
        if (x > east) east = x;
        if (y < south) south = y;
        if (y > north) north = y;
      }
    }
  }
  return west <= east ? [west, south, east, north] : null;
}
