/**
 * Geometry keys for the analysis worker: a number per geometry object, so that a variant's analysis
 * can name its areas instead of copying every coordinate to the worker again (the worker keeps the
 * geometries it was sent with `analyseArea`). The document is immutable with structural sharing, so
 * the same object means the same shape.
 */
import type { AreaAnalysis, VariantAnalysis } from "../domain/analysis/analysis-result.ts";
import type { KeyedVariantArea } from "../domain/analysis/keyed-areas.ts";
import type { AllianceField } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

/** The part of the analysis worker's interface used here (a test can stand in for it). */
export interface KeyedVariantApi {
  analyseVariantByKeys(
    areas: KeyedVariantArea[],
    analyses: AreaAnalysis[],
    variantKey?: string,
  ): Promise<{ result: VariantAnalysis | null } | { missing: number[] }>;
}

const keys = new WeakMap<AreaGeometry, number>();
let nextKey = 1;

export function geometryKey(geometry: AreaGeometry): number {
  let key = keys.get(geometry);
  if (key === undefined) {
    key = nextKey++;
    keys.set(geometry, key);
  }
  return key;
}

/**
 * A variant's overlaps and totals from the worker. Areas go by key; when the worker lacks some
 * geometries (it was restarted, or never analysed that area) it says which, and they follow.
 * `variantKey` (the variant's id) lets the worker keep the variant's incremental analysis.
 */
export async function analyseVariantByKeys(
  api: KeyedVariantApi,
  areas: readonly { id: string; geometry: AreaGeometry; fields?: readonly AllianceField[] }[],
  analyses: AreaAnalysis[],
  variantKey?: string,
): Promise<VariantAnalysis | null> {
  const keyed = areas.map(({ id, geometry, fields }) => ({
    id,
    ...(fields ? { fields: [...fields] } : {}),
    geometryKey: geometryKey(geometry),
  }));
  const first = await api.analyseVariantByKeys(keyed, analyses, variantKey);
  if ("result" in first) return first.result;
  const missing = new Set(first.missing);
  const second = await api.analyseVariantByKeys(
    keyed.map((area, i) =>
      missing.has(area.geometryKey) ? { ...area, geometry: areas[i]?.geometry as AreaGeometry } : area,
    ),
    analyses,
    variantKey,
  );
  if ("result" in second) return second.result;
  throw new Error(`the analysis worker lost ${second.missing.length} geometries`);
}
