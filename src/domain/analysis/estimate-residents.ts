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
  const groups = Object.keys(grid.groups) as AgeGroup[];
  const cells: CellShare[] = [];
  let areaWeighted = 0;
  let unplaced = 0;
  const groupWeighted: Partial<Record<AgeGroup, number>> = {};
  const candidates = area.box === null || grid.index === null ? [] : grid.index.search(...area.box);
  for (const cell of candidates) {
    const insideM2 = areaInCellM2(frame, grid, area, cell);
    if (insideM2 <= 0) continue;
    const shareInside = shareOf(insideM2, grid.areasM2[cell] as number);
    const contribution = (grid.residents[cell] as number) * shareInside;
    const addressCount = addresses ? (addresses.addressesPerCell[cell] as number) : null;
    areaWeighted += contribution;
    if (addressCount === 0) unplaced += contribution;
    const cellGroups: Partial<Record<AgeGroup, number>> = {};
    for (const group of groups) {
      const value = grid.groups[group]?.[cell] as number;
      cellGroups[group] = value;
      groupWeighted[group] = (groupWeighted[group] ?? 0) + value * shareInside;
    }
    cells.push({
      cellId: grid.ids[cell] as string,
      residents: grid.known[cell] ? (grid.residents[cell] as number) : null,
      shareInside,
      contribution,
      addressCount,
      ...(groups.length > 0 ? { groups: cellGroups } : {}),
    });
  }
  cells.sort((a, b) => b.contribution - a.contribution || a.cellId.localeCompare(b.cellId));
  const figures: ResidentsFigure[] = [
    { method: "area-weighted-grid", residents: areaWeighted, dataYear: grid.dataYear },
  ];
  let addressesInside: number | null = null;
  if (addresses) {
    const { count, sum } = sumWeightsInArea(
      addresses.layer,
      area,
      addresses.weightOfSlot,
      addresses.bucketWeights,
    );
    addressesInside = count;
    figures.push(dasymetricFigure(sum, grid.dataYear, addresses.dataYear));
  }
  const ageGroups = groups.map((group): AgeGroupEstimate => {
    const groupFigures: ResidentsFigure[] = [
      { method: "area-weighted-grid", residents: groupWeighted[group] ?? 0, dataYear: grid.dataYear },
    ];
    const weights = addresses?.groupWeights[group];
    if (addresses && weights) {
      const { sum } = sumWeightsInArea(addresses.layer, area, weights.weightOfSlot, weights.bucketWeights);
      groupFigures.push(dasymetricFigure(sum, grid.dataYear, addresses.dataYear));
    }
    return { group, figures: groupFigures, ...range(groupFigures) };
  });
  return {
    figures,
    ...range(figures),
    cells,
    addressesInside,
    unplacedResidents: addresses ? unplaced : null,
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
