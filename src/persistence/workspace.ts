/**
 * The persistence session of this tab: opens the database, restores the last plan, variant, selection
 * and camera, saves every change (autosave), keeps the plan list, trash and history, makes sure two tabs
 * never overwrite each other (Web Locks: one tab edits, the others follow read-only through a
 * BroadcastChannel, or take over), and falls back to memory when storage fails.
 *
 * Everything read here is checked before the app takes it: plans against the plan schema (a damaged
 * plan is listed as damaged and left stored, the other plans still open), view settings and channel
 * messages against theirs (`src/domain/validation/`).
 */
import { replacePlanContent } from "../domain/changes/index.ts";
import type { Plan } from "../domain/model/plan.ts";
import {
  parseTabMessage,
  parseViewState,
  type TabMessage,
  type ViewState,
} from "../domain/validation/tab-message.schema.ts";
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import {
  type DamagedPlanSummary,
  type PlanSummary,
  type SnapshotSummary,
  type StorageFault,
  useStorageStore,
} from "../store/storage-store.ts";
import { Autosave } from "./autosave.ts";
import { applyBackup, type BackupPreview, type ConflictChoice, createBackup, readBackup } from "./backup.ts";
import { PilotkarteDb, type PlanRow, type SnapshotRow } from "./db.ts";
import { startOverlaySync } from "./overlay-sync.ts";
import { PlanRepository, StorageError, storageErrorOf } from "./plan-repository.ts";

/** Settings keys. DO NOT RENAME without a migration of the settings table. */
const SETTING_LAST_PLAN = "lastPlanId";
const settingView = (planId: string) => `view:${planId}`;

/** Minutes between automatic snapshots (taken only if the plan changed). */
export const AUTO_SNAPSHOT_MINUTES = 5;
const CHANNEL = "pilotkarte";
/** Opening the database longer than this (ms) while blocked by another tab: say why. */
const BLOCKED_NOTICE_MS = 1500;

export type { ViewState };

/** Why a plan could not be moved to the trash. */
export type TrashRefusal = "edited-elsewhere" | "unavailable";

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

/** A snapshot for the history list; rows too damaged to list (no id or time) are left out. */
function snapshotSummary(row: SnapshotRow): SnapshotSummary | null {
  if (typeof row?.id !== "string" || !Number.isFinite(Date.parse(String(row.createdAt)))) return null;
  // The document is checked when it is restored; for the list, a damaged one counts no areas.
  const document = row.document as Partial<Plan> | undefined;
  const order = Array.isArray(document?.variantOrder) ? document.variantOrder : [];
  const areaCount = order.reduce((sum, id) => {
    const areaOrder = document?.variants?.[id]?.areaOrder;
    return sum + (Array.isArray(areaOrder) ? areaOrder.length : 0);
  }, 0);
  return {
    id: row.id,
    createdAt: row.createdAt,
    kind: row.kind,
    name: typeof row.name === "string" ? row.name : "",
    areaCount,
  };
}

/** The problem of a failed plan load, when the plan itself is damaged (not the storage). */
function damageOf(error: unknown): ValidationProblem | null {
  return error instanceof StorageError && error.code === "corrupt" && error.problem ? error.problem : null;
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
    // Memory only from here on: the session keeps working, and closing the tab asks first.
    const memoryOnly = (error: unknown) => {
      useDocumentStore.getState().loadPlan(createStarter());
      storage.set({ ready: true, memoryOnly: true, openBlocked: false, fault: storageErrorOf(error).code });
      this.watchUnload();
      return null;
    };
    let slowOpen: ReturnType<typeof setTimeout> | null = null;
    try {
      const db = new PilotkarteDb();
      db.on("versionchange", () => {
        // Another tab upgraded the schema: this tab must reload; close so the upgrade can go on.
        db.close();
        this.fault("upgrade-elsewhere");
        return false;
      });
      // Another tab holds an older version open: the upgrade (and so this start) waits until it closes.
      // Say so after a moment instead of showing "loading" for as long as that tab stays open.
      db.on("blocked", () => {
        slowOpen ??= setTimeout(
          () => useStorageStore.getState().set({ openBlocked: true }),
          BLOCKED_NOTICE_MS,
        );
      });
      await db.open();
      this.repository = new PlanRepository(db);
    } catch (error) {
      return memoryOnly(error);
    } finally {
      if (slowOpen) clearTimeout(slowOpen);
      storage.set({ openBlocked: false });
    }
    const repository = this.repository;
    await repository.purgeTrash(new Date()).catch(() => []);
    let plan: Plan | null;
    try {
      plan = await this.firstReadablePlan(repository);
      if (!plan) {
        plan = createStarter();
        await repository.savePlanFull(plan);
      }
    } catch (error) {
      // Storage works for opening but not for reading or writing plans.
      this.repository = null;
      return memoryOnly(error);
    }
    const view = parseViewState(
      await repository.getSetting<unknown>(settingView(plan.id)).catch(() => undefined),
    );
    this.open(plan, view);
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", (event) => {
      const message = parseTabMessage(event.data);
      if (message) void this.onMessage(message);
    });
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
    this.watchUnload();
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

  /** The plan to open (see `PlanRepository.firstReadablePlan`); damaged plans found on the way are recorded. */
  private async firstReadablePlan(repository: PlanRepository): Promise<Plan | null> {
    const lastId = await repository.getSetting<unknown>(SETTING_LAST_PLAN).catch(() => undefined);
    const { plan, damaged } = await repository.firstReadablePlan(lastId);
    for (const entry of damaged) await this.markDamaged(repository, entry.id, entry.problem);
    return plan;
  }

  /** Records a damaged plan for the plan list and tells the planner once. */
  private async markDamaged(
    repository: PlanRepository,
    id: string,
    problem: ValidationProblem,
  ): Promise<void> {
    const row = (await repository.planRows().catch(() => [])).find((r) => r.id === id);
    const name = typeof row?.name === "string" ? row.name : "";
    const storage = useStorageStore.getState();
    if (storage.damaged.some((d) => d.id === id)) return;
    const entry: DamagedPlanSummary = { id, name, problem };
    // The storage banner says so (and stays until closed): a toast could fade before the map is there.
    storage.set({ damaged: [...storage.damaged, entry], damagedNoticeClosed: false });
  }

  /**
   * Before the tab closes: start the last write (beforeunload comes before pagehide), and ask first
   * when what is in this tab cannot be stored (memory only, or a write failed and changes are pending).
   */
  private unloadWatched = false;
  private watchUnload(): void {
    if (this.unloadWatched || typeof window === "undefined") return;
    this.unloadWatched = true;
    window.addEventListener("beforeunload", (event) => {
      void this.autosave?.flush();
      const storage = useStorageStore.getState();
      const unsaved =
        storage.memoryOnly || (storage.saveState === "error" && (this.autosave?.pending ?? false));
      if (unsaved) {
        event.preventDefault();
        // Older browsers show the dialog only when returnValue is set.
        event.returnValue = "";
      }
    });
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
    useStorageStore.getState().set({ trashedElsewhere: false });
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
          this.post({ type: "saved", planId: plan.id, tab: tabId });
        } else if (status.state === "saving") storage.set({ saveState: "saving" });
        else if (status.state === "error")
          // "Reload" stays the advice when another tab upgraded the database (writes fail from then on).
          storage.set({
            saveState: "error",
            fault: storage.fault === "upgrade-elsewhere" ? "upgrade-elsewhere" : status.error.code,
          });
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
          const message = parseTabMessage(event.data);
          if (message?.type === "flushed" && message.planId === planId) {
            this.channel?.removeEventListener("message", onMessage);
            resolve();
          }
        };
        this.channel?.addEventListener("message", onMessage);
        setTimeout(resolve, 1500);
      });
      this.post({ type: "flush-request", planId, tab: tabId });
      await flushed;
    }
    this.acquireLock(planId, true);
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  private async onMessage(message: TabMessage): Promise<void> {
    if (message.tab === tabId) return;
    // The plan list changes in every tab, whichever plan it shows.
    if (message.type === "trashed" || message.type === "restored") void this.refreshLists();
    const current = useDocumentStore.getState();
    if (message.planId !== current.plan.id) return;
    if (message.type === "saved" && current.readOnly) await this.reloadFromStorage(message.planId);
    if (message.type === "flush-request" && !current.readOnly) {
      await this.autosave?.flush();
      this.post({ type: "flushed", planId: message.planId, tab: tabId });
    }
    if (message.type === "trashed") useStorageStore.getState().set({ trashedElsewhere: true });
    if (message.type === "restored") useStorageStore.getState().set({ trashedElsewhere: false });
  }

  private async reloadFromStorage(planId: string): Promise<void> {
    const repository = this.repository;
    if (!repository) return;
    const plan = await repository.loadPlan(planId).catch(async (error: unknown) => {
      // Another tab wrote something this one cannot read: keep showing what is here, and say so.
      const problem = damageOf(error);
      if (problem) await this.markDamaged(repository, planId, problem);
      return null;
    });
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
      snapshots: snapshots.map(snapshotSummary).filter((s): s is SnapshotSummary => s !== null),
    });
  }

  /** Saves what is pending now (before risky operations, switching plans, tests). */
  async flush(): Promise<void> {
    await this.autosave?.flush();
  }

  /** Opens a stored plan; false when it cannot be read (it is then listed as damaged). */
  async openPlan(id: string): Promise<boolean> {
    await this.flush();
    const repository = this.repository;
    if (!repository) return false;
    let plan: Plan | null;
    try {
      plan = await repository.loadPlan(id);
    } catch (error) {
      const problem = damageOf(error);
      if (!problem) throw error;
      await this.markDamaged(repository, id, problem);
      return false;
    }
    if (!plan) return false;
    const view = parseViewState(await repository.getSetting<unknown>(settingView(id)).catch(() => undefined));
    this.open(plan, view);
    await this.refreshLists();
    return true;
  }

  /**
   * A damaged plan's rows as stored, as JSON text, so that the planner (or support) can keep and mend
   * it; null when it no longer exists.
   */
  async exportDamagedPlan(id: string): Promise<string | null> {
    const document = await this.repository?.readPlanDocument(id);
    if (!document) return null;
    const damaged = useStorageStore.getState().damaged.find((d) => d.id === id);
    return JSON.stringify(
      { format: "pilotkarte-damaged-plan", exportedAt: nowIso(), problem: damaged?.problem, document },
      null,
      1,
    );
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
    const plan = await repository?.loadPlan(id).catch(() => null);
    if (!plan || !repository) return;
    const { copyWithNewIds } = await import("./backup.ts");
    const copy = copyWithNewIds(plan, `${plan.name} ${this.texts.copySuffix}`);
    await repository.savePlanFull({ ...copy, createdAt: nowIso(), updatedAt: nowIso() });
    await this.refreshLists();
  }

  /** Whether another tab edits the plan now (holds its Web Lock); false without Web Locks. */
  private async editedElsewhere(id: string): Promise<boolean> {
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    if (!locks) return false;
    const documents = useDocumentStore.getState();
    // This tab holds the lock of the plan it edits.
    if (documents.plan.id === id && !documents.readOnly) return false;
    const state = await locks.query().catch(() => null);
    return state?.held?.some((lock) => lock.name === `pilotkarte-plan-${id}`) ?? false;
  }

  /**
   * Moves a plan to the trash; the open plan is replaced by another (or a new) one. Refused for a plan
   * that another tab is editing (that tab would go on saving into a plan in the trash): trash it there.
   * Other tabs are told at once (they update their plan list; one showing the plan says so).
   */
  async trashPlan(
    id: string,
    createStarter: () => Plan,
  ): Promise<{ ok: true } | { ok: false; reason: TrashRefusal }> {
    const repository = this.repository;
    if (!repository) return { ok: false, reason: "unavailable" };
    if (await this.editedElsewhere(id)) return { ok: false, reason: "edited-elsewhere" };
    await this.flush();
    const plan = await repository.loadPlan(id).catch(() => null);
    if (plan) await repository.addSnapshot(plan, "before-risky", "trash", nowIso());
    await repository.trashPlan(id, nowIso());
    this.post({ type: "trashed", planId: id, tab: tabId });
    if (useDocumentStore.getState().plan.id === id) {
      const next = await this.firstReadablePlan(repository);
      if (next) this.open(next, undefined);
      else await this.createPlan(createStarter);
    }
    await this.refreshLists();
    return { ok: true };
  }

  async restorePlan(id: string): Promise<void> {
    await this.repository?.restoreFromTrash(id);
    this.post({ type: "restored", planId: id, tab: tabId });
    if (useDocumentStore.getState().plan.id === id)
      useStorageStore.getState().set({ trashedElsewhere: false });
    await this.refreshLists();
  }

  async deletePlanForever(id: string): Promise<void> {
    await this.repository?.deletePlanForever(id);
    const storage = useStorageStore.getState();
    storage.set({ damaged: storage.damaged.filter((d) => d.id !== id) });
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

  /** A snapshot's document; null when it is gone or cannot be read (a damaged snapshot is left stored). */
  loadSnapshot(id: string): Promise<Plan | null> {
    return this.repository?.loadSnapshot(id).catch(() => null) ?? Promise.resolve(null);
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

  /**
   * The whole workspace as a backup file. The open plan is taken from this tab's memory, not from
   * storage, when this tab edits it: when storage is full or failing, memory holds work that storage
   * does not, and the backup offered as the rescue must hold it.
   */
  async exportBackup(): Promise<string> {
    await this.flush();
    const documents = useDocumentStore.getState();
    const inMemory = documents.readOnly ? undefined : documents.plan;
    const repository = this.repository;
    if (!repository) {
      // Memory only: the open plan is all there is.
      return JSON.stringify({
        format: "pilotkarte-backup",
        version: 1,
        exportedAt: nowIso(),
        generator: this.texts.generator,
        plans: [{ plan: documents.plan }],
        snapshots: [],
      });
    }
    return JSON.stringify(
      await createBackup(repository, nowIso(), this.texts.generator, inMemory ? { current: inMemory } : {}),
    );
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
      nowIso(),
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
