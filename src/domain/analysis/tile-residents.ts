/**
 * The residents part of the union's tiles (see `union-tiles.ts`) for one census grid: what a tile holds
 * (cells with the union's area inside, address points with their weight sums, overall and per age
 * group), and the residents estimate of the whole union added up from the tiles. The figures follow
 * `estimateResidentsOn` in `estimate-residents.ts`; age groups derive from the same cell shares and
 * address points as the residents, so the full and the incremental recompute agree to the last bit.
 */
import type { ClipFrame } from "../geometry/clip-frame.ts";
import type {
  AgeGroup,
  AgeGroupEstimate,
  CellShare,
  ResidentsEstimate,
  ResidentsFigure,
} from "./analysis-result.ts";
import { areaInCellM2, dasymetricFigure, range } from "./estimate-residents.ts";
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
  const groups = Object.keys(grid.groups) as AgeGroup[];
  const insideByCell = new Map<number, number>();
  let addressCount = 0;
  let addressSum = 0;
  const groupSums: Partial<Record<AgeGroup, number>> = {};
  for (const tile of tiles) {
    for (const [cell, m2] of tile.cells) insideByCell.set(cell, (insideByCell.get(cell) ?? 0) + m2);
    addressCount += tile.addresses?.count ?? 0;
    addressSum += tile.addresses?.sum ?? 0;
    for (const group of groups) {
      groupSums[group] = (groupSums[group] ?? 0) + (tile.addresses?.groups[group] ?? 0);
    }
  }
  const cells: CellShare[] = [];
  let areaWeighted = 0;
  let unplaced = 0;
  const groupWeighted: Partial<Record<AgeGroup, number>> = {};
  for (const cell of [...insideByCell.keys()].sort((a, b) => a - b)) {
    const shareInside = shareOf(insideByCell.get(cell) as number, grid.areasM2[cell] as number);
    const contribution = (grid.residents[cell] as number) * shareInside;
    const addressesInCell = addresses ? (addresses.addressesPerCell[cell] as number) : null;
    areaWeighted += contribution;
    if (addressesInCell === 0) unplaced += contribution;
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
      addressCount: addressesInCell,
      ...(groups.length > 0 ? { groups: cellGroups } : {}),
    });
  }
  cells.sort((a, b) => b.contribution - a.contribution || a.cellId.localeCompare(b.cellId));
  const figures: ResidentsFigure[] = [
    { method: "area-weighted-grid", residents: areaWeighted, dataYear: grid.dataYear },
  ];
  if (addresses) figures.push(dasymetricFigure(addressSum, grid.dataYear, addresses.dataYear));
  const ageGroups = groups.map((group): AgeGroupEstimate => {
    const groupFigures: ResidentsFigure[] = [
      { method: "area-weighted-grid", residents: groupWeighted[group] ?? 0, dataYear: grid.dataYear },
    ];
    if (addresses?.groupWeights[group]) {
      groupFigures.push(dasymetricFigure(groupSums[group] ?? 0, grid.dataYear, addresses.dataYear));
    }
    return { group, figures: groupFigures, ...range(groupFigures) };
  });
  return {
    figures,
    ...range(figures),
    cells,
    addressesInside: addresses ? addressCount : null,
    unplacedResidents: addresses ? unplaced : null,
    ...(ageGroups.length > 0 ? { ageGroups } : {}),
  };
}
