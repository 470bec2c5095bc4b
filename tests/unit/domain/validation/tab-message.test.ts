/**
 * The schemas of what other tabs send over the BroadcastChannel and of the view state stored per
 * plan: anything that does not match is ignored (messages) or replaced by defaults (view state).
 */
import { describe, expect, it } from "vitest";
import { parseTabMessage, parseViewState } from "../../../../src/domain/validation/tab-message.schema.ts";
import { VALIDATION_CODES } from "../../../../src/domain/validation/validation-problem.ts";
import { de } from "../../../../src/i18n/messages/de.ts";
import { en } from "../../../../src/i18n/messages/en.ts";

describe("messages between tabs", () => {
  it("accepts each message type of the protocol, as a fresh object without unknown keys", () => {
    for (const type of ["saved", "flush-request", "flushed", "trashed", "restored"] as const) {
      const sent = { type, planId: "plan-1", tab: "t1", extra: "<img onerror>" };
      const parsed = parseTabMessage(sent);
      expect(parsed).toEqual({ type, planId: "plan-1", tab: "t1" });
      expect(parsed).not.toBe(sent);
    }
  });

  it("ignores everything else: other types, missing or malformed fields, other values", () => {
    for (const data of [
      null,
      undefined,
      "saved",
      42,
      [],
      {},
      { type: "saved" },
      { type: "saved", planId: "p" },
      { type: "saved", planId: 7, tab: "t" },
      { type: "saved", planId: "", tab: "t" },
      { type: "saved", planId: "p".repeat(201), tab: "t" },
      { type: "delete-everything", planId: "p", tab: "t" },
      { type: "SAVED", planId: "p", tab: "t" },
    ]) {
      expect(parseTabMessage(data), JSON.stringify(data)).toBeNull();
    }
  });
});

describe("the stored view state", () => {
  it("keeps a well-formed view state", () => {
    const view = { variantId: "v1", selectedAreaId: null, camera: { center: [7.46, 51.51], zoom: 12.5 } };
    expect(parseViewState(view)).toEqual(view);
    expect(parseViewState({})).toEqual({});
  });

  it("drops a damaged one (the plan then opens as new) instead of handing the map a broken camera", () => {
    for (const data of [
      null,
      "view",
      { camera: { center: ["7.46", "51.51"], zoom: 12 } },
      { camera: { center: [7.46, 91], zoom: 12 } },
      { camera: { center: [7.46], zoom: 12 } },
      { camera: { center: [7.46, 51.51], zoom: Number.NaN } },
      { camera: { center: [7.46, 51.51], zoom: 99 } },
      { variantId: 5 },
      { selectedAreaId: {} },
    ]) {
      expect(parseViewState(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});

describe("validation problem codes", () => {
  it("each have a German and an English message", () => {
    for (const code of VALIDATION_CODES) {
      expect(de.validation.codes[code], code).toMatch(/\S/);
      expect(en.validation.codes[code], code).toMatch(/\S/);
    }
    expect(Object.keys(de.validation.codes).sort()).toEqual([...VALIDATION_CODES].sort());
  });
});
