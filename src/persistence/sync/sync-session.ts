/**
 * A shared plan's mirror between the document store and a Y.Doc (the seam for shared plans: the
 * store does not know whether a plan is shared, and the transport, a Hocuspocus provider or
 * anything else that keeps the Y.Doc in step with others, is not this module's business).
 *
 * - Local edits: every change of the store's plan (a `transact`, an undo or a redo) is turned into a
 *   change set against the plan last mirrored (`diffPlans`) and written into the Y.Doc in one Y
 *   transaction (`applyChangeSetToDoc`) with this session as origin.
 * - Remote edits: every Y transaction from another origin is read back as a plan and applied to the
 *   store as a change set with `source: "remote"`: it does not enter the local undo stack, and a local
 *   step it overtook is skipped by undo rather than overwriting it (document-store.ts).
 */
import type * as Y from "yjs";
import type { Plan } from "../../domain/model/plan.ts";
import { applyChangeSetToDoc, diffPlans, readPlan, writePlan } from "../../domain/sync/plan-ydoc.ts";
import type { DocumentStore } from "../../store/document-store.ts";

/** How a session starts: from the local plan (sharing it) or from what the Y.Doc holds (joining). */
export type SyncStart = "share-local-plan" | "join-shared-plan";

export interface SyncSession {
  /** Stops mirroring in both directions (the Y.Doc and the store stay as they are). */
  stop(): void;
}

/**
 * Starts mirroring. `share-local-plan` writes the store's plan into an empty Y.Doc (the first replica);
 * `join-shared-plan` loads the Y.Doc's plan into the store (the store's history is cleared, as after
 * opening any plan). Throws when joining a Y.Doc that holds no plan yet (wait for the first sync).
 */
export function startSyncSession(store: DocumentStore, doc: Y.Doc, start: SyncStart): SyncSession {
  const origin = { syncSession: true };
  if (start === "share-local-plan") {
    writePlan(doc, store.getState().plan, origin);
  } else {
    const shared = readPlan(doc);
    if (shared === null) throw new Error("the shared plan has not arrived yet");
    store.getState().loadPlan(shared);
  }
  /** The plan as the Y.Doc holds it, seen from the store's side. */
  let mirrored: Plan = store.getState().plan;
  let applyingRemote = false;

  const unsubscribe = store.subscribe((state) => {
    if (state.plan === mirrored) return;
    if (applyingRemote) {
      mirrored = state.plan;
      return;
    }
    const changeSet = diffPlans(mirrored, state.plan, "local");
    mirrored = state.plan;
    if (changeSet.changes.length > 0) applyChangeSetToDoc(doc, changeSet, origin);
  });

  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === origin || !transaction.changed.size) return;
    const remote = readPlan(doc);
    if (remote === null) return;
    const changeSet = diffPlans(store.getState().plan, remote, "remote");
    if (changeSet.changes.length === 0) return;
    applyingRemote = true;
    try {
      store.getState().transact(changeSet, { history: "ignore", source: "remote" });
    } finally {
      applyingRemote = false;
    }
  };
  doc.on("afterTransaction", onTransaction);

  return {
    stop() {
      unsubscribe();
      doc.off("afterTransaction", onTransaction);
    },
  };
}
