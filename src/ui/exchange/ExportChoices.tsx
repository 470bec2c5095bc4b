/** The export dialog's choices (what, which format, which language) and its status line. */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EXPORT_LANGUAGES, type ExportLanguage } from "../../domain/exchange/index.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { EXPORT_CHOICES, type ExportChoice } from "./export-files.ts";
import type { ExportStatus, ScopeKind } from "./run-export.ts";

/** What to export, in which format and with labels in which language (disabled while busy). */
export function ExportChoices({
  scope,
  scopeLabel,
  onScope,
  choice,
  onChoice,
  exportLanguage,
  onLanguage,
  busy,
}: {
  scope: ScopeKind;
  scopeLabel: (kind: ScopeKind) => string;
  onScope: (scope: ScopeKind) => void;
  choice: ExportChoice;
  onChoice: (choice: ExportChoice) => void;
  exportLanguage: ExportLanguage;
  onLanguage: (language: ExportLanguage) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <>
      <fieldset className="exchange-fieldset" disabled={busy || choice === "png"}>
        <legend>{t("exchange.export.scopeLegend")}</legend>
        {(["areas", "variant", "plan"] as ScopeKind[]).map((kind) => (
          <label key={kind} className="exchange-choice">
            <input
              type="radio"
              name="export-scope"
              value={kind}
              checked={scope === kind}
              onChange={() => onScope(kind)}
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
              onChange={() => onChoice(id)}
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
              onChange={() => onLanguage(code)}
              aria-describedby={`${ids}-language-hint`}
            />
            <span>{t(`exchange.export.languages.${code}`)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** Progress, the error, or what was written (announced politely). */
export function ExportStatusLine({ status }: { status: ExportStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
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
  );
}
