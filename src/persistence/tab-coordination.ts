/**
 * Two tabs never overwrite each other: the tab that holds a plan's Web Lock edits it, the others
 * follow it read-only (they reload when the editing tab says it saved) or take it over. Tabs talk over
 * one BroadcastChannel; every message is checked (`parseTabMessage`), and a tab ignores its own.
 *
 * Without Web Locks (older browsers) every tab edits; without BroadcastChannel tabs do not hear each
 * other. A memory-only workspace uses {@link noOtherTabs}: what it holds is its own, so it takes no
 * lock and sends and hears nothing.
 */
import { parseTabMessage, type TabMessage } from "../domain/validation/tab-message.schema.ts";

/** The channel's name. DO NOT RENAME: tabs of other app versions listen on it. */
const CHANNEL = "pilotkarte";
/** The lock a tab holds while it edits a plan. DO NOT RENAME: tabs of other app versions ask for it. */
const lockName = (planId: string) => `pilotkarte-plan-${planId}`;
/** How long a take-over waits for the editing tab to say it saved (ms). */
const FLUSH_WAIT_MS = 1500;

/** Where the locks and the channel come from. */
export interface TabEnvironment {
  locks(): LockManager | undefined;
  openChannel(): BroadcastChannel | null;
}

/** The browser's Web Locks and BroadcastChannel, where it has them. */
export const browserTabs: TabEnvironment = {
  locks: () => (typeof navigator !== "undefined" ? navigator.locks : undefined),
  openChannel: () => (typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null),
};

/** No other tabs: no locks (this tab edits), no channel. */
export const noOtherTabs: TabEnvironment = { locks: () => undefined, openChannel: () => null };

export interface TabEvents {
  /** A checked message from another tab. */
  message(message: TabMessage): void;
  /** Whether this tab may edit the plan whose lock it asked for (else it follows read-only). */
  editable(editable: boolean): void;
  /** Another tab took the lock of `planId` from this one. */
  lockLost(planId: string): void;
  /** This tab took `planId` over: read what the other tab saved before editing on. */
  tookOver(planId: string): Promise<void>;
}

export class TabCoordinator {
  /** This tab's id in messages (random per page). */
  readonly tabId = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | null = null;
  private releaseLock: (() => void) | null = null;
  /** The request for a lock another tab holds, while this tab waits for it. */
  private waiting: AbortController | null = null;

  constructor(
    private readonly environment: TabEnvironment,
    private readonly events: TabEvents,
  ) {}

  /** Starts hearing the other tabs (messages sent before are not heard). */
  listen(): void {
    if (this.channel) return;
    this.channel = this.environment.openChannel();
    this.channel?.addEventListener("message", (event) => {
      const message = parseTabMessage(event.data);
      if (message && message.tab !== this.tabId) this.events.message(message);
    });
  }

  /** Tells the other tabs about a plan. */
  post(type: TabMessage["type"], planId: string): void {
    this.channel?.postMessage({ type, planId, tab: this.tabId } satisfies TabMessage);
  }

  /** Lets go of the lock this tab holds, if any, and stops waiting for one. */
  release(): void {
    this.waiting?.abort();
    this.waiting = null;
    this.releaseLock?.();
    this.releaseLock = null;
  }

  /**
   * Asks for the plan's lock: held, this tab edits; taken, it follows read-only and waits in line, so
   * that it edits once the other tab closes (or lets go). `steal` takes it from the tab that holds it
   * (that tab then follows this one and waits in line itself).
   */
  hold(planId: string, steal: boolean): void {
    const locks = this.environment.locks();
    if (!locks) {
      this.events.editable(true);
      return;
    }
    this.waiting?.abort();
    this.waiting = null;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    void locks
      .request(lockName(planId), steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) {
          this.events.editable(false);
          this.waitInLine(locks, planId);
          return;
        }
        this.events.editable(true);
        // On taking over, the plan may have changed in the other tab since this tab loaded it.
        if (steal) await this.events.tookOver(planId);
        this.releaseLock = release;
        await held;
      })
      // The lock was stolen by another tab: follow it from now on, and edit again once it lets go.
      .catch(() => {
        this.events.lockLost(planId);
        this.waitInLine(locks, planId);
      });
  }

  /**
   * Waits for the lock another tab holds. Granted (that tab closed, crashed or let go), this tab first
   * reads what the other one saved, then edits.
   */
  private waitInLine(locks: LockManager, planId: string): void {
    const waiting = new AbortController();
    this.waiting = waiting;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    void locks
      .request(lockName(planId), { signal: waiting.signal }, async () => {
        if (this.waiting !== waiting) return;
        this.waiting = null;
        await this.events.tookOver(planId);
        this.events.editable(true);
        this.releaseLock = release;
        await held;
      })
      .catch(() => {
        // Given up (this tab opened another plan or took the lock over): nothing to do. Stolen after
        // it was granted: follow the other tab again.
        if (waiting.signal.aborted) return;
        this.events.lockLost(planId);
        this.waitInLine(locks, planId);
      });
  }

  /** Asks the editing tab to save (waiting at most {@link FLUSH_WAIT_MS}), then takes the plan over. */
  async takeOver(planId: string): Promise<void> {
    const channel = this.channel;
    if (channel) {
      const flushed = new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const message = parseTabMessage(event.data);
          if (message?.type === "flushed" && message.planId === planId) {
            channel.removeEventListener("message", onMessage);
            resolve();
          }
        };
        channel.addEventListener("message", onMessage);
        setTimeout(resolve, FLUSH_WAIT_MS);
      });
      this.post("flush-request", planId);
      await flushed;
    }
    this.hold(planId, true);
  }

  /**
   * Whether another tab edits the plan now (holds its lock); false without Web Locks, and false when
   * `editingHere` (this tab holds that lock itself).
   */
  async editedElsewhere(planId: string, editingHere: boolean): Promise<boolean> {
    const locks = this.environment.locks();
    if (!locks || editingHere) return false;
    const state = await locks.query().catch(() => null);
    return state?.held?.some((lock) => lock.name === lockName(planId)) ?? false;
  }

  /** Lets go of the lock and stops hearing the other tabs. */
  close(): void {
    this.release();
    this.channel?.close();
    this.channel = null;
  }
}
