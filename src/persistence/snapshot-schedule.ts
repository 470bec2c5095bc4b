/**
 * The open plan's history: an automatic snapshot every {@link AUTO_SNAPSHOT_MINUTES} minutes when the
 * plan changed, named snapshots, and a snapshot before anything risky (bulk delete, import, restore,
 * trashing). The store prunes automatic snapshots; named and before-risky ones are kept. A restore is
 * one undoable step.
 */
import { replacePlanContent } from "../domain/changes/index.ts";
import type { Plan } from "../domain/model/plan.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { nowIso, type WorkspaceContext } from "./workspace-context.ts";

/** Minutes between automatic snapshots (taken only if the plan changed). */
export const AUTO_SNAPSHOT_MINUTES = 5;

export class SnapshotSchedule {
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The plan as last snapshotted (or opened): an automatic snapshot follows only a change. */
  private lastSnapshotPlan: Plan | null = null;

  constructor(private readonly context: WorkspaceContext) {}

  /** Starts the automatic snapshots. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.autoSnapshot(), AUTO_SNAPSHOT_MINUTES * 60_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A plan was opened: as it is now, it needs no automatic snapshot. */
  opened(plan: Plan): void {
    this.lastSnapshotPlan = plan;
  }

  /** A snapshot the planner names ("Stand Workshop 14.03."). */
  async named(name: string): Promise<void> {
    await this.context.flush();
    const plan = useDocumentStore.getState().plan;
    await this.context.store().addSnapshot(plan, "named", name, nowIso());
    this.lastSnapshotPlan = plan;
    await this.context.refreshLists();
  }

  /** A snapshot before something risky (bulk delete, import, restore); a failure does not stop it. */
  async beforeRisky(what: string): Promise<void> {
    const plan = useDocumentStore.getState().plan;
    await this.context
      .store()
      .addSnapshot(plan, "before-risky", what, nowIso())
      .catch(() => {});
    await this.context.refreshLists();
  }

  private async autoSnapshot(): Promise<void> {
    const documents = useDocumentStore.getState();
    if (documents.readOnly || documents.plan === this.lastSnapshotPlan) return;
    this.lastSnapshotPlan = documents.plan;
    await this.context
      .store()
      .addSnapshot(documents.plan, "auto", "", nowIso())
      .catch(() => {});
    await this.context.refreshLists();
  }

  /** A snapshot's document; null when it is gone or cannot be read (a damaged snapshot is left stored). */
  load(id: string): Promise<Plan | null> {
    return this.context
      .store()
      .loadSnapshot(id)
      .catch(() => null);
  }

  /** Restores a snapshot as one undoable step (and snapshots the current state first). */
  async restore(id: string): Promise<boolean> {
    const target = await this.load(id);
    const documents = useDocumentStore.getState();
    if (!target || target.id !== documents.plan.id) return false;
    await this.beforeRisky("restore");
    documents.transact(
      replacePlanContent(documents.plan, target, this.context.texts().restoreLabel, nowIso()),
    );
    useSessionStore.getState().selectPilotArea(null);
    return true;
  }
}
