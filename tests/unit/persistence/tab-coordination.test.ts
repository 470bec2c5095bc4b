/**
 * Tab coordination between two coordinators in one process: Node's BroadcastChannel stands in for
 * the browser's, and a small fake of the Web Locks API (ifAvailable, steal, query) for navigator.locks.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TabMessage } from "../../../src/domain/validation/tab-message.schema.ts";
import {
  noOtherTabs,
  TabCoordinator,
  type TabEnvironment,
  type TabEvents,
} from "../../../src/persistence/tab-coordination.ts";

/**
 * The part of the Web Locks API the coordinator uses: ifAvailable, steal, waiting in line (with an
 * abort signal) and query. As in browsers, a stolen lock's request rejects, and when a holder lets go
 * the first request in line gets the lock.
 */
class FakeLocks {
  private readonly held = new Map<string, { steal: () => void }>();
  private readonly queues = new Map<string, Array<() => void>>();

  request(name: string, options: LockOptions, callback: (lock: { name: string } | null) => unknown) {
    const current = this.held.get(name);
    if (current && options.ifAvailable) return Promise.resolve(callback(null));
    if (current && options.steal) {
      this.held.delete(name);
      current.steal();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        const entry = { steal: () => reject(new DOMException("The lock was stolen.", "AbortError")) };
        this.held.set(name, entry);
        Promise.resolve(callback({ name })).then(
          (value) => {
            if (this.held.get(name) === entry) this.letGo(name);
            resolve(value);
          },
          (error) => {
            if (this.held.get(name) === entry) this.letGo(name);
            reject(error);
          },
        );
      };
      if (!this.held.has(name)) return grant();
      const queue = this.queues.get(name) ?? [];
      queue.push(grant);
      this.queues.set(name, queue);
      options.signal?.addEventListener("abort", () => {
        const at = queue.indexOf(grant);
        if (at < 0) return;
        queue.splice(at, 1);
        reject(new DOMException("The request was aborted.", "AbortError"));
      });
    });
  }

  /** The holder let go: the first in line gets the lock. */
  private letGo(name: string) {
    this.held.delete(name);
    this.queues.get(name)?.shift()?.();
  }

  query() {
    return Promise.resolve({
      held: [...this.held.keys()].map((name) => ({ name })),
      pending: [...this.queues].flatMap(([name, queue]) => queue.map(() => ({ name }))),
    });
  }
}

let channelCount = 0;
const open: TabCoordinator[] = [];

/** Two tabs' environments: the same locks, channels of one name. */
function browser(): TabEnvironment {
  const locks = new FakeLocks() as unknown as LockManager;
  const name = `pilotkarte-test-${++channelCount}`;
  return { locks: () => locks, openChannel: () => new BroadcastChannel(name) };
}

/** A coordinator that records what it reports. */
function tab(
  environment: TabEnvironment,
  onMessage: (message: TabMessage, self: TabCoordinator) => void = () => {},
) {
  const log: string[] = [];
  const messages: TabMessage[] = [];
  let coordinator: TabCoordinator;
  const events: TabEvents = {
    message: (message) => {
      messages.push(message);
      onMessage(message, coordinator);
    },
    editable: (editable) => log.push(editable ? "editing" : "read-only"),
    lockLost: (planId) => log.push(`lost ${planId}`),
    tookOver: async (planId) => {
      log.push(`took over ${planId}`);
    },
  };
  coordinator = new TabCoordinator(environment, events);
  open.push(coordinator);
  return { coordinator, log, messages };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  for (const coordinator of open.splice(0)) coordinator.close();
});

describe("TabCoordinator", () => {
  it("hears the other tabs' messages, not its own, and ignores what is not a message of ours", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);
    a.coordinator.listen();
    b.coordinator.listen();

    b.coordinator.post("saved", "p1");
    a.coordinator.post("trashed", "p2");
    // Another script on the page, or an older app version: not a message of ours.
    const stranger = new BroadcastChannel(`pilotkarte-test-${channelCount}`);
    stranger.postMessage({ type: "saved", planId: 7 });
    await settle();
    stranger.close();

    expect(a.messages).toEqual([{ type: "saved", planId: "p1", tab: b.coordinator.tabId }]);
    expect(b.messages).toEqual([{ type: "trashed", planId: "p2", tab: a.coordinator.tabId }]);
  });

  it("the first tab to ask for a plan's lock edits it; the next follows read-only and knows it is edited elsewhere", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);

    a.coordinator.hold("p1", false);
    await settle();
    b.coordinator.hold("p1", false);
    await settle();

    expect(a.log).toEqual(["editing"]);
    expect(b.log).toEqual(["read-only"]);
    expect(await b.coordinator.editedElsewhere("p1", false)).toBe(true);
    expect(await b.coordinator.editedElsewhere("p2", false)).toBe(false);
    expect(await a.coordinator.editedElsewhere("p1", true)).toBe(false);
  });

  it("taking over asks the editing tab to save first, then takes the lock; the other tab loses it", async () => {
    const environment = browser();
    const a = tab(environment, (message, self) => {
      if (message.type === "flush-request") self.post("flushed", message.planId);
    });
    const b = tab(environment);
    a.coordinator.listen();
    b.coordinator.listen();
    a.coordinator.hold("p1", false);
    await settle();
    b.coordinator.hold("p1", false);
    await settle();

    const started = Date.now();
    await b.coordinator.takeOver("p1");
    await settle();

    // Answered at once: not the 1.5 s a take-over waits at most.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(a.messages.map((m) => m.type)).toEqual(["flush-request"]);
    expect(a.log).toEqual(["editing", "lost p1"]);
    expect(b.log).toEqual(["read-only", "editing", "took over p1"]);
    expect(await a.coordinator.editedElsewhere("p1", false)).toBe(true);
  });

  it("a tab that follows read-only edits once the editing tab lets go, after reading what it saved", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);
    a.coordinator.hold("p1", false);
    await settle();
    b.coordinator.hold("p1", false);
    await settle();
    expect(b.log).toEqual(["read-only"]);

    // The editing tab closes (or opens another plan).
    a.coordinator.release();
    await settle();

    expect(b.log).toEqual(["read-only", "took over p1", "editing"]);
    expect(await a.coordinator.editedElsewhere("p1", false)).toBe(true);
  });

  it("a tab whose lock was taken over edits again once the other tab lets go", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);
    a.coordinator.hold("p1", false);
    await settle();
    b.coordinator.hold("p1", false);
    await settle();
    await b.coordinator.takeOver("p1");
    await settle();
    expect(a.log).toEqual(["editing", "lost p1"]);

    b.coordinator.release();
    await settle();

    expect(a.log).toEqual(["editing", "lost p1", "took over p1", "editing"]);
    // B does not wait for the lock it let go of.
    expect(b.log).toEqual(["read-only", "editing", "took over p1"]);
  });

  it("a tab that opens another plan stops waiting for the first plan's lock", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);
    a.coordinator.hold("p1", false);
    await settle();
    b.coordinator.hold("p1", false);
    await settle();

    b.coordinator.release();
    b.coordinator.hold("p2", false);
    await settle();
    a.coordinator.release();
    await settle();

    expect(b.log).toEqual(["read-only", "editing"]);
    const state = (await environment.locks()?.query()) as LockManagerSnapshot;
    expect(state.held?.map((lock) => lock.name)).toEqual(["pilotkarte-plan-p2"]);
    expect(state.pending).toEqual([]);
  });

  it("letting go of a lock lets the next tab edit", async () => {
    const environment = browser();
    const a = tab(environment);
    const b = tab(environment);
    a.coordinator.hold("p1", false);
    await settle();

    a.coordinator.release();
    await settle();
    b.coordinator.hold("p1", false);
    await settle();

    expect(b.log).toEqual(["editing"]);
  });

  it("with no other tabs (memory only) it edits at once, takes no lock and sends nothing", async () => {
    const alone = tab(noOtherTabs);
    alone.coordinator.listen();

    alone.coordinator.hold("p1", false);
    alone.coordinator.post("saved", "p1");
    await alone.coordinator.takeOver("p1");

    expect(alone.log).toEqual(["editing", "editing"]);
    expect(await alone.coordinator.editedElsewhere("p1", false)).toBe(false);
  });
});
