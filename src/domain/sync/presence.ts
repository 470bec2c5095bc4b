/**
 * Presence in a shared plan ("Wer ist da"): what each participant tells the others through the sync
 * provider's awareness (never through the Y.Doc, so it is neither stored nor undoable), how a received
 * state is checked, and which colour each participant gets.
 *
 * Awareness from others is untrusted: anyone holding a link can send any JSON there. A state is used
 * only when it matches the shape below exactly (lengths included); everything else is ignored. Names
 * are cleaned of control and bidirectional-override characters and are only ever rendered as text.
 */
import * as v from "valibot";
import type { InvitationRole } from "./invitation-link.ts";

/** The awareness field that holds a Pilotkarte presence (other fields of a state are ignored). */
export const PRESENCE_FIELD = "pilotkarte";

export const PRESENCE_LIMITS = {
  /** Characters of a display name (after cleaning). */
  name: 40,
  /** Characters of a variant or area id (the plan schema allows longer ids; presence does not need them). */
  id: 100,
} as const;

/** What one participant announces. `name` "" means "no name chosen" (shown as "Gast N"). */
export interface PresenceState {
  v: 1;
  /** A random id the browser keeps (stable across visits): colour and guest number come from it. */
  participant: string;
  name: string;
  role: InvitationRole;
  /** The variant the participant has open, and the area selected in it (null: none). */
  variantId: string | null;
  areaId: string | null;
}

const PARTICIPANT = /^[A-Za-z0-9_-]{8,32}$/;

const shortId = v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(PRESENCE_LIMITS.id)));

const PresenceSchema = v.strictObject({
  v: v.literal(1),
  participant: v.pipe(v.string(), v.regex(PARTICIPANT)),
  name: v.pipe(v.string(), v.maxLength(PRESENCE_LIMITS.name)),
  role: v.picklist(["edit", "propose", "view"]),
  variantId: shortId,
  areaId: shortId,
});

/** Control characters, bidirectional overrides and isolates, and zero-width characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** A display name as shown and sent: unsafe characters removed, spaces collapsed, at most 40 characters. */
export function cleanDisplayName(input: string): string {
  const cleaned = input.replace(UNSAFE_CHARACTERS, "").replace(/\s+/g, " ").trim();
  // Cut by code points, so a surrogate pair is never split.
  return Array.from(cleaned).slice(0, PRESENCE_LIMITS.name).join("").trim();
}

/**
 * One participant's presence from an awareness state (the whole state object of one client), or null
 * when it has none or it does not match the shape.
 */
export function parsePresence(awarenessState: unknown): PresenceState | null {
  if (typeof awarenessState !== "object" || awarenessState === null) return null;
  const field = (awarenessState as Record<string, unknown>)[PRESENCE_FIELD];
  const result = v.safeParse(PresenceSchema, field, { abortEarly: true });
  if (!result.success) return null;
  const name = cleanDisplayName(result.output.name);
  return { ...result.output, name };
}

/** A new participant id (16 URL-safe characters from the given random bytes, at least 12). */
export function participantIdFrom(bytes: Uint8Array): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return Array.from(bytes.slice(0, 16), (byte) => alphabet[byte & 63]).join("");
}

/** Whether a remembered participant id is still usable. */
export const isParticipantId = (value: unknown): value is string =>
  typeof value === "string" && PARTICIPANT.test(value);

/** FNV-1a over the id's characters: a small stable number per participant. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The number of an unnamed participant's "Gast N" (2 to 99, stable per participant). */
export const guestNumber = (participant: string): number => (hashOf(participant) % 98) + 2;

/**
 * Presence colours: Paul Tol's "bright" scheme without its grey, made to stay apart for the common
 * colour-vision deficiencies. It differs from the areas' Okabe-Ito colours, so an outline in a
 * participant's colour stands out from the area's own colour.
 */
export const PRESENCE_COLOURS = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377"] as const;

/**
 * Colours for the participants present (each id once; order does not matter). Every participant has a
 * preferred colour from their id, so they keep it from visit to visit; when two prefer the same one,
 * the smaller id keeps it and the other takes the next free colour. Every browser computes the same
 * answer from the same set of ids. With more participants than colours, colours repeat.
 */
export function assignPresenceColours(participants: Iterable<string>): Map<string, string> {
  const ids = [...new Set(participants)].sort();
  const count = PRESENCE_COLOURS.length;
  const taken = new Set<number>();
  const colours = new Map<string, string>();
  for (const id of ids) {
    const preferred = hashOf(id) % count;
    let index = preferred;
    for (let step = 0; step < count && taken.has(index); step++) index = (preferred + step + 1) % count;
    if (taken.size >= count) index = preferred;
    taken.add(index);
    colours.set(id, PRESENCE_COLOURS[index] as string);
  }
  return colours;
}
