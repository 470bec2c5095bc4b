/** Results of the analysis worker for the active variant: one row per area, and the variant's totals. */
import { create } from "zustand";
import type { AreaAnalysis, VariantAnalysis } from "../domain/analysis/analysis-result.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

interface AnalysisState {
  status: "idle" | "loading" | "ready" | "failed";
  /** Per area: the geometry it was computed for (identity) and the result. */
  byArea: Record<string, { geometry: AreaGeometry; analysis: AreaAnalysis }>;
  variant: VariantAnalysis | null;
  /** When the figures were computed (ISO), for "Stand". */
  computedAt: string | null;
  set(patch: Partial<Omit<AnalysisState, "set">>): void;
}

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  status: "idle",
  byArea: {},
  variant: null,
  computedAt: null,
  set: (patch) => set(patch),
}));
