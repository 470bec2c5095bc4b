/**
 * Coverage of one level of reference areas by a pilot area: which districts it touches, the area of
 * each intersection, and the shares both ways. Only districts whose boxes meet the area's box are
 * clipped (Flatbush), each with clipper2-ts after cutting both to the overlap of their boxes.
 */
import type { DistrictCoverage, LevelCoverage } from "./analysis-result.ts";
import { type ClipShape, intersectShapes } from "./intersect-shapes.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";
import { districtsNear, type PreparedReferenceLevel } from "./prepare-reference-areas.ts";
import { containsPoint, type RingIndex } from "./ring-index.ts";

/**
 * Smallest intersection, in m², that counts as touching a district. Areas drawn along a border with
 * snapping overlap their neighbour by slivers of far less than this; a square metre is no coverage
 * worth listing.
 */
export const MIN_COVERED_M2 = 1;

/** A share from a part and a whole, kept in 0..1 against rounding. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0;
}

/** Sorts coverage rows: largest intersection first, then by code, so results are stable. */
export function sortCoverage(rows: DistrictCoverage[]): DistrictCoverage[] {
  return rows.sort((a, b) => b.intersectionM2 - a.intersectionM2 || a.code.localeCompare(b.code));
}

/** The districts of `level` that `area` covers, with intersection areas and shares. */
export function measureCoverage(
  context: AnalysisContext,
  level: PreparedReferenceLevel,
  area: PreparedArea,
): LevelCoverage {
  const rows: DistrictCoverage[] = [];
  let covered = 0;
  const areaM2 = area.shape.areaM2;
  if (area.box !== null) {
    for (const i of districtsNear(level, area.box)) {
      const district = level.shapes[i] as ClipShape;
      const rings = level.rings[i] as RingIndex;
      const { areaM2: intersectionM2 } = intersectShapes(context.frame, area.shape, district, {
        a: (lon, lat) => containsPoint(area.rings, lon, lat),
        b: (lon, lat) => containsPoint(rings, lon, lat),
      });
      if (intersectionM2 < MIN_COVERED_M2) continue;
      covered += intersectionM2;
      rows.push({
        code: level.codes[i] as string,
        name: level.names[i] as string,
        intersectionM2,
        shareOfDistrict: shareOf(intersectionM2, district.areaM2),
        shareOfArea: 0,
      });
    }
  }
  // Each clipped piece rounds its new corners to the frame's 0.01 mm, so the pieces of an area that
  // lies wholly in the level can add up to a hair (about 1e-9) more than the area itself. Dividing by
  // the larger of the two keeps the shares of the area summing to at most 1.
  const whole = Math.max(areaM2, covered);
  for (const row of rows) row.shareOfArea = shareOf(row.intersectionM2, whole);
  return { level: level.level, districts: sortCoverage(rows), shareOfAreaCovered: shareOf(covered, areaM2) };
}
