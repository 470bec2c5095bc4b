/**
 * The browser's storage: opens IndexedDB (through Dexie) as a plan store, and asks the browser to
 * keep it. Opening throws when storage cannot be used (private mode, storage full, an error): the
 * workspace then works in memory.
 */
import { useStorageStore } from "../store/storage-store.ts";
import { PilotkarteDb } from "./db.ts";
import { PlanRepository } from "./plan-repository.ts";

/** Opening the database longer than this (ms) while blocked by another tab: say why. */
const BLOCKED_NOTICE_MS = 1500;

export interface OpenEvents {
  /** Another tab upgraded the database: this tab must reload (its database is closed). */
  upgradeElsewhere(): void;
  /**
   * Another tab holds an older version of the database open, and the upgrade (and so the opening)
   * has waited for it for a while.
   */
  blockedForLong(): void;
}

export async function openBrowserStore(events: OpenEvents): Promise<PlanRepository> {
  let slowOpen: ReturnType<typeof setTimeout> | null = null;
  try {
    const db = new PilotkarteDb();
    db.on("versionchange", () => {
      // Another tab upgraded the schema: this tab must reload; close so the upgrade can go on.
      db.close();
      events.upgradeElsewhere();
      return false;
    });
    // Another tab holds an older version open: the upgrade (and so this start) waits until it closes.
    // Say so after a moment instead of showing "loading" for as long as that tab stays open.
    db.on("blocked", () => {
      slowOpen ??= setTimeout(() => events.blockedForLong(), BLOCKED_NOTICE_MS);
    });
    await db.open();
    return new PlanRepository(db);
  } finally {
    if (slowOpen) clearTimeout(slowOpen);
  }
}

/**
 * Asks the browser not to evict this site's storage when space runs low, and reports the answer and
 * the usage to the storage store. Unsupported: nothing to show.
 */
export async function askToKeepStorage(): Promise<void> {
  try {
    const persisted = (await navigator.storage?.persist?.()) ?? null;
    const estimate = await navigator.storage?.estimate?.();
    useStorageStore.getState().set({
      persisted,
      ...(estimate ? { usage: { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0 } } : {}),
    });
  } catch {
    // Not supported: nothing to show.
  }
}
