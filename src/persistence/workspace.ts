/**
 * The persistence session of this tab: opens the database, restores the last plan, variant, selection
 * and camera, saves every change (autosave), keeps the plan list, trash and history, makes sure two tabs
 * never overwrite each other (Web Locks: one tab edits, the others follow read-only through a
 * BroadcastChannel, or take over), and falls back to memory when storage fails.
 */
import { replacePlanContent } from "../domain/changes/index.ts";
import type { Plan } from "../domain/model/plan.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import {
  type PlanSummary,
  type SnapshotSummary,
  type StorageFault,
  useStorageStore,
} from "../store/storage-store.ts";
import { Autosave } from "./autosave.ts";
import { applyBackup, type BackupPreview, type ConflictChoice, createBackup, readBackup } from "./backup.ts";
import { PilotkarteDb, type PlanRow, type SnapshotRow } from "./db.ts";
import { startOverlaySync } from "./overlay-sync.ts";
import { PlanRepository, storageErrorOf } from "./plan-repository.ts";

/** Settings keys. DO NOT RENAME without a migration of the settings table. */
const SETTING_LAST_PLAN = "lastPlanId";
const settingView = (planId: string) => `view:${planId}`;

/** Minutes between automatic snapshots (taken only if the plan changed). */
export const AUTO_SNAPSHOT_MINUTES = 5;
const CHANNEL = "pilotkarte";

type ChannelMessage =
  | { type: "saved"; planId: string; tab: string }
  | { type: "flush-request"; planId: string; tab: string }
  | { type: "flushed"; planId: string; tab: string };

export interface ViewState {
  variantId?: string;
  selectedAreaId?: string | null;
  camera?: { center: [number, number]; zoom: number };
}

export interface WorkspaceTexts {
  newPlanName: string;
  firstVariantName: string;
  copySuffix: string;
  restoreLabel: string;
  generator: string;
}

const tabId = Math.random().toString(36).slice(2);
const nowIso = () => new Date().toISOString();

function summaryOf(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    variantCount: row.variantOrder.length,
    ...(row.deletedAt ? { deletedAt: row.deletedAt } : {}),
  };
}

function snapshotSummary(row: SnapshotRow): SnapshotSummary {
  const areaCount = row.document.variantOrder.reduce(
    (sum, id) => sum + (row.document.variants[id]?.areaOrder.length ?? 0),
    0,
  );
  return { id: row.id, createdAt: row.createdAt, kind: row.kind, name: row.name, areaCount };
}

export class Workspace {
  private repository: PlanRepository | null = null;
  private autosave: Autosave | null = null;
  private channel: BroadcastChannel | null = null;
  private releaseLock: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private snapshotTimer: ReturnType<typeof setInterval> | null = null;
  private lastSnapshotPlan: Plan | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | null = null;
  private cameraProvider: (() => ViewState["camera"]) | null = null;

  constructor(private readonly textsOf: () => WorkspaceTexts) {}

  private get texts(): WorkspaceTexts {
    return this.textsOf();
  }

  private starting: Promise<ViewState | null> | null = null;

  /** Opens storage and loads the last plan (or a new one). Returns the view state to restore. Idempotent. */
  start(createStarter: () => Plan): Promise<ViewState | null> {
    this.starting ??= this.startOnce(createStarter);
    return this.starting;
  }

  private async startOnce(createStarter: () => Plan): Promise<ViewState | null> {
    const storage = useStorageStore.getState();
    try {
      const db = new PilotkarteDb();
      db.on("versionchange", () => {
        // Another tab upgraded the schema: this tab must reload; close so the upgrade can go on.
        db.close();
        this.fault("upgrade-elsewhere");
        return false;
      });
      await db.open();
      this.repository = new PlanRepository(db);
    } catch (error) {
      useDocumentStore.getState().loadPlan(createStarter());
      storage.set({ ready: true, memoryOnly: true, fault: storageErrorOf(error).code });
      return null;
    }
    const repository = this.repository;
    await repository.purgeTrash(new Date()).catch(() => []);
    let plan: Plan | null = null;
    const lastId = await repository.getSetting<string>(SETTING_LAST_PLAN).catch(() => undefined);
    if (lastId) plan = await repository.loadPlan(lastId).catch(() => null);
    if (!plan) {
      const [first] = await repository.listPlans();
      if (first) plan = await repository.loadPlan(first.id).catch(() => null);
    }
    if (!plan) {
      plan = createStarter();
      await repository.savePlanFull(plan);
    }
    const view = await repository.getSetting<ViewState>(settingView(plan.id)).catch(() => undefined);
    this.open(plan, view);
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", (event) => void this.onMessage(event.data as ChannelMessage));
    this.unsubscribe = useDocumentStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan && !state.readOnly) this.autosave?.changed();
      if (state.activeVariantId !== previous.activeVariantId) this.saveView();
    });
    const unsubscribeSession = useSessionStore.subscribe((state, previous) => {
      if (state.selectedAreaId !== previous.selectedAreaId) this.saveView();
    });
    // Overlay layers are the browser's, not the plan's: restored whatever plan opens. A failure here
    // leaves them for the session only and never stops the plan from loading.
    const unsubscribeOverlays = await startOverlaySync(repository.db).catch(() => () => {});
    const previousUnsubscribe = this.unsubscribe;
    this.unsubscribe = () => {
      previousUnsubscribe();
      unsubscribeSession();
      unsubscribeOverlays();
    };
    this.snapshotTimer = setInterval(() => void this.autoSnapshot(), AUTO_SNAPSHOT_MINUTES * 60_000);
    // Start the last write as early as the browser lets us: beforeunload comes before pagehide.
    window.addEventListener("beforeunload", () => void this.autosave?.flush());
    window.addEventListener("pagehide", () => void this.autosave?.flush());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") void this.autosave?.flush();
    });
    void this.requestPersistence();
    await this.refreshLists();
    // Before "ready": the map is created once ready is set, with this camera.
    if (view?.camera) useSessionStore.getState().setInitialCamera(view.camera);
    storage.set({ ready: true });
    return view ?? null;
  }

  /** Lets the map report the camera for "reopen where I left off". */
  setCameraProvider(provider: () => ViewState["camera"]): void {
    this.cameraProvider = provider;
  }

  /** Call when the camera stopped moving. */
  cameraChanged(): void {
    this.saveView();
  }

  private open(plan: Plan, view: ViewState | undefined): void {
    this.releaseLock?.();
    this.releaseLock = null;
    this.autosave?.stop();
    const documents = useDocumentStore.getState();
    documents.loadPlan(plan, view?.variantId as Plan["variantOrder"][number] | undefined);
    useSessionStore.getState().selectPilotArea(view?.selectedAreaId ?? null);
    this.lastSnapshotPlan = plan;
    const repository = this.repository;
    if (!repository) return;
    this.autosave = new Autosave({
      repository,
      getPlan: () => useDocumentStore.getState().plan,
      onStatus: (status) => {
        const storage = useStorageStore.getState();
        if (status.state === "saved") {
          storage.set({
            saveState: "saved",
            savedAt: status.at,
            ...(storage.fault === "quota" ? { fault: null } : {}),
          });
          this.channel?.postMessage({ type: "saved", planId: plan.id, tab: tabId } satisfies ChannelMessage);
        } else if (status.state === "saving") storage.set({ saveState: "saving" });
        else if (status.state === "error") storage.set({ saveState: "error", fault: status.error.code });
      },
    });
    this.autosave.start(plan);
    void repository.setSetting(SETTING_LAST_PLAN, plan.id).catch(() => {});
    this.acquireLock(plan.id, false);
  }

  /** Web Locks: hold the plan's lock to edit; without it, follow read-only. */
  private acquireLock(planId: string, steal: boolean): void {
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    const storage = useStorageStore.getState();
    if (!locks) {
      this.setReadOnly(false);
      return;
    }
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    void locks
      .request(`pilotkarte-plan-${planId}`, steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) {
          this.setReadOnly(true);
          return;
        }
        this.setReadOnly(false);
        // On taking over, the plan may have changed in the other tab since this tab loaded it.
        if (steal) await this.reloadFromStorage(planId);
        this.releaseLock = release;
        await held;
      })
      .catch(() => {
        // The lock was stolen by another tab: follow it from now on.
        if (useDocumentStore.getState().plan.id === planId) this.setReadOnly(true);
      });
    void storage;
  }

  private setReadOnly(readOnly: boolean): void {
    useDocumentStore.getState().setReadOnly(readOnly);
    useStorageStore.getState().set({ readOnly });
    if (readOnly) {
      this.autosave?.stop();
      const session = useSessionStore.getState();
      session.setTool("select");
    } else {
      this.autosave?.start(useDocumentStore.getState().plan);
    }
  }

  /** Asks the editing tab to save, then takes the plan over. */
  async takeOver(): Promise<void> {
    const planId = useDocumentStore.getState().plan.id;
    if (this.channel) {
      const flushed = new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const message = event.data as ChannelMessage;
          if (message.type === "flushed" && message.planId === planId) {
            this.channel?.removeEventListener("message", onMessage);
            resolve();
          }
        };
        this.channel?.addEventListener("message", onMessage);
        setTimeout(resolve, 1500);
      });
      this.channel.postMessage({ type: "flush-request", planId, tab: tabId } satisfies ChannelMessage);
      await flushed;
    }
    this.acquireLock(planId, true);
  }

  private async onMessage(message: ChannelMessage): Promise<void> {
    const current = useDocumentStore.getState();
    if (message.tab === tabId || message.planId !== current.plan.id) return;
    if (message.type === "saved" && current.readOnly) await this.reloadFromStorage(message.planId);
    if (message.type === "flush-request" && !current.readOnly) {
      await this.autosave?.flush();
      this.channel?.postMessage({
        type: "flushed",
        planId: message.planId,
        tab: tabId,
      } satisfies ChannelMessage);
    }
  }

  private async reloadFromStorage(planId: string): Promise<void> {
    const plan = await this.repository?.loadPlan(planId).catch(() => null);
    if (!plan) return;
    const documents = useDocumentStore.getState();
    const variantId = documents.activeVariantId;
    const wasReadOnly = documents.readOnly;
    documents.setReadOnly(false);
    documents.loadPlan(plan, variantId);
    documents.setReadOnly(wasReadOnly);
    this.autosave?.rebase(plan);
  }

  private saveView(): void {
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      const repository = this.repository;
      if (!repository) return;
      const documents = useDocumentStore.getState();
      const camera = this.cameraProvider?.();
      const view: ViewState = {
        variantId: documents.activeVariantId,
        selectedAreaId: useSessionStore.getState().selectedAreaId,
        ...(camera ? { camera } : {}),
      };
      void repository.setSetting(settingView(documents.plan.id), view).catch(() => {});
    }, 400);
  }

  private fault(fault: StorageFault): void {
    useStorageStore.getState().set({ fault });
  }

  private async requestPersistence(): Promise<void> {
    try {
      const persisted = (await navigator.storage?.persist?.()) ?? null;
      const estimate = await navigator.storage?.estimate?.();
      useStorageStore.getState().set({
        persisted,
        ...(estimate ? { usage: { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0 } } : {}),
      });
    } catch {
      // Not supported: nothing to show.
    }
  }

  async refreshLists(): Promise<void> {
    const repository = this.repository;
    if (!repository) return;
    const planId = useDocumentStore.getState().plan.id;
    const [plans, trash, snapshots] = await Promise.all([
      repository.listPlans(),
      repository.listTrash(),
      repository.listSnapshots(planId),
    ]);
    useStorageStore.getState().set({
      plans: plans.map(summaryOf),
      trash: trash.map(summaryOf),
      snapshots: snapshots.map(snapshotSummary),
    });
  }

  /** Saves what is pending now (before risky operations, switching plans, tests). */
  async flush(): Promise<void> {
    await this.autosave?.flush();
  }

  async openPlan(id: string): Promise<void> {
    await this.flush();
    const plan = await this.repository?.loadPlan(id);
    if (!plan) return;
    const view = await this.repository?.getSetting<ViewState>(settingView(id)).catch(() => undefined);
    this.open(plan, view);
    await this.refreshLists();
  }

  async createPlan(createStarter: () => Plan): Promise<void> {
    await this.flush();
    const plan = createStarter();
    await this.repository?.savePlanFull(plan);
    this.open(plan, undefined);
    await this.refreshLists();
  }

  async renamePlan(id: string, name: string): Promise<void> {
    const documents = useDocumentStore.getState();
    if (documents.plan.id === id) {
      documents.transact({
        label: name,
        changes: [{ type: "plan/patch", patch: { name, updatedAt: nowIso() } }],
      });
      await this.flush();
    } else {
      await this.repository?.renamePlan(id, name, nowIso());
    }
    await this.refreshLists();
  }

  async duplicatePlan(id: string): Promise<void> {
    await this.flush();
    const repository = this.repository;
    const plan = await repository?.loadPlan(id);
    if (!plan || !repository) return;
    const { copyWithNewIds } = await import("./backup.ts");
    const copy = copyWithNewIds(plan, `${plan.name} ${this.texts.copySuffix}`);
    await repository.savePlanFull({ ...copy, createdAt: nowIso(), updatedAt: nowIso() });
    await this.refreshLists();
  }

  /** Moves a plan to the trash; the open plan is replaced by another (or a new) one. */
  async trashPlan(id: string, createStarter: () => Plan): Promise<void> {
    await this.flush();
    const repository = this.repository;
    if (!repository) return;
    const plan = await repository.loadPlan(id);
    if (plan) await repository.addSnapshot(plan, "before-risky", "trash", nowIso());
    await repository.trashPlan(id, nowIso());
    if (useDocumentStore.getState().plan.id === id) {
      const [next] = await repository.listPlans();
      const nextPlan = next ? await repository.loadPlan(next.id) : null;
      if (nextPlan) this.open(nextPlan, undefined);
      else await this.createPlan(createStarter);
    }
    await this.refreshLists();
  }

  async restorePlan(id: string): Promise<void> {
    await this.repository?.restoreFromTrash(id);
    await this.refreshLists();
  }

  async deletePlanForever(id: string): Promise<void> {
    await this.repository?.deletePlanForever(id);
    await this.refreshLists();
  }

  /** A snapshot the planner names ("Stand Workshop 14.03."). */
  async namedSnapshot(name: string): Promise<void> {
    await this.flush();
    const plan = useDocumentStore.getState().plan;
    await this.repository?.addSnapshot(plan, "named", name, nowIso());
    this.lastSnapshotPlan = plan;
    await this.refreshLists();
  }

  /** A snapshot before something risky (bulk delete, import, restore). */
  async snapshotBeforeRisky(what: string): Promise<void> {
    const plan = useDocumentStore.getState().plan;
    await this.repository?.addSnapshot(plan, "before-risky", what, nowIso()).catch(() => {});
    await this.refreshLists();
  }

  private async autoSnapshot(): Promise<void> {
    const documents = useDocumentStore.getState();
    if (documents.readOnly || documents.plan === this.lastSnapshotPlan) return;
    this.lastSnapshotPlan = documents.plan;
    await this.repository?.addSnapshot(documents.plan, "auto", "", nowIso()).catch(() => {});
    await this.refreshLists();
  }

  loadSnapshot(id: string): Promise<Plan | null> {
    return this.repository?.loadSnapshot(id) ?? Promise.resolve(null);
  }

  /** Restores a snapshot as one undoable step (and snapshots the current state first). */
  async restoreSnapshot(id: string): Promise<boolean> {
    const target = await this.loadSnapshot(id);
    const documents = useDocumentStore.getState();
    if (!target || target.id !== documents.plan.id) return false;
    await this.snapshotBeforeRisky("restore");
    documents.transact(replacePlanContent(documents.plan, target, this.texts.restoreLabel, nowIso()));
    useSessionStore.getState().selectPilotArea(null);
    return true;
  }

  async exportBackup(): Promise<string> {
    await this.flush();
    const repository = this.repository;
    if (!repository) {
      // Memory only: the open plan is all there is.
      const plan = useDocumentStore.getState().plan;
      return JSON.stringify({
        format: "pilotkarte-backup",
        version: 1,
        exportedAt: nowIso(),
        generator: this.texts.generator,
        plans: [{ plan }],
        snapshots: [],
      });
    }
    return JSON.stringify(await createBackup(repository, nowIso(), this.texts.generator));
  }

  async readBackupFile(text: string) {
    if (!this.repository) return { ok: false as const, problem: { code: "not-a-backup" as const } };
    return readBackup(text, this.repository);
  }

  async importBackup(preview: BackupPreview, choose: (plan: Plan) => ConflictChoice) {
    const repository = this.repository;
    if (!repository) return null;
    await this.snapshotBeforeRisky("import");
    const result = await applyBackup(
      preview,
      repository,
      choose,
      (plan) => `${plan.name} ${this.texts.copySuffix}`,
    );
    // A replaced open plan is reloaded so the tab shows what is stored now.
    const open = useDocumentStore.getState().plan.id;
    if (preview.plans.some((p) => p.plan.id === open && p.exists && choose(p.plan) === "replace")) {
      const plan = await repository.loadPlan(open);
      if (plan) this.open(plan, undefined);
    }
    await this.refreshLists();
    return result;
  }

  stop(): void {
    this.unsubscribe?.();
    this.autosave?.stop();
    this.releaseLock?.();
    this.channel?.close();
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
  }
}
