/**
 * The messages between the presenter window and audience windows of presentation mode, sent over a
 * BroadcastChannel. The presenter owns the state and sends it whole after every change (no deltas,
 * so a late or lost message cannot leave an audience window out of step); an audience window that
 * opens says "hello" and gets the deck (the frozen slides: names, shapes, figures) and the state;
 * "bye" tells audience windows the presentation ended.
 * Everything received is checked: another tab of another app version, or a browser extension, can
 * post to the same channel.
 */
import type { AreaGeometry } from "../model/plan.ts";
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH;
const isFraction = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;

/**
 * A received message as a fresh, well-formed object (unknown keys dropped), or null when it is not a
 * message of this protocol.
 */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "hello":
      return { type: "hello" };
    case "bye":
      return { type: "bye" };
    case "state":
      return parseState(data);
    case "deck":
      return parseDeckMessage(data);
    case "key": {
      const { key, shiftKey } = data;
      if (typeof key !== "string" || key.length > 20 || typeof shiftKey !== "boolean") return null;
      return isForwardedKey(key, shiftKey) ? { type: "key", key, shiftKey } : null;
    }
    default:
      return null;
  }
}

function parseState(data: Record<string, unknown>): PresenterMessage | null {
  const { planId, slideIndex, variantIds, frozenAt, spotlight, blank } = data;
  if (blank !== undefined && typeof blank !== "boolean") return null;
  if (!isId(planId)) return null;
  if (typeof slideIndex !== "number" || !Number.isSafeInteger(slideIndex) || slideIndex < 0) return null;
  if (
    !Array.isArray(variantIds) ||
    variantIds.length === 0 ||
    variantIds.length > MAX_PRESENTED_VARIANTS ||
    !variantIds.every(isId) ||
    new Set(variantIds).size !== variantIds.length
  ) {
    return null;
  }
  if (typeof frozenAt !== "string" || !Number.isFinite(Date.parse(frozenAt))) return null;
  let point: { x: number; y: number } | null = null;
  if (spotlight !== null) {
    if (!isRecord(spotlight) || !isFraction(spotlight.x) || !isFraction(spotlight.y)) return null;
    point = { x: spotlight.x, y: spotlight.y };
  }
  return {
    type: "state",
    planId,
    slideIndex,
    variantIds: [...variantIds],
    frozenAt,
    spotlight: point,
    ...(blank === true ? { blank: true as const } : {}),
  };
}

/* ── The deck ── */

/** Limits on a received deck, far above any real plan, so a hostile message cannot exhaust memory. */
export const DECK_LIMITS = {
  areasPerVariant: 500,
  textLength: 20_000,
  listLength: 200,
  positions: 2_000_000,
} as const;

const isText = (value: unknown): value is string =>
  typeof value === "string" && value.length <= DECK_LIMITS.textLength;
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isAmount = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;
const textList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.length <= DECK_LIMITS.listLength && value.every(isText) ? [...value] : null;

/** Counts positions while copying, so the limit applies to the whole deck. */
interface Budget {
  positions: number;
}

function parseRing(value: unknown, budget: Budget): number[][] | null {
  if (!Array.isArray(value) || value.length < 4) return null;
  budget.positions -= value.length;
  if (budget.positions < 0) return null;
  const ring: number[][] = [];
  for (const position of value) {
    if (!Array.isArray(position) || position.length < 2) return null;
    const [x, y] = position as unknown[];
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y))
      return null;
    if (Math.abs(x) > 180 || Math.abs(y) > 90) return null;
    ring.push([x, y]);
  }
  return ring;
}

function parsePolygon(value: unknown, budget: Budget): number[][][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: number[][][] = [];
  for (const ringValue of value) {
    const ring = parseRing(ringValue, budget);
    if (!ring) return null;
    rings.push(ring);
  }
  return rings;
}

function parseGeometry(value: unknown, budget: Budget): AreaGeometry | null {
  if (!isRecord(value)) return null;
  if (value.type === "Polygon") {
    const coordinates = parsePolygon(value.coordinates, budget);
    return coordinates ? { type: "Polygon", coordinates } : null;
  }
  if (value.type === "MultiPolygon") {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) return null;
    const polygons: number[][][][] = [];
    for (const polygonValue of value.coordinates) {
      const polygon = parsePolygon(polygonValue, budget);
      if (!polygon) return null;
      polygons.push(polygon);
    }
    return { type: "MultiPolygon", coordinates: polygons };
  }
  return null;
}

function parseFigures(value: unknown): DeckFigures | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { areaM2, residents, facilities, districts, overlaps } = value;
  if (!isAmount(areaM2) || !isCount(facilities)) return undefined;
  let range: DeckFigures["residents"] = null;
  if (residents !== null) {
    if (!isRecord(residents) || !isAmount(residents.low) || !isAmount(residents.high)) return undefined;
    range = { low: residents.low, high: residents.high };
  }
  const districtNames = textList(districts);
  if (!districtNames || !isRecord(overlaps)) return undefined;
  const others = textList(overlaps.with);
  if (!isCount(overlaps.count) || !isAmount(overlaps.areaM2) || !others) return undefined;
  return {
    areaM2,
    residents: range,
    facilities,
    districts: districtNames,
    overlaps: { count: overlaps.count, areaM2: overlaps.areaM2, with: others },
  };
}

function parseArea(value: unknown, budget: Budget): DeckArea | null {
  if (!isRecord(value)) return null;
  const { id, name, status, notes } = value;
  if (!isId(id) || !isText(name) || !isText(status) || !isText(notes)) return null;
  const fields = textList(value.fields);
  const partners = textList(value.partners);
  const geometry = parseGeometry(value.geometry, budget);
  const figures = parseFigures(value.figures);
  if (!fields || !partners || !geometry || figures === undefined) return null;
  return { id, name, fields, partners, status, notes, geometry, figures };
}

function parseVariant(value: unknown, budget: Budget): DeckVariant | null {
  if (!isRecord(value)) return null;
  const { id, name, areas } = value;
  if (!isId(id) || !isText(name)) return null;
  if (!Array.isArray(areas) || areas.length > DECK_LIMITS.areasPerVariant) return null;
  const parsed: DeckArea[] = [];
  for (const areaValue of areas) {
    const area = parseArea(areaValue, budget);
    if (!area) return null;
    parsed.push(area);
  }
  if (new Set(parsed.map((a) => a.id)).size !== parsed.length) return null;
  const figures = parseFigures(value.figures);
  if (figures === undefined) return null;
  return { id, name, areas: parsed, figures };
}

/** A received deck as a fresh object, or null when any part of it is malformed. */
export function parseDeck(value: unknown): PresentationDeck | null {
  if (!isRecord(value)) return null;
  const { planId, planName, frozenAt, variants } = value;
  if (!isId(planId) || !isText(planName)) return null;
  if (typeof frozenAt !== "string" || !Number.isFinite(Date.parse(frozenAt))) return null;
  if (!Array.isArray(variants) || variants.length === 0 || variants.length > MAX_PRESENTED_VARIANTS)
    return null;
  const budget: Budget = { positions: DECK_LIMITS.positions };
  const parsed: DeckVariant[] = [];
  for (const variantValue of variants) {
    const variant = parseVariant(variantValue, budget);
    if (!variant) return null;
    parsed.push(variant);
  }
  if (new Set(parsed.map((v) => v.id)).size !== parsed.length) return null;
  return { planId, planName, frozenAt, variants: parsed };
}

function parseDeckMessage(data: Record<string, unknown>): PresenterMessage | null {
  if (data.language !== "de" && data.language !== "en") return null;
  const deck = parseDeck(data.deck);
  return deck ? { type: "deck", deck, language: data.language } : null;
}
