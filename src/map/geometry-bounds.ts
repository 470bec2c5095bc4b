/** Bounding boxes of plan geometries, for framing maps (pure; outer rings only, holes lie inside). */
import type { AreaGeometry } from "../domain/model/plan.ts";

/** West, south, east, north of the geometries, or null when there are none. */
export function geometriesBbox(geometries: readonly AreaGeometry[]): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) {
      for (const [x, y] of rings[0] ?? []) {
        if (x === undefined || y === undefined) continue;
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
