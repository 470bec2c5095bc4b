/**
 * Rounds the served areas (city outline, the three district levels, census grid, city region) to 6
 * decimals (about 0.1 m) without making any of them invalid.
 *
 * Plain rounding of the 7-decimal sources made 69 of 170 Unterbezirke, 30 of 62 Statistische Bezirke,
 * 5 of 12 Stadtbezirke and the city outline self-intersecting (GEOS and our own check agree): two
 * vertices a few centimetres apart on a narrow spike or a near-collinear run snap onto the wrong side
 * of each other. The fix keeps the source coordinates (not rounded) for the vertices where rounding
 * breaks an area, and nowhere else: the ends of edges that come closer to another edge of the same
 * area than the rounding step (a narrow spike, a near-touch). Should that not be enough, the reach
 * grows, then the broken rings, then the whole area are kept unrounded.
 *
 * Shared borders stay shared: how a vertex is written depends only on its source position, through
 * one mapping for every layer, so a vertex that two neighbours (or two levels, or a district and the
 * city outline) have in common is written identically in each. Keeping a vertex precise can in turn
 * disturb a neighbour that shares it, so the check runs again over everything until nothing is
 * invalid. It ends because at full precision every area is the valid source (checked before).
 */

import Flatbush from "flatbush";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { project } from "../../src/domain/geometry/segment-primitives.ts";
import { isValidAreaGeometry } from "../../src/domain/geometry/validate-area-geometry.ts";

type AreaGeometry = Polygon | MultiPolygon;

export interface RoundedAreas {
  /** The collections in the same order, areas rounded; other geometries untouched. */
  collections: FeatureCollection[];
  /** Distinct source vertices written unrounded because rounding broke one of their rings. */
  preciseVertices: number;
  /** Distinct source vertices in all areas. */
  totalVertices: number;
  /** Areas that plain rounding would have made invalid. */
  repairedAreas: number;
  /** Areas made invalid in a later pass by a shared vertex kept precise (then repaired too). */
  knockOnAreas: number;
  /** Passes over all areas until every one was valid. */
  passes: number;
}

/** How far (in rounding steps) a vertex may lie from another edge before it is kept precise, per try. */
const REACH_FACTORS = [1, 4, 16];

const isArea = (geometry: Geometry | null): geometry is AreaGeometry =>
  geometry?.type === "Polygon" || geometry?.type === "MultiPolygon";

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

const ringsOf = (geometry: AreaGeometry): Position[][][] =>
  geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;

const withRings = (geometry: AreaGeometry, parts: Position[][][]): AreaGeometry =>
  geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: parts[0] ?? [] }
    : { type: "MultiPolygon", coordinates: parts };

/**
 * Rounds every area in `collections` to `decimals` decimals, keeping source coordinates where rounding
 * would make an area invalid. Throws when an area is invalid even unrounded (the source check should
 * have caught it).
 */
export function roundAreasKeepingValid(
  collections: readonly FeatureCollection[],
  decimals = 6,
): RoundedAreas {
  const scale = 10 ** decimals;
  const round = (n: number) => Math.round(n * scale) / scale;
  const precise = new Set<string>();

  const writeRing = (ring: readonly Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ring) {
      const x = p[0] as number;
      const y = p[1] as number;
      const q: Position = precise.has(keyOf(p)) ? [x, y] : [round(x), round(y)];
      const last = out.at(-1);
      // Rounding can make neighbours equal; a repeated position is dropped. The closing position maps
      // like the first one (same source position), so the ring stays closed.
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  const write = (geometry: AreaGeometry): AreaGeometry =>
    withRings(
      geometry,
      ringsOf(geometry).map((rings) => rings.map(writeRing)),
    );

  const areas: AreaGeometry[] = [];
  const allVertices = new Set<string>();
  for (const collection of collections) {
    for (const feature of collection.features) {
      if (!isArea(feature.geometry)) continue;
      if (!isValidAreaGeometry(feature.geometry)) {
        throw new Error(`an area is invalid before rounding (${nameOf(feature)})`);
      }
      areas.push(feature.geometry);
      for (const rings of ringsOf(feature.geometry))
        for (const ring of rings) for (const p of ring) allVertices.add(keyOf(p));
    }
  }

  const everInvalid = new Set<AreaGeometry>();
  const attempts = new Map<AreaGeometry, number>();
  let firstPassInvalid = 0;
  let passes = 0;
  for (;;) {
    passes += 1;
    const before = precise.size;
    // First find every area the current mapping breaks, then widen the mapping for all of them.
    const broken = areas.filter((geometry) => !isValidAreaGeometry(write(geometry)));
    const invalid = broken.length;
    for (const geometry of broken) {
      everInvalid.add(geometry);
      // Each time an area is still invalid, keep more of it precise: vertices near other edges, with
      // a growing reach; then the rings invalid on their own; then the whole area.
      const attempt = attempts.get(geometry) ?? 0;
      attempts.set(geometry, attempt + 1);
      const sourceRings = ringsOf(geometry).flat();
      if (attempt < REACH_FACTORS.length) {
        const reach = (REACH_FACTORS[attempt] as number) / scale;
        for (const p of verticesNearOtherEdges(sourceRings, reach)) precise.add(keyOf(p));
        continue;
      }
      const brokenRings = sourceRings.filter(
        (ring) => !isValidAreaGeometry({ type: "Polygon", coordinates: [writeRing(ring)] }),
      );
      const rings = brokenRings.length > 0 && attempt === REACH_FACTORS.length ? brokenRings : sourceRings;
      for (const ring of rings) for (const p of ring) precise.add(keyOf(p));
    }
    if (passes === 1) firstPassInvalid = invalid;
    if (invalid === 0) break;
    if (precise.size === before && [...attempts.values()].every((n) => n > REACH_FACTORS.length + 1))
      throw new Error(`${invalid} areas stay invalid with source coordinates`);
  }

  const written = collections.map(
    (collection): FeatureCollection => ({
      ...collection,
      features: collection.features.map(
        (feature): Feature =>
          isArea(feature.geometry) ? { ...feature, geometry: write(feature.geometry) } : feature,
      ),
    }),
  );
  return {
    collections: written,
    preciseVertices: precise.size,
    totalVertices: allVertices.size,
    repairedAreas: firstPassInvalid,
    knockOnAreas: everInvalid.size - firstPassInvalid,
    passes,
  };
}

function nameOf(feature: Feature): string {
  const p = feature.properties ?? {};
  return String(p.name ?? p.code ?? p.cellId ?? feature.id ?? "unnamed");
}

/**
 * The ends of every edge that comes within `reach` (degrees) of another edge of the same rings: a
 * non-adjacent edge at any point, or, for two consecutive edges, the far end of one near the other (a
 * sharp spike that rounding could fold flat). Edges in a box index, so O(n log n).
 */
export function verticesNearOtherEdges(rings: readonly Position[][], reach: number): Position[] {
  const starts: Position[] = [];
  const ends: Position[] = [];
  const ringOf: number[] = [];
  const positionOf: number[] = [];
  const edgesOfRing: number[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      starts.push(ring[i] as Position);
      ends.push(ring[i + 1] as Position);
      ringOf.push(r);
      positionOf.push(i);
      edgesOfRing.push(ring.length - 1);
    }
  });
  if (starts.length < 2) return [];
  const tree = new Flatbush(starts.length);
  for (let e = 0; e < starts.length; e++) {
    const a = starts[e] as Position;
    const b = ends[e] as Position;
    tree.add(
      Math.min(a[0] as number, b[0] as number) - reach,
      Math.min(a[1] as number, b[1] as number) - reach,
      Math.max(a[0] as number, b[0] as number) + reach,
      Math.max(a[1] as number, b[1] as number) + reach,
    );
  }
  tree.finish();
  const limit = reach * reach;
  const near: Position[] = [];
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s] as Position;
    const b = ends[s] as Position;
    for (const t of tree.search(
      Math.min(a[0] as number, b[0] as number),
      Math.min(a[1] as number, b[1] as number),
      Math.max(a[0] as number, b[0] as number),
      Math.max(a[1] as number, b[1] as number),
    )) {
      if (t <= s) continue;
      const c = starts[t] as Position;
      const d = ends[t] as Position;
      let close: boolean;
      const gap = ringOf[t] === ringOf[s] ? (positionOf[t] as number) - (positionOf[s] as number) : -1;
      if (gap === 1) {
        // s = a→b, t = b→d: is d near a→b, or a near b→d?
        close = project(d, a, b).squared <= limit || project(a, c, d).squared <= limit;
      } else if (gap === (edgesOfRing[s] as number) - 1) {
        // t is the ring's last edge c→a, s its first a→b.
        close = project(c, a, b).squared <= limit || project(b, c, d).squared <= limit;
      } else {
        close =
          project(a, c, d).squared <= limit ||
          project(b, c, d).squared <= limit ||
          project(c, a, b).squared <= limit ||
          project(d, a, b).squared <= limit;
      }
      if (close) near.push(a, b, c, d);
    }
  }
  return near;
}
