/** The client's reading of invitation links (src/domain/sync/invitation-link.ts) against the server's tokens. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newLinkId, newRoomId, signInvitation } from "../../../../server/invitations.ts";
import { joinTokenOf, readInvitationClaims, syncUrlOf } from "../../../../src/domain/sync/invitation-link.ts";

const secret = randomBytes(32);

describe("joinTokenOf", () => {
  it("reads the token of a join fragment", () => {
    expect(joinTokenOf("#join=pk1.abc-_.DEF")).toBe("pk1.abc-_.DEF");
  });

  it("ignores other fragments", () => {
    for (const hash of ["", "#map", "#pk1.abc", "#join=", "#join=a b", "#joinx=abc"]) {
      expect(joinTokenOf(hash)).toBeNull();
    }
  });
});

describe("readInvitationClaims", () => {
  it("reads room, role, link and expiry of every role's token the server signs", () => {
    for (const role of ["edit", "propose", "view"] as const) {
      const invitation = { room: newRoomId(), role, linkId: newLinkId(), expiresAt: 1_900_000_000_000 };
      const token = signInvitation(secret, invitation);
      expect(joinTokenOf(`#join=${token}`)).toBe(token);
      expect(readInvitationClaims(token)).toEqual(invitation);
    }
  });

  it("answers null for a token it cannot read", () => {
    const bad = Buffer.from(JSON.stringify({ r: "x", o: "admin", l: "y", x: 1 })).toString("base64url");
    for (const token of ["", "pk1", "pk1.!!!.x", `pk1.${bad}.mac`, "pk1.e30.mac"]) {
      expect(readInvitationClaims(token)).toBeNull();
    }
  });
});

describe("syncUrlOf", () => {
  it("is the WebSocket address of /sync on the same server", () => {
    expect(syncUrlOf("http://127.0.0.1:4173")).toBe("ws://127.0.0.1:4173/sync");
    expect(syncUrlOf("https://karte.example")).toBe("wss://karte.example/sync");
  });
});
