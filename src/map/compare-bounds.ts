/** The frame of the compare maps: the bounding box of the compared variants' areas (pure). */
import type { Position } from "geojson";
import type { Variant } from "../domain/model/plan.ts";

/** Bounds as [west, south, east, north]. */
export type Bounds = [number, number, number, number];

/** The bounding box of the given variants' areas, or null when none has an area. */
export function variantsBounds(variants: readonly Pick<Variant, "areaOrder" | "areas">[]): Bounds | null {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const visit = (position: Position) => {
    const [x, y] = position as [number, number];
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  };
  for (const variant of variants) {
    for (const id of variant.areaOrder) {
      const geometry = variant.areas[id]?.geometry;
      if (!geometry) continue;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      for (const polygon of polygons)
        for (const ring of polygon) for (const position of ring) visit(position);
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
