/**
 * Zensus 2022 with age groups as the default grid and Zensus 2011 as the comparison, on the small
 * world (see tests/fixtures/analysis/small-world.ts): cells with known counts, so every figure can be
 * worked out by hand.
 */
import { describe, expect, it } from "vitest";
import {
  type AnalysisSource,
  analyseArea,
  analyseVariant,
  prepareAnalysisContext,
} from "../../../../src/domain/analysis/index.ts";
import { AREA, cellsAreaM2, smallWorld } from "../../../fixtures/analysis/small-world.ts";
import { cell } from "../../../fixtures/geometry/builders.ts";

/** The small world with a 2022 grid on the same cells; its 2011 grid becomes the comparison. */
function world2022(): AnalysisSource {
  const world = smallWorld();
  return {
    ...world,
    populationGrid: {
      dataYear: 2022,
      cells: [
        {
          id: "South",
          residents: 2400,
          geometry: cell(0, 0, 4, 2),
          groups: { under15: 400, age65plus: 480 },
        },
        { id: "North", residents: 800, geometry: cell(0, 2, 4, 2), groups: { under15: 80, age65plus: 200 } },
        // A 0 in an age group may mean "not available" in the source: counted as 0.
        { id: "Outside", residents: 300, geometry: cell(4, 0, 2, 2), groups: { under15: 0, age65plus: 50 } },
        {
          id: "Secret",
          residents: null,
          geometry: cell(4, 2, 2, 2),
          groups: { under15: null, age65plus: null },
        },
      ],
    },
    comparisonGrid: world.populationGrid,
  };
}

const context = prepareAnalysisContext(world2022());
const result = analyseArea(context, { id: "A", geometry: AREA });
const shareSouth = cellsAreaM2(1, 1, 2, 1) / cellsAreaM2(0, 0, 4, 2);
const shareNorth = cellsAreaM2(1, 2, 2, 1) / cellsAreaM2(0, 2, 4, 2);
const group = (name: string) => result.residents?.ageGroups?.find((g) => g.group === name);

describe("residents from Zensus 2022 with age groups, and Zensus 2011 for comparison", () => {
  it("takes the 2022 grid as the residents figure, both methods", () => {
    expect(result.residents?.figures.map((f) => [f.method, f.dataYear])).toEqual([
      ["area-weighted-grid", 2022],
      ["dasymetric-addresses", 2022],
    ]);
    expect(result.residents?.figures[0]?.residents).toBeCloseTo(2400 * shareSouth + 800 * shareNorth, 6);
    // Two of the eight addresses of each cell lie inside: 2400 / 4 + 800 / 4.
    expect(result.residents?.figures[1]?.residents).toBeCloseTo(600 + 200, 9);
  });

  it("estimates under 15 and 65 and over by the same two methods, as a range", () => {
    const under15 = group("under15");
    const age65plus = group("age65plus");
    expect(under15?.figures[0]?.residents).toBeCloseTo(400 * shareSouth + 80 * shareNorth, 6);
    expect(under15?.figures[1]?.residents).toBeCloseTo(100 + 20, 9);
    expect(age65plus?.figures[0]?.residents).toBeCloseTo(480 * shareSouth + 200 * shareNorth, 6);
    expect(age65plus?.figures[1]?.residents).toBeCloseTo(120 + 50, 9);
    for (const g of [under15, age65plus]) {
      const values = g?.figures.map((f) => f.residents) ?? [];
      expect(g?.low).toBe(Math.min(...values));
      expect(g?.high).toBe(Math.max(...values));
      expect(g?.figures[1]).toMatchObject({ dataYear: 2022, weightsDataYear: 2024 });
    }
  });

  it("keeps the age groups at most the total, by each method", () => {
    result.residents?.figures.forEach((total, k) => {
      const groups = (result.residents?.ageGroups ?? []).map((g) => g.figures[k]?.residents ?? 0);
      expect(groups.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total.residents);
    });
  });

  it("lists each cell's age groups for the explanation", () => {
    expect(result.residents?.cells.map((c) => [c.cellId, c.groups])).toEqual([
      ["South", { under15: 400, age65plus: 480 }],
      ["North", { under15: 80, age65plus: 200 }],
    ]);
  });

  it("estimates the same area on the 2011 grid, without age groups, for the change since", () => {
    const before = result.residentsComparison;
    expect(before?.figures.map((f) => f.dataYear)).toEqual([2011, 2011]);
    expect(before?.figures[0]?.residents).toBeCloseTo(2000 * shareSouth + 600 * shareNorth, 6);
    expect(before?.figures[1]?.residents).toBeCloseTo(2 * 250 + 2 * 75, 9);
    expect(before?.ageGroups).toBeUndefined();
  });

  it("gives a variant's union both censuses and the age groups", () => {
    const variant = analyseVariant(context, [
      { id: "A", geometry: AREA, fields: [] },
      { id: "B", geometry: cell(0, 0, 4, 4), fields: [] },
    ]);
    // The union is the whole city: all residents of South and North by area.
    expect(variant.totals.residents?.figures[0]?.residents).toBeCloseTo(3200, 3);
    expect(variant.totals.residentsComparison?.figures[0]?.residents).toBeCloseTo(2600, 3);
    expect(variant.totals.residents?.ageGroups?.map((g) => Math.round(g.high))).toEqual([480, 680]);
  });

  it("has no comparison and no age groups on a world with the 2011 grid only", () => {
    const only2011 = analyseArea(prepareAnalysisContext(smallWorld()), { id: "A", geometry: AREA });
    expect(only2011.residentsComparison).toBeUndefined();
    expect(only2011.residents?.ageGroups).toBeUndefined();
  });
});
