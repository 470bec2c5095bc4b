/**
 * Converting between an {@link AreaGeometry} and its list of polygon parts (each a list of rings), the
 * shape every operation here works on.
 */
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";

/** The polygon parts of a geometry: one for a Polygon, one per member of a MultiPolygon. */
export function partsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** A Polygon for one part, a MultiPolygon for several, null for none. Does not copy. */
export function geometryFromParts(parts: Position[][][]): AreaGeometry | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: "Polygon", coordinates: parts[0] as Position[][] };
  return { type: "MultiPolygon", coordinates: parts };
}

/** Whether two positions are the same point (longitude and latitude; altitude is ignored). */
export function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Positions in all rings (closing positions included): the measure of a geometry's weight. */
export function vertexCount(geometry: AreaGeometry): number {
  let n = 0;
  for (const rings of partsOf(geometry)) for (const ring of rings) n += ring.length;
  return n;
}
