/**
 * The outline of areas that tile without gaps or overlaps and share their borders vertex for vertex,
 * such as the 12 Stadtbezirke: every inner edge occurs twice, once in each direction, so the outline
 * is what is left after those pairs cancel, chained into rings.
 *
 * Unlike a general polygon union this keeps every vertex of the outer border (a union drops collinear
 * ones: 17 on Dortmund's), so after rounding the city outline and the districts still meet exactly,
 * and it needs no floating-point intersections (4 s of `@turf/union` on Dortmund). It returns null when
 * the areas do not share borders that way; the caller then falls back to a union.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { geodesicArea } from "../../src/domain/geometry/measure-area.ts";
import { isValidAreaGeometry } from "../../src/domain/geometry/validate-area-geometry.ts";

type AreaGeometry = Polygon | MultiPolygon;

interface Edge {
  from: Position;
  to: Position;
  used: boolean;
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

/** Twice the signed area of a ring in the plane of its coordinates (positive: counter-clockwise). */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

/** Even-odd test of a point against a ring. */
function insideRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The outline of `areas` (see the module comment), or null when their borders are not shared exactly. */
export function dissolveSharedBorders(areas: readonly AreaGeometry[]): AreaGeometry | null {
  const edges = new Map<string, Edge>();
  let outerSign = 0;
  for (const area of areas) {
    const parts = area.type === "Polygon" ? [area.coordinates] : area.coordinates;
    for (const rings of parts) {
      if (outerSign === 0 && rings[0]) outerSign = Math.sign(signedArea(rings[0]));
      for (const ring of rings) {
        for (let i = 0; i < ring.length - 1; i++) {
          const from = ring[i] as Position;
          const to = ring[i + 1] as Position;
          if (keyOf(from) === keyOf(to)) continue;
          const key = `${keyOf(from)}>${keyOf(to)}`;
          // The same edge twice in one direction: overlapping areas or rings oriented inconsistently.
          if (edges.has(key)) return null;
          edges.set(key, { from, to, used: false });
        }
      }
    }
  }
  const outgoing = new Map<string, Edge>();
  for (const edge of edges.values()) {
    if (edges.has(`${keyOf(edge.to)}>${keyOf(edge.from)}`)) continue;
    const from = keyOf(edge.from);
    // Two outline edges leaving one vertex: the outline touches itself there; leave it to the union.
    if (outgoing.has(from)) return null;
    outgoing.set(from, edge);
  }
  if (outgoing.size === 0 || outerSign === 0) return null;

  const rings: Position[][] = [];
  for (const start of outgoing.values()) {
    if (start.used) continue;
    const ring: Position[] = [start.from];
    let edge: Edge | undefined = start;
    while (edge && !edge.used) {
      edge.used = true;
      ring.push(edge.to);
      edge = outgoing.get(keyOf(edge.to));
    }
    if (edge !== start) return null;
    rings.push(ring);
  }

  const outers = rings.filter((ring) => Math.sign(signedArea(ring)) === outerSign);
  const holes = rings.filter((ring) => Math.sign(signedArea(ring)) !== outerSign);
  const polygons = outers.map((outer) => [outer]);
  for (const hole of holes) {
    const owner = polygons.find(([outer]) => insideRing(hole[0] as Position, outer as Position[]));
    if (!owner) return null;
    owner.push(hole);
  }
  const outline: AreaGeometry =
    polygons.length === 1
      ? { type: "Polygon", coordinates: polygons[0] as Position[][] }
      : { type: "MultiPolygon", coordinates: polygons };
  if (!isValidAreaGeometry(outline)) return null;
  // Gaps between the areas would show up as a larger outline; it must cover exactly their area.
  const total = areas.reduce((sum, area) => sum + geodesicArea(area), 0);
  if (Math.abs(geodesicArea(outline) - total) > 1e-9 * total) return null;
  return outline;
}
