/**
 * The client's side of an invitation link (`<app>/#join=<token>`, made by the server's rooms API):
 * reading the token from the address and what it says (room, role, expiry). The client does not check
 * the signature (it cannot: the secret is the server's); the server checks it on connecting.
 */
export type InvitationRole = "edit" | "propose" | "view";

export interface InvitationClaims {
  room: string;
  role: InvitationRole;
  linkId: string;
  expiresAt: number;
}

const JOIN_HASH = /^#join=([A-Za-z0-9._-]+)$/;

/** The token of a join fragment ("#join=<token>"), or null for any other fragment. */
export function joinTokenOf(hash: string): string | null {
  return JOIN_HASH.exec(hash)?.[1] ?? null;
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const ROLES: readonly InvitationRole[] = ["edit", "propose", "view"];

/** What a token claims (`<prefix>.<payload>.<mac>`, payload base64url JSON), or null when unreadable. */
export function readInvitationClaims(token: string): InvitationClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>;
    const { r, o, l, x } = payload;
    if (typeof r !== "string" || typeof l !== "string" || typeof x !== "number") return null;
    if (!ROLES.includes(o as InvitationRole)) return null;
    return { room: r, role: o as InvitationRole, linkId: l, expiresAt: x };
  } catch {
    return null;
  }
}

/** The sync endpoint of the server that serves the app at `origin` (http → ws, https → wss). */
export function syncUrlOf(origin: string): string {
  return `${origin.replace(/^http/, "ws")}/sync`;
}
