import { describe, expect, it } from "vitest";
import type { AreaAnalysis } from "../../../src/domain/analysis/analysis-result.ts";
import { BASE_COLUMNS } from "../../../src/domain/exchange/base-columns.ts";
import { CENSUS_COLUMNS, censusValues } from "../../../src/domain/exchange/census-columns.ts";
import { dataDictionary } from "../../../src/domain/exchange/data-dictionary.ts";
import { areaRecord } from "../../../src/domain/exchange/export-attributes.ts";
import { exportColumns } from "../../../src/domain/exchange/facility-columns.ts";
import {
  exportInputOf,
  SAMPLE_LAYERS,
  SQUARE,
  sampleAnalysis,
  sampleArea,
} from "../../fixtures/exchange/export-fixtures.ts";

/** The sample analysis as the app computes it now: Zensus 2022 with age groups, 2011 for comparison. */
function analysis2022(): AreaAnalysis {
  const base = sampleAnalysis("a1", 1);
  return {
    ...base,
    residents: {
      figures: [
        { method: "area-weighted-grid", residents: 1300.4, dataYear: 2022 },
        { method: "dasymetric-addresses", residents: 1520.2, dataYear: 2022, weightsDataYear: 2024 },
      ],
      low: 1300.4,
      high: 1520.2,
      cells: [],
      addressesInside: 321,
      unplacedResidents: 0,
      ageGroups: [
        {
          group: "under15",
          figures: [
            { method: "area-weighted-grid", residents: 180.6, dataYear: 2022 },
            { method: "dasymetric-addresses", residents: 210.2, dataYear: 2022, weightsDataYear: 2024 },
          ],
          low: 180.6,
          high: 210.2,
        },
        {
          group: "age65plus",
          figures: [
            { method: "area-weighted-grid", residents: 260.08, dataYear: 2022 },
            { method: "dasymetric-addresses", residents: 250.4, dataYear: 2022, weightsDataYear: 2024 },
          ],
          low: 250.4,
          high: 260.08,
        },
      ],
    },
    residentsComparison: base.residents,
  };
}

const LAYERS = [
  ...SAMPLE_LAYERS,
  {
    id: "population-grid-2022",
    kind: "population",
    title: { de: "Einwohner 2022 (Zensus, 1-km-Raster)", en: "Residents 2022 (census, 1 km grid)" },
    credit: "Eurostat; Zensus 2022 © Statistische Ämter des Bundes und der Länder",
    censusYear: 2022,
  },
];

describe("census columns of an export", () => {
  it("name the census year in every key and fit the Shapefile's 10 characters, each name once", () => {
    for (const column of CENSUS_COLUMNS) {
      expect(column.key).toMatch(/2011|2022/);
      expect(column.shapefileName.length).toBeLessThanOrEqual(10);
    }
    const input = exportInputOf([sampleArea(SQUARE)]);
    const names = exportColumns(input).map((c) => c.shapefileName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("write the 2011 comparison, the change and the age groups with their share", () => {
    expect(censusValues(analysis2022())).toEqual({
      residents_2011_grid: 1234,
      residents_2011_addresses: 1501,
      residents_change_2011_2022_grid: 1300 - 1234,
      under15_2022_low: 181,
      under15_2022_high: 210,
      under15_2022_grid: 181,
      under15_2022_addresses: 210,
      under15_2022_share_grid: 13.9,
      age65plus_2022_low: 250,
      age65plus_2022_high: 260,
      age65plus_2022_grid: 260,
      age65plus_2022_addresses: 250,
      age65plus_2022_share_grid: 20,
    });
  });

  it("leave the columns empty for an analysis of the 2011 grid only, instead of mislabelling it", () => {
    const values = censusValues(sampleAnalysis("a1", 1));
    expect(Object.values(values).every((v) => v === null)).toBe(true);
  });

  it("are in every area record after the base columns, and the dictionary names the 2011 grid's source", () => {
    const area = sampleArea(SQUARE);
    const input = { ...exportInputOf([area]), layers: LAYERS };
    const columns = exportColumns(input);
    const keys = columns.map((c) => c.key);
    // After the base columns (residents, then the district lists), before the facility counts.
    expect(keys.indexOf("residents_2011_grid")).toBe(BASE_COLUMNS.length);
    expect(keys.indexOf("age65plus_2022_share_grid")).toBeLessThan(keys.indexOf("fac_kitas"));
    const record = areaRecord({ area, variantName: "Variante A", analysis: analysis2022() }, columns);
    expect(record.residents_grid).toBe(1300);
    expect(record.residents_grid_year).toBe(2022);
    expect(record.under15_2022_low).toBe(181);
    const dictionary = dataDictionary({ layers: LAYERS, language: "de" }, columns);
    const source = (key: string) => dictionary.find((d) => d.column === key)?.source ?? "";
    expect(source("residents_2011_grid")).toContain("Zensus-2011-Raster");
    expect(source("residents_2011_grid")).toContain("Zensus 2011");
    expect(source("under15_2022_grid")).toContain("Zensus-2022-Raster (1 km): Eurostat");
  });
});
