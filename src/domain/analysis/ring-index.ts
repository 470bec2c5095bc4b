/**
 * Point-in-polygon and point-to-boundary distance for one polygon that is queried with many points
 * (a pilot area against 100,000 addresses, a grid cell against every address in it).
 *
 * The edges are sorted into horizontal bands once, so a query only looks at the few edges that span
 * its latitude instead of all of them. Edges are stored with their lower end first, so two polygons
 * that share an edge compute the crossing with the very same numbers. With the half-open rule below
 * a point on a shared border therefore falls in exactly one of the two neighbours, which is what
 * makes "every address is counted in exactly one district" hold. (Turf's booleanPointInPolygon counts
 * a border point in both.)
 */
import type { Position } from "geojson";
import type { LonLatBox } from "../geometry/clip-frame.ts";
import { localMetresPerDegree } from "../geometry/measure-planar-ring.ts";
import type { AreaGeometry } from "../model/plan.ts";

/** Edges of all rings of a polygon, banded by latitude. Build with {@link createRingIndex}. */
export interface RingIndex {
  /** Lon/lat box of all edges; [0, 0, -1, -1] when there are none. */
  readonly box: LonLatBox;
  readonly edgeCount: number;
  /** Four numbers per edge: x and y of the lower end, then of the upper end. */
  readonly edges: Float64Array;
  readonly bandCount: number;
  /** Latitude span of one band. */
  readonly bandHeight: number;
  /** Edges of band b are bandEdges[bandStart[b] .. bandStart[b + 1]). */
  readonly bandStart: Uint32Array;
  readonly bandEdges: Uint32Array;
}

/** About this many edges per band; fewer bands cost more per query, more bands cost more to build. */
const EDGES_PER_BAND = 3;
const MAX_BANDS = 4096;

/**
 * Indexes the edges of the given rings (lon/lat, closed or open). Positions without finite
 * coordinates are skipped. Copies the coordinates: later changes to the input do not reach the index.
 */
export function createRingIndex(rings: readonly (readonly Position[])[]): RingIndex {
  let count = 0;
  for (const ring of rings) count += ring.length;
  const edges = new Float64Array(4 * count);
  let edgeCount = 0;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    const points = ring.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    const n = points.length;
    if (n < 2) continue;
    for (let i = 0; i < n; i++) {
      const a = points[i] as Position;
      const b = points[(i + 1) % n] as Position;
      let ax = a[0] as number;
      let ay = a[1] as number;
      let bx = b[0] as number;
      let by = b[1] as number;
      if (ax === bx && ay === by) continue;
      // Lower end first (ties by x), so shared edges are stored identically in both polygons.
      if (ay > by || (ay === by && ax > bx)) {
        [ax, bx] = [bx, ax];
        [ay, by] = [by, ay];
      }
      const o = 4 * edgeCount++;
      edges[o] = ax;
      edges[o + 1] = ay;
      edges[o + 2] = bx;
      edges[o + 3] = by;
      west = Math.min(west, ax, bx);
      east = Math.max(east, ax, bx);
      south = Math.min(south, ay);
      north = Math.max(north, by);
    }
  }
  if (edgeCount === 0) {
    return {
      box: [0, 0, -1, -1],
      edgeCount: 0,
      edges: new Float64Array(0),
      bandCount: 0,
      bandHeight: 1,
      bandStart: new Uint32Array(1),
      bandEdges: new Uint32Array(0),
    };
  }
  const bandCount = Math.max(1, Math.min(MAX_BANDS, Math.ceil(edgeCount / EDGES_PER_BAND)));
  const bandHeight = north > south ? (north - south) / bandCount : 1;
  const bandOf = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - south) / bandHeight)));
  // Two passes (count, then fill) keep the bands in two flat arrays instead of many small ones.
  const bandStart = new Uint32Array(bandCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const last = bandOf(edges[4 * e + 3] as number);
    for (let b = bandOf(edges[4 * e + 1] as number); b <= last; b++)
      bandStart[b + 1] = (bandStart[b + 1] as number) + 1;
  }
  for (let b = 0; b < bandCount; b++)
    bandStart[b + 1] = (bandStart[b + 1] as number) + (bandStart[b] as number);
  const fill = bandStart.slice(0, bandCount);
  const bandEdges = new Uint32Array(bandStart[bandCount] as number);
  for (let e = 0; e < edgeCount; e++) {
    const last = bandOf(edges[4 * e + 3] as number);
    for (let b = bandOf(edges[4 * e + 1] as number); b <= last; b++) {
      bandEdges[fill[b] as number] = e;
      fill[b] = (fill[b] as number) + 1;
    }
  }
  return {
    box: [west, south, east, north],
    edgeCount,
    edges: edges.slice(0, 4 * edgeCount),
    bandCount,
    bandHeight,
    bandStart,
    bandEdges,
  };
}

/** A ring index over all rings (outer rings and holes) of an area. */
export function ringIndexOfGeometry(geometry: AreaGeometry): RingIndex {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return createRingIndex(parts.flat());
}

/**
 * Whether a point lies inside (even-odd over all rings, so holes and separate parts work). A point
 * on an edge counts for the polygon on the edge's east side, a point on a vertex by the half-open
 * rule: each border point belongs to exactly one of two polygons that share the border.
 */
export function containsPoint(index: RingIndex, lon: number, lat: number): boolean {
  const box = index.box;
  if (!(lat >= box[1] && lat <= box[3] && lon >= box[0] && lon <= box[2])) return false;
  const band = Math.min(index.bandCount - 1, Math.floor((lat - box[1]) / index.bandHeight));
  const edges = index.edges;
  const list = index.bandEdges;
  let inside = false;
  for (let k = index.bandStart[band] as number, end = index.bandStart[band + 1] as number; k < end; k++) {
    const o = 4 * (list[k] as number);
    const ay = edges[o + 1] as number;
    const by = edges[o + 3] as number;
    // Half-open in latitude: the lower end belongs to the edge, the upper end does not.
    if (lat < ay || lat >= by) continue;
    const ax = edges[o] as number;
    const bx = edges[o + 2] as number;
    if (lon < ax + ((lat - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside;
}

/**
 * Distance in metres from a point to the nearest edge, or Infinity when no edge is within
 * `maxMetres`. Uses the local metric at the point (longitude scaled by the metres per degree at its
 * latitude on the WGS84 ellipsoid): within 0.1 % of the geodesic distance at walking ranges.
 */
export function distanceToEdgesM(index: RingIndex, lon: number, lat: number, maxMetres: number): number {
  if (index.edgeCount === 0) return Number.POSITIVE_INFINITY;
  const scale = localMetresPerDegree(lat);
  const reach = maxMetres / scale.y;
  const box = index.box;
  if (lat + reach < box[1] || lat - reach > box[3]) return Number.POSITIVE_INFINITY;
  const first = Math.max(0, Math.floor((lat - reach - box[1]) / index.bandHeight));
  const last = Math.min(index.bandCount - 1, Math.floor((lat + reach - box[1]) / index.bandHeight));
  const edges = index.edges;
  const list = index.bandEdges;
  let best = maxMetres * maxMetres;
  let found = false;
  for (let k = index.bandStart[first] as number, end = index.bandStart[last + 1] as number; k < end; k++) {
    const o = 4 * (list[k] as number);
    const ax = ((edges[o] as number) - lon) * scale.x;
    const ay = ((edges[o + 1] as number) - lat) * scale.y;
    const ux = ((edges[o + 2] as number) - lon) * scale.x - ax;
    const uy = ((edges[o + 3] as number) - lat) * scale.y - ay;
    const length = ux * ux + uy * uy;
    const t = length > 0 ? Math.min(1, Math.max(0, -(ax * ux + ay * uy) / length)) : 0;
    const dx = ax + t * ux;
    const dy = ay + t * uy;
    const squared = dx * dx + dy * dy;
    if (squared <= best) {
      best = squared;
      found = true;
    }
  }
  return found ? Math.sqrt(best) : Number.POSITIVE_INFINITY;
}
