/** Presence in a shared plan (src/domain/sync/presence.ts): checking others' states, names, colours. */
import { describe, expect, it } from "vitest";
import {
  assignPresenceColours,
  cleanDisplayName,
  guestNumber,
  isParticipantId,
  PRESENCE_COLOURS,
  PRESENCE_FIELD,
  PRESENCE_LIMITS,
  parsePresence,
  participantIdFrom,
} from "../../../../src/domain/sync/presence.ts";

const valid = {
  v: 1,
  participant: "abcDEF123_-xyz99",
  name: "Anna (Tiefbau)",
  role: "edit",
  variantId: "v1",
  areaId: "a1",
};
const state = (presence: unknown) => ({ [PRESENCE_FIELD]: presence });

describe("parsePresence", () => {
  it("reads a well-formed presence", () => {
    expect(parsePresence(state(valid))).toEqual(valid);
    expect(parsePresence(state({ ...valid, variantId: null, areaId: null, name: "" }))).toEqual({
      ...valid,
      variantId: null,
      areaId: null,
      name: "",
    });
  });

  it("ignores states without a presence, and other awareness fields", () => {
    expect(parsePresence(null)).toBeNull();
    expect(parsePresence("text")).toBeNull();
    expect(parsePresence({})).toBeNull();
    expect(parsePresence({ user: { name: "x" } })).toBeNull();
    expect(parsePresence({ ...state(valid), cursor: { x: 1 } })).toEqual(valid);
  });

  it("refuses wrong shapes: unknown role or version, extra keys, wrong types", () => {
    const wrong: unknown[] = [
      { ...valid, role: "admin" },
      { ...valid, v: 2 },
      { ...valid, extra: "<img src=x onerror=alert(1)>" },
      { ...valid, name: 42 },
      { ...valid, name: { toString: "x" } },
      { ...valid, areaId: 7 },
      { ...valid, variantId: "" },
      { ...valid, participant: "short" },
      { ...valid, participant: "has spaces in it!" },
      [valid],
      "{}",
    ];
    for (const presence of wrong) expect(parsePresence(state(presence)), JSON.stringify(presence)).toBeNull();
    const { role: _role, ...withoutRole } = valid;
    expect(parsePresence(state(withoutRole))).toBeNull();
  });

  it("refuses names and ids over their length limits", () => {
    expect(parsePresence(state({ ...valid, name: "x".repeat(PRESENCE_LIMITS.name) }))?.name).toHaveLength(
      PRESENCE_LIMITS.name,
    );
    expect(parsePresence(state({ ...valid, name: "x".repeat(PRESENCE_LIMITS.name + 1) }))).toBeNull();
    expect(parsePresence(state({ ...valid, name: "x".repeat(100_000) }))).toBeNull();
    expect(parsePresence(state({ ...valid, areaId: "a".repeat(PRESENCE_LIMITS.id + 1) }))).toBeNull();
    expect(parsePresence(state({ ...valid, participant: "a".repeat(33) }))).toBeNull();
  });

  it("cleans a received name of control and direction-override characters", () => {
    expect(parsePresence(state({ ...valid, name: "  Eve\u202egnp.exe\u0007 " }))?.name).toBe("Evegnp.exe");
  });
});

describe("cleanDisplayName", () => {
  it("collapses spaces, trims and cuts to the limit without splitting a character", () => {
    expect(cleanDisplayName("  Anna \n\t Müller  ")).toBe("Anna Müller");
    expect(cleanDisplayName("\u200b\u2066x\u2069\ufeff")).toBe("x");
    const emoji = "😀".repeat(50);
    expect(Array.from(cleanDisplayName(emoji))).toHaveLength(PRESENCE_LIMITS.name);
    expect(cleanDisplayName(emoji)).toBe("😀".repeat(PRESENCE_LIMITS.name));
  });
});

describe("participant ids and guest numbers", () => {
  it("makes ids that pass its own check", () => {
    const id = participantIdFrom(new Uint8Array(16).map((_, i) => i * 37));
    expect(id).toHaveLength(16);
    expect(isParticipantId(id)).toBe(true);
    expect(isParticipantId("x")).toBe(false);
    expect(isParticipantId(null)).toBe(false);
  });

  it("gives a stable guest number between 2 and 99", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `participant-${i}`);
    for (const id of ids) {
      expect(guestNumber(id)).toBe(guestNumber(id));
      expect(guestNumber(id)).toBeGreaterThanOrEqual(2);
      expect(guestNumber(id)).toBeLessThanOrEqual(99);
    }
    expect(new Set(ids.map(guestNumber)).size).toBeGreaterThan(50);
  });
});

describe("assignPresenceColours", () => {
  const ids = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee", "ffffffff"];

  it("gives every participant a colour of the palette, different ones while the palette lasts", () => {
    const colours = assignPresenceColours(ids);
    expect(colours.size).toBe(ids.length);
    for (const colour of colours.values()) expect(PRESENCE_COLOURS).toContain(colour);
    expect(new Set(colours.values()).size).toBe(PRESENCE_COLOURS.length);
  });

  it("answers the same whatever the order (every browser sees the same colours)", () => {
    const forward = assignPresenceColours(ids);
    const backward = assignPresenceColours([...ids].reverse());
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  it("keeps a participant's colour when others come and go, unless two want the same one", () => {
    const alone = assignPresenceColours(["aaaaaaaa"]).get("aaaaaaaa");
    // Whoever is alone gets their preferred colour; it is theirs on every visit.
    expect(assignPresenceColours(["aaaaaaaa"]).get("aaaaaaaa")).toBe(alone);
    // The smallest id always keeps its preferred colour.
    expect(assignPresenceColours(ids).get("aaaaaaaa")).toBe(alone);
  });

  it("repeats colours only beyond the palette", () => {
    const many = Array.from({ length: 10 }, (_, i) => `participant-${i}`);
    const colours = assignPresenceColours(many);
    expect(colours.size).toBe(10);
    expect(new Set(colours.values()).size).toBe(PRESENCE_COLOURS.length);
    expect(assignPresenceColours(["x1234567", "x1234567"]).size).toBe(1);
  });
});
