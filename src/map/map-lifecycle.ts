/**
 * What the planning map does when it loads or reports an error. On load it registers itself for the
 * map commands, counts idle events and times its load and first idle (for the benchmark), and under
 * `?e2e` exposes the test API on `window`. An error of an online basemap falls back to the schematic
 * map, one of a served layer marks that layer as failed, and anything else is logged as a bug.
 */
import type { ErrorEvent as MapLibreErrorEvent, Map as MapLibreInstance } from "maplibre-gl";
import type { ReferenceLevel } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { useCatalogueStore } from "../store/catalogue-store.ts";
import { useOverlayStore } from "../store/overlay-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import { getKeyboardDraw } from "./draw/KeyboardDrawState.ts";
import { registerMap } from "./map-commands.ts";
import { BASEMAP_SOURCE_PREFIX, isOfflineBasemap, layerIds } from "./map-style.ts";

/** Test and benchmark hook: exposes the map when the page URL has `?e2e`. */
export interface PilotkarteTestApi {
  map: MapLibreInstance;
  idleCount: () => number;
  /** performance.now() at the map's load event and at its first idle (for the benchmark). */
  timings: () => { loadMs: number; firstIdleMs: number | null };
  /** Feature ids of a reference level currently loaded in the map. */
  referenceFeatureCount: (level: ReferenceLevel) => number;
  /** The stores, so tests can read the plan and the session. */
  documentStore: typeof useDocumentStore;
  sessionStore: typeof useSessionStore;
  referenceStore: typeof useReferenceStore;
  /** The figures of the active variant (benchmarks wait for a recomputation). */
  analysisStore: typeof useAnalysisStore;
  /** Imported overlay layers. */
  overlayStore: typeof useOverlayStore;
  /** Geodesic area in m², as the app computes it. */
  measureArea: (geometry: AreaGeometry) => number;
  /** Keyboard drawing: points placed, the ring being edited (read only). */
  keyboardDraw: typeof getKeyboardDraw;
}
declare global {
  interface Window {
    __pilotkarte?: PilotkarteTestApi;
  }
}

/** Called once the planning map has loaded. */
export function onPlanningMapLoad(map: MapLibreInstance): void {
  const timings: { loadMs: number; firstIdleMs: number | null } = {
    loadMs: performance.now(),
    firstIdleMs: null,
  };
  let idleCount = 0;
  registerMap(map);
  map.on("idle", () => {
    idleCount += 1;
    if (timings.firstIdleMs === null) timings.firstIdleMs = performance.now();
  });
  if (!new URLSearchParams(window.location.search).has("e2e")) return;
  window.__pilotkarte = {
    map,
    idleCount: () => idleCount,
    documentStore: useDocumentStore,
    sessionStore: useSessionStore,
    referenceStore: useReferenceStore,
    analysisStore: useAnalysisStore,
    overlayStore: useOverlayStore,
    // Filled in below once the geodesic module has loaded (it is not part of the first screen).
    measureArea: () => Number.NaN,
    keyboardDraw: getKeyboardDraw,
    timings: () => ({ ...timings }),
    referenceFeatureCount: (level) => {
      const ids = new Set<number | string>();
      for (const f of map.querySourceFeatures(layerIds.districtSource(level))) {
        if (f.id !== undefined) ids.add(f.id);
      }
      return ids.size;
    },
  };
  const api = window.__pilotkarte;
  void import("../domain/geometry/measure-area.ts").then((m) => {
    api.measureArea = m.geodesicArea;
  });
}

/** Called for each error the planning map reports. */
export function onPlanningMapError(event: MapLibreErrorEvent & { sourceId?: string }): void {
  const sourceId = event.sourceId ?? "";
  if (sourceId.startsWith(BASEMAP_SOURCE_PREFIX)) {
    const current = useSessionStore.getState().basemap;
    if (!isOfflineBasemap(current)) useSessionStore.getState().reportBasemapFailure(current);
    return;
  }
  if (sourceId.startsWith("layer-") || sourceId.startsWith("districts-")) {
    const id = sourceId.replace(/^layer-/, "").replace(/-labels$/, "");
    useCatalogueStore.getState().reportLayerFailure(id);
    return;
  }
  // Anything else is a bug: keep it visible in the console.
  console.error(event.error);
}
