/** The change of the area's figures since the last snapshot of the plan. */
import type { AreaAnalysis } from "../../domain/analysis/analysis-result.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { formatAreaM2 } from "../Toolbar.tsx";
import type { SnapshotBaseline } from "../use-snapshot-baseline.ts";
import { Figure } from "./CoverageFigure.tsx";
import { residentsRange, signed, type T } from "./coverage-format.ts";

function facilityTotal(analysis: AreaAnalysis): number {
  return analysis.facilities.reduce((sum, f) => sum + f.inside.count, 0);
}

/** Nothing while there is no snapshot (or it is loading); "new" for an area the snapshot lacks. */
export function SnapshotChange({
  baseline,
  analysis,
  language,
  t,
}: {
  baseline: SnapshotBaseline;
  analysis: AreaAnalysis;
  language: Language;
  t: T;
}) {
  if (baseline.state === "none" || baseline.state === "loading") return null;
  const time = formatDateTime(baseline.snapshot.createdAt, language);
  const label = t("coverage.sinceSnapshot", { time });
  if (baseline.state === "new")
    return (
      <Figure label={label} value={t("coverage.newSinceSnapshot")} testId="figure-since-snapshot">
        <p className="small">{t("coverage.explain.sinceSnapshot", { time })}</p>
      </Figure>
    );
  const before = baseline.analysis;
  const dArea = analysis.areaM2 - before.areaM2;
  const dLow = (analysis.residents?.low ?? 0) - (before.residents?.low ?? 0);
  const dHigh = (analysis.residents?.high ?? 0) - (before.residents?.high ?? 0);
  const residentsChange =
    formatResidents(Math.abs(dLow), language) === formatResidents(Math.abs(dHigh), language) &&
    Math.sign(dLow) === Math.sign(dHigh)
      ? signed(dLow, formatResidents(Math.abs(dLow), language))
      : t("coverage.residentsRange", {
          low: signed(dLow, formatResidents(Math.abs(dLow), language)),
          high: signed(dHigh, formatResidents(Math.abs(dHigh), language)),
        });
  const dFacilities = facilityTotal(analysis) - facilityTotal(before);
  const unchanged = baseline.sameGeometry || (Math.abs(dArea) < 0.5 && dFacilities === 0);
  const value = unchanged
    ? t("coverage.unchanged")
    : [
        signed(dArea, formatAreaM2(Math.abs(dArea), language)),
        t("coverage.residentsDelta", { n: residentsChange }),
        t("coverage.facilitiesDelta", {
          n: signed(dFacilities, formatNumber(Math.abs(dFacilities), language)),
        }),
      ].join(" · ");
  return (
    <Figure label={label} value={value} testId="figure-since-snapshot">
      <p className="small">{t("coverage.explain.sinceSnapshot", { time })}</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              {t("coverage.before")}
            </th>
            <th scope="col" className="num">
              {t("coverage.now")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("coverage.area")}</th>
            <td className="num">{formatAreaM2(before.areaM2, language)}</td>
            <td className="num">{formatAreaM2(analysis.areaM2, language)}</td>
          </tr>
          <tr>
            <th scope="row">{t("coverage.residents")}</th>
            <td className="num">{residentsRange(before.residents, language, t)}</td>
            <td className="num">{residentsRange(analysis.residents, language, t)}</td>
          </tr>
          <tr>
            <th scope="row">{t("coverage.facilities")}</th>
            <td className="num">{formatNumber(facilityTotal(before), language)}</td>
            <td className="num">{formatNumber(facilityTotal(analysis), language)}</td>
          </tr>
        </tbody>
      </table>
    </Figure>
  );
}
