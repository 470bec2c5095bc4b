/**
 * Brings a geometry that is already valid in substance into canonical form. It does not mend
 * self-intersections or overlaps: that is {@link repairAreaGeometry}'s job.
 */
import { rewind } from "@turf/rewind";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { geometryFromParts, partsOf } from "./area-geometry-parts.ts";
import { cleanRing } from "./clean-ring.ts";
import { measureRingWidthM } from "./measure-planar-ring.ts";

/**
 * A ring thinner than this on average (2 · area / perimeter) encloses no area worth keeping: 1 mm.
 * Collinear rings and rings that double back on themselves measure 0.
 */
export const ZERO_WIDTH_M = 0.001;

function orientation(a: Position, b: Position, c: Position): number {
  return Math.sign(
    ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) -
      ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number)),
  );
}

/** Whether two edges of a closed ring cross in their interiors (a bow-tie's centre). */
function crossesItself(ring: Position[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    for (let k = i + 2; k < edges; k++) {
      const c = ring[k] as Position;
      const d = ring[k + 1] as Position;
      const o1 = orientation(a, b, c);
      const o2 = orientation(a, b, d);
      const o3 = orientation(c, d, a);
      const o4 = orientation(c, d, b);
      if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    }
  }
  return false;
}

/**
 * Whether a closed ring encloses (about) nothing. A ring whose lobes cancel out (a symmetric bow-tie)
 * is kept: it has area, only in the wrong shape. The quadratic crossing test runs only on rings that
 * measure about zero, which are rare.
 */
function isEmptyRing(ring: Position[]): boolean {
  return ring.length < 4 || (measureRingWidthM(ring) < ZERO_WIDTH_M && !crossesItself(ring));
}

/**
 * Canonical form of an area: repeated consecutive positions and positions without finite coordinates
 * dropped, rings closed, rings with fewer than 3 distinct positions or about zero area dropped (an
 * outer ring with its holes), RFC 7946 winding (outer rings counter-clockwise, holes clockwise), and a
 * MultiPolygon with one part returned as a Polygon. Null when nothing is left. Never changes the input.
 */
export function normalizeAreaGeometry(geometry: AreaGeometry): AreaGeometry | null {
  const parts: Position[][][] = [];
  for (const rings of partsOf(geometry)) {
    const [outer, ...holes] = rings.map((ring) => cleanRing(ring).ring);
    if (outer === undefined || isEmptyRing(outer)) continue;
    parts.push([outer, ...holes.filter((hole) => !isEmptyRing(hole))]);
  }
  const result = geometryFromParts(parts);
  // The rings are fresh copies, so rewinding them in place changes nothing the caller holds.
  if (result !== null) rewind(result, { mutate: true });
  return result;
}
