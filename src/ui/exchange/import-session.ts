/**
 * The import dialog's session as a pure state machine: which step the planner is at (choosing a file,
 * reading it, answering the coordinate system question, the preview, importing, done, failed) and
 * what moves it on. The dialog (ImportDialog.tsx) only wires it: it sends the planner's actions and
 * the worker's answers as events and renders the state; the work itself (reading in the worker,
 * adding the areas) happens there, around the transitions.
 *
 * As in terra-draw's modes and Placemark's mode handlers, there is one handler per state, and an
 * event a state does not expect is a bug in the wiring: it throws {@link IllegalImportTransition}.
 * Two kinds of event are expected to arrive late, and are ignored then rather than thrown:
 * answers to a read that was abandoned (the planner closed the dialog or chose another file: every
 * read has its `run` number), and progress reports that come after the answer they belong to
 * (progress travels through its own message channel).
 */
import type { AssumableCrs, ImportProblem } from "../../domain/exchange/index.ts";
import type { ImportPreviewResult, ReadingChoices } from "../exchange-client.ts";

/** Most areas taken as pilot areas at once: more would swamp the list and the analysis. */
export const MAX_AREAS_AS_PILOT_AREAS = 500;

/** What a file read in the worker offers: its preview and the token to take it over with. */
export type ReadPreview = Extract<ImportPreviewResult, { ok: true }>;

/** Where the file's features go: pilot areas of the active variant, or a layer on the map. */
export type ImportTarget = "areas" | "overlay";

/** A chosen file: only its name is needed here (the dialog keeps the `File` to read it again). */
export interface ChosenFile {
  readonly name: string;
}

/** Progress of a long step: 0..1 and a phase key (`exchange.progress.*`). */
export interface StepProgress {
  fraction: number;
  phase: string;
}

/** What the dialog shows. `run` counts the reads (and resets), so that late answers can be told apart. */
export type ImportSession<F extends ChosenFile = ChosenFile> =
  | { state: "choosing"; run: number }
  | ({ state: "reading"; run: number; file: F; how: ReadingChoices } & StepProgress)
  | {
      state: "asking-crs";
      run: number;
      file: F;
      how: ReadingChoices;
      /** What the coordinates suggest, if anything. */
      suggestion: AssumableCrs | null;
      /** The planner's current choice. */
      crs: AssumableCrs;
    }
  | {
      state: "preview";
      run: number;
      file: F;
      how: ReadingChoices;
      preview: ReadPreview;
      target: ImportTarget;
    }
  | {
      state: "importing";
      run: number;
      file: F;
      how: ReadingChoices;
      preview: ReadPreview;
      target: ImportTarget;
      progress: StepProgress | null;
    }
  | { state: "done"; run: number }
  | {
      state: "failed";
      run: number;
      fileName: string;
      /** What the file's reader said, or null for an unexpected failure (see `detail`). */
      problem: ImportProblem | null;
      detail?: string;
    };

/** The name of a session's state. */
export type ImportState = ImportSession["state"];

/** What can happen to a session. */
export type ImportEvent<F extends ChosenFile = ChosenFile> =
  /** A file picked or dropped (the dialog sends it only when it is not busy, see {@link canChooseFile}). */
  | { type: "choose"; file: F }
  /** The worker's progress while reading. */
  | { type: "read-progress"; run: number; fraction: number; phase: string }
  /** The worker's answer; `readOnly`: this tab may not change the plan (areas are then not offered). */
  | { type: "read"; run: number; result: ImportPreviewResult; readOnly: boolean }
  /** The read itself failed (the worker died, the file could not be read from disk). */
  | { type: "read-failed"; run: number; error: unknown }
  /** The planner picks a coordinate system in the question. */
  | { type: "pick-crs"; crs: AssumableCrs }
  /** The planner confirms the coordinate system: the file is read again with it. */
  | { type: "apply-crs" }
  /** The planner asks to read the file again with latitude and longitude swapped (or back). */
  | { type: "swap-axes" }
  /** The planner picks where the features go. */
  | { type: "pick-target"; target: ImportTarget }
  /** The planner confirms the preview. */
  | { type: "import" }
  /** Progress while the areas or the layer are taken over. */
  | { type: "import-progress"; fraction: number; phase: string }
  /** Everything was taken over. */
  | { type: "imported" }
  /** Taking over failed; the plan is unchanged. */
  | { type: "import-failed"; error: unknown }
  /** Back to choosing a file ("another file", or the dialog closed). */
  | { type: "reset" };

/** An event the current state does not expect: a bug in the wiring, never a planner's mistake. */
export class IllegalImportTransition extends Error {
  constructor(
    readonly state: ImportState,
    readonly event: ImportEvent["type"],
  ) {
    super(`Import session: "${event}" is not possible while ${state}`);
    this.name = "IllegalImportTransition";
  }
}

/** The session of a dialog just opened. */
export function startImportSession<F extends ChosenFile = ChosenFile>(): ImportSession<F> {
  return { state: "choosing", run: 0 };
}

/** Whether a file may be chosen now: not while one is read or taken over. */
export function canChooseFile(session: ImportSession): boolean {
  return session.state !== "reading" && session.state !== "importing" && session.state !== "done";
}

/** Whether the dialog is busy (reading or taking over): it then refuses files and cannot be closed… */
export function isBusy(session: ImportSession): boolean {
  return session.state === "reading" || session.state === "importing";
}

/** …and while taking over, not even abandoned: the plan must not be left half changed. */
export function canClose(session: ImportSession): boolean {
  return session.state !== "importing";
}

/** Whether the areas of a preview may become pilot areas, or why not. */
export function areasRefusal(
  preview: Pick<ReadPreview, "areaCount">,
  readOnly: boolean,
): "no-areas" | "too-many" | "read-only" | null {
  if (preview.areaCount === 0) return "no-areas";
  if (preview.areaCount > MAX_AREAS_AS_PILOT_AREAS) return "too-many";
  return readOnly ? "read-only" : null;
}

/** An unexpected failure's text (the worker died, a file could not be read from disk). */
const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Session<F extends ChosenFile> = ImportSession<F>;
type Handler<F extends ChosenFile, S extends ImportState> = (
  session: Extract<Session<F>, { state: S }>,
  event: ImportEvent<F>,
) => Session<F>;

const illegal = (session: ImportSession, event: ImportEvent): never => {
  throw new IllegalImportTransition(session.state, event.type);
};

/** Reading starts with a new run: answers to earlier reads are then recognised as late. */
const startReading = <F extends ChosenFile>(run: number, file: F, how: ReadingChoices): Session<F> => ({
  state: "reading",
  run: run + 1,
  file,
  how,
  fraction: 0,
  phase: "reading",
});

/** Events every state but reading and importing accepts: another file, or back to the start. */
function fromIdle<F extends ChosenFile>(session: Session<F>, event: ImportEvent<F>): Session<F> {
  if (event.type === "choose") return startReading(session.run, event.file, {});
  if (event.type === "reset") return { state: "choosing", run: session.run + 1 };
  // A late answer to an abandoned read, or late progress.
  if (event.type === "read-progress" || event.type === "import-progress") return session;
  if ((event.type === "read" || event.type === "read-failed") && event.run !== session.run) return session;
  return illegal(session, event);
}

function handlers<F extends ChosenFile>(): { [S in ImportState]: Handler<F, S> } {
  return {
    choosing: fromIdle,
    reading: (session, event) => {
      switch (event.type) {
        case "read-progress":
          if (event.run !== session.run) return session;
          return { ...session, fraction: event.fraction, phase: event.phase };
        case "read": {
          if (event.run !== session.run) return session;
          const { result } = event;
          const { run, file, how } = session;
          if (result.ok) {
            const target = areasRefusal(result, event.readOnly) === null ? "areas" : "overlay";
            return { state: "preview", run, file, how, preview: result, target };
          }
          if (result.problem.code === "needs-crs") {
            const { suggestion } = result.problem;
            return { state: "asking-crs", run, file, how, suggestion, crs: suggestion ?? "EPSG:25832" };
          }
          return { state: "failed", run, fileName: file.name, problem: result.problem };
        }
        case "read-failed":
          if (event.run !== session.run) return session;
          return {
            state: "failed",
            run: session.run,
            fileName: session.file.name,
            problem: null,
            detail: detailOf(event.error),
          };
        case "reset":
          return { state: "choosing", run: session.run + 1 };
        case "import-progress":
          return session;
        default:
          return illegal(session, event);
      }
    },
    "asking-crs": (session, event) => {
      if (event.type === "pick-crs") return { ...session, crs: event.crs };
      if (event.type === "apply-crs")
        return startReading(session.run, session.file, { ...session.how, assumeCrs: session.crs });
      return fromIdle(session, event);
    },
    preview: (session, event) => {
      switch (event.type) {
        case "pick-target":
          return { ...session, target: event.target };
        case "swap-axes":
          return startReading(session.run, session.file, { ...session.how, swapAxes: !session.how.swapAxes });
        case "import":
          return { ...session, state: "importing", progress: null };
        default:
          return fromIdle(session, event);
      }
    },
    importing: (session, event) => {
      switch (event.type) {
        case "import-progress":
          return { ...session, progress: { fraction: event.fraction, phase: event.phase } };
        case "imported":
          return { state: "done", run: session.run };
        case "import-failed":
          return {
            state: "failed",
            run: session.run,
            fileName: session.file.name,
            problem: null,
            detail: detailOf(event.error),
          };
        case "read-progress":
          return session;
        default:
          return illegal(session, event);
      }
    },
    done: (session, event) => {
      if (event.type === "reset") return { state: "choosing", run: session.run + 1 };
      if (event.type === "read-progress" || event.type === "import-progress") return session;
      return illegal(session, event);
    },
    failed: fromIdle,
  };
}

/** The next session after `event` (pure: the session given is not changed). */
export function importSessionReducer<F extends ChosenFile>(
  session: ImportSession<F>,
  event: ImportEvent<F>,
): ImportSession<F> {
  const handler = handlers<F>()[session.state] as Handler<F, ImportState>;
  return handler(session as never, event);
}
