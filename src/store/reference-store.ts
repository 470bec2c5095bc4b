/**
 * The reference geometries the page needs, answered by the analysis worker (which loads and keeps the
 * districts and the city outline anyway): the city outline for clipping and the "outside the city"
 * check, the borders to snap to as a ready index (buffers, no GeoJSON parsed on the page), district
 * geometries for "build from districts" and outlines for the one-pager. The UI connects the store to
 * the worker once the worker is ready (see ui/use-analysis.ts); until then `status` is "idle".
 */
import { create } from "zustand";
import {
  type SnapIndex,
  type SnapIndexBuffers,
  snapIndexFromBuffers,
} from "../domain/geometry/snap-index.ts";
import type { ReferenceLevel } from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

/** A district as the one-pager draws it. */
export interface DistrictOutline {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** Where the answers come from (the analysis worker, through its client). */
export interface ReferenceSource {
  cityBoundary(): Promise<AreaGeometry | null>;
  referenceSnapIndex(): Promise<SnapIndexBuffers | null>;
  districtGeometries(level: ReferenceLevel, codes: readonly string[]): Promise<AreaGeometry[]>;
  districtOutlines(level: ReferenceLevel): Promise<DistrictOutline[]>;
}

interface ReferenceState {
  status: "idle" | "loading" | "ready" | "failed";
  boundary: AreaGeometry | null;
  /** District borders of every level and the city outline, for snapping. */
  snapIndex: SnapIndex | null;
  /** Outlines fetched so far, per level (the one-pager asks for one level at a time). */
  outlines: Partial<Record<ReferenceLevel, DistrictOutline[]>>;
  connect(source: ReferenceSource): Promise<void>;
  /** Geometries of districts of one level by code, in the order asked; empty until connected. */
  districtGeometries(level: ReferenceLevel, codes: readonly string[]): Promise<AreaGeometry[]>;
  /** Loads one level's outlines into `outlines` (once). */
  loadOutlines(level: ReferenceLevel): Promise<void>;
}

let source: ReferenceSource | null = null;

export const useReferenceStore = create<ReferenceState>()((set, get) => ({
  status: "idle",
  boundary: null,
  snapIndex: null,
  outlines: {},
  connect: async (next) => {
    if (get().status !== "idle") return;
    source = next;
    set({ status: "loading" });
    try {
      const [boundary, buffers] = await Promise.all([next.cityBoundary(), next.referenceSnapIndex()]);
      set({ status: "ready", boundary, snapIndex: buffers ? snapIndexFromBuffers(buffers) : null });
    } catch {
      set({ status: "failed" });
    }
  },
  districtGeometries: async (level, codes) => (source ? source.districtGeometries(level, codes) : []),
  loadOutlines: async (level) => {
    if (!source || get().outlines[level]) return;
    const outlines = await source.districtOutlines(level);
    set({ outlines: { ...get().outlines, [level]: outlines } });
  },
}));
