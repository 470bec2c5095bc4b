/**
 * Which local plans are shared, and with which invitation: so that reopening such a plan (after a
 * reload, from the plan list, or from the same invitation link again) reconnects it to its room
 * instead of leaving it a local copy. Kept in localStorage under one key, a map from plan id to the
 * room, role and token; what is read back is checked, and anything malformed is dropped.
 *
 * This module is small on purpose: the app asks it at every plan change, and only loads the sync client
 * (Hocuspocus, Yjs) when the open plan is shared.
 */
import { parseSharedLink, type SharedLink } from "../../domain/validation/shared-link.schema.ts";

/** Key in localStorage. DO NOT RENAME without migrating the stored value. */
const STORAGE_KEY = "pilotkarte.shared-plans.v1";

export type { SharedLink };

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function readAll(): Record<string, SharedLink> {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== "object" || raw === null) return {};
  const links: Record<string, SharedLink> = {};
  for (const [planId, entry] of Object.entries(raw)) {
    const link = parseSharedLink(entry);
    if (link) links[planId] = link;
  }
  return links;
}

function writeAll(links: Record<string, SharedLink>): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(links));
  } catch {
    // Storage full or blocked: the plan stays shared for this session and is reconnected by its link.
  }
}

/** The invitation a local plan is shared with, if any. */
export function sharedLinkOf(planId: string): SharedLink | undefined {
  return readAll()[planId];
}

/** The local plan that is the copy of a room, if any. */
export function planOfRoom(room: string): string | undefined {
  return Object.entries(readAll()).find(([, link]) => link.room === room)?.[0];
}

/** Remembers that a local plan is shared (a link with more rights replaces one with fewer). */
export function rememberSharedLink(planId: string, link: SharedLink): void {
  const links = readAll();
  const rank = { view: 0, propose: 1, edit: 2 } as const;
  const known = links[planId];
  if (known && known.room === link.room && rank[known.role] > rank[link.role]) return;
  links[planId] = link;
  writeAll(links);
}

/** Forgets a plan's invitation (it stays a local plan). */
export function forgetSharedLink(planId: string): void {
  const links = readAll();
  if (!(planId in links)) return;
  delete links[planId];
  writeAll(links);
}
