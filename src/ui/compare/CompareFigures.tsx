/**
 * The compare view's figures: the indicator matrix once every variant's figures are known, beside the
 * difference of two variants and the charts.
 */
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue, ReferenceLevel } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import { buildIndicatorMatrix } from "../../domain/workshop/indicator-matrix.ts";
import { formatDateTime, type Language } from "../../i18n/index.ts";
import type { useVariantAnalyses, VariantFigures } from "../use-variant-analyses.ts";
import { CompareCharts } from "./CompareCharts.tsx";
import { IndicatorTable } from "./IndicatorTable.tsx";

/** The figures part of the compare view; `diff` is shown beside the matrix, above the charts. */
export function Figures({
  catalogue,
  variants,
  figures,
  districtTotals,
  language,
  diff,
}: {
  diff: ReactNode;
  catalogue: GeneratedCatalogue;
  variants: Variant[];
  figures: ReturnType<typeof useVariantAnalyses>;
  districtTotals: Partial<Record<ReferenceLevel, number>>;
  language: Language;
}) {
  const { t } = useTranslation();
  const ready = figures.state === "ready" ? figures.figures : null;
  // Figures of a newly picked variant are still being computed while the others are known.
  const pending = !ready || variants.some((v) => ready[v.id] === undefined);
  const inputs = useMemo(() => {
    if (pending || !ready) return null;
    const list = variants.map((variant) => ({ variant, figures: ready[variant.id] as VariantFigures }));
    if (list.some((entry) => entry.figures.variant === null)) return null;
    return list.map(({ variant, figures: f }) => ({
      variantId: variant.id as string,
      name: variant.name,
      analysis: f.variant as NonNullable<VariantFigures["variant"]>,
      failed: f.failedAreaIds.length,
      computedAt: f.computedAt,
    }));
  }, [pending, ready, variants]);
  const matrix = useMemo(
    () => (inputs ? buildIndicatorMatrix(inputs, { districtTotals }) : null),
    [inputs, districtTotals],
  );
  const chartVariants = useMemo(
    () => (inputs ?? []).map((entry) => ({ name: entry.name, analysis: entry.analysis })),
    [inputs],
  );
  const layout = (matrixPart: ReactNode, charts: ReactNode) => (
    <div className="compare-body">
      <section className="compare-figures" aria-labelledby="compare-matrix-title">
        <h3 id="compare-matrix-title">{t("compare.matrixHeading")}</h3>
        {matrixPart}
      </section>
      <div className="compare-side">
        {diff}
        {charts}
      </div>
    </div>
  );
  if (figures.state === "failed")
    return layout(<p className="notice notice-error">{t("compare.failed")}</p>, null);
  if (pending) {
    return layout(
      <p className="muted" role="status">
        {t("compare.loading")}
      </p>,
      null,
    );
  }
  if (!inputs || !matrix) return layout(<p className="notice notice-error">{t("compare.failed")}</p>, null);
  const failed = inputs.reduce((sum, entry) => sum + entry.failed, 0);
  const computedAt = inputs
    .map((entry) => entry.computedAt)
    .sort()
    .at(-1);
  return layout(
    <>
      {failed > 0 && <p className="notice notice-warning">{t("compare.incomplete", { count: failed })}</p>}
      <IndicatorTable matrix={matrix} catalogue={catalogue} />
      {computedAt && (
        <p className="small muted">
          {t("compare.computedAt", { time: formatDateTime(computedAt, language) })}
        </p>
      )}
    </>,
    <CompareCharts
      variants={chartVariants}
      statisticalDistricts={districtTotals["statistischer-bezirk"] ?? 0}
    />,
  );
}
