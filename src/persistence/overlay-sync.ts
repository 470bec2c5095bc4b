/**
 * Keeps the imported overlay layers (src/store/overlay-store.ts) in IndexedDB, so a partner's layer or
 * updated district boundaries are still on the map after a reload. Overlays belong to the browser, not
 * to a plan: every plan shows them. The store is the truth; this module restores it once at start and
 * then mirrors additions, removals and visibility. A failed write (storage full) is reported; the layer
 * stays on the map for the session and nothing else is touched.
 */
import { useOverlayStore } from "../store/overlay-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import type { OverlayRow, PilotkarteDb } from "./db.ts";

const rowOf = ({ url: _url, ...record }: OverlayRow & { url?: string }): OverlayRow => record;

/** Restores the stored overlays, then writes every change; returns the unsubscribe function. */
export async function startOverlaySync(db: PilotkarteDb): Promise<() => void> {
  const rows = await db.overlays.orderBy("addedAt").toArray();
  useOverlayStore.getState().restore(rows);
  const failed = (fileName: string) =>
    useSessionStore
      .getState()
      .notify({ kind: "warning", key: "exchange.overlays.notKept", values: { fileName } });
  return useOverlayStore.subscribe((state, previous) => {
    if (state.overlays === previous.overlays) return;
    const before = new Map(previous.overlays.map((o) => [o.id, o]));
    const now = new Set(state.overlays.map((o) => o.id));
    for (const overlay of state.overlays) {
      const old = before.get(overlay.id);
      // In a later task (the page has just spent this one adding the layer to the map), written as
      // it is then: it may have been hidden or removed meanwhile.
      if (!old)
        setTimeout(() => {
          const current = useOverlayStore.getState().overlays.find((o) => o.id === overlay.id);
          if (current) db.overlays.put(rowOf(current)).catch(() => failed(current.fileName));
        }, 0);
      else if (old.visible !== overlay.visible)
        db.overlays.update(overlay.id, { visible: overlay.visible }).catch(() => undefined);
    }
    for (const overlay of previous.overlays)
      if (!now.has(overlay.id)) db.overlays.delete(overlay.id).catch(() => undefined);
  });
}
