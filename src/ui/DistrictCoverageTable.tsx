/**
 * How an area covers the districts of one level: per district, the area they share and both shares.
 * Largest share of the area first. Used by the coverage panel and the one-pager; the caller adds a
 * caption or a heading and, if it has one, a footer (the panel's source line).
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictCoverage } from "../domain/analysis/analysis-result.ts";
import type { Language } from "../i18n/index.ts";
import { percent } from "./coverage/coverage-format.ts";
import { formatAreaShortM2 } from "./Toolbar.tsx";

export function DistrictCoverageTable({
  districts,
  caption,
  footer,
  testId,
}: {
  districts: readonly DistrictCoverage[];
  caption?: string;
  footer?: ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <table className="data-table" {...(testId ? { "data-testid": testId } : {})}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t("coverage.district")}</th>
          <th scope="col" className="num">
            {t("coverage.intersection")}
          </th>
          <th scope="col" className="num">
            {t("coverage.shareOfDistrict")}
          </th>
          <th scope="col" className="num">
            {t("coverage.shareOfArea")}
          </th>
        </tr>
      </thead>
      <tbody>
        {[...districts]
          .sort((a, b) => b.shareOfArea - a.shareOfArea)
          .map((d) => (
            <tr key={d.code}>
              <th scope="row">
                {d.name} <span className="muted">({d.code})</span>
              </th>
              <td className="num">{formatAreaShortM2(d.intersectionM2, language)}</td>
              <td className="num">{percent(d.shareOfDistrict, language)}</td>
              <td className="num">{percent(d.shareOfArea, language)}</td>
            </tr>
          ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>
            <td colSpan={4} className="small muted">
              {footer}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
