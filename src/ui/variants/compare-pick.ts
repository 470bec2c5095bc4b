/**
 * Which variants the compare view shows: the planner's last pick as far as those variants still exist
 * (in the plan's order, so the first is the baseline), or else the plan's first four. Pure.
 */
import { MAX_MATRIX_VARIANTS, MIN_MATRIX_VARIANTS } from "../../domain/workshop/indicator-matrix.ts";

/**
 * The pick to start from: `stored` ids that are still in `order` (kept in plan order, at most four)
 * when at least two remain, otherwise the first four of `order`.
 */
export function initialComparePick(order: readonly string[], stored: readonly string[]): string[] {
  const kept = order.filter((id) => stored.includes(id)).slice(0, MAX_MATRIX_VARIANTS);
  if (kept.length >= MIN_MATRIX_VARIANTS) return kept;
  return order.slice(0, MAX_MATRIX_VARIANTS);
}

/** The pick after toggling one variant: plan order kept; refused (unchanged) beyond four. */
export function togglePick(
  order: readonly string[],
  picked: readonly string[],
  id: string,
  on: boolean,
): string[] {
  if (on && !picked.includes(id) && picked.length >= MAX_MATRIX_VARIANTS) return [...picked];
  const next = on ? [...picked, id] : picked.filter((p) => p !== id);
  return order.filter((v) => next.includes(v));
}
