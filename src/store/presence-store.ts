/**
 * Who is in the shared plan right now ("Wer ist da"), as the sync client read it from the provider's
 * awareness (src/persistence/sync/presence.ts): this browser and the others, each checked and with a
 * colour. Session state only: never part of the plan document, never undoable, never saved.
 */
import { create } from "zustand";
import type { InvitationRole } from "../domain/sync/invitation-link.ts";

export interface Participant {
  /** The awareness client id (one per tab). */
  clientId: number;
  participant: string;
  /** "" when the participant chose no name (shown as "Gast N"). */
  name: string;
  role: InvitationRole;
  variantId: string | null;
  areaId: string | null;
  colour: string;
  self: boolean;
}

export interface PresenceStoreState {
  /** Everybody present, this tab first; empty while the open plan is not shared. */
  participants: Participant[];
  /** This browser's display name ("" until chosen) and whether it was asked for it already. */
  ownName: string;
  nameAsked: boolean;
  set(patch: Partial<Omit<PresenceStoreState, "set">>): void;
}

export const usePresenceStore = create<PresenceStoreState>()((set) => ({
  participants: [],
  ownName: "",
  nameAsked: true,
  set: (patch) => set(patch),
}));
