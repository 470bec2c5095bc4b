/**
 * The results beside the map: the selected pilot area's coverage (or the clicked district), then the
 * variant's totals and overlaps. It can be folded away to a narrow rail and made wider or narrower by
 * dragging its left edge (or with the arrow keys on that edge); both are remembered.
 */
import { type KeyboardEvent, type PointerEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { CoveragePanel } from "../coverage/CoveragePanel.tsx";
import { DistrictPanel } from "../DistrictPanel.tsx";
import { VariantSummary } from "../VariantSummary.tsx";
import "./ResultsPanel.css";

export const RESULTS_MIN_WIDTH = 300;
export const RESULTS_MAX_WIDTH = 760;
const KEY_STEP = 20;

/**
 * The width to use: the one the planner chose, or else about a quarter of the window (340 px on a
 * 1280 px laptop, 500 px on a 1920 px projector), kept between the limits and at most 45 % of the window.
 */
export function resultsWidthFor(chosen: number | null, windowWidth: number): number {
  const max = Math.max(RESULTS_MIN_WIDTH, Math.min(RESULTS_MAX_WIDTH, Math.round(windowWidth * 0.45)));
  const width = chosen ?? Math.min(520, Math.max(340, windowWidth * 0.26));
  return Math.min(max, Math.max(RESULTS_MIN_WIDTH, Math.round(width)));
}

/** The window's width, following resizes. */
function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return width;
}

function Resizer({ width }: { width: number }) {
  const { t } = useTranslation();
  const setWidth = useSessionStore((s) => s.setResultsWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const apply = useCallback((next: number) => setWidth(resultsWidthFor(next, window.innerWidth)), [setWidth]);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, width };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // The edge is on the panel's left: dragging left makes it wider.
    apply(drag.current.width + (drag.current.x - event.clientX));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowLeft") apply(width + KEY_STEP);
    else if (event.key === "ArrowRight") apply(width - KEY_STEP);
    else return;
    event.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable splitter is role="separator" (ARIA window splitter pattern); <hr> cannot take focus or pointer drags
    <div
      className="results-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t("results.resize")}
      aria-valuenow={width}
      aria-valuemin={RESULTS_MIN_WIDTH}
      aria-valuemax={RESULTS_MAX_WIDTH}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      data-testid="results-resizer"
    />
  );
}

export function ResultsPanel({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const open = useSessionStore((s) => s.resultsOpen);
  const setOpen = useSessionStore((s) => s.setResultsOpen);
  const stored = useSessionStore((s) => s.resultsWidth);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const district = useSessionStore((s) => s.selectedArea !== null);
  const width = resultsWidthFor(stored, useWindowWidth());

  if (!open) {
    return (
      <aside id="results" className="results results-folded" aria-label={t("results.heading")} tabIndex={-1}>
        <button
          type="button"
          className="results-unfold"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          aria-controls="results"
          data-testid="results-show"
        >
          <span aria-hidden="true">‹</span> {t("results.heading")}
          <span className="visually-hidden"> – {t("results.show")}</span>
        </button>
      </aside>
    );
  }
  return (
    <aside
      id="results"
      className="results"
      aria-labelledby="results-title"
      tabIndex={-1}
      style={{ width }}
      data-testid="results-panel"
    >
      <Resizer width={width} />
      <div className="results-body">
        <header className="results-head">
          <h2 id="results-title">{t("results.heading")}</h2>
          <button
            type="button"
            className="icon-button"
            onClick={() => setOpen(false)}
            aria-expanded={true}
            aria-label={t("results.hide")}
            title={t("results.hide")}
            data-testid="results-hide"
          >
            ›
          </button>
        </header>
        {selectedAreaId ? (
          <CoveragePanel catalogue={catalogue} />
        ) : district ? (
          <DistrictPanel />
        ) : (
          <p className="muted small results-empty">{t("results.empty")}</p>
        )}
        <VariantSummary catalogue={catalogue} />
      </div>
    </aside>
  );
}
