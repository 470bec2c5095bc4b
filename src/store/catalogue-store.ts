/**
 * The generated data catalogue, loaded once at start. The app refuses to show the map on a missing,
 * broken or outdated catalogue instead of starting on half-loaded data.
 */
import { create } from "zustand";
import { CATALOGUE_FORMAT_VERSION, type GeneratedCatalogue } from "../domain/model/catalogue.ts";

export type CatalogueStatus =
  | { state: "loading" }
  | { state: "ready"; catalogue: GeneratedCatalogue }
  | { state: "failed"; reason: "missing" | "format"; detail: string };

interface CatalogueStore {
  status: CatalogueStatus;
  /** Layers whose files failed to load in the map (ids). */
  failedLayers: string[];
  load(baseUrl: string): Promise<void>;
  reportLayerFailure(id: string): void;
}

export const useCatalogueStore = create<CatalogueStore>()((set, get) => ({
  status: { state: "loading" },
  failedLayers: [],
  load: async (baseUrl) => {
    try {
      const response = await fetch(`${baseUrl}generated/catalogue.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const catalogue = (await response.json()) as GeneratedCatalogue;
      if (catalogue.formatVersion !== CATALOGUE_FORMAT_VERSION) {
        set({
          status: {
            state: "failed",
            reason: "format",
            detail: JSON.stringify({ found: catalogue.formatVersion, expected: CATALOGUE_FORMAT_VERSION }),
          },
        });
        return;
      }
      set({ status: { state: "ready", catalogue } });
    } catch (error) {
      set({ status: { state: "failed", reason: "missing", detail: (error as Error).message } });
    }
  },
  reportLayerFailure: (id) => {
    if (!get().failedLayers.includes(id)) set({ failedLayers: [...get().failedLayers, id] });
  },
}));
