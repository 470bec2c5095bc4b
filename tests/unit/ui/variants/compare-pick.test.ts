import { describe, expect, it } from "vitest";
import { initialComparePick, togglePick } from "../../../../src/ui/variants/compare-pick.ts";

describe("initialComparePick", () => {
  it("keeps the stored pick in plan order when at least two of it still exist", () => {
    expect(initialComparePick(["a", "b", "c", "d"], ["c", "a", "gone"])).toEqual(["a", "c"]);
  });
  it("falls back to the first four variants when fewer than two stored ones remain", () => {
    expect(initialComparePick(["a", "b", "c", "d", "e"], ["b", "gone"])).toEqual(["a", "b", "c", "d"]);
    expect(initialComparePick(["a", "b"], [])).toEqual(["a", "b"]);
  });
  it("never returns more than four", () => {
    expect(initialComparePick(["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "e"])).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });
});

describe("togglePick", () => {
  it("adds in plan order and removes", () => {
    expect(togglePick(["a", "b", "c"], ["c"], "a", true)).toEqual(["a", "c"]);
    expect(togglePick(["a", "b", "c"], ["a", "c"], "a", false)).toEqual(["c"]);
  });
  it("refuses a fifth variant", () => {
    expect(togglePick(["a", "b", "c", "d", "e"], ["a", "b", "c", "d"], "e", true)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });
});
