/**
 * The app's shared (live) plan, on the Pilotkarte server: creating a room for the open plan
 * ("Gemeinsam bearbeiten") and joining one from an invitation link (`#join=<token>`). The plan is kept
 * in step through a Hocuspocus provider on the server's `/sync` and mirrored into the document store by
 * a SyncSession. The plan stays a normal local plan too (saved to IndexedDB by the workspace's
 * autosave), so it opens offline. The room's Y.Doc is kept in IndexedDB as well (y-indexeddb, one
 * database per room: it stores every Yjs update as it happens, so an edit made offline is a Yjs update
 * on disk that survives a reload and merges when the connection returns; a table of our own would
 * repeat what that library does). Which local plan belongs to which room is remembered
 * (shared-links.ts): reopening the plan reconnects it (`resumeSharedPlan`).
 *
 * One shared plan at a time: opening another plan (or sharing/joining again) ends the session.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { Plan } from "../../domain/model/plan.ts";
import { readInvitationClaims, syncUrlOf } from "../../domain/sync/invitation-link.ts";
import { readPlan } from "../../domain/sync/plan-ydoc.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { problemOfRefusal, type SharedProblem, useSharedPlanStore } from "../../store/shared-plan-store.ts";
import { startPresence } from "./presence.ts";
import {
  forgetSharedLink,
  planOfRoom,
  rememberSharedLink,
  type SharedLink,
  sharedLinkOf,
} from "./shared-links.ts";
import { type SyncSession, type SyncStart, startSyncSession } from "./sync-session.ts";

export type LinkRole = "edit" | "propose" | "view";

export interface RoomLink {
  role: LinkRole;
  linkId: string;
  token: string;
  url: string;
}

export interface CreatedRoom {
  room: string;
  expiresAt: string;
  links: RoomLink[];
}

/** Why a room could not be created: no server (static hosting), refused, or another failure. */
export class ShareServerError extends Error {
  constructor(
    readonly reason: "no-server" | "forbidden" | "failed",
    detail: string,
  ) {
    super(detail);
    this.name = "ShareServerError";
  }
}

const origin = () => window.location.origin;

/** Whether the app is served by the Pilotkarte server (its health check answers `{ ok: true }`). */
export async function syncServerAvailable(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(`${origin()}/api/health`, { cache: "no-store" });
    if (!response.ok) return false;
    const body = (await response.json()) as { ok?: unknown };
    return body.ok === true;
  } catch {
    return false;
  }
}

/** Creates a room on the server (POST /api/rooms) and answers its three links. */
export async function createRoom(fetchImpl: typeof fetch = fetch): Promise<CreatedRoom> {
  let response: Response;
  try {
    response = await fetchImpl(`${origin()}/api/rooms`, { method: "POST" });
  } catch (error) {
    throw new ShareServerError("no-server", String(error));
  }
  if (response.status === 404) throw new ShareServerError("no-server", "no rooms API here");
  const body = (await response.json().catch(() => ({}))) as Partial<CreatedRoom> & { message?: string };
  if (response.status === 403) throw new ShareServerError("forbidden", body.message ?? "forbidden");
  if (response.status !== 201 || !Array.isArray(body.links)) {
    throw new ShareServerError("failed", body.message ?? `HTTP ${response.status}`);
  }
  return body as CreatedRoom;
}

/**
 * Revokes one link of a room (POST /api/rooms/<room>/revoke). The server takes the room's edit link
 * as the facilitator's credential; the link's holders are disconnected at once and cannot join again.
 */
export async function revokeRoomLink(
  room: string,
  editToken: string,
  linkId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(`${origin()}/api/rooms/${encodeURIComponent(room)}/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${editToken}`, "content-type": "application/json" },
      body: JSON.stringify({ linkId }),
    });
  } catch (error) {
    throw new ShareServerError("no-server", String(error));
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  throw new ShareServerError(
    response.status === 403 ? "forbidden" : "failed",
    body.message ?? `HTTP ${response.status}`,
  );
}

interface Live {
  room: string;
  token: string;
  provider: HocuspocusProvider;
  /** The room's Y.Doc on disk (null where IndexedDB cannot be used). */
  local: IndexeddbPersistence | null;
  doc: Y.Doc;
  session: SyncSession | null;
  planId: string | null;
  unwatchPlan: () => void;
  stopPresence: () => void;
}

let live: Live | null = null;

/**
 * Ends the shared session (the plan stays open as a local plan). `problem`: why it ended (a revoked
 * or expired link), kept for the banner.
 */
export function leaveSharedPlan(problem: SharedProblem | null = null): void {
  if (live === null) return;
  const ending = live;
  live = null;
  ending.unwatchPlan();
  ending.stopPresence();
  ending.session?.stop();
  ending.provider.destroy();
  void ending.local?.destroy();
  ending.doc.destroy();
  useDocumentStore.getState().setReadOnly(false);
  useSharedPlanStore.getState().set({
    role: null,
    connection: problem === null ? "connecting" : "refused",
    unsynced: 0,
    problem,
  });
}

/** A refusal from the server: a revoked or expired link ends the session, others are shown. */
function refused(current: Live, reason: string): void {
  if (live !== current) return;
  const problem = problemOfRefusal(reason);
  if (problem === "revoked" || problem === "expired") {
    // The plan stays a local plan; reopening it no longer tries the dead link.
    const planId = planOfRoom(current.room);
    if (planId !== undefined && sharedLinkOf(planId)?.token === current.token) forgetSharedLink(planId);
    leaveSharedPlan(problem);
  } else useSharedPlanStore.getState().set({ connection: "refused", problem });
}

/** A provider on the room's plan document, reporting its connection into the shared-plan store. */
function connect(token: string, onFirstSync: (current: Live) => void): Live {
  const claims = readInvitationClaims(token);
  if (claims === null) throw new ShareServerError("failed", "unreadable invitation");
  const doc = new Y.Doc();
  const local = keepOnDisk(claims.room, doc);
  const shared = useSharedPlanStore.getState();
  shared.set({ role: claims.role, connection: "connecting", unsynced: 0, problem: null });
  let firstSyncDone = false;
  const current: Live = {
    room: claims.room,
    token,
    local,
    doc,
    session: null,
    planId: null,
    unwatchPlan: () => {},
    stopPresence: () => {},
    provider: new HocuspocusProvider({
      url: syncUrlOf(origin()),
      name: claims.room,
      document: doc,
      token,
      onStatus: ({ status }) => {
        if (live !== current) return;
        if (status === "disconnected") useSharedPlanStore.getState().set({ connection: "offline" });
      },
      onSynced: ({ state }) => {
        if (live !== current || !state) return;
        useSharedPlanStore.getState().set({ connection: "connected" });
        if (!firstSyncDone) {
          firstSyncDone = true;
          onFirstSync(current);
        }
      },
      onUnsyncedChanges: ({ number }) => {
        if (live === current) useSharedPlanStore.getState().set({ unsynced: number });
      },
      onAuthenticationFailed: ({ reason }) => refused(current, reason),
      // A link revoked while connected: the server closes the connection with this reason.
      onClose: ({ event }) => {
        if (event.reason?.startsWith("invitation-")) refused(current, event.reason);
      },
    }),
  };
  const { awareness } = current.provider;
  if (awareness) current.stopPresence = startPresence(awareness, claims.role);
  return current;
}

/** The database of a room's Y.Doc. DO NOT RENAME: it holds the offline edits of shared plans. */
const localDocName = (room: string) => `pilotkarte-room-${room}`;

function keepOnDisk(room: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === "undefined") return null;
  try {
    return new IndexeddbPersistence(localDocName(room), doc);
  } catch {
    return null;
  }
}

/** Remembers the open plan's invitation, so that reopening the plan reconnects it. */
function remember(token: string): void {
  const claims = readInvitationClaims(token);
  const planId = useDocumentStore.getState().plan.id;
  if (claims) rememberSharedLink(planId, { room: claims.room, role: claims.role, token });
}

/**
 * Reconnects a shared plan that was opened again (after a reload, or from the plan list): what is on
 * disk (including edits made offline) is mirrored at once, so the plan works without the server; the
 * provider merges both ways whenever it gets through. Nothing happens when that room is already live.
 */
export function resumeSharedPlan(planId: string, link: SharedLink): void {
  if (live !== null && live.room === link.room) return;
  leaveSharedPlan();
  let started = false;
  const start = (current: Live) => {
    if (started || live !== current || useDocumentStore.getState().plan.id !== planId) return;
    if (readPlan(current.doc) === null) return;
    started = true;
    mirror(current, "join-shared-plan");
  };
  const current = connect(link.token, (synced) => start(synced));
  live = current;
  void current.local?.whenSynced.then(() => start(current));
}

/**
 * Starts mirroring the store into the Y.Doc; a change of the open plan ends the shared session. A
 * viewer's store is kept read-only.
 */
function mirror(current: Live, start: SyncStart): void {
  current.session = startSyncSession(useDocumentStore, current.doc, start);
  current.planId = useDocumentStore.getState().plan.id;
  // Only the edit role changes the plan itself; a proposer's proposals go to the room's proposals
  // document, and the server refuses (and disconnects) a plan change from that link.
  const viewOnly = useSharedPlanStore.getState().role !== "edit";
  if (viewOnly) useDocumentStore.getState().setReadOnly(true);
  current.unwatchPlan = useDocumentStore.subscribe((state) => {
    if (live !== current) return;
    if (state.plan.id !== current.planId) leaveSharedPlan();
    // The tab coordination makes the tab editable once it holds the plan's lock: a viewer stays read-only.
    else if (viewOnly && !state.readOnly) state.setReadOnly(true);
  });
}

/**
 * Shares the open plan live: connects with the room's edit link and, once the (empty) room has
 * synced, uploads the plan into it. Resolves when the plan is in the room's Y.Doc.
 */
export function shareOpenPlan(editToken: string): Promise<void> {
  leaveSharedPlan();
  return new Promise((resolve) => {
    live = connect(editToken, (current) => {
      mirror(current, readPlan(current.doc) === null ? "share-local-plan" : "join-shared-plan");
      remember(editToken);
      resolve();
    });
  });
}

/**
 * Joins a room from an invitation token: once synced, the room's plan is stored as a local plan
 * (`adopt`: saved and opened by the workspace) and mirrored both ways from then on. A viewer's store
 * is read-only (remote changes still arrive).
 */
export function joinSharedPlan(token: string, adopt: (plan: Plan) => Promise<void>): void {
  leaveSharedPlan();
  live = connect(token, (current) => {
    const plan = readPlan(current.doc);
    if (plan === null) {
      useSharedPlanStore.getState().set({ problem: "empty-room" });
      return;
    }
    void adopt(plan).then(() => {
      if (live !== current) return;
      mirror(current, "join-shared-plan");
      remember(token);
    });
  });
}
