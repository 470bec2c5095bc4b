import { afterEach, describe, expect, it, vi } from "vitest";
import { newAreaId, newId, uuidFromRandomBytes } from "../../../../src/domain/model/ids.ts";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("returns a version-4 UUID, different on every call", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it("still returns a version-4 UUID where crypto.randomUUID is missing (plain http on a LAN)", () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    expect(newId()).toMatch(UUID_V4);
    expect(newAreaId()).not.toBe(newAreaId());
  });
});

describe("uuidFromRandomBytes", () => {
  it("sets the version and variant bits and keeps the other bits", () => {
    expect(uuidFromRandomBytes(new Uint8Array(16).fill(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(uuidFromRandomBytes(new Uint8Array(16))).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("does not change the bytes it is given", () => {
    const bytes = new Uint8Array(16).fill(0xff);
    uuidFromRandomBytes(bytes);
    expect([...bytes]).toEqual(new Array(16).fill(0xff));
  });

  it("throws when it gets other than 16 bytes", () => {
    expect(() => uuidFromRandomBytes(new Uint8Array(15))).toThrow("needs 16 bytes, got 15");
  });
});
