/**
 * Reference geometries in the main thread: the city boundary and the districts of all three levels,
 * fetched from the generated files once the map is up. Drawing needs them for snapping, "build from
 * districts" for the unions, and the checks for "outside the city".
 */
import type { Feature, FeatureCollection } from "geojson";
import { create } from "zustand";
import type {
  GeneratedCatalogue,
  ReferenceAreaProperties,
  ReferenceLevel,
} from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

export type DistrictFeature = Feature<AreaGeometry, ReferenceAreaProperties> & { id: number };

interface ReferenceState {
  status: "idle" | "loading" | "ready" | "failed";
  boundary: AreaGeometry | null;
  districts: Partial<Record<ReferenceLevel, DistrictFeature[]>>;
  load(catalogue: GeneratedCatalogue, base: string): Promise<void>;
}

export const useReferenceStore = create<ReferenceState>()((set, get) => ({
  status: "idle",
  boundary: null,
  districts: {},
  load: async (catalogue, base) => {
    if (get().status !== "idle") return;
    set({ status: "loading" });
    try {
      const fetchJson = async (url: string) => {
        const response = await fetch(new URL(url, base));
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return (await response.json()) as FeatureCollection;
      };
      const boundaryEntry = catalogue.entries.find((e) => e.kind === "boundary");
      const levels = catalogue.entries.filter((e) => e.kind === "reference-areas");
      const [boundary, ...levelData] = await Promise.all([
        boundaryEntry ? fetchJson(boundaryEntry.url) : Promise.resolve(null),
        ...levels.map((e) => fetchJson(e.url)),
      ]);
      const districts: Partial<Record<ReferenceLevel, DistrictFeature[]>> = {};
      levels.forEach((entry, i) => {
        if (entry.level) districts[entry.level] = (levelData[i]?.features ?? []) as DistrictFeature[];
      });
      set({
        status: "ready",
        boundary: (boundary?.features[0]?.geometry as AreaGeometry | undefined) ?? null,
        districts,
      });
    } catch {
      set({ status: "failed" });
    }
  },
}));
