/**
 * The active variant as a whole: totals with overlaps counted once (union area, residents, unique
 * facilities), pairwise overlaps (picking one highlights and frames it on the map), districts that no
 * pilot area touches, and pilot areas per alliance field.
 */
import "./VariantSummary.css";
import { memo, useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VariantAnalysis } from "../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue, ReferenceLevel } from "../domain/model/catalogue.ts";
import type { Variant } from "../domain/model/plan.ts";
import { formatNumber, formatResidents, type Language } from "../i18n/index.ts";
import { zoomToGeometry } from "../map/map-commands.ts";
import { overlapKey } from "../map/OverlapsLayer.tsx";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { CensusTotalsRows } from "./coverage/CensusFigures.tsx";
import { percent } from "./coverage/coverage-format.ts";
import { formatAreaM2, formatAreaShortM2 } from "./Toolbar.tsx";

/** The variant's totals as table rows: areas, union area, sum of areas, residents (range). */
export function VariantTotalsRows({
  analysis,
  language,
  residentsTestId,
}: {
  analysis: VariantAnalysis;
  language: Language;
  residentsTestId?: string;
}) {
  const { t } = useTranslation();
  const residents = analysis.totals.residents;
  return (
    <>
      <tr>
        <th scope="row">{t("variantSummary.areaCount")}</th>
        <td className="num">{formatNumber(analysis.areaCount, language)}</td>
      </tr>
      <tr>
        <th scope="row">{t("variantSummary.unionArea")}</th>
        <td className="num">{formatAreaM2(analysis.totals.unionAreaM2, language)}</td>
      </tr>
      <tr>
        <th scope="row">{t("variantSummary.sumOfAreas")}</th>
        <td className="num">{formatAreaM2(analysis.totals.sumOfAreasM2, language)}</td>
      </tr>
      {residents && (
        <tr>
          <th scope="row">{t("coverage.residents")}</th>
          <td className="num" data-testid={residentsTestId}>
            {t("coverage.residentsRange", {
              low: formatResidents(residents.low, language),
              high: formatResidents(residents.high, language),
            })}
          </td>
        </tr>
      )}
      {residents && (
        <CensusTotalsRows
          residents={residents}
          before={analysis.totals.residentsComparison}
          language={language}
          t={t}
        />
      )}
    </>
  );
}

/** Overlap rows shown before "show all": a long table is neither readable nor cheap to redraw. */
const OVERLAP_ROWS = 25;

export function VariantSummary({ catalogue }: { catalogue: GeneratedCatalogue }) {
  // Deferred: a new result renders in an interruptible pass, never as one long task on the main thread.
  const analysis = useDeferredValue(useAnalysisStore((s) => s.variant));
  const variantError = useDeferredValue(useAnalysisStore((s) => s.variantError));
  const variant = useDeferredValue(useDocumentStore(selectActiveVariant));
  return (
    <SummaryBody catalogue={catalogue} analysis={analysis} variantError={variantError} variant={variant} />
  );
}

const SummaryBody = memo(function SummaryBody({
  catalogue,
  analysis,
  variantError,
  variant,
}: {
  catalogue: GeneratedCatalogue;
  analysis: VariantAnalysis | null;
  variantError: string | null;
  variant: Variant;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [showAllOverlaps, setShowAllOverlaps] = useState(false);
  if (variant.areaOrder.length === 0) return null;
  if (variantError === "timeout")
    return (
      <section className="overlaps" data-testid="variant-summary">
        <p className="notice notice-error">{t("coverage.timeout")}</p>
      </section>
    );
  if (!analysis) return null;
  const layerTitle = (id: string) => catalogue.entries.find((e) => e.id === id)?.title[language] ?? id;
  const levelTotal = (level: ReferenceLevel) =>
    catalogue.entries.find((e) => e.kind === "reference-areas" && e.level === level)?.featureCount ?? 0;
  return (
    <section className="overlaps" aria-labelledby="variant-summary-title" data-testid="variant-summary">
      <h3 id="variant-summary-title">{t("variantSummary.heading", { name: variant.name })}</h3>
      <table className="data-table" data-testid="variant-totals">
        <caption>{t("variantSummary.totals")}</caption>
        <tbody>
          <VariantTotalsRows analysis={analysis} language={language} residentsTestId="variant-residents" />
          {analysis.totals.facilities
            .filter((f) => f.count > 0)
            .map((f) => (
              <tr key={f.layerId}>
                <th scope="row">{layerTitle(f.layerId)}</th>
                <td className="num">{formatNumber(f.count, language)}</td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2} className="small muted">
              {t("variantSummary.totalsNote")}
            </td>
          </tr>
        </tfoot>
      </table>

      <h4>{t("overlaps.heading")}</h4>
      {analysis.overlaps.length === 0 ? (
        <p className="muted small" data-testid="overlap-none">
          {t("overlaps.none")}
        </p>
      ) : (
        <OverlapTable
          analysis={analysis}
          variant={variant}
          showAll={showAllOverlaps}
          onShowAll={setShowAllOverlaps}
        />
      )}

      <h4>{t("variantSummary.fields")}</h4>
      <table className="data-table" data-testid="field-counts">
        <thead>
          <tr>
            <th scope="col">{t("areas.columns.fields")}</th>
            <th scope="col" className="num">
              {t("variantSummary.areas")}
            </th>
            <th scope="col" className="num">
              {t("coverage.area")}
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.fields.map((f) => (
            <tr key={f.field} className={f.areaCount === 0 ? "muted" : undefined}>
              <th scope="row">{t(`layers.fields.${f.field}`)}</th>
              <td className="num">{formatNumber(f.areaCount, language)}</td>
              <td className="num">{f.areaCount === 0 ? "–" : formatAreaM2(f.areaM2, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t("variantSummary.uncovered")}</h4>
      {analysis.uncoveredDistricts.map((u) => (
        <details key={u.level} className="uncovered" data-testid={`uncovered-${u.level}`}>
          <summary>
            {t("variantSummary.uncoveredCount", {
              level: t(`layers.levels.${u.level}`),
              n: formatNumber(u.codes.length, language),
              total: formatNumber(levelTotal(u.level), language),
            })}
          </summary>
          <p className="small">{u.names.length > 0 ? u.names.join(", ") : t("variantSummary.allCovered")}</p>
        </details>
      ))}
    </section>
  );
});

/**
 * The pairwise overlaps, the first ones only until "show all"; picking one highlights it on the map
 * and frames it.
 */
function OverlapTable({
  analysis,
  variant,
  showAll,
  onShowAll,
}: {
  analysis: VariantAnalysis;
  variant: Variant;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const highlighted = useSessionStore((s) => s.highlightedOverlap);
  const setHighlighted = useSessionStore((s) => s.setHighlightedOverlap);
  const name = (id: string) => variant.areas[id]?.name ?? id;
  const showTitle = t("overlaps.show");
  return (
    <table className="data-table" data-testid="overlap-table">
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
        {(showAll ? analysis.overlaps : analysis.overlaps.slice(0, OVERLAP_ROWS)).map((o) => {
          const key = overlapKey(o.areaIdA, o.areaIdB);
          return (
            <tr key={key} className={highlighted === key ? "selected" : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={highlighted === key}
                  title={showTitle}
                  onClick={() => {
                    setHighlighted(highlighted === key ? null : key);
                    if (highlighted !== key) zoomToGeometry(o.geometry);
                  }}
                >
                  {name(o.areaIdA)} / {name(o.areaIdB)}
                </button>
              </th>
              <td className="num">{formatAreaShortM2(o.overlapM2, language)}</td>
              <td className="num">{percent(o.shareOfA, language)}</td>
              <td className="num">{percent(o.shareOfB, language)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {analysis.overlaps.length > OVERLAP_ROWS && (
          <tr>
            <td colSpan={4}>
              <button
                type="button"
                className="link-button"
                aria-expanded={showAll}
                data-testid="overlap-show-all"
                onClick={() => onShowAll(!showAll)}
              >
                {showAll
                  ? t("overlaps.showFirst", { n: formatNumber(OVERLAP_ROWS, language) })
                  : t("overlaps.showAll", { n: formatNumber(analysis.overlaps.length, language) })}
              </button>
            </td>
          </tr>
        )}
        <tr>
          <td colSpan={4} className="small muted">
            {t("overlaps.note")}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
