import { describe, expect, it } from "vitest";
import type { ResidentsEstimate } from "../../../src/domain/analysis/analysis-result.ts";
import {
  ageGroupShares,
  censusChange,
  shareRange,
  zeroGroupCells,
} from "../../../src/ui/coverage/census-figures.ts";

const estimate = (year: number, grid: number, addresses: number): ResidentsEstimate => ({
  figures: [
    { method: "area-weighted-grid", residents: grid, dataYear: year },
    { method: "dasymetric-addresses", residents: addresses, dataYear: year, weightsDataYear: 2024 },
  ],
  low: Math.min(grid, addresses),
  high: Math.max(grid, addresses),
  cells: [
    {
      cellId: "a",
      residents: 100,
      shareInside: 1,
      contribution: 100,
      addressCount: 3,
      groups: { under15: 0 },
    },
    { cellId: "b", residents: 0, shareInside: 1, contribution: 0, addressCount: 0, groups: { under15: 0 } },
  ],
  addressesInside: 3,
  unplacedResidents: 0,
});

describe("censusChange", () => {
  it("compares each method with itself and gives the range and the area-weighted relative change", () => {
    const change = censusChange(estimate(2022, 1100, 900), estimate(2011, 1000, 950));
    expect(change?.methods.map((m) => [m.method, m.change])).toEqual([
      ["area-weighted-grid", 100],
      ["dasymetric-addresses", -50],
    ]);
    expect(change).toMatchObject({ low: -50, high: 100, relative: 0.1, fromYear: 2011, toYear: 2022 });
    expect(change?.methods[1]?.weightsYear).toBe(2024);
  });
});

describe("age group shares", () => {
  it("divides by the residents of the same method, and counts zero cells that have residents", () => {
    const residents = estimate(2022, 1000, 800);
    const group = {
      group: "under15" as const,
      figures: [
        { method: "area-weighted-grid" as const, residents: 150, dataYear: 2022 },
        { method: "dasymetric-addresses" as const, residents: 160, dataYear: 2022 },
      ],
      low: 150,
      high: 160,
    };
    expect(ageGroupShares(residents, group).map((s) => s.share)).toEqual([0.15, 0.2]);
    expect(shareRange(residents, group)).toEqual({ low: 0.15, high: 0.2 });
    // Cell "a" has residents but 0 under 15 (may mean "not available"); "b" has no residents at all.
    expect(zeroGroupCells(residents, "under15")).toBe(1);
  });
});
