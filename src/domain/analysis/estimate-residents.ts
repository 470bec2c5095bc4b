/**
 * Residents reached by an area, by two methods shown side by side as a range:
 * - area-weighted: each census cell contributes its residents times the share of its area inside
 *   (assumes people spread evenly over each 1 km cell, fields and forests included);
 * - dasymetric: the sum of the weights of the address points inside (see `prepare-address-points.ts`),
 *   which places people where addresses are.
 * The two agree for large areas and differ most for small ones or ones on the edge of settlements,
 * which is the point of showing both.
 */
import type { CellShare, ResidentsEstimate, ResidentsFigure } from "./analysis-result.ts";
import { ringAreaInsideConvexM2 } from "./clip-to-convex.ts";
import type { ClipShape } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { shareOf } from "./measure-coverage.ts";
import { sumWeightsInArea } from "./points-in-area.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";

/** Area in m² of the part of `area` inside grid cell `cell`. */
export function areaInCellM2(context: AnalysisContext, area: PreparedArea, cell: number): number {
  const grid = context.grid;
  if (grid === null) return 0;
  const convex = grid.convex[cell];
  if (convex) {
    let total = 0;
    for (const ring of area.flatRings) total += ringAreaInsideConvexM2(ring, convex);
    return Math.max(0, total);
  }
  return intersectionAreaM2(context.frame, area.shape, grid.shapes[cell] as ClipShape);
}

/** Residents in `area` by every method the loaded layers allow; null without a census grid. */
export function estimateResidents(context: AnalysisContext, area: PreparedArea): ResidentsEstimate | null {
  const grid = context.grid;
  if (grid === null) return null;
  const addresses = context.addresses;
  const cells: CellShare[] = [];
  let areaWeighted = 0;
  let unplaced = 0;
  const candidates = area.box === null || grid.index === null ? [] : grid.index.search(...area.box);
  for (const cell of candidates) {
    const insideM2 = areaInCellM2(context, area, cell);
    if (insideM2 <= 0) continue;
    const shareInside = shareOf(insideM2, grid.areasM2[cell] as number);
    const contribution = (grid.residents[cell] as number) * shareInside;
    const addressCount = addresses ? (addresses.addressesPerCell[cell] as number) : null;
    areaWeighted += contribution;
    if (addressCount === 0) unplaced += contribution;
    cells.push({
      cellId: grid.ids[cell] as string,
      residents: grid.known[cell] ? (grid.residents[cell] as number) : null,
      shareInside,
      contribution,
      addressCount,
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
    figures.push({
      method: "dasymetric-addresses",
      residents: sum,
      dataYear: grid.dataYear,
      weightsDataYear: addresses.dataYear,
    });
  }
  const values = figures.map((f) => f.residents);
  return {
    figures,
    low: Math.min(...values),
    high: Math.max(...values),
    cells,
    addressesInside,
    unplacedResidents: addresses ? unplaced : null,
  };
}
