/**
 * Overlay layers: files imported "as overlay" (a partner's areas or points, updated official districts)
 * shown on the map for reference, not part of the plan and not undoable. They belong to this browser,
 * not to a plan: `src/persistence/overlay-sync.ts` keeps them in IndexedDB, so they are still there
 * after a reload. Names from the file are plain data and shown as text only.
 *
 * An overlay's features are one GeoJSON text (a Blob): MapLibre fetches and parses it in its own worker
 * from a Blob URL, so even a 50 MB layer never passes through the page's JavaScript.
 */
import type { FeatureCollection, Point } from "geojson";
import { create } from "zustand";
import type { OverlayLabelProperties } from "../domain/exchange/index.ts";

/** Colours of overlays, distinct from the pilot areas' Okabe–Ito palette (dark, for outlines). */
export const OVERLAY_COLOURS: readonly string[] = ["#7c3aed", "#0f766e", "#b45309", "#be185d", "#334155"];

/** An overlay as it is stored. */
export interface OverlayRecord {
  id: string;
  /** The file it came from (text only). */
  fileName: string;
  colour: string;
  visible: boolean;
  /** GeoJSON FeatureCollection with `name` as the only property. */
  geojson: Blob;
  /** One label point per named feature. */
  labels: FeatureCollection<Point, OverlayLabelProperties>;
  areaCount: number;
  pointCount: number;
  /** [west, south, east, north] in degrees, to zoom to the layer (absent only if it could not be told). */
  bbox?: [number, number, number, number];
  /** ISO time of the import. */
  addedAt: string;
}

/** An overlay on the map: the record and the Blob URL MapLibre reads it from. */
export interface Overlay extends OverlayRecord {
  url: string;
}

export type NewOverlay = Pick<
  OverlayRecord,
  "fileName" | "geojson" | "labels" | "areaCount" | "pointCount" | "bbox"
>;

interface OverlayState {
  overlays: Overlay[];
  add(overlay: NewOverlay): Overlay;
  remove(id: string): void;
  setVisible(id: string, visible: boolean): void;
  /** Puts stored overlays back (at start-up), before any added in this session. */
  restore(records: readonly OverlayRecord[]): void;
}

const withUrl = (record: OverlayRecord): Overlay => ({ ...record, url: URL.createObjectURL(record.geojson) });

export const useOverlayStore = create<OverlayState>()((set, get) => ({
  overlays: [],
  add: (input) => {
    const overlays = get().overlays;
    const used = new Set(overlays.map((o) => o.colour));
    const colour =
      OVERLAY_COLOURS.find((c) => !used.has(c)) ??
      OVERLAY_COLOURS[overlays.length % OVERLAY_COLOURS.length] ??
      "#7c3aed";
    const overlay = withUrl({
      ...input,
      id: `overlay-${crypto.randomUUID()}`,
      colour,
      visible: true,
      addedAt: new Date().toISOString(),
    });
    set({ overlays: [...overlays, overlay] });
    return overlay;
  },
  remove: (id) => {
    const gone = get().overlays.find((o) => o.id === id);
    set({ overlays: get().overlays.filter((o) => o.id !== id) });
    // After MapLibre has let go of the source (the layer unmounts with this change).
    if (gone) setTimeout(() => URL.revokeObjectURL(gone.url), 10_000);
  },
  setVisible: (id, visible) =>
    set({ overlays: get().overlays.map((o) => (o.id === id ? { ...o, visible } : o)) }),
  restore: (records) => {
    const present = new Set(get().overlays.map((o) => o.id));
    const restored = records.filter((r) => !present.has(r.id)).map(withUrl);
    if (restored.length > 0) set({ overlays: [...restored, ...get().overlays] });
  },
}));
