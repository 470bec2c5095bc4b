/**
 * Geodesic area and perimeter of an area in one pass over its vertices (GeographicLib on WGS84, as
 * `geodesicArea` and `geodesicPerimeter` in the geometry module, which take a pass each). On every
 * vertex drag this is the single most expensive step for a detailed area, so one pass matters.
 */
import geographiclib from "geographiclib-geodesic";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";

const WGS84 = geographiclib.Geodesic.WGS84;

/** Geodesic area (outer rings minus holes, m²) and perimeter (all rings, m). */
export function measureGeodesic(geometry: AreaGeometry): { areaM2: number; perimeterM: number } {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let areaM2 = 0;
  let perimeterM = 0;
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      const polygon = WGS84.Polygon(false);
      // GeoJSON repeats the first position at the end; GeographicLib closes rings itself.
      const last = ring.length - 1;
      const closed = last > 0 && ring[0]?.[0] === ring[last]?.[0] && ring[0]?.[1] === ring[last]?.[1];
      const n = closed ? last : ring.length;
      for (let k = 0; k < n; k++) {
        const p = ring[k] as Position;
        polygon.AddPoint(p[1] as number, p[0] as number);
      }
      const result = polygon.Compute(false, true);
      const area = Math.abs(result.area ?? 0);
      areaM2 += i === 0 ? area : -area;
      perimeterM += result.perimeter;
    });
  }
  return { areaM2, perimeterM };
}
