/**
 * What the UI needs to know about a shared (live) plan: the role in its room, the connection, and how
 * many local changes the server has not acknowledged yet. Written by the sync client
 * (src/persistence/sync/shared-plan.ts), read by the save indicator and the banners.
 */
import { create } from "zustand";
import type { InvitationRole } from "../domain/sync/invitation-link.ts";

/** connecting: first contact; connected: the server has the plan; offline: waiting to reconnect. */
export type SharedConnection = "connecting" | "connected" | "offline" | "refused";

export type SharedProblem = "refused" | "revoked" | "expired" | "empty-room" | "no-server";

/** The banner's problem for a refusal reason of the server ("invitation-revoked", ...). */
export function problemOfRefusal(reason: string): SharedProblem {
  if (reason.startsWith("invitation-revoked")) return "revoked";
  if (reason.startsWith("invitation-expired")) return "expired";
  return "refused";
}

export interface SharedPlanState {
  /** Null while the open plan is not shared. */
  role: InvitationRole | null;
  connection: SharedConnection;
  /** Local changes the server has not acknowledged yet. */
  unsynced: number;
  /**
   * Why joining failed or ended, shown in a banner: the link was revoked or has expired, the server
   * refused it otherwise, or the room holds no plan.
   */
  problem: SharedProblem | null;
  set(patch: Partial<Omit<SharedPlanState, "set">>): void;
}

export const useSharedPlanStore = create<SharedPlanState>()((set) => ({
  role: null,
  connection: "connecting",
  unsynced: 0,
  problem: null,
  set: (patch) => set(patch),
}));

/** The save indicator's wording for a shared plan: synchronised, connected (sending), or offline with N. */
export type SharedSaveState = "synced" | "connected" | "offline" | "connecting";

export function sharedSaveState(connection: SharedConnection, unsynced: number): SharedSaveState {
  if (connection === "offline" || connection === "refused") return "offline";
  if (connection === "connecting") return "connecting";
  return unsynced > 0 ? "connected" : "synced";
}
