/**
 * Export for partners: pick what (selected area, active variant, whole plan) and a format, then the
 * file is written in the exchange worker and downloaded. The map picture (PNG) is drawn here from the
 * current view. Each format says in one line who it is for.
 */
import "../dialog.css";
import "./exchange-dialog.css";
import "./ExportDialog.css";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EXPORT_LANGUAGES,
  type ExportLanguage,
  type ExportScope,
  exportFileStem,
} from "../../domain/exchange/index.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { renderMapImage } from "../../map/map-image.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { useOverlayStore } from "../../store/overlay-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { writeExport } from "../exchange-client.ts";
import { useModal } from "../use-dialog.ts";
import {
  buildExportInput,
  downloadFile,
  EXPORT_CHOICES,
  type ExportChoice,
  requestOf,
} from "./export-files.ts";
import { mapImageContent } from "./map-image-content.ts";

type ScopeKind = ExportScope["kind"];

type Status =
  | { kind: "idle" }
  | { kind: "working"; key: "figures" | "working"; done?: number; total?: number }
  | { kind: "error"; message: string }
  | { kind: "done"; message: string; note?: string };

function formatSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language, 1)} kB`;
  return `${formatNumber(bytes / 1024 / 1024, language, 1)} MB`;
}

export function ExportDialog({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const open = useExchangeDialogs((s) => s.exportOpen);
  const setDialogs = useExchangeDialogs((s) => s.set);
  const plan = useDocumentStore((s) => s.plan);
  const variant = useDocumentStore(selectActiveVariant);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<ScopeKind>("variant");
  const [choice, setChoice] = useState<ExportChoice>("geojson");
  // The readable columns follow the UI language unless the planner picks the other one.
  const [labelLanguage, setLabelLanguage] = useState<ExportLanguage | null>(null);
  const exportLanguage: ExportLanguage = labelLanguage ?? (language === "en" ? "en" : "de");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const ids = useId();
  useModal(dialog, open);

  const selectedArea = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
  const planAreaCount = plan.variantOrder.reduce(
    (sum, id) => sum + (plan.variants[id]?.areaOrder.length ?? 0),
    0,
  );
  const busy = status.kind === "working";

  const close = () => {
    if (busy) return;
    setDialogs({ exportOpen: false });
    setStatus({ kind: "idle" });
  };

  const run = async () => {
    if (choice === "png") {
      setStatus({ kind: "working", key: "working" });
      const session = useSessionStore.getState();
      const blob = await renderMapImage(
        mapImageContent(t, {
          catalogue,
          plan,
          variant,
          visibleLayers: session.visibleLayers ?? [],
          basemap: session.basemap,
          overlays: useOverlayStore.getState().overlays,
          language,
        }),
      );
      if (!blob) {
        setStatus({ kind: "error", message: t("exchange.export.imageFailed") });
        return;
      }
      const fileName = `${exportFileStem({ plan, variant })}-karte.png`;
      downloadFile(blob, fileName, "image/png");
      setStatus({
        kind: "done",
        message: t("exchange.export.done", { fileName, size: formatSize(blob.size, language) }),
      });
      return;
    }
    const exportScope: ExportScope =
      scope === "plan"
        ? { kind: "plan" }
        : scope === "variant"
          ? { kind: "variant", variantId: variant.id }
          : { kind: "areas", variantId: variant.id, areaIds: selectedAreaId ? [selectedAreaId] : [] };
    if (scope === "areas" && !selectedArea) {
      setStatus({ kind: "error", message: t("exchange.export.nothingSelected") });
      return;
    }
    const count = scope === "plan" ? planAreaCount : scope === "variant" ? variant.areaOrder.length : 1;
    if (count === 0) {
      const scopeName =
        scope === "plan"
          ? t("exchange.export.planScopeName")
          : t("exchange.export.variantScopeName", { name: variant.name });
      setStatus({ kind: "error", message: t("exchange.export.nothing", { scope: scopeName }) });
      return;
    }
    const request = requestOf(choice);
    if (!request) return;
    try {
      setStatus({ kind: "working", key: "figures" });
      const { input, missingFigures } = await buildExportInput(
        plan,
        exportScope,
        catalogue,
        exportLanguage,
        (done, total) => setStatus({ kind: "working", key: "figures", done, total }),
      );
      if (!input || input.areas.length === 0) {
        setStatus({
          kind: "error",
          message: t("exchange.export.nothing", { scope: t("exchange.export.planScopeName") }),
        });
        return;
      }
      setStatus({ kind: "working", key: "working" });
      const file = await writeExport(input, request);
      downloadFile(file.bytes, file.fileName, file.mimeType);
      setStatus({
        kind: "done",
        message: t("exchange.export.done", {
          fileName: file.fileName,
          size: formatSize(file.bytes.byteLength, language),
        }),
        ...(missingFigures > 0
          ? { note: t("exchange.export.figuresMissing", { count: missingFigures }) }
          : {}),
      });
    } catch (error) {
      setStatus({
        kind: "error",
        message: t("exchange.export.failed", {
          detail: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void run();
  };

  const scopeLabel = (kind: ScopeKind) =>
    kind === "areas"
      ? selectedArea
        ? t("exchange.export.scopes.areas", { name: selectedArea.name })
        : t("exchange.export.scopes.areasNone")
      : kind === "variant"
        ? t("exchange.export.scopes.variant", { name: variant.name, count: variant.areaOrder.length })
        : t("exchange.export.scopes.plan", { name: plan.name, count: planAreaCount });

  return (
    <dialog
      ref={dialog}
      className="wide-dialog exchange-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={close}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      data-testid="export-dialog"
    >
      <header>
        <h2 id={`${ids}-title`}>{t("exchange.export.heading")}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t("app.close")}>
          ×
        </button>
      </header>
      <form onSubmit={onSubmit}>
        <fieldset className="exchange-fieldset" disabled={busy || choice === "png"}>
          <legend>{t("exchange.export.scopeLegend")}</legend>
          {(["areas", "variant", "plan"] as ScopeKind[]).map((kind) => (
            <label key={kind} className="exchange-choice">
              <input
                type="radio"
                name="export-scope"
                value={kind}
                checked={scope === kind}
                onChange={() => setScope(kind)}
              />
              <span>{scopeLabel(kind)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="exchange-fieldset" disabled={busy}>
          <legend>{t("exchange.export.formatLegend")}</legend>
          {EXPORT_CHOICES.map((id) => (
            <label key={id} className="exchange-choice">
              <input
                type="radio"
                name="export-format"
                value={id}
                checked={choice === id}
                onChange={() => setChoice(id)}
                aria-describedby={`${ids}-hint-${id}`}
              />
              <span>
                <strong>{t(`exchange.export.formatChoices.${id}`)}</strong>
                <span className="exchange-hint" id={`${ids}-hint-${id}`}>
                  {t(`exchange.export.formatHints.${id}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="exchange-fieldset" disabled={busy || choice === "png"}>
          <legend>{t("exchange.export.languageLegend")}</legend>
          <p className="exchange-hint" id={`${ids}-language-hint`}>
            {t("exchange.export.languageHint")}
          </p>
          {EXPORT_LANGUAGES.map((code) => (
            <label key={code} className="exchange-choice">
              <input
                type="radio"
                name="export-language"
                value={code}
                checked={exportLanguage === code}
                onChange={() => setLabelLanguage(code)}
                aria-describedby={`${ids}-language-hint`}
              />
              <span>{t(`exchange.export.languages.${code}`)}</span>
            </label>
          ))}
        </fieldset>
        <div aria-live="polite" className="exchange-status" data-testid="export-status">
          {status.kind === "working" && (
            <p>
              <progress
                aria-label={t(`exchange.export.${status.key}`)}
                {...(status.total ? { max: status.total, value: status.done ?? 0 } : {})}
              />{" "}
              {t(`exchange.export.${status.key}`)}
              {status.total
                ? ` ${t("exchange.export.figuresProgress", {
                    done: formatNumber(status.done ?? 0, language),
                    total: formatNumber(status.total, language),
                  })}`
                : ""}
            </p>
          )}
          {status.kind === "error" && (
            <p className="notice notice-error" role="alert">
              {status.message}
            </p>
          )}
          {status.kind === "done" && (
            <>
              <p className="notice exchange-done">{status.message}</p>
              {status.note && <p className="notice">{status.note}</p>}
            </>
          )}
        </div>
        <div className="button-row exchange-actions">
          <button type="button" className="button" onClick={close} disabled={busy}>
            {status.kind === "done" ? t("exchange.export.close") : t("exchange.export.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("exchange.export.download")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
