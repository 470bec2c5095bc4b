/**
 * The import dialog's smaller steps: choosing a file, reading it, the coordinate system question and
 * a failure. (The preview is ImportPreviewForm.tsx.)
 */
import type { Ref } from "react";
import { type AssumableCrs, MAX_IMPORT_BYTES, MAX_IMPORT_FEATURES } from "../../domain/exchange/index.ts";
import { formatNumber } from "../../i18n/index.ts";
import { DroppedList } from "./ImportReport.tsx";
import type { ImportSession } from "./import-session.ts";
import { useImportTexts } from "./use-import-texts.ts";

/** The systems offered when a file does not say (the ones the import can assume). */
const CRS_CHOICES: readonly AssumableCrs[] = ["EPSG:25832", "EPSG:4326"];

/** The drop zone with the file button and the limits. */
export function ImportChooser({
  fileInput,
  onFiles,
}: {
  fileInput: Ref<HTMLInputElement>;
  onFiles: (files: FileList | null) => void;
}) {
  const { t, language } = useImportTexts();
  return (
    <div className="exchange-drop">
      <p>{t("exchange.import.intro")}</p>
      <label className="button button-primary exchange-file-button">
        {t("exchange.import.choose")}
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          accept=".geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.txt"
          onChange={(e) => onFiles(e.currentTarget.files)}
          data-testid="import-file"
        />
      </label>
      <p className="muted">{t("exchange.import.drop")}</p>
      <p className="muted small">
        {t("exchange.import.limits", {
          maxMb: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024, language),
          maxFeatures: formatNumber(MAX_IMPORT_FEATURES, language),
        })}
      </p>
    </div>
  );
}

/** The file being read in the worker, with its progress. */
export function ImportReading({ session }: { session: Extract<ImportSession<File>, { state: "reading" }> }) {
  const { t, language } = useImportTexts();
  return (
    <div className="exchange-status" data-testid="import-progress">
      <p>{t("exchange.import.reading", { fileName: session.file.name })}</p>
      <progress
        max={1}
        value={session.fraction}
        aria-label={t(`exchange.progress.${session.phase}`, { defaultValue: session.phase })}
      />
      <p className="muted small" aria-live="polite">
        {t(`exchange.progress.${session.phase}`, { defaultValue: "" })}{" "}
        {formatNumber(Math.round(session.fraction * 100), language)} %
      </p>
    </div>
  );
}

/** The file does not say its coordinate system: which one, with the coordinates' suggestion. */
export function ImportCrsQuestion({
  session,
  onPick,
  onApply,
  onAnother,
}: {
  session: Extract<ImportSession<File>, { state: "asking-crs" }>;
  onPick: (crs: AssumableCrs) => void;
  onApply: () => void;
  onAnother: () => void;
}) {
  const { t } = useImportTexts();
  return (
    <form
      data-testid="import-crs-question"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <h3>{t("exchange.import.crsHeading")}</h3>
      <p>{t("exchange.problems.needs-crs")}</p>
      {session.suggestion && (
        <p>{t("exchange.problems.needs-crs-suggestion", { suggestion: session.suggestion })}</p>
      )}
      <fieldset className="exchange-fieldset">
        <legend>{t("exchange.import.crsLegend")}</legend>
        {CRS_CHOICES.map((code) => (
          <label key={code} className="exchange-choice">
            <input
              type="radio"
              name="import-crs"
              value={code}
              checked={session.crs === code}
              onChange={() => onPick(code)}
            />
            <span>
              {t(`exchange.import.crsChoices.${code.replace("EPSG:", "epsg-")}`)}
              {session.suggestion === code && <strong> {t("exchange.import.suggested")}</strong>}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="button-row exchange-actions">
        <button type="button" className="button" onClick={onAnother}>
          {t("exchange.import.another")}
        </button>
        <button type="submit" className="button button-primary">
          {t("exchange.import.crsApply")}
        </button>
      </div>
    </form>
  );
}

/** The file could not be read (or taken over): why, and what was left out. */
export function ImportFailed({
  session,
  onAnother,
  onCancel,
}: {
  session: Extract<ImportSession, { state: "failed" }>;
  onAnother: () => void;
  onCancel: () => void;
}) {
  const { t, problemText } = useImportTexts();
  const { problem } = session;
  return (
    <div data-testid="import-problem">
      <p className="notice notice-error" role="alert">
        {problem ? problemText(problem) : t("exchange.import.failed", { detail: session.detail ?? "" })}
      </p>
      {problem?.code === "no-features" && problem.dropped.length > 0 && (
        <DroppedList dropped={problem.dropped} className="exchange-report" />
      )}
      <div className="button-row exchange-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("exchange.import.cancel")}
        </button>
        <button type="button" className="button button-primary" onClick={onAnother}>
          {t("exchange.import.another")}
        </button>
      </div>
    </div>
  );
}
