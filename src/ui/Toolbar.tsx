/** The drawing toolbar above the map: tools, snapping, undo/redo, shortcuts, live measures and a hint. */
import "./Toolbar.css";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { MIN_AREA_M2 } from "../domain/geometry/limits.ts";
import { REFERENCE_LEVELS, type ReferenceLevel } from "../domain/model/catalogue.ts";
import type { Language } from "../i18n/index.ts";
import { formatKm2, formatNumber } from "../i18n/index.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { DRAWING_TOOLS, type LiveMeasure, type Tool, useSessionStore } from "../store/session-store.ts";
import { ariaKeyShortcuts, TOOL_ACTIONS } from "./actions.ts";

const HINT_KEYS: Record<Tool, string> = {
  select: "tools.hintSelect",
  polygon: "tools.hintPolygon",
  rectangle: "tools.hintRectangle",
  circle: "tools.hintCircle",
  freehand: "tools.hintFreehand",
  districts: "tools.hintDistricts",
};

/** An area in m² as the planner reads it: m² when small, ha, and km² when large. */
export function formatAreaM2(m2: number, language: Language): string {
  if (m2 < 10_000) return `${formatNumber(m2, language)}\u00a0m²`;
  if (m2 < 1_000_000) return `${formatNumber(m2 / 10_000, language, 2)}\u00a0ha`;
  return `${formatNumber(m2 / 1_000_000, language, 3)}\u00a0km² (${formatNumber(m2 / 10_000, language, 1)}\u00a0ha)`;
}

/** An area for a narrow column: m² when small, otherwise hectares. */
export function formatAreaShortM2(m2: number, language: Language): string {
  if (m2 < 10_000) return `${formatNumber(m2, language)}\u00a0m²`;
  return `${formatNumber(m2 / 10_000, language, m2 < 1_000_000 ? 2 : 1)}\u00a0ha`;
}

export function formatLengthM(m: number, language: Language): string {
  return m < 1000 ? `${formatNumber(m, language)}\u00a0m` : `${formatNumber(m / 1000, language, 2)}\u00a0km`;
}

function MeasureReadout({ measure, language }: { measure: LiveMeasure; language: Language }) {
  const { t } = useTranslation();
  return (
    <dl className="measure" data-testid="live-measure" aria-live="off">
      <div>
        <dt>{t("measure.area")}</dt>
        <dd>{formatAreaM2(measure.areaM2, language)}</dd>
      </div>
      <div>
        <dt>{t("measure.perimeter")}</dt>
        <dd>{formatLengthM(measure.perimeterM, language)}</dd>
      </div>
      {measure.radiusM !== undefined && (
        <div>
          <dt>{t("measure.radius")}</dt>
          <dd>{formatLengthM(measure.radiusM, language)}</dd>
        </div>
      )}
      <div className="measure-note">
        <dt className="visually-hidden">{t("a11y.measureMethod")}</dt>
        <dd>{t("measure.geodesic")}</dd>
      </div>
    </dl>
  );
}

/** The tool's own level for "build from districts", and what a click would pick. */
function PickHint({ language }: { language: Language }) {
  const { t } = useTranslation();
  const pickLevel = useSessionStore((s) => s.pickLevel);
  const setPickLevel = useSessionStore((s) => s.setPickLevel);
  const preview = useSessionStore((s) => s.pickPreview);
  const adding = useSessionStore((s) => s.picked.length > 0);
  return (
    <>
      <label className="pick-level">
        {t("tools.pickLevel")}{" "}
        <select
          value={pickLevel}
          onChange={(e) => setPickLevel(e.currentTarget.value as ReferenceLevel)}
          data-testid="pick-level"
        >
          {REFERENCE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`layers.levels.${l}`)}
            </option>
          ))}
        </select>
      </label>{" "}
      <span data-testid="pick-preview">
        {preview
          ? t(adding ? "tools.pickPreviewAdd" : "tools.pickPreview", {
              name: preview.name,
              area: formatKm2(preview.areaKm2, language),
            })
          : t("tools.hintDistricts")}
      </span>
    </>
  );
}

/**
 * The tool bar above the map (never over it, so it takes no click meant for the map): tools with their
 * names where there is room, snapping, undo and redo, the shortcuts; below it one line with the hint
 * for the tool (for "build from districts" its level and what a click would pick) and the live measures.
 */
export function Toolbar() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const tool = useSessionStore((s) => s.tool);
  const setTool = useSessionStore((s) => s.setTool);
  const snapping = useSessionStore((s) => s.snapping);
  const setSnapping = useSessionStore((s) => s.setSnapping);
  const measure = useSessionStore((s) => s.measure);
  const handlesHidden = useSessionStore((s) => s.vertexHandlesHidden && s.editingAreaId !== null);
  const setShortcutsOpen = useSessionStore((s) => s.setShortcutsOpen);
  const undoLabel = useDocumentStore((s) => s.past.at(-1)?.label ?? null);
  const redoLabel = useDocumentStore((s) => s.future.at(-1)?.label ?? null);
  const undo = useDocumentStore((s) => s.undo);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const redo = useDocumentStore((s) => s.redo);
  useSkippedStepNotice();
  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t("tools.heading")}>
        {TOOL_ACTIONS.map((action) => (
          <button
            key={action.tool}
            type="button"
            className={action.main ? "tool-button tool-main" : "tool-button"}
            aria-pressed={tool === action.tool}
            disabled={readOnly && !action.readOnly}
            title={`${t(action.label)} (${t(action.keysLabel)})`}
            aria-label={t(action.label)}
            aria-keyshortcuts={ariaKeyShortcuts(action)}
            onClick={() => setTool(action.tool)}
            data-tool={action.tool}
          >
            <span aria-hidden="true" className="tool-icon">
              {action.icon}
            </span>
            <span aria-hidden="true" className="tool-label">
              {t(`tools.short.${action.tool}`)}
            </span>
          </button>
        ))}
        <span className="toolbar-sep" aria-hidden="true" />
        <label className="tool-toggle" title={`${t("tools.snapping")} (N)`}>
          <input
            type="checkbox"
            checked={snapping}
            aria-label={t("tools.snapping")}
            onChange={(e) => setSnapping(e.currentTarget.checked)}
          />
          <span aria-hidden="true">{t("tools.snappingShort")}</span>
        </label>
        <span className="toolbar-sep" aria-hidden="true" />
        <button
          type="button"
          className="tool-button"
          disabled={!undoLabel || readOnly}
          onClick={() => undo()}
          title={undoLabel ? t("tools.undoWhat", { what: undoLabel }) : t("tools.undo")}
          aria-label={undoLabel ? t("tools.undoWhat", { what: undoLabel }) : t("tools.undo")}
          aria-keyshortcuts="Control+Z"
        >
          ↶
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!redoLabel || readOnly}
          onClick={() => redo()}
          title={redoLabel ? t("tools.redoWhat", { what: redoLabel }) : t("tools.redo")}
          aria-label={redoLabel ? t("tools.redoWhat", { what: redoLabel }) : t("tools.redo")}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          ↷
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => setShortcutsOpen(true)}
          title={`${t("tools.shortcuts")} (?)`}
          aria-label={t("tools.shortcuts")}
        >
          ?
        </button>
      </div>
      <div className="tool-status">
        <p className="tool-hint" data-testid="tool-hint">
          {tool === "districts" ? (
            <PickHint language={language} />
          ) : (
            <>
              {t(tool === "select" && handlesHidden ? "tools.hintHandlesHidden" : HINT_KEYS[tool])}
              {DRAWING_TOOLS.includes(tool) &&
                ` ${t("draw.minArea", { min: formatNumber(MIN_AREA_M2, language) })}`}
            </>
          )}
        </p>
        {measure && <MeasureReadout measure={measure} language={language} />}
      </div>
    </div>
  );
}

/**
 * In a shared plan an undo or redo of a step someone else has changed since is skipped (see
 * document-store.ts): the planner is told which step and why.
 */
function useSkippedStepNotice(): void {
  useEffect(
    () =>
      useDocumentStore.subscribe((state, previous) => {
        const skipped = state.skipped;
        if (!skipped || skipped === previous.skipped) return;
        useSessionStore.getState().notify({
          kind: "warning",
          key: skipped.direction === "undo" ? "tools.undoSkipped" : "tools.redoSkipped",
          values: { what: skipped.label },
        });
      }),
    [],
  );
}
