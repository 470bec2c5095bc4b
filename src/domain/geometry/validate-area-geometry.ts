/**
 * The validity check of Pilotkarte, the one used by the app (drawing, editing, repair), the import and
 * the data step: exact orientation tests and a box index, O(n log n), where Turf's `boolean-valid`
 * and `kinks` take O(n²) in plain floating point (and can report a phantom crossing between two nearly
 * collinear segments far apart on one line).
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf, samePosition } from "./area-geometry-parts.ts";
import { hasRingContacts } from "./find-ring-contacts.ts";

function isWellFormedRing(ring: Position[]): boolean {
  return (
    ring.length >= 4 &&
    ring.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])) &&
    samePosition(ring[0] as Position, ring.at(-1) as Position)
  );
}

/**
 * Whether an area is valid: at least one part; every ring closed, with at least 4 finite positions;
 * no ring crossing or touching itself or another ring (stricter than OGC, which allows rings to touch
 * at a point, and as strict as Turf); every hole inside its outer ring; no part inside another.
 */
export function isValidAreaGeometry(geometry: AreaGeometry): boolean {
  const parts = partsOf(geometry);
  if (parts.length === 0) return false;
  for (const rings of parts) {
    if (rings.length === 0 || !rings.every(isWellFormedRing)) return false;
  }
  if (hasRingContacts(geometry)) return false;
  // Rings do not touch, so any one vertex tells whether a ring lies inside another.
  for (const [outer, ...holes] of parts) {
    const shell = { type: "Polygon" as const, coordinates: [outer as Position[]] };
    if (holes.some((hole) => !booleanPointInPolygon(hole[0] as Position, shell))) return false;
  }
  for (const [i, rings] of parts.entries()) {
    const polygon = { type: "Polygon" as const, coordinates: rings };
    for (const [j, other] of parts.entries()) {
      if (i !== j && booleanPointInPolygon((other[0] as Position[])[0] as Position, polygon)) return false;
    }
  }
  return true;
}
