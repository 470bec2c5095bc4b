/**
 * Session state: what the planner is looking at (language, reference level, visible layers, basemap,
 * hovered and selected area). Not part of the plan document and never undoable. Language, level,
 * layers and basemap are remembered in localStorage between visits.
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { ReferenceAreaProperties, ReferenceLevel } from "../domain/model/catalogue.ts";

export type Language = "de" | "en";
export type BasemapId = "schematic" | "basemapde" | "osm";

/** A reference area the planner clicked: enough to find it again in its layer. */
export interface SelectedArea {
  level: ReferenceLevel;
  featureId: number;
  properties: ReferenceAreaProperties;
}

export interface SessionState {
  language: Language;
  level: ReferenceLevel;
  showLabels: boolean;
  /** Layer ids switched on; undefined until the catalogue's defaults have been applied once. */
  visibleLayers: string[] | undefined;
  basemap: BasemapId;
  /** Basemap the planner asked for but that could not be reached (shown as a notice). */
  basemapFailure: BasemapId | null;
  selectedArea: SelectedArea | null;
  aboutOpen: boolean;
  setLanguage(language: Language): void;
  setLevel(level: ReferenceLevel): void;
  setShowLabels(show: boolean): void;
  initVisibleLayers(defaults: string[]): void;
  setLayerVisible(id: string, visible: boolean): void;
  setLayersVisible(ids: string[], visible: boolean): void;
  setBasemap(basemap: BasemapId): void;
  reportBasemapFailure(basemap: BasemapId): void;
  dismissBasemapFailure(): void;
  selectArea(area: SelectedArea | null): void;
  setAboutOpen(open: boolean): void;
}

/** Key in localStorage. DO NOT RENAME without migrating the stored value. */
const STORAGE_KEY = "pilotkarte.session.v1";

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      language: "de",
      level: "stadtbezirk",
      showLabels: true,
      visibleLayers: undefined,
      basemap: "schematic",
      basemapFailure: null,
      selectedArea: null,
      aboutOpen: false,
      setLanguage: (language) => set({ language }),
      setLevel: (level) => set({ level, selectedArea: null }),
      setShowLabels: (showLabels) => set({ showLabels }),
      initVisibleLayers: (defaults) => {
        if (get().visibleLayers === undefined) set({ visibleLayers: defaults });
      },
      setLayerVisible: (id, visible) => get().setLayersVisible([id], visible),
      setLayersVisible: (ids, visible) => {
        const current = new Set(get().visibleLayers ?? []);
        for (const id of ids) {
          if (visible) current.add(id);
          else current.delete(id);
        }
        set({ visibleLayers: [...current] });
      },
      setBasemap: (basemap) => set({ basemap, basemapFailure: null }),
      reportBasemapFailure: (basemap) => set({ basemap: "schematic", basemapFailure: basemap }),
      dismissBasemapFailure: () => set({ basemapFailure: null }),
      selectArea: (selectedArea) => set({ selectedArea }),
      setAboutOpen: (aboutOpen) => set({ aboutOpen }),
    }),
    {
      name: STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        language: s.language,
        level: s.level,
        showLabels: s.showLabels,
        visibleLayers: s.visibleLayers,
        // An online basemap is not restored: the app always opens on the offline one.
      }),
    },
  ),
);
