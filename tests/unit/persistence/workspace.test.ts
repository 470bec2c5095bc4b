/**
 * The workspace (the UI's one persistence object) on the memory store, headless: start, autosave,
 * plans, trash, snapshots, damaged plans, and the fall-back to memory when storage cannot be used.
 * The document, session and storage stores are the app's own (reset before each test); there are no
 * other tabs (`noOtherTabs`). Locks and messages between tabs are tested in tab-coordination.test.ts,
 * and everything together in the browser (tests/e2e/persistence.spec.ts, storage-hardening.spec.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { asVariantId } from "../../../src/domain/model/ids.ts";
import type { PilotArea, Plan } from "../../../src/domain/model/plan.ts";
import { MemoryPlanStore } from "../../../src/persistence/memory-plan-store.ts";
import type { PlanStore } from "../../../src/persistence/plan-store.ts";
import { StorageError } from "../../../src/persistence/storage-error.ts";
import { noOtherTabs } from "../../../src/persistence/tab-coordination.ts";
import { AUTO_SNAPSHOT_MINUTES, Workspace } from "../../../src/persistence/workspace.ts";
import { createStarterPlan, useDocumentStore } from "../../../src/store/plan-document.ts";
import { useSessionStore } from "../../../src/store/session-store.ts";
import { useSharedPlanStore } from "../../../src/store/shared-plan-store.ts";
import { useStorageStore } from "../../../src/store/storage-store.ts";
import { buildArea, buildPlan, standardPlan, T0, T1, T2 } from "./helpers.ts";

const texts = {
  newPlanName: "Neuer Plan",
  firstVariantName: "Variante 1",
  copySuffix: "(Kopie)",
  restoreLabel: "Stand wiederherstellen",
  generator: "Pilotkarte (Test)",
};
const starter = () => createStarterPlan("Neuer Plan", "Variante 1");
const running: Workspace[] = [];

/** A workspace whose storage is what `openStore` gives (or the error it throws). */
function workspaceOn(openStore: () => Promise<PlanStore>): Workspace {
  const workspace = new Workspace(() => texts, { openStore, tabs: noOtherTabs });
  running.push(workspace);
  return workspace;
}

const plan = () => useDocumentStore.getState().plan;
const storage = () => useStorageStore.getState();
const areaCount = (p: Plan) =>
  p.variantOrder.reduce((n, id) => n + (p.variants[id]?.areaOrder.length ?? 0), 0);

/** Adds an area to the active variant, as the UI does (one undo step). */
function drawArea(id: string): void {
  const documents = useDocumentStore.getState();
  documents.transact({
    label: "draw",
    changes: [{ type: "area/put", variantId: documents.activeVariantId, area: buildArea({ id, x: 1 }, T1) }],
  });
}

beforeEach(() => {
  useStorageStore.setState(useStorageStore.getInitialState());
  useDocumentStore.getState().setReadOnly(false);
  useDocumentStore.getState().loadPlan(starter());
  useSessionStore.getState().selectPilotArea(null);
});

afterEach(() => {
  useSharedPlanStore.getState().set({ role: null });
  for (const workspace of running.splice(0)) workspace.stop();
  vi.useRealTimers();
});

describe("Workspace on a plan store", () => {
  it("starts on the last plan opened, with its variant, selection and camera, and fills the plan list", async () => {
    const store = new MemoryPlanStore();
    await store.savePlanFull(standardPlan("plan-1"));
    await store.savePlanFull(buildPlan({ id: "plan-2", variants: [{ id: "v", areas: [] }], now: T2 }));
    await store.setSetting("lastPlanId", "plan-1");
    const view = { variantId: "v2", selectedAreaId: "b1", camera: { center: [7.46, 51.51], zoom: 13 } };
    await store.setSetting("view:plan-1", view);

    const restored = await workspaceOn(async () => store).start(starter);

    expect(restored).toEqual(view);
    expect(plan()).toStrictEqual(standardPlan("plan-1"));
    expect(useDocumentStore.getState().activeVariantId).toBe("v2");
    expect(useSessionStore.getState().selectedAreaId).toBe("b1");
    expect(storage()).toMatchObject({ ready: true, memoryOnly: false, fault: null, saveState: "saved" });
    expect(storage().plans.map((p) => p.id)).toEqual(["plan-2", "plan-1"]);
  });

  it("stores a new plan when there is none, writes every change, and a new plan keeps the old one listed", async () => {
    const store = new MemoryPlanStore();
    const workspace = workspaceOn(async () => store);
    await workspace.start(starter);
    const first = plan();
    expect(await store.loadPlan(first.id)).toStrictEqual(first);

    drawArea("a1");
    await workspace.flush();
    const drawn = plan();
    expect(await store.loadPlan(drawn.id)).toStrictEqual(drawn);
    await workspace.createPlan(starter);
    expect(plan().id).not.toBe(drawn.id);
    expect(storage().plans).toHaveLength(2);

    expect(await workspace.openPlan(drawn.id)).toBe(true);
    expect(plan()).toStrictEqual(drawn);
  });

  it("trashing the open plan snapshots it first, opens the next plan, and restoring brings it back", async () => {
    const store = new MemoryPlanStore();
    await store.savePlanFull(buildPlan({ id: "older", variants: [{ id: "v", areas: [] }], now: T0 }));
    await store.savePlanFull(standardPlan("newer"));
    await store.renamePlan("newer", "Neuer", T2);
    const workspace = workspaceOn(async () => store);
    await workspace.start(starter);
    expect(plan().id).toBe("newer");

    expect(await workspace.trashPlan("newer", starter)).toEqual({ ok: true });

    expect(plan().id).toBe("older");
    expect(storage().trash.map((p) => p.id)).toEqual(["newer"]);
    expect((await store.listSnapshots("newer")).map((s) => [s.kind, s.name])).toEqual([
      ["before-risky", "trash"],
    ]);
    await workspace.restorePlan("newer");
    expect(
      storage()
        .plans.map((p) => p.id)
        .sort(),
    ).toEqual(["newer", "older"]);
    expect(storage().trash).toEqual([]);
  });

  it("restores a named snapshot as one undoable step, after a snapshot of what it replaces", async () => {
    const workspace = workspaceOn(async () => new MemoryPlanStore());
    await workspace.start(starter);
    drawArea("a1");
    await workspace.namedSnapshot("Stand 1");
    drawArea("a2");
    const [named] = storage().snapshots;
    expect(named).toMatchObject({ kind: "named", name: "Stand 1", areaCount: 1 });

    expect(await workspace.restoreSnapshot(named?.id ?? "")).toBe(true);

    expect(areaCount(plan())).toBe(1);
    // Both may be taken within the same millisecond: their order is not asserted.
    expect(
      storage()
        .snapshots.map((s) => [s.kind, s.name, s.areaCount])
        .sort(),
    ).toEqual([
      ["before-risky", "restore", 2],
      ["named", "Stand 1", 1],
    ]);
    useDocumentStore.getState().undo();
    expect(areaCount(plan())).toBe(2);
  });

  it(`takes an automatic snapshot every ${AUTO_SNAPSHOT_MINUTES} minutes, and only when the plan changed`, async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    const store = new MemoryPlanStore();
    const workspace = workspaceOn(async () => store);
    await workspace.start(starter);

    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_MINUTES * 60_000);
    expect(await store.listSnapshots(plan().id)).toEqual([]);
    drawArea("a1");
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_MINUTES * 60_000);
    await vi.advanceTimersByTimeAsync(AUTO_SNAPSHOT_MINUTES * 60_000);

    expect((await store.listSnapshots(plan().id)).map((s) => s.kind)).toEqual(["auto"]);
  });

  it("a damaged stored plan is skipped at start and listed as damaged; its rows can be exported, then deleted", async () => {
    const store = new MemoryPlanStore();
    const good = standardPlan("good");
    const damaged = standardPlan("broken");
    const v1 = damaged.variants.v1 as Plan["variants"][string];
    const a1 = { ...(v1.areas.a1 as PilotArea), geometry: { type: "Polygon", coordinates: [] } };
    await store.savePlanFull(good);
    await store.savePlanFull({
      ...damaged,
      variants: { ...damaged.variants, [asVariantId("v1")]: { ...v1, areas: { ...v1.areas, a1 } } },
    } as unknown as Plan);
    await store.setSetting("lastPlanId", "broken");
    const workspace = workspaceOn(async () => store);

    await workspace.start(starter);

    expect(plan().id).toBe("good");
    expect(storage().damaged).toMatchObject([
      { id: "broken", name: "Pilotgebiete 2025", problem: { code: "polygon-without-rings" } },
    ]);
    expect(await workspace.openPlan("broken")).toBe(false);
    const exported = JSON.parse((await workspace.exportDamagedPlan("broken")) ?? "null");
    expect(exported).toMatchObject({ format: "pilotkarte-damaged-plan", document: { id: "broken" } });
    await workspace.deletePlanForever("broken");
    expect(storage().damaged).toEqual([]);
    expect(storage().plans.map((p) => p.id)).toEqual(["good"]);
  });
});

describe("Workspace beside other tabs", () => {
  it("a tab that follows a live shared plan never reloads it from storage: the room keeps it current", async () => {
    const channel = `pilotkarte-workspace-test-${Math.random()}`;
    const workspace = new Workspace(() => texts, {
      openStore: async () => new MemoryPlanStore(),
      tabs: { locks: () => undefined, openChannel: () => new BroadcastChannel(channel) },
    });
    running.push(workspace);
    await workspace.start(starter);
    const otherTab = new BroadcastChannel(channel);
    const planId = plan().id;
    const saved = () => otherTab.postMessage({ type: "saved", planId, tab: "other-tab" });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    // A local plan that another tab edits: its "saved" reloads the stored copy (the area is not in it).
    useDocumentStore.getState().setReadOnly(true);
    const remoteArea = (id: string) =>
      useDocumentStore.getState().transact(
        {
          label: "remote",
          changes: [
            {
              type: "area/put",
              variantId: useDocumentStore.getState().activeVariantId,
              area: buildArea({ id, x: 2 }, T1),
            },
          ],
        },
        { source: "remote" },
      );
    remoteArea("from-elsewhere");
    saved();
    await settle();
    expect(areaCount(plan())).toBe(0);

    // The same in a live shared plan: the area the room sent stays.
    useSharedPlanStore.getState().set({ role: "edit" });
    remoteArea("from-the-room");
    saved();
    await settle();
    expect(areaCount(plan())).toBe(1);
    otherTab.close();
  });
});

describe("Workspace when storage cannot be used", () => {
  it("works in memory on a new plan, says why, reports nothing as saved, and the backup holds every edit", async () => {
    const unavailable = Object.assign(new Error("IndexedDB API missing"), { name: "MissingAPIError" });
    const workspace = workspaceOn(() => Promise.reject(unavailable));

    expect(await workspace.start(starter)).toBeNull();
    drawArea("a1");
    drawArea("a2");
    await workspace.flush();

    expect(storage()).toMatchObject({
      ready: true,
      memoryOnly: true,
      fault: "unavailable",
      saveState: "idle",
    });
    expect(storage().plans.map((p) => p.id)).toEqual([plan().id]);
    const backup = JSON.parse(await workspace.exportBackup());
    expect(backup).toMatchObject({ format: "pilotkarte-backup", version: 1, generator: "Pilotkarte (Test)" });
    expect(backup.plans).toHaveLength(1);
    expect(areaCount(backup.plans[0].plan)).toBe(2);
  });

  it("works in memory when storage opens but its plans cannot be read, and a save to memory keeps the cause shown", async () => {
    const failing = new MemoryPlanStore();
    failing.firstReadablePlan = () =>
      Promise.reject(new StorageError("quota", "The quota has been exceeded."));
    const workspace = workspaceOn(async () => failing);

    await workspace.start(starter);
    drawArea("a1");
    await workspace.flush();

    expect(storage()).toMatchObject({ memoryOnly: true, fault: "quota" });
    // The plan is in the memory store, not in the store that failed.
    expect(await failing.planRows()).toEqual([]);
    expect(areaCount(JSON.parse(await workspace.exportBackup()).plans[0].plan)).toBe(1);
  });
});
