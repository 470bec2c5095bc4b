/**
 * The compare view of workshop mode: 2–4 variants side by side. Synchronised maps (one camera), the
 * indicator matrix (deltas against the first variant, best values marked in words), a diff map of two
 * of them, and charts of the main figures. Shown instead of the workspace while the session's view is
 * "compare"; the back button and Escape return to editing. The variants picked here are the session's
 * `compareVariantIds`, shared with the presentation.
 */
import "./CompareView.css";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { geodesicArea } from "../../domain/geometry/measure-area.ts";
import type { GeneratedCatalogue, ReferenceLevel } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import {
  buildIndicatorMatrix,
  MAX_MATRIX_VARIANTS,
  MIN_MATRIX_VARIANTS,
} from "../../domain/workshop/indicator-matrix.ts";
import { formatDateTime, type Language } from "../../i18n/index.ts";
import {
  type Bounds,
  CompareCameraGroup,
  CompareVariantMap,
  compareMapCredits,
  useCompareFit,
  variantsBounds,
} from "../../map/CompareMaps.tsx";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { AboutDialog } from "../AboutDialog.tsx";
import { useVariantAnalyses, type VariantFigures } from "../use-variant-analyses.ts";
import { initialComparePick, togglePick } from "../variants/compare-pick.ts";
import { CompareCharts } from "./CompareCharts.tsx";
import { formatIndicatorValue } from "./compare-format.ts";
import { DiffPanel } from "./DiffPanel.tsx";
import { IndicatorTable } from "./IndicatorTable.tsx";

const CITY_FALLBACK: Bounds = [7.3, 51.41, 7.64, 51.6];

/** The same array as last time when its items are the same objects (useVariantAnalyses recomputes on identity). */
function useStableList<T>(list: T[]): T[] {
  const previous = useRef<T[]>(list);
  const same =
    previous.current.length === list.length && previous.current.every((item, index) => item === list[index]);
  if (!same) previous.current = list;
  return previous.current;
}

export function CompareView({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const plan = useDocumentStore((s) => s.plan);
  const stored = useSessionStore((s) => s.compareVariantIds);
  const setView = useSessionStore((s) => s.setView);
  const setCompareVariantIds = useSessionStore((s) => s.setCompareVariantIds);
  const heading = useRef<HTMLHeadingElement>(null);

  const picked = initialComparePick(plan.variantOrder, stored);
  const variants = useStableList(picked.flatMap((id) => (plan.variants[id] ? [plan.variants[id]] : [])));
  const figures = useVariantAnalyses(catalogue, variants);

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("dialog[open]")) return;
      setView("workspace");
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [setView]);

  const bounds = useMemo<Bounds>(() => {
    const box = variantsBounds(variants);
    if (box) return box;
    const boundary = catalogue.entries.find((e) => e.kind === "boundary");
    return (boundary?.bbox as Bounds | undefined) ?? CITY_FALLBACK;
  }, [variants, catalogue]);
  const credits = useMemo(() => compareMapCredits(catalogue), [catalogue]);
  const districtTotals = useMemo(() => {
    const totals: Partial<Record<ReferenceLevel, number>> = {};
    for (const entry of catalogue.entries) {
      if (entry.kind === "reference-areas" && entry.level)
        totals[entry.level as ReferenceLevel] = entry.featureCount;
    }
    return totals;
  }, [catalogue]);

  const back = (
    <button type="button" className="button compare-back" onClick={() => setView("workspace")}>
      ← {t("compare.back")} <kbd>{t("compare.backHint")}</kbd>
    </button>
  );

  return (
    <main className="compare" data-testid="compare-view">
      <div className="compare-head">
        <div>
          <h2 ref={heading} tabIndex={-1}>
            {t("compare.title")}
          </h2>
          <p className="compare-subtitle">
            {t("compare.subtitle", { plan: plan.name, count: variants.length })}
          </p>
        </div>
        {plan.variantOrder.length >= MIN_MATRIX_VARIANTS && (
          <fieldset className="compare-pick" data-testid="compare-pick">
            <legend>{t("compare.pickLegend")}</legend>
            {plan.variantOrder.map((id) => {
              const variant = plan.variants[id];
              if (!variant) return null;
              const checked = picked.includes(id);
              const locked = checked
                ? picked.length <= MIN_MATRIX_VARIANTS
                : picked.length >= MAX_MATRIX_VARIANTS;
              return (
                <label key={id} className="compare-pick-item">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={locked}
                    aria-describedby="compare-pick-hint"
                    onChange={(event) =>
                      setCompareVariantIds(togglePick(plan.variantOrder, picked, id, event.target.checked))
                    }
                  />
                  {variant.name}
                </label>
              );
            })}
            <span id="compare-pick-hint" className="compare-pick-hint">
              {t("compare.pickHint")}
            </span>
          </fieldset>
        )}
        {back}
      </div>

      {variants.length < MIN_MATRIX_VARIANTS ? (
        <p className="notice notice-warning">{t("compare.tooFew")}</p>
      ) : (
        <CompareCameraGroup bounds={bounds}>
          <section
            id="map"
            className="compare-maps-section"
            aria-labelledby="compare-maps-title"
            tabIndex={-1}
          >
            <div className="compare-maps-head">
              <h3 id="compare-maps-title">
                {t("compare.mapsHeading")} <span className="compare-hint">{t("compare.mapsHint")}</span>
              </h3>
              <FitButton />
            </div>
            <div
              className="compare-maps"
              style={{ gridTemplateColumns: `repeat(${variants.length}, minmax(0, 1fr))` }}
            >
              {variants.map((variant) => (
                <figure
                  key={variant.id}
                  className="compare-map-figure"
                  data-testid="compare-map"
                  data-variant-id={variant.id}
                >
                  <figcaption>
                    <span className="compare-map-title">{variant.name}</span>
                    <span className="compare-map-count">
                      {t("variant.areaCount", { count: variant.areaOrder.length })}
                    </span>
                  </figcaption>
                  <div className="compare-map">
                    <CompareVariantMap
                      catalogue={catalogue}
                      variant={variant}
                      labels={{
                        map: t("compare.mapLabel", { name: variant.name }),
                        zoomIn: t("map.zoomIn"),
                        zoomOut: t("map.zoomOut"),
                      }}
                    />
                    {variant.areaOrder.length === 0 && (
                      <p className="compare-map-empty">{t("compare.noAreas")}</p>
                    )}
                  </div>
                  <AreaKey variant={variant} language={language} />
                </figure>
              ))}
            </div>
            <div className="compare-legend-row">
              <ul className="compare-legend" aria-label={t("compare.legendHeading")}>
                <li>
                  <span className="compare-legend-area" aria-hidden="true" />
                  {t("compare.legendFields")}
                </li>
                <li>
                  <span className="compare-legend-boundary" aria-hidden="true" />
                  {t("compare.legendBoundary")}
                </li>
                <li>
                  <span className="compare-legend-addresses" aria-hidden="true" />
                  {t("compare.legendAddresses")}
                </li>
              </ul>
              <p className="compare-credits" data-testid="compare-credits">
                <span className="visually-hidden">{t("compare.creditsLabel")}: </span>
                {credits.join(" · ")}
              </p>
            </div>
          </section>

          <Figures
            catalogue={catalogue}
            variants={variants}
            figures={figures}
            districtTotals={districtTotals}
            language={language}
            diff={<DiffPanel catalogue={catalogue} variants={variants} />}
          />
        </CompareCameraGroup>
      )}
      <AboutDialog catalogue={catalogue} />
    </main>
  );
}

/** Areas shown in the map at most; the rest are counted ("+ 3 more"). */
const AREA_KEY_LIMIT = 5;

/** The map's key: each area's colour, name and size. Names are the planner's text, shown as text. */
function AreaKey({ variant, language }: { variant: Variant; language: Language }) {
  const { t } = useTranslation();
  const areas = useMemo(
    () =>
      variant.areaOrder.flatMap((id) => {
        const area = variant.areas[id];
        return area ? [{ id, name: area.name, colour: area.colour, m2: geodesicArea(area.geometry) }] : [];
      }),
    [variant],
  );
  if (areas.length === 0) return null;
  const more = areas.length - AREA_KEY_LIMIT;
  return (
    <ul className="compare-area-key" aria-label={t("compare.areaKey", { name: variant.name })}>
      {areas.slice(0, AREA_KEY_LIMIT).map((area) => (
        <li key={area.id} data-m2={area.m2}>
          <span className="compare-area-swatch" style={{ background: area.colour }} aria-hidden="true" />
          <span className="compare-area-name">{area.name || t("compare.unnamedArea")}</span>
          <span className="compare-area-size">{formatIndicatorValue(area.m2, "m2", language)}</span>
        </li>
      ))}
      {more > 0 && <li className="compare-area-more">{t("compare.moreAreas", { count: more })}</li>}
    </ul>
  );
}

/** Frames every map on the compared variants' areas again (after panning around). */
function FitButton() {
  const { t } = useTranslation();
  const fit = useCompareFit();
  return (
    <button type="button" className="button" onClick={fit} data-testid="compare-fit">
      {t("compare.fitAll")}
    </button>
  );
}

function Figures({
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
