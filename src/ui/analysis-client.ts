/**
 * The main thread's side of the analysis worker: one call at a time, in order, each watched by a
 * watchdog. Clipping libraries can loop forever on degenerate input (seen with Turf's polyclip-ts and
 * clipper2-ts), and a worker stuck in a loop answers nothing ever again. So when a call takes longer
 * than its limit, the worker is terminated, the call fails with {@link AnalysisTimeoutError} (its caller
 * marks that geometry as "could not be analysed"), and a fresh worker is started and initialised
 * before the next call runs.
 *
 * Live requests while dragging use a replace key: a newer request with the same key replaces one that
 * is still waiting, so the worker never works through a backlog of stale shapes.
 *
 * No React here; the worker is created by a factory so that tests can pass a fake.
 */

/** Thrown for the call that hit the watchdog's limit. */
export class AnalysisTimeoutError extends Error {
  override name = "AnalysisTimeoutError";
}

/** Thrown for a waiting call replaced by a newer one with the same key. */
export class SupersededError extends Error {
  override name = "SupersededError";
}

/** Thrown for calls that cannot run because the worker could not be (re)started. */
export class AnalysisUnavailableError extends Error {
  override name = "AnalysisUnavailableError";
}

export interface WorkerHandle<Api> {
  api: Api;
  terminate(): void;
}

export type ClientStatus = "loading" | "ready" | "restarting" | "failed";

export interface AnalysisClientOptions<Api> {
  /** Creates a worker (a fake in tests). */
  createWorker(): WorkerHandle<Api>;
  /** Loads the data into a fresh worker. */
  initialise(api: Api): Promise<unknown>;
  /** Limit per call in ms. */
  callTimeoutMs: number;
  /** Limit for loading the data in ms. */
  initTimeoutMs: number;
  onStatus(status: ClientStatus): void;
  /** Called after the watchdog terminated a stuck worker. */
  onRestart?(): void;
}

interface Job<Api> {
  run(api: Api): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  replaceKey?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AnalysisTimeoutError(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export class AnalysisClient<Api> {
  private handle: WorkerHandle<Api> | null = null;
  private ready: Promise<boolean> | null = null;
  private queue: Job<Api>[] = [];
  private busy = false;
  /** How many times the watchdog restarted the worker (shown in tests and diagnostics). */
  restarts = 0;

  constructor(private readonly options: AnalysisClientOptions<Api>) {}

  /** Starts the worker and loads the data; resolves to whether that worked. */
  start(): Promise<boolean> {
    this.options.onStatus("loading");
    this.ready = this.boot();
    return this.ready;
  }

  private async boot(): Promise<boolean> {
    this.handle?.terminate();
    const handle = this.options.createWorker();
    this.handle = handle;
    try {
      await withTimeout(this.options.initialise(handle.api), this.options.initTimeoutMs);
      this.options.onStatus("ready");
      return true;
    } catch {
      handle.terminate();
      if (this.handle === handle) this.handle = null;
      this.options.onStatus("failed");
      return false;
    }
  }

  /**
   * Runs `run` on the worker after the calls before it. With a `replaceKey`, a call still waiting
   * with the same key is dropped (it rejects with {@link SupersededError}).
   */
  call<T>(run: (api: Api) => Promise<T>, replaceKey?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (replaceKey !== undefined) {
        const index = this.queue.findIndex((job) => job.replaceKey === replaceKey);
        if (index >= 0) {
          const [old] = this.queue.splice(index, 1);
          old?.reject(new SupersededError(replaceKey));
        }
      }
      this.queue.push({
        run: run as (api: Api) => Promise<unknown>,
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(replaceKey !== undefined ? { replaceKey } : {}),
      });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        const ok = this.ready ? await this.ready : false;
        const api = this.handle?.api;
        if (!ok || !api) {
          job.reject(new AnalysisUnavailableError("analysis worker not available"));
          continue;
        }
        try {
          job.resolve(await withTimeout(job.run(api), this.options.callTimeoutMs));
        } catch (error) {
          job.reject(error);
          if (error instanceof AnalysisTimeoutError) {
            this.restarts += 1;
            this.options.onStatus("restarting");
            this.options.onRestart?.();
            this.ready = this.boot();
          }
        }
      }
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    this.handle?.terminate();
    this.handle = null;
    for (const job of this.queue.splice(0)) job.reject(new AnalysisUnavailableError("stopped"));
  }
}
