/**
 * The census figures beside the residents: the change since the earlier census (2011→2022) and the
 * age groups (under 15, 65 and over) with their shares, each opening to explain itself like the
 * residents figure, with the source's caveats.
 */
import { AGE_GROUPS, type ResidentsEstimate } from "../../domain/analysis/analysis-result.ts";
import type { CatalogueEntry } from "../../domain/model/catalogue.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { Figure, Source } from "./CoverageFigure.tsx";
import {
  ageGroupShares,
  type CensusChange,
  censusChange,
  shareRange,
  zeroGroupCells,
} from "./census-figures.ts";
import { percent, signed, type T } from "./coverage-format.ts";

/** A signed residents change, rounded like residents ("+1.230", "−40", "±0"). */
export function formatChange(value: number, language: Language): string {
  const rounded = Math.round(value / 10) * 10;
  return signed(rounded, formatResidents(Math.abs(rounded), language));
}

/** "+120 – +180 (+4,1 %)": the range of the methods' changes and the area-weighted relative change. */
export function changeText(change: CensusChange, language: Language, t: T): string {
  const low = formatChange(change.low, language);
  const high = formatChange(change.high, language);
  const range = low === high ? low : `${low} – ${high}`;
  if (change.relative === null) return range;
  const pct = formatNumber(Math.abs(change.relative) * 100, language, 1);
  return t("coverage.changeValue", { range, percent: signed(change.relative, `${pct}\u00a0%`) });
}

/** Change since the earlier census, per method. */
export function CensusChangeFigure({
  residents,
  before,
  grids,
  language,
  t,
}: {
  residents: ResidentsEstimate;
  before: ResidentsEstimate;
  grids: (CatalogueEntry | undefined)[];
  language: Language;
  t: T;
}) {
  const change = censusChange(residents, before);
  if (!change) return null;
  return (
    <Figure
      label={t("coverage.change", { from: change.fromYear, to: change.toYear })}
      value={<span data-testid="residents-change">{changeText(change, language, t)}</span>}
      testId="figure-residents-change"
    >
      <p className="small">{t("coverage.changeExplain")}</p>
      <ul className="methods">
        {change.methods.map((m) => (
          <li key={m.method}>
            {t("coverage.changeMethod", {
              method: t(`coverage.methods.${m.method}`, {
                year: `${m.fromYear}/${m.toYear}`,
                weightsYear: m.weightsYear ?? "",
              }),
              from: formatResidents(m.from, language),
              to: formatResidents(m.to, language),
              fromYear: m.fromYear,
              toYear: m.toYear,
              change: formatChange(m.change, language),
            })}
          </li>
        ))}
      </ul>
      {grids.map((entry) => (
        <Source key={entry?.id ?? "none"} entry={entry} language={language} t={t} />
      ))}
    </Figure>
  );
}

/** Under 15 and 65 and over: the range of the two methods and their share in the residents. */
export function AgeGroupFigures({
  residents,
  grid,
  language,
  t,
}: {
  residents: ResidentsEstimate;
  grid: CatalogueEntry | undefined;
  language: Language;
  t: T;
}) {
  const groups = residents.ageGroups ?? [];
  if (groups.length === 0) return null;
  const year = residents.figures[0]?.dataYear ?? "";
  return (
    <div className="age-groups" data-testid="age-groups">
      <p className="eyebrow small">{t("coverage.ageGroups", { year })}</p>
      {AGE_GROUPS.map((name) => {
        const group = groups.find((g) => g.group === name);
        if (!group) return null;
        const shares = shareRange(residents, group);
        const low = formatResidents(group.low, language);
        const high = formatResidents(group.high, language);
        const share = shareText(shares, language, t);
        const perMethod = ageGroupShares(residents, group);
        return (
          <Figure
            key={name}
            label={t(`coverage.ageGroup.${name}`)}
            value={
              <span data-testid={`age-${name}`}>
                {t("coverage.ageValue", { range: t("coverage.residentsRange", { low, high }), share })}
              </span>
            }
            testId={`figure-age-${name}`}
          >
            <p className="small">{t("coverage.ageExplain")}</p>
            <ul className="methods">
              {group.figures.map((f, i) => (
                <li key={f.method}>
                  {t("coverage.ageMethod", {
                    method: t(`coverage.methods.${f.method}`, {
                      year: f.dataYear,
                      weightsYear: f.weightsDataYear ?? "",
                    }),
                    value: formatResidents(f.residents, language),
                    share:
                      perMethod[i]?.share === null || perMethod[i] === undefined
                        ? "–"
                        : percent(perMethod[i]?.share as number, language),
                  })}
                </li>
              ))}
            </ul>
            <p className="small" data-testid={`age-caveat-${name}`}>
              {t("coverage.ageCaveat", {
                zeros: formatNumber(zeroGroupCells(residents, name), language),
                cells: formatNumber(residents.cells.length, language),
              })}
            </p>
            <Source entry={grid} language={language} t={t} />
          </Figure>
        );
      })}
    </div>
  );
}

/** Table rows for a variant's totals: the age groups with their shares and the change since the earlier census. */
export function CensusTotalsRows({
  residents,
  before,
  language,
  t,
}: {
  residents: ResidentsEstimate;
  before: ResidentsEstimate | null | undefined;
  language: Language;
  t: T;
}) {
  const change = before ? censusChange(residents, before) : null;
  return (
    <>
      {(residents.ageGroups ?? []).map((group) => {
        const shares = shareRange(residents, group);
        return (
          <tr key={group.group}>
            <th scope="row">
              {t(`coverage.ageGroup.${group.group}`)} ({residents.figures[0]?.dataYear})
            </th>
            <td className="num" data-testid={`variant-age-${group.group}`}>
              {t("coverage.ageValue", {
                range: t("coverage.residentsRange", {
                  low: formatResidents(group.low, language),
                  high: formatResidents(group.high, language),
                }),
                share: shareText(shares, language, t),
              })}
            </td>
          </tr>
        );
      })}
      {change && (
        <tr>
          <th scope="row">{t("coverage.change", { from: change.fromYear, to: change.toYear })}</th>
          <td className="num" data-testid="variant-residents-change">
            {changeText(change, language, t)}
          </td>
        </tr>
      )}
    </>
  );
}

/** "11 %", or "11 % – 13 %" when the two methods differ at the shown precision; "–" without a share. */
function shareText(shares: ReturnType<typeof shareRange>, language: Language, t: T): string {
  if (!shares) return "–";
  const low = percent(shares.low, language);
  const high = percent(shares.high, language);
  return low === high ? low : t("coverage.shareRange", { low, high });
}
