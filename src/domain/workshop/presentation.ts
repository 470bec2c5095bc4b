/**
 * Presentation mode as a pure navigation model: the slides (per variant an overview, then one slide
 * per area), moving between them, and which key does what. The UI keeps only the slide index; every
 * move is a function of (slides, index) that clamps at the ends instead of wrapping, so pressing
 * "next" on the last slide in front of an audience does not jump back to the start.
 */
import type { AreaId, Variant, VariantId } from "../model/plan.ts";

export type Slide =
  | { kind: "overview"; variantIndex: number; variantId: VariantId }
  | { kind: "area"; variantIndex: number; variantId: VariantId; areaIndex: number; areaId: AreaId };

/** Slides for the variants in the order given: each variant's overview, then its areas in list order. */
export function buildSlides(variants: readonly Pick<Variant, "id" | "areaOrder">[]): Slide[] {
  return variants.flatMap((variant, variantIndex): Slide[] => [
    { kind: "overview", variantIndex, variantId: variant.id },
    ...variant.areaOrder.map(
      (areaId, areaIndex): Slide => ({
        kind: "area",
        variantIndex,
        variantId: variant.id,
        areaIndex,
        areaId,
      }),
    ),
  ]);
}

/** What a key press asks for. `variant` numbers count from 1, as on the keys. */
export type PresentationAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "first" }
  | { type: "last" }
  | { type: "variant"; number: number };

/** Modifier keys held with a key press. */
export interface KeyModifiers {
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * The action for a `KeyboardEvent.key`, or null for keys presentation mode leaves alone. Keys with
 * Ctrl, Alt or Meta are left to the browser (Ctrl+1 switches tabs); Shift+Space goes back, as in
 * slide software and when scrolling a page.
 */
export function presentationAction(key: string, modifiers: KeyModifiers = {}): PresentationAction | null {
  if (modifiers.ctrlKey || modifiers.altKey || modifiers.metaKey) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return { type: "next" };
    case " ":
    case "Spacebar":
      return modifiers.shiftKey ? { type: "previous" } : { type: "next" };
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return { type: "previous" };
    case "Home":
      return { type: "first" };
    case "End":
      return { type: "last" };
    default:
      return /^[1-9]$/.test(key) ? { type: "variant", number: Number(key) } : null;
  }
}

/** An index clamped to the slides (0 for no slides). */
export function clampSlideIndex(slides: readonly Slide[], index: number): number {
  if (slides.length === 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), slides.length - 1);
}

export const nextSlide = (slides: readonly Slide[], index: number): number =>
  clampSlideIndex(slides, index + 1);
export const previousSlide = (slides: readonly Slide[], index: number): number =>
  clampSlideIndex(slides, index - 1);
export const firstSlide = (): number => 0;
export const lastSlide = (slides: readonly Slide[]): number => Math.max(slides.length - 1, 0);

/**
 * The overview slide of variant `number` (counting from 1). A number with no variant (pressing 7
 * with three variants) keeps the current slide rather than jumping somewhere unexpected.
 */
export function goToVariant(slides: readonly Slide[], index: number, number: number): number {
  const target = slides.findIndex((slide) => slide.kind === "overview" && slide.variantIndex === number - 1);
  return target === -1 ? clampSlideIndex(slides, index) : target;
}

/** The slide index after an action. */
export function applyPresentationAction(
  slides: readonly Slide[],
  index: number,
  action: PresentationAction,
): number {
  switch (action.type) {
    case "next":
      return nextSlide(slides, index);
    case "previous":
      return previousSlide(slides, index);
    case "first":
      return firstSlide();
    case "last":
      return lastSlide(slides);
    case "variant":
      return goToVariant(slides, index, action.number);
    default: {
      const unknown: never = action;
      throw new Error(`unknown presentation action ${JSON.stringify(unknown)}`);
    }
  }
}
