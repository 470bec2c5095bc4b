/**
 * Rules for variant names: trimmed, 1–80 characters, and unique within the plan ignoring case, so
 * that "Variante A" and "variante a" cannot stand side by side in the comparison. Codes, not
 * messages: the UI words them.
 */
import type { Plan, VariantId } from "../model/plan.ts";

/** Longest variant name, in characters (code points) after trimming. */
export const MAX_VARIANT_NAME_LENGTH = 80;

export type VariantNameProblem = "name-required" | "name-too-long" | "name-taken";

/** Case-insensitive comparison key of a name (locale-independent, so "I" and "i" match everywhere). */
const nameKey = (name: string) => name.trim().toLocaleLowerCase("und");

/**
 * The trimmed name, or the problem with it. `exceptVariantId` is the variant being renamed, whose
 * own name does not count as taken.
 */
export function checkVariantName(
  plan: Pick<Plan, "variantOrder" | "variants">,
  name: string,
  exceptVariantId?: VariantId,
): { ok: true; name: string } | { ok: false; problem: VariantNameProblem } {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { ok: false, problem: "name-required" };
  if (Array.from(trimmed).length > MAX_VARIANT_NAME_LENGTH) return { ok: false, problem: "name-too-long" };
  const key = nameKey(trimmed);
  const taken = plan.variantOrder.some(
    (id) =>
      id !== exceptVariantId && plan.variants[id] !== undefined && nameKey(plan.variants[id].name) === key,
  );
  return taken ? { ok: false, problem: "name-taken" } : { ok: true, name: trimmed };
}

/**
 * A free name built by `make(n)` for n = `start`, `start` + 1, …: for default names ("Variante 3")
 * and copies ("Variante A (Kopie)", then "… (Kopie 2)").
 */
export function freeVariantName(
  plan: Pick<Plan, "variantOrder" | "variants">,
  make: (n: number) => string,
  start = 1,
): string {
  for (let n = start; ; n++) {
    const candidate = make(n);
    if (checkVariantName(plan, candidate).ok) return candidate.trim();
    // A maker that ignores n, or only yields over-long names, would loop forever.
    if (n > start + 10_000) throw new Error(`no free variant name from ${JSON.stringify(make(start))}`);
  }
}
