/**
 * The HTTP API for rooms, answered as JSON:
 * - `POST /api/rooms`: creates a room and answers its three invitation links (edit, propose, view).
 *   Who may call it is the room-creation policy (config.ts).
 * - `POST /api/rooms/<room>/revoke` with `{ "linkId": "…" }`: revokes a link and closes its live
 *   connections. Allowed with the room's edit link (`Authorization: Bearer <edit token>`) or the
 *   admin token: the facilitator holds the edit link.
 * - `GET /api/health`: `{ "ok": true }` for a load balancer or a start script.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RoomCreationPolicy } from "./config.ts";
import {
  isLinkId,
  isRoomId,
  newLinkId,
  newRoomId,
  ROLES,
  type Role,
  signInvitation,
  verifyInvitation,
} from "./invitations.ts";
import type { Logger } from "./logger.ts";
import type { SyncStore } from "./sync-store.ts";

export interface RoomsApiOptions {
  store: SyncStore;
  secret: Buffer;
  policy: RoomCreationPolicy;
  adminToken?: string;
  publicUrl?: string;
  invitationDays: number;
  log: Logger;
  /** Closes the live connections of a revoked link; answers how many. */
  closeLink: (linkId: string) => number;
}

export interface InvitationLink {
  role: Role;
  linkId: string;
  token: string;
  /** The address to open: the app with the token in the fragment (never sent to a server). */
  url: string;
}

const MAX_BODY_BYTES = 16 * 1024;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

const bearerOf = (request: IncomingMessage): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (given === undefined || expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Whether a request comes from this computer itself. A request that passed a reverse proxy on the
 * same computer also arrives from loopback: the proxy's forwarding headers rule it out.
 */
export function isDirectLoopback(request: IncomingMessage): boolean {
  const forwarded =
    request.headers["x-forwarded-for"] ?? request.headers.forwarded ?? request.headers["x-real-ip"];
  return LOOPBACK.has(request.socket.remoteAddress ?? "") && forwarded === undefined;
}

/** The host name of a Host header or an Origin, lower case, without port and brackets. */
function hostName(value: string): string {
  try {
    return new URL(value.includes("://") ? value : `http://${value}`).hostname
      .replace(/^\[|\]$/g, "")
      .toLowerCase();
  } catch {
    return "";
  }
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);

/**
 * Whether a request was sent by a page of another site (a browser adds Origin and Sec-Fetch-Site to
 * a POST): such a page must not create rooms or revoke links through the planner's browser.
 */
export function isCrossSite(request: IncomingMessage): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin === "null" || hostName(origin) !== hostName(request.headers.host ?? "");
}

/**
 * Whether this request may create a room under the policy. For `loopback`, the Host must name this
 * computer too: a site whose name resolves to 127.0.0.1 (DNS rebinding) is not "this computer".
 */
export function mayCreateRoom(
  options: Pick<RoomsApiOptions, "policy" | "adminToken">,
  request: IncomingMessage,
) {
  if (isCrossSite(request)) return false;
  if (sameSecret(bearerOf(request), options.adminToken)) return true;
  if (options.policy === "anyone") return true;
  return (
    options.policy === "loopback" &&
    isDirectLoopback(request) &&
    LOOPBACK_NAMES.has(hostName(request.headers.host ?? ""))
  );
}

function baseUrlOf(options: RoomsApiOptions, request: IncomingMessage): string {
  if (options.publicUrl) return options.publicUrl;
  const proto = request.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${proto}://${request.headers.host ?? "localhost"}`;
}

async function createRoom(options: RoomsApiOptions, request: IncomingMessage, response: ServerResponse) {
  if (!mayCreateRoom(options, request)) {
    options.log("warn", "room creation refused", { from: request.socket.remoteAddress });
    send(response, 403, {
      error: "forbidden",
      message:
        options.policy === "token"
          ? "Creating rooms needs the admin token (Authorization: Bearer …)."
          : "Creating rooms is allowed from this computer only, or with the admin token.",
    });
    return;
  }
  const room = newRoomId();
  const expiresAt = Date.now() + options.invitationDays * 24 * 60 * 60 * 1000;
  const base = baseUrlOf(options, request);
  const links: InvitationLink[] = ROLES.map((role) => {
    const linkId = newLinkId();
    const token = signInvitation(options.secret, { room, role, linkId, expiresAt });
    return { role, linkId, token, url: `${base}/#join=${token}` };
  });
  await options.store.createRoom(
    room,
    links.map(({ role, linkId }) => ({ role, linkId })),
  );
  options.log("info", "room created", { room });
  send(response, 201, { room, expiresAt: new Date(expiresAt).toISOString(), links });
}

async function revokeLink(
  options: RoomsApiOptions,
  room: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const token = bearerOf(request);
  const checked = token === undefined ? undefined : verifyInvitation(options.secret, token);
  const isFacilitator =
    checked?.ok === true &&
    checked.invitation.room === room &&
    checked.invitation.role === "edit" &&
    !(await options.store.isRevoked(room, checked.invitation.linkId));
  if (isCrossSite(request) || (!isFacilitator && !sameSecret(token, options.adminToken))) {
    send(response, 403, {
      error: "forbidden",
      message: "Revoking needs the room's edit link or the admin token.",
    });
    return;
  }
  const body = (await readJson(request)) as { linkId?: unknown };
  const linkId = typeof body.linkId === "string" ? body.linkId : "";
  if (!isLinkId(linkId) || !(await options.store.revokeLink(room, linkId))) {
    send(response, 404, { error: "not-found", message: "This room has no such link." });
    return;
  }
  const closed = options.closeLink(linkId);
  options.log("info", "link revoked", { room, link: linkId, closedConnections: closed });
  send(response, 200, { room, revoked: linkId, closedConnections: closed });
}

/** Answers an /api/ request; false when the path is not part of the API. */
export async function handleRoomsApi(
  options: RoomsApiOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const { pathname } = new URL(request.url ?? "/", "http://local");
  if (!pathname.startsWith("/api/")) return false;
  try {
    if (pathname === "/api/health" && request.method === "GET") {
      send(response, 200, { ok: true });
    } else if (pathname === "/api/rooms" && request.method === "POST") {
      await createRoom(options, request, response);
    } else {
      const revoke = /^\/api\/rooms\/([^/]+)\/revoke$/.exec(pathname);
      if (revoke?.[1] && isRoomId(revoke[1]) && request.method === "POST") {
        await revokeLink(options, revoke[1], request, response);
      } else {
        send(response, 404, { error: "not-found", message: `No API at ${request.method} ${pathname}.` });
      }
    }
  } catch (error) {
    options.log("error", "API request failed", { path: pathname, error: String(error) });
    if (!response.headersSent) send(response, 400, { error: "bad-request", message: String(error) });
  }
  return true;
}
