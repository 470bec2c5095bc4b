/**
 * Autosave: every change of the plan is written within about a second. Changes are debounced, written
 * as a diff against the last successfully saved version, one write at a time; after a failed write the
 * next one rewrites the whole plan (the stored state is unknown then) and retries with back-off.
 * Nothing is written until `start` is called with the plan that was loaded.
 */
import type { Plan } from "../domain/model/plan.ts";
import type { PlanRepository, StorageError } from "./plan-repository.ts";
import { storageErrorOf } from "./plan-repository.ts";

export type SaveStatus =
  | { state: "idle" }
  | { state: "saved"; at: number }
  | { state: "saving" }
  | { state: "error"; error: StorageError; retryInMs: number };

export interface AutosaveOptions {
  repository: PlanRepository;
  getPlan: () => Plan;
  onStatus: (status: SaveStatus) => void;
  /** Debounce after the last change (ms). */
  delayMs?: number;
  /** Never wait longer than this after the first unsaved change (ms). */
  maxDelayMs?: number;
  now?: () => number;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

export class Autosave {
  private saved: Plan | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
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
    this.delayMs = options.delayMs ?? 300;
    this.maxDelayMs = options.maxDelayMs ?? 800;
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
    // Pending changes are not "saved": the indicator says so until they are written.
    if (this.options.getPlan() !== this.saved && !this.writing) this.emit({ state: "saving" });
    const now = this.now();
    this.firstChangeAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstChangeAt + this.maxDelayMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
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
