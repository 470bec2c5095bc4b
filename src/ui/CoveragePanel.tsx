/**
 * Coverage of the selected pilot area from the analysis worker: area, share of the city, residents as
 * a range of two labelled methods, districts per level, facilities inside and within walking distance,
 * and a plain-language summary for screen readers.
 */
import { useTranslation } from "react-i18next";
import type { AreaAnalysis } from "../domain/analysis/analysis-result.ts";
import type { CatalogueEntry, GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../i18n/index.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { formatAreaM2 } from "./Toolbar.tsx";

const percent = (share: number, language: Language) =>
  `${formatNumber(share * 100, language, share < 0.1 ? 1 : 0)}\u00a0%`;

export function summarySentence(
  analysis: AreaAnalysis,
  name: string,
  language: Language,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const finest = [...analysis.levels].reverse().find((l) => l.level === "stadtbezirk") ?? analysis.levels[0];
  const top = finest?.districts.slice().sort((a, b) => b.intersectionM2 - a.intersectionM2)[0];
  const residents = analysis.residents
    ? formatResidents((analysis.residents.low + analysis.residents.high) / 2, language)
    : "0";
  const area = formatAreaM2(analysis.areaM2, language);
  return top
    ? t("coverage.summary", {
        name,
        area,
        residents,
        top: t("coverage.topDistrict", { share: percent(top.shareOfDistrict, language), district: top.name }),
      })
    : t("coverage.summaryNoDistrict", { name, area, residents });
}

export function CoveragePanel({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const area = useDocumentStore((s) =>
    selectedAreaId ? selectActiveVariant(s).areas[selectedAreaId] : undefined,
  );
  const status = useAnalysisStore((s) => s.status);
  const row = useAnalysisStore((s) => (selectedAreaId ? s.byArea[selectedAreaId] : undefined));
  const computedAt = useAnalysisStore((s) => s.computedAt);
  if (!area) return null;
  if (status === "loading" || status === "idle")
    return <p className="muted small">{t("coverage.loading")}</p>;
  if (status === "failed") return <p className="notice notice-error">{t("coverage.failed")}</p>;
  const analysis = row?.geometry === area.geometry ? row.analysis : null;
  const layerTitle = (id: string) =>
    (catalogue.entries.find((e) => e.id === id) as CatalogueEntry | undefined)?.title[language] ?? id;
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="coverage-panel">
      <h3 id="coverage-title">
        {t("coverage.heading")}{" "}
        {!analysis && <span className="muted small">({t("coverage.computing")})</span>}
      </h3>
      {analysis && (
        <>
          <p className="visually-hidden" aria-live="polite">
            {summarySentence(analysis, area.name, language, t)}
          </p>
          <dl className="figures">
            <div>
              <dt>{t("coverage.area")}</dt>
              <dd>{formatAreaM2(analysis.areaM2, language)}</dd>
            </div>
            {analysis.city && (
              <div>
                <dt>{t("coverage.cityShare")}</dt>
                <dd>{percent(analysis.city.shareOfCity, language)}</dd>
              </div>
            )}
            {analysis.residents && (
              <div>
                <dt>{t("coverage.residents")}</dt>
                <dd data-testid="residents-range">
                  {t("coverage.residentsRange", {
                    low: formatResidents(analysis.residents.low, language),
                    high: formatResidents(analysis.residents.high, language),
                  })}
                  <ul className="methods">
                    {analysis.residents.figures.map((f) => (
                      <li key={f.method}>
                        ≈ {formatResidents(f.residents, language)}: {t(`coverage.methods.${f.method}`)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
          {analysis.levels.map((level) => (
            <table className="data-table" key={level.level}>
              <caption>{t(`layers.levels.${level.level}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("coverage.district")}</th>
                  <th scope="col" className="num">
                    {t("coverage.shareOfDistrict")}
                  </th>
                  <th scope="col" className="num">
                    {t("coverage.shareOfArea")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {level.districts
                  .slice()
                  .sort((a, b) => b.shareOfArea - a.shareOfArea)
                  .map((d) => (
                    <tr key={d.code}>
                      <th scope="row">
                        {d.name} <span className="muted">({d.code})</span>
                      </th>
                      <td className="num">{percent(d.shareOfDistrict, language)}</td>
                      <td className="num">{percent(d.shareOfArea, language)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
          <table className="data-table">
            <caption>{t("coverage.facilities")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("coverage.layer")}</th>
                <th scope="col" className="num">
                  {t("coverage.inside")}
                </th>
                <th scope="col" className="num">
                  {t("coverage.near", { m: analysis.facilities[0]?.near[0]?.distanceM ?? 300 })}
                </th>
              </tr>
            </thead>
            <tbody>
              {analysis.facilities.map((f) => (
                <tr key={f.layerId}>
                  <th scope="row">{layerTitle(f.layerId)}</th>
                  <td className="num">{formatNumber(f.inside.count, language)}</td>
                  <td className="num">{formatNumber(f.near[0]?.count ?? 0, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {computedAt && (
            <p className="muted small">
              {t("coverage.source", { time: formatDateTime(computedAt, language) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function OverlapTable() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const variantAnalysis = useAnalysisStore((s) => s.variant);
  const variant = useDocumentStore(selectActiveVariant);
  if (!variantAnalysis || variant.areaOrder.length < 2) return null;
  const name = (id: string) => variant.areas[id]?.name ?? id;
  const residents = variantAnalysis.totals.residents;
  return (
    <section className="overlaps" aria-labelledby="overlaps-title" data-testid="overlap-table">
      <h3 id="overlaps-title">{t("overlaps.heading")}</h3>
      <p className="small">
        {t("overlaps.totals", {
          area: formatAreaM2(variantAnalysis.totals.unionAreaM2, language),
          residents: residents ? formatResidents((residents.low + residents.high) / 2, language) : "0",
        })}
      </p>
      {variantAnalysis.overlaps.length === 0 ? (
        <p className="muted small">{t("overlaps.none")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("overlaps.pair")}</th>
              <th scope="col" className="num">
                {t("overlaps.area")}
              </th>
              <th scope="col" className="num">
                {t("overlaps.shareA")}
              </th>
              <th scope="col" className="num">
                {t("overlaps.shareB")}
              </th>
            </tr>
          </thead>
          <tbody>
            {variantAnalysis.overlaps.map((o) => (
              <tr key={`${o.areaIdA}-${o.areaIdB}`}>
                <th scope="row">
                  {name(o.areaIdA)} / {name(o.areaIdB)}
                </th>
                <td className="num">{formatAreaM2(o.overlapM2, language)}</td>
                <td className="num">{percent(o.shareOfA, language)}</td>
                <td className="num">{percent(o.shareOfB, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
