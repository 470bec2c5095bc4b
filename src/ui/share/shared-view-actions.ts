/**
 * What the shared view's buttons do: start the local workspace, and add the shared variant to the
 * open plan (when this tab may edit it) or as a new plan. Local data is touched only here.
 */
import { createPlan } from "../../domain/changes/create-plan.ts";
import type { SharedVariant } from "../../domain/share/share-format.ts";
import { sharedVariantToVariant } from "../../domain/share/shared-variant-to-variant.ts";
import { workspace } from "../../persistence/instance.ts";
import { createStarterPlan, useDocumentStore } from "../../store/plan-document.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { reportVariantResult } from "../../store/variant-commands.ts";
import { adoptSharedVariant } from "./adopt-shared-variant.ts";

type T = (key: string, values?: Record<string, unknown>) => string;

/** Starts the local workspace (if not yet). */
export async function toWorkspace(t: T): Promise<void> {
  await workspace.start(() => createStarterPlan(t("plans.newPlanName"), t("plans.firstVariantName")));
}

/**
 * Waits until this tab knows whether it may edit the open plan: the workspace asks for the plan's
 * Web Lock (`pilotkarte-plan-<id>`) without waiting for it, and another tab may hold it (the usual
 * case when a link opens in a new tab beside the workspace). At most about a second.
 */
async function editingSettled(): Promise<void> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return;
  const name = `pilotkarte-plan-${useDocumentStore.getState().plan.id}`;
  for (let i = 0; i < 40; i++) {
    const state = await locks.query();
    if (state.held?.some((lock) => lock.name === name)) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // The lock callback that sets read-only runs as its own task.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Adds the shared variant to the open plan; says why not when this tab may not or it failed. */
export async function adoptIntoOpenPlan(shared: SharedVariant, t: T): Promise<"ok" | "read-only" | "failed"> {
  try {
    await toWorkspace(t);
    await editingSettled();
    if (useDocumentStore.getState().readOnly) return "read-only";
    const result = adoptSharedVariant(shared, {
      getState: useDocumentStore.getState,
      label: t("share.view.adoptLabel"),
      takenName: (name, n) =>
        n === 1 ? t("share.view.adoptedName", { name }) : t("share.view.adoptedNameN", { name, n }),
    });
    if (!result.ok) {
      reportVariantResult(result);
      return "failed";
    }
    const state = useDocumentStore.getState();
    useSessionStore.getState().notify({
      kind: "info",
      key: "share.view.adopted",
      values: { name: state.plan.variants[result.variantId]?.name ?? "", plan: state.plan.name },
    });
    return "ok";
  } catch {
    return "failed";
  }
}

/** Adds the shared variant as a new plan of its own. */
export async function adoptAsNewPlan(shared: SharedVariant, t: T): Promise<"ok" | "failed"> {
  try {
    await toWorkspace(t);
    const now = new Date().toISOString();
    const adopted = sharedVariantToVariant(shared, now);
    const name = shared.planName.trim() || t("plans.newPlanName");
    await workspace.createPlan(() => ({
      ...createPlan(name, now),
      variantOrder: [adopted.id],
      variants: { [adopted.id]: adopted },
    }));
    useSessionStore.getState().notify({
      kind: "info",
      key: "share.view.adoptedPlan",
      values: { name: adopted.name, plan: name },
    });
    return "ok";
  } catch {
    return "failed";
  }
}
