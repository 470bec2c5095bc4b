/** The shared variant's figures as text: its totals, and each area with its attributes and figures. */
import { useTranslation } from "react-i18next";
import type { VariantAnalysis } from "../../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { formatAreaM2 } from "../Toolbar.tsx";
import type { VariantFigures } from "../use-variant-analyses.ts";

/** The variant's totals: union area, residents, facilities by layer. */
export function SharedTotals({
  totals,
  catalogue,
}: {
  totals: VariantAnalysis["totals"];
  catalogue: GeneratedCatalogue;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <table className="data-table" data-testid="shared-totals">
      <caption>{t("variantSummary.totals")}</caption>
      <tbody>
        <tr>
          <th scope="row">{t("variantSummary.unionArea")}</th>
          <td className="num">{formatAreaM2(totals.unionAreaM2, language)}</td>
        </tr>
        {totals.residents && (
          <tr>
            <th scope="row">{t("coverage.residents")}</th>
            <td className="num" data-testid="shared-total-residents">
              {t("coverage.residentsRange", {
                low: formatResidents(totals.residents.low, language),
                high: formatResidents(totals.residents.high, language),
              })}
            </td>
          </tr>
        )}
        {totals.facilities
          .filter((f) => f.count > 0)
          .map((f) => (
            <tr key={f.layerId}>
              <th scope="row">
                {catalogue.entries.find((e) => e.id === f.layerId)?.title[language] ?? f.layerId}
              </th>
              <td className="num">{formatNumber(f.count, language)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** Every area with its attributes, area and residents ("…" while computed). */
export function SharedAreas({ variant, figures }: { variant: Variant; figures: VariantFigures | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const areaFigures = (id: string) => figures?.byArea[id];
  return (
    <ol className="shared-areas" data-testid="shared-areas">
      {variant.areaOrder.map((id) => {
        const area = variant.areas[id];
        if (!area) return null;
        const analysis = areaFigures(id);
        return (
          <li key={id} className="shared-area" data-testid="shared-area">
            <h4>
              <span className="shared-swatch" style={{ background: area.colour }} aria-hidden="true" />
              <span data-testid="shared-area-name">{area.name || "–"}</span>
            </h4>
            <dl className="shared-facts">
              <dt>{t("attributes.fields")}</dt>
              <dd>
                {area.fields.length > 0
                  ? area.fields.map((f) => t(`layers.fields.${f}`)).join(", ")
                  : t("share.view.none")}
              </dd>
              <dt>{t("attributes.partners")}</dt>
              <dd>{area.partners.length > 0 ? area.partners.join(", ") : t("share.view.none")}</dd>
              <dt>{t("attributes.status")}</dt>
              <dd>{t(`attributes.statuses.${area.status}`)}</dd>
              {area.notes.trim() !== "" && (
                <>
                  <dt>{t("attributes.notes")}</dt>
                  <dd className="shared-notes">{area.notes}</dd>
                </>
              )}
              <dt>{t("coverage.area")}</dt>
              <dd data-testid="shared-area-area">
                {analysis ? formatAreaM2(analysis.areaM2, language) : t("coverage.computing")}
              </dd>
              <dt>{t("coverage.residents")}</dt>
              <dd data-testid="shared-area-residents">
                {analysis?.residents
                  ? t("coverage.residentsRange", {
                      low: formatResidents(analysis.residents.low, language),
                      high: formatResidents(analysis.residents.high, language),
                    })
                  : analysis
                    ? t("share.view.none")
                    : t("coverage.computing")}
              </dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
