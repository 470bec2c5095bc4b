/**
 * Opening an invitation link (`#join=<token>`): once the workspace has started, the room's plan is
 * joined, stored as a local plan and opened (src/persistence/sync/shared-plan.ts).
 */
import { joinTokenOf } from "../../domain/sync/invitation-link.ts";
import { workspace } from "../../persistence/instance.ts";
import { joinSharedPlan } from "../../persistence/sync/shared-plan.ts";

/** Joins the room of the address's invitation link, if it has one. */
export function joinFromAddress(): void {
  const token = joinTokenOf(window.location.hash);
  if (token === null) return;
  joinSharedPlan(token, (plan) => workspace.createPlan(() => plan));
}
