/**
 * Presence of a shared plan through the Hocuspocus provider's awareness: announces this browser's
 * display name, role, open variant and selected area, and reads everybody's announcements into the
 * presence store (each checked by `parsePresence`; what does not match is ignored). Awareness is not
 * part of the Y.Doc: nothing here is stored on the server or enters the undo history.
 *
 * The participant id and the chosen name are remembered in localStorage (this browser only).
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { InvitationRole } from "../../domain/sync/invitation-link.ts";
import {
  assignPresenceColours,
  cleanDisplayName,
  isParticipantId,
  PRESENCE_FIELD,
  type PresenceState,
  parsePresence,
  participantIdFrom,
} from "../../domain/sync/presence.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { type Participant, usePresenceStore } from "../../store/presence-store.ts";
import { useSessionStore } from "../../store/session-store.ts";

type Awareness = NonNullable<HocuspocusProvider["awareness"]>;

const PARTICIPANT_KEY = "pilotkarte.presence.participant";
const NAME_KEY = "pilotkarte.presence.name";
/** Most participants listed (the server allows 100 connections per room). */
const MAX_LISTED = 100;

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the value lasts for this page only.
  }
}

/** This browser's participant id, made and remembered on first use. */
function ownParticipant(): string {
  const known = stored(PARTICIPANT_KEY);
  if (isParticipantId(known)) return known;
  const id = participantIdFrom(crypto.getRandomValues(new Uint8Array(16)));
  remember(PARTICIPANT_KEY, id);
  return id;
}

let active: { publish: () => void } | null = null;

/** Sets (and remembers) this browser's display name; "" goes back to "Gast N". */
export function setOwnName(input: string): void {
  const name = cleanDisplayName(input);
  remember(NAME_KEY, name);
  usePresenceStore.getState().set({ ownName: name, nameAsked: true });
  active?.publish();
}

/** Closes the one-time question for a name without choosing one (the guest name stays). */
export function skipOwnName(): void {
  remember(NAME_KEY, "");
  usePresenceStore.getState().set({ nameAsked: true });
}

/** Everybody's checked presence, this tab first, with colours. */
function readParticipants(awareness: Awareness): Participant[] {
  const states: { clientId: number; presence: PresenceState }[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const presence = parsePresence(state);
    if (presence) states.push({ clientId, presence });
    if (states.length >= MAX_LISTED) break;
  }
  const colours = assignPresenceColours(states.map((each) => each.presence.participant));
  return states
    .map(({ clientId, presence }) => ({
      clientId,
      participant: presence.participant,
      name: presence.name,
      role: presence.role,
      variantId: presence.variantId,
      areaId: presence.areaId,
      colour: colours.get(presence.participant) ?? "#000000",
      self: clientId === awareness.clientID,
    }))
    .sort((a, b) => Number(b.self) - Number(a.self) || a.clientId - b.clientId);
}

/** Starts announcing and listening; answers the function that stops both. */
export function startPresence(awareness: Awareness, role: InvitationRole): () => void {
  const participant = ownParticipant();
  const rememberedName = stored(NAME_KEY);
  usePresenceStore.getState().set({
    ownName: cleanDisplayName(rememberedName ?? ""),
    // Asked once: a browser that never answered is asked when it first joins a shared plan.
    nameAsked: rememberedName !== null,
  });
  let last = "";
  const publish = () => {
    const documentState = useDocumentStore.getState();
    const state: PresenceState = {
      v: 1,
      participant,
      name: usePresenceStore.getState().ownName,
      role,
      variantId: documentState.activeVariantId,
      areaId: useSessionStore.getState().selectedAreaId,
    };
    const text = JSON.stringify(state);
    if (text === last) return;
    last = text;
    awareness.setLocalStateField(PRESENCE_FIELD, state);
  };
  const onChange = () => usePresenceStore.getState().set({ participants: readParticipants(awareness) });
  awareness.on("change", onChange);
  const unwatchSession = useSessionStore.subscribe(publish);
  const unwatchDocument = useDocumentStore.subscribe(publish);
  const current = { publish };
  active = current;
  publish();
  onChange();
  return () => {
    awareness.off("change", onChange);
    unwatchSession();
    unwatchDocument();
    if (active === current) active = null;
    usePresenceStore.getState().set({ participants: [] });
  };
}
