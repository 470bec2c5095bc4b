/**
 * The workspace's one-file backup: download (the open plan as this tab holds it, the rest as stored)
 * and import (checked first, a snapshot of the open plan before it is written). The file format and
 * its checks are in backup.ts.
 */
import type { Plan } from "../domain/model/plan.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { applyBackup, type BackupPreview, type ConflictChoice, createBackup, readBackup } from "./backup.ts";
import type { SnapshotSchedule } from "./snapshot-schedule.ts";
import { nowIso, type WorkspaceContext } from "./workspace-context.ts";

export class WorkspaceBackups {
  constructor(
    private readonly context: WorkspaceContext,
    private readonly snapshots: SnapshotSchedule,
  ) {}

  /**
   * The whole workspace as a backup file. The open plan is taken from this tab's memory, not from
   * storage, when this tab edits it: when storage is full or failing, memory holds work that storage
   * does not, and the backup offered as the rescue must hold it.
   */
  async export(): Promise<string> {
    await this.context.flush();
    const documents = useDocumentStore.getState();
    const inMemory = documents.readOnly ? undefined : documents.plan;
    const generator = this.context.texts().generator;
    return JSON.stringify(
      await createBackup(this.context.store(), nowIso(), generator, inMemory ? { current: inMemory } : {}),
    );
  }

  /** Checks a backup file's text (see `readBackup`); writes nothing. */
  read(text: string) {
    return readBackup(text, this.context.store());
  }

  /** Writes what the planner chose (see `applyBackup`), after a snapshot of the open plan. */
  async import(preview: BackupPreview, choose: (plan: Plan) => ConflictChoice) {
    await this.snapshots.beforeRisky("import");
    const store = this.context.store();
    const copySuffix = this.context.texts().copySuffix;
    const result = await applyBackup(
      preview,
      store,
      choose,
      (plan) => `${plan.name} ${copySuffix}`,
      nowIso(),
    );
    // A replaced open plan is reloaded so the tab shows what is stored now.
    const open = useDocumentStore.getState().plan.id;
    if (preview.plans.some((p) => p.plan.id === open && p.exists && choose(p.plan) === "replace")) {
      const plan = await store.loadPlan(open);
      if (plan) this.context.open(plan, undefined);
    }
    await this.context.refreshLists();
    return result;
  }
}
