/**
 * The integer coordinate frame in which polygons are clipped with clipper2-ts.
 *
 * clipper2-ts clips exactly on integers, so lon/lat are mapped affinely to integers: shifted to an
 * origin near the data and scaled so that one unit is 0.01 mm on the ground in both directions
 * (longitude scaled by the metres per degree at the origin's latitude). An affine map keeps straight
 * lon/lat edges straight, so clipping here gives the same shapes as clipping in lon/lat; only
 * positions are rounded, by at most 0.005 mm. About 1.1e10 units per degree of latitude, inside the
 * 1e10-1e12 range that agrees with Turf to 1e-6 (TOOLING.md).
 *
 * Why not more units: clipper2-ts compares products of coordinate differences with plain numbers only
 * while the differences stay below 9e7 units (900 m here) and falls back to BigInt beyond; finer units
 * would push ordinary edges onto that slow path.
 */
import type { Path64, Paths64 } from "clipper2-ts";
import type { Position } from "geojson";
import { localMetresPerDegree } from "../geometry/measure-planar-ring.ts";
import type { AreaGeometry } from "../model/plan.ts";

/** Integer units per metre on the ground (0.01 mm per unit). */
export const CLIP_UNITS_PER_METRE = 1e5;

/** How lon/lat map to clipper's integers. Build with {@link createClipFrame}; all clipped inputs must share one. */
export interface ClipFrame {
  readonly originLon: number;
  readonly originLat: number;
  /** Integer units per degree of longitude and of latitude. */
  readonly unitsPerDegreeLon: number;
  readonly unitsPerDegreeLat: number;
}

/** An axis-aligned box in lon/lat: [west, south, east, north]. */
export type LonLatBox = [number, number, number, number];

/** A frame with its origin at the given position (pick the centre of the data, e.g. of the city). */
export function createClipFrame(originLon: number, originLat: number): ClipFrame {
  const metres = localMetresPerDegree(originLat);
  return {
    originLon,
    originLat,
    unitsPerDegreeLon: metres.x * CLIP_UNITS_PER_METRE,
    unitsPerDegreeLat: metres.y * CLIP_UNITS_PER_METRE,
  };
}

/** Longitude → frame x (rounded to an integer unit). */
export function frameX(frame: ClipFrame, lon: number): number {
  return Math.round((lon - frame.originLon) * frame.unitsPerDegreeLon);
}

/** Latitude → frame y (rounded to an integer unit). */
export function frameY(frame: ClipFrame, lat: number): number {
  return Math.round((lat - frame.originLat) * frame.unitsPerDegreeLat);
}

/** Frame x → longitude. */
export function lonOf(frame: ClipFrame, x: number): number {
  return frame.originLon + x / frame.unitsPerDegreeLon;
}

/** Frame y → latitude. */
export function latOf(frame: ClipFrame, y: number): number {
  return frame.originLat + y / frame.unitsPerDegreeLat;
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
