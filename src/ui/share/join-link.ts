/**
 * Opening an invitation link (`#join=<token>`): once the workspace has started, the room's plan is
 * joined, stored as a local plan and opened (src/persistence/sync/shared-plan.ts). A room this browser
 * already has a plan of opens that plan again (reconnected, with what was edited offline) instead of
 * making a second copy.
 */
import { joinTokenOf, readInvitationClaims } from "../../domain/sync/invitation-link.ts";
import { workspace } from "../../persistence/instance.ts";
import { forgetSharedLink, planOfRoom, rememberSharedLink } from "../../persistence/sync/shared-links.ts";
import { joinSharedPlan, resumeSharedPlan } from "../../persistence/sync/shared-plan.ts";

/** Joins the room of the address's invitation link, if it has one. */
export async function joinFromAddress(): Promise<void> {
  const token = joinTokenOf(window.location.hash);
  if (token === null) return;
  const claims = readInvitationClaims(token);
  const existing = claims ? planOfRoom(claims.room) : undefined;
  if (claims && existing !== undefined) {
    const link = { room: claims.room, role: claims.role, token };
    if (await workspace.openPlan(existing)) {
      rememberSharedLink(existing, link);
      resumeSharedPlan(existing, link);
      return;
    }
    // The local copy is gone (deleted): join afresh.
    forgetSharedLink(existing);
  }
  joinSharedPlan(token, (plan) => workspace.createPlan(() => plan));
}
