/**
 * The planner's plans: the plan list, the trash and the open plan's history as the UI shows them
 * (storage store), opening, creating, renaming, duplicating, trashing, restoring and deleting plans,
 * and damaged plans (listed with their problem, never deleted or rewritten unless the planner says so;
 * their rows can be exported). The trash rule itself is in store-rules.ts (`isPurgeable`).
 */
import type { Plan } from "../domain/model/plan.ts";
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import type { PlanSummary, SnapshotSummary } from "../store/storage-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { copyWithNewIds } from "./backup.ts";
import type { PlanRow, SnapshotRow } from "./rows.ts";
import { damageOf } from "./storage-error.ts";
import type { ViewMemory } from "./view-state.ts";
import { nowIso, type WorkspaceContext } from "./workspace-context.ts";

/** Why a plan could not be moved to the trash. */
export type TrashRefusal = "edited-elsewhere" | "unavailable";

function summaryOf(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    variantCount: row.variantOrder.length,
    ...(row.deletedAt ? { deletedAt: row.deletedAt } : {}),
  };
}

/** A snapshot for the history list; rows too damaged to list (no id or time) are left out. */
function snapshotSummary(row: SnapshotRow): SnapshotSummary | null {
  if (typeof row?.id !== "string" || !Number.isFinite(Date.parse(String(row.createdAt)))) return null;
  // The document is checked when it is restored; for the list, a damaged one counts no areas.
  const document = row.document as Partial<Plan> | undefined;
  const order = Array.isArray(document?.variantOrder) ? document.variantOrder : [];
  const areaCount = order.reduce((sum, id) => {
    const areaOrder = document?.variants?.[id]?.areaOrder;
    return sum + (Array.isArray(areaOrder) ? areaOrder.length : 0);
  }, 0);
  return {
    id: row.id,
    createdAt: row.createdAt,
    kind: row.kind,
    name: typeof row.name === "string" ? row.name : "",
    areaCount,
  };
}

export class PlanLibrary {
  constructor(
    private readonly context: WorkspaceContext,
    private readonly views: ViewMemory,
  ) {}

  private get store() {
    return this.context.store();
  }

  /** Fills the plan list, the trash and the open plan's history in the storage store. */
  async refreshLists(): Promise<void> {
    const store = this.store;
    const planId = useDocumentStore.getState().plan.id;
    const [plans, trash, snapshots] = await Promise.all([
      store.listPlans(),
      store.listTrash(),
      store.listSnapshots(planId),
    ]);
    useStorageStore.getState().set({
      plans: plans.map(summaryOf),
      trash: trash.map(summaryOf),
      snapshots: snapshots.map(snapshotSummary).filter((s): s is SnapshotSummary => s !== null),
    });
  }

  /** The plan to open (see `findFirstReadablePlan`); damaged plans found on the way are recorded. */
  async firstReadablePlan(): Promise<Plan | null> {
    const { plan, damaged } = await this.store.firstReadablePlan(await this.views.lastPlanId());
    for (const entry of damaged) await this.markDamaged(entry.id, entry.problem);
    return plan;
  }

  /** Records a damaged plan for the plan list and tells the planner once. */
  async markDamaged(id: string, problem: ValidationProblem): Promise<void> {
    const row = (await this.store.planRows().catch(() => [])).find((r) => r.id === id);
    const name = typeof row?.name === "string" ? row.name : "";
    const storage = useStorageStore.getState();
    if (storage.damaged.some((d) => d.id === id)) return;
    // The storage banner says so (and stays until closed): a toast could fade before the map is there.
    storage.set({ damaged: [...storage.damaged, { id, name, problem }], damagedNoticeClosed: false });
  }

  /** Opens a stored plan; false when it cannot be read (it is then listed as damaged). */
  async openPlan(id: string): Promise<boolean> {
    await this.context.flush();
    let plan: Plan | null;
    try {
      plan = await this.store.loadPlan(id);
    } catch (error) {
      const problem = damageOf(error);
      if (!problem) throw error;
      await this.markDamaged(id, problem);
      return false;
    }
    if (!plan) return false;
    this.context.open(plan, await this.views.read(id));
    await this.context.refreshLists();
    return true;
  }

  /**
   * A damaged plan's rows as stored, as JSON text, so that the planner (or support) can keep and mend
   * it; null when it no longer exists.
   */
  async exportDamagedPlan(id: string): Promise<string | null> {
    const document = await this.store.readPlanDocument(id);
    if (!document) return null;
    const damaged = useStorageStore.getState().damaged.find((d) => d.id === id);
    return JSON.stringify(
      { format: "pilotkarte-damaged-plan", exportedAt: nowIso(), problem: damaged?.problem, document },
      null,
      1,
    );
  }

  async createPlan(createStarter: () => Plan): Promise<void> {
    await this.context.flush();
    const plan = createStarter();
    await this.store.savePlanFull(plan);
    this.context.open(plan, undefined);
    await this.context.refreshLists();
  }

  async renamePlan(id: string, name: string): Promise<void> {
    const documents = useDocumentStore.getState();
    if (documents.plan.id === id) {
      documents.transact({
        label: name,
        changes: [{ type: "plan/patch", patch: { name, updatedAt: nowIso() } }],
      });
      await this.context.flush();
    } else {
      await this.store.renamePlan(id, name, nowIso());
    }
    await this.context.refreshLists();
  }

  async duplicatePlan(id: string): Promise<void> {
    await this.context.flush();
    const store = this.store;
    const plan = await store.loadPlan(id).catch(() => null);
    if (!plan) return;
    const copy = copyWithNewIds(plan, `${plan.name} ${this.context.texts().copySuffix}`);
    await store.savePlanFull({ ...copy, createdAt: nowIso(), updatedAt: nowIso() });
    await this.context.refreshLists();
  }

  /**
   * Moves a plan to the trash; the open plan is replaced by another (or a new) one. Refused for a plan
   * that another tab is editing (that tab would go on saving into a plan in the trash): trash it there.
   * Other tabs are told at once (they update their plan list; one showing the plan says so).
   */
  async trashPlan(
    id: string,
    createStarter: () => Plan,
  ): Promise<{ ok: true } | { ok: false; reason: TrashRefusal }> {
    const store = this.store;
    const documents = useDocumentStore.getState();
    // This tab holds the lock of the plan it edits.
    const editingHere = documents.plan.id === id && !documents.readOnly;
    if (await this.context.tabs().editedElsewhere(id, editingHere))
      return { ok: false, reason: "edited-elsewhere" };
    await this.context.flush();
    const plan = await store.loadPlan(id).catch(() => null);
    if (plan) await store.addSnapshot(plan, "before-risky", "trash", nowIso());
    await store.trashPlan(id, nowIso());
    this.context.tabs().post("trashed", id);
    if (useDocumentStore.getState().plan.id === id) {
      const next = await this.firstReadablePlan();
      if (next) this.context.open(next, undefined);
      else await this.createPlan(createStarter);
    }
    await this.context.refreshLists();
    return { ok: true };
  }

  async restorePlan(id: string): Promise<void> {
    await this.store.restoreFromTrash(id);
    this.context.tabs().post("restored", id);
    if (useDocumentStore.getState().plan.id === id)
      useStorageStore.getState().set({ trashedElsewhere: false });
    await this.context.refreshLists();
  }

  async deletePlanForever(id: string): Promise<void> {
    await this.store.deletePlanForever(id);
    const storage = useStorageStore.getState();
    storage.set({ damaged: storage.damaged.filter((d) => d.id !== id) });
    await this.context.refreshLists();
  }
}
