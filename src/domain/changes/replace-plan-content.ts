/**
 * A change set that turns one version of a plan into another (e.g. restoring a snapshot), so that the
 * restore is one undoable step like any other edit.
 */
import type { Plan, VariantId } from "../model/plan.ts";
import type { Change, ChangeSet } from "./change-set.ts";

export function replacePlanContent(current: Plan, target: Plan, label: string, now: string): ChangeSet {
  if (current.id !== target.id) throw new Error(`cannot replace plan ${current.id} with plan ${target.id}`);
  const changes: Change[] = [];
  for (const variantId of current.variantOrder) {
    if (!target.variants[variantId]) changes.push({ type: "variant/delete", variantId });
  }
  target.variantOrder.forEach((variantId, index) => {
    const variant = target.variants[variantId];
    if (!variant) return;
    if (current.variants[variantId] !== variant) {
      changes.push({ type: "variant/put", variant, index });
    } else if (current.variantOrder.indexOf(variantId) !== index) {
      changes.push({ type: "variant/move", variantId: variantId as VariantId, index });
    }
  });
  changes.push({ type: "plan/patch", patch: { name: target.name, updatedAt: now } });
  return { label, changes };
}
