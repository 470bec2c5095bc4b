import { describe, expect, it } from "vitest";
import { decideKey, type KeySituation, panOffset } from "../../../src/map/draw/keyboard-draw-keys.ts";

const press = (
  key: string,
  modifiers: { shift?: boolean; alt?: boolean; ctrl?: boolean; meta?: boolean } = {},
) => ({
  key,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
});

const idlePolygon: KeySituation = Object.freeze({
  editing: false,
  drawing: false,
  pointerDrawing: false,
  readOnly: false,
  tool: "polygon",
  selectedAreaId: null,
});
const drawing: KeySituation = { ...idlePolygon, drawing: true };
const editing: KeySituation = { ...idlePolygon, tool: "select", selectedAreaId: "a1", editing: true };
const selected: KeySituation = { ...idlePolygon, tool: "select", selectedAreaId: "a1" };

describe("decideKey", () => {
  describe("while drawing", () => {
    it("pans with the arrows and announces the crosshair, finer with Shift or Alt", () => {
      expect(decideKey(press("ArrowLeft"), idlePolygon)).toEqual({
        kind: "pan",
        key: "ArrowLeft",
        fine: false,
        after: "announce-crosshair",
      });
      expect(decideKey(press("ArrowUp", { shift: true }), idlePolygon)).toMatchObject({ fine: true });
      expect(decideKey(press("ArrowUp", { alt: true }), idlePolygon)).toMatchObject({ fine: true });
    });

    it("places a point at the crosshair on Enter with the polygon tool", () => {
      expect(decideKey(press("Enter"), idlePolygon)).toEqual({ kind: "place-at-centre" });
    });

    it("says that other drawing tools take no points from the keyboard", () => {
      expect(decideKey(press("Enter"), { ...idlePolygon, tool: "rectangle" })).toEqual({
        kind: "announce",
        event: { kind: "tool-not-supported" },
      });
    });

    it("leaves Enter to terra-draw while a shape is drawn with the pointer", () => {
      expect(decideKey(press("Enter"), { ...idlePolygon, pointerDrawing: true })).toBeNull();
      expect(decideKey(press("Enter"), { ...drawing, pointerDrawing: true })).toEqual({
        kind: "place-at-centre",
      });
    });

    it("takes Backspace and Escape only when points are placed", () => {
      expect(decideKey(press("Backspace"), idlePolygon)).toBeNull();
      expect(decideKey(press("Escape"), idlePolygon)).toBeNull();
      expect(decideKey(press("Backspace"), drawing)).toEqual({
        kind: "input",
        input: { kind: "remove-last" },
      });
      expect(decideKey(press("Escape"), drawing)).toEqual({ kind: "input", input: { kind: "cancel" } });
    });

    it("leaves keys with Ctrl or Meta and other keys alone", () => {
      expect(decideKey(press("Enter", { ctrl: true }), drawing)).toBeNull();
      expect(decideKey(press("z", { meta: true }), drawing)).toBeNull();
      expect(decideKey(press("x"), drawing)).toBeNull();
    });

    it("does nothing in a read-only plan", () => {
      expect(decideKey(press("Enter"), { ...idlePolygon, readOnly: true })).toBeNull();
    });
  });

  describe("with an area selected", () => {
    it("starts editing on Enter, e or E", () => {
      for (const key of ["Enter", "e", "E"])
        expect(decideKey(press(key), selected)).toEqual({ kind: "start-edit" });
    });

    it("does not start editing without a selection or in a read-only plan", () => {
      expect(decideKey(press("Enter"), { ...selected, selectedAreaId: null })).toBeNull();
      expect(decideKey(press("Enter"), { ...selected, readOnly: true })).toBeNull();
    });
  });

  describe("while editing", () => {
    it("moves the vertex with the arrows", () => {
      expect(decideKey(press("ArrowDown"), editing)).toEqual({
        kind: "pan",
        key: "ArrowDown",
        fine: false,
        after: "move-vertex",
      });
    });

    it("maps the editing keys to machine inputs", () => {
      const inputOf = (key: string) => {
        const action = decideKey(press(key), editing);
        return action?.kind === "input" ? action.input : action;
      };
      expect(inputOf("[")).toEqual({ kind: "step-vertex", by: -1 });
      expect(inputOf("PageDown")).toEqual({ kind: "step-vertex", by: 1 });
      expect(inputOf("Insert")).toEqual({ kind: "insert-vertex" });
      expect(inputOf("Delete")).toEqual({ kind: "delete-vertex" });
      expect(inputOf("Enter")).toEqual({ kind: "commit" });
      expect(inputOf("Escape")).toEqual({ kind: "cancel-edit" });
      expect(inputOf("x")).toBeNull();
    });

    it("keeps editing keys even when the plan turned read-only (the commit then cancels)", () => {
      expect(decideKey(press("Enter"), { ...editing, readOnly: true })).toEqual({
        kind: "input",
        input: { kind: "commit" },
      });
    });
  });
});

describe("panOffset", () => {
  it("steps a tenth of the shorter side, a hundredth when fine", () => {
    expect(panOffset("ArrowLeft", 800, 600, false)).toEqual([-60, 0]);
    expect(panOffset("ArrowRight", 800, 600, false)).toEqual([60, 0]);
    expect(panOffset("ArrowUp", 800, 600, true)).toEqual([0, -6]);
    expect(panOffset("ArrowDown", 800, 600, true)).toEqual([0, 6]);
  });

  it("steps at least one pixel when fine", () => {
    expect(panOffset("ArrowRight", 50, 50, true)).toEqual([1, 0]);
  });
});
