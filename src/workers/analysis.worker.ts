/**
 * The analysis worker: loads the served layers once, prepares the spatial indexes, and answers
 * analyses of single areas and of a variant, off the main thread. The facade is the object below;
 * its type is what the client sees (Comlink).
 */
import { expose, transfer } from "comlink";
import type { FeatureCollection, Position } from "geojson";
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
  IncrementalVariant,
  type KeyedVariantArea,
  pointLayerFromCollection,
  prepareAnalysisContext,
  type ReferenceAreaInput,
  referenceAreasFromCollection,
  type VariantAnalysis,
  type VariantAreaInput,
} from "../domain/analysis/index.ts";
import {
  createSnapIndex,
  ringsOf,
  type SnapIndexBuffers,
  snapIndexBuffers,
} from "../domain/geometry/snap-index.ts";
import {
  type GeneratedCatalogue,
  populationEntries,
  type ReferenceLevel,
} from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

let context: AnalysisContext | null = null;

/**
 * The reference areas and the city outline as served, kept for the page: it snaps to their borders,
 * builds areas from districts and draws them in the one-pager without parsing the files itself.
 */
let reference: {
  city: AreaGeometry | null;
  levels: Partial<Record<ReferenceLevel, ReferenceAreaInput[]>>;
} = { city: null, levels: {} };

/** Geometries this worker has been sent, by the page's key (see keyed-areas.ts). */
const geometries = new GeometryKeeper();
/**
 * The incremental analysis of the variants asked for recently, by the page's variant key: after an
 * edit only the edited area's pairs and the union's tiles under it are measured again. A few are
 * kept (the compare view asks for several variants); the oldest goes first.
 */
const variantStates = new Map<string, IncrementalVariant>();
const MAX_VARIANT_STATES = 8;

function variantState(key: string, analysisContext: AnalysisContext): IncrementalVariant {
  let state = variantStates.get(key);
  if (state) variantStates.delete(key);
  else state = new IncrementalVariant(analysisContext);
  variantStates.set(key, state);
  if (variantStates.size > MAX_VARIANT_STATES)
    variantStates.delete(variantStates.keys().next().value as string);
  return state;
}

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
    // The newest census is the default residents source; the one before it is for the change since.
    const { current: grid, comparison } = populationEntries(catalogue);
    const levels = entries.filter((e) => e.kind === "reference-areas");
    const facilities = entries.filter((e) => e.kind === "facility-points");
    const [city, gridData, comparisonData, ...rest] = await Promise.all([
      boundary ? json(base, boundary.url) : Promise.resolve(null),
      grid ? json(base, grid.url) : Promise.resolve(null),
      comparison ? json(base, comparison.url) : Promise.resolve(null),
      ...levels.map((e) => json(base, e.url)),
      ...facilities.map((e) => json(base, e.url)),
    ]);
    const referenceLevels: Partial<Record<ReferenceLevel, ReferenceAreaInput[]>> = {};
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
    const cityGeometry = city ? cityFromCollection(city) : null;
    reference = { city: cityGeometry, levels: referenceLevels };
    variantStates.clear();
    context = prepareAnalysisContext({
      city: cityGeometry,
      referenceLevels,
      populationGrid:
        grid && gridData
          ? { cells: gridCellsFromCollection(gridData), dataYear: grid.censusYear ?? 2011 }
          : null,
      comparisonGrid:
        comparison && comparisonData
          ? { cells: gridCellsFromCollection(comparisonData), dataYear: comparison.censusYear ?? 2011 }
          : null,
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

  /** The city outline, for clipping to the city and the "outside the city" check on the page. */
  cityBoundary(): AreaGeometry | null {
    return reference.city;
  },

  /**
   * The borders to snap to (every district level and the city outline) as a ready index, handed over
   * as buffers: the page rebuilds nothing and parses no GeoJSON.
   */
  referenceSnapIndex(): SnapIndexBuffers | null {
    const lines: Position[][] = [];
    for (const areas of Object.values(reference.levels)) {
      for (const area of areas ?? []) lines.push(...ringsOf(area.geometry));
    }
    if (reference.city) lines.push(...ringsOf(reference.city));
    if (lines.length === 0) return null;
    const buffers = snapIndexBuffers(createSnapIndex(lines));
    return transfer(
      buffers,
      buffers.tree
        ? [buffers.ends.buffer as ArrayBuffer, buffers.tree]
        : [buffers.ends.buffer as ArrayBuffer],
    );
  },

  /** The geometries of districts of one level, by code, in the order asked (missing ones left out). */
  districtGeometries(level: ReferenceLevel, codes: readonly string[]): AreaGeometry[] {
    const areas = reference.levels[level] ?? [];
    return codes.flatMap((code) => {
      const area = areas.find((a) => a.code === code);
      return area ? [area.geometry] : [];
    });
  },

  /** Every district of one level with its code and name (the one-pager draws them). */
  districtOutlines(level: ReferenceLevel): { code: string; name: string; geometry: AreaGeometry }[] {
    return (reference.levels[level] ?? []).map((a) => ({ code: a.code, name: a.name, geometry: a.geometry }));
  },

  /**
   * The variant's figures. With a `variantKey` (the variant's id), the worker keeps that variant's
   * incremental state and recomputes only what changed since the last call with that key; the
   * figures are the same either way.
   */
  analyseVariant(
    areas: VariantAreaInput[],
    areaAnalyses: AreaAnalysis[],
    variantKey?: string,
  ): VariantAnalysis | null {
    if (!context) return null;
    const options = { distancesM: [NEAR_DISTANCE_M], areaAnalyses, overlapGeometries: true };
    return variantKey === undefined
      ? analyseVariant(context, areas, options)
      : variantState(variantKey, context).update(areas, options);
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
  variantKey?: string,
): { result: VariantAnalysis | null } | { missing: number[] } {
  const resolved = geometries.resolve(areas);
  return "missing" in resolved
    ? resolved
    : { result: api.analyseVariant(resolved.inputs, areaAnalyses, variantKey) };
}

const exposed = { ...api, analyseVariantByKeys };

export type AnalysisWorkerApi = typeof exposed;

expose(exposed);
