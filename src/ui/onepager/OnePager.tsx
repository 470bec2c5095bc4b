/**
 * One-pagers ("Steckbrief") of a pilot area or of the active variant: an A4 page over the workspace
 * (the workspace stays as it was underneath, inert), with "print / save as PDF". In print only the
 * page is printed (`html.onepager-printing` hides the app; see the print block in OnePager.css).
 */
import "./OnePager.css";
import { type ReactNode, useEffect, useId, useMemo, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useVariantAnalyses } from "../use-variant-analyses.ts";
import { AreaPage } from "./AreaOnePager.tsx";
import { VariantPage } from "./VariantOnePager.tsx";

export type OnePagerTarget = { kind: "area"; areaId: string } | { kind: "variant" };

export function OnePagerOverlay({
  target,
  catalogue,
  onClose,
  shown,
}: {
  target: OnePagerTarget;
  catalogue: GeneratedCatalogue;
  onClose: () => void;
  /** A variant that is not the open plan's (the shared view); the active variant without it. */
  shown?: { variant: Variant; planName: string };
}) {
  const { t } = useTranslation();
  const printButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const activeVariant = useDocumentStore(selectActiveVariant);
  const activePlanName = useDocumentStore((s) => s.plan.name);
  const variant = shown?.variant ?? activeVariant;
  const planName = shown?.planName ?? activePlanName;
  const variants = useMemo(() => [variant], [variant]);
  const figures = useVariantAnalyses(catalogue, variants);

  // Modal: the app underneath is inert, Escape closes, the print button has the focus.
  useEffect(() => {
    const root = document.getElementById("root");
    const html = document.documentElement;
    html.classList.add("onepager-printing");
    if (root) root.inert = true;
    const previous = document.activeElement as HTMLElement | null;
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      html.classList.remove("onepager-printing");
      if (root) root.inert = false;
      window.removeEventListener("keydown", onKey);
      previous?.focus?.();
    };
  }, [onClose]);

  const area = target.kind === "area" ? variant.areas[target.areaId] : undefined;
  const ready = figures.state === "ready" ? figures.figures[variant.id] : undefined;
  let body: ReactNode;
  if (figures.state === "failed") body = <p className="notice notice-error">{t("share.onepager.failed")}</p>;
  else if (target.kind === "area" && area)
    body = (
      <AreaPage area={area} variant={variant} planName={planName} catalogue={catalogue} figures={ready} />
    );
  else body = <VariantPage variant={variant} planName={planName} catalogue={catalogue} figures={ready} />;

  return createPortal(
    <div
      className="onepager-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="onepager"
    >
      <div className="onepager-toolbar">
        <span id={titleId}>{t("share.onepager.dialogLabel")}</span>
        <button
          ref={printButton}
          type="button"
          className="button button-primary"
          onClick={() => window.print()}
          disabled={!ready}
          data-testid="onepager-print"
        >
          {t("share.onepager.print")}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="onepager-close">
          {t("share.onepager.close")}
        </button>
      </div>
      <div className="onepager-scroll">
        <article className="onepager-page" data-testid="onepager-page" data-ready={ready !== undefined}>
          {body}
        </article>
      </div>
    </div>,
    document.body,
  );
}
