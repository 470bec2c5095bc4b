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
import type { ExportLanguage } from "../../domain/exchange/index.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Language } from "../../i18n/index.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { useModal } from "../use-dialog.ts";
import { ExportChoices, ExportStatusLine } from "./ExportChoices.tsx";
import type { ExportChoice } from "./export-files.ts";
import { type ExportStatus, runExport, type ScopeKind } from "./run-export.ts";

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
  const [status, setStatus] = useState<ExportStatus>({ kind: "idle" });
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

  const run = () =>
    runExport(
      { choice, scope, plan, variant, selectedAreaId, catalogue, exportLanguage, language, t },
      setStatus,
    );

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
        <ExportChoices
          scope={scope}
          scopeLabel={scopeLabel}
          onScope={setScope}
          choice={choice}
          onChoice={setChoice}
          exportLanguage={exportLanguage}
          onLanguage={setLabelLanguage}
          busy={busy}
        />
        <ExportStatusLine status={status} />
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
