/**
 * Reopening a shared plan (at start, after a reload, or from the plan list) reconnects it to its room.
 * Only a plan remembered as shared loads the sync client (src/persistence/sync/shared-plan.ts).
 */
import { sharedLinkOf } from "../../persistence/sync/shared-links.ts";
import { useDocumentStore } from "../../store/plan-document.ts";

function resumeIfShared(planId: string): void {
  const link = sharedLinkOf(planId);
  if (link === undefined) return;
  void import("../../persistence/sync/shared-plan.ts").then((m) => m.resumeSharedPlan(planId, link));
}

/** Reconnects the open plan if it is shared, and every shared plan opened from now on. */
export function watchSharedPlans(): () => void {
  resumeIfShared(useDocumentStore.getState().plan.id);
  return useDocumentStore.subscribe((state, previous) => {
    if (state.plan.id !== previous.plan.id) resumeIfShared(state.plan.id);
  });
}
