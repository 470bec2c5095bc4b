/**
 * Import of a partner's file: pick or drop a file, it is read in the exchange worker (with progress),
 * then a preview says what was found (format, CRS, count, the first names, what was repaired or left
 * out) and the planner chooses: pilot areas in the active variant (one undo step, snapshot first) or a
 * layer on the map for comparison. Nothing changes before that confirmation. A file that does not say
 * its coordinate system leads to a question, with a suggestion from the coordinates, and is read again;
 * one whose latitude and longitude look swapped (it lands far away, near Dortmund if swapped) gets a
 * warning and the offer to read it again with the axes swapped.
 *
 * Everything from the file (names, properties, the file name) is shown as React text only.
 */
import "../dialog.css";
import "./exchange-dialog.css";
import "./ImportDialog.css";
import { type DragEvent, type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AssumableCrs,
  type DroppedFeature,
  type FeatureAttributeIssue,
  type ImportProblem,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FEATURES,
} from "../../domain/exchange/index.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { zoomToBounds } from "../../map/map-commands.ts";
import { workspace } from "../../persistence/instance.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { type NewOverlay, useOverlayStore } from "../../store/overlay-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { commandContext, loadCommands } from "../command-context.ts";
import {
  type ImportPreviewResult,
  importedAreas,
  importedOverlay,
  parseImportFile,
  type ReadingChoices,
  releaseImport,
} from "../exchange-client.ts";
import { useModal } from "../use-dialog.ts";

/** Most areas taken as pilot areas at once: more would swamp the list and the analysis. */
export const MAX_AREAS_AS_PILOT_AREAS = 500;
/** The systems offered when a file does not say (the ones the import can assume). */
const CRS_CHOICES: readonly AssumableCrs[] = ["EPSG:25832", "EPSG:4326"];

type Stage =
  | { kind: "pick" }
  | { kind: "reading"; fileName: string; fraction: number; phase: string }
  | { kind: "needs-crs"; file: File; suggestion: AssumableCrs | null; how: ReadingChoices }
  | { kind: "problem"; fileName: string; problem: ImportProblem | null; detail?: string }
  | { kind: "preview"; file: File; preview: Extract<ImportPreviewResult, { ok: true }>; how: ReadingChoices };

type Target = "areas" | "overlay";

/** The stage for an unexpected failure (the worker died, a file could not be read from disk). */
const failed = (file: File, error: unknown): Stage => ({
  kind: "problem",
  fileName: file.name,
  problem: null,
  detail: error instanceof Error ? error.message : String(error),
});

/** Numbers among a message's parameters in the UI's format (1.234.567). */
function formatParams(params: Record<string, unknown>, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "number") out[key] = formatNumber(value, language);
    else if (typeof value === "string") out[key] = value;
  }
  return out;
}

export function ImportDialog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const open = useExchangeDialogs((s) => s.importOpen);
  const setDialogs = useExchangeDialogs((s) => s.set);
  const variant = useDocumentStore(selectActiveVariant);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "pick" });
  const [target, setTarget] = useState<Target>("areas");
  const [crs, setCrs] = useState<AssumableCrs>("EPSG:25832");
  const [dragging, setDragging] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [commitProgress, setCommitProgress] = useState<{ fraction: number; phase: string } | null>(null);
  const ids = useId();
  const reading = useRef(0);
  useModal(dialog, open);

  const busy = stage.kind === "reading" || committing;

  const reset = () => {
    reading.current += 1;
    // The worker keeps the file read last until it is taken or let go.
    if (stage.kind === "preview") releaseImport(stage.preview.token);
    setStage({ kind: "pick" });
    setCommitting(false);
    setCommitProgress(null);
    if (fileInput.current) fileInput.current.value = "";
  };
  const close = () => {
    setDialogs({ importOpen: false });
    reset();
  };

  const unnamed = (index: number) => t("exchange.unnamedArea", { n: index + 1 });
  const nameOf = (feature: { index: number; name: string | null }) => feature.name ?? unnamed(feature.index);

  const read = async (file: File, how: ReadingChoices = {}) => {
    const run = ++reading.current;
    setStage({ kind: "reading", fileName: file.name, fraction: 0, phase: "reading" });
    let result: ImportPreviewResult;
    // Progress comes through its own message channel and may arrive after the result: ignore it then.
    let finished = false;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      result = await parseImportFile(bytes, file.name, how, (fraction, phase) => {
        if (!finished && reading.current === run)
          setStage({ kind: "reading", fileName: file.name, fraction, phase });
      });
      finished = true;
    } catch (error) {
      finished = true;
      if (reading.current !== run) return;
      setStage(failed(file, error));
      return;
    }
    if (reading.current !== run) {
      if (result.ok) releaseImport(result.token);
      return;
    }
    if (result.ok) {
      const areas = result.areaCount;
      setTarget(areas > 0 && areas <= MAX_AREAS_AS_PILOT_AREAS && !readOnly ? "areas" : "overlay");
      setStage({ kind: "preview", file, preview: result, how });
    } else if (result.problem.code === "needs-crs") {
      setCrs(result.problem.suggestion ?? "EPSG:25832");
      setStage({ kind: "needs-crs", file, suggestion: result.problem.suggestion, how });
    } else {
      setStage({ kind: "problem", fileName: file.name, problem: result.problem });
    }
  };

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !busy) void read(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onFiles(event.dataTransfer.files);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (stage.kind !== "preview" || committing) return;
    const { file, preview } = stage;
    const notify = useSessionStore.getState().notify;
    setCommitting(true);
    const progress = (fraction: number, phase: string) => setCommitProgress({ fraction, phase });
    let overlay: NewOverlay | null = null;
    try {
      if (target === "areas") {
        // The worker checks the areas and sends them in batches: the page stays responsive meanwhile.
        const context = commandContext();
        const [{ importAreas }, { areas, refused }] = await Promise.all([
          loadCommands(),
          importedAreas(preview.token, context.boundary, progress),
        ]);
        await workspace.snapshotBeforeRisky(t("exchange.import.snapshot", { fileName: file.name }));
        const outcome = importAreas(
          context,
          areas.map((area) => ({
            name: nameOf(area),
            geometry: area.geometry,
            attributes: area.attributes,
            prepared: { outsideCity: area.outsideCity },
          })),
          file.name,
          t("exchange.import.undoLabel", { fileName: file.name }),
        );
        notify({
          kind: "info",
          key: "exchange.import.importedAreas",
          values: { count: outcome.areaIds.length, fileName: file.name },
        });
        const refusedCount = refused.length + outcome.refused.length;
        if (refusedCount > 0)
          notify({ kind: "warning", key: "exchange.import.refused", values: { count: refusedCount } });
        if (outcome.outsideCity > 0)
          notify({
            kind: "warning",
            key: "exchange.import.outsideCity",
            values: { count: outcome.outsideCity },
          });
      } else {
        progress(0, "layer");
        const { geojson, labels } = await importedOverlay(preview.token);
        overlay = {
          fileName: file.name,
          geojson,
          labels,
          areaCount: preview.areaCount,
          pointCount: preview.pointCount,
          ...(preview.bbox ? { bbox: preview.bbox } : {}),
        };
        notify({ kind: "info", key: "exchange.import.importedOverlay", values: { fileName: file.name } });
      }
    } catch (error) {
      // The plan is unchanged (nothing is added before every area has arrived).
      setCommitting(false);
      setCommitProgress(null);
      setStage(failed(file, error));
      return;
    }
    if (preview.bbox) zoomToBounds(preview.bbox);
    close();
    // The layer goes on the map in a task of its own, not in the one that closes the dialog: each costs
    // some tens of milliseconds with a big layer.
    if (overlay) {
      const added = overlay;
      setTimeout(() => useOverlayStore.getState().add(added), 0);
    }
  };

  const problemText = (problem: ImportProblem) => {
    const { code, ...params } = problem;
    // The parser could not say where the syntax error is.
    if (problem.code === "invalid-json" && problem.position < 0)
      return t("exchange.problems.invalid-json-somewhere");
    return t(`exchange.problems.${code}`, formatParams(params, language));
  };
  const droppedText = (d: DroppedFeature) =>
    t("exchange.report.item", {
      name: nameOf(d),
      n: d.index + 1,
      message: t(`exchange.dropped.${d.reason}`, formatParams(d.params ?? {}, language)),
    });

  const issueText = (issue: FeatureAttributeIssue) =>
    t("exchange.report.item", {
      name: nameOf(issue),
      n: issue.index + 1,
      message: t(`exchange.attributeIssues.${issue.code}`, { key: issue.key, value: issue.value }),
    });

  const renderPreview = (
    file: File,
    preview: Extract<ImportPreviewResult, { ok: true }>,
    how: ReadingChoices,
  ) => {
    const { report, areaCount, pointCount, rows: shown, rowCount } = preview;
    const readSwapped = () => {
      releaseImport(preview.token);
      void read(file, { ...how, swapAxes: !how.swapAxes });
    };
    const centre = preview.bbox
      ? {
          lon: formatNumber((preview.bbox[0] + preview.bbox[2]) / 2, language, 1),
          lat: formatNumber((preview.bbox[1] + preview.bbox[3]) / 2, language, 1),
        }
      : null;
    const areasDisabledReason =
      areaCount === 0
        ? t("exchange.import.asAreasNoAreas")
        : areaCount > MAX_AREAS_AS_PILOT_AREAS
          ? t("exchange.import.asAreasTooMany", { max: formatNumber(MAX_AREAS_AS_PILOT_AREAS, language) })
          : readOnly
            ? t("exchange.import.readOnly")
            : null;
    return (
      <form onSubmit={(e) => void confirm(e)} data-testid="import-preview">
        <h3>{t("exchange.import.previewHeading", { fileName: file.name })}</h3>
        <dl className="exchange-facts">
          <dt>{t("exchange.import.format")}</dt>
          <dd data-testid="import-format">{t(`exchange.formats.${report.format}`)}</dd>
          <dt>{t("exchange.import.crs")}</dt>
          <dd data-testid="import-crs">{report.sourceCrs}</dd>
          <dt>{t("exchange.import.count")}</dt>
          <dd data-testid="import-count">
            {t("exchange.import.countValue", {
              count: formatNumber(rowCount, language),
              kind: t(`exchange.kinds.${preview.kind}`),
              dropped: formatNumber(preview.droppedCount, language),
              total: formatNumber(report.featureCount, language),
            })}
          </dd>
        </dl>
        {preview.axesLookSwapped && centre && (
          <div className="notice exchange-axes-warning" role="alert" data-testid="import-axes-warning">
            <p>{t("exchange.import.axesLookSwapped", centre)}</p>
            <button
              type="button"
              className="button"
              onClick={readSwapped}
              disabled={committing}
              data-testid="import-swap-axes"
            >
              {how.swapAxes ? t("exchange.import.swapAxesBack") : t("exchange.import.swapAxes")}
            </button>
          </div>
        )}
        {report.axesSwapped && !preview.axesLookSwapped && (
          <p className="notice notice-info" data-testid="import-axes-swapped">
            {t("exchange.import.axesSwapped")}{" "}
            <button type="button" className="link-button" onClick={readSwapped} disabled={committing}>
              {t("exchange.import.swapAxesBack")}
            </button>
          </p>
        )}
        <div className="table-scroll exchange-table">
          <table className="data-table compact" data-testid="import-names">
            <caption>{t("exchange.import.namesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("exchange.import.columnNumber")}
                </th>
                <th scope="col">{t("exchange.import.columnName")}</th>
                <th scope="col">{t("exchange.import.columnType")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.index}>
                  <td className="num">{f.index + 1}</td>
                  <td>{nameOf(f)}</td>
                  <td>{f.point ? t("exchange.import.typePoint") : t("exchange.import.typeArea")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rowCount > shown.length && (
            <p className="muted small">
              {t("exchange.import.more", { count: formatNumber(rowCount - shown.length, language) })}
            </p>
          )}
        </div>
        {Object.values(preview.attributesFound).some((n) => n > 0) && (
          <p data-testid="import-attributes-found">
            {t("exchange.import.attributesFound", {
              fields: formatNumber(preview.attributesFound.fields, language),
              status: formatNumber(preview.attributesFound.status, language),
              partners: formatNumber(preview.attributesFound.partners, language),
              notes: formatNumber(preview.attributesFound.notes, language),
            })}
          </p>
        )}
        {preview.attributeIssueCount > 0 && (
          <div className="exchange-report" data-testid="import-attribute-issues">
            <h4>{t("exchange.import.attributeIssuesHeading")}</h4>
            <ul>
              {preview.attributeIssues.map((issue, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may have several
                <li key={`${issue.index}-${i}`}>{issueText(issue)}</li>
              ))}
            </ul>
            {preview.attributeIssueCount > preview.attributeIssues.length && (
              <p className="muted small">
                {t("exchange.import.more", {
                  count: formatNumber(preview.attributeIssueCount - preview.attributeIssues.length, language),
                })}
              </p>
            )}
          </div>
        )}
        {preview.repairedCount === 0 && preview.droppedCount === 0 ? (
          preview.attributeIssueCount === 0 && <p className="muted">{t("exchange.import.noRepairs")}</p>
        ) : (
          <div className="exchange-report" data-testid="import-report">
            {report.repaired.length > 0 && (
              <>
                <h4>{t("exchange.report.repairedHeading")}</h4>
                <ul>
                  {report.repaired.slice(0, 50).map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may appear twice
                    <li key={`${r.index}-${r.what}-${i}`}>
                      {t("exchange.report.item", {
                        name: nameOf(r),
                        n: r.index + 1,
                        message: t(`exchange.repairs.${r.what}`),
                      })}
                    </li>
                  ))}
                </ul>
                {preview.repairedCount > report.repaired.length && (
                  <p className="muted small">
                    {t("exchange.import.more", {
                      count: formatNumber(preview.repairedCount - report.repaired.length, language),
                    })}
                  </p>
                )}
              </>
            )}
            {report.dropped.length > 0 && (
              <>
                <h4>{t("exchange.report.droppedHeading")}</h4>
                <ul data-testid="import-dropped">
                  {report.dropped.slice(0, 50).map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may appear twice
                    <li key={`${d.index}-${i}`}>{droppedText(d)}</li>
                  ))}
                </ul>
                {preview.droppedCount > report.dropped.length && (
                  <p className="muted small">
                    {t("exchange.import.more", {
                      count: formatNumber(preview.droppedCount - report.dropped.length, language),
                    })}
                  </p>
                )}
              </>
            )}
          </div>
        )}
        <fieldset className="exchange-fieldset" disabled={committing}>
          <legend>{t("exchange.import.asLegend")}</legend>
          <label className="exchange-choice">
            <input
              type="radio"
              name="import-target"
              value="areas"
              checked={target === "areas"}
              disabled={areasDisabledReason !== null}
              onChange={() => setTarget("areas")}
              aria-describedby={`${ids}-areas-hint`}
            />
            <span>
              <strong>{t("exchange.import.asAreas", { variant: variant.name })}</strong>
              <span className="exchange-hint" id={`${ids}-areas-hint`}>
                {areasDisabledReason ??
                  (pointCount > 0
                    ? `${t("exchange.import.asAreasHint")} ${t("exchange.import.asAreasPointsSkipped", { count: pointCount })}`
                    : t("exchange.import.asAreasHint"))}
              </span>
            </span>
          </label>
          <label className="exchange-choice">
            <input
              type="radio"
              name="import-target"
              value="overlay"
              checked={target === "overlay"}
              onChange={() => setTarget("overlay")}
              aria-describedby={`${ids}-overlay-hint`}
            />
            <span>
              <strong>{t("exchange.import.asOverlay")}</strong>
              <span className="exchange-hint" id={`${ids}-overlay-hint`}>
                {t("exchange.import.asOverlayHint")}
              </span>
            </span>
          </label>
        </fieldset>
        {committing && (
          <p className="exchange-status" role="status" data-testid="import-committing">
            <progress
              aria-label={t("exchange.import.committing")}
              max={1}
              {...(commitProgress ? { value: commitProgress.fraction } : {})}
            />{" "}
            {commitProgress
              ? `${t(`exchange.progress.${commitProgress.phase}`)} ${formatNumber(Math.round(commitProgress.fraction * 100), language)} %`
              : t("exchange.import.committing")}
          </p>
        )}
        <div className="button-row exchange-actions">
          <button type="button" className="button" onClick={reset} disabled={committing}>
            {t("exchange.import.another")}
          </button>
          <button type="button" className="button" onClick={close} disabled={committing}>
            {t("exchange.import.cancel")}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={committing || (target === "areas" && areasDisabledReason !== null)}
            data-testid="import-confirm"
          >
            {t("exchange.import.confirm")}
          </button>
        </div>
      </form>
    );
  };

  return (
    <dialog
      ref={dialog}
      className={`wide-dialog exchange-dialog${dragging ? " exchange-dragging" : ""}`}
      aria-labelledby={`${ids}-title`}
      onClose={close}
      onCancel={(event) => {
        // Escape does not abandon areas half taken over: the planner waits for the end (seconds).
        if (committing) event.preventDefault();
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="import-dialog"
    >
      <header>
        <h2 id={`${ids}-title`}>{t("exchange.import.heading")}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={close}
          aria-label={t("app.close")}
          disabled={committing}
        >
          ×
        </button>
      </header>
      {stage.kind === "pick" && (
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
      )}
      {stage.kind === "reading" && (
        <div className="exchange-status" data-testid="import-progress">
          <p>{t("exchange.import.reading", { fileName: stage.fileName })}</p>
          <progress
            max={1}
            value={stage.fraction}
            aria-label={t(`exchange.progress.${stage.phase}`, { defaultValue: stage.phase })}
          />
          <p className="muted small" aria-live="polite">
            {t(`exchange.progress.${stage.phase}`, { defaultValue: "" })}{" "}
            {formatNumber(Math.round(stage.fraction * 100), language)} %
          </p>
        </div>
      )}
      {stage.kind === "needs-crs" && (
        <form
          data-testid="import-crs-question"
          onSubmit={(event) => {
            event.preventDefault();
            void read(stage.file, { ...stage.how, assumeCrs: crs });
          }}
        >
          <h3>{t("exchange.import.crsHeading")}</h3>
          <p>{t("exchange.problems.needs-crs")}</p>
          {stage.suggestion && (
            <p>{t("exchange.problems.needs-crs-suggestion", { suggestion: stage.suggestion })}</p>
          )}
          <fieldset className="exchange-fieldset">
            <legend>{t("exchange.import.crsLegend")}</legend>
            {CRS_CHOICES.map((code) => (
              <label key={code} className="exchange-choice">
                <input
                  type="radio"
                  name="import-crs"
                  value={code}
                  checked={crs === code}
                  onChange={() => setCrs(code)}
                />
                <span>
                  {t(`exchange.import.crsChoices.${code.replace("EPSG:", "epsg-")}`)}
                  {stage.suggestion === code && <strong> {t("exchange.import.suggested")}</strong>}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="button-row exchange-actions">
            <button type="button" className="button" onClick={reset}>
              {t("exchange.import.another")}
            </button>
            <button type="submit" className="button button-primary">
              {t("exchange.import.crsApply")}
            </button>
          </div>
        </form>
      )}
      {stage.kind === "problem" && (
        <div data-testid="import-problem">
          <p className="notice notice-error" role="alert">
            {stage.problem
              ? problemText(stage.problem)
              : t("exchange.import.failed", { detail: stage.detail ?? "" })}
          </p>
          {stage.problem?.code === "no-features" && stage.problem.dropped.length > 0 && (
            <ul className="exchange-report">
              {stage.problem.dropped.slice(0, 50).map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per file read; one feature may appear twice
                <li key={`${d.index}-${i}`}>{droppedText(d)}</li>
              ))}
            </ul>
          )}
          <div className="button-row exchange-actions">
            <button type="button" className="button" onClick={close}>
              {t("exchange.import.cancel")}
            </button>
            <button type="button" className="button button-primary" onClick={reset}>
              {t("exchange.import.another")}
            </button>
          </div>
        </div>
      )}
      {stage.kind === "preview" && renderPreview(stage.file, stage.preview, stage.how)}
    </dialog>
  );
}
