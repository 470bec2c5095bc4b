/**
 * Session state: what the planner is looking at (language, reference level, visible layers, basemap,
 * hovered and selected area). Not part of the plan document and never undoable. Language, level,
 * layers and basemap are remembered in localStorage between visits.
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { ReferenceAreaProperties, ReferenceLevel } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

export type Language = "de" | "en";
/** Offline: the OSM city map (light, dark) and the schematic one; online: basemap.de and OSM. */
export type BasemapId = "citymap" | "citymap-dark" | "schematic" | "basemapde" | "osm";

/** The interaction mode: browsing, editing a selected area, one of the drawing tools, or picking districts. */
export type Tool = "select" | "polygon" | "rectangle" | "circle" | "freehand" | "districts";
export const DRAWING_TOOLS: readonly Tool[] = ["polygon", "rectangle", "circle", "freehand"] as const;

/** Which screen fills the window: the editing workspace, the compare view, or the presentation. */
export type AppView = "workspace" | "compare" | "present";

/** Live measures of the shape being drawn or edited (geodesic). */
export interface LiveMeasure {
  areaM2: number;
  perimeterM: number;
  /** Circle tool only. */
  radiusM?: number;
}

/** A district picked for "build from districts". */
export interface PickedDistrict {
  level: ReferenceLevel;
  featureId: number;
  code: string;
  name: string;
  areaKm2: number;
}

/** A short message to the planner; `key` is a message id, `values` its placeholders. */
export interface Toast {
  id: number;
  kind: "info" | "warning" | "error";
  key: string;
  values?: Record<string, string | number>;
}

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
  tool: Tool;
  selectedAreaId: string | null;
  /** The area loaded into terra-draw for vertex editing (hidden from the normal area layer). */
  editingAreaId: string | null;
  /** The edited area has too many vertices for its handles at this zoom (they show when zoomed in). */
  vertexHandlesHidden: boolean;
  snapping: boolean;
  measure: LiveMeasure | null;
  /** The shape of the area being dragged right now, before the edit is committed (for live figures). */
  liveGeometry: { areaId: string; geometry: AreaGeometry } | null;
  /** The overlap picked in the overlap table ("<areaIdA>|<areaIdB>"), drawn bold on the map. */
  highlightedOverlap: string | null;
  picked: PickedDistrict[];
  /** The level "build from districts" picks from (its own, shown on the map while the tool is on). */
  pickLevel: ReferenceLevel;
  /** The district a click of "build from districts" would pick (under the pointer). */
  pickPreview: { name: string; code: string; areaKm2: number } | null;
  /** The results panel beside the map: open or folded away, and its width in pixels (null: by window). */
  resultsOpen: boolean;
  resultsWidth: number | null;
  toasts: Toast[];
  shortcutsOpen: boolean;
  /** The screen shown (never remembered: the app always opens on the workspace). */
  view: AppView;
  /** Variant ids picked for the compare view and the presentation (2–4, in display order). */
  compareVariantIds: string[];
  setView(view: AppView): void;
  setCompareVariantIds(ids: string[]): void;
  /** Camera to open the map with (restored from the last visit); null frames Dortmund. */
  initialCamera: { center: [number, number]; zoom: number } | null;
  setInitialCamera(camera: { center: [number, number]; zoom: number } | null): void;
  setTool(tool: Tool): void;
  selectPilotArea(id: string | null): void;
  setEditingAreaId(id: string | null): void;
  setVertexHandlesHidden(hidden: boolean): void;
  setSnapping(on: boolean): void;
  setMeasure(measure: LiveMeasure | null): void;
  setLiveGeometry(live: { areaId: string; geometry: AreaGeometry } | null): void;
  setHighlightedOverlap(key: string | null): void;
  togglePicked(district: PickedDistrict, additive: boolean): void;
  setPickLevel(level: ReferenceLevel): void;
  setPickPreview(preview: { name: string; code: string; areaKm2: number } | null): void;
  setResultsOpen(open: boolean): void;
  setResultsWidth(width: number): void;
  clearPicked(): void;
  notify(toast: Omit<Toast, "id">): void;
  dismissToast(id: number): void;
  setShortcutsOpen(open: boolean): void;
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

/** The basemaps that need no network: only these are remembered between visits. */
const OFFLINE_BASEMAPS: readonly BasemapId[] = ["citymap", "citymap-dark", "schematic"];

/** What is remembered between visits. An online basemap is not: the app always opens on an offline one. */
export function rememberedSession(s: SessionState) {
  return {
    language: s.language,
    level: s.level,
    showLabels: s.showLabels,
    visibleLayers: s.visibleLayers,
    snapping: s.snapping,
    pickLevel: s.pickLevel,
    resultsOpen: s.resultsOpen,
    resultsWidth: s.resultsWidth,
    basemap: OFFLINE_BASEMAPS.includes(s.basemap) ? s.basemap : "citymap",
  };
}

/** The remembered values over the defaults; a stored basemap that is not an offline one is ignored. */
export function restoreSession(stored: unknown, current: SessionState): SessionState {
  if (typeof stored !== "object" || stored === null) return current;
  const { basemap, ...rest } = stored as Partial<SessionState>;
  return {
    ...current,
    ...rest,
    basemap: OFFLINE_BASEMAPS.find((id) => id === basemap) ?? current.basemap,
  };
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
      basemap: "citymap",
      basemapFailure: null,
      selectedArea: null,
      aboutOpen: false,
      tool: "select",
      selectedAreaId: null,
      editingAreaId: null,
      vertexHandlesHidden: false,
      snapping: true,
      measure: null,
      liveGeometry: null,
      highlightedOverlap: null,
      picked: [],
      pickLevel: "unterbezirk",
      pickPreview: null,
      resultsOpen: true,
      resultsWidth: null,
      toasts: [],
      shortcutsOpen: false,
      view: "workspace",
      compareVariantIds: [],
      setView: (view) => set({ view }),
      setCompareVariantIds: (compareVariantIds) => set({ compareVariantIds }),
      initialCamera: null,
      setInitialCamera: (initialCamera) => set({ initialCamera }),
      setTool: (tool) =>
        set({ tool, measure: null, ...(tool !== "districts" ? { picked: [], pickPreview: null } : {}) }),
      selectPilotArea: (selectedAreaId) =>
        set({ selectedAreaId, ...(selectedAreaId ? { selectedArea: null } : {}) }),
      setEditingAreaId: (editingAreaId) => set({ editingAreaId }),
      setVertexHandlesHidden: (vertexHandlesHidden) => set({ vertexHandlesHidden }),
      setSnapping: (snapping) => set({ snapping }),
      setMeasure: (measure) => set(measure ? { measure } : { measure, liveGeometry: null }),
      setLiveGeometry: (liveGeometry) => set({ liveGeometry }),
      setHighlightedOverlap: (highlightedOverlap) => set({ highlightedOverlap }),
      togglePicked: (district, additive) => {
        const current = get().picked;
        const has = current.some((d) => d.level === district.level && d.featureId === district.featureId);
        const sameLevel = current.filter((d) => d.level === district.level);
        if (!additive) {
          set({ picked: has && current.length === 1 ? [] : [district] });
          return;
        }
        set({
          picked: has
            ? sameLevel.filter((d) => d.featureId !== district.featureId)
            : [...sameLevel, district],
        });
      },
      clearPicked: () => set({ picked: [] }),
      // Districts of another level cannot be merged with those picked so far.
      setPickLevel: (pickLevel) => set({ pickLevel, picked: [], pickPreview: null }),
      setPickPreview: (pickPreview) => set({ pickPreview }),
      setResultsOpen: (resultsOpen) => set({ resultsOpen }),
      setResultsWidth: (resultsWidth) => set({ resultsWidth: Math.round(resultsWidth) }),
      notify: (toast) => {
        const id = Date.now() + Math.random();
        set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
      },
      dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
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
      reportBasemapFailure: (basemap) => set({ basemap: "citymap", basemapFailure: basemap }),
      dismissBasemapFailure: () => set({ basemapFailure: null }),
      selectArea: (selectedArea) => set({ selectedArea, ...(selectedArea ? { selectedAreaId: null } : {}) }),
      setAboutOpen: (aboutOpen) => set({ aboutOpen }),
    }),
    {
      name: STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: rememberedSession,
      merge: restoreSession,
    },
  ),
);
