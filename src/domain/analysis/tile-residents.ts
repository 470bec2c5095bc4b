/**
 * The residents part of the union's tiles (see `union-tiles.ts`) for one census grid: what a tile holds
 * (cells with the union's area inside, address points with their weight sums, overall and per age
 * group), and the residents estimate of the whole union added up from the tiles. The figures follow
 * `estimateResidentsOn` in `estimate-residents.ts`; age groups derive from the same cell shares and
 * address points as the residents, so the full and the incremental recompute agree to the last bit.
 */
import type { ClipFrame } from "../geometry/clip-frame.ts";
import type { AgeGroup, ResidentsEstimate } from "./analysis-result.ts";
import { areaInCellM2, CellTally, estimateFromTally } from "./estimate-residents.ts";
import { shareOf } from "./measure-coverage.ts";
import { sumWeightsInArea } from "./points-in-area.ts";
import type { PopulationLayers } from "./prepare-analysis-context.ts";
import type { PreparedArea } from "./prepare-area.ts";
import type { TilePopulation } from "./union-tiles.ts";

/** One grid's figures for the union's piece in a tile. */
export function measurePopulation(
  frame: ClipFrame,
  population: PopulationLayers,
  piece: PreparedArea,
): TilePopulation {
  const { grid, addresses } = population;
  const cells: [number, number][] = [];
  const candidates = piece.box === null || grid.index === null ? [] : grid.index.search(...piece.box);
  for (const cell of [...candidates].sort((a, b) => a - b)) {
    const insideM2 = areaInCellM2(frame, grid, piece, cell);
    if (insideM2 > 0) cells.push([cell, insideM2]);
  }
  if (!addresses) return { cells, addresses: null };
  const { count, sum } = sumWeightsInArea(
    addresses.layer,
    piece,
    addresses.weightOfSlot,
    addresses.bucketWeights,
  );
  const groups: Partial<Record<AgeGroup, number>> = {};
  for (const group of Object.keys(grid.groups) as AgeGroup[]) {
    const weights = addresses.groupWeights[group];
    if (!weights) continue;
    groups[group] = sumWeightsInArea(addresses.layer, piece, weights.weightOfSlot, weights.bucketWeights).sum;
  }
  return { cells, addresses: { count, sum, groups } };
}

/** Residents in the union by one grid from its tiles (ascending key order), like `estimateResidentsOn`. */
export function residentsOfTiles(
  population: PopulationLayers,
  tiles: readonly TilePopulation[],
): ResidentsEstimate {
  const { grid, addresses } = population;
  const tally = new CellTally(population);
  const insideByCell = new Map<number, number>();
  let addressCount = 0;
  let addressSum = 0;
  const groupSums: Partial<Record<AgeGroup, number>> = {};
  for (const tile of tiles) {
    for (const [cell, m2] of tile.cells) insideByCell.set(cell, (insideByCell.get(cell) ?? 0) + m2);
    addressCount += tile.addresses?.count ?? 0;
    addressSum += tile.addresses?.sum ?? 0;
    for (const group of tally.groups) {
      groupSums[group] = (groupSums[group] ?? 0) + (tile.addresses?.groups[group] ?? 0);
    }
  }
  for (const cell of [...insideByCell.keys()].sort((a, b) => a - b)) {
    tally.add(cell, shareOf(insideByCell.get(cell) as number, grid.areasM2[cell] as number));
  }
  return estimateFromTally(
    population,
    tally,
    addresses ? { count: addressCount, sum: addressSum, groupSum: (group) => groupSums[group] ?? 0 } : null,
  );
}
