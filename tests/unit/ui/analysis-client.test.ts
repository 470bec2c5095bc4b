/**
 * The analysis client's watchdog and queue, with a fake worker: calls run one at a time in order; a call
 * that never answers is failed after the limit, the stuck worker is terminated and a fresh one started;
 * a waiting live request is replaced by a newer one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AnalysisClient,
  AnalysisTimeoutError,
  AnalysisUnavailableError,
  type ClientStatus,
  SupersededError,
} from "../../../src/ui/analysis-client.ts";

interface FakeApi {
  worker: number;
  echo(value: number): Promise<number>;
  hang(): Promise<never>;
}

function setUp(options: { initFails?: boolean } = {}) {
  const statuses: ClientStatus[] = [];
  const terminated: number[] = [];
  const calls: string[] = [];
  let created = 0;
  const client = new AnalysisClient<FakeApi>({
    createWorker: () => {
      const worker = ++created;
      return {
        api: {
          worker,
          echo: async (value) => {
            calls.push(`w${worker}:${value}`);
            await new Promise((resolve) => setTimeout(resolve, 10));
            return value;
          },
          hang: () => {
            calls.push(`w${worker}:hang`);
            return new Promise<never>(() => {});
          },
        },
        terminate: () => terminated.push(worker),
      };
    },
    initialise: (api) =>
      options.initFails && api.worker > 1 ? new Promise(() => {}) : Promise.resolve(api.worker),
    callTimeoutMs: 1_000,
    initTimeoutMs: 5_000,
    onStatus: (status) => statuses.push(status),
  });
  return { client, statuses, terminated, calls, created: () => created };
}

describe("AnalysisClient", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs calls one at a time, in the order they were made", async () => {
    const { client, calls } = setUp();
    await client.start();
    const results = Promise.all([1, 2, 3].map((n) => client.call((api) => api.echo(n))));
    await vi.advanceTimersByTimeAsync(100);
    expect(await results).toEqual([1, 2, 3]);
    expect(calls).toEqual(["w1:1", "w1:2", "w1:3"]);
  });

  it("fails a stuck call after the limit, terminates the worker and answers later calls from a new one", async () => {
    const { client, statuses, terminated, calls } = setUp();
    await client.start();
    const stuck = client.call((api) => api.hang());
    const after = client.call((api) => api.echo(7));
    const stuckResult = stuck.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    expect(terminated).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(await stuckResult).toBeInstanceOf(AnalysisTimeoutError);
    expect(terminated).toEqual([1]);
    await vi.advanceTimersByTimeAsync(50);
    expect(await after).toBe(7);
    expect(calls).toEqual(["w1:hang", "w2:7"]);
    expect(statuses).toEqual(["loading", "ready", "restarting", "ready"]);
    expect(client.restarts).toBe(1);
  });

  it("replaces a waiting live request by a newer one with the same key", async () => {
    const { client, calls } = setUp();
    await client.start();
    const busy = client.call((api) => api.echo(0));
    const first = client.call((api) => api.echo(1), "live").catch((error: unknown) => error);
    const second = client.call((api) => api.echo(2), "live");
    const other = client.call((api) => api.echo(3));
    await vi.advanceTimersByTimeAsync(100);
    expect(await busy).toBe(0);
    expect(await first).toBeInstanceOf(SupersededError);
    expect(await second).toBe(2);
    expect(await other).toBe(3);
    expect(calls).toEqual(["w1:0", "w1:2", "w1:3"]);
  });

  it("reports failure and refuses calls when the restarted worker cannot load its data", async () => {
    const { client, statuses } = setUp({ initFails: true });
    await client.start();
    const stuck = client.call((api) => api.hang()).catch((error: unknown) => error);
    const after = client.call((api) => api.echo(1)).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await stuck).toBeInstanceOf(AnalysisTimeoutError);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await after).toBeInstanceOf(AnalysisUnavailableError);
    expect(statuses.at(-1)).toBe("failed");
  });
});
