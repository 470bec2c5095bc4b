/**
 * The one-file backup of the whole workspace: all plans (trash included) and their snapshots as JSON.
 * Import is two-step: `readBackup` checks and migrates everything and reports conflicts with plans that
 * already exist; `applyBackup` writes, never overwriting an existing plan unless told to.
 */

import { migrateDocument } from "../domain/migrations/index.ts";
import { newId } from "../domain/model/ids.ts";
import type { Plan } from "../domain/model/plan.ts";
import type { SnapshotRow } from "./db.ts";
import type { PlanRepository } from "./plan-repository.ts";

export const BACKUP_FORMAT = "pilotkarte-backup";
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
}

export async function createBackup(
  repository: PlanRepository,
  now: string,
  generator: string,
): Promise<BackupFile> {
  const { plans, snapshots } = await repository.exportAll();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    generator,
    plans: plans.map(({ row, plan }) => (row.deletedAt ? { plan, deletedAt: row.deletedAt } : { plan })),
    snapshots,
  };
}

export type BackupProblem =
  | { code: "too-large"; bytes: number; maxBytes: number }
  | { code: "not-json" }
  | { code: "not-a-backup" }
  | { code: "newer-version"; version: number }
  | { code: "invalid-plan"; index: number; error: string };

export interface BackupPreview {
  exportedAt: string;
  plans: { plan: Plan; deletedAt?: string; exists: boolean }[];
  snapshots: SnapshotRow[];
  /** Snapshots dropped because their document could not be read, with the reason. */
  droppedSnapshots: { id: string; error: string }[];
}

/** Checks a backup file's text. Every plan must be readable; unreadable snapshots are dropped and listed. */
export async function readBackup(
  text: string,
  repository: PlanRepository,
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
  const file = raw as Partial<BackupFile>;
  if (
    typeof raw !== "object" ||
    raw === null ||
    file.format !== BACKUP_FORMAT ||
    !Array.isArray(file.plans)
  ) {
    return { ok: false, problem: { code: "not-a-backup" } };
  }
  if (typeof file.version !== "number" || !Number.isFinite(file.version)) {
    return { ok: false, problem: { code: "not-a-backup" } };
  }
  if (file.version > BACKUP_VERSION) {
    return { ok: false, problem: { code: "newer-version", version: Number(file.version) } };
  }
  const existing = new Set(
    [...(await repository.listPlans()), ...(await repository.listTrash())].map((p) => p.id),
  );
  const plans: BackupPreview["plans"] = [];
  for (const [index, entry] of file.plans.entries()) {
    const migrated = migrateDocument((entry as { plan?: unknown })?.plan);
    if (!migrated.ok) return { ok: false, problem: { code: "invalid-plan", index, error: migrated.error } };
    const deletedAt = (entry as { deletedAt?: unknown }).deletedAt;
    plans.push({
      plan: migrated.plan,
      ...(typeof deletedAt === "string" ? { deletedAt } : {}),
      exists: existing.has(migrated.plan.id),
    });
  }
  const snapshots: SnapshotRow[] = [];
  const droppedSnapshots: { id: string; error: string }[] = [];
  for (const snapshot of Array.isArray(file.snapshots) ? file.snapshots : []) {
    const migrated = migrateDocument(snapshot?.document);
    if (!migrated.ok || typeof snapshot.id !== "string" || typeof snapshot.planId !== "string") {
      droppedSnapshots.push({
        id: String(snapshot?.id),
        error: migrated.ok ? "snapshot malformed" : migrated.error,
      });
      continue;
    }
    snapshots.push({ ...snapshot, document: migrated.plan, schemaVersion: migrated.plan.schemaVersion });
  }
  return {
    ok: true,
    preview: { exportedAt: String(file.exportedAt ?? ""), plans, snapshots, droppedSnapshots },
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

export async function applyBackup(
  preview: BackupPreview,
  repository: PlanRepository,
  choose: (plan: Plan) => ConflictChoice,
  copyName: (plan: Plan) => string,
): Promise<{ imported: number; skipped: number; copied: number; replaced: number }> {
  const result = { imported: 0, skipped: 0, copied: 0, replaced: 0 };
  const write: { plan: Plan; deletedAt?: string }[] = [];
  const keptPlanIds = new Set<string>();
  for (const entry of preview.plans) {
    if (!entry.exists) {
      write.push(entry);
      keptPlanIds.add(entry.plan.id);
      result.imported++;
      continue;
    }
    const choice = choose(entry.plan);
    if (choice === "skip") result.skipped++;
    else if (choice === "replace") {
      write.push(entry);
      keptPlanIds.add(entry.plan.id);
      result.replaced++;
    } else {
      write.push({ ...entry, plan: copyWithNewIds(entry.plan, copyName(entry.plan)) });
      result.copied++;
    }
  }
  // Snapshots come along only for plans imported under their own id.
  const snapshots = preview.snapshots.filter((s) => keptPlanIds.has(s.planId));
  await repository.importPlans(write, snapshots);
  return result;
}
