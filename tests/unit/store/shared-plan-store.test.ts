/** The save indicator's state of a shared plan (src/store/shared-plan-store.ts). */
import { describe, expect, it } from "vitest";
import { problemOfRefusal, sharedSaveState } from "../../../src/store/shared-plan-store.ts";

describe("sharedSaveState", () => {
  it("is synchronised when connected with nothing pending, connected while changes are under way", () => {
    expect(sharedSaveState("connected", 0)).toBe("synced");
    expect(sharedSaveState("connected", 3)).toBe("connected");
  });

  it("is offline (with the pending count shown) when disconnected or refused", () => {
    expect(sharedSaveState("offline", 0)).toBe("offline");
    expect(sharedSaveState("offline", 5)).toBe("offline");
    expect(sharedSaveState("refused", 1)).toBe("offline");
  });

  it("is connecting before the first contact", () => {
    expect(sharedSaveState("connecting", 0)).toBe("connecting");
  });
});

describe("problemOfRefusal", () => {
  it("tells a revoked and an expired link apart from other refusals", () => {
    expect(problemOfRefusal("invitation-revoked")).toBe("revoked");
    expect(problemOfRefusal("invitation-expired")).toBe("expired");
    expect(problemOfRefusal("invitation-bad-signature")).toBe("refused");
    expect(problemOfRefusal("room-full: at most 100 connections per room")).toBe("refused");
    expect(problemOfRefusal("permission-denied")).toBe("refused");
  });
});
