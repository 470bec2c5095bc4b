/**
 * The app's one document store instance. Until storage exists (issue 4), the app starts with a new,
 * empty plan holding one variant.
 */
import { createPlan, createVariant } from "../domain/changes/index.ts";
import type { Plan } from "../domain/model/plan.ts";
import { createDocumentStore } from "./document-store.ts";

export function createStarterPlan(
  planName: string,
  variantName: string,
  now = new Date().toISOString(),
): Plan {
  const variant = createVariant(variantName, now);
  return { ...createPlan(planName, now), variantOrder: [variant.id], variants: { [variant.id]: variant } };
}

export const useDocumentStore = createDocumentStore(createStarterPlan("Neuer Plan", "Variante 1"));
