/**
 * Rules every plan store follows, written once: the order of the plan list and the trash, which plan
 * opens at start, when a trashed plan is purged, snapshot pruning, and how a stored document becomes
 * a plan (migrated and checked, or refused as "corrupt"). `PlanRepository` and `MemoryPlanStore` only
 * read and write rows; what the rows mean is decided here.
 */
import { migrateDocument } from "../domain/migrations/index.ts";
import { newId } from "../domain/model/ids.ts";
import type { Plan } from "../domain/model/plan.ts";
import { describeProblem } from "../domain/validation/validation-problem.ts";
import {
  AUTO_SNAPSHOTS_KEPT,
  type DamagedPlan,
  type PlanStore,
  TRASH_DAYS,
  type WorkspaceExport,
} from "./plan-store.ts";
import type { PlanRow, SnapshotKind, SnapshotRow } from "./rows.ts";
import { StorageError } from "./storage-error.ts";

const DAY_MS = 86_400_000;

/** A stored time as milliseconds, or NaN when the row holds something else. */
export const timeOf = (value: unknown): number =>
  typeof value === "string" ? Date.parse(value) : Number.NaN;

/** Newest first by a stored time; rows with an unreadable time last (a damaged row must not stop the list). */
const newestFirst =
  <T>(timeOfRow: (row: T) => unknown) =>
  (a: T, b: T): number => {
    const ta = timeOf(timeOfRow(a));
    const tb = timeOf(timeOfRow(b));
    return (Number.isFinite(tb) ? tb : -Infinity) - (Number.isFinite(ta) ? ta : -Infinity) || 0;
  };

/** The plan list: rows not in the trash, most recently updated first. */
export const planListOf = (rows: PlanRow[]): PlanRow[] =>
  rows.filter((p) => !p.deletedAt).sort(newestFirst((p) => p.updatedAt));

/** The trash: rows with a trash time, most recently trashed first. */
export const trashListOf = (rows: PlanRow[]): PlanRow[] =>
  rows.filter((p) => p.deletedAt).sort(newestFirst((p) => p.deletedAt));

/**
 * A stored document (plan or snapshot) migrated to the current schema and checked against the plan
 * schema (geometry included). A document that fails is a StorageError "corrupt" with the problem;
 * `what` names it in the message ("plan p1", "snapshot s1").
 */
export function planOfStored(document: unknown, what: string): Plan {
  const migrated = migrateDocument(document);
  if (!migrated.ok) {
    throw new StorageError("corrupt", `${what}: ${describeProblem(migrated.problem)}`, {
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
export async function findFirstReadablePlan(
  store: Pick<PlanStore, "listPlans" | "loadPlan">,
  preferredId: unknown,
): Promise<{ plan: Plan | null; damaged: DamagedPlan[] }> {
  const rows = await store.listPlans();
  const candidates = rows.map((row) => row.id);
  if (typeof preferredId === "string" && candidates.includes(preferredId)) {
    candidates.splice(candidates.indexOf(preferredId), 1);
    candidates.unshift(preferredId);
  }
  const damaged: DamagedPlan[] = [];
  for (const id of candidates) {
    try {
      const plan = await store.loadPlan(id);
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
 * The trash rule, safe against times that come from elsewhere: a trashed plan is purged only when
 * - its `deletedAt` is a readable time more than {@link TRASH_DAYS} days before `now` (an unreadable
 *   time never purges). `deletedAt` is set by this browser: when a plan is moved to the trash, or
 *   when it is imported from a backup in which it was in the trash (`applyBackup` sets the import
 *   time, never the file's), and
 * - none of its snapshots (`snapshotTimes`, their `createdAt` as stored) was taken within those
 *   {@link TRASH_DAYS} days. Snapshots are taken when a plan is trashed, before risky operations and
 *   before every import: a recent one means the plan was in use here recently, and the safety
 *   snapshot taken before an import is never purged with it. An unreadable snapshot time keeps it too.
 */
export function isPurgeable(deletedAt: unknown, snapshotTimes: readonly unknown[], now: Date): boolean {
  const limit = now.getTime() - TRASH_DAYS * DAY_MS;
  // NaN (an unreadable time) fails every comparison: such a plan is never purged.
  if (!(timeOf(deletedAt) < limit)) return false;
  return snapshotTimes.every((createdAt) => timeOf(createdAt) < limit);
}

/** A new snapshot row of a plan. */
export function snapshotRowOf(plan: Plan, kind: SnapshotKind, name: string, now: string): SnapshotRow {
  return {
    id: newId(),
    planId: plan.id,
    createdAt: now,
    kind,
    name,
    schemaVersion: plan.schemaVersion,
    document: plan,
  };
}

/** Ids of the automatic snapshots to delete, from a plan's snapshots newest first. */
export function autoSnapshotsToPrune(newestFirstList: readonly SnapshotRow[]): string[] {
  return newestFirstList
    .filter((s) => s.kind === "auto")
    .slice(AUTO_SNAPSHOTS_KEPT)
    .map((s) => s.id);
}

/**
 * The backup's view of a store: every plan row with its plan, or, when the plan cannot be read, with
 * its document as stored (a damaged plan never stops a backup).
 */
export async function exportOf(
  rows: readonly PlanRow[],
  readDocument: (id: string) => Promise<Record<string, unknown> | null>,
  snapshots: SnapshotRow[],
): Promise<WorkspaceExport> {
  const plans: WorkspaceExport["plans"] = [];
  const damaged: WorkspaceExport["damaged"] = [];
  for (const row of rows) {
    const document = await readDocument(row.id);
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
  return { plans, snapshots, damaged };
}
