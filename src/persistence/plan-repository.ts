/**
 * Reading and writing plans, snapshots and settings. Every call returns a promise and turns Dexie
 * errors into {@link StorageError}s with a code the UI can explain (quota, unavailable, …).
 */

import Dexie from "dexie";
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import { migrateDocument } from "../domain/migrations/index.ts";
import { newId } from "../domain/model/ids.ts";
import type { PilotArea, Plan, Variant } from "../domain/model/plan.ts";
import { describeProblem, type ValidationProblem } from "../domain/validation/validation-problem.ts";
import {
  type AreaRow,
  type PilotkarteDb,
  type PlanRow,
  planRowOf,
  rowsOf,
  type SnapshotKind,
  type SnapshotRow,
  type VariantRow,
  variantRowOf,
} from "./db.ts";

export type StorageErrorCode = "quota" | "unavailable" | "blocked" | "corrupt" | "unknown";

/** Vertices per write batch (see `putAreasInBatches`). */
const PUT_BATCH_VERTICES = 20_000;

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown; problem?: ValidationProblem },
  ) {
    super(message, options);
    this.name = "StorageError";
    if (options?.problem) this.problem = options.problem;
  }

  /** For "corrupt": what the plan schema found wrong with the stored document. */
  readonly problem?: ValidationProblem;
}

/** Classifies a Dexie / DOM error. */
export function storageErrorOf(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string })?.name ?? "";
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? "";
  const message = (error as Error)?.message ?? String(error);
  if (name === "QuotaExceededError" || inner === "QuotaExceededError") {
    return new StorageError("quota", message, { cause: error });
  }
  if (name === "MissingAPIError" || name === "InvalidStateError" || name === "OpenFailedError") {
    return new StorageError("unavailable", message, { cause: error });
  }
  if (name === "DatabaseClosedError" || name === "VersionChangeError" || name === "BlockedError") {
    return new StorageError("blocked", message, { cause: error });
  }
  return new StorageError("unknown", message, { cause: error });
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageErrorOf(error);
  }
}

/** Days a plan stays in the trash before it is removed for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/** A stored time as milliseconds, or NaN when the row holds something else. */
const timeOf = (value: unknown): number => (typeof value === "string" ? Date.parse(value) : Number.NaN);
/** Newest first by a stored time; rows with an unreadable time last (a damaged row must not stop the list). */
const newestFirst =
  <T>(timeOfRow: (row: T) => unknown) =>
  (a: T, b: T): number => {
    const ta = timeOf(timeOfRow(a));
    const tb = timeOf(timeOfRow(b));
    return (Number.isFinite(tb) ? tb : -Infinity) - (Number.isFinite(ta) ? ta : -Infinity) || 0;
  };
const isPlanRow = (row: unknown): row is PlanRow =>
  typeof row === "object" && row !== null && typeof (row as PlanRow).id === "string";

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

/** Whether two versions of a variant have the same row (name, times, area order). */
function sameVariantRow(a: Variant, b: Variant): boolean {
  return (
    a.name === b.name &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    (a.areaOrder === b.areaOrder ||
      (a.areaOrder.length === b.areaOrder.length && a.areaOrder.every((id, i) => id === b.areaOrder[i])))
  );
}

/** Whether two plan rows hold the same values (a diff save then leaves the stored row alone). */
function samePlanRow(a: PlanRow, b: PlanRow): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.schemaVersion === b.schemaVersion &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.variantOrder.length === b.variantOrder.length &&
    a.variantOrder.every((id, i) => id === b.variantOrder[i])
  );
}

/** A stored plan that cannot be read: its id, what name it has, and why. */
export interface DamagedPlan {
  id: string;
  name: string;
  problem: ValidationProblem;
}
/** Automatic snapshots kept per plan (named and before-risky ones are always kept). */
export const AUTO_SNAPSHOTS_KEPT = 50;

export class PlanRepository {
  constructor(readonly db: PilotkarteDb) {}

  /** Every plan row, trash included, as stored (rows without an id are left out). */
  planRows(): Promise<PlanRow[]> {
    return guard(async () => ((await this.db.plans.toArray()) as unknown[]).filter(isPlanRow));
  }

  /** Plans not in the trash, newest first. */
  listPlans(): Promise<PlanRow[]> {
    return guard(async () =>
      (await this.planRows()).filter((p) => !p.deletedAt).sort(newestFirst((p) => p.updatedAt)),
    );
  }

  listTrash(): Promise<PlanRow[]> {
    return guard(async () =>
      (await this.planRows()).filter((p) => p.deletedAt).sort(newestFirst((p) => p.deletedAt)),
    );
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
        const areasByVariant = new Map<string, Map<string, unknown>>();
        for (const a of areaRows as Partial<AreaRow>[]) {
          if (typeof a?.variantId !== "string" || typeof a.id !== "string") continue;
          const map = areasByVariant.get(a.variantId) ?? new Map<string, unknown>();
          map.set(a.id, a.area);
          areasByVariant.set(a.variantId, map);
        }
        const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
        const variants: Record<string, unknown> = {};
        for (const v of variantRows as Partial<VariantRow>[]) {
          if (typeof v?.id !== "string") continue;
          const stored = areasByVariant.get(v.id) ?? new Map<string, unknown>();
          const areas: Record<string, unknown> = {};
          // The order list is the truth; rows without an order entry are kept at the end (never lost).
          const order = listOf(v.areaOrder).filter(
            (areaId): areaId is string => typeof areaId === "string" && stored.has(areaId),
          );
          for (const areaId of stored.keys()) if (!order.includes(areaId)) order.push(areaId);
          for (const areaId of order) areas[areaId] = stored.get(areaId);
          variants[v.id] = {
            id: v.id,
            name: v.name,
            areaOrder: order,
            areas,
            createdAt: v.createdAt,
            updatedAt: v.updatedAt,
          };
        }
        const variantOrder = listOf(row.variantOrder).filter(
          (vid): vid is string => typeof vid === "string" && Object.hasOwn(variants, vid),
        );
        for (const vid of Object.keys(variants)) if (!variantOrder.includes(vid)) variantOrder.push(vid);
        return {
          id: row.id,
          schemaVersion: row.schemaVersion,
          name: row.name,
          variantOrder,
          variants,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        };
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
    if (raw === null) return null;
    const migrated = migrateDocument(raw);
    if (!migrated.ok) {
      throw new StorageError("corrupt", `plan ${id}: ${describeProblem(migrated.problem)}`, {
        problem: migrated.problem,
      });
    }
    return migrated.plan;
  }

  /**
   * The plan to open at start: `preferredId` (the last plan opened) if it is readable and not in the
   * trash, else the newest readable plan of the plan list; null when there is none. Plans that cannot
   * be read are returned in `damaged` (they stay stored as they are) and the next one is tried, so one
   * damaged plan never keeps the app from starting. Storage errors other than a damaged plan are thrown.
   */
  async firstReadablePlan(preferredId: unknown): Promise<{ plan: Plan | null; damaged: DamagedPlan[] }> {
    const rows = await this.listPlans();
    const candidates = rows.map((row) => row.id);
    if (typeof preferredId === "string" && candidates.includes(preferredId)) {
      candidates.splice(candidates.indexOf(preferredId), 1);
      candidates.unshift(preferredId);
    }
    const damaged: DamagedPlan[] = [];
    for (const id of candidates) {
      try {
        const plan = await this.loadPlan(id);
        if (plan) return { plan, damaged };
      } catch (error) {
        if (!(error instanceof StorageError && error.code === "corrupt" && error.problem)) throw error;
        const name = rows.find((row) => row.id === id)?.name;
        damaged.push({ id, name: typeof name === "string" ? name : "", problem: error.problem });
      }
    }
    return { plan: null, damaged };
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
  savePlanDiff(previous: Plan, next: Plan): Promise<{ written: number; deleted: number }> {
    if (previous.id !== next.id) return this.savePlanFull(next).then(() => ({ written: -1, deleted: -1 }));
    const started = now();
    const rowChanged = !samePlanRow(planRowOf(previous), planRowOf(next));
    const variantPuts: VariantRow[] = [];
    const areaPuts: AreaRow[] = [];
    const areaDeletes: [string, string, string][] = [];
    for (const variantId of next.variantOrder) {
      const before = previous.variants[variantId];
      const after = next.variants[variantId] as Variant;
      if (before === after) continue;
      // An area edit changes the variant object, rarely its row (name, area order, times).
      if (!before || !sameVariantRow(before, after)) variantPuts.push(variantRowOf(next.id, after));
      for (const areaId of after.areaOrder) {
        const area = after.areas[areaId] as PilotArea;
        if (before?.areas[areaId] !== area) areaPuts.push({ planId: next.id, variantId, id: areaId, area });
      }
      for (const areaId of before?.areaOrder ?? []) {
        if (!after.areas[areaId]) areaDeletes.push([next.id, variantId, areaId]);
      }
    }
    const vertices = areaPuts.reduce((sum, row) => sum + vertexCount(row.area.geometry), 0);
    // The common case (areas and their variant changed, the plan row not): written at once.
    if (!rowChanged && vertices <= PUT_BATCH_VERTICES)
      return this.writeAtOnce(variantPuts, areaPuts, areaDeletes, now() - started);
    return guard(() =>
      this.db.transaction("rw", this.db.plans, this.db.variants, this.db.areas, async () => {
        let written = 0;
        let deleted = 0;
        if (rowChanged) {
          // Like a full save, a diff save never takes a plan out of the trash (another tab may have trashed it).
          const existing = await this.db.plans.get(next.id);
          await this.db.plans.put(
            existing?.deletedAt ? { ...planRowOf(next), deletedAt: existing.deletedAt } : planRowOf(next),
          );
          written++;
        }
        for (const variantId of previous.variantOrder) {
          if (!next.variants[variantId]) {
            await this.db.variants.delete([next.id, variantId]);
            await this.db.areas.where("[planId+variantId]").equals([next.id, variantId]).delete();
            deleted++;
          }
        }
        if (variantPuts.length > 0) await this.db.variants.bulkPut(variantPuts);
        if (areaPuts.length > 0) await this.putAreasInBatches(areaPuts);
        if (areaDeletes.length > 0) await this.db.areas.bulkDelete(areaDeletes);
        return {
          written: written + variantPuts.length + areaPuts.length,
          deleted: deleted + areaDeletes.length,
        };
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
  private writeAtOnce(
    variantPuts: VariantRow[],
    areaPuts: AreaRow[],
    areaDeletes: [string, string, string][],
    diffMs: number,
  ): Promise<{ written: number; deleted: number }> {
    const counts = { written: variantPuts.length + areaPuts.length, deleted: areaDeletes.length };
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

  /** Moves a plan to the trash (restorable for {@link TRASH_DAYS} days). */
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

  /** Removes a plan, its rows and its snapshots for good. */
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

  /**
   * Deletes plans that have been in this browser's trash for {@link TRASH_DAYS} days; returns their ids.
   *
   * The rule, safe against times that come from elsewhere: a plan is purged only when
   * - its `deletedAt` is a readable time more than {@link TRASH_DAYS} days ago (an unreadable time
   *   never purges). `deletedAt` is set by this browser: when a plan is moved to the trash,
   *   or when it is imported from a backup in which it was in the trash (`applyBackup` sets the import
   *   time, never the file's), and
   * - no snapshot of the plan was taken within those {@link TRASH_DAYS} days. Snapshots are taken when a plan is
   *   trashed, before risky operations and before every import: a recent one means the plan was in use
   *   here recently, and the safety snapshot taken before an import is never purged with it.
   */
  purgeTrash(now: Date): Promise<string[]> {
    return guard(async () => {
      const limit = now.getTime() - TRASH_DAYS * DAY_MS;
      const purged: string[] = [];
      for (const row of await this.listTrash()) {
        const trashedAt = timeOf(row.deletedAt);
        // NaN (an unreadable time) fails every comparison: such a plan is never purged.
        if (!(trashedAt < limit)) continue;
        const snapshots = await this.db.snapshots.where("planId").equals(row.id).toArray();
        if (snapshots.some((snapshot) => !(timeOf(snapshot.createdAt) < limit))) continue;
        await this.deletePlanForever(row.id);
        purged.push(row.id);
      }
      return purged;
    });
  }

  addSnapshot(plan: Plan, kind: SnapshotKind, name: string, now: string): Promise<SnapshotRow> {
    return guard(async () => {
      const row: SnapshotRow = {
        id: newId(),
        planId: plan.id,
        createdAt: now,
        kind,
        name,
        schemaVersion: plan.schemaVersion,
        document: plan,
      };
      await this.db.snapshots.put(row);
      if (kind === "auto") {
        const autos = (await this.listSnapshots(plan.id)).filter((s) => s.kind === "auto");
        const excess = autos.slice(AUTO_SNAPSHOTS_KEPT);
        if (excess.length > 0) await this.db.snapshots.bulkDelete(excess.map((s) => s.id));
      }
      return row;
    });
  }

  /** Snapshots of a plan, newest first. */
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

  /** A snapshot's document, migrated to the current schema and checked. */
  loadSnapshot(id: string): Promise<Plan | null> {
    return guard(async () => {
      const row = await this.db.snapshots.get(id);
      if (!row) return null;
      const migrated = migrateDocument(row.document);
      if (!migrated.ok) {
        throw new StorageError("corrupt", `snapshot ${id}: ${describeProblem(migrated.problem)}`, {
          problem: migrated.problem,
        });
      }
      return migrated.plan;
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
  exportAll(): Promise<{
    plans: { row: PlanRow; plan: Plan }[];
    snapshots: SnapshotRow[];
    damaged: (DamagedPlan & { document: Record<string, unknown> })[];
  }> {
    return guard(async () => {
      const rows = await this.planRows();
      const plans: { row: PlanRow; plan: Plan }[] = [];
      const damaged: (DamagedPlan & { document: Record<string, unknown> })[] = [];
      for (const row of rows) {
        const document = await this.readPlanDocument(row.id);
        if (!document) continue;
        const migrated = migrateDocument(document);
        if (migrated.ok) plans.push({ row, plan: migrated.plan });
        else
          damaged.push({
            id: row.id,
            name: typeof row.name === "string" ? row.name : "",
            problem: migrated.problem,
            document,
          });
      }
      return { plans, snapshots: await this.db.snapshots.toArray(), damaged };
    });
  }

  /**
   * Writes backup content: plans with the trash state given (none: in the plan list, whatever was
   * stored before) and snapshots.
   */
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
}
