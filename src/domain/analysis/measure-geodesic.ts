/**
 * Area and perimeter of an area for its analysis row: the app's one area measure and its geodesic
 * perimeter (`geometry/measure-area.ts`), so that the figure beside the map and the one in the
 * analysis are the same number.
 */
import { geodesicArea, geodesicPerimeter } from "../geometry/measure-area.ts";
import type { AreaGeometry } from "../model/plan.ts";

/** Area (outer rings minus holes, m²) and perimeter (all rings, m). */
export function measureGeodesic(geometry: AreaGeometry): { areaM2: number; perimeterM: number } {
  return { areaM2: geodesicArea(geometry), perimeterM: geodesicPerimeter(geometry) };
}
