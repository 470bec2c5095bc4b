/**
 * How the residents figure came about: both methods with their years, residents that could not be
 * placed, and the grid cells the area touches with their contribution.
 */
import type { ResidentsEstimate } from "../../domain/analysis/analysis-result.ts";
import { type GeneratedCatalogue, populationEntries } from "../../domain/model/catalogue.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { Source } from "./CoverageFigure.tsx";
import { percent, type T } from "./coverage-format.ts";

/** The explanation under the residents figure. */
export function ResidentsExplanation({
  residents,
  catalogue,
  language,
  t,
}: {
  residents: ResidentsEstimate;
  catalogue: GeneratedCatalogue;
  language: Language;
  t: T;
}) {
  const grid = populationEntries(catalogue).current;
  const year = residents.figures[0]?.dataYear ?? "";
  const addresses = catalogue.entries.find((e) => e.id === "addresses");
  const cells = residents.cells.slice(0, 12);
  return (
    <>
      <ul className="methods">
        {residents.figures.map((f) => (
          <li key={f.method}>
            <strong>≈ {formatResidents(f.residents, language)}</strong> —{" "}
            {t(`coverage.methods.${f.method}`, { year: f.dataYear, weightsYear: f.weightsDataYear ?? "" })}:{" "}
            {t(`coverage.explain.method.${f.method}`, {
              addresses: formatNumber(residents.addressesInside ?? 0, language),
              year: f.dataYear,
              weightsYear: f.weightsDataYear ?? "",
            })}
          </li>
        ))}
      </ul>
      {residents.unplacedResidents !== null && residents.unplacedResidents > 0.5 && (
        <p className="small">
          {t("coverage.explain.unplaced", { n: formatResidents(residents.unplacedResidents, language) })}
        </p>
      )}
      <table className="data-table compact" data-testid="cells-table">
        <caption>
          {t("coverage.explain.cellsCaption", {
            shown: cells.length,
            total: residents.cells.length,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("coverage.explain.cell")}</th>
            <th scope="col" className="num">
              {t("coverage.explain.cellResidents", { year })}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellShare")}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellContribution")}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellAddresses")}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.cellId}>
              <th scope="row" className="cell-id">
                {c.cellId}
              </th>
              <td className="num">
                {c.residents === null ? t("coverage.explain.secret") : formatNumber(c.residents, language)}
              </td>
              <td className="num">{percent(c.shareInside, language)}</td>
              <td className="num">{formatNumber(c.contribution, language, 1)}</td>
              <td className="num">
                {c.addressCount === null ? "–" : formatNumber(c.addressCount, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Source entry={grid} language={language} t={t} />
      <Source entry={addresses} language={language} t={t} />
    </>
  );
}
