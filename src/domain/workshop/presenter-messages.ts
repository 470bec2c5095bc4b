/**
 * The messages between the presenter window and audience windows of presentation mode, sent over a
 * BroadcastChannel. The presenter owns the state and sends it whole after every change (no deltas,
 * so a late or lost message cannot leave an audience window out of step); an audience window that
 * opens says "hello" and gets the state; "bye" tells audience windows the presentation ended.
 * Everything received is checked: another tab of another app version, or a browser extension, can
 * post to the same channel.
 */

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
    }
  | { type: "hello" }
  | { type: "bye" };

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
    default:
      return null;
  }
}

function parseState(data: Record<string, unknown>): PresenterMessage | null {
  const { planId, slideIndex, variantIds, frozenAt, spotlight } = data;
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
  return { type: "state", planId, slideIndex, variantIds: [...variantIds], frozenAt, spotlight: point };
}
