/**
 * Figures for any variant, not only the active one: the compare view, the presentation, the share-link
 * view and the one-pagers ask for them here. Uses the same analysis worker (and watchdog) as the
 * active variant's panel; area results are cached by geometry object, so unchanged areas are never
 * analysed twice and the active variant's figures are reused.
 */
import { useEffect, useState } from "react";
import type { AreaAnalysis, VariantAnalysis } from "../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { analyseVariantByKeys, geometryKey } from "./analysis-geometry-keys.ts";
import { analysisClient, ensureAnalysisWorker } from "./use-analysis.ts";

/** The figures of one variant, as far as they could be computed. */
export interface VariantFigures {
  variantId: string;
  /** Per area id; an area whose analysis failed (timeout) is missing here and listed in `failedAreaIds`. */
  byArea: Record<string, AreaAnalysis>;
  failedAreaIds: string[];
  /** Overlaps, totals, fields, uncovered districts; null if it could not be computed. */
  variant: VariantAnalysis | null;
  /** When these figures were computed (ISO time): shown as "Stand". */
  computedAt: string;
}

const areaCache = new WeakMap<AreaGeometry, AreaAnalysis>();

/** Computes a variant's figures in the worker. Rejects only if the worker is not available at all. */
export async function analyseWholeVariant(
  variant: Variant,
  /** Called after each area: areas done so far, of the variant's. */
  onArea?: (done: number) => void,
): Promise<VariantFigures> {
  const client = analysisClient();
  if (!client) throw new Error("analysis worker not started");
  const active = useAnalysisStore.getState().byArea;
  const byArea: Record<string, AreaAnalysis> = {};
  const failedAreaIds: string[] = [];
  let done = 0;
  for (const id of variant.areaOrder) {
    const area = variant.areas[id];
    onArea?.(done++);
    if (!area) continue;
    const known =
      areaCache.get(area.geometry) ??
      (active[id]?.geometry === area.geometry ? (active[id]?.analysis ?? undefined) : undefined);
    if (known) {
      byArea[id] = known;
      continue;
    }
    try {
      const analysis = await client.call((api) =>
        api.analyseArea({ id, geometry: area.geometry, geometryKey: geometryKey(area.geometry) }),
      );
      if (analysis) {
        areaCache.set(area.geometry, analysis);
        byArea[id] = analysis;
      } else failedAreaIds.push(id);
    } catch {
      failedAreaIds.push(id);
    }
  }
  onArea?.(done);
  const ids = variant.areaOrder.filter((id) => byArea[id]);
  const areas = ids.flatMap((id) => {
    const a = variant.areas[id];
    return a ? [{ id, geometry: a.geometry, fields: a.fields }] : [];
  });
  let variantAnalysis: VariantAnalysis | null = null;
  try {
    variantAnalysis = await client.call((api) =>
      analyseVariantByKeys(
        api,
        areas,
        ids.flatMap((id) => (byArea[id] ? [byArea[id]] : [])),
        variant.id,
      ),
    );
  } catch {
    variantAnalysis = null;
  }
  return {
    variantId: variant.id,
    byArea,
    failedAreaIds,
    variant: variantAnalysis,
    computedAt: new Date().toISOString(),
  };
}

export type VariantFiguresState =
  | { state: "loading" }
  | { state: "ready"; figures: Record<string, VariantFigures> }
  | { state: "failed" };

/**
 * The figures of the given variants, recomputed when one of them changes. Starts the analysis worker
 * if no workspace has (e.g. the share-link view). Variants are compared by object identity, as the
 * document store replaces a variant object on every change.
 */
export function useVariantAnalyses(
  catalogue: GeneratedCatalogue,
  variants: readonly Variant[],
): VariantFiguresState {
  const [result, setResult] = useState<VariantFiguresState>({ state: "loading" });
  const status = useAnalysisStore((s) => s.status);
  useEffect(() => {
    ensureAnalysisWorker(catalogue);
  }, [catalogue]);
  useEffect(() => {
    if (status === "failed") {
      setResult({ state: "failed" });
      return;
    }
    if (status !== "ready") return;
    let cancelled = false;
    void (async () => {
      const figures: Record<string, VariantFigures> = {};
      try {
        for (const variant of variants) figures[variant.id] = await analyseWholeVariant(variant);
      } catch {
        if (!cancelled) setResult({ state: "failed" });
        return;
      }
      if (!cancelled) setResult({ state: "ready", figures });
    })();
    return () => {
      cancelled = true;
    };
  }, [variants, status]);
  return result;
}
