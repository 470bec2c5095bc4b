/**
 * The import preview: what the file is (format, coordinate system, count), a warning when its axes
 * look swapped, its contents (ImportReport.tsx), and the planner's choice of where it goes, with the
 * confirmation. While the file is taken over, the form is disabled and shows the progress.
 */
import { useId } from "react";
import { formatNumber } from "../../i18n/index.ts";
import { ImportNames, ImportReport } from "./ImportReport.tsx";
import {
  areasRefusal,
  type ImportSession,
  type ImportTarget,
  MAX_AREAS_AS_PILOT_AREAS,
} from "./import-session.ts";
import { useImportTexts } from "./use-import-texts.ts";

type Previewed = Extract<ImportSession<File>, { state: "preview" | "importing" }>;

interface Props {
  session: Previewed;
  variantName: string;
  readOnly: boolean;
  onTarget: (target: ImportTarget) => void;
  onSwapAxes: () => void;
  onConfirm: () => void;
  onAnother: () => void;
  onCancel: () => void;
}

/** The preview of a read file (state "preview"), or of one being taken over ("importing"). */
export function ImportPreviewForm(props: Props) {
  const { session, onConfirm, onAnother, onCancel } = props;
  const { t } = useImportTexts();
  const { file, preview, target } = session;
  const committing = session.state === "importing";
  const refused = areasRefusal(preview, props.readOnly) !== null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      data-testid="import-preview"
    >
      <h3>{t("exchange.import.previewHeading", { fileName: file.name })}</h3>
      <ImportFacts session={session} onSwapAxes={props.onSwapAxes} />
      <ImportNames preview={preview} />
      <ImportReport preview={preview} />
      <TargetChoice
        session={session}
        variantName={props.variantName}
        readOnly={props.readOnly}
        onTarget={props.onTarget}
      />
      {session.state === "importing" && <CommitProgress progress={session.progress} />}
      <div className="button-row exchange-actions">
        <button type="button" className="button" onClick={onAnother} disabled={committing}>
          {t("exchange.import.another")}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={committing}>
          {t("exchange.import.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={committing || (target === "areas" && refused)}
          data-testid="import-confirm"
        >
          {t("exchange.import.confirm")}
        </button>
      </div>
    </form>
  );
}

/** Format, coordinate system and count; the swapped-axes warning or note with its button. */
function ImportFacts({ session, onSwapAxes }: { session: Previewed; onSwapAxes: () => void }) {
  const { t, language } = useImportTexts();
  const { preview, how } = session;
  const { report } = preview;
  const committing = session.state === "importing";
  const centre = preview.bbox
    ? {
        lon: formatNumber((preview.bbox[0] + preview.bbox[2]) / 2, language, 1),
        lat: formatNumber((preview.bbox[1] + preview.bbox[3]) / 2, language, 1),
      }
    : null;
  return (
    <>
      <dl className="exchange-facts">
        <dt>{t("exchange.import.format")}</dt>
        <dd data-testid="import-format">{t(`exchange.formats.${report.format}`)}</dd>
        <dt>{t("exchange.import.crs")}</dt>
        <dd data-testid="import-crs">{report.sourceCrs}</dd>
        <dt>{t("exchange.import.count")}</dt>
        <dd data-testid="import-count">
          {t("exchange.import.countValue", {
            count: formatNumber(preview.rowCount, language),
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
            onClick={onSwapAxes}
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
          <button type="button" className="link-button" onClick={onSwapAxes} disabled={committing}>
            {t("exchange.import.swapAxesBack")}
          </button>
        </p>
      )}
    </>
  );
}

/** Pilot areas of the active variant (when possible) or a layer on the map. */
function TargetChoice(props: Omit<Props, "onSwapAxes" | "onConfirm" | "onAnother" | "onCancel">) {
  const { session, variantName, readOnly, onTarget } = props;
  const { t, language } = useImportTexts();
  const ids = useId();
  const { preview, target } = session;
  const refusal = areasRefusal(preview, readOnly);
  const refusalText =
    refusal === "no-areas"
      ? t("exchange.import.asAreasNoAreas")
      : refusal === "too-many"
        ? t("exchange.import.asAreasTooMany", { max: formatNumber(MAX_AREAS_AS_PILOT_AREAS, language) })
        : refusal === "read-only"
          ? t("exchange.import.readOnly")
          : null;
  const pointCount = preview.pointCount;
  return (
    <fieldset className="exchange-fieldset" disabled={session.state === "importing"}>
      <legend>{t("exchange.import.asLegend")}</legend>
      <label className="exchange-choice">
        <input
          type="radio"
          name="import-target"
          value="areas"
          checked={target === "areas"}
          disabled={refusal !== null}
          onChange={() => onTarget("areas")}
          aria-describedby={`${ids}-areas-hint`}
        />
        <span>
          <strong>{t("exchange.import.asAreas", { variant: variantName })}</strong>
          <span className="exchange-hint" id={`${ids}-areas-hint`}>
            {refusalText ??
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
          onChange={() => onTarget("overlay")}
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
  );
}

/** The progress while the areas or the layer are taken over. */
function CommitProgress({ progress }: { progress: { fraction: number; phase: string } | null }) {
  const { t, language } = useImportTexts();
  return (
    <p className="exchange-status" role="status" data-testid="import-committing">
      <progress
        aria-label={t("exchange.import.committing")}
        max={1}
        {...(progress ? { value: progress.fraction } : {})}
      />{" "}
      {progress
        ? `${t(`exchange.progress.${progress.phase}`)} ${formatNumber(Math.round(progress.fraction * 100), language)} %`
        : t("exchange.import.committing")}
    </p>
  );
}
