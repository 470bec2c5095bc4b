/**
 * The comparison matrix of workshop mode: 2–4 variants side by side, one row per indicator, each
 * cell with its value, its difference from the first (baseline) variant and whether it is the best
 * of its row. Which way is "better" is declared per indicator, not guessed from the numbers; rows
 * where bigger is neither better nor worse (the size of the areas) are "neutral" and mark nothing.
 * No wording here: the UI names rows from `indicator` and `subject` and formats by `unit`.
 */

import type { VariantAnalysis } from "../analysis/analysis-result.ts";
import { ALLIANCE_FIELDS, type ReferenceLevel } from "../model/catalogue.ts";

/** Which way an indicator improves. */
export type IndicatorDirection = "higher-is-better" | "lower-is-better" | "neutral";

/** How a value is formatted: square metres, a number of residents, or a plain count. */
export type IndicatorUnit = "m2" | "residents" | "count";

/** The kinds of rows. Persisted in exported comparisons: DO NOT RENAME. */
export type IndicatorKind =
  /** Area of the union of the variant's areas (overlaps once). */
  | "union-area"
  /** Sum of the areas' own areas (overlaps twice). */
  | "sum-of-areas"
  /** Residents reached, lowest and highest estimate. */
  | "residents-low"
  | "residents-high"
  /** Facilities of one layer inside the variant's areas, each counted once; `subject` is the layer id. */
  | "facilities"
  /** Districts of one level touched by some area; `subject` is the level. */
  | "districts-covered"
  /** Pairs of areas that overlap, and the sum of those overlaps in m². */
  | "overlap-count"
  | "overlap-area"
  /** Areas serving one alliance field; `subject` is the field. */
  | "field-areas";

/** Per kind: unit, direction, and whether a relative difference means anything. */
export const INDICATOR_DEFINITIONS: Readonly<
  Record<IndicatorKind, { unit: IndicatorUnit; direction: IndicatorDirection; relative: boolean }>
> = {
  // Bigger areas cost more to run; size alone is not a merit, so both area rows stay neutral.
  "union-area": { unit: "m2", direction: "neutral", relative: true },
  "sum-of-areas": { unit: "m2", direction: "neutral", relative: true },
  "residents-low": { unit: "residents", direction: "higher-is-better", relative: true },
  "residents-high": { unit: "residents", direction: "higher-is-better", relative: true },
  facilities: { unit: "count", direction: "higher-is-better", relative: true },
  "districts-covered": { unit: "count", direction: "higher-is-better", relative: false },
  "overlap-count": { unit: "count", direction: "lower-is-better", relative: false },
  "overlap-area": { unit: "m2", direction: "lower-is-better", relative: true },
  // A balance between fields is what matters, not more areas in one of them.
  "field-areas": { unit: "count", direction: "neutral", relative: false },
};

/** One variant to compare. */
export interface MatrixVariant {
  variantId: string;
  name: string;
  analysis: VariantAnalysis;
}

export interface IndicatorCell {
  variantId: string;
  /** Null when the figure is not available (no census grid loaded, layer missing). */
  value: number | null;
  /** Value minus the baseline's; 0 in the baseline column; null when either is missing. */
  delta: number | null;
  /** Delta as a share of the baseline (0.1 = +10 %); null where not meaningful or the baseline is 0. */
  relativeDelta: number | null;
  /** Best of its row by the row's direction; every tied cell is marked; never in neutral rows. */
  best: boolean;
}

export interface IndicatorRow {
  /** Stable id: the kind, plus ":" and the subject where there is one ("facilities:schulen"). */
  id: string;
  indicator: IndicatorKind;
  subject?: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  cells: IndicatorCell[];
  /**
   * "ranges-overlap": residents are a range of two methods, and no variant's range lies wholly above
   * the others', so no best value is marked in either residents row.
   */
  note?: "ranges-overlap";
}

export interface IndicatorMatrix {
  /** Variant ids in column order; the first is the baseline. */
  variantIds: string[];
  names: string[];
  rows: IndicatorRow[];
}

export interface IndicatorMatrixOptions {
  /** Number of districts per level in the city; a level without a total gets no row. */
  districtTotals: Partial<Record<ReferenceLevel, number>>;
  /** Directions that differ from {@link INDICATOR_DEFINITIONS} (a workshop may want bigger areas). */
  directions?: Partial<Record<IndicatorKind, IndicatorDirection>>;
}

export const MIN_MATRIX_VARIANTS = 2;
export const MAX_MATRIX_VARIANTS = 4;

/** Values within this share of each other count as a tie (sums of m² differ in the last bits). */
const TIE_TOLERANCE = 1e-9;

/**
 * The matrix for 2–4 variants, the first as baseline. Throws a RangeError for fewer or more: the UI
 * lets the planner pick 2–4, so anything else is a bug.
 */
export function buildIndicatorMatrix(
  variants: readonly MatrixVariant[],
  options: IndicatorMatrixOptions,
): IndicatorMatrix {
  if (variants.length < MIN_MATRIX_VARIANTS || variants.length > MAX_MATRIX_VARIANTS) {
    throw new RangeError(`compare 2 to 4 variants, not ${variants.length}`);
  }
  const rows: IndicatorRow[] = [];
  const add = (
    indicator: IndicatorKind,
    subject: string | undefined,
    value: (a: VariantAnalysis) => number | null,
  ) => rows.push(buildRow(indicator, subject, variants, value, options));

  add("union-area", undefined, (a) => a.totals.unionAreaM2);
  add("sum-of-areas", undefined, (a) => a.totals.sumOfAreasM2);
  add("residents-low", undefined, (a) => a.totals.residents?.low ?? null);
  add("residents-high", undefined, (a) => a.totals.residents?.high ?? null);
  markBestRange(rows[rows.length - 2] as IndicatorRow, rows[rows.length - 1] as IndicatorRow);
  const layerIds = [...new Set(variants.flatMap((v) => v.analysis.totals.facilities.map((f) => f.layerId)))];
  for (const layerId of layerIds) {
    add("facilities", layerId, (a) => a.totals.facilities.find((f) => f.layerId === layerId)?.count ?? null);
  }
  for (const [level, total] of Object.entries(options.districtTotals) as [ReferenceLevel, number][]) {
    add("districts-covered", level, (a) => {
      const uncovered = a.uncoveredDistricts.find((entry) => entry.level === level);
      return uncovered === undefined ? null : total - uncovered.codes.length;
    });
  }
  add("overlap-count", undefined, (a) => a.overlaps.length);
  add("overlap-area", undefined, (a) => a.overlaps.reduce((sum, overlap) => sum + overlap.overlapM2, 0));
  for (const field of ALLIANCE_FIELDS) {
    add("field-areas", field, (a) => a.fields.find((entry) => entry.field === field)?.areaCount ?? 0);
  }
  return { variantIds: variants.map((v) => v.variantId), names: variants.map((v) => v.name), rows };
}

function buildRow(
  indicator: IndicatorKind,
  subject: string | undefined,
  variants: readonly MatrixVariant[],
  figure: (analysis: VariantAnalysis) => number | null,
  options: IndicatorMatrixOptions,
): IndicatorRow {
  const definition = INDICATOR_DEFINITIONS[indicator];
  const direction = options.directions?.[indicator] ?? definition.direction;
  const values = variants.map((variant) => figure(variant.analysis));
  const baseline = values[0] ?? null;
  const present = values.filter((value): value is number => value !== null);
  const target =
    direction === "neutral" || present.length === 0
      ? null
      : direction === "higher-is-better"
        ? Math.max(...present)
        : Math.min(...present);
  const cells = variants.map((variant, i): IndicatorCell => {
    const value = values[i] ?? null;
    const delta = value === null || baseline === null ? null : value - baseline;
    const relativeDelta =
      definition.relative && delta !== null && baseline !== 0 ? delta / (baseline as number) : null;
    const best = target !== null && value !== null && isTie(value, target);
    return { variantId: variant.variantId, value, delta, relativeDelta, best };
  });
  const id = subject === undefined ? indicator : `${indicator}:${subject}`;
  return {
    id,
    indicator,
    ...(subject === undefined ? {} : { subject }),
    unit: definition.unit,
    direction,
    cells,
  };
}

/**
 * The residents rows are the two ends of one range per variant. Marking each end on its own can star
 * one variant's low end and another's high end; so a variant is best only when its whole range lies
 * above (or, where fewer is better, below) every other variant's range. Otherwise nothing is marked and
 * both rows say the ranges overlap.
 */
function markBestRange(low: IndicatorRow, high: IndicatorRow): void {
  if (low.direction === "neutral") return;
  const ranges = low.cells.map((cell, i) => {
    const top = high.cells[i]?.value ?? null;
    return cell.value === null || top === null ? null : { low: cell.value, high: top };
  });
  const present = ranges.filter((r) => r !== null).length;
  const clearOf = (i: number) => {
    const range = ranges[i];
    if (!range) return false;
    return ranges.every(
      (other, j) =>
        j === i ||
        other === null ||
        (low.direction === "higher-is-better" ? range.low > other.high : range.high < other.low),
    );
  };
  const winner = ranges.findIndex((_, i) => clearOf(i));
  for (const row of [low, high]) {
    row.cells = row.cells.map((cell, i) => ({ ...cell, best: i === winner }));
    if (winner < 0 && present >= 2) row.note = "ranges-overlap";
  }
}

function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}
