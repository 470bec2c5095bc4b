/**
 * Import of a partner's file: pick or drop a file, it is read in the exchange worker (with progress),
 * then a preview says what was found (format, CRS, count, the first names, what was repaired or left
 * out) and the planner chooses: pilot areas in the active variant (one undo step, snapshot first) or a
 * layer on the map for comparison. Nothing changes before that confirmation. A file that does not say
 * its coordinate system leads to a question, with a suggestion from the coordinates, and is read again;
 * one whose latitude and longitude look swapped (it lands far away, near Dortmund if swapped) gets a
 * warning and the offer to read it again with the axes swapped.
 *
 * The steps and what moves them on are a pure state machine (import-session.ts); this component only
 * wires it to the worker, the plan and the dialog. Everything from the file (names, properties, the
 * file name) is shown as React text only.
 */
import "../dialog.css";
import "./exchange-dialog.css";
import "./ImportDialog.css";
import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useModal } from "../use-dialog.ts";
import { ImportPreviewForm } from "./ImportPreviewForm.tsx";
import { ImportChooser, ImportCrsQuestion, ImportFailed, ImportReading } from "./ImportSteps.tsx";
import { canClose } from "./import-session.ts";
import { useImportFlow } from "./use-import-flow.ts";

export function ImportDialog() {
  const { t } = useTranslation();
  const open = useExchangeDialogs((s) => s.importOpen);
  const variant = useDocumentStore(selectActiveVariant);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const flow = useImportFlow(fileInput);
  const { session, send, read, reset, close } = flow;
  const ids = useId();
  useModal(dialog, open);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    flow.onFiles(event.dataTransfer.files);
  };

  return (
    <dialog
      ref={dialog}
      className={`wide-dialog exchange-dialog${dragging ? " exchange-dragging" : ""}`}
      aria-labelledby={`${ids}-title`}
      onClose={close}
      onCancel={(event) => {
        if (!flow.canClose()) event.preventDefault();
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
          disabled={!canClose(session)}
        >
          ×
        </button>
      </header>
      {session.state === "choosing" && <ImportChooser fileInput={fileInput} onFiles={flow.onFiles} />}
      {session.state === "reading" && <ImportReading session={session} />}
      {session.state === "asking-crs" && (
        <ImportCrsQuestion
          session={session}
          onPick={(crs) => send({ type: "pick-crs", crs })}
          onApply={() => void read(send({ type: "apply-crs" }))}
          onAnother={reset}
        />
      )}
      {session.state === "failed" && <ImportFailed session={session} onAnother={reset} onCancel={close} />}
      {(session.state === "preview" || session.state === "importing") && (
        <ImportPreviewForm
          session={session}
          variantName={variant.name}
          readOnly={readOnly}
          onTarget={(target) => send({ type: "pick-target", target })}
          onSwapAxes={flow.swapAxes}
          onConfirm={() => void flow.confirm()}
          onAnother={reset}
          onCancel={close}
        />
      )}
    </dialog>
  );
}
