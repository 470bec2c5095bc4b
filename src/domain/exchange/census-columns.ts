/**
 * The export columns of the census comparison and the age groups, beside the residents columns of
 * `export-attributes.ts` (which hold the current census, Zensus 2022): the same area on the Zensus
 * 2011 grid and the change since, and the residents under 15 and 65 and over by both methods with
 * their shares. Every key names its census year. Column keys and Shapefile names are a file format
 * partners rely on: DO NOT RENAME.
 */
import type { AgeGroup, AreaAnalysis, ResidentsEstimate } from "../analysis/analysis-result.ts";
import type { LocalisedText } from "../model/catalogue.ts";
import type { ColumnSource, ExportColumn, ExportRecord } from "./export-column.ts";

const text = (de: string, en: string): LocalisedText => ({ de, en });
const RESIDENTS = text("Einwohner", "residents");
const PERCENT = text("%", "%");
const CURRENT_YEAR = 2022;
const COMPARISON_YEAR = 2011;
const census = (year: number): ColumnSource => ({ kind: "census", year });
const censusAddresses = (year: number): ColumnSource => ({ kind: "census-addresses", year });

const GROUP_NAMES: Record<AgeGroup, { key: string; short: string; de: string; en: string }> = {
  under15: { key: "under15", short: "u15", de: "unter 15 Jahre", en: "under 15" },
  age65plus: { key: "age65plus", short: "a65", de: "65 Jahre und älter", en: "65 and over" },
};

const CAVEAT = text(
  "Zensuswerte sind zur Geheimhaltung leicht verändert; eine 0 in einer Altersgruppe kann „nicht verfügbar“ bedeuten",
  "census values are slightly perturbed for confidentiality; a 0 in an age group can mean “not available”",
);

function ageColumns(group: AgeGroup): ExportColumn[] {
  const g = GROUP_NAMES[group];
  const y = CURRENT_YEAR;
  const stem = `${g.key}_${y}`;
  const short = `${g.short}_${String(y).slice(2)}`;
  const integer = (
    suffix: string,
    shortSuffix: string,
    de: string,
    en: string,
    source: ColumnSource,
  ): ExportColumn => ({
    key: `${stem}_${suffix}`,
    shapefileName: `${short}_${shortSuffix}`,
    type: "integer",
    label: text(`Einwohner ${g.de}, ${de} (Zensus ${y})`, `Residents ${g.en}, ${en} (census ${y})`),
    meaning: text(
      `Einwohner ${g.de} im Gebiet, ${de}, wie die Einwohner geschätzt; ${CAVEAT.de}`,
      `residents ${g.en} in the area, ${en}, estimated like the residents; ${CAVEAT.en}`,
    ),
    unit: RESIDENTS,
    source,
  });
  return [
    integer("low", "lo", "untere Schätzung", "low estimate", censusAddresses(y)),
    integer("high", "hi", "obere Schätzung", "high estimate", censusAddresses(y)),
    integer("grid", "gr", "flächengewichtet", "area-weighted", census(y)),
    integer("addresses", "ad", "über Adresspunkte", "via address points", censusAddresses(y)),
    {
      key: `${stem}_share_grid`,
      shapefileName: `${short}_sh`,
      type: "real",
      label: text(
        `Anteil ${g.de} an den Einwohnern, flächengewichtet (Zensus ${y})`,
        `Share ${g.en} of the residents, area-weighted (census ${y})`,
      ),
      meaning: text(
        `${stem}_grid ÷ residents_grid in Prozent, 1 Nachkommastelle`,
        `${stem}_grid ÷ residents_grid in percent, 1 decimal`,
      ),
      unit: PERCENT,
      source: census(y),
    },
  ];
}

/** The census columns, after the residents columns. */
export const CENSUS_COLUMNS: readonly ExportColumn[] = [
  {
    key: `residents_${COMPARISON_YEAR}_grid`,
    shapefileName: "res11_grid",
    type: "integer",
    label: text(
      `Einwohner, flächengewichtet (Zensus ${COMPARISON_YEAR}, zum Vergleich)`,
      `Residents, area-weighted (census ${COMPARISON_YEAR}, for comparison)`,
    ),
    meaning: text(
      `dieselbe Fläche auf dem 1-km-Raster des Zensus ${COMPARISON_YEAR} (Methode area-weighted-grid)`,
      `the same area on the census ${COMPARISON_YEAR} 1 km grid (method area-weighted-grid)`,
    ),
    unit: RESIDENTS,
    source: census(COMPARISON_YEAR),
  },
  {
    key: `residents_${COMPARISON_YEAR}_addresses`,
    shapefileName: "res11_addr",
    type: "integer",
    label: text(
      `Einwohner über Adresspunkte (Zensus ${COMPARISON_YEAR}, zum Vergleich)`,
      `Residents via address points (census ${COMPARISON_YEAR}, for comparison)`,
    ),
    meaning: text(
      `Einwohner des Zensus ${COMPARISON_YEAR} über die Adresspunkte verteilt (Methode dasymetric-addresses)`,
      `census ${COMPARISON_YEAR} residents spread over the address points (method dasymetric-addresses)`,
    ),
    unit: RESIDENTS,
    source: censusAddresses(COMPARISON_YEAR),
  },
  {
    key: `residents_change_${COMPARISON_YEAR}_${CURRENT_YEAR}_grid`,
    shapefileName: "res_chg_gr",
    type: "integer",
    label: text(
      `Veränderung der Einwohner ${COMPARISON_YEAR}→${CURRENT_YEAR}, flächengewichtet`,
      `Change in residents ${COMPARISON_YEAR}→${CURRENT_YEAR}, area-weighted`,
    ),
    meaning: text(
      `residents_grid (Zensus ${CURRENT_YEAR}) minus residents_${COMPARISON_YEAR}_grid, dieselben 1-km-Zellen`,
      `residents_grid (census ${CURRENT_YEAR}) minus residents_${COMPARISON_YEAR}_grid, the same 1 km cells`,
    ),
    unit: RESIDENTS,
    source: census(CURRENT_YEAR),
  },
  ...ageColumns("under15"),
  ...ageColumns("age65plus"),
];

const figureOf = (estimate: Pick<ResidentsEstimate, "figures"> | null | undefined, method: string) =>
  estimate?.figures.find((f) => f.method === method)?.residents ?? null;
const rounded = (value: number | null) => (value === null ? null : Math.round(value));

/** The census columns' values of one area; null where the analysis has no such figure. */
export function censusValues(analysis: AreaAnalysis | null | undefined): ExportRecord {
  const now = analysis?.residents ?? null;
  const before = analysis?.residentsComparison ?? null;
  const nowGrid = figureOf(now, "area-weighted-grid");
  const beforeGrid =
    before && before.figures[0]?.dataYear === COMPARISON_YEAR ? figureOf(before, "area-weighted-grid") : null;
  const record: ExportRecord = {
    [`residents_${COMPARISON_YEAR}_grid`]: rounded(beforeGrid),
    [`residents_${COMPARISON_YEAR}_addresses`]: before
      ? rounded(figureOf(before, "dasymetric-addresses"))
      : null,
    [`residents_change_${COMPARISON_YEAR}_${CURRENT_YEAR}_grid`]:
      nowGrid !== null && beforeGrid !== null && now?.figures[0]?.dataYear === CURRENT_YEAR
        ? Math.round(nowGrid) - Math.round(beforeGrid)
        : null,
  };
  for (const group of ["under15", "age65plus"] as const) {
    const stem = `${GROUP_NAMES[group].key}_${CURRENT_YEAR}`;
    const estimate =
      now?.figures[0]?.dataYear === CURRENT_YEAR ? now.ageGroups?.find((g) => g.group === group) : undefined;
    const grid = figureOf(estimate, "area-weighted-grid");
    record[`${stem}_low`] = estimate ? Math.round(estimate.low) : null;
    record[`${stem}_high`] = estimate ? Math.round(estimate.high) : null;
    record[`${stem}_grid`] = rounded(grid);
    record[`${stem}_addresses`] = rounded(figureOf(estimate, "dasymetric-addresses"));
    record[`${stem}_share_grid`] =
      grid !== null && nowGrid !== null && nowGrid > 0 ? Math.round((grid / nowGrid) * 1000) / 10 : null;
  }
  return record;
}
