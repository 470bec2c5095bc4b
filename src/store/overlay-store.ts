/**
 * Overlay layers: files imported "as overlay" (a partner's areas or points shown on the map for
 * reference, not part of the plan). Session state: not undoable, not saved with the plan, and gone after
 * a reload (the planner imports the file again). Names and properties from the file are plain data and
 * shown as text only.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { create } from "zustand";
import type { AreaGeometry } from "../domain/model/plan.ts";

/** Colours of overlays, distinct from the pilot areas' Okabe–Ito palette (dark, for outlines). */
export const OVERLAY_COLOURS: readonly string[] = ["#7c3aed", "#0f766e", "#b45309", "#be185d", "#334155"];

export interface OverlayFeatureProperties {
  /** The feature's name from the file, or "" (text only). */
  name: string;
}

export interface Overlay {
  id: string;
  /** The file it came from (text only). */
  fileName: string;
  colour: string;
  visible: boolean;
  data: FeatureCollection<AreaGeometry | Point, OverlayFeatureProperties>;
  areaCount: number;
  pointCount: number;
}

interface OverlayState {
  overlays: Overlay[];
  add(fileName: string, features: Feature<AreaGeometry | Point, OverlayFeatureProperties>[]): Overlay;
  remove(id: string): void;
  setVisible(id: string, visible: boolean): void;
}

let counter = 0;

export const useOverlayStore = create<OverlayState>()((set, get) => ({
  overlays: [],
  add: (fileName, features) => {
    counter += 1;
    const used = new Set(get().overlays.map((o) => o.colour));
    const colour =
      OVERLAY_COLOURS.find((c) => !used.has(c)) ??
      OVERLAY_COLOURS[counter % OVERLAY_COLOURS.length] ??
      "#7c3aed";
    const overlay: Overlay = {
      id: `overlay-${counter}`,
      fileName,
      colour,
      visible: true,
      data: { type: "FeatureCollection", features },
      areaCount: features.filter((f) => f.geometry.type !== "Point").length,
      pointCount: features.filter((f) => f.geometry.type === "Point").length,
    };
    set({ overlays: [...get().overlays, overlay] });
    return overlay;
  },
  remove: (id) => set({ overlays: get().overlays.filter((o) => o.id !== id) }),
  setVisible: (id, visible) =>
    set({ overlays: get().overlays.map((o) => (o.id === id ? { ...o, visible } : o)) }),
}));
