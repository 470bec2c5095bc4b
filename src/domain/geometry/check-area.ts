/**
 * The checks shown beside an area while it is drawn or edited: is it there, is it valid, is it big
 * enough, does it stay inside the city. Figures are geodesic (WGS84), as planners compare them with
 * official areas.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf } from "./area-geometry-parts.ts";
import { clipToBoundary } from "./clip-to-boundary.ts";
import { ringsMeet } from "./find-ring-contacts.ts";
import { MIN_AREA_M2 } from "./limits.ts";
import { geodesicArea, geodesicPerimeter } from "./measure-area.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { repairAreaGeometry } from "./repair-area-geometry.ts";
import { isValidAreaGeometry } from "./validate-area-geometry.ts";

export { MIN_AREA_M2 };
/** Share of an area that may lie outside the boundary before it is flagged: 0.5 %. */
export const OUTSIDE_SHARE_TOLERANCE = 0.005;

/** One finding of {@link checkArea}; a code for the UI to translate, with the figures it needs. */
export type AreaProblem =
  /** No area at all (nothing drawn, or only lines and points). */
  | { code: "empty" }
  /** Smaller than the minimum. */
  | { code: "too-small"; areaM2: number; minAreaM2: number }
  /** Crossing or touching rings, unclosed rings and the like: run repairAreaGeometry. */
  | { code: "invalid-geometry" }
  /** A warning, not an error: this share (0..1) of the area lies outside the boundary. */
  | { code: "outside-city"; shareOutside: number };

export interface AreaCheck {
  /** False when any problem but "outside-city" was found. */
  valid: boolean;
  problems: AreaProblem[];
  /** Geodesic area in m² (0 when empty). */
  areaM2: number;
  /** Geodesic perimeter in m, holes included (0 when empty). */
  perimeterM: number;
}

export interface CheckAreaOptions {
  /** Smallest acceptable area in m²; {@link MIN_AREA_M2} when left out. */
  minAreaM2?: number;
  /** The city outline; without it the outside check is skipped. */
  boundary?: AreaGeometry;
}

/**
 * Share (0..1) of a valid area outside the boundary. Clipping against a city outline of thousands of
 * vertices takes tens of milliseconds, too slow while drawing. When no edges meet and no ring of the
 * boundary lies inside the area, each part of the area lies wholly inside or wholly outside, which one
 * vertex tells: well under a millisecond.
 */
function measureShareOutside(geometry: AreaGeometry, areaM2: number, boundary: AreaGeometry): number {
  const firstVertices = (shape: AreaGeometry) =>
    partsOf(shape).flatMap((rings) => rings.map((ring) => ring[0] as Position));
  if (
    !ringsMeet(geometry, boundary) &&
    !firstVertices(boundary).some((v) => booleanPointInPolygon(v, geometry))
  ) {
    let outsideM2 = 0;
    for (const rings of partsOf(geometry)) {
      const part: AreaGeometry = { type: "Polygon", coordinates: rings };
      if (!booleanPointInPolygon((rings[0] as Position[])[0] as Position, boundary))
        outsideM2 += geodesicArea(part);
    }
    return Math.min(1, outsideM2 / areaM2);
  }
  const inside = clipToBoundary(geometry, boundary);
  return Math.min(1, Math.max(0, 1 - (inside === null ? 0 : geodesicArea(inside)) / areaM2));
}

/**
 * Checks an area and measures it. "outside-city" is a warning: `valid` stays true when more than
 * {@link OUTSIDE_SHARE_TOLERANCE} of the area lies outside the boundary. Invalid geometry is measured
 * as repaired; its outside share is not computed, as clipping it gives no meaningful figure.
 */
export function checkArea(
  geometry: AreaGeometry | null | undefined,
  options: CheckAreaOptions = {},
): AreaCheck {
  const minAreaM2 = options.minAreaM2 ?? MIN_AREA_M2;
  if (geometry == null || normalizeAreaGeometry(geometry) === null) {
    return { valid: false, problems: [{ code: "empty" }], areaM2: 0, perimeterM: 0 };
  }
  const problems: AreaProblem[] = [];
  const valid = isValidAreaGeometry(geometry);
  // The area of a self-crossing ring is meaningless (a bow-tie's lobes cancel out), so an invalid
  // area is measured as it would be after repair: as the map shows it.
  const measured = valid ? geometry : (repairAreaGeometry(geometry).geometry ?? geometry);
  const areaM2 = geodesicArea(measured);
  const perimeterM = geodesicPerimeter(measured);
  if (!valid) problems.push({ code: "invalid-geometry" });
  if (areaM2 < minAreaM2) problems.push({ code: "too-small", areaM2, minAreaM2 });
  if (valid && options.boundary !== undefined && areaM2 > 0) {
    const shareOutside = measureShareOutside(geometry, areaM2, options.boundary);
    if (shareOutside > OUTSIDE_SHARE_TOLERANCE) problems.push({ code: "outside-city", shareOutside });
  }
  return {
    valid: problems.every((problem) => problem.code === "outside-city"),
    problems,
    areaM2,
    perimeterM,
  };
}
