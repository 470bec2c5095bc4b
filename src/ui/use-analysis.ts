/**
 * Keeps the analysis of the active variant up to date: starts the worker once, and after each change
 * recomputes the areas whose geometry changed, then the variant's overlaps and totals. Runs in the
 * worker, so the main thread never waits for it.
 */
import { wrap } from "comlink";
import { useEffect } from "react";
import type { AreaAnalysis } from "../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { Variant } from "../domain/model/plan.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import type { AnalysisWorkerApi } from "../workers/analysis.worker.ts";

let client: ReturnType<typeof wrap<AnalysisWorkerApi>> | null = null;
let running = false;
let again = false;

async function run(variant: Variant): Promise<void> {
  if (!client) return;
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    const store = useAnalysisStore.getState();
    const byArea = { ...store.byArea };
    for (const id of Object.keys(byArea)) if (!variant.areas[id]) delete byArea[id];
    for (const id of variant.areaOrder) {
      const area = variant.areas[id];
      if (!area || byArea[id]?.geometry === area.geometry) continue;
      const analysis = await client.analyseArea({ id, geometry: area.geometry });
      if (analysis) byArea[id] = { geometry: area.geometry, analysis };
      useAnalysisStore.getState().set({ byArea: { ...byArea } });
    }
    const analyses: AreaAnalysis[] = variant.areaOrder.flatMap((id) =>
      byArea[id] ? [byArea[id].analysis] : [],
    );
    const areas = variant.areaOrder.flatMap((id) => {
      const a = variant.areas[id];
      return a ? [{ id, geometry: a.geometry, fields: a.fields }] : [];
    });
    const variantAnalysis = await client.analyseVariant(areas, analyses);
    useAnalysisStore
      .getState()
      .set({ byArea, variant: variantAnalysis, computedAt: new Date().toISOString() });
  } finally {
    running = false;
  }
  if (again) {
    again = false;
    await run(selectActiveVariant(useDocumentStore.getState()));
  }
}

export function useAnalysis(catalogue: GeneratedCatalogue): void {
  useEffect(() => {
    if (!client) startWorker(catalogue);
    const unsubscribe = useDocumentStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan || state.activeVariantId !== previous.activeVariantId) {
        if (state.activeVariantId !== previous.activeVariantId)
          useAnalysisStore.getState().set({ byArea: {}, variant: null });
        if (useAnalysisStore.getState().status === "ready") void run(selectActiveVariant(state));
      }
    });
    return unsubscribe;
  }, [catalogue]);
}

function startWorker(catalogue: GeneratedCatalogue): void {
  {
    const worker = new Worker(new URL("../workers/analysis.worker.ts", import.meta.url), { type: "module" });
    client = wrap<AnalysisWorkerApi>(worker);
    useAnalysisStore.getState().set({ status: "loading" });
    const base = new URL(import.meta.env.BASE_URL, window.location.href).href;
    client
      .init(base, catalogue)
      .then(() => {
        useAnalysisStore.getState().set({ status: "ready" });
        void run(selectActiveVariant(useDocumentStore.getState()));
      })
      .catch(() => useAnalysisStore.getState().set({ status: "failed" }));
  }
}
