/** Results of the analysis worker for the active variant: one row per area, and the variant's totals. */
import { create } from "zustand";
import type { AreaAnalysis, VariantAnalysis } from "../domain/analysis/analysis-result.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

/** Why a figure is missing: the watchdog stopped a computation that did not finish. */
export type AnalysisError = "timeout";

export interface AreaAnalysisRow {
  /** The geometry the result belongs to (compared by identity with the stored one). */
  geometry: AreaGeometry;
  analysis: AreaAnalysis | null;
  error?: AnalysisError;
}

interface AnalysisState {
  status: "idle" | "loading" | "ready" | "restarting" | "failed";
  /** Per area: the geometry it was computed for (identity) and the result. */
  byArea: Record<string, AreaAnalysisRow>;
  variant: VariantAnalysis | null;
  variantError: AnalysisError | null;
  /** When the figures were computed (ISO), for "Stand". */
  computedAt: string | null;
  /** Figures of the shape being dragged right now (not yet saved), latest first. */
  live: { areaId: string; geometry: AreaGeometry; analysis: AreaAnalysis } | null;
  /** Times the watchdog had to restart the worker in this session. */
  restarts: number;
  set(patch: Partial<Omit<AnalysisState, "set">>): void;
}

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  status: "idle",
  byArea: {},
  variant: null,
  variantError: null,
  computedAt: null,
  live: null,
  restarts: 0,
  set: (patch) => set(patch),
}));
