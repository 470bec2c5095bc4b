/**
 * The parts of a variant's figures that the full recompute (`analyse-variant.ts`) and the incremental
 * one (`incremental-variant.ts`) share, so that both give the same answer to the last bit: how one
 * pair of areas is measured (always in id order, whatever the variant's order), how an overlap row is
 * written, and how the per-area parts add up to the variant's figures.
 */
import type { Paths64 } from "clipper2-ts";
import type { MultiPolygon } from "geojson";
import type { ClipFrame } from "../geometry/clip-frame.ts";
import { ALLIANCE_FIELDS, type AllianceField } from "../model/catalogue.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { AnalyseAreaOptions } from "./analyse-area.ts";
import { levelsToReport } from "./analyse-area.ts";
import type {
  AreaOverlap,
  FieldCount,
  LevelCoverage,
  UncoveredDistricts,
  UniqueFacilities,
  VariantAnalysis,
} from "./analysis-result.ts";
import { selectionOf } from "./count-facilities.ts";
import { intersectShapes } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { shareOf } from "./measure-coverage.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";
import { containsPoint } from "./ring-index.ts";
import type { TileFigures } from "./union-tiles.ts";
import { totalsOfTiles } from "./union-tiles.ts";

/** An area of a variant as the analysis takes it. */
export interface VariantAreaLike {
  id: string;
  geometry: AreaGeometry;
  fields?: readonly AllianceField[];
}

/** The overlap of two areas, measured in id order. */
export interface MeasuredPair {
  overlapM2: number;
  /** Integer paths of the overlap; empty unless shapes were asked for. */
  paths: Paths64;
}

/**
 * The overlap of two areas. The operands go to the kernels in id order, so the answer does not depend
 * on which of the two comes first in the variant (clipper's last bits do depend on operand order).
 */
export function measurePair(
  frame: ClipFrame,
  first: PreparedArea,
  second: PreparedArea,
  withPaths: boolean,
): MeasuredPair {
  const [a, b] = first.id <= second.id ? [first, second] : [second, first];
  const contains = {
    a: (lon: number, lat: number) => containsPoint(a.rings, lon, lat),
    b: (lon: number, lat: number) => containsPoint(b.rings, lon, lat),
  };
  if (withPaths) {
    const found = intersectShapes(frame, a.shape, b.shape, contains);
    return { overlapM2: found.areaM2, paths: found.paths };
  }
  return { overlapM2: intersectionAreaM2(frame, a.shape, b.shape, contains), paths: [] };
}

/** An overlap row; `a` comes before `b` in the variant. */
export function overlapRow(
  a: PreparedArea,
  b: PreparedArea,
  overlapM2: number,
  geometry: MultiPolygon,
): AreaOverlap {
  return {
    areaIdA: a.id,
    areaIdB: b.id,
    overlapM2,
    overlapHa: overlapM2 / 10_000,
    shareOfA: shareOf(overlapM2, a.shape.areaM2),
    shareOfB: shareOf(overlapM2, b.shape.areaM2),
    geometry,
  };
}

/** The empty geometry of overlap rows without shapes. */
export const NO_SHAPE: MultiPolygon = { type: "MultiPolygon", coordinates: [] };

/** Codes and names of the districts, per level, that none of the coverages touches. */
function uncovered(
  context: AnalysisContext,
  coverages: readonly LevelCoverage[][],
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
function countFields(areas: readonly VariantAreaLike[], sizes: readonly number[]): FieldCount[] {
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

/** Everything per area that the variant's figures are added up from, in variant order. */
export interface VariantParts {
  areas: readonly VariantAreaLike[];
  prepared: readonly PreparedArea[];
  /** Per facility layer: input indexes of the points inside any area, ascending. */
  facilitiesInside: readonly (readonly number[])[];
  coverages: readonly LevelCoverage[][];
  /** Geodesic area of each area, m². */
  sizes: readonly number[];
  overlaps: AreaOverlap[];
  /** The union's tiles in ascending key order. */
  tiles: readonly TileFigures[];
}

/** The variant's figures from its parts. */
export function assembleVariant(
  context: AnalysisContext,
  parts: VariantParts,
  options: AnalyseAreaOptions,
): VariantAnalysis {
  const facilities: UniqueFacilities[] = context.facilities.map((layer, l) => {
    const { count, byCategory } = selectionOf(layer, parts.facilitiesInside[l] ?? []);
    return { layerId: layer.id, count, byCategory };
  });
  const { unionAreaM2, residents, residentsComparison } = totalsOfTiles(context, parts.tiles);
  return {
    areaCount: parts.areas.length,
    overlaps: parts.overlaps,
    totals: {
      sumOfAreasM2: parts.prepared.reduce((sum, area) => sum + area.shape.areaM2, 0),
      unionAreaM2,
      residents,
      ...(context.comparison ? { residentsComparison } : {}),
      facilities,
    },
    uncoveredDistricts: uncovered(context, parts.coverages, options),
    fields: countFields(parts.areas, parts.sizes),
  };
}
