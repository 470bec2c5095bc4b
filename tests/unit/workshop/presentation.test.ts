import { describe, expect, it } from "vitest";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import {
  applyPresentationAction,
  buildSlides,
  clampSlideIndex,
  goToVariant,
  nextSlide,
  presentationAction,
  previousSlide,
} from "../../../src/domain/workshop/presentation.ts";

const variants = [
  { id: asVariantId("v1"), areaOrder: [asAreaId("a"), asAreaId("b")] },
  { id: asVariantId("v2"), areaOrder: [] },
  { id: asVariantId("v3"), areaOrder: [asAreaId("c")] },
];
const slides = buildSlides(variants);

describe("presentation", () => {
  describe("buildSlides", () => {
    it("gives each variant an overview slide followed by one slide per area, in list order", () => {
      expect(
        slides.map((s) => (s.kind === "overview" ? `${s.variantId}` : `${s.variantId}/${s.areaId}`)),
      ).toEqual(["v1", "v1/a", "v1/b", "v2", "v3", "v3/c"]);
      expect(slides[2]).toEqual({
        kind: "area",
        variantIndex: 0,
        variantId: "v1",
        areaIndex: 1,
        areaId: "b",
      });
      expect(slides[4]).toEqual({ kind: "overview", variantIndex: 2, variantId: "v3" });
    });

    it("gives no slides for no variants", () => {
      expect(buildSlides([])).toEqual([]);
    });
  });

  describe("navigation", () => {
    it("moves forward and back, and stops at both ends instead of wrapping", () => {
      expect(nextSlide(slides, 0)).toBe(1);
      expect(nextSlide(slides, 5)).toBe(5);
      expect(previousSlide(slides, 3)).toBe(2);
      expect(previousSlide(slides, 0)).toBe(0);
    });

    it("goes to the overview of variant n (counting from 1) and ignores numbers without a variant", () => {
      expect(goToVariant(slides, 0, 2)).toBe(3);
      expect(goToVariant(slides, 0, 3)).toBe(4);
      expect(goToVariant(slides, 5, 1)).toBe(0);
      expect(goToVariant(slides, 2, 4)).toBe(2);
      expect(goToVariant(slides, 2, 9)).toBe(2);
    });

    it("clamps any index into the slides, also when the slides shrank under it", () => {
      expect(clampSlideIndex(slides, 99)).toBe(5);
      expect(clampSlideIndex(slides, -3)).toBe(0);
      expect(clampSlideIndex(slides, Number.NaN)).toBe(0);
      expect(clampSlideIndex([], 4)).toBe(0);
      expect(nextSlide([], 0)).toBe(0);
      expect(goToVariant(buildSlides(variants.slice(0, 1)), 4, 3)).toBe(2);
    });

    it("applies actions, first and last included", () => {
      expect(applyPresentationAction(slides, 2, { type: "first" })).toBe(0);
      expect(applyPresentationAction(slides, 2, { type: "last" })).toBe(5);
      expect(applyPresentationAction(slides, 2, { type: "next" })).toBe(3);
      expect(applyPresentationAction(slides, 2, { type: "previous" })).toBe(1);
      expect(applyPresentationAction(slides, 0, { type: "variant", number: 3 })).toBe(4);
      expect(applyPresentationAction([], 0, { type: "last" })).toBe(0);
    });
  });

  describe("presentationAction", () => {
    it("maps forward keys to next and backward keys to previous", () => {
      for (const key of ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]) {
        expect(presentationAction(key), key).toEqual({ type: "next" });
      }
      for (const key of ["ArrowLeft", "ArrowUp", "PageUp"]) {
        expect(presentationAction(key), key).toEqual({ type: "previous" });
      }
      expect(presentationAction(" ", { shiftKey: true })).toEqual({ type: "previous" });
    });

    it("maps Home, End and the digits 1 to 9", () => {
      expect(presentationAction("Home")).toEqual({ type: "first" });
      expect(presentationAction("End")).toEqual({ type: "last" });
      for (let n = 1; n <= 9; n++)
        expect(presentationAction(String(n))).toEqual({ type: "variant", number: n });
    });

    it("leaves other keys, 0, and keys with Ctrl, Alt or Meta to the browser", () => {
      for (const key of ["0", "a", "Enter", "Escape", "10", "F5", "Tab", ""]) {
        expect(presentationAction(key), key).toBeNull();
      }
      expect(presentationAction("1", { ctrlKey: true })).toBeNull();
      expect(presentationAction("ArrowRight", { altKey: true })).toBeNull();
      expect(presentationAction("Home", { metaKey: true })).toBeNull();
    });
  });
});
