/**
 * The messages between the presenter window and audience windows of presentation mode, sent over a
 * BroadcastChannel. The presenter owns the state and sends it whole after every change (no deltas,
 * so a late or lost message cannot leave an audience window out of step); an audience window that
 * opens says "hello" and gets the deck (the frozen slides: names, shapes, figures) and the state;
 * "bye" tells audience windows the presentation ended.
 * Everything received is checked against the schemas below (valibot; the deck's geometry with the
 * plan's geometry schema): another tab of another app version, or a browser extension, can post to
 * the same channel.
 */
import * as v from "valibot";
import { AreaGeometrySchema } from "../validation/geometry.schema.ts";
import {
  type DeckArea,
  type DeckFigures,
  type DeckVariant,
  type PresentationDeck,
  presentationAction,
} from "./presentation.ts";

/** Channel name for one plan, so two plans presented in two windows do not cross. */
export function presenterChannelName(planId: string): string {
  return `pilotkarte-presentation:${planId}`;
}

export type PresenterMessage =
  | {
      type: "state";
      planId: string;
      slideIndex: number;
      /** Variants being presented, in order (1 to {@link MAX_PRESENTED_VARIANTS}). */
      variantIds: string[];
      /** ISO 8601 time at which the shown figures were frozen ("Stand"). */
      frozenAt: string;
      /** Laser pointer as fractions (0..1) of the map's width and height from top left; null when off. */
      spotlight: { x: number; y: number } | null;
      /** Screen blanked (black) by the presenter ("B" or "." on a clicker); absent means not blanked. */
      blank?: true;
    }
  | {
      type: "deck";
      deck: PresentationDeck;
      /** UI language of the presenter, so the audience window speaks the same. */
      language: "de" | "en";
    }
  /**
   * A key pressed in an audience window, for the presenter window to act on: the projector window is
   * often the one with the focus (after dragging it over and going full screen), and a clicker then
   * types into it.
   */
  | { type: "key"; key: string; shiftKey: boolean }
  | { type: "hello" }
  | { type: "bye" };

/** Keys that toggle the spotlight (S) and blank the screen (B, "." as on clickers). */
export const SPOTLIGHT_KEYS: readonly string[] = ["s", "S"];
export const BLANK_KEYS: readonly string[] = ["b", "B", "."];

/** Whether an audience window passes this key on: navigation, spotlight and blank keys only. */
export function isForwardedKey(key: string, shiftKey = false): boolean {
  return (
    presentationAction(key, { shiftKey }) !== null || SPOTLIGHT_KEYS.includes(key) || BLANK_KEYS.includes(key)
  );
}

/** Upper bound on presented variants; a plan rarely has more than a handful. */
export const MAX_PRESENTED_VARIANTS = 50;
const MAX_ID_LENGTH = 200;

/** Limits on a received deck, far above any real plan, so a hostile message cannot exhaust memory. */
export const DECK_LIMITS = {
  areasPerVariant: 500,
  textLength: 20_000,
  listLength: 200,
  positions: 2_000_000,
} as const;

/* ── The schemas (valibot). Each object schema drops unknown keys and returns a fresh copy. ── */

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH));
const text = v.pipe(v.string(), v.maxLength(DECK_LIMITS.textLength));
const textList = v.pipe(v.array(text), v.maxLength(DECK_LIMITS.listLength));
const time = v.pipe(
  v.string(),
  v.check((value) => Number.isFinite(Date.parse(value))),
);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const distinct = (ids: string[]) => new Set(ids).size === ids.length;

const StateSchema = v.object({
  type: v.literal("state"),
  planId: id,
  slideIndex: count,
  variantIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(MAX_PRESENTED_VARIANTS), v.check(distinct)),
  frozenAt: time,
  spotlight: v.nullable(v.object({ x: fraction, y: fraction })),
  // Only `true` is carried on; `false` and absent both mean "not blanked".
  blank: v.pipe(
    v.optional(v.boolean()),
    v.transform((blank) => (blank === true ? (true as const) : undefined)),
  ),
});

const FiguresSchema: v.GenericSchema<unknown, DeckFigures> = v.object({
  areaM2: amount,
  residents: v.nullable(v.object({ low: amount, high: amount })),
  facilities: count,
  districts: textList,
  overlaps: v.object({ count, areaM2: amount, with: textList }),
});

const DeckAreaSchema: v.GenericSchema<unknown, DeckArea> = v.object({
  id,
  name: text,
  fields: textList,
  partners: textList,
  status: text,
  notes: text,
  geometry: AreaGeometrySchema,
  figures: v.nullable(FiguresSchema),
});

const DeckVariantSchema: v.GenericSchema<unknown, DeckVariant> = v.object({
  id,
  name: text,
  areas: v.pipe(
    v.array(DeckAreaSchema),
    v.maxLength(DECK_LIMITS.areasPerVariant),
    v.check((areas) => distinct(areas.map((area) => area.id))),
  ),
  figures: v.nullable(FiguresSchema),
});

/** Positions in a raw deck, counted before it is checked, so that a huge one is refused at once. */
function rawDeckPositions(value: unknown): number {
  let n = 0;
  const walk = (node: unknown, depth: number): void => {
    if (!Array.isArray(node)) return;
    if (depth === 0) n += node.length;
    else for (const item of node) walk(item, depth - 1);
  };
  const variants = (value as { variants?: unknown } | null)?.variants;
  if (!Array.isArray(variants)) return 0;
  for (const variant of variants) {
    const areas = (variant as { areas?: unknown } | null)?.areas;
    if (!Array.isArray(areas)) continue;
    for (const area of areas) {
      const geometry = (area as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
      walk(geometry?.coordinates, geometry?.type === "MultiPolygon" ? 2 : 1);
    }
  }
  return n;
}

export const DeckSchema: v.GenericSchema<unknown, PresentationDeck> = v.pipe(
  v.unknown(),
  v.check((value) => rawDeckPositions(value) <= DECK_LIMITS.positions),
  v.object({
    planId: id,
    planName: text,
    frozenAt: time,
    variants: v.pipe(
      v.array(DeckVariantSchema),
      v.minLength(1),
      v.maxLength(MAX_PRESENTED_VARIANTS),
      v.check((variants) => distinct(variants.map((variant) => variant.id))),
    ),
  }),
);

const KeySchema = v.pipe(
  v.object({ type: v.literal("key"), key: v.pipe(v.string(), v.maxLength(20)), shiftKey: v.boolean() }),
  v.check(({ key, shiftKey }) => isForwardedKey(key, shiftKey)),
);

export const PresenterMessageSchema = v.variant("type", [
  v.object({ type: v.literal("hello") }),
  v.object({ type: v.literal("bye") }),
  StateSchema,
  v.object({ type: v.literal("deck"), deck: DeckSchema, language: v.picklist(["de", "en"]) }),
  KeySchema,
]);

/**
 * A received message as a fresh, well-formed object (unknown keys dropped), or null when it is not a
 * message of this protocol.
 */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  const result = v.safeParse(PresenterMessageSchema, data, { abortEarly: true });
  if (!result.success) return null;
  const message = result.output;
  if (message.type !== "state") return message;
  // `blank` is left out rather than carried as undefined.
  const { blank, ...state } = message;
  return blank ? { ...state, blank } : state;
}

/** A received deck as a fresh object, or null when any part of it is malformed. */
export function parseDeck(value: unknown): PresentationDeck | null {
  const result = v.safeParse(DeckSchema, value, { abortEarly: true });
  return result.success ? result.output : null;
}
