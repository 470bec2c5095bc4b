/**
 * Figures of a whole variant: where its areas overlap (pairwise, both shares), totals with overlaps
 * counted once (union area, residents in the union, facilities counted once), the districts no area
 * touches, and how many areas serve each alliance field.
 */
import type { Paths64 } from "clipper2-ts";
import type { MultiPolygon } from "geojson";
import { geodesicArea, pathsAreaM2 } from "../geometry/measure-area.ts";
import { pathsToMultiPolygon } from "../geometry/paths-to-geometry.ts";
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
import { pointsInside, selectionOf } from "./count-facilities.ts";
import { estimateResidents, estimateResidentsComparison } from "./estimate-residents.ts";
import { findOverlaps, type OverlapPair } from "./find-overlaps.ts";
import { unionOfShapes } from "./intersect-shapes.ts";
import { MIN_COVERED_M2, measureLevels, shareOf } from "./measure-coverage.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";

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

/**
 * The union of the areas as integer paths: areas that overlap nothing are taken as they are, and each
 * group of areas linked by overlaps is merged on its own, which keeps clipper's problems small.
 */
function unionByGroups(areas: readonly PreparedArea[], links: readonly OverlapPair[]): Paths64[] {
  const parent = areas.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  for (const { a, b } of links) parent[root(a)] = root(b);
  const groups = new Map<number, PreparedArea[]>();
  areas.forEach((area, i) => {
    const r = root(i);
    const group = groups.get(r) ?? [];
    group.push(area);
    groups.set(r, group);
  });
  return [...groups.values()].map((group) =>
    group.length === 1
      ? (group[0] as PreparedArea).shape.paths
      : unionOfShapes(group.map((area) => area.shape)),
  );
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

  // Every pair with any overlap links areas for the union; pairs of at least MIN_COVERED_M2 are reported.
  const withShapes = options.overlapGeometries !== false;
  const linked = findOverlaps(frame, prepared, { minM2: 0, withPaths: withShapes });
  const overlaps: AreaOverlap[] = linked
    .filter((pair) => pair.overlapM2 >= MIN_COVERED_M2)
    .map(({ a, b, overlapM2, paths }) => {
      const areaA = prepared[a] as PreparedArea;
      const areaB = prepared[b] as PreparedArea;
      return {
        areaIdA: areaA.id,
        areaIdB: areaB.id,
        overlapM2,
        overlapHa: overlapM2 / 10_000,
        shareOfA: shareOf(overlapM2, areaA.shape.areaM2),
        shareOfB: shareOf(overlapM2, areaB.shape.areaM2),
        geometry: withShapes ? pathsToMultiPolygon(frame, paths) : { type: "MultiPolygon", coordinates: [] },
      };
    });

  // Totals with overlaps counted once: measure the union, and count points inside any area once.
  const groups = unionByGroups(prepared, linked);
  const unionGeometry: MultiPolygon = {
    type: "MultiPolygon",
    coordinates: groups.flatMap((paths) => pathsToMultiPolygon(frame, paths).coordinates),
  };
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
    return measureLevels(context, area, levelsToReport(context, options));
  });
  const sizes = prepared.map((area) => known.get(area.id)?.areaM2 ?? geodesicArea(area.geometry));

  return {
    areaCount: areas.length,
    overlaps,
    totals: {
      sumOfAreasM2: prepared.reduce((sum, area) => sum + area.shape.areaM2, 0),
      unionAreaM2: groups.reduce((sum, paths) => sum + pathsAreaM2(frame, paths), 0),
      residents: estimateResidents(context, union),
      ...(context.comparison ? { residentsComparison: estimateResidentsComparison(context, union) } : {}),
      facilities,
    },
    uncoveredDistricts: uncovered(context, coverages, options),
    fields: countFields(areas, sizes),
  };
}
