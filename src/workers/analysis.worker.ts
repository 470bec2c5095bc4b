/**
 * The analysis worker: loads the served layers once, prepares the spatial indexes, and answers
 * analyses of single areas and of a variant, off the main thread. The facade is the object below;
 * its type is what the client sees (Comlink).
 */
import { expose } from "comlink";
import type { FeatureCollection } from "geojson";
import {
  type AnalysisContext,
  type AreaAnalysis,
  type AreaInput,
  analyseArea,
  analyseVariant,
  cityFromCollection,
  decodeAddressPoints,
  GeometryKeeper,
  gridCellsFromCollection,
  type KeyedVariantArea,
  pointLayerFromCollection,
  prepareAnalysisContext,
  referenceAreasFromCollection,
  type VariantAnalysis,
  type VariantAreaInput,
} from "../domain/analysis/index.ts";
import type { GeneratedCatalogue, ReferenceLevel } from "../domain/model/catalogue.ts";

let context: AnalysisContext | null = null;

/** Geometries this worker has been sent, by the page's key (see keyed-areas.ts). */
const geometries = new GeometryKeeper();
/** Name and address of every facility, by layer and feature id, for "what was counted". */
const facilityDetails = new Map<string, Map<string, { name: string; category: string; address: string }>>();

/** One counted facility, for the explanation of a figure. */
export interface FacilityDetail {
  id: string;
  name: string;
  category: string;
  address: string;
}

/** Walking distance for "facilities within reach" (metres). */
export const NEAR_DISTANCE_M = 300;

async function json(base: string, url: string): Promise<FeatureCollection> {
  const response = await fetch(new URL(url, base));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as FeatureCollection;
}

const api = {
  /** Loads and indexes everything the analysis needs; returns the time it took (ms). */
  async init(base: string, catalogue: GeneratedCatalogue): Promise<number> {
    const started = performance.now();
    const entries = catalogue.entries;
    const boundary = entries.find((e) => e.kind === "boundary");
    const grid = entries.find((e) => e.kind === "population");
    const levels = entries.filter((e) => e.kind === "reference-areas");
    const facilities = entries.filter((e) => e.kind === "facility-points");
    const [city, gridData, ...rest] = await Promise.all([
      boundary ? json(base, boundary.url) : Promise.resolve(null),
      grid ? json(base, grid.url) : Promise.resolve(null),
      ...levels.map((e) => json(base, e.url)),
      ...facilities.map((e) => json(base, e.url)),
    ]);
    const referenceLevels: Partial<Record<ReferenceLevel, ReturnType<typeof referenceAreasFromCollection>>> =
      {};
    levels.forEach((e, i) => {
      const data = rest[i];
      if (e.level && data) referenceLevels[e.level] = referenceAreasFromCollection(data);
    });
    const facilityInputs = facilities.flatMap((e, i) => {
      const data = rest[levels.length + i];
      if (!data) return [];
      const details = new Map<string, { name: string; category: string; address: string }>();
      data.features.forEach((f, index) => {
        const p = f.properties ?? {};
        details.set(String(f.id ?? index), {
          name: String(p.name ?? ""),
          category: String(p.category ?? ""),
          address: String(p.address ?? ""),
        });
      });
      facilityDetails.set(e.id, details);
      return [pointLayerFromCollection(e.id, data)];
    });
    let addresses = null;
    const summary = catalogue.summary.addressPoints;
    if (summary) {
      const response = await fetch(new URL(summary.url, base));
      if (response.ok) {
        const decoded = decodeAddressPoints(
          await response.arrayBuffer(),
          summary.count,
          summary.districtCodes,
        );
        addresses = { positions: decoded.positions, dataYear: summary.dataYear };
      }
    }
    context = prepareAnalysisContext({
      city: city ? cityFromCollection(city) : null,
      referenceLevels,
      populationGrid: gridData ? { cells: gridCellsFromCollection(gridData), dataYear: 2011 } : null,
      addresses,
      facilities: facilityInputs,
    });
    return performance.now() - started;
  },

  /** One area; with a `geometryKey`, its geometry is kept for `analyseVariantByKeys`. */
  analyseArea(area: AreaInput & { geometryKey?: number }): AreaAnalysis | null {
    if (area.geometryKey !== undefined) geometries.keep(area.geometryKey, area.geometry);
    const { geometryKey: _key, ...input } = area;
    return context ? analyseArea(context, input, { distancesM: [NEAR_DISTANCE_M] }) : null;
  },

  /** Names, categories and addresses of the given facilities of one layer (as plain text). */
  describeFacilities(layerId: string, ids: readonly string[]): FacilityDetail[] {
    const details = facilityDetails.get(layerId);
    return ids.map((id) => ({
      id,
      ...(details?.get(String(id)) ?? { name: "", category: "", address: "" }),
    }));
  },

  analyseVariant(areas: VariantAreaInput[], areaAnalyses: AreaAnalysis[]): VariantAnalysis | null {
    return context
      ? analyseVariant(context, areas, {
          distancesM: [NEAR_DISTANCE_M],
          areaAnalyses,
          overlapGeometries: true,
        })
      : null;
  },
};

/**
 * {@link api.analyseVariant} with areas named by geometry key. Answers `{ missing }` (the keys whose
 * geometry this worker does not have, e.g. after a restart) instead of a result; the page then sends
 * those geometries along.
 */
function analyseVariantByKeys(
  areas: KeyedVariantArea[],
  areaAnalyses: AreaAnalysis[],
): { result: VariantAnalysis | null } | { missing: number[] } {
  const resolved = geometries.resolve(areas);
  return "missing" in resolved ? resolved : { result: api.analyseVariant(resolved.inputs, areaAnalyses) };
}

const exposed = { ...api, analyseVariantByKeys };

export type AnalysisWorkerApi = typeof exposed;

expose(exposed);
