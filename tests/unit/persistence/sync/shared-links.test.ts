import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  forgetSharedLink,
  planOfRoom,
  rememberSharedLink,
  sharedLinkOf,
} from "../../../../src/persistence/sync/shared-links.ts";

/** A Map-backed localStorage (Node has none). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const KEY = "pilotkarte.shared-plans.v1";
const ROOM = "AbCdEfGhIjKlMnOpQrStUv";
const link = (role: "edit" | "propose" | "view", token = `pk1.${role}.sig`) => ({ room: ROOM, role, token });
let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe("shared links: which local plan belongs to which room", () => {
  it("remembers, finds by plan and by room, and forgets", () => {
    rememberSharedLink("plan-1", link("edit"));
    expect(sharedLinkOf("plan-1")).toEqual(link("edit"));
    expect(planOfRoom(ROOM)).toBe("plan-1");
    expect(planOfRoom("OtherRoom123456789012")).toBeUndefined();
    forgetSharedLink("plan-1");
    expect(sharedLinkOf("plan-1")).toBeUndefined();
  });

  it("keeps the link with more rights when a weaker one for the same room comes along", () => {
    rememberSharedLink("plan-1", link("edit"));
    rememberSharedLink("plan-1", link("view"));
    expect(sharedLinkOf("plan-1")?.role).toBe("edit");
    rememberSharedLink("plan-2", link("view"));
    rememberSharedLink("plan-2", link("propose"));
    expect(sharedLinkOf("plan-2")?.role).toBe("propose");
  });

  it("drops what is malformed and keeps the rest; broken JSON is no link at all", () => {
    storage.setItem(
      KEY,
      JSON.stringify({
        good: link("view"),
        badRole: { ...link("view"), role: "admin" },
        badToken: { ...link("view"), token: "<script>" },
        badRoom: { ...link("view"), room: "x" },
      }),
    );
    expect(sharedLinkOf("good")).toEqual(link("view"));
    for (const id of ["badRole", "badToken", "badRoom"]) expect(sharedLinkOf(id)).toBeUndefined();
    storage.setItem(KEY, "{not json");
    expect(sharedLinkOf("good")).toBeUndefined();
    rememberSharedLink("plan-3", link("edit"));
    expect(sharedLinkOf("plan-3")).toEqual(link("edit"));
  });
});
