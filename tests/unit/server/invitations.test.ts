/**
 * Invitations of the sync server (server/invitations.ts): signed tokens with room, role, link and
 * expiry; document names of a room; which role may write which document.
 */
import { describe, expect, it } from "vitest";
import {
  documentNameOf,
  type Invitation,
  mayWrite,
  newLinkId,
  newRoomId,
  parseDocumentName,
  signInvitation,
  verifyInvitation,
} from "../../../server/invitations.ts";

const secret = Buffer.from("a".repeat(64));
const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  room: newRoomId(),
  role: "propose",
  linkId: newLinkId(),
  expiresAt: Date.now() + 60_000,
  ...overrides,
});

describe("invitations", () => {
  describe("ids", () => {
    it("makes room ids of 128 random bits, never the same twice", () => {
      const ids = new Set(Array.from({ length: 1000 }, newRoomId));
      expect(ids.size).toBe(1000);
      for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(16);
    });
  });

  describe("signInvitation and verifyInvitation", () => {
    it("reads back what was signed", () => {
      const signed = invitation();
      expect(verifyInvitation(secret, signInvitation(secret, signed))).toEqual({
        ok: true,
        invitation: signed,
      });
    });

    it("refuses an expired token", () => {
      const token = signInvitation(secret, invitation({ expiresAt: 1000 }));
      expect(verifyInvitation(secret, token)).toEqual({ ok: false, problem: "expired" });
    });

    it("refuses a token whose payload was changed, or signed with another secret", () => {
      const token = signInvitation(secret, invitation({ role: "view" }));
      const [prefix, payload, signature] = token.split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
      const changed = Buffer.from(JSON.stringify({ ...claims, o: "edit" })).toString("base64url");
      expect(verifyInvitation(secret, `${prefix}.${changed}.${signature}`)).toEqual({
        ok: false,
        problem: "bad-signature",
      });
      expect(verifyInvitation(Buffer.from("b".repeat(64)), token)).toEqual({
        ok: false,
        problem: "bad-signature",
      });
    });

    it("refuses malformed tokens without throwing", () => {
      for (const token of ["", "pk1", "pk1..", "pk2.a.b", "pk1.a.b.c", "x".repeat(500)]) {
        const result = verifyInvitation(secret, token);
        expect(result.ok).toBe(false);
      }
    });

    it("refuses a well-signed payload that is not an invitation", () => {
      const token = signInvitation(secret, invitation({ role: "admin" as never }));
      expect(verifyInvitation(secret, token)).toEqual({ ok: false, problem: "malformed" });
    });
  });

  describe("documents of a room", () => {
    it("names the plan and the proposals, and reads the names back", () => {
      const room = newRoomId();
      expect(parseDocumentName(documentNameOf(room, "plan"))).toEqual({ room, kind: "plan" });
      expect(parseDocumentName(documentNameOf(room, "proposals"))).toEqual({ room, kind: "proposals" });
      expect(parseDocumentName(`${room}/other`)).toBeUndefined();
      expect(parseDocumentName(`${room}/proposals/x`)).toBeUndefined();
      expect(parseDocumentName("short")).toBeUndefined();
    });

    it("lets editors write both documents, proposers only the proposals, viewers nothing", () => {
      expect([mayWrite("edit", "plan"), mayWrite("edit", "proposals")]).toEqual([true, true]);
      expect([mayWrite("propose", "plan"), mayWrite("propose", "proposals")]).toEqual([false, true]);
      expect([mayWrite("view", "plan"), mayWrite("view", "proposals")]).toEqual([false, false]);
    });
  });
});
