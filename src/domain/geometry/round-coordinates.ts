import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf } from "./area-geometry-parts.ts";

/**
 * A copy of an area with longitude and latitude rounded to a grid of `step` degrees (1 / a whole
 * number, e.g. 1e-9°, about 0.1 mm), other coordinates dropped. Equal coordinates stay equal, so shared borders stay
 * shared; coordinates one floating-point step apart become equal. Rounding goes through the integer
 * count of steps, so a value such as 7.41 stays exactly 7.41.
 */
export function roundCoordinates(geometry: AreaGeometry, step: number): AreaGeometry {
  // 1 / 1e-9 is 999999999.9999999 in floating point; steps are meant as 1 / (a whole number).
  const scale = Math.round(1 / step);
  const round = (p: Position): Position => [
    Math.round((p[0] as number) * scale) / scale,
    Math.round((p[1] as number) * scale) / scale,
  ];
  const parts = partsOf(geometry).map((rings) => rings.map((ring) => ring.map(round)));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: parts[0] ?? [] }
    : { type: "MultiPolygon", coordinates: parts };
}
