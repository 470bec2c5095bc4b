/**
 * The persistence session of this tab, and the one object the UI talks to (instance.ts): opens
 * storage, restores the last plan, variant, selection and camera, saves every change (autosave), and
 * falls back to memory when storage fails. It wires its parts together:
 * - the store (plan-store.ts): IndexedDB (plan-repository.ts), or this tab's memory
 *   (memory-plan-store.ts) when IndexedDB cannot be used; nothing here asks which one it is;
 * - tab coordination (tab-coordination.ts): Web Locks, so that one tab edits a plan and the others
 *   follow it read-only through a BroadcastChannel, or take over;
 * - the plan library (plan-library.ts): plan list, trash, open/create/rename/duplicate, damaged plans;
 * - snapshots (snapshot-schedule.ts), the view state (view-state.ts) and backups (backup.ts).
 *
 * Everything read here is checked before the app takes it: plans against the plan schema (a damaged
 * plan is listed as damaged and left stored, the other plans still open), view settings and channel
 * messages against theirs (`src/domain/validation/`).
 */
import type { Plan } from "../domain/model/plan.ts";
import type { TabMessage, ViewState } from "../domain/validation/tab-message.schema.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useSharedPlanStore } from "../store/shared-plan-store.ts";
import { type StorageFault, useStorageStore } from "../store/storage-store.ts";
import { Autosave, type SaveStatus } from "./autosave.ts";
import type { BackupPreview, ConflictChoice } from "./backup.ts";
import { MemoryPlanStore } from "./memory-plan-store.ts";
import { askToKeepStorage, type OpenEvents, openBrowserStore } from "./open-database.ts";
import { PlanLibrary, type TrashRefusal } from "./plan-library.ts";
import type { PlanStore } from "./plan-store.ts";
import { SnapshotSchedule } from "./snapshot-schedule.ts";
import { damageOf, storageErrorOf } from "./storage-error.ts";
import {
  browserTabs,
  noOtherTabs,
  TabCoordinator,
  type TabEnvironment,
  type TabEvents,
} from "./tab-coordination.ts";
import { ViewMemory } from "./view-state.ts";
import { WorkspaceBackups } from "./workspace-backups.ts";
import type { WorkspaceContext, WorkspaceTexts } from "./workspace-context.ts";

export { AUTO_SNAPSHOT_MINUTES } from "./snapshot-schedule.ts";
export type { TrashRefusal, ViewState, WorkspaceTexts };

export interface WorkspaceOptions {
  /** Opens the store to use; throws when storage cannot be used. Default: IndexedDB. */
  openStore?: (events: OpenEvents) => Promise<PlanStore>;
  /** Where the locks and the channel to other tabs come from. Default: the browser's. */
  tabs?: TabEnvironment;
}

export class Workspace {
  /** Memory until `start` opens storage. */
  private store: PlanStore = new MemoryPlanStore();
  private tabs: TabCoordinator;
  /** Replaced for every plan opened; never started before. */
  private autosave: Autosave;
  private readonly views: ViewMemory;
  private readonly library: PlanLibrary;
  private readonly snapshots: SnapshotSchedule;
  private readonly backups: WorkspaceBackups;
  private unsubscribe: () => void = () => {};
  private starting: Promise<ViewState | null> | null = null;
  private unloadWatched = false;

  constructor(
    private readonly textsOf: () => WorkspaceTexts,
    private readonly options: WorkspaceOptions = {},
  ) {
    const context: WorkspaceContext = {
      store: () => this.store,
      tabs: () => this.tabs,
      texts: () => this.textsOf(),
      flush: () => this.flush(),
      open: (plan, view) => this.open(plan, view),
      refreshLists: () => this.refreshLists(),
    };
    this.tabs = new TabCoordinator(options.tabs ?? browserTabs, this.tabEvents());
    this.autosave = this.autosaveFor(useDocumentStore.getState().plan);
    this.views = new ViewMemory(() => this.store);
    this.library = new PlanLibrary(context, this.views);
    this.snapshots = new SnapshotSchedule(context);
    this.backups = new WorkspaceBackups(context, this.snapshots);
  }

  /** Opens storage and loads the last plan (or a new one). Returns the view state to restore. Idempotent. */
  start(createStarter: () => Plan): Promise<ViewState | null> {
    this.starting ??= this.startOnce(createStarter);
    return this.starting;
  }

  private async startOnce(createStarter: () => Plan): Promise<ViewState | null> {
    const { plan, memoryOnly } = await this.openStorage(createStarter);
    const view = await this.views.read(plan.id);
    this.open(plan, view);
    this.tabs.listen();
    this.unsubscribe = await this.follow();
    this.snapshots.start();
    this.watchUnload();
    this.watchPage();
    if (!memoryOnly) void askToKeepStorage();
    await this.refreshLists();
    // Before "ready": the map is created once ready is set, with this camera.
    if (view?.camera) useSessionStore.getState().setInitialCamera(view.camera);
    useStorageStore.getState().set({ ready: true });
    return view ?? null;
  }

  /**
   * Opens storage and finds the plan to open (a new one when there is none). When storage cannot be
   * opened, or opens but cannot read or write plans, the session works in memory from here on: with a
   * new plan, alone (no locks, no messages: nothing is shared with other tabs), and closing the tab
   * asks first.
   */
  private async openStorage(createStarter: () => Plan): Promise<{ plan: Plan; memoryOnly: boolean }> {
    try {
      try {
        this.store = await (this.options.openStore ?? openBrowserStore)({
          upgradeElsewhere: () => this.fault("upgrade-elsewhere"),
          blockedForLong: () => useStorageStore.getState().set({ openBlocked: true }),
        });
      } finally {
        useStorageStore.getState().set({ openBlocked: false });
      }
      await this.store.purgeTrash(new Date()).catch(() => []);
      let plan = await this.library.firstReadablePlan();
      if (!plan) {
        plan = createStarter();
        await this.store.savePlanFull(plan);
      }
      return { plan, memoryOnly: false };
    } catch (error) {
      this.store = new MemoryPlanStore();
      this.tabs = new TabCoordinator(noOtherTabs, this.tabEvents());
      const plan = createStarter();
      await this.store.savePlanFull(plan);
      useStorageStore.getState().set({ memoryOnly: true, fault: storageErrorOf(error).code });
      return { plan, memoryOnly: true };
    }
  }

  /** Saves every change of the plan, remembers variant and selection, keeps overlays; returns the stop. */
  private async follow(): Promise<() => void> {
    const unsubscribeDocument = useDocumentStore.subscribe((state, previous) => {
      if (state.plan !== previous.plan && !state.readOnly) this.autosave.changed();
      if (state.activeVariantId !== previous.activeVariantId) this.views.changed(true);
    });
    const unsubscribeSession = useSessionStore.subscribe((state, previous) => {
      if (state.selectedAreaId !== previous.selectedAreaId) this.views.changed(true);
    });
    // Overlay layers are the browser's, not the plan's: restored whatever plan opens. A failure here
    // leaves them for the session only and never stops the plan from loading.
    const unsubscribeOverlays = await this.store.syncOverlays().catch(() => () => {});
    return () => {
      unsubscribeDocument();
      unsubscribeSession();
      unsubscribeOverlays();
    };
  }

  /**
   * Before the tab closes: start the last write (beforeunload comes before pagehide), and ask first
   * when what is in this tab cannot be stored (memory only, or a write failed and changes are pending).
   */
  private watchUnload(): void {
    if (this.unloadWatched || typeof window === "undefined") return;
    this.unloadWatched = true;
    window.addEventListener("beforeunload", (event) => {
      void this.autosave.flush();
      this.views.flush();
      const storage = useStorageStore.getState();
      const unsaved = storage.memoryOnly || (storage.saveState === "error" && this.autosave.pending);
      if (unsaved) {
        event.preventDefault();
        // Older browsers show the dialog only when returnValue is set.
        event.returnValue = "";
      }
    });
  }

  /** A page hidden or left may be killed without warning: write what is pending. */
  private watchPage(): void {
    if (typeof window === "undefined") return;
    const flush = () => {
      void this.autosave.flush();
      this.views.flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
  }

  /** Lets the map report the camera for "reopen where I left off". */
  setCameraProvider(provider: () => ViewState["camera"]): void {
    this.views.setCameraProvider(provider);
  }

  /** Call when the camera stopped moving. */
  cameraChanged(): void {
    this.views.changed();
  }

  private open(plan: Plan, view: ViewState | undefined): void {
    this.tabs.release();
    this.autosave.stop();
    useStorageStore.getState().set({ trashedElsewhere: false });
    useDocumentStore.getState().loadPlan(plan, view?.variantId as Plan["variantOrder"][number] | undefined);
    useSessionStore.getState().selectPilotArea(view?.selectedAreaId ?? null);
    this.snapshots.opened(plan);
    this.autosave = this.autosaveFor(plan);
    this.autosave.start(plan);
    this.views.rememberLastPlan(plan.id);
    this.tabs.hold(plan.id, false);
  }

  private autosaveFor(plan: Plan): Autosave {
    return new Autosave({
      repository: this.store,
      getPlan: () => useDocumentStore.getState().plan,
      onStatus: (status) => this.showSaveStatus(plan.id, status),
    });
  }

  /** The save indicator and the faults follow the autosave; other tabs hear that the plan was saved. */
  private showSaveStatus(planId: string, status: SaveStatus): void {
    const storage = useStorageStore.getState();
    // In memory only the indicator says so whatever is written to memory, and the fault says why.
    if (storage.memoryOnly) return;
    if (status.state === "saved") {
      storage.set({
        saveState: "saved",
        savedAt: status.at,
        ...(storage.fault === "quota" ? { fault: null } : {}),
      });
      this.tabs.post("saved", planId);
    } else if (status.state === "saving") storage.set({ saveState: "saving" });
    else if (status.state === "error")
      // "Reload" stays the advice when another tab upgraded the database (writes fail from then on).
      storage.set({
        saveState: "error",
        fault: storage.fault === "upgrade-elsewhere" ? "upgrade-elsewhere" : status.error.code,
      });
  }

  private tabEvents(): TabEvents {
    return {
      message: (message) => void this.onTabMessage(message),
      editable: (editable) => this.setReadOnly(!editable),
      lockLost: (planId) => {
        if (useDocumentStore.getState().plan.id === planId) this.setReadOnly(true);
      },
      tookOver: (planId) => this.reloadFromStorage(planId),
    };
  }

  private setReadOnly(readOnly: boolean): void {
    useDocumentStore.getState().setReadOnly(readOnly);
    useStorageStore.getState().set({ readOnly });
    if (readOnly) {
      this.autosave.stop();
      useSessionStore.getState().setTool("select");
    } else {
      this.autosave.start(useDocumentStore.getState().plan);
    }
  }

  /** Asks the editing tab to save, then takes the plan over. */
  takeOver(): Promise<void> {
    return this.tabs.takeOver(useDocumentStore.getState().plan.id);
  }

  private async onTabMessage(message: TabMessage): Promise<void> {
    // The plan list changes in every tab, whichever plan it shows.
    if (message.type === "trashed" || message.type === "restored") void this.refreshLists();
    const current = useDocumentStore.getState();
    if (message.planId !== current.plan.id) return;
    if (message.type === "saved" && current.readOnly) await this.reloadFromStorage(message.planId);
    if (message.type === "flush-request" && !current.readOnly) {
      await this.autosave.flush();
      this.tabs.post("flushed", message.planId);
    }
    if (message.type === "trashed") useStorageStore.getState().set({ trashedElsewhere: true });
    if (message.type === "restored") useStorageStore.getState().set({ trashedElsewhere: false });
  }

  /** Shows the plan as another tab saved it (read-only tabs follow; a tab that takes over starts from it). */
  private async reloadFromStorage(planId: string): Promise<void> {
    // A live shared plan is kept current by its room in every tab that shows it; the stored copy can
    // only be older, and loading it would be mirrored into the room as a change that undoes others' work.
    if (useSharedPlanStore.getState().role !== null) return;
    const plan = await this.store.loadPlan(planId).catch(async (error: unknown) => {
      // Another tab wrote something this one cannot read: keep showing what is here, and say so.
      const problem = damageOf(error);
      if (problem) await this.library.markDamaged(planId, problem);
      return null;
    });
    if (!plan) return;
    const documents = useDocumentStore.getState();
    const variantId = documents.activeVariantId;
    const wasReadOnly = documents.readOnly;
    documents.setReadOnly(false);
    documents.loadPlan(plan, variantId);
    documents.setReadOnly(wasReadOnly);
    this.autosave.rebase(plan);
  }

  private fault(fault: StorageFault): void {
    useStorageStore.getState().set({ fault });
  }

  /** Fills the plan list, the trash and the open plan's history. */
  refreshLists(): Promise<void> {
    return this.library.refreshLists();
  }

  /** Saves what is pending now (before risky operations, switching plans, tests). */
  async flush(): Promise<void> {
    await this.autosave.flush();
  }

  /** Opens a stored plan; false when it cannot be read (it is then listed as damaged). */
  openPlan(id: string): Promise<boolean> {
    return this.library.openPlan(id);
  }

  /** A damaged plan's rows as stored, as JSON text; null when it no longer exists. */
  exportDamagedPlan(id: string): Promise<string | null> {
    return this.library.exportDamagedPlan(id);
  }

  createPlan(createStarter: () => Plan): Promise<void> {
    return this.library.createPlan(createStarter);
  }

  renamePlan(id: string, name: string): Promise<void> {
    return this.library.renamePlan(id, name);
  }

  duplicatePlan(id: string): Promise<void> {
    return this.library.duplicatePlan(id);
  }

  /** Moves a plan to the trash (refused while another tab edits it); see `PlanLibrary.trashPlan`. */
  trashPlan(
    id: string,
    createStarter: () => Plan,
  ): Promise<{ ok: true } | { ok: false; reason: TrashRefusal }> {
    return this.library.trashPlan(id, createStarter);
  }

  restorePlan(id: string): Promise<void> {
    return this.library.restorePlan(id);
  }

  deletePlanForever(id: string): Promise<void> {
    return this.library.deletePlanForever(id);
  }

  /** A snapshot the planner names ("Stand Workshop 14.03."). */
  namedSnapshot(name: string): Promise<void> {
    return this.snapshots.named(name);
  }

  /** A snapshot before something risky (bulk delete, import, restore). */
  snapshotBeforeRisky(what: string): Promise<void> {
    return this.snapshots.beforeRisky(what);
  }

  /** A snapshot's document; null when it is gone or cannot be read (a damaged snapshot is left stored). */
  loadSnapshot(id: string): Promise<Plan | null> {
    return this.snapshots.load(id);
  }

  /** Restores a snapshot as one undoable step (and snapshots the current state first). */
  restoreSnapshot(id: string): Promise<boolean> {
    return this.snapshots.restore(id);
  }

  /** The whole workspace as a backup file (the open plan as this tab holds it). */
  exportBackup(): Promise<string> {
    return this.backups.export();
  }

  readBackupFile(text: string) {
    return this.backups.read(text);
  }

  importBackup(preview: BackupPreview, choose: (plan: Plan) => ConflictChoice) {
    return this.backups.import(preview, choose);
  }

  stop(): void {
    this.unsubscribe();
    this.autosave.stop();
    this.tabs.close();
    this.snapshots.stop();
    this.views.stop();
  }
}
