/**
 * Keeps the analysis of the active variant up to date: starts the worker once, and after each change
 * recomputes the areas whose geometry changed, then the variant's overlaps and totals. While a vertex
 * is dragged, the dragged shape is analysed too (latest shape wins), so the panel follows the drag.
 * Everything runs in the worker behind a watchdog (see analysis-client.ts), so the main thread never
 * waits for it and a stuck computation cannot freeze the figures for good.
 */
import { wrap } from "comlink";
import { useEffect } from "react";
import type { AreaAnalysis } from "../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";
import { appBaseUrl } from "../map/app-url.ts";
import { type AreaAnalysisRow, useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import type { AnalysisWorkerApi } from "../workers/analysis.worker.ts";
import { AnalysisClient, AnalysisTimeoutError } from "./analysis-client.ts";
import { analyseVariantByKeys, geometryKey } from "./analysis-geometry-keys.ts";

type Api = ReturnType<typeof wrap<AnalysisWorkerApi>>;

/** Limits of the watchdog: the heaviest real call (200 areas, everything) takes about 0.4 s here. */
const CALL_TIMEOUT_MS = 10_000;
const INIT_TIMEOUT_MS = 60_000;

let client: AnalysisClient<Api> | null = null;
let running = false;
let again = false;

/** The analysis client, once started (the explanation views ask it for facility names). */
export function analysisClient(): AnalysisClient<Api> | null {
  return client;
}

async function run(variant: Variant): Promise<void> {
  const current = client;
  if (!current) return;
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    const store = useAnalysisStore.getState();
    const byArea: Record<string, AreaAnalysisRow> = { ...store.byArea };
    for (const id of Object.keys(byArea)) if (!variant.areas[id]) delete byArea[id];
    for (const id of variant.areaOrder) {
      const area = variant.areas[id];
      if (!area || byArea[id]?.geometry === area.geometry) continue;
      try {
        const analysis = await current.call((api) =>
          api.analyseArea({ id, geometry: area.geometry, geometryKey: geometryKey(area.geometry) }),
        );
        byArea[id] = { geometry: area.geometry, analysis };
      } catch (error) {
        if (!(error instanceof AnalysisTimeoutError)) throw error;
        byArea[id] = { geometry: area.geometry, analysis: null, error: "timeout" };
      }
      useAnalysisStore.getState().set({ byArea: { ...byArea } });
    }
    const analyses: AreaAnalysis[] = variant.areaOrder.flatMap((id) => {
      const analysis = byArea[id]?.analysis;
      return analysis ? [analysis] : [];
    });
    const areas = variant.areaOrder.flatMap((id) => {
      const a = variant.areas[id];
      return a && byArea[id]?.analysis ? [{ id, geometry: a.geometry, fields: a.fields }] : [];
    });
    try {
      const variantAnalysis = await current.call((api) =>
        analyseVariantByKeys(api, areas, analyses, variant.id),
      );
      useAnalysisStore.getState().set({
        byArea,
        variant: variantAnalysis,
        variantError: null,
        computedAt: new Date().toISOString(),
      });
    } catch (error) {
      if (!(error instanceof AnalysisTimeoutError)) throw error;
      useAnalysisStore.getState().set({ byArea, variant: null, variantError: "timeout" });
    }
  } catch {
    // The worker is gone (failed to restart): the status says so; nothing else to do here.
  } finally {
    running = false;
  }
  if (again) {
    again = false;
    await run(selectActiveVariant(useDocumentStore.getState()));
  }
}

/** Whether two shapes are the same up to terra-draw's rounding (1e-9°). */
function sameShape(a: AreaGeometry, b: AreaGeometry): boolean {
  if (a.type !== b.type) return false;
  const pa = a.type === "Polygon" ? [a.coordinates] : a.coordinates;
  const pb = b.type === "Polygon" ? [b.coordinates] : (b.coordinates as typeof pa);
  if (pa.length !== pb.length) return false;
  return pa.every((poly, i) => {
    const other = pb[i];
    if (!other || other.length !== poly.length) return false;
    return poly.every((ring, j) => {
      const r = other[j];
      if (!r || r.length !== ring.length) return false;
      return ring.every(
        (p, k) =>
          Math.abs((p[0] ?? 0) - (r[k]?.[0] ?? 0)) < 1e-8 && Math.abs((p[1] ?? 0) - (r[k]?.[1] ?? 0)) < 1e-8,
      );
    });
  });
}

/** Analyses the shape being dragged; a newer shape replaces one still waiting. */
function analyseLive(live: { areaId: string; geometry: AreaGeometry }): void {
  const current = client;
  if (!current || useAnalysisStore.getState().status !== "ready") return;
  const stored = selectActiveVariant(useDocumentStore.getState()).areas[live.areaId];
  if (stored && sameShape(stored.geometry, live.geometry)) {
    // Not a new shape (terra-draw echoing the stored one): nothing live to show.
    useAnalysisStore.getState().set({ live: null });
    useSessionStore.getState().setLiveGeometry(null);
    return;
  }
  current
    .call((api) => api.analyseArea({ id: live.areaId, geometry: live.geometry }), "live")
    .then((analysis) => {
      // Only if the planner is still on that shape (a finished drag clears it).
      if (analysis && useSessionStore.getState().liveGeometry?.geometry === live.geometry) {
        useAnalysisStore.getState().set({ live: { areaId: live.areaId, geometry: live.geometry, analysis } });
      }
    })
    .catch(() => {
      // Superseded by a newer shape, or timed out: the committed edit is analysed again anyway.
    });
}

/** Starts the analysis worker if it is not running yet (views without the workspace need it too). */
export function ensureAnalysisWorker(catalogue: GeneratedCatalogue): void {
  if (!client) startWorker(catalogue);
}

export function useAnalysis(catalogue: GeneratedCatalogue): void {
  useEffect(() => {
    ensureAnalysisWorker(catalogue);
    const unsubscribeDocument = useDocumentStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan || state.activeVariantId !== previous.activeVariantId) {
        if (state.activeVariantId !== previous.activeVariantId)
          useAnalysisStore.getState().set({ byArea: {}, variant: null, live: null });
        if (useAnalysisStore.getState().status === "ready") void run(selectActiveVariant(state));
      }
    });
    const unsubscribeSession = useSessionStore.subscribe((state, previous) => {
      if (state.liveGeometry !== previous.liveGeometry && state.liveGeometry) analyseLive(state.liveGeometry);
    });
    return () => {
      unsubscribeDocument();
      unsubscribeSession();
    };
  }, [catalogue]);
}

/**
 * The reference geometries (city outline, snapping borders, district shapes) come from this worker,
 * which holds them anyway: the page parses none of those files itself.
 */
function connectReference(): void {
  const current = client;
  if (!current || useReferenceStore.getState().status !== "idle") return;
  void useReferenceStore.getState().connect({
    // Comlink spreads a union return type into a union of promises; it is one promise of the union.
    cityBoundary: () => current.call((api) => api.cityBoundary() as Promise<AreaGeometry | null>),
    referenceSnapIndex: () => current.call((api) => api.referenceSnapIndex()),
    districtGeometries: (level, codes) => current.call((api) => api.districtGeometries(level, [...codes])),
    districtOutlines: (level) => current.call((api) => api.districtOutlines(level)),
  });
}

function startWorker(catalogue: GeneratedCatalogue): void {
  const base = appBaseUrl();
  client = new AnalysisClient<Api>({
    createWorker: () => {
      const worker = new Worker(new URL("../workers/analysis.worker.ts", import.meta.url), {
        type: "module",
      });
      return { api: wrap<AnalysisWorkerApi>(worker), terminate: () => worker.terminate() };
    },
    initialise: (api) => api.init(base, catalogue),
    callTimeoutMs: CALL_TIMEOUT_MS,
    initTimeoutMs: INIT_TIMEOUT_MS,
    onStatus: (status) => {
      useAnalysisStore.getState().set({ status });
      if (status !== "ready") return;
      void run(selectActiveVariant(useDocumentStore.getState()));
      connectReference();
    },
    onRestart: () => {
      const restarts = useAnalysisStore.getState().restarts + 1;
      useAnalysisStore.getState().set({ restarts });
      useSessionStore.getState().notify({ kind: "warning", key: "coverage.restarted" });
    },
  });
  void client.start();
}
