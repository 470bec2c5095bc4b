/**
 * Change sets: the only way a plan document changes. Applying one returns the new plan (the input is
 * never mutated) and the inverse change set, so undo is "apply the inverse" and redo is "apply the
 * inverse of the inverse". Every change is total: a change that names a missing area or variant is a
 * bug in the caller and throws.
 *
 * Hazards kept in check here:
 * - Ordered collections are an id list plus a record (`areaOrder`/`areas`, `variantOrder`/`variants`);
 *   every change updates both, so they always hold the same ids.
 * - Unchanged variants and areas keep their identity (structural sharing), so selectors that compare
 *   by reference only recompute what changed.
 * - Records are looked up with `Object.hasOwn`, never `record[id] !== undefined`, so an id such as
 *   "constructor" cannot find `Object.prototype.constructor`.
 */
import type { AreaId, PilotArea, Plan, Variant, VariantId } from "../model/plan.ts";
import { InvalidChangeError } from "./invalid-change-error.ts";
import {
  type Collection,
  deleteEntry,
  moveEntry,
  putEntry,
  requireEntry,
  withEntry,
} from "./ordered-collection.ts";

export type Change =
  /**
   * Create an area, or replace it whole. `index` places it in the variant's order, clamped to the
   * valid range; without `index` a new area goes to the end and an existing one keeps its place.
   */
  | { type: "area/put"; variantId: VariantId; area: PilotArea; index?: number }
  | { type: "area/delete"; variantId: VariantId; areaId: AreaId }
  /**
   * Set some fields of an area (never `id`). A key whose value is `undefined` is removed from the
   * area: that is how the inverse of a patch takes away a key the area did not have before.
   */
  | { type: "area/patch"; variantId: VariantId; areaId: AreaId; patch: Partial<Omit<PilotArea, "id">> }
  /** Move an area to a new position in the variant's order (an existing index, else it throws). */
  | { type: "area/move"; variantId: VariantId; areaId: AreaId; index: number }
  /** Create a variant, or replace it whole (with its areas); `index` as for "area/put". */
  | { type: "variant/put"; variant: Variant; index?: number }
  | { type: "variant/delete"; variantId: VariantId }
  /** Set the name or time of a variant; `undefined` removes the key, as for "area/patch". */
  | { type: "variant/patch"; variantId: VariantId; patch: Partial<Pick<Variant, "name" | "updatedAt">> }
  | { type: "variant/move"; variantId: VariantId; index: number }
  /** Set the name or time of the plan; `undefined` removes the key, as for "area/patch". */
  | { type: "plan/patch"; patch: Partial<Pick<Plan, "name" | "updatedAt">> };

export interface ChangeSet {
  /** What the planner did, for the undo button's tooltip ("Fläche verschieben"). */
  label: string;
  changes: Change[];
}

export interface ApplyResult {
  plan: Plan;
  inverse: ChangeSet;
}

export { InvalidChangeError };

/**
 * Applies every change in order; returns the new plan and the change set that undoes all of them (the
 * per-change inverses in reverse order, with the same label).
 *
 * If a change throws, nothing is lost: the input plan was never touched, so the caller still has it.
 */
export function applyChangeSet(plan: Plan, changeSet: ChangeSet): ApplyResult {
  let current = plan;
  const inverses: Change[] = [];
  const count = changeSet.changes.length;
  for (const [position, change] of changeSet.changes.entries()) {
    try {
      const step = applyChange(current, change);
      current = step.plan;
      inverses.push(step.inverse);
    } catch (error) {
      if (!(error instanceof InvalidChangeError)) throw error;
      throw new InvalidChangeError(
        `Change ${position + 1} of ${count} ("${String(change?.type)}") in change set ` +
          `"${changeSet.label}": ${error.message}`,
        { cause: error },
      );
    }
  }
  inverses.reverse();
  return { plan: current, inverse: { label: changeSet.label, changes: inverses } };
}

/** One change set that does all of `sets` in order, e.g. to merge the steps of a drag into one undo. */
export function composeChangeSets(label: string, ...sets: ChangeSet[]): ChangeSet {
  return { label, changes: sets.flatMap((set) => set.changes) };
}

interface Step {
  plan: Plan;
  inverse: Change;
}

function applyChange(plan: Plan, change: Change): Step {
  switch (change.type) {
    case "area/put":
      return putArea(plan, change.variantId, change.area, change.index);
    case "area/delete":
      return deleteArea(plan, change.variantId, change.areaId);
    case "area/patch":
      return patchArea(plan, change.variantId, change.areaId, change.patch);
    case "area/move":
      return moveArea(plan, change.variantId, change.areaId, change.index);
    case "variant/put":
      return putVariant(plan, change.variant, change.index);
    case "variant/delete":
      return deleteVariant(plan, change.variantId);
    case "variant/patch":
      return patchVariant(plan, change.variantId, change.patch);
    case "variant/move":
      return moveVariant(plan, change.variantId, change.index);
    case "plan/patch":
      return patchPlan(plan, change.patch);
    default: {
      // Unreachable for typed callers; a change read from an old or foreign file can still get here.
      const unknown: never = change;
      throw new InvalidChangeError(`unknown change type ${JSON.stringify((unknown as Change).type)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Areas

function putArea(plan: Plan, variantId: VariantId, area: PilotArea, index: number | undefined): Step {
  const variant = requireVariant(plan, variantId);
  if (typeof area?.id !== "string" || area.id === "") {
    throw new InvalidChangeError(`the area put into variant "${variantId}" has no id`);
  }
  const where = `in variant "${variantId}"`;
  const { next, previous } = putEntry(areasOf(variant), area.id, area, index, "area", where);
  const inverse: Change =
    previous === undefined
      ? { type: "area/delete", variantId, areaId: area.id }
      : { type: "area/put", variantId, area: previous.value, index: previous.index };
  return { plan: withVariant(plan, withAreas(variant, next)), inverse };
}

function deleteArea(plan: Plan, variantId: VariantId, areaId: AreaId): Step {
  const variant = requireVariant(plan, variantId);
  const { next, previous } = deleteEntry(areasOf(variant), areaId, "area", `in variant "${variantId}"`);
  return {
    plan: withVariant(plan, withAreas(variant, next)),
    inverse: { type: "area/put", variantId, area: previous.value, index: previous.index },
  };
}

function patchArea(
  plan: Plan,
  variantId: VariantId,
  areaId: AreaId,
  patch: Partial<Omit<PilotArea, "id">>,
): Step {
  const variant = requireVariant(plan, variantId);
  const where = `in variant "${variantId}"`;
  const area = requireEntry(areasOf(variant), areaId, "area", where).value;
  requirePatchObject(patch, `area "${areaId}"`);
  if (Object.hasOwn(patch, "id")) {
    throw new InvalidChangeError(
      `the patch for area "${areaId}" ${where} contains "id"; ` +
        "to change an id, put a new area and delete the old one",
    );
  }
  const { next, restore } = patchRecord(area, patch);
  return {
    plan: withVariant(plan, { ...variant, areas: withEntry(variant.areas, areaId, next) }),
    inverse: { type: "area/patch", variantId, areaId, patch: restore },
  };
}

function moveArea(plan: Plan, variantId: VariantId, areaId: AreaId, index: number): Step {
  const variant = requireVariant(plan, variantId);
  const { next, from } = moveEntry(areasOf(variant), areaId, index, "area", `in variant "${variantId}"`);
  return {
    plan: withVariant(plan, withAreas(variant, next)),
    inverse: { type: "area/move", variantId, areaId, index: from },
  };
}

// ---------------------------------------------------------------------------------------------------
// Variants and the plan

const VARIANT_PATCH_KEYS: ReadonlySet<string> = new Set(["name", "updatedAt"]);
const PLAN_PATCH_KEYS: ReadonlySet<string> = new Set(["name", "updatedAt"]);

function putVariant(plan: Plan, variant: Variant, index: number | undefined): Step {
  if (typeof variant?.id !== "string" || variant.id === "") {
    throw new InvalidChangeError("the variant put into the plan has no id");
  }
  requireConsistentVariant(variant);
  const { next, previous } = putEntry(variantsOf(plan), variant.id, variant, index, "variant", "in the plan");
  const inverse: Change =
    previous === undefined
      ? { type: "variant/delete", variantId: variant.id }
      : { type: "variant/put", variant: previous.value, index: previous.index };
  return { plan: withVariants(plan, next), inverse };
}

function deleteVariant(plan: Plan, variantId: VariantId): Step {
  const { next, previous } = deleteEntry(variantsOf(plan), variantId, "variant", "in the plan");
  return {
    plan: withVariants(plan, next),
    inverse: { type: "variant/put", variant: previous.value, index: previous.index },
  };
}

function patchVariant(
  plan: Plan,
  variantId: VariantId,
  patch: Partial<Pick<Variant, "name" | "updatedAt">>,
): Step {
  const variant = requireVariant(plan, variantId);
  requirePatchKeys(patch, VARIANT_PATCH_KEYS, `variant "${variantId}"`);
  const { next, restore } = patchRecord(variant, patch);
  return {
    plan: withVariant(plan, next),
    inverse: { type: "variant/patch", variantId, patch: restore },
  };
}

function moveVariant(plan: Plan, variantId: VariantId, index: number): Step {
  const { next, from } = moveEntry(variantsOf(plan), variantId, index, "variant", "in the plan");
  return { plan: withVariants(plan, next), inverse: { type: "variant/move", variantId, index: from } };
}

function patchPlan(plan: Plan, patch: Partial<Pick<Plan, "name" | "updatedAt">>): Step {
  requirePatchKeys(patch, PLAN_PATCH_KEYS, "the plan");
  const { next, restore } = patchRecord(plan, patch);
  return { plan: next, inverse: { type: "plan/patch", patch: restore } };
}

function requireVariant(plan: Plan, variantId: VariantId): Variant {
  return requireEntry(variantsOf(plan), variantId, "variant", "in the plan").value;
}

/**
 * A variant put in whole must already keep `areaOrder` and `areas` in step: the engine only keeps
 * consistency that it is given.
 */
function requireConsistentVariant(variant: Variant): void {
  const problem = (detail: string) =>
    new InvalidChangeError(`variant "${variant.id}" is inconsistent: ${detail}`);
  if (!Array.isArray(variant.areaOrder) || typeof variant.areas !== "object" || variant.areas === null) {
    throw problem("it needs an areaOrder list and an areas record");
  }
  const seen = new Set<string>();
  for (const id of variant.areaOrder) {
    if (seen.has(id)) throw problem(`area "${id}" appears twice in areaOrder`);
    seen.add(id);
    if (!Object.hasOwn(variant.areas, id)) throw problem(`area "${id}" is in areaOrder but not in areas`);
  }
  for (const [key, area] of Object.entries(variant.areas)) {
    if (!seen.has(key)) throw problem(`area "${key}" is in areas but not in areaOrder`);
    if (area?.id !== key) throw problem(`areas["${key}"] holds an area with id "${String(area?.id)}"`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The plan's two ordered collections

const areasOf = (variant: Variant): Collection<AreaId, PilotArea> => ({
  order: variant.areaOrder,
  records: variant.areas,
});
const variantsOf = (plan: Plan): Collection<VariantId, Variant> => ({
  order: plan.variantOrder,
  records: plan.variants,
});
const withAreas = (variant: Variant, areas: Collection<AreaId, PilotArea>): Variant => ({
  ...variant,
  areaOrder: areas.order,
  areas: areas.records,
});
const withVariants = (plan: Plan, variants: Collection<VariantId, Variant>): Plan => ({
  ...plan,
  variantOrder: variants.order,
  variants: variants.records,
});
const withVariant = (plan: Plan, variant: Variant): Plan => ({
  ...plan,
  variants: withEntry(plan.variants, variant.id, variant),
});

// ---------------------------------------------------------------------------------------------------
// Patches

function requirePatchObject(patch: unknown, target: string): void {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new InvalidChangeError(`the patch for ${target} is not an object`);
  }
}

/** Variant and plan patches may only touch plain attributes, never ids or the ordered collections. */
function requirePatchKeys(patch: object, allowed: ReadonlySet<string>, target: string): void {
  requirePatchObject(patch, target);
  const forbidden = Object.keys(patch).filter((key) => !allowed.has(key));
  if (forbidden.length > 0) {
    throw new InvalidChangeError(
      `the patch for ${target} may only set ${[...allowed].join(", ")}, not ${forbidden.join(", ")}`,
    );
  }
}

/**
 * Applies a patch and returns the patch that restores exactly the old values of the patched keys.
 * A key the target did not have is restored as `undefined`, which removes it again, so undo gives back
 * an object with the same keys, not one with an extra `key: undefined` (deep equality can tell).
 * (A key that held `undefined` also comes back absent; saved documents are JSON, which has no such keys.)
 * Built with a Map and `Object.fromEntries` so that odd keys ("__proto__") stay plain own properties.
 */
function patchRecord<T extends object, P extends object>(target: T, patch: P): { next: T; restore: P } {
  const entries = new Map<string, unknown>(Object.entries(target));
  const restore: [string, unknown][] = [];
  for (const [key, value] of Object.entries(patch)) {
    restore.push([key, entries.has(key) ? entries.get(key) : undefined]);
    if (value === undefined) {
      entries.delete(key);
    } else {
      entries.set(key, value);
    }
  }
  return { next: Object.fromEntries(entries) as T, restore: Object.fromEntries(restore) as P };
}
