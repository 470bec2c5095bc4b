/**
 * Rooms and invitations: who may open which document of a shared plan, and how much.
 *
 * A room is one shared plan, named by 128 random bits (22 base64url characters), with two Y.Docs:
 * the plan itself (`<room>`) and the proposals, votes and comments of the participants
 * (`<room>/proposals`). An invitation is a token the server signs (HMAC-SHA256 with its secret),
 * carrying the room, the role, the id of the link (to revoke it) and the expiry. Nobody can make or
 * change a token without the secret, and a room id cannot be guessed.
 *
 * Token format (DO NOT CHANGE WITHOUT ACCEPTING BOTH FORMATS FOR A WHILE: links are in people's mail):
 * `pk1.<base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, "pk1." + payload part))>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a link lets its holder do. */
export type Role = "edit" | "propose" | "view";
export const ROLES: readonly Role[] = ["edit", "propose", "view"];

/** Which of a room's two documents a connection asks for. */
export type DocumentKind = "plan" | "proposals";

/** The signed content of an invitation. */
export interface Invitation {
  room: string;
  role: Role;
  /** Id of the link, listed in the room's revocations when the link is revoked. */
  linkId: string;
  /** Expiry, milliseconds since 1970 (UTC). */
  expiresAt: number;
}

const TOKEN_PREFIX = "pk1";
const ROOM_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const LINK_PATTERN = /^[A-Za-z0-9_-]{12}$/;

/** A new room id: 128 random bits. */
export const newRoomId = (): string => randomBytes(16).toString("base64url");
/** A new link id: 72 random bits (it is never a secret on its own: the token is signed). */
export const newLinkId = (): string => randomBytes(9).toString("base64url");

export const isRoomId = (value: string): boolean => ROOM_PATTERN.test(value);
export const isLinkId = (value: string): boolean => LINK_PATTERN.test(value);

/** The document names of a room (the names Hocuspocus and the store use). */
export const documentNameOf = (room: string, kind: DocumentKind): string =>
  kind === "plan" ? room : `${room}/proposals`;

/** The room and kind of a document name, or undefined for a name that is not ours. */
export function parseDocumentName(name: string): { room: string; kind: DocumentKind } | undefined {
  const [room, suffix, ...rest] = name.split("/");
  if (room === undefined || !isRoomId(room) || rest.length > 0) return undefined;
  if (suffix === undefined) return { room, kind: "plan" };
  return suffix === "proposals" ? { room, kind: "proposals" } : undefined;
}

/**
 * Whether a role may write a document: editors write both, proposers only the proposals, viewers
 * nothing. The server makes every other connection read-only.
 */
export function mayWrite(role: Role, kind: DocumentKind): boolean {
  switch (role) {
    case "edit":
      return true;
    case "propose":
      return kind === "proposals";
    case "view":
      return false;
  }
}

const mac = (secret: Buffer, signed: string): Buffer => createHmac("sha256", secret).update(signed).digest();

/** Signs an invitation into a token. */
export function signInvitation(secret: Buffer, invitation: Invitation): string {
  const payload = Buffer.from(
    JSON.stringify({
      r: invitation.room,
      o: invitation.role,
      l: invitation.linkId,
      x: invitation.expiresAt,
    }),
  ).toString("base64url");
  const signed = `${TOKEN_PREFIX}.${payload}`;
  return `${signed}.${mac(secret, signed).toString("base64url")}`;
}

/** Why a token was refused (the reason is sent to the client and logged). */
export type TokenProblem = "malformed" | "bad-signature" | "expired";

export type VerifyResult = { ok: true; invitation: Invitation } | { ok: false; problem: TokenProblem };

function readPayload(part: string): Invitation | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { r, o, l, x } = value as Record<string, unknown>;
  if (typeof r !== "string" || !isRoomId(r)) return undefined;
  if (typeof o !== "string" || !(ROLES as readonly string[]).includes(o)) return undefined;
  if (typeof l !== "string" || !isLinkId(l)) return undefined;
  if (typeof x !== "number" || !Number.isFinite(x)) return undefined;
  return { room: r, role: o as Role, linkId: l, expiresAt: x };
}

/**
 * Checks a token's signature (in constant time) and expiry. Revocations are the caller's part: they
 * live in the store.
 */
export function verifyInvitation(secret: Buffer, token: string, now = Date.now()): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return { ok: false, problem: "malformed" };
  const [, payload = "", signature = ""] = parts;
  const expected = mac(secret, `${TOKEN_PREFIX}.${payload}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: "bad-signature" };
  }
  const invitation = readPayload(payload);
  if (invitation === undefined) return { ok: false, problem: "malformed" };
  if (invitation.expiresAt <= now) return { ok: false, problem: "expired" };
  return { ok: true, invitation };
}
