/**
 * Figures of a whole variant: where its areas overlap (pairwise, both shares), totals with overlaps
 * counted once (union area, residents in the union, facilities counted once), the districts no area
 * touches, and how many areas serve each alliance field.
 */
import type { Paths64 } from "clipper2-ts";
import Flatbush from "flatbush";
import { geodesicArea } from "../geometry/measure-area.ts";
import { ALLIANCE_FIELDS, type AllianceField } from "../model/catalogue.ts";
import type { AreaId, Variant } from "../model/plan.ts";
import { type AnalyseAreaOptions, type AreaInput, levelsToReport } from "./analyse-area.ts";
import type {
  AreaAnalysis,
  AreaOverlap,
  FieldCount,
  UncoveredDistricts,
  UniqueFacilities,
  VariantAnalysis,
} from "./analysis-result.ts";
import type { ClipFrame } from "./clip-frame.ts";
import { pointsInside, selectionOf } from "./count-facilities.ts";
import { pathsAreaM2 } from "./ellipsoidal-area.ts";
import { estimateResidents } from "./estimate-residents.ts";
import { intersectShapes, unionOfShapes } from "./intersect-shapes.ts";
import { MIN_COVERED_M2, measureCoverage, shareOf } from "./measure-coverage.ts";
import { pathsToMultiPolygon } from "./paths-to-geometry.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";
import { containsPoint } from "./ring-index.ts";

/** An area of a variant: geometry plus the alliance fields it serves. */
export interface VariantAreaInput extends AreaInput {
  fields?: readonly AllianceField[];
}

/** Options of {@link analyseVariant}. */
export interface AnalyseVariantOptions extends AnalyseAreaOptions {
  /**
   * Results of {@link analyseArea} for (some of) the areas, from the per-area rows the UI already has;
   * their district coverage and sizes are reused instead of computed again.
   */
  areaAnalyses?: readonly AreaAnalysis[];
  /** Whether to return the overlap geometries (for the map); default true. */
  overlapGeometries?: boolean;
}

/** The areas of a plan variant in list order, as input for {@link analyseVariant}. */
export function areasOfVariant(variant: Variant): VariantAreaInput[] {
  return variant.areaOrder.flatMap((id: AreaId) => {
    const area = variant.areas[id];
    return area ? [{ id: area.id, geometry: area.geometry, fields: area.fields }] : [];
  });
}

/** One overlapping pair: indexes into the input (a < b), the overlap in m² and its paths. */
export interface OverlapPair {
  a: number;
  b: number;
  overlapM2: number;
  paths: Paths64;
}

/**
 * Every pair of areas that overlaps by at least `MIN_COVERED_M2`, in input order (a < b). Only pairs
 * whose boxes meet are clipped (Flatbush). Each pair is clipped once, so the result is symmetric by
 * construction.
 */
export function findOverlaps(frame: ClipFrame, areas: readonly PreparedArea[]): OverlapPair[] {
  const withBox = areas.flatMap((area, i) => (area.box === null ? [] : [i]));
  if (withBox.length < 2) return [];
  const index = new Flatbush(withBox.length);
  for (const i of withBox) {
    const box = (areas[i] as PreparedArea).box as [number, number, number, number];
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  const pairs: OverlapPair[] = [];
  withBox.forEach((a, k) => {
    const area = areas[a] as PreparedArea;
    const box = area.box as [number, number, number, number];
    const others = index
      .search(box[0], box[1], box[2], box[3])
      .filter((j) => j > k)
      .map((j) => withBox[j] as number)
      .sort((x, y) => x - y);
    for (const b of others) {
      const other = areas[b] as PreparedArea;
      const { areaM2, paths } = intersectShapes(frame, area.shape, other.shape, {
        a: (lon, lat) => containsPoint(area.rings, lon, lat),
        b: (lon, lat) => containsPoint(other.rings, lon, lat),
      });
      if (areaM2 >= MIN_COVERED_M2) pairs.push({ a, b, overlapM2: areaM2, paths });
    }
  });
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Codes and names of the districts, per level, that none of the coverages touches. */
function uncovered(
  context: AnalysisContext,
  coverages: readonly AreaAnalysis["levels"][],
  options: AnalyseAreaOptions,
): UncoveredDistricts[] {
  return levelsToReport(context, options).map((level) => {
    const prepared = context.levels[level];
    const touched = new Set<string>();
    for (const levels of coverages) {
      for (const coverage of levels) {
        if (coverage.level === level) for (const row of coverage.districts) touched.add(row.code);
      }
    }
    const codes: string[] = [];
    const names: string[] = [];
    prepared?.codes.forEach((code, i) => {
      if (touched.has(code)) return;
      codes.push(code);
      names.push(prepared.names[i] as string);
    });
    return { level, codes, names };
  });
}

/** Number of areas and their summed geodesic area per alliance field, in the fields' fixed order. */
function countFields(areas: readonly VariantAreaInput[], sizes: readonly number[]): FieldCount[] {
  return ALLIANCE_FIELDS.map((field) => {
    let areaCount = 0;
    let areaM2 = 0;
    areas.forEach((area, i) => {
      if (!area.fields?.includes(field)) return;
      areaCount++;
      areaM2 += sizes[i] as number;
    });
    return { field, areaCount, areaM2 };
  });
}

/** All variant figures as a plain, serialisable object. Areas are reported in input order. */
export function analyseVariant(
  context: AnalysisContext,
  areas: readonly VariantAreaInput[],
  options: AnalyseVariantOptions = {},
): VariantAnalysis {
  const frame = context.frame;
  const prepared = areas.map((area) => prepareArea(frame, area.id, area.geometry));
  const known = new Map((options.areaAnalyses ?? []).map((analysis) => [analysis.areaId, analysis]));

  const overlaps: AreaOverlap[] = findOverlaps(frame, prepared).map(({ a, b, overlapM2, paths }) => {
    const areaA = prepared[a] as PreparedArea;
    const areaB = prepared[b] as PreparedArea;
    return {
      areaIdA: areaA.id,
      areaIdB: areaB.id,
      overlapM2,
      overlapHa: overlapM2 / 10_000,
      shareOfA: shareOf(overlapM2, areaA.shape.areaM2),
      shareOfB: shareOf(overlapM2, areaB.shape.areaM2),
      geometry:
        options.overlapGeometries === false
          ? { type: "MultiPolygon", coordinates: [] }
          : pathsToMultiPolygon(frame, paths),
    };
  });

  // Totals with overlaps counted once: measure the union, and count points inside any area once.
  const unionPaths = unionOfShapes(prepared.map((area) => area.shape));
  const unionGeometry = pathsToMultiPolygon(frame, unionPaths);
  const union = prepareArea(frame, "union", unionGeometry);
  const facilities: UniqueFacilities[] = context.facilities.map((layer) => {
    const seen = new Set<number>();
    for (const area of prepared) for (const source of pointsInside(layer, area)) seen.add(source);
    const { count, byCategory } = selectionOf(
      layer,
      [...seen].sort((x, y) => x - y),
    );
    return { layerId: layer.id, count, byCategory };
  });

  const coverages = prepared.map((area) => {
    const analysis = known.get(area.id);
    if (analysis) return analysis.levels;
    return levelsToReport(context, options).flatMap((level) => {
      const levelPrepared = context.levels[level];
      return levelPrepared ? [measureCoverage(context, levelPrepared, area)] : [];
    });
  });
  const sizes = prepared.map((area) => known.get(area.id)?.areaM2 ?? geodesicArea(area.geometry));

  return {
    areaCount: areas.length,
    overlaps,
    totals: {
      sumOfAreasM2: prepared.reduce((sum, area) => sum + area.shape.areaM2, 0),
      unionAreaM2: pathsAreaM2(frame, unionPaths),
      residents: estimateResidents(context, union),
      facilities,
    },
    uncoveredDistricts: uncovered(context, coverages, options),
    fields: countFields(areas, sizes),
  };
}
