/**
 * Address points with dasymetric weights: the residents of each census grid cell spread evenly over
 * the address points inside that cell. Summing the weights of the addresses inside a pilot area then
 * estimates its residents with people placed where buildings are, not smeared over fields and parks
 * as the area-weighted method does.
 *
 * Only the residents of the part of a cell inside the city are spread (the cell's residents times the
 * share of its area inside the city outline, as the area-weighted method counts them). The address
 * list covers Dortmund only, so a cell across the city border has addresses on one side alone; giving
 * them all of the cell's residents would move people from the neighbouring towns into Dortmund. On the
 * 2011 grid that would add about 38,000 residents (606,000 instead of 568,000 for the city; the
 * census counted about 571,000). Without a city outline every cell is taken as wholly inside.
 *
 * What this method cannot place, by design:
 * - Residents of a cell without any address point get no weight. They remain in the area-weighted
 *   estimate only, and are reported as `residentsUnplaced`.
 * - Addresses outside every grid cell get weight 0 (`addressesOutsideGrid`).
 * Every address counts the same: the grid says nothing about flats per building.
 */
import type { AgeGroup } from "./analysis-result.ts";
import type { PointLayerInput, PreparedPointLayer } from "./prepare-point-layer.ts";
import { preparePointLayer } from "./prepare-point-layer.ts";
import { cellOfPoint, type PreparedPopulationGrid } from "./prepare-population-grid.ts";

/** Address points with weights. Build with {@link prepareAddressPoints}; treat as read-only. */
export interface PreparedAddressPoints {
  readonly layer: PreparedPointLayer;
  /** Year the address points describe (about 2024 for the city's list). */
  readonly dataYear: number;
  /** Residents carried by the address in each slot of `layer`. */
  readonly weightOfSlot: Float64Array;
  /** `weightOfSlot` summed per bucket of `layer`. */
  readonly bucketWeights: Float64Array;
  /** The same weights for each age group the grid has: the group's residents spread the same way. */
  readonly groupWeights: Partial<
    Record<AgeGroup, { weightOfSlot: Float64Array; bucketWeights: Float64Array }>
  >;
  /** Grid cell of each address by input index; -1 outside every cell. */
  readonly cellOfAddress: Int32Array;
  /** Number of address points per grid cell. */
  readonly addressesPerCell: Uint32Array;
  /** Residents spread over addresses (the sum of all weights). */
  readonly residentsPlaced: number;
  /** Residents (inside the city) of cells without any address point: counted by the area-weighted method only. */
  readonly residentsUnplaced: number;
  /** Residents of the cells' parts outside the city, which are not spread. */
  readonly residentsOutsideCity: number;
  /** Cells with residents but no address point. */
  readonly cellsWithoutAddresses: number;
  /** Address points that lie in no grid cell. */
  readonly addressesOutsideGrid: number;
}

/**
 * Places each address in its grid cell and gives it the cell's residents inside the city divided by
 * the cell's number of addresses. `positions` are [lon, lat] pairs or interleaved numbers;
 * `shareInCity` is each cell's share of area inside the city (default: 1 for every cell).
 */
export function prepareAddressPoints(
  positions: PointLayerInput["positions"],
  grid: PreparedPopulationGrid,
  dataYear: number,
  shareInCity?: Float64Array,
): PreparedAddressPoints {
  const residentsOf = (cell: number) => (grid.residents[cell] as number) * (shareInCity?.[cell] ?? 1);
  const layer = preparePointLayer({ id: "addresses", positions });
  const total = positions instanceof Float64Array ? positions.length >> 1 : positions.length;
  const cellOfAddress = new Int32Array(total).fill(-1);
  const cellCount = grid.ids.length;
  const addressesPerCell = new Uint32Array(cellCount);
  let addressesOutsideGrid = 0;
  const cellOfSlot = new Int32Array(layer.count);
  for (let slot = 0; slot < layer.count; slot++) {
    const cell = cellOfPoint(grid, layer.lons[slot] as number, layer.lats[slot] as number);
    cellOfSlot[slot] = cell;
    cellOfAddress[layer.sourceIndex[slot] as number] = cell;
    if (cell < 0) addressesOutsideGrid++;
    else addressesPerCell[cell] = (addressesPerCell[cell] as number) + 1;
  }
  // Addresses without finite coordinates never reach the layer, so they count as outside too.
  addressesOutsideGrid += total - layer.count;
  /** Spreads a per-cell value (inside the city) evenly over the cell's addresses. */
  const spread = (amountOf: (cell: number) => number) => {
    const weightOfSlot = new Float64Array(layer.count);
    for (let slot = 0; slot < layer.count; slot++) {
      const cell = cellOfSlot[slot] as number;
      if (cell >= 0) weightOfSlot[slot] = amountOf(cell) / (addressesPerCell[cell] as number);
    }
    const bucketWeights = new Float64Array(layer.columns * layer.rows);
    for (let bucket = 0; bucket < bucketWeights.length; bucket++) {
      let sum = 0;
      for (
        let slot = layer.bucketStart[bucket] as number;
        slot < (layer.bucketStart[bucket + 1] as number);
        slot++
      ) {
        sum += weightOfSlot[slot] as number;
      }
      bucketWeights[bucket] = sum;
    }
    return { weightOfSlot, bucketWeights };
  };
  const { weightOfSlot, bucketWeights } = spread(residentsOf);
  const groupWeights: PreparedAddressPoints["groupWeights"] = {};
  for (const [group, values] of Object.entries(grid.groups) as [AgeGroup, Float64Array][]) {
    groupWeights[group] = spread((cell) => (values[cell] as number) * (shareInCity?.[cell] ?? 1));
  }
  let residentsPlaced = 0;
  let residentsUnplaced = 0;
  let residentsOutsideCity = 0;
  let cellsWithoutAddresses = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const residents = residentsOf(cell);
    residentsOutsideCity += (grid.residents[cell] as number) - residents;
    if ((addressesPerCell[cell] as number) > 0) residentsPlaced += residents;
    else if (residents > 0) {
      residentsUnplaced += residents;
      cellsWithoutAddresses++;
    }
  }
  return {
    layer,
    dataYear,
    weightOfSlot,
    bucketWeights,
    groupWeights,
    cellOfAddress,
    addressesPerCell,
    residentsPlaced,
    residentsUnplaced,
    residentsOutsideCity,
    cellsWithoutAddresses,
    addressesOutsideGrid,
  };
}
