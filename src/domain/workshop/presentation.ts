/**
 * Presentation mode as a pure navigation model: the slides (per variant an overview, then one slide
 * per area), moving between them, and which key does what. The UI keeps only the slide index; every
 * move is a function of (slides, index) that clamps at the ends instead of wrapping, so pressing
 * "next" on the last slide in front of an audience does not jump back to the start.
 */

import type { AreaAnalysis, VariantAnalysis } from "../analysis/analysis-result.ts";
import { labelPoint } from "../geometry/label-point.ts";
import type { AreaGeometry, AreaId, Plan, Variant, VariantId } from "../model/plan.ts";

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

/* ── The deck: what a presentation shows, frozen at its start ── */

/**
 * The figures on one slide, frozen when the presentation starts. Plain data: the audience window gets
 * them over a BroadcastChannel, so both windows show the very same numbers.
 */
export interface DeckFigures {
  /** Area in m²: the area's own, or the union of a variant's areas (overlaps counted once). */
  areaM2: number;
  /** Residents reached as the range of the estimation methods; null without a census grid. */
  residents: { low: number; high: number } | null;
  /** Facilities inside (all layers; de-duplicated over a variant's areas). */
  facilities: number;
  /** Names of the Stadtbezirke touched, largest share first (variant: in order of first appearance). */
  districts: string[];
  /** Overlaps with other areas of the variant (variant: all pairs); `with` names the other side(s). */
  overlaps: { count: number; areaM2: number; with: string[] };
}

export interface DeckArea {
  id: string;
  name: string;
  fields: string[];
  partners: string[];
  status: string;
  notes: string;
  geometry: AreaGeometry;
  /** Null when the area's analysis failed (the slide says so instead of showing numbers). */
  figures: DeckFigures | null;
}

export interface DeckVariant {
  id: string;
  name: string;
  areas: DeckArea[];
  /** Null when the variant's analysis failed or it has no areas. */
  figures: DeckFigures | null;
}

export interface PresentationDeck {
  planId: string;
  planName: string;
  /** ISO 8601 time at which the figures were frozen ("Stand"). */
  frozenAt: string;
  variants: DeckVariant[];
}

/** The analysis results a deck is built from (per variant id). */
export interface DeckAnalyses {
  byArea: Record<string, AreaAnalysis>;
  variant: VariantAnalysis | null;
}

/** Level whose districts a slide names: the twelve Stadtbezirke are the ones an audience knows. */
export const DECK_DISTRICT_LEVEL = "stadtbezirk";

function areaFigures(
  analysis: AreaAnalysis,
  areaId: string,
  variant: VariantAnalysis | null,
  nameOf: (id: string) => string,
): DeckFigures {
  const level = analysis.levels.find((l) => l.level === DECK_DISTRICT_LEVEL);
  const districts = (level?.districts ?? [])
    .slice()
    .sort((a, b) => b.intersectionM2 - a.intersectionM2)
    .map((d) => d.name);
  const overlaps = (variant?.overlaps ?? []).filter((o) => o.areaIdA === areaId || o.areaIdB === areaId);
  return {
    areaM2: analysis.areaM2,
    residents: analysis.residents ? { low: analysis.residents.low, high: analysis.residents.high } : null,
    facilities: analysis.facilities.reduce((sum, f) => sum + f.inside.count, 0),
    districts,
    overlaps: {
      count: overlaps.length,
      areaM2: overlaps.reduce((sum, o) => sum + o.overlapM2, 0),
      with: overlaps.map((o) => nameOf(o.areaIdA === areaId ? o.areaIdB : o.areaIdA)),
    },
  };
}

function variantFigures(
  variant: Variant,
  analyses: DeckAnalyses,
  nameOf: (id: string) => string,
): DeckFigures | null {
  const result = analyses.variant;
  if (!result || variant.areaOrder.length === 0) return null;
  const districts: string[] = [];
  for (const id of variant.areaOrder) {
    const level = analyses.byArea[id]?.levels.find((l) => l.level === DECK_DISTRICT_LEVEL);
    for (const d of level?.districts ?? []) if (!districts.includes(d.name)) districts.push(d.name);
  }
  return {
    areaM2: result.totals.unionAreaM2,
    residents: result.totals.residents
      ? { low: result.totals.residents.low, high: result.totals.residents.high }
      : null,
    facilities: result.totals.facilities.reduce((sum, f) => sum + f.count, 0),
    districts,
    overlaps: {
      count: result.overlaps.length,
      areaM2: result.overlaps.reduce((sum, o) => sum + o.overlapM2, 0),
      with: result.overlaps.map((o) => `${nameOf(o.areaIdA)} / ${nameOf(o.areaIdB)}`),
    },
  };
}

/**
 * The deck for the variants in the order given, with the figures as they are now. Copies what it
 * needs (no references into the live plan), so later edits do not change a running presentation.
 */
export function buildDeck(
  plan: Pick<Plan, "id" | "name">,
  variants: readonly Variant[],
  analyses: Readonly<Record<string, DeckAnalyses | undefined>>,
  frozenAt: string,
): PresentationDeck {
  return {
    planId: plan.id,
    planName: plan.name,
    frozenAt,
    variants: variants.map((variant): DeckVariant => {
      const found = analyses[variant.id] ?? { byArea: {}, variant: null };
      const nameOf = (id: string) => variant.areas[id]?.name ?? id;
      const areas = variant.areaOrder.flatMap((id): DeckArea[] => {
        const area = variant.areas[id];
        if (!area) return [];
        const analysis = found.byArea[id];
        return [
          {
            id: area.id,
            name: area.name,
            fields: [...area.fields],
            partners: [...area.partners],
            status: area.status,
            notes: area.notes,
            geometry: structuredClone(area.geometry),
            figures: analysis ? areaFigures(analysis, id, found.variant, nameOf) : null,
          },
        ];
      });
      return { id: variant.id, name: variant.name, areas, figures: variantFigures(variant, found, nameOf) };
    }),
  };
}

/** The slides of a deck (overview, then one per area, for each variant). */
export function deckSlides(deck: PresentationDeck): Slide[] {
  return buildSlides(
    deck.variants.map((v) => ({ id: v.id as VariantId, areaOrder: v.areas.map((a) => a.id as AreaId) })),
  );
}

/**
 * Where an area's label goes on the presentation map: the same point as on the editing map (see
 * `labelPoint`), one per area, well inside even a U-shape or a ring.
 */
export function areaLabelPoint(geometry: AreaGeometry): [number, number] {
  return labelPoint(geometry);
}
