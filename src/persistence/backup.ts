/**
 * The one-file backup of the whole workspace: all plans (trash included) and their snapshots as JSON.
 * Import is two-step: `readBackup` checks and migrates everything and reports conflicts with plans that
 * already exist; `applyBackup` writes, never overwriting an existing plan unless told to.
 */

import { migrateDocument } from "../domain/migrations/index.ts";
import { newId } from "../domain/model/ids.ts";
import type { Plan } from "../domain/model/plan.ts";
import {
  BACKUP_FORMAT,
  parseBackupEnvelope,
  parseSnapshotEnvelope,
} from "../domain/validation/backup.schema.ts";
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";
import type { PlanStore } from "./plan-store.ts";
import type { SnapshotRow } from "./rows.ts";

export { BACKUP_FORMAT };
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing (a backup of many plans is a few MB). */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  generator: string;
  plans: { plan: Plan; deletedAt?: string }[];
  snapshots: SnapshotRow[];
  /**
   * Plans that were stored but could not be read, as stored, with the reason. Never imported (they
   * are listed in the preview as left out); kept in the file so that a backup never loses them.
   */
  damaged?: { id: string; name: string; problem: ValidationProblem; document: unknown }[];
}

/**
 * The whole workspace as a backup. `current` is the open plan as this tab holds it in memory: it takes
 * the place of the stored version (or is added when storage does not have it yet), so that a backup
 * made while storage is full or failing holds every change made in this tab.
 */
export async function createBackup(
  store: Pick<PlanStore, "exportAll">,
  now: string,
  generator: string,
  options: { current?: Plan } = {},
): Promise<BackupFile> {
  const { plans, snapshots, damaged } = await store.exportAll();
  const entries = plans.map(({ row, plan }) =>
    row.deletedAt ? { plan, deletedAt: row.deletedAt } : { plan },
  );
  const current = options.current;
  if (current) {
    const index = entries.findIndex((entry) => entry.plan.id === current.id);
    if (index === -1) entries.push({ plan: current });
    else entries[index] = { ...entries[index], plan: current };
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    generator,
    plans: entries,
    snapshots,
    ...(damaged.length > 0
      ? { damaged: damaged.map(({ id, name, problem, document }) => ({ id, name, problem, document })) }
      : {}),
  };
}

export type BackupProblem =
  | { code: "too-large"; bytes: number; maxBytes: number }
  | { code: "not-json" }
  | { code: "not-a-backup" }
  /** The file, or a plan in it, was written by a newer Pilotkarte. */
  | { code: "newer-version"; version: number }
  /** The file's own structure is damaged (not a plan in it). */
  | { code: "malformed"; problem: ValidationProblem }
  /** A plan cannot be read; nothing is imported. `name` is the plan's name when it has one. */
  | { code: "invalid-plan"; index: number; name?: string; problem: ValidationProblem };

export interface BackupPreview {
  exportedAt: string;
  plans: {
    plan: Plan;
    /** The plan was in the trash of the browser that made the backup (see {@link applyBackup}). */
    trashed: boolean;
    /** A plan with this id is stored here already (in the plan list or in the trash). */
    exists: boolean;
    /** The plan stored here is in the trash. */
    existsInTrash: boolean;
  }[];
  snapshots: SnapshotRow[];
  /** Snapshots dropped because they could not be read, with the reason. */
  droppedSnapshots: { id: string; problem: ValidationProblem }[];
  /** Names of the plans the file lists as damaged (see {@link BackupFile.damaged}); never imported. */
  damagedPlans: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a backup file's text: the envelope, then every plan (migrated, then checked against the plan
 * schema with its geometry). Every plan must be readable, or nothing is imported; unreadable snapshots
 * are dropped and listed. Never throws for any file content, and never writes.
 */
export async function readBackup(
  text: string,
  store: Pick<PlanStore, "planRows">,
): Promise<{ ok: true; preview: BackupPreview } | { ok: false; problem: BackupProblem }> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > BACKUP_MAX_BYTES)
    return { ok: false, problem: { code: "too-large", bytes, maxBytes: BACKUP_MAX_BYTES } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: "not-json" } };
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, problem: { code: "not-a-backup" } };
  // A newer file may be shaped differently: its version is read before anything else.
  if (typeof raw.version === "number" && Number.isInteger(raw.version) && raw.version > BACKUP_VERSION) {
    return { ok: false, problem: { code: "newer-version", version: raw.version } };
  }
  const envelope = parseBackupEnvelope(raw);
  if (!envelope.ok) {
    const problem = envelope.problem;
    // Without a version or a plan list, the file is not a backup at all.
    if (problem.path.length === 1 && (problem.path[0] === "plans" || problem.path[0] === "version"))
      return { ok: false, problem: { code: "not-a-backup" } };
    return { ok: false, problem: { code: "malformed", problem } };
  }
  const file = envelope.value;
  const stored = await store.planRows();
  const live = new Set(stored.filter((row) => !row.deletedAt).map((row) => row.id));
  const trashedHere = new Set(stored.filter((row) => row.deletedAt).map((row) => row.id));
  const plans: BackupPreview["plans"] = [];
  const seen = new Set<string>();
  for (const [index, entry] of file.plans.entries()) {
    const rawPlan = entry.plan;
    const name = isRecord(rawPlan) && typeof rawPlan.name === "string" ? rawPlan.name : undefined;
    const migrated = migrateDocument(rawPlan);
    if (!migrated.ok) {
      if (migrated.problem.code === "newer-version" && migrated.problem.versions) {
        return { ok: false, problem: { code: "newer-version", version: migrated.problem.versions.found } };
      }
      const problem = { ...migrated.problem, path: ["plans", index, "plan", ...migrated.problem.path] };
      return {
        ok: false,
        problem: { code: "invalid-plan", index, ...(name !== undefined ? { name } : {}), problem },
      };
    }
    const id = migrated.plan.id;
    if (seen.has(id)) {
      const problem: ValidationProblem = { code: "listed-twice", path: ["plans", index, "plan", "id"] };
      return {
        ok: false,
        problem: { code: "invalid-plan", index, ...(name !== undefined ? { name } : {}), problem },
      };
    }
    seen.add(id);
    plans.push({
      plan: migrated.plan,
      trashed: entry.deletedAt !== undefined,
      exists: live.has(id) || trashedHere.has(id),
      existsInTrash: trashedHere.has(id),
    });
  }
  const snapshots: SnapshotRow[] = [];
  const droppedSnapshots: BackupPreview["droppedSnapshots"] = [];
  for (const [index, rawSnapshot] of file.snapshots.entries()) {
    const idOf =
      isRecord(rawSnapshot) && rawSnapshot.id !== undefined ? String(rawSnapshot.id) : `#${index + 1}`;
    const snapshot = parseSnapshotEnvelope(rawSnapshot);
    if (!snapshot.ok) {
      droppedSnapshots.push({ id: idOf, problem: snapshot.problem });
      continue;
    }
    const migrated = migrateDocument(snapshot.value.document);
    if (!migrated.ok) {
      droppedSnapshots.push({
        id: idOf,
        problem: { ...migrated.problem, path: ["document", ...migrated.problem.path] },
      });
      continue;
    }
    if (migrated.plan.id !== snapshot.value.planId) {
      droppedSnapshots.push({ id: idOf, problem: { code: "id-mismatch", path: ["document", "id"] } });
      continue;
    }
    snapshots.push({
      ...snapshot.value,
      document: migrated.plan,
      schemaVersion: migrated.plan.schemaVersion,
    });
  }
  const damagedPlans = file.damaged.map((entry) =>
    isRecord(entry) && typeof entry.name === "string" ? entry.name : "",
  );
  return {
    ok: true,
    preview: { exportedAt: file.exportedAt, plans, snapshots, droppedSnapshots, damagedPlans },
  };
}

/** What to do with a plan that already exists: keep ours, import as a copy, or replace ours. */
export type ConflictChoice = "skip" | "copy" | "replace";

/** Gives a plan (and its variants and areas) new ids, so it can sit beside the original. */
export function copyWithNewIds(plan: Plan, name: string): Plan {
  const variants: Plan["variants"] = {};
  const variantOrder = plan.variantOrder.map((oldId) => {
    const variant = plan.variants[oldId];
    const id = newId() as Plan["variantOrder"][number];
    if (variant) {
      const areas: typeof variant.areas = {};
      const areaOrder = variant.areaOrder.map((oldAreaId) => {
        const areaId = newId() as (typeof variant.areaOrder)[number];
        const area = variant.areas[oldAreaId];
        if (area) areas[areaId] = { ...area, id: areaId };
        return areaId;
      });
      variants[id] = { ...variant, id, areaOrder, areas };
    }
    return id;
  });
  return { ...plan, id: newId() as Plan["id"], name, variantOrder, variants };
}

/**
 * Writes what the planner chose. The trash state is decided here, not taken from the file:
 * - a plan that was in the trash of the backup's browser goes into our trash with `deletedAt` = `now`
 *   (its 30 days start with the import: an old `deletedAt` from the file would let the next start
 *   purge it at once), except that
 * - replacing a plan that is not in our trash never moves it there (its content is replaced, it stays
 *   in the plan list);
 * - a plan that was not in the trash of the backup is imported into the plan list (also when it
 *   replaces a plan of ours that is in the trash: the planner asked for the backup's state).
 */
export async function applyBackup(
  preview: BackupPreview,
  store: Pick<PlanStore, "importPlans">,
  choose: (plan: Plan) => ConflictChoice,
  copyName: (plan: Plan) => string,
  now: string,
): Promise<{ imported: number; skipped: number; copied: number; replaced: number }> {
  const result = { imported: 0, skipped: 0, copied: 0, replaced: 0 };
  const write: { plan: Plan; deletedAt?: string }[] = [];
  const keptPlanIds = new Set<string>();
  const trashState = (trashed: boolean) => (trashed ? { deletedAt: now } : {});
  for (const entry of preview.plans) {
    if (!entry.exists) {
      write.push({ plan: entry.plan, ...trashState(entry.trashed) });
      keptPlanIds.add(entry.plan.id);
      result.imported++;
      continue;
    }
    const choice = choose(entry.plan);
    if (choice === "skip") result.skipped++;
    else if (choice === "replace") {
      write.push({ plan: entry.plan, ...trashState(entry.trashed && entry.existsInTrash) });
      keptPlanIds.add(entry.plan.id);
      result.replaced++;
    } else {
      write.push({
        plan: copyWithNewIds(entry.plan, copyName(entry.plan)),
        ...trashState(entry.trashed),
      });
      result.copied++;
    }
  }
  // Snapshots come along only for plans imported under their own id.
  const snapshots = preview.snapshots.filter((s) => keptPlanIds.has(s.planId));
  await store.importPlans(write, snapshots);
  return result;
}
