import { describe, expect, it } from "vitest";
import {
  MAX_PRESENTED_VARIANTS,
  parsePresenterMessage,
  presenterChannelName,
} from "../../../src/domain/workshop/presenter-messages.ts";

const state = {
  type: "state",
  planId: "plan-1",
  slideIndex: 3,
  variantIds: ["v1", "v2"],
  frozenAt: "2026-11-26T10:00:00.000Z",
  spotlight: { x: 0.25, y: 1 },
};

describe("presenter messages", () => {
  it("accepts hello, bye and a well-formed state", () => {
    expect(parsePresenterMessage({ type: "hello" })).toEqual({ type: "hello" });
    expect(parsePresenterMessage({ type: "bye" })).toEqual({ type: "bye" });
    expect(parsePresenterMessage(state)).toEqual(state);
    expect(parsePresenterMessage({ ...state, spotlight: null })).toEqual({ ...state, spotlight: null });
    expect(parsePresenterMessage({ ...state, blank: true })).toEqual({ ...state, blank: true });
    expect(parsePresenterMessage({ ...state, blank: false })).toEqual(state);
  });

  it("returns a fresh object without unknown keys", () => {
    const parsed = parsePresenterMessage({
      ...state,
      extra: "<img onerror>",
      spotlight: { x: 0, y: 0, z: 1 },
    });
    expect(parsed).toEqual({ ...state, spotlight: { x: 0, y: 0 } });
    expect(parsed).not.toBe(state);
    if (parsed?.type === "state") expect(parsed.variantIds).not.toBe(state.variantIds);
    expect(parsePresenterMessage({ type: "hello", planId: "x" })).toEqual({ type: "hello" });
  });

  it("rejects what is not a message", () => {
    for (const data of [
      null,
      undefined,
      5,
      "hello",
      [],
      ["state"],
      {},
      { type: "HELLO" },
      { type: "quit" },
    ]) {
      expect(parsePresenterMessage(data), JSON.stringify(data)).toBeNull();
    }
  });

  it("rejects a state with any malformed field", () => {
    const broken: Record<string, unknown>[] = [
      { planId: "" },
      { planId: 7 },
      { planId: "x".repeat(201) },
      { slideIndex: -1 },
      { slideIndex: 1.5 },
      { slideIndex: "3" },
      { slideIndex: Number.POSITIVE_INFINITY },
      { variantIds: [] },
      { variantIds: "v1" },
      { variantIds: ["v1", 2] },
      { variantIds: ["v1", "v1"] },
      { variantIds: Array.from({ length: MAX_PRESENTED_VARIANTS + 1 }, (_, i) => `v${i}`) },
      { frozenAt: "gestern" },
      { frozenAt: 1764150000000 },
      { spotlight: undefined },
      { spotlight: { x: 0.5 } },
      { spotlight: { x: 1.2, y: 0.5 } },
      { spotlight: { x: -0.1, y: 0.5 } },
      { spotlight: { x: Number.NaN, y: 0.5 } },
      { spotlight: [0.5, 0.5] },
      { blank: "yes" },
      { blank: 1 },
    ];
    for (const change of broken) {
      expect(parsePresenterMessage({ ...state, ...change }), JSON.stringify(change)).toBeNull();
    }
    const { frozenAt: _, ...withoutTime } = state;
    expect(parsePresenterMessage(withoutTime)).toBeNull();
  });

  it("accepts forwarded navigation, spotlight and blank keys, and nothing else", () => {
    for (const key of ["ArrowRight", "PageDown", "PageUp", "Home", "End", "2", " ", "s", "B", "."]) {
      expect(parsePresenterMessage({ type: "key", key, shiftKey: false }), key).toEqual({
        type: "key",
        key,
        shiftKey: false,
      });
    }
    for (const data of [
      { type: "key", key: "Escape", shiftKey: false },
      { type: "key", key: "F5", shiftKey: false },
      { type: "key", key: "x", shiftKey: false },
      { type: "key", key: "ArrowRight" },
      { type: "key", key: 39, shiftKey: false },
      { type: "key", key: "ArrowRight".repeat(3), shiftKey: false },
    ]) {
      expect(parsePresenterMessage(data), JSON.stringify(data)).toBeNull();
    }
  });

  it("names one channel per plan", () => {
    expect(presenterChannelName("a")).not.toBe(presenterChannelName("b"));
    expect(presenterChannelName("a")).toBe(presenterChannelName("a"));
  });
});
