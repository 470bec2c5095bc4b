/**
 * Residents reached by an area, by two methods shown side by side as a range:
 * - area-weighted: each census cell contributes its residents times the share of its area inside
 *   (assumes people spread evenly over each 1 km cell, fields and forests included);
 * - dasymetric: the sum of the weights of the address points inside (see `prepare-address-points.ts`),
 *   which places people where addresses are.
 * The two agree for large areas and differ most for small ones or ones on the edge of settlements,
 * which is the point of showing both. Where the grid has age groups (Zensus 2022: under 15, 65 and
 * over), each group is estimated the same two ways. The current census is the default; the earlier
 * one (Zensus 2011) is estimated alike for the change since.
 */
import type { ClipFrame } from "../geometry/clip-frame.ts";
import type {
  AgeGroup,
  AgeGroupEstimate,
  CellShare,
  ResidentsEstimate,
  ResidentsFigure,
} from "./analysis-result.ts";
import { ringAreaInsideConvexM2 } from "./clip-to-convex.ts";
import type { ClipShape } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { shareOf } from "./measure-coverage.ts";
import { sumWeightsInArea } from "./points-in-area.ts";
import type { AnalysisContext, PopulationLayers } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";
import type { PreparedPopulationGrid } from "./prepare-population-grid.ts";

/** Area in m² of the part of `area` inside grid cell `cell`. */
export function areaInCellM2(
  frame: ClipFrame,
  grid: PreparedPopulationGrid,
  area: PreparedArea,
  cell: number,
): number {
  const convex = grid.convex[cell];
  if (convex) {
    let total = 0;
    for (const ring of area.flatRings) total += ringAreaInsideConvexM2(ring, convex);
    return Math.max(0, total);
  }
  return intersectionAreaM2(frame, area.shape, grid.shapes[cell] as ClipShape);
}

/** Low and high of a list of figures. */
export function range(figures: readonly ResidentsFigure[]): { low: number; high: number } {
  const values = figures.map((f) => f.residents);
  return { low: Math.min(...values), high: Math.max(...values) };
}

/** Residents in `area` by every method the given census grid and address weights allow. */
export function estimateResidentsOn(
  frame: ClipFrame,
  population: PopulationLayers,
  area: PreparedArea,
): ResidentsEstimate {
  const { grid, addresses } = population;
  const tally = new CellTally(population);
  const candidates = area.box === null || grid.index === null ? [] : grid.index.search(...area.box);
  for (const cell of candidates) {
    const insideM2 = areaInCellM2(frame, grid, area, cell);
    if (insideM2 <= 0) continue;
    tally.add(cell, shareOf(insideM2, grid.areasM2[cell] as number));
  }
  if (!addresses) return estimateFromTally(population, tally, null);
  const { count, sum } = sumWeightsInArea(
    addresses.layer,
    area,
    addresses.weightOfSlot,
    addresses.bucketWeights,
  );
  return estimateFromTally(population, tally, {
    count,
    sum,
    groupSum: (group) => {
      const weights = addresses.groupWeights[group];
      return weights
        ? sumWeightsInArea(addresses.layer, area, weights.weightOfSlot, weights.bucketWeights).sum
        : 0;
    },
  });
}

/**
 * The grid cells an area covers, added up by their share inside: the area-weighted figures (all
 * residents and each age group), the residents in cells without address points, and the drill-down rows.
 */
export class CellTally {
  readonly cells: CellShare[] = [];
  areaWeighted = 0;
  unplaced = 0;
  readonly groupWeighted: Partial<Record<AgeGroup, number>> = {};
  readonly groups: AgeGroup[];

  constructor(private readonly population: PopulationLayers) {
    this.groups = Object.keys(population.grid.groups) as AgeGroup[];
  }

  add(cell: number, shareInside: number): void {
    const { grid, addresses } = this.population;
    const contribution = (grid.residents[cell] as number) * shareInside;
    const addressCount = addresses ? (addresses.addressesPerCell[cell] as number) : null;
    this.areaWeighted += contribution;
    if (addressCount === 0) this.unplaced += contribution;
    const cellGroups: Partial<Record<AgeGroup, number>> = {};
    for (const group of this.groups) {
      const value = grid.groups[group]?.[cell] as number;
      cellGroups[group] = value;
      this.groupWeighted[group] = (this.groupWeighted[group] ?? 0) + value * shareInside;
    }
    this.cells.push({
      cellId: grid.ids[cell] as string,
      residents: grid.known[cell] ? (grid.residents[cell] as number) : null,
      shareInside,
      contribution,
      addressCount,
      ...(this.groups.length > 0 ? { groups: cellGroups } : {}),
    });
  }
}

/**
 * The estimate from a tally of the cells and, with address weights, the address points inside (their
 * count, weighted sum, and the weighted sum per age group that has weights).
 */
export function estimateFromTally(
  population: PopulationLayers,
  tally: CellTally,
  inside: { count: number; sum: number; groupSum: (group: AgeGroup) => number } | null,
): ResidentsEstimate {
  const { grid, addresses } = population;
  const cells = tally.cells;
  cells.sort((a, b) => b.contribution - a.contribution || a.cellId.localeCompare(b.cellId));
  const figures: ResidentsFigure[] = [
    { method: "area-weighted-grid", residents: tally.areaWeighted, dataYear: grid.dataYear },
  ];
  if (addresses && inside) figures.push(dasymetricFigure(inside.sum, grid.dataYear, addresses.dataYear));
  const ageGroups = tally.groups.map((group): AgeGroupEstimate => {
    const groupFigures: ResidentsFigure[] = [
      { method: "area-weighted-grid", residents: tally.groupWeighted[group] ?? 0, dataYear: grid.dataYear },
    ];
    if (addresses?.groupWeights[group] && inside) {
      groupFigures.push(dasymetricFigure(inside.groupSum(group), grid.dataYear, addresses.dataYear));
    }
    return { group, figures: groupFigures, ...range(groupFigures) };
  });
  return {
    figures,
    ...range(figures),
    cells,
    addressesInside: addresses && inside ? inside.count : null,
    unplacedResidents: addresses ? tally.unplaced : null,
    ...(ageGroups.length > 0 ? { ageGroups } : {}),
  };
}

export function dasymetricFigure(
  residents: number,
  dataYear: number,
  weightsDataYear: number,
): ResidentsFigure {
  return { method: "dasymetric-addresses", residents, dataYear, weightsDataYear };
}

/** Residents in `area` from the current census, by every method the loaded layers allow; null without a grid. */
export function estimateResidents(context: AnalysisContext, area: PreparedArea): ResidentsEstimate | null {
  return context.grid === null
    ? null
    : estimateResidentsOn(context.frame, { grid: context.grid, addresses: context.addresses }, area);
}

/** The same from the earlier census (for the change since); null without a comparison grid. */
export function estimateResidentsComparison(
  context: AnalysisContext,
  area: PreparedArea,
): ResidentsEstimate | null {
  return context.comparison === null ? null : estimateResidentsOn(context.frame, context.comparison, area);
}
