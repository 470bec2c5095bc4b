/**
 * Autosave: every change of the plan is written at once, as a diff against the last successfully
 * saved version, one write at a time; changes made while a write is under way are written together as
 * soon as it ends. After a failed write the next one rewrites the whole plan (the stored state is
 * unknown then) and retries with back-off. Nothing is written until `start` is called with the plan
 * that was loaded.
 *
 * Why at once: a tab can be killed at any moment (the browser crashes, the laptop's battery dies, the
 * renderer is killed for memory). Until 2026-12 the write waited 300 ms after the last change (up to
 * 800 ms), and a tab killed 100-300 ms after an edit lost it; now an edit is committed to IndexedDB
 * within a few tens of milliseconds (the budget is 150 ms; `tests/e2e/hard-kill.spec.ts` kills the
 * browser with SIGKILL and crashes the renderer 150 ms after an edit, ten times each). The document
 * changes only when a gesture ends (a drag is one change), so writing each change costs one small
 * diff per gesture. The write is asked for in the same task as the change (a microtask), and the
 * IndexedDB store commits it at once (see `PlanRepository.writeAtOnce`). `delayMs` / `maxDelayMs` still
 * allow a debounce (tests of the queue's timing use it).
 */
import type { Plan } from "../domain/model/plan.ts";
import type { PlanStore } from "./plan-store.ts";
import { type StorageError, storageErrorOf } from "./storage-error.ts";

export type SaveStatus =
  | { state: "idle" }
  | { state: "saved"; at: number }
  | { state: "saving" }
  | { state: "error"; error: StorageError; retryInMs: number };

export interface AutosaveOptions {
  /** Where the plan is written (IndexedDB, or memory when storage cannot be used). */
  repository: Pick<PlanStore, "savePlanFull" | "savePlanDiff">;
  getPlan: () => Plan;
  onStatus: (status: SaveStatus) => void;
  /** Debounce after the last change (ms); default 0: the write starts in the next task. */
  delayMs?: number;
  /** Never wait longer than this after the first unsaved change (ms); default 0. */
  maxDelayMs?: number;
  now?: () => number;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

export class Autosave {
  private saved: Plan | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushQueued = false;
  private firstChangeAt: number | null = null;
  private writing: Promise<void> | null = null;
  private fullRewrite = false;
  private failures = 0;
  private stopped = true;
  private lastState: SaveStatus["state"] | null = null;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? 0;
    this.maxDelayMs = options.maxDelayMs ?? 0;
    this.now = options.now ?? (() => Date.now());
  }

  /** Reports a status; a pending change and the write that follows are one "saving". */
  private emit(status: SaveStatus): void {
    if (status.state === "saving" && this.lastState === "saving") return;
    this.lastState = status.state;
    this.options.onStatus(status);
  }

  /** Starts saving; `loaded` is the plan as it is in storage right now. */
  start(loaded: Plan): void {
    this.saved = loaded;
    this.stopped = false;
    this.emit({ state: "saved", at: this.now() });
  }

  /** Stops without writing pending changes (e.g. when another tab takes over the plan). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Tells the queue the plan changed. */
  changed(): void {
    if (this.stopped) return;
    // After a failed write the retry (with back-off) writes the latest plan: a change does not hurry it.
    if (this.failures > 0 && this.timer) return;
    // Pending changes are not "saved": the indicator says so until they are written.
    if (this.options.getPlan() !== this.saved && !this.writing) this.emit({ state: "saving" });
    const now = this.now();
    this.firstChangeAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wait = Math.max(0, Math.min(this.delayMs, this.firstChangeAt + this.maxDelayMs - now));
    if (wait > 0) {
      this.timer = setTimeout(() => void this.flush(), wait);
      return;
    }
    // No debounce: the write is asked for before this task ends (a timer could wait behind a map
    // frame drawn in software, 100 ms and more). Changes made in the same task go in one write.
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      void this.flush();
    });
  }

  /** True when the current plan differs from what was last saved. */
  get pending(): boolean {
    return !this.stopped && this.saved !== this.options.getPlan();
  }

  /** Writes now (also used before unload and before risky operations). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing) {
      await this.writing;
      if (this.pending) return this.flush();
      return;
    }
    if (this.stopped || !this.saved) return;
    const next = this.options.getPlan();
    // After a failure the stored state is unknown: rewrite even if the plan is back at the saved version.
    if (next === this.saved && !this.fullRewrite) return;
    const previous = this.saved;
    this.firstChangeAt = null;
    this.emit({ state: "saving" });
    this.writing = (async () => {
      try {
        if (this.fullRewrite || previous.id !== next.id) await this.options.repository.savePlanFull(next);
        else await this.options.repository.savePlanDiff(previous, next);
        this.saved = next;
        this.fullRewrite = false;
        this.failures = 0;
        this.emit({ state: "saved", at: this.now() });
      } catch (error) {
        this.fullRewrite = true;
        const retryInMs = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] ?? 30_000;
        this.failures++;
        this.emit({ state: "error", error: storageErrorOf(error), retryInMs });
        if (!this.stopped) this.timer = setTimeout(() => void this.flush(), retryInMs);
      }
    })();
    await this.writing;
    this.writing = null;
    if (this.pending && !this.timer) this.changed();
  }

  /** After loading a different plan: its stored state is the new baseline. */
  rebase(loaded: Plan): void {
    this.saved = loaded;
    this.fullRewrite = false;
  }
}
