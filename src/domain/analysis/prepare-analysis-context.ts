/**
 * Everything the analysis needs, prepared once per set of layers: the clip frame, the city outline,
 * each level of reference areas, the census grid, the address points with their dasymetric weights,
 * and the facility layers. Built in the analysis worker when the layers have loaded; after that every
 * analysis call only prepares the pilot areas it is given.
 */

import { type ClipFrame, createClipFrame, geometryBox, type LonLatBox } from "../geometry/clip-frame.ts";
import { REFERENCE_LEVELS, type ReferenceLevel } from "../model/catalogue.ts";
import type { AreaGeometry } from "../model/plan.ts";
import { detectNesting, type LevelNesting } from "./detect-nesting.ts";
import { type ClipShape, createClipShape } from "./intersect-shapes.ts";
import { type PreparedAddressPoints, prepareAddressPoints } from "./prepare-address-points.ts";
import { type PointLayerInput, type PreparedPointLayer, preparePointLayer } from "./prepare-point-layer.ts";
import {
  cellSharesInside,
  type GridCellInput,
  type PreparedPopulationGrid,
  preparePopulationGrid,
} from "./prepare-population-grid.ts";
import {
  type PreparedReferenceLevel,
  prepareReferenceLevel,
  type ReferenceAreaInput,
} from "./prepare-reference-areas.ts";
import { type RingIndex, ringIndexOfGeometry } from "./ring-index.ts";

/** The raw layers, as plain data (no index). Also the input of the naive reference implementation. */
export interface AnalysisSource {
  /** The city outline; null when not loaded (then no city shares are computed). */
  city: AreaGeometry | null;
  /** Reference areas per level; missing levels are skipped. */
  referenceLevels: Partial<Record<ReferenceLevel, readonly ReferenceAreaInput[]>>;
  /** The current census grid (Zensus 2022) and the year its counts describe; null when not loaded. */
  populationGrid: { cells: readonly GridCellInput[]; dataYear: number } | null;
  /** An earlier census grid (Zensus 2011) for the change since; absent or null when not loaded. */
  comparisonGrid?: { cells: readonly GridCellInput[]; dataYear: number } | null;
  /** Address points for the dasymetric estimate and the year they describe; needs the grid. */
  addresses: { positions: PointLayerInput["positions"]; dataYear: number } | null;
  /** Facility and stop layers. */
  facilities: readonly PointLayerInput[];
  /** Origin of the clip frame; default: the centre of the city's box (or of the first level's). */
  frameOrigin?: [number, number];
}

/** The prepared layers. Build with {@link prepareAnalysisContext}; treat as read-only. */
export interface AnalysisContext {
  readonly frame: ClipFrame;
  /** The city outline as a clip shape (its `areaM2` is the city's area), or null. */
  readonly city: ClipShape | null;
  /** The city outline's edges, for point tests; null without a city. */
  readonly cityRings: RingIndex | null;
  readonly levels: Partial<Record<ReferenceLevel, PreparedReferenceLevel>>;
  /** For each level made exactly of the next finer prepared level, how (see `detect-nesting.ts`). */
  readonly nesting: Partial<Record<ReferenceLevel, LevelNesting>>;
  readonly grid: PreparedPopulationGrid | null;
  readonly addresses: PreparedAddressPoints | null;
  /** The earlier census with its own address weights; null without a comparison grid. */
  readonly comparison: PopulationLayers | null;
  readonly facilities: readonly PreparedPointLayer[];
  /** The source the context was built from (kept for the naive reference and for tests). */
  readonly source: AnalysisSource;
}

/** A census grid and the address points weighted by it: what one residents estimate needs. */
export interface PopulationLayers {
  readonly grid: PreparedPopulationGrid;
  readonly addresses: PreparedAddressPoints | null;
}

function centreOf(box: LonLatBox | null): [number, number] | null {
  return box === null ? null : [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** Picks the frame origin: as given, else the centre of the city or of the first reference area. */
function originOf(source: AnalysisSource): [number, number] {
  if (source.frameOrigin) return source.frameOrigin;
  const fromCity = source.city ? centreOf(geometryBox(source.city)) : null;
  if (fromCity) return fromCity;
  for (const areas of Object.values(source.referenceLevels)) {
    const first = areas?.[0];
    const centre = first ? centreOf(geometryBox(first.geometry)) : null;
    if (centre) return centre;
  }
  const cell = source.populationGrid?.cells[0];
  return (cell ? centreOf(geometryBox(cell.geometry)) : null) ?? [0, 0];
}

/** Builds all indexes. Linear to n log n in the size of the layers; run it once per set of layers. */
export function prepareAnalysisContext(source: AnalysisSource): AnalysisContext {
  const [originLon, originLat] = originOf(source);
  const frame = createClipFrame(originLon, originLat);
  const levels: Partial<Record<ReferenceLevel, PreparedReferenceLevel>> = {};
  for (const [level, areas] of Object.entries(source.referenceLevels) as [
    ReferenceLevel,
    readonly ReferenceAreaInput[] | undefined,
  ][]) {
    if (areas) levels[level] = prepareReferenceLevel(frame, level, areas);
  }
  // Pair each prepared level with the next finer prepared one and keep the pairs that nest.
  const nesting: Partial<Record<ReferenceLevel, LevelNesting>> = {};
  const prepared = REFERENCE_LEVELS.filter((level) => levels[level] !== undefined);
  for (let k = 0; k + 1 < prepared.length; k++) {
    const coarse = levels[prepared[k] as ReferenceLevel] as PreparedReferenceLevel;
    const fine = levels[prepared[k + 1] as ReferenceLevel] as PreparedReferenceLevel;
    const found = detectNesting(frame, coarse, fine);
    if (found) nesting[coarse.level] = found;
  }
  const city = source.city ? createClipShape(frame, source.city) : null;
  const cityRings = source.city ? ringIndexOfGeometry(source.city) : null;
  /** A grid with its address weights (only the residents of a cell's part inside the city are spread). */
  const population = (input: NonNullable<AnalysisSource["populationGrid"]>): PopulationLayers => {
    const grid = preparePopulationGrid(frame, input.cells, input.dataYear);
    const addresses = source.addresses
      ? prepareAddressPoints(
          source.addresses.positions,
          grid,
          source.addresses.dataYear,
          city && cityRings ? cellSharesInside(frame, grid, city, cityRings) : undefined,
        )
      : null;
    return { grid, addresses };
  };
  const current = source.populationGrid ? population(source.populationGrid) : null;
  const comparison = source.comparisonGrid ? population(source.comparisonGrid) : null;
  return {
    frame,
    city,
    cityRings,
    levels,
    nesting,
    grid: current?.grid ?? null,
    addresses: current?.addresses ?? null,
    comparison,
    facilities: source.facilities.map(preparePointLayer),
    source,
  };
}
