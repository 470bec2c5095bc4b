/**
 * The autosave queue with fake timers over a real repository on a fake IndexedDB.
 *
 * Only setTimeout, clearTimeout and Date are faked: fake-indexeddb schedules its work with
 * setImmediate and Dexie with microtasks, which must keep running for real. So a write started by a
 * fake timer finishes in real time: `advance` moves the fake clock, then waits (on real setImmediate
 * turns) until the write that is under way has reported its outcome.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import type { Plan } from "../../../src/domain/model/plan.ts";
import { Autosave, type SaveStatus } from "../../../src/persistence/autosave.ts";
import { type PlanRepository, StorageError } from "../../../src/persistence/plan-repository.ts";
import { deleteFreshDatabases, edit, freshRepository, standardPlan } from "./helpers.ts";

const v1 = asVariantId("v1");
const a1 = asAreaId("a1");

const quotaError = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(new Date("2025-03-01T09:00:00.000Z"));
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await deleteFreshDatabases();
});

/** The debounce the tests of the queue's timing use (the app writes at once: `delayMs` 0). */
const DEBOUNCE = { delayMs: 300, maxDelayMs: 800 };

/** A saved plan, an autosave on it (not started) and a handle to edit "the document store's" plan. */
async function setUp(timing: { delayMs?: number; maxDelayMs?: number } = DEBOUNCE) {
  const { repository } = freshRepository();
  const loaded = standardPlan();
  await repository.savePlanFull(loaded);
  const statuses: SaveStatus[] = [];
  const state = { plan: loaded };
  const autosave = new Autosave({
    repository,
    getPlan: () => state.plan,
    onStatus: (status) => statuses.push(status),
    ...timing,
  });
  // The real method, for a mock that delays it; captured before the spy replaces it.
  const realDiff = repository.savePlanDiff.bind(repository);
  const diff = vi.spyOn(repository, "savePlanDiff");
  const full = vi.spyOn(repository, "savePlanFull");
  let edits = 0;
  /** Changes the plan (a new note on a1) and tells the autosave, as the document store does. */
  const change = () => {
    edits++;
    state.plan = edit(state.plan, {
      type: "area/patch",
      variantId: v1,
      areaId: a1,
      patch: { notes: `Notiz ${edits}` },
    });
    autosave.changed();
    return state.plan;
  };
  /** Moves the fake clock by `ms`, then lets a write that is under way finish. */
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let turn = 0; turn < 10_000 && statuses.at(-1)?.state === "saving"; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await vi.advanceTimersByTimeAsync(0);
  };
  return { repository, loaded, statuses, state, autosave, diff, realDiff, full, change, advance };
}

const states = (statuses: readonly SaveStatus[]) => statuses.map((s) => s.state);

async function stored(repository: PlanRepository): Promise<Plan | null> {
  return repository.loadPlan("plan-1");
}

describe("autosave with a debounce (300 ms after the last change, at most 800 ms)", () => {
  it("never reports saved while a change is pending: a change says saving before its write starts", async () => {
    const { statuses, autosave, change, loaded, repository } = await setUp();
    autosave.start(loaded);
    change();
    expect(states(statuses)).toEqual(["saved", "saving"]);
    // Nothing has been written yet: the indicator must not claim otherwise.
    expect((await stored(repository))?.variants.v1?.areas.a1?.notes).toBe(
      loaded.variants.v1?.areas.a1?.notes,
    );
  });

  it("writes nothing and reports nothing before start, however much time passes or flush is called", async () => {
    const { repository, loaded, statuses, autosave, diff, full, change, advance } = await setUp();

    change();
    await advance(5_000);
    await autosave.flush();

    expect(diff).not.toHaveBeenCalled();
    expect(full).not.toHaveBeenCalled();
    expect(statuses).toEqual([]);
    expect(autosave.pending).toBe(false);
    expect(await stored(repository)).toStrictEqual(loaded);
  });

  it("reports 'saved' on start, as the loaded plan is what storage holds", async () => {
    const { statuses, autosave, loaded } = await setUp();

    autosave.start(loaded);

    expect(statuses).toEqual([{ state: "saved", at: Date.now() }]);
    expect(autosave.pending).toBe(false);
  });

  it("does not write synchronously on a change, but within a second, as one diff against the loaded plan", async () => {
    const { repository, loaded, autosave, diff, full, change, advance } = await setUp();
    autosave.start(loaded);

    const next = change();
    expect(autosave.pending).toBe(true);
    expect(diff).not.toHaveBeenCalled();

    await advance(1_000);

    expect(diff).toHaveBeenCalledTimes(1);
    expect(diff).toHaveBeenCalledWith(loaded, next);
    expect(full).not.toHaveBeenCalled();
    expect(autosave.pending).toBe(false);
    expect(await stored(repository)).toStrictEqual(next);
  });

  it("a burst of changes that never pauses is still written within a second of the first change, once, with the last version", async () => {
    const { repository, loaded, autosave, diff, change, advance } = await setUp();
    autosave.start(loaded);

    // A change every 100 ms: the debounce alone would never fire.
    let last = loaded;
    for (let i = 0; i < 8; i++) {
      last = change();
      await advance(100);
    }
    // 800 ms after the first change: the maximum delay has been reached.
    await advance(200);

    expect(diff).toHaveBeenCalledTimes(1);
    expect(diff).toHaveBeenCalledWith(loaded, last);
    expect(await stored(repository)).toStrictEqual(last);

    // Nothing more to write afterwards.
    await advance(5_000);
    expect(diff).toHaveBeenCalledTimes(1);
  });

  it("a burst that goes on for longer than a second is written while it goes on, and completely once it stops", async () => {
    const { repository, loaded, autosave, diff, change, advance } = await setUp();
    autosave.start(loaded);

    const versions: Plan[] = [];
    for (let i = 0; i < 10; i++) {
      versions.push(change());
      await advance(100);
    }
    // One second after the first change, the version reached at the maximum delay has been written.
    expect(diff.mock.calls).toEqual([[loaded, versions[7]]]);
    expect(await stored(repository)).toStrictEqual(versions[7]);

    for (let i = 0; i < 5; i++) {
      versions.push(change());
      await advance(100);
    }
    await advance(1_000);
    expect(await stored(repository)).toStrictEqual(versions.at(-1));
    expect(autosave.pending).toBe(false);
  });

  it("reports saving and then saved for each write", async () => {
    const { loaded, statuses, autosave, change, advance } = await setUp();
    autosave.start(loaded);

    change();
    await advance(1_000);
    change();
    await advance(1_000);

    expect(states(statuses)).toEqual(["saved", "saving", "saved", "saving", "saved"]);
    expect(statuses.at(-1)).toEqual({ state: "saved", at: Date.now() });
  });

  it("each later write is a diff against the version written before it", async () => {
    const { repository, loaded, autosave, diff, change, advance } = await setUp();
    autosave.start(loaded);

    const first = change();
    await advance(1_000);
    const second = change();
    await advance(1_000);

    expect(diff.mock.calls).toEqual([
      [loaded, first],
      [first, second],
    ]);
    expect(await stored(repository)).toStrictEqual(second);
  });

  it("flush writes pending changes at once, and the timer set by the change writes nothing more", async () => {
    const { repository, loaded, statuses, autosave, diff, change, advance } = await setUp();
    autosave.start(loaded);

    const next = change();
    await autosave.flush();

    expect(diff).toHaveBeenCalledTimes(1);
    expect(await stored(repository)).toStrictEqual(next);
    expect(states(statuses)).toEqual(["saved", "saving", "saved"]);
    await advance(5_000);
    expect(diff).toHaveBeenCalledTimes(1);
  });

  it("flush without changes writes nothing", async () => {
    const { loaded, statuses, autosave, diff, full } = await setUp();
    autosave.start(loaded);

    await autosave.flush();

    expect(diff).not.toHaveBeenCalled();
    expect(full).not.toHaveBeenCalled();
    expect(states(statuses)).toEqual(["saved"]);
  });

  it("changes made while a write is in flight are written after it, as a diff against what it wrote", async () => {
    const { repository, loaded, statuses, autosave, diff, realDiff, change, advance } = await setUp();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    diff.mockImplementationOnce(async (previous, next) => {
      await gate;
      return realDiff(previous, next);
    });
    autosave.start(loaded);

    const first = change();
    // The first write is held at the gate: only the fake clock moves.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(diff).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)?.state).toBe("saving");
    const second = change();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(diff).toHaveBeenCalledTimes(1);
    release();
    await advance(0);
    await advance(1_000);
    expect(diff.mock.calls).toEqual([
      [loaded, first],
      [first, second],
    ]);
    expect(autosave.pending).toBe(false);
    expect(await stored(repository)).toStrictEqual(second);
  });

  it("a quota failure reports error 'quota' with a retry time; the retry rewrites the whole plan and succeeds", async () => {
    const { repository, loaded, statuses, autosave, diff, full, change, advance } = await setUp();
    // The failed write leaves storage in an unknown state: here it lost every area row.
    diff.mockImplementationOnce(async () => {
      await repository.db.areas.clear();
      throw quotaError();
    });
    autosave.start(loaded);

    const next = change();
    await advance(1_000);

    const error = statuses.at(-1);
    expect(error).toMatchObject({ state: "error", retryInMs: 1_000 });
    expect(error?.state === "error" && error.error).toBeInstanceOf(StorageError);
    expect(error?.state === "error" && error.error.code).toBe("quota");
    expect(autosave.pending).toBe(true);

    await advance(1_000);

    expect(full).toHaveBeenCalledTimes(1);
    expect(full).toHaveBeenCalledWith(next);
    expect(diff).toHaveBeenCalledTimes(1);
    expect(states(statuses)).toEqual(["saved", "saving", "error", "saving", "saved"]);
    expect(await stored(repository)).toStrictEqual(next);

    // Once it worked, writes go back to diffs.
    const later = change();
    await advance(1_000);
    expect(diff).toHaveBeenLastCalledWith(next, later);
    expect(full).toHaveBeenCalledTimes(1);
  });

  it("repeated failures back off (1 s, then 2 s) and nothing is retried before the reported time", async () => {
    const { repository, loaded, statuses, autosave, diff, full, change, advance } = await setUp();
    // Failures reported at once, so that they happen at a known time on the fake clock.
    diff.mockRejectedValueOnce(quotaError());
    full.mockRejectedValueOnce(quotaError());
    autosave.start(loaded);

    const next = change();
    await advance(300); // the debounce: the diff write fails now
    expect(diff).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toMatchObject({ state: "error", retryInMs: 1_000 });

    await advance(999);
    expect(full).not.toHaveBeenCalled();
    await advance(1); // the first retry fails too
    expect(full).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toMatchObject({ state: "error", retryInMs: 2_000 });

    await advance(1_999);
    expect(full).toHaveBeenCalledTimes(1);
    await advance(1); // the second retry works
    expect(full).toHaveBeenCalledTimes(2);
    expect(diff).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)?.state).toBe("saved");
    expect(await stored(repository)).toStrictEqual(next);
  });

  it("after a failure, the retry still rewrites the plan and clears the error when the planner undid back to the saved version", async () => {
    const { repository, loaded, statuses, state, autosave, diff, full, change, advance } = await setUp();
    diff.mockImplementationOnce(async () => {
      await repository.db.areas.clear();
      throw quotaError();
    });
    autosave.start(loaded);

    change();
    await advance(1_000);
    expect(statuses.at(-1)?.state).toBe("error");
    state.plan = loaded; // undo
    await advance(1_000);

    expect(full).toHaveBeenCalledWith(loaded);
    expect(statuses.at(-1)?.state).toBe("saved");
    expect(await stored(repository)).toStrictEqual(loaded);
  });

  it("stop prevents pending writes, retries and later flushes", async () => {
    const { repository, loaded, autosave, diff, full, change, advance } = await setUp();
    autosave.start(loaded);

    change();
    autosave.stop();
    await advance(5_000);
    await autosave.flush();

    expect(diff).not.toHaveBeenCalled();
    expect(full).not.toHaveBeenCalled();
    expect(autosave.pending).toBe(false);
    change();
    await advance(5_000);
    expect(diff).not.toHaveBeenCalled();
    expect(await stored(repository)).toStrictEqual(loaded);
  });

  it("stop after a failed write cancels the retry", async () => {
    const { loaded, autosave, diff, full, change, advance } = await setUp();
    diff.mockRejectedValueOnce(quotaError());
    autosave.start(loaded);

    change();
    await advance(1_000);
    autosave.stop();
    await advance(60_000);

    expect(diff).toHaveBeenCalledTimes(1);
    expect(full).not.toHaveBeenCalled();
  });

  it("after a plan switch without rebase the new plan is written in full, not diffed against another plan", async () => {
    const { repository, loaded, state, autosave, diff, full, advance } = await setUp();
    autosave.start(loaded);

    const other = standardPlan("plan-2");
    state.plan = other;
    autosave.changed();
    await advance(1_000);

    expect(diff).not.toHaveBeenCalled();
    expect(full).toHaveBeenCalledWith(other);
    expect(await repository.loadPlan("plan-2")).toStrictEqual(other);
  });

  it("after rebase, the next write is a diff against the rebased plan", async () => {
    const { repository, loaded, state, autosave, diff, advance } = await setUp();
    autosave.start(loaded);
    const reloaded = edit(loaded, { type: "plan/patch", patch: { name: "Aus dem anderen Tab" } });
    await repository.savePlanFull(reloaded);

    autosave.rebase(reloaded);
    state.plan = reloaded;
    expect(autosave.pending).toBe(false);
    state.plan = edit(reloaded, { type: "area/delete", variantId: v1, areaId: a1 });
    autosave.changed();
    await advance(1_000);

    expect(diff).toHaveBeenCalledWith(reloaded, state.plan);
    expect(await stored(repository)).toStrictEqual(state.plan);
  });
});

describe("autosave as the app runs it (no debounce): every change is written at once", () => {
  const atOnce = () => setUp({});

  it("asks for the write before the task ends (not synchronously), as a diff against the loaded plan", async () => {
    const { repository, loaded, autosave, diff, change, advance } = await atOnce();
    autosave.start(loaded);

    const next = change();
    expect(diff).not.toHaveBeenCalled();
    // Without any timer: a microtask, before the task that made the change ends.
    await Promise.resolve();
    expect(diff).toHaveBeenCalledTimes(1);
    await advance(0);

    expect(diff).toHaveBeenCalledWith(loaded, next);
    expect(await stored(repository)).toStrictEqual(next);
    expect(autosave.pending).toBe(false);
  });

  it("writes each of a series of changes, each as a diff against the one written before", async () => {
    const { repository, loaded, autosave, diff, change, advance } = await atOnce();
    autosave.start(loaded);

    const first = change();
    await advance(0);
    const second = change();
    await advance(0);

    expect(diff.mock.calls).toEqual([
      [loaded, first],
      [first, second],
    ]);
    expect(await stored(repository)).toStrictEqual(second);
  });

  it("changes made while a write is under way are written together as soon as it ends", async () => {
    const { repository, loaded, autosave, diff, realDiff, change, advance } = await atOnce();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    diff.mockImplementationOnce(async (previous, next) => {
      await gate;
      return realDiff(previous, next);
    });
    autosave.start(loaded);

    const first = change();
    await vi.advanceTimersByTimeAsync(0);
    expect(diff).toHaveBeenCalledTimes(1);
    change();
    const third = change();
    release();
    await advance(0);
    await advance(0);

    expect(diff.mock.calls).toEqual([
      [loaded, first],
      [first, third],
    ]);
    expect(await stored(repository)).toStrictEqual(third);
  });

  it("after a failed write, further changes wait for the retry (1 s) instead of hurrying it", async () => {
    const { repository, loaded, autosave, diff, full, change, advance } = await atOnce();
    diff.mockRejectedValueOnce(quotaError());
    autosave.start(loaded);

    change();
    await advance(0);
    expect(diff).toHaveBeenCalledTimes(1);
    const latest = change();
    await advance(500);
    expect(full).not.toHaveBeenCalled();
    await advance(500);

    expect(full).toHaveBeenCalledTimes(1);
    expect(full).toHaveBeenCalledWith(latest);
    expect(await stored(repository)).toStrictEqual(latest);
  });
});
