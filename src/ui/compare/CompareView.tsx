/**
 * The compare view of workshop mode: 2–4 variants side by side. Synchronised maps (one camera), the
 * indicator matrix (deltas against the first variant, best values marked in words), a diff map of two
 * of them, and charts of the main figures. Shown instead of the workspace while the session's view is
 * "compare"; the back button and Escape return to editing. The variants picked here are the session's
 * `compareVariantIds`, shared with the presentation.
 */
import "./CompareView.css";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { cityBoundsOf, type GeneratedCatalogue, type ReferenceLevel } from "../../domain/model/catalogue.ts";
import { MAX_MATRIX_VARIANTS, MIN_MATRIX_VARIANTS } from "../../domain/workshop/indicator-matrix.ts";
import type { Language } from "../../i18n/index.ts";
import { type Bounds, CompareCameraGroup, variantsBounds } from "../../map/CompareMaps.tsx";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { AboutDialog } from "../AboutDialog.tsx";
import { useVariantAnalyses } from "../use-variant-analyses.ts";
import { initialComparePick, togglePick } from "../variants/compare-pick.ts";
import { Figures } from "./CompareFigures.tsx";
import { CompareMapsSection } from "./CompareMapsSection.tsx";
import { DiffPanel } from "./DiffPanel.tsx";

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
    return cityBoundsOf(catalogue);
  }, [variants, catalogue]);
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
        {plan.variantOrder.length >= MIN_MATRIX_VARIANTS && <ComparePickField picked={picked} />}
        {back}
      </div>

      {variants.length < MIN_MATRIX_VARIANTS ? (
        <p className="notice notice-warning">{t("compare.tooFew")}</p>
      ) : (
        <CompareCameraGroup bounds={bounds}>
          <CompareMapsSection catalogue={catalogue} variants={variants} />

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

/** Which variants to compare: 2–4 of the plan's, in plan order (the first is the baseline). */
function ComparePickField({ picked }: { picked: string[] }) {
  const { t } = useTranslation();
  const plan = useDocumentStore((s) => s.plan);
  const setCompareVariantIds = useSessionStore((s) => s.setCompareVariantIds);
  return (
    <fieldset className="compare-pick" data-testid="compare-pick">
      <legend>{t("compare.pickLegend")}</legend>
      {plan.variantOrder.map((id) => {
        const variant = plan.variants[id];
        if (!variant) return null;
        const checked = picked.includes(id);
        const locked = checked ? picked.length <= MIN_MATRIX_VARIANTS : picked.length >= MAX_MATRIX_VARIANTS;
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
  );
}
