/**
 * Commands on the variants of the open plan, as the variant switcher and workshop mode call them.
 * Each change is one change set, so one undo step; switching only sets the active variant, which is
 * where the planner is, not part of the document. Refusals come back as codes (never thrown) for the
 * UI to word; `reportVariantResult` turns them into toasts. Labels and default names are passed in
 * already translated, as in `area-commands.ts`.
 */
import { createVariant as createEmptyVariant } from "../domain/changes/create-plan.ts";
import { asAreaId, asVariantId, newId } from "../domain/model/ids.ts";
import type { PilotArea, Variant, VariantId } from "../domain/model/plan.ts";
import {
  checkVariantName,
  freeVariantName,
  type VariantNameProblem,
} from "../domain/workshop/variant-name.ts";
import type { DocumentState } from "./document-store.ts";
import { useSessionStore } from "./session-store.ts";

/** Why a variant command did nothing. Message keys `variant.refused.<code>`: DO NOT RENAME. */
export type VariantRefusal =
  /** This tab only follows another tab's edits. */
  | "read-only"
  /** The variant no longer exists (deleted in another tab, or undone). */
  | "unknown-variant"
  /** A plan keeps at least one variant. */
  | "last-variant"
  /** A move to a position outside the list. */
  | "invalid-index"
  | VariantNameProblem;

export type VariantCommandResult = { ok: true; variantId: VariantId } | { ok: false; reason: VariantRefusal };

export interface VariantCommandContext {
  getState: () => DocumentState;
  now?: () => string;
  /** Source of fresh ids; random UUIDs by default. */
  idFactory?: () => string;
}

const refuse = (reason: VariantRefusal): VariantCommandResult => ({ ok: false, reason });
const nowOf = (context: VariantCommandContext) => (context.now ?? (() => new Date().toISOString()))();
const idOf = (context: VariantCommandContext) => (context.idFactory ?? newId)();

function findVariant(state: DocumentState, variantId: VariantId): Variant | undefined {
  return Object.hasOwn(state.plan.variants, variantId) ? state.plan.variants[variantId] : undefined;
}

/**
 * Adds an empty variant at the end and makes it active. Without `name`, the first free
 * `defaultName(n)` is used ("Variante 3").
 */
export function createVariant(
  context: VariantCommandContext,
  options: { label: string; name?: string; defaultName: (n: number) => string },
): VariantCommandResult {
  const state = context.getState();
  if (state.readOnly) return refuse("read-only");
  const name = options.name ?? freeVariantName(state.plan, options.defaultName);
  const checked = checkVariantName(state.plan, name);
  if (!checked.ok) return refuse(checked.problem);
  const variant = createEmptyVariant(checked.name, nowOf(context), asVariantId(idOf(context)));
  state.transact({ label: options.label, changes: [{ type: "variant/put", variant }] });
  context.getState().setActiveVariant(variant.id);
  return { ok: true, variantId: variant.id };
}

/**
 * Copies a variant with all its areas (new ids throughout) right after the original and makes the
 * copy active. Without `name`, the first free `copyName(source name, n)` is used, n counting from 1
 * ("Nord (Kopie)", "Nord (Kopie 2)"). The variant is new (created now); its areas are the same areas
 * and keep when they were created and last changed, as a copied plan's do (exports show `created`,
 * and a copy made for a workshop must not make every area look new).
 */
export function duplicateVariant(
  context: VariantCommandContext,
  variantId: VariantId,
  options: { label: string; name?: string; copyName: (sourceName: string, n: number) => string },
): VariantCommandResult {
  const state = context.getState();
  if (state.readOnly) return refuse("read-only");
  const source = findVariant(state, variantId);
  if (source === undefined) return refuse("unknown-variant");
  const name = options.name ?? freeVariantName(state.plan, (n) => options.copyName(source.name, n));
  const checked = checkVariantName(state.plan, name);
  if (!checked.ok) return refuse(checked.problem);
  const now = nowOf(context);
  const areas: PilotArea[] = source.areaOrder.flatMap((areaId) => {
    const area = source.areas[areaId];
    if (area === undefined) return [];
    return [{ ...structuredClone(area), id: asAreaId(idOf(context)) }];
  });
  const copy: Variant = {
    id: asVariantId(idOf(context)),
    name: checked.name,
    areaOrder: areas.map((area) => area.id),
    areas: Object.fromEntries(areas.map((area) => [area.id, area])),
    createdAt: now,
    updatedAt: now,
  };
  const index = state.plan.variantOrder.indexOf(variantId) + 1;
  state.transact({ label: options.label, changes: [{ type: "variant/put", variant: copy, index }] });
  context.getState().setActiveVariant(copy.id);
  return { ok: true, variantId: copy.id };
}

/** Renames a variant (trimmed, 1–80 characters, unique in the plan ignoring case). */
export function renameVariant(
  context: VariantCommandContext,
  variantId: VariantId,
  name: string,
  label: string,
): VariantCommandResult {
  const state = context.getState();
  if (state.readOnly) return refuse("read-only");
  const variant = findVariant(state, variantId);
  if (variant === undefined) return refuse("unknown-variant");
  const checked = checkVariantName(state.plan, name, variantId);
  if (!checked.ok) return refuse(checked.problem);
  // The same name again is no change and no undo step.
  if (checked.name === variant.name) return { ok: true, variantId };
  state.transact({
    label,
    changes: [{ type: "variant/patch", variantId, patch: { name: checked.name, updatedAt: nowOf(context) } }],
  });
  return { ok: true, variantId };
}

/**
 * Deletes a variant with its areas; refused for the last one. When it was active, the variant that
 * takes its place in the list (or the one before, at the end) becomes active. The result names the
 * variant that is active afterwards.
 */
export function deleteVariant(
  context: VariantCommandContext,
  variantId: VariantId,
  label: string,
): VariantCommandResult {
  const state = context.getState();
  if (state.readOnly) return refuse("read-only");
  if (findVariant(state, variantId) === undefined) return refuse("unknown-variant");
  const order = state.plan.variantOrder;
  if (order.length <= 1) return refuse("last-variant");
  const at = order.indexOf(variantId);
  const neighbour = (order[at + 1] ?? order[at - 1]) as VariantId;
  const wasActive = state.activeVariantId === variantId;
  state.transact({ label, changes: [{ type: "variant/delete", variantId }] });
  if (wasActive) context.getState().setActiveVariant(neighbour);
  return { ok: true, variantId: context.getState().activeVariantId };
}

/** Moves a variant to position `index` (0-based) in the list. */
export function moveVariant(
  context: VariantCommandContext,
  variantId: VariantId,
  index: number,
  label: string,
): VariantCommandResult {
  const state = context.getState();
  if (state.readOnly) return refuse("read-only");
  if (findVariant(state, variantId) === undefined) return refuse("unknown-variant");
  const order = state.plan.variantOrder;
  if (!Number.isInteger(index) || index < 0 || index >= order.length) return refuse("invalid-index");
  if (order.indexOf(variantId) === index) return { ok: true, variantId };
  state.transact({ label, changes: [{ type: "variant/move", variantId, index }] });
  return { ok: true, variantId };
}

/** Makes a variant the active one. Allowed in a read-only tab: looking is not editing. */
export function switchVariant(context: VariantCommandContext, variantId: VariantId): VariantCommandResult {
  const state = context.getState();
  if (findVariant(state, variantId) === undefined) return refuse("unknown-variant");
  state.setActiveVariant(variantId);
  return { ok: true, variantId };
}

/** Tells the planner why a variant command was refused (toast `variant.refused.<code>`); silent on success. */
export function reportVariantResult(result: VariantCommandResult): void {
  if (result.ok) return;
  useSessionStore.getState().notify({ kind: "error", key: `variant.refused.${result.reason}` });
}
