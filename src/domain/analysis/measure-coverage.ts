/**
 * Coverage of the levels of reference areas by a pilot area: which districts it touches, the area of
 * each intersection, and the shares both ways. Only districts whose boxes meet the area's box are
 * clipped (Flatbush, then the area-only kernel of `intersection-area.ts`); levels made of a finer
 * level are summed from it.
 */
import type { ReferenceLevel } from "../model/catalogue.ts";
import type { DistrictCoverage, LevelCoverage } from "./analysis-result.ts";
import type { ClipShape } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
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

/**
 * Every positive intersection of `area` with the districts of `level`, by district index (m²). Only
 * districts whose boxes meet the area's box are clipped.
 */
export function intersectDistricts(
  context: AnalysisContext,
  level: PreparedReferenceLevel,
  area: PreparedArea,
): Map<number, number> {
  const found = new Map<number, number>();
  if (area.box === null) return found;
  for (const i of districtsNear(level, area.box)) {
    const rings = level.rings[i] as RingIndex;
    const intersectionM2 = intersectionAreaM2(context.frame, area.shape, level.shapes[i] as ClipShape, {
      a: (lon, lat) => containsPoint(area.rings, lon, lat),
      b: (lon, lat) => containsPoint(rings, lon, lat),
    });
    if (intersectionM2 > 0) found.set(i, intersectionM2);
  }
  return found;
}

/** The coverage rows of a level from its intersections (district index → m²) with an area of `areaM2`. */
export function coverageFromIntersections(
  level: PreparedReferenceLevel,
  intersections: ReadonlyMap<number, number>,
  areaM2: number,
): LevelCoverage {
  const rows: DistrictCoverage[] = [];
  let covered = 0;
  for (const [i, intersectionM2] of intersections) {
    if (intersectionM2 < MIN_COVERED_M2) continue;
    covered += intersectionM2;
    rows.push({
      code: level.codes[i] as string,
      name: level.names[i] as string,
      intersectionM2,
      shareOfDistrict: shareOf(intersectionM2, (level.shapes[i] as ClipShape).areaM2),
      shareOfArea: 0,
    });
  }
  // Each clipped piece rounds its new corners to the frame's 0.01 mm, so the pieces of an area that
  // lies wholly in the level can add up to a hair (about 1e-9) more than the area itself. Dividing by
  // the larger of the two keeps the shares of the area summing to at most 1.
  const whole = Math.max(areaM2, covered);
  for (const row of rows) row.shareOfArea = shareOf(row.intersectionM2, whole);
  return { level: level.level, districts: sortCoverage(rows), shareOfAreaCovered: shareOf(covered, areaM2) };
}

/** The districts of `level` that `area` covers, with intersection areas and shares, clipping each. */
export function measureCoverage(
  context: AnalysisContext,
  level: PreparedReferenceLevel,
  area: PreparedArea,
): LevelCoverage {
  return coverageFromIntersections(level, intersectDistricts(context, level, area), area.shape.areaM2);
}

/**
 * Coverage of several levels. A level made of a finer one (see `detect-nesting.ts`) is summed from
 * the finer level's intersections instead of clipped; the finer level is computed once either way.
 */
export function measureLevels(
  context: AnalysisContext,
  area: PreparedArea,
  levels: readonly ReferenceLevel[],
): LevelCoverage[] {
  const known = new Map<ReferenceLevel, Map<number, number>>();
  const intersectionsOf = (name: ReferenceLevel): Map<number, number> => {
    const cached = known.get(name);
    if (cached) return cached;
    const level = context.levels[name] as PreparedReferenceLevel;
    const nesting = context.nesting[name];
    let result: Map<number, number>;
    if (nesting && context.levels[nesting.finer]) {
      result = new Map();
      for (const [child, m2] of intersectionsOf(nesting.finer)) {
        const parent = nesting.parentOf[child] as number;
        result.set(parent, (result.get(parent) ?? 0) + m2);
      }
    } else {
      result = intersectDistricts(context, level, area);
    }
    known.set(name, result);
    return result;
  };
  return levels.flatMap((name) => {
    const level = context.levels[name];
    return level ? [coverageFromIntersections(level, intersectionsOf(name), area.shape.areaM2)] : [];
  });
}
