/**
 * The seam between the workspace and where plans are kept: everything the workspace asks of storage,
 * as one interface with two implementations.
 *
 * - `PlanRepository` (plan-repository.ts): IndexedDB through Dexie, the normal case.
 * - `MemoryPlanStore` (memory-plan-store.ts): this tab's memory, when IndexedDB cannot be used
 *   (private mode, full, blocked, unreadable): the session goes on in memory, and unit tests use it.
 *
 * Both keep plans as rows (rows.ts), so that they read and write alike: a diff save writes the rows
 * that changed, a load puts the rows together and checks the result against the plan schema, and a
 * stored plan that fails it is reported as damaged ("corrupt" with the problem) and left as it is.
 * The same contract tests run against both (tests/unit/persistence/plan-store-contract.ts). Every
 * method returns a promise and rejects only with a `StorageError` (storage-error.ts).
 */
import type { Plan } from "../domain/model/plan.ts";
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";
import type { WriteCounts } from "./plan-diff.ts";
import type { PlanRow, SnapshotKind, SnapshotRow } from "./rows.ts";

export type { WriteCounts };

/** Days a plan stays in the trash before it is removed for good. */
export const TRASH_DAYS = 30;
/** Automatic snapshots kept per plan (named and before-risky ones are always kept). */
export const AUTO_SNAPSHOTS_KEPT = 50;

/** A stored plan that cannot be read: its id, what name it has, and why. */
export interface DamagedPlan {
  id: string;
  name: string;
  problem: ValidationProblem;
}

/** Every plan (trash included) with its snapshots, for the one-file backup. */
export interface WorkspaceExport {
  plans: { row: PlanRow; plan: Plan }[];
  snapshots: SnapshotRow[];
  /** Plans that cannot be read, with their rows as stored, so that a backup loses nothing. */
  damaged: (DamagedPlan & { document: Record<string, unknown> })[];
}

export interface PlanStore {
  /** Every plan row, trash included, as stored (rows without an id are left out). */
  planRows(): Promise<PlanRow[]>;
  /** Plans not in the trash, newest first. */
  listPlans(): Promise<PlanRow[]>;
  /** Plans in the trash, most recently trashed first. */
  listTrash(): Promise<PlanRow[]>;
  /**
   * A plan's rows put together as a document, as stored: not migrated, not checked (to export a
   * damaged plan). Null if the plan does not exist.
   */
  readPlanDocument(id: string): Promise<Record<string, unknown> | null>;
  /**
   * A plan migrated to the current schema and checked; null if it does not exist. A damaged plan is
   * a StorageError "corrupt" with the problem, and stays stored as it is.
   */
  loadPlan(id: string): Promise<Plan | null>;
  /**
   * The plan to open at start: `preferredId` if it is readable and not in the trash, else the newest
   * readable plan; damaged plans met on the way are returned in `damaged`.
   */
  firstReadablePlan(preferredId: unknown): Promise<{ plan: Plan | null; damaged: DamagedPlan[] }>;
  /** Writes the whole plan, replacing whatever was stored for it (a trashed plan stays in the trash). */
  savePlanFull(plan: Plan): Promise<void>;
  /** Writes only the rows that changed between two versions of the same plan (see plan-diff.ts). */
  savePlanDiff(previous: Plan, next: Plan): Promise<WriteCounts>;
  renamePlan(id: string, name: string, now: string): Promise<void>;
  /** Moves a plan to the trash (restorable for {@link TRASH_DAYS} days). */
  trashPlan(id: string, now: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  /** Removes a plan, its rows and its snapshots for good. */
  deletePlanForever(id: string): Promise<void>;
  /** Deletes the plans the trash rule allows (see `isPurgeable`); returns their ids. */
  purgeTrash(now: Date): Promise<string[]>;
  /** Adds a snapshot; automatic ones beyond {@link AUTO_SNAPSHOTS_KEPT} per plan are pruned. */
  addSnapshot(plan: Plan, kind: SnapshotKind, name: string, now: string): Promise<SnapshotRow>;
  /** Snapshots of a plan, newest first. */
  listSnapshots(planId: string): Promise<SnapshotRow[]>;
  /** A snapshot's document, migrated and checked (a damaged one is "corrupt"); null when gone. */
  loadSnapshot(id: string): Promise<Plan | null>;
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Every plan, trash included, and every snapshot; a damaged plan never stops it. */
  exportAll(): Promise<WorkspaceExport>;
  /**
   * Writes backup content: plans with the trash state given (none: in the plan list, whatever was
   * stored before) and snapshots, all or nothing.
   */
  importPlans(plans: { plan: Plan; deletedAt?: string }[], snapshots: SnapshotRow[]): Promise<void>;
  /**
   * Restores the imported overlay layers kept with this store into the overlay store and keeps their
   * changes; returns the function that stops it. The memory store keeps none (they stay for the session).
   */
  syncOverlays(): Promise<() => void>;
}
