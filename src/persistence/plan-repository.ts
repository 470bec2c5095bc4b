/**
 * Reading and writing plans, snapshots and settings. Every call returns a promise and turns Dexie
 * errors into {@link StorageError}s with a code the UI can explain (quota, unavailable, …).
 */

import Dexie from "dexie";
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import { migrateDocument } from "../domain/migrations/index.ts";
import { newId } from "../domain/model/ids.ts";
import type { PilotArea, Plan, Variant } from "../domain/model/plan.ts";
import {
  type AreaRow,
  type PilotkarteDb,
  type PlanRow,
  planRowOf,
  rowsOf,
  type SnapshotKind,
  type SnapshotRow,
  variantRowOf,
} from "./db.ts";

export type StorageErrorCode = "quota" | "unavailable" | "blocked" | "corrupt" | "unknown";

/** Vertices per write batch (see `putAreasInBatches`). */
const PUT_BATCH_VERTICES = 20_000;

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageError";
  }
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
/** Automatic snapshots kept per plan (named and before-risky ones are always kept). */
export const AUTO_SNAPSHOTS_KEPT = 50;

export class PlanRepository {
  constructor(readonly db: PilotkarteDb) {}

  /** Plans not in the trash, newest first. */
  listPlans(): Promise<PlanRow[]> {
    return guard(async () =>
      (await this.db.plans.toArray())
        .filter((p) => !p.deletedAt)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
  }

  listTrash(): Promise<PlanRow[]> {
    return guard(async () =>
      (await this.db.plans.toArray())
        .filter((p) => p.deletedAt)
        .sort((a, b) => (b.deletedAt ?? "").localeCompare(a.deletedAt ?? "")),
    );
  }

  /** Assembles a plan from its rows and migrates it to the current schema; null if it does not exist. */
  loadPlan(id: string): Promise<Plan | null> {
    return guard(() =>
      this.db.transaction("r", this.db.plans, this.db.variants, this.db.areas, async () => {
        const row = await this.db.plans.get(id);
        if (!row) return null;
        const variantRows = await this.db.variants.where("planId").equals(id).toArray();
        const areaRows = await this.db.areas.where("planId").equals(id).toArray();
        const areasByVariant = new Map<string, Map<string, PilotArea>>();
        for (const a of areaRows) {
          const map = areasByVariant.get(a.variantId) ?? new Map<string, PilotArea>();
          map.set(a.id, a.area);
          areasByVariant.set(a.variantId, map);
        }
        const variants: Record<string, Variant> = {};
        for (const v of variantRows) {
          const stored = areasByVariant.get(v.id) ?? new Map();
          const areas: Record<string, PilotArea> = {};
          // The order list is the truth; rows without an order entry are kept at the end (never lost).
          const order = v.areaOrder.filter((areaId) => stored.has(areaId));
          for (const areaId of stored.keys()) if (!order.includes(areaId)) order.push(areaId);
          for (const areaId of order) areas[areaId] = stored.get(areaId) as PilotArea;
          variants[v.id] = {
            id: v.id as Variant["id"],
            name: v.name,
            areaOrder: order as Variant["areaOrder"],
            areas,
            createdAt: v.createdAt,
            updatedAt: v.updatedAt,
          };
        }
        const variantOrder = row.variantOrder.filter((vid) => variants[vid]);
        for (const vid of Object.keys(variants)) if (!variantOrder.includes(vid)) variantOrder.push(vid);
        const raw = {
          id: row.id,
          schemaVersion: row.schemaVersion,
          name: row.name,
          variantOrder,
          variants,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        };
        const migrated = migrateDocument(raw);
        if (!migrated.ok) throw new StorageError("corrupt", migrated.error);
        return migrated.plan;
      }),
    );
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
    return guard(() =>
      this.db.transaction("rw", this.db.plans, this.db.variants, this.db.areas, async () => {
        let written = 0;
        let deleted = 0;
        // Like a full save, a diff save never takes a plan out of the trash (another tab may have trashed it).
        const existing = await this.db.plans.get(next.id);
        await this.db.plans.put(
          existing?.deletedAt ? { ...planRowOf(next), deletedAt: existing.deletedAt } : planRowOf(next),
        );
        written++;
        for (const variantId of previous.variantOrder) {
          if (!next.variants[variantId]) {
            await this.db.variants.delete([next.id, variantId]);
            await this.db.areas.where("[planId+variantId]").equals([next.id, variantId]).delete();
            deleted++;
          }
        }
        for (const variantId of next.variantOrder) {
          const before = previous.variants[variantId];
          const after = next.variants[variantId] as Variant;
          if (before === after) continue;
          await this.db.variants.put(variantRowOf(next.id, after));
          written++;
          const putRows: AreaRow[] = [];
          for (const areaId of after.areaOrder) {
            const area = after.areas[areaId] as PilotArea;
            if (before?.areas[areaId] !== area)
              putRows.push({ planId: next.id, variantId, id: areaId, area });
          }
          if (putRows.length > 0) await this.putAreasInBatches(putRows);
          written += putRows.length;
          const gone = (before?.areaOrder ?? []).filter((areaId) => !after.areas[areaId]);
          if (gone.length > 0) {
            await this.db.areas.bulkDelete(
              gone.map((areaId) => [next.id, variantId, areaId] as [string, string, string]),
            );
          }
          deleted += gone.length;
        }
        return { written, deleted };
      }),
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

  /** Deletes plans that have been in the trash longer than {@link TRASH_DAYS}; returns their ids. */
  purgeTrash(now: Date): Promise<string[]> {
    return guard(async () => {
      const limit = new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString();
      const old = (await this.listTrash()).filter((p) => (p.deletedAt ?? "") < limit).map((p) => p.id);
      for (const id of old) await this.deletePlanForever(id);
      return old;
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

  /** A snapshot's document, migrated to the current schema. */
  loadSnapshot(id: string): Promise<Plan | null> {
    return guard(async () => {
      const row = await this.db.snapshots.get(id);
      if (!row) return null;
      const migrated = migrateDocument(row.document);
      if (!migrated.ok) throw new StorageError("corrupt", migrated.error);
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

  /** Every plan (trash included) with its snapshots, for the one-file backup. */
  exportAll(): Promise<{ plans: { row: PlanRow; plan: Plan }[]; snapshots: SnapshotRow[] }> {
    return guard(async () => {
      const rows = await this.db.plans.toArray();
      const plans: { row: PlanRow; plan: Plan }[] = [];
      for (const row of rows) {
        const plan = await this.loadPlan(row.id);
        if (plan) plans.push({ row, plan });
      }
      return { plans, snapshots: await this.db.snapshots.toArray() };
    });
  }

  /** Writes backup content: plans (with their trash state) and snapshots. */
  importPlans(plans: { plan: Plan; deletedAt?: string }[], snapshots: SnapshotRow[]): Promise<void> {
    return guard(() =>
      this.db.transaction(
        "rw",
        [this.db.plans, this.db.variants, this.db.areas, this.db.snapshots],
        async () => {
          for (const { plan, deletedAt } of plans) {
            await this.savePlanFull(plan);
            if (deletedAt) await this.db.plans.update(plan.id, { deletedAt });
          }
          if (snapshots.length > 0) await this.db.snapshots.bulkPut(snapshots);
        },
      ),
    );
  }
}
