/**
 * The plan store in this tab's memory: the same rows and rules as the IndexedDB store, kept in maps.
 * The workspace uses it when IndexedDB cannot be used (private mode, storage full or unreadable): the
 * session goes on in memory, with its plan list, trash and history, and a backup download holds all
 * of it. Nothing survives the tab. Unit tests use it too, and the contract tests check that it
 * behaves as the IndexedDB store does (tests/unit/persistence/plan-store-contract.ts).
 *
 * Rows are copied in and out like IndexedDB does (a caller cannot change what is stored), except the
 * pilot areas and snapshot documents, which are kept by reference: plans are immutable (a change
 * makes new objects, see domain/changes), so a stored version never changes afterwards, and an edit
 * costs no copy of its geometry.
 */
import type { Plan } from "../domain/model/plan.ts";
import { countsOf, rowChangesOf, type WriteCounts } from "./plan-diff.ts";
import type { DamagedPlan, PlanStore, WorkspaceExport } from "./plan-store.ts";
import {
  type AreaRow,
  documentOfRows,
  type PlanRow,
  rowsOf,
  type SnapshotKind,
  type SnapshotRow,
  type VariantRow,
} from "./rows.ts";
import { guard } from "./storage-error.ts";
import {
  autoSnapshotsToPrune,
  exportOf,
  findFirstReadablePlan,
  isPurgeable,
  planListOf,
  planOfStored,
  snapshotRowOf,
  trashListOf,
} from "./store-rules.ts";

/** The key of an area row within its plan. */
const areaKey = (variantId: string, areaId: string) => JSON.stringify([variantId, areaId]);
const byKey = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class MemoryPlanStore implements PlanStore {
  private readonly plans = new Map<string, PlanRow>();
  /** Variant rows by plan, then by variant id. */
  private readonly variants = new Map<string, Map<string, VariantRow>>();
  /** Area rows by plan, then by {@link areaKey}. */
  private readonly areas = new Map<string, Map<string, AreaRow>>();
  private readonly snapshots = new Map<string, SnapshotRow>();
  private readonly settings = new Map<string, unknown>();

  /** A plan's map in `maps`, made when it has none yet. */
  private static mapOf<T>(maps: Map<string, Map<string, T>>, planId: string): Map<string, T> {
    const map = maps.get(planId) ?? new Map<string, T>();
    maps.set(planId, map);
    return map;
  }

  /** The row to store for a save: a save never takes a plan out of the trash. */
  private keepingTrash(row: PlanRow): PlanRow {
    const deletedAt = this.plans.get(row.id)?.deletedAt;
    return deletedAt ? { ...row, deletedAt } : row;
  }

  /** Replaces every row of a plan. */
  private replaceRows(planRow: PlanRow, rows: ReturnType<typeof rowsOf>): void {
    this.plans.set(planRow.id, structuredClone(planRow));
    this.variants.set(planRow.id, new Map(rows.variants.map((row) => [row.id, row])));
    this.areas.set(planRow.id, new Map(rows.areas.map((row) => [areaKey(row.variantId, row.id), row])));
  }

  async planRows(): Promise<PlanRow[]> {
    return [...this.plans.values()].sort(byKey).map((row) => structuredClone(row));
  }

  async listPlans(): Promise<PlanRow[]> {
    return planListOf(await this.planRows());
  }

  async listTrash(): Promise<PlanRow[]> {
    return trashListOf(await this.planRows());
  }

  async readPlanDocument(id: string): Promise<Record<string, unknown> | null> {
    const row = this.plans.get(id);
    if (!row) return null;
    const variants = [...(this.variants.get(id)?.values() ?? [])];
    const areas = [...(this.areas.get(id)?.values() ?? [])];
    return documentOfRows(structuredClone(row), variants, areas);
  }

  async loadPlan(id: string): Promise<Plan | null> {
    const raw = await this.readPlanDocument(id);
    return raw === null ? null : planOfStored(raw, `plan ${id}`);
  }

  firstReadablePlan(preferredId: unknown): Promise<{ plan: Plan | null; damaged: DamagedPlan[] }> {
    return findFirstReadablePlan(this, preferredId);
  }

  savePlanFull(plan: Plan): Promise<void> {
    return guard(async () => {
      const rows = rowsOf(plan);
      this.replaceRows(this.keepingTrash(rows.plan), rows);
    });
  }

  savePlanDiff(previous: Plan, next: Plan): Promise<WriteCounts> {
    if (previous.id !== next.id) return this.savePlanFull(next).then(() => ({ written: -1, deleted: -1 }));
    return guard(async () => {
      const changes = rowChangesOf(previous, next);
      if (changes.planRow) this.plans.set(next.id, structuredClone(this.keepingTrash(changes.planRow)));
      const variants = MemoryPlanStore.mapOf(this.variants, next.id);
      const areas = MemoryPlanStore.mapOf(this.areas, next.id);
      for (const variantId of changes.deletedVariants) {
        variants.delete(variantId);
        for (const [key, row] of areas) if (row.variantId === variantId) areas.delete(key);
      }
      for (const row of changes.variantPuts) variants.set(row.id, row);
      for (const row of changes.areaPuts) areas.set(areaKey(row.variantId, row.id), row);
      for (const [, variantId, areaId] of changes.areaDeletes) areas.delete(areaKey(variantId, areaId));
      return countsOf(changes);
    });
  }

  async renamePlan(id: string, name: string, now: string): Promise<void> {
    const row = this.plans.get(id);
    if (row) this.plans.set(id, { ...row, name, updatedAt: now });
  }

  async trashPlan(id: string, now: string): Promise<void> {
    const row = this.plans.get(id);
    if (row) this.plans.set(id, { ...row, deletedAt: now });
  }

  async restoreFromTrash(id: string): Promise<void> {
    const row = this.plans.get(id);
    if (!row) return;
    const { deletedAt: _deletedAt, ...kept } = row;
    this.plans.set(id, kept);
  }

  async deletePlanForever(id: string): Promise<void> {
    this.plans.delete(id);
    this.variants.delete(id);
    this.areas.delete(id);
    for (const [snapshotId, row] of this.snapshots) if (row.planId === id) this.snapshots.delete(snapshotId);
  }

  async purgeTrash(now: Date): Promise<string[]> {
    const purged: string[] = [];
    for (const row of await this.listTrash()) {
      const times = [...this.snapshots.values()].filter((s) => s.planId === row.id).map((s) => s.createdAt);
      if (!isPurgeable(row.deletedAt, times, now)) continue;
      await this.deletePlanForever(row.id);
      purged.push(row.id);
    }
    return purged;
  }

  async addSnapshot(plan: Plan, kind: SnapshotKind, name: string, now: string): Promise<SnapshotRow> {
    const row = snapshotRowOf(plan, kind, name, now);
    this.snapshots.set(row.id, { ...row });
    if (kind === "auto") {
      for (const id of autoSnapshotsToPrune(await this.listSnapshots(plan.id))) this.snapshots.delete(id);
    }
    return row;
  }

  /** Newest first, in the order of IndexedDB's `[planId+createdAt]` index read backwards. */
  async listSnapshots(planId: string): Promise<SnapshotRow[]> {
    return [...this.snapshots.values()]
      .filter((row) => row.planId === planId)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : byKey(a, b)))
      .reverse()
      .map((row) => ({ ...row }));
  }

  async loadSnapshot(id: string): Promise<Plan | null> {
    const row = this.snapshots.get(id);
    return row ? planOfStored(row.document, `snapshot ${id}`) : null;
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return structuredClone(this.settings.get(key)) as T | undefined;
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return guard(async () => {
      this.settings.set(key, structuredClone(value));
    });
  }

  async exportAll(): Promise<WorkspaceExport> {
    const snapshots = [...this.snapshots.values()].sort(byKey).map((row) => ({ ...row }));
    return exportOf(await this.planRows(), (id) => this.readPlanDocument(id), snapshots);
  }

  importPlans(plans: { plan: Plan; deletedAt?: string }[], snapshots: SnapshotRow[]): Promise<void> {
    return guard(async () => {
      // All rows first: a plan that cannot be turned into rows leaves everything as it was.
      const written = plans.map(({ plan, deletedAt }) => {
        const rows = rowsOf(plan);
        return { rows, planRow: deletedAt ? { ...rows.plan, deletedAt } : rows.plan };
      });
      for (const { planRow, rows } of written) this.replaceRows(planRow, rows);
      for (const row of snapshots) this.snapshots.set(row.id, { ...row });
    });
  }

  /** Overlay layers stay in the overlay store for this session: nothing to restore or keep. */
  async syncOverlays(): Promise<() => void> {
    return () => {};
  }
}
