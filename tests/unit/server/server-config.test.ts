/**
 * The sync server's settings (server/config.ts), its cache rules for the built app
 * (server/static-files.ts) and its reading of sync messages (server/sync-messages.ts).
 */
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, readConfig } from "../../../server/config.ts";
import { cacheControlFor, IMMUTABLE, REVALIDATE } from "../../../server/static-files.ts";
import { readMessage } from "../../../server/sync-messages.ts";

describe("readConfig", () => {
  it("defaults to this computer only, port 4173, and the stated limits", () => {
    const config = readConfig([], {});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4173,
      roomCreation: "loopback",
      dataDir: "server-data",
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it("reads --host alone as every interface, as vite preview did, and flags over the environment", () => {
    expect(readConfig(["--host"], {}).host).toBe("0.0.0.0");
    expect(readConfig(["--host", "10.0.0.2", "--port", "8080"], { PORT: "9000" })).toMatchObject({
      host: "10.0.0.2",
      port: 8080,
    });
  });

  it("refuses bad values with a readable message", () => {
    expect(() => readConfig([], { PILOTKARTE_MAX_MESSAGE_BYTES: "lots" })).toThrow(/positive integer/);
    expect(() => readConfig([], { PILOTKARTE_ROOM_CREATION: "all" })).toThrow(/loopback, token or anyone/);
    expect(() => readConfig([], { PILOTKARTE_ROOM_CREATION: "token" })).toThrow(/PILOTKARTE_ADMIN_TOKEN/);
  });
});

describe("cacheControlFor", () => {
  it("caches Vite's hashed assets for good and revalidates everything else", () => {
    expect(cacheControlFor("assets/index-DiwrgTda.js")).toBe(IMMUTABLE);
    expect(cacheControlFor("assets/noto-sans-latin-400-normal-BzY2b3Xx.woff2")).toBe(IMMUTABLE);
    expect(cacheControlFor("index.html")).toBe(REVALIDATE);
    expect(cacheControlFor("sw.js")).toBe(REVALIDATE);
    expect(cacheControlFor("manifest.webmanifest")).toBe(REVALIDATE);
    expect(cacheControlFor("generated/catalogue.json")).toBe(REVALIDATE);
  });
});

describe("readMessage", () => {
  /** A message to document "room": the given numbers as varUints, then an update if given. */
  const encode = (numbers: number[], update?: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, "room");
    for (const number of numbers) encoding.writeVarUint(encoder, number);
    if (update) encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  };

  it("finds the update in Update and SyncStep2 messages", () => {
    const update = new Uint8Array([1, 2, 3, 4]);
    expect(readMessage(encode([0, 2], update))).toEqual({
      documentName: "room",
      type: 0,
      update,
      isLiveUpdate: true,
    });
    expect(readMessage(encode([0, 1], update))).toMatchObject({ update, isLiveUpdate: false });
  });

  it("carries no update for SyncStep1, and undefined for garbage", () => {
    expect(readMessage(encode([0, 0]))?.update).toBeUndefined();
    expect(readMessage(new Uint8Array([200]))).toBeUndefined();
  });

  it("reads the entries of an awareness message; a cut-off one is undecodable", () => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 2);
    for (const [clientId, clock, state] of [
      [7, 3, '{"pilotkarte":{"v":1}}'],
      [9, 1, "null"],
    ] as const) {
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, state);
    }
    const awareness = encoding.toUint8Array(inner);
    expect(readMessage(encode([1], awareness))).toEqual({
      documentName: "room",
      type: 1,
      isLiveUpdate: false,
      awareness: [
        { clientId: 7, clock: 3, state: '{"pilotkarte":{"v":1}}' },
        { clientId: 9, clock: 1, state: "null" },
      ],
    });
    expect(readMessage(encode([1], awareness.slice(0, 5)))).toBeUndefined();
    expect(readMessage(encode([1]))).toBeUndefined();
  });
});
