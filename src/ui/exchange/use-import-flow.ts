/**
 * The import dialog's wiring: the session (import-session.ts) and the asynchronous work around its
 * transitions: reading a file in the exchange worker, taking it over into the plan or onto the map,
 * and letting the worker's copy go when it is no longer needed.
 */
import { type RefObject, useCallback, useRef, useState } from "react";
import { zoomToBounds } from "../../map/map-commands.ts";
import { useExchangeDialogs } from "../../store/import-export-dialogs.ts";
import { type NewOverlay, useOverlayStore } from "../../store/overlay-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { type ImportPreviewResult, parseImportFile, releaseImport } from "../exchange-client.ts";
import {
  canChooseFile,
  canClose,
  type ImportEvent,
  type ImportSession,
  importSessionReducer,
  startImportSession,
} from "./import-session.ts";
import { takeOverImport } from "./take-over-import.ts";
import { useImportTexts } from "./use-import-texts.ts";

/**
 * The session, with `send` returning the next session at once (the asynchronous steps need its run
 * number) and `current` always the latest (for answers that arrive after a render).
 */
function useImportSession() {
  const current = useRef<ImportSession<File>>(startImportSession());
  const [session, setSession] = useState(current.current);
  const send = useCallback((event: ImportEvent<File>) => {
    const next = importSessionReducer(current.current, event);
    current.current = next;
    setSession(next);
    return next;
  }, []);
  return { session, current, send };
}

/** The session and the handlers the dialog's steps call. */
export function useImportFlow(fileInput: RefObject<HTMLInputElement | null>) {
  const texts = useImportTexts();
  const { t } = texts;
  const setDialogs = useExchangeDialogs((s) => s.set);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const { session, current, send } = useImportSession();
  const reset = () => {
    // The worker keeps the file read last until it is taken or let go.
    if (current.current.state === "preview") releaseImport(current.current.preview.token);
    send({ type: "reset" });
    if (fileInput.current) fileInput.current.value = "";
  };
  const close = () => {
    // Escape and the close button do not abandon areas half taken over: the planner waits (seconds).
    if (!canClose(current.current)) return;
    setDialogs({ importOpen: false });
    reset();
  };

  /** Reads the file of a session that has just started reading, and sends the worker's answer. */
  const read = async (reading: ImportSession<File>) => {
    if (reading.state !== "reading") return;
    const { run, file, how } = reading;
    let result: ImportPreviewResult;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      result = await parseImportFile(bytes, file.name, how, (fraction, phase) =>
        send({ type: "read-progress", run, fraction, phase }),
      );
    } catch (error) {
      send({ type: "read-failed", run, error });
      return;
    }
    // Abandoned meanwhile: the worker may let the file go (the session ignores the late answer).
    if (current.current.run !== run && result.ok) releaseImport(result.token);
    send({ type: "read", run, result, readOnly });
  };

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file && canChooseFile(current.current)) void read(send({ type: "choose", file }));
  };

  const confirm = async () => {
    if (current.current.state !== "preview") return;
    const importing = send({ type: "import" });
    if (importing.state !== "importing") return;
    const { file, preview, target } = importing;
    let overlay: NewOverlay | null;
    try {
      overlay = await takeOverImport(
        file.name,
        preview,
        target,
        {
          nameOf: texts.nameOf,
          snapshotLabel: t("exchange.import.snapshot", { fileName: file.name }),
          undoLabel: t("exchange.import.undoLabel", { fileName: file.name }),
        },
        (fraction, phase) => send({ type: "import-progress", fraction, phase }),
      );
    } catch (error) {
      send({ type: "import-failed", error });
      return;
    }
    send({ type: "imported" });
    if (preview.bbox) zoomToBounds(preview.bbox);
    releaseImport(preview.token);
    close();
    // The layer goes on the map in a task of its own, not in the one that closes the dialog: each costs
    // some tens of milliseconds with a big layer.
    if (overlay) {
      const added = overlay;
      setTimeout(() => useOverlayStore.getState().add(added), 0);
    }
  };

  return {
    session,
    /** Whether the dialog may close now (see `canClose`), for its Escape key. */
    canClose: () => canClose(current.current),
    send,
    read,
    reset,
    close,
    confirm,
    onFiles,
    swapAxes: () => {
      const now = current.current;
      if (now.state === "preview") releaseImport(now.preview.token);
      void read(send({ type: "swap-axes" }));
    },
  };
}
