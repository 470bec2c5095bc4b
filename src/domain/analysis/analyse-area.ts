/**
 * The figures of one pilot area: its size, its share of the city, the districts it covers on every
 * level, the residents it reaches (two methods, as a range) and the facilities inside and nearby.
 * Runs on every vertex drag, so everything expensive lives in the prepared context and this only
 * prepares the area itself (linear in its vertices) and queries the indexes.
 */
import type { ReferenceLevel } from "../model/catalogue.ts";
import { REFERENCE_LEVELS } from "../model/catalogue.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { AreaAnalysis, CityShare } from "./analysis-result.ts";
import { countFacilities, DEFAULT_DISTANCES_M } from "./count-facilities.ts";
import { estimateResidents, estimateResidentsComparison } from "./estimate-residents.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { measureLevels, shareOf } from "./measure-coverage.ts";
import { measureGeodesic } from "./measure-geodesic.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";
import { containsPoint } from "./ring-index.ts";

/** The area to analyse: an id to label the result and its geometry (valid, as the editor keeps it). */
export interface AreaInput {
  id: string;
  geometry: AreaGeometry;
}

/** Options of {@link analyseArea}. */
export interface AnalyseAreaOptions {
  /** Walking distances in metres for "facilities within"; default 300 m. */
  distancesM?: readonly number[];
  /** Levels to report, in this order; default all prepared levels, coarse to fine. */
  levels?: readonly ReferenceLevel[];
}

/** The part of the area inside the city; null without a city outline. */
export function measureCityShare(context: AnalysisContext, area: PreparedArea): CityShare | null {
  const city = context.city;
  if (city === null) return null;
  const cityRings = context.cityRings;
  const insideM2 = intersectionAreaM2(context.frame, area.shape, city, {
    a: (lon, lat) => containsPoint(area.rings, lon, lat),
    ...(cityRings ? { b: (lon: number, lat: number) => containsPoint(cityRings, lon, lat) } : {}),
  });
  return {
    insideM2,
    shareOfCity: shareOf(insideM2, city.areaM2),
    shareOfAreaInside: shareOf(insideM2, area.shape.areaM2),
  };
}

/** Levels to report: those asked for that are prepared, else all prepared ones, coarse to fine. */
export function levelsToReport(context: AnalysisContext, options: AnalyseAreaOptions = {}): ReferenceLevel[] {
  return (options.levels ?? REFERENCE_LEVELS).filter((level) => context.levels[level] !== undefined);
}

/** Analyses an already prepared area (see {@link analyseArea}). */
export function analysePreparedArea(
  context: AnalysisContext,
  area: PreparedArea,
  options: AnalyseAreaOptions = {},
): AreaAnalysis {
  const levels = measureLevels(context, area, levelsToReport(context, options));
  const { areaM2, perimeterM } = measureGeodesic(area.geometry);
  return {
    areaId: area.id,
    areaM2,
    perimeterM,
    city: measureCityShare(context, area),
    levels,
    residents: estimateResidents(context, area),
    ...(context.comparison ? { residentsComparison: estimateResidentsComparison(context, area) } : {}),
    facilities: countFacilities(context, area, options.distancesM ?? DEFAULT_DISTANCES_M),
  };
}

/**
 * All figures of one pilot area as a plain, serialisable object. Shares are ratios of areas measured
 * with the app's one area measure (`geometry/measure-area.ts`), as is `areaM2`; `perimeterM` is geodesic
 * (GeographicLib).
 */
export function analyseArea(
  context: AnalysisContext,
  area: AreaInput,
  options: AnalyseAreaOptions = {},
): AreaAnalysis {
  return analysePreparedArea(context, prepareArea(context.frame, area.id, area.geometry), options);
}
