/**
 * Coverage of the selected pilot area from the analysis worker: area, share of the city, residents as
 * a range of two labelled methods, districts per level, facilities inside and within walking distance,
 * change since the last snapshot, and a plain-language summary for screen readers.
 *
 * Every figure opens to explain itself: what was counted (cells, districts, facilities by name), how
 * (the method), and from which source and year. While a vertex is dragged the figures follow the drag
 * (marked "live"); they are the stored area's figures again once the edit is committed.
 */
import "./CoveragePanel.css";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import { formatDateTime, type Language } from "../../i18n/index.ts";
import { useAnalysisStore } from "../../store/analysis-store.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { useSnapshotBaseline } from "../use-snapshot-baseline.ts";
import { AreaFigures } from "./AreaFigures.tsx";
import { summarySentence } from "./coverage-format.ts";

/** The selected area's coverage; nothing when no area is selected. */
export function CoveragePanel({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const variantId = useDocumentStore((s) => s.activeVariantId);
  const area = useDocumentStore((s) =>
    selectedAreaId ? selectActiveVariant(s).areas[selectedAreaId] : undefined,
  );
  const status = useAnalysisStore((s) => s.status);
  const row = useAnalysisStore((s) => (selectedAreaId ? s.byArea[selectedAreaId] : undefined));
  const live = useAnalysisStore((s) => (s.live && s.live.areaId === selectedAreaId ? s.live : null));
  const dragging = useSessionStore(
    (s) => s.liveGeometry !== null && s.liveGeometry.areaId === selectedAreaId,
  );
  const computedAt = useAnalysisStore((s) => s.computedAt);
  const baseline = useSnapshotBaseline(variantId, area, status === "ready");
  // The plain-language summary is announced when the committed figures change, not on every drag frame.
  const fresh = area && row?.geometry === area.geometry ? row : null;
  const announcement = area && fresh?.analysis ? summarySentence(fresh.analysis, area.name, language, t) : "";
  if (!area) return null;
  if (status === "loading" || status === "idle")
    return <p className="muted small">{t("coverage.loading")}</p>;
  if (status === "failed") return <p className="notice notice-error">{t("coverage.failed")}</p>;
  const shown =
    dragging && live ? live.analysis : (fresh?.analysis ?? live?.analysis ?? row?.analysis ?? null);
  const state = dragging && live ? "live" : fresh ? "fresh" : "computing";
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="coverage-panel">
      <h3 id="coverage-title">
        {t("coverage.heading")}{" "}
        {state === "live" && (
          <span className="badge badge-live" data-testid="coverage-live">
            {t("coverage.live")}
          </span>
        )}
        {state === "computing" && !fresh?.error && status !== "restarting" && (
          <span className="muted small">({t("coverage.computing")})</span>
        )}
      </h3>
      <p className="visually-hidden" aria-live="polite" data-testid="coverage-announcement">
        {announcement}
      </p>
      {fresh?.error === "timeout" && (
        <p className="notice notice-error" role="alert">
          {t("coverage.timeout")}
        </p>
      )}
      {status === "restarting" && <p className="notice">{t("coverage.restarting")}</p>}
      {shown && (
        <div className={state === "computing" ? "stale" : undefined}>
          <AreaFigures analysis={shown} area={area} catalogue={catalogue} baseline={baseline} />
        </div>
      )}
      {computedAt && (
        <p className="muted small">{t("coverage.source", { time: formatDateTime(computedAt, language) })}</p>
      )}
    </section>
  );
}
