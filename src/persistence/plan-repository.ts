/**
 * The plan store on IndexedDB (Dexie): reads and writes plans, snapshots and settings as rows of the
 * tables in db.ts. Every call returns a promise and turns Dexie errors into {@link StorageError}s with
 * a code the UI can explain (quota, unavailable, …). What the rows mean (list order, the trash rule,
 * which plan opens, schema checks) is shared with the memory store in store-rules.ts.
 */

import Dexie from "dexie";
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import type { Plan } from "../domain/model/plan.ts";
import type { PilotkarteDb } from "./db.ts";
import { startOverlaySync } from "./overlay-sync.ts";
import { countsOf, type RowChanges, rowChangesOf, type WriteCounts } from "./plan-diff.ts";
import type { DamagedPlan, PlanStore, WorkspaceExport } from "./plan-store.ts";
import {
  type AreaRow,
  documentOfRows,
  isPlanRow,
  type PlanRow,
  planRowOf,
  rowsOf,
  type SnapshotKind,
  type SnapshotRow,
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

export { AUTO_SNAPSHOTS_KEPT, type DamagedPlan, TRASH_DAYS } from "./plan-store.ts";
export { StorageError, type StorageErrorCode, storageErrorOf } from "./storage-error.ts";

/** Vertices per write batch (see `putAreasInBatches`). */
const PUT_BATCH_VERTICES = 20_000;

/** Name of the User Timing measure of an edit's write (read by `npm run bench`). */
export const WRITE_MEASURE = "pilotkarte:autosave";
let measures = 0;
const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/**
 * Records how long an edit's write held the main thread: working out the diff (`diffMs`), and, from
 * `requestsStarted`, IndexedDB copying the rows as the requests are made (in a later microtask of the
 * same task; what other code does in between is not counted). At most 500 are kept.
 */
function measureWrite(diffMs: number, requestsStarted: number): void {
  if (typeof performance === "undefined" || typeof performance.measure !== "function") return;
  if (++measures % 500 === 0) performance.clearMeasures(WRITE_MEASURE);
  const duration = diffMs + (performance.now() - requestsStarted);
  performance.measure(WRITE_MEASURE, { start: requestsStarted - diffMs, duration });
}

export class PlanRepository implements PlanStore {
  constructor(readonly db: PilotkarteDb) {}

  planRows(): Promise<PlanRow[]> {
    return guard(async () => ((await this.db.plans.toArray()) as unknown[]).filter(isPlanRow));
  }

  listPlans(): Promise<PlanRow[]> {
    return guard(async () => planListOf(await this.planRows()));
  }

  listTrash(): Promise<PlanRow[]> {
    return guard(async () => trashListOf(await this.planRows()));
  }

  /**
   * A plan's rows put together as a document, as stored: not migrated, not checked. Never throws on
   * what the rows hold (a damaged row gives a document that the plan schema refuses). Null if the plan
   * does not exist.
   */
  readPlanDocument(id: string): Promise<Record<string, unknown> | null> {
    return guard(() =>
      this.db.transaction("r", this.db.plans, this.db.variants, this.db.areas, async () => {
        const row = (await this.db.plans.get(id)) as unknown;
        if (!isPlanRow(row)) return null;
        const variantRows = (await this.db.variants.where("planId").equals(id).toArray()) as unknown[];
        const areaRows = (await this.db.areas.where("planId").equals(id).toArray()) as unknown[];
        return documentOfRows(row, variantRows, areaRows);
      }),
    );
  }

  /**
   * Assembles a plan from its rows, migrates it to the current schema and checks it against the plan
   * schema (geometry included); null if it does not exist. A damaged plan is a StorageError "corrupt"
   * with the problem; it is left in storage as it is (never deleted or rewritten here).
   */
  async loadPlan(id: string): Promise<Plan | null> {
    const raw = await this.readPlanDocument(id);
    return raw === null ? null : planOfStored(raw, `plan ${id}`);
  }

  /** See `findFirstReadablePlan`. */
  firstReadablePlan(preferredId: unknown): Promise<{ plan: Plan | null; damaged: DamagedPlan[] }> {
    return findFirstReadablePlan(this, preferredId);
  }

  /**
   * IndexedDB copies each row as it is put, on the page's thread: hundreds of large areas in one
   * bulkPut held it for about 200 ms. In batches of about {@link PUT_BATCH_VERTICES} vertices, each
   * awaited inside the same transaction, the copying is spread over several short tasks.
   */
  private async putAreasInBatches(rows: readonly AreaRow[]): Promise<void> {
    let batch: AreaRow[] = [];
    let vertices = 0;
    for (const row of rows) {
      batch.push(row);
      vertices += vertexCount(row.area.geometry);
      if (vertices >= PUT_BATCH_VERTICES) {
        await this.db.areas.bulkPut(batch);
        batch = [];
        vertices = 0;
      }
    }
    if (batch.length > 0) await this.db.areas.bulkPut(batch);
  }

  /** Writes the whole plan, replacing whatever was stored for it. */
  savePlanFull(plan: Plan): Promise<void> {
    return guard(() =>
      this.db.transaction("rw", this.db.plans, this.db.variants, this.db.areas, async () => {
        const rows = rowsOf(plan);
        const existing = await this.db.plans.get(plan.id);
        await this.db.variants.where("planId").equals(plan.id).delete();
        await this.db.areas.where("planId").equals(plan.id).delete();
        await this.db.plans.put(
          existing?.deletedAt ? { ...rows.plan, deletedAt: existing.deletedAt } : rows.plan,
        );
        await this.db.variants.bulkPut(rows.variants);
        await this.putAreasInBatches(rows.areas);
      }),
    );
  }

  /**
   * Writes only what changed between two versions of the same plan. Relies on the document being
   * immutable with structural sharing: an unchanged variant or area is the same object.
   */
  savePlanDiff(previous: Plan, next: Plan): Promise<WriteCounts> {
    if (previous.id !== next.id) return this.savePlanFull(next).then(() => ({ written: -1, deleted: -1 }));
    const started = now();
    const changes = rowChangesOf(previous, next);
    // The common case (areas and their variant changed, the plan row not): written at once.
    if (!changes.planRow && changes.vertices <= PUT_BATCH_VERTICES)
      return this.writeAtOnce(changes, now() - started);
    return guard(() =>
      this.db.transaction("rw", this.db.plans, this.db.variants, this.db.areas, async () => {
        const { planRow, deletedVariants, variantPuts, areaPuts, areaDeletes } = changes;
        if (planRow) {
          // Like a full save, a diff save never takes a plan out of the trash (another tab may have trashed it).
          const existing = await this.db.plans.get(next.id);
          await this.db.plans.put(
            existing?.deletedAt ? { ...planRow, deletedAt: existing.deletedAt } : planRow,
          );
        }
        for (const variantId of deletedVariants) {
          await this.db.variants.delete([next.id, variantId]);
          await this.db.areas.where("[planId+variantId]").equals([next.id, variantId]).delete();
        }
        if (variantPuts.length > 0) await this.db.variants.bulkPut(variantPuts);
        if (areaPuts.length > 0) await this.putAreasInBatches(areaPuts);
        if (areaDeletes.length > 0) await this.db.areas.bulkDelete(areaDeletes);
        return countsOf(changes);
      }),
    );
  }

  /**
   * Writes variant and area rows in one transaction whose requests are all made in the calling task,
   * then commits it at once (`IDBTransaction.commit()`), without a read before the writes and without
   * waiting for the page to handle each request's success. The page's main thread is often busy for
   * 100 ms and more (a map frame drawn in software); a transaction that waits for it between its steps
   * stays uncommitted that long, and a tab killed meanwhile loses the edit. Committed like this, an edit
   * reaches the disk within a few milliseconds of the write being asked for.
   */
  private writeAtOnce(changes: RowChanges, diffMs: number): Promise<WriteCounts> {
    const { variantPuts, areaPuts, areaDeletes } = changes;
    const counts = countsOf(changes);
    if (counts.written === 0 && counts.deleted === 0) return Promise.resolve(counts);
    return guard(() =>
      this.db
        .transaction("rw", this.db.variants, this.db.areas, () => {
          const requestsStarted = now();
          const requests: Promise<unknown>[] = [];
          if (variantPuts.length > 0) requests.push(this.db.variants.bulkPut(variantPuts));
          if (areaPuts.length > 0) requests.push(this.db.areas.bulkPut(areaPuts));
          if (areaDeletes.length > 0) requests.push(this.db.areas.bulkDelete(areaDeletes));
          // A failed request aborts the transaction, which rejects the whole write with its error.
          for (const request of requests) request.catch(() => {});
          const transaction = Dexie.currentTransaction?.idbtrans as IDBTransaction | undefined;
          try {
            transaction?.commit?.();
          } catch {
            // Already committing: nothing more to ask.
          }
          measureWrite(diffMs, requestsStarted);
        })
        .then(() => counts),
    );
  }

  renamePlan(id: string, name: string, now: string): Promise<void> {
    return guard(async () => {
      await this.db.plans.update(id, { name, updatedAt: now });
    });
  }

  trashPlan(id: string, now: string): Promise<void> {
    return guard(async () => {
      await this.db.plans.update(id, { deletedAt: now });
    });
  }

  restoreFromTrash(id: string): Promise<void> {
    return guard(async () => {
      await this.db.plans
        .where("id")
        .equals(id)
        .modify((row) => {
          delete row.deletedAt;
        });
    });
  }

  deletePlanForever(id: string): Promise<void> {
    return guard(() =>
      this.db.transaction(
        "rw",
        [this.db.plans, this.db.variants, this.db.areas, this.db.snapshots],
        async () => {
          await this.db.plans.delete(id);
          await this.db.variants.where("planId").equals(id).delete();
          await this.db.areas.where("planId").equals(id).delete();
          await this.db.snapshots.where("planId").equals(id).delete();
        },
      ),
    );
  }

  /** Deletes the trashed plans the trash rule allows (`isPurgeable`); returns their ids. */
  purgeTrash(now: Date): Promise<string[]> {
    return guard(async () => {
      const purged: string[] = [];
      for (const row of await this.listTrash()) {
        // Every snapshot of the plan, also one whose time is not a valid index key.
        const snapshots = await this.db.snapshots.where("planId").equals(row.id).toArray();
        if (
          !isPurgeable(
            row.deletedAt,
            snapshots.map((snapshot) => snapshot.createdAt),
            now,
          )
        )
          continue;
        await this.deletePlanForever(row.id);
        purged.push(row.id);
      }
      return purged;
    });
  }

  addSnapshot(plan: Plan, kind: SnapshotKind, name: string, now: string): Promise<SnapshotRow> {
    return guard(async () => {
      const row = snapshotRowOf(plan, kind, name, now);
      await this.db.snapshots.put(row);
      if (kind === "auto") {
        const excess = autoSnapshotsToPrune(await this.listSnapshots(plan.id));
        if (excess.length > 0) await this.db.snapshots.bulkDelete(excess);
      }
      return row;
    });
  }

  listSnapshots(planId: string): Promise<SnapshotRow[]> {
    return guard(async () =>
      (
        await this.db.snapshots
          .where("[planId+createdAt]")
          .between([planId, Dexie.minKey], [planId, Dexie.maxKey])
          .toArray()
      ).reverse(),
    );
  }

  loadSnapshot(id: string): Promise<Plan | null> {
    return guard(async () => {
      const row = await this.db.snapshots.get(id);
      return row ? planOfStored(row.document, `snapshot ${id}`) : null;
    });
  }

  getSetting<T>(key: string): Promise<T | undefined> {
    return guard(async () => (await this.db.settings.get(key))?.value as T | undefined);
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return guard(async () => {
      await this.db.settings.put({ key, value });
    });
  }

  /**
   * Every plan (trash included) with its snapshots, for the one-file backup. A damaged plan does not
   * stop the backup: it is listed in `damaged` with its rows as stored, so that nothing is lost.
   */
  exportAll(): Promise<WorkspaceExport> {
    return guard(async () => {
      const rows = await this.planRows();
      return exportOf(rows, (id) => this.readPlanDocument(id), await this.db.snapshots.toArray());
    });
  }

  importPlans(plans: { plan: Plan; deletedAt?: string }[], snapshots: SnapshotRow[]): Promise<void> {
    return guard(() =>
      this.db.transaction(
        "rw",
        [this.db.plans, this.db.variants, this.db.areas, this.db.snapshots],
        async () => {
          for (const { plan, deletedAt } of plans) {
            await this.savePlanFull(plan);
            await this.db.plans.put(deletedAt ? { ...planRowOf(plan), deletedAt } : planRowOf(plan));
          }
          if (snapshots.length > 0) await this.db.snapshots.bulkPut(snapshots);
        },
      ),
    );
  }

  /** Overlay layers are kept in this database too (see overlay-sync.ts). */
  syncOverlays(): Promise<() => void> {
    return startOverlaySync(this.db);
  }
}
