/**
 * The shared plan's mirror (src/persistence/sync/sync-session.ts) between two document stores, each
 * with its Y.Doc, the two Y.Docs connected in memory as a sync server would connect them.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startSyncSession } from "../../../../src/persistence/sync/sync-session.ts";
import { createDocumentStore } from "../../../../src/store/document-store.ts";
import { makeArea, samplePlan } from "../../domain/changes/plan-fixtures.ts";

/** Two Y.Docs that pass every update to each other (synchronously, like a perfect network). */
function connectedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
  return [a, b];
}

function twoPlanners() {
  const [docA, docB] = connectedDocs();
  const plan = samplePlan();
  const storeA = createDocumentStore(plan);
  const storeB = createDocumentStore({ ...plan, name: "anything, replaced on join" });
  const sessionA = startSyncSession(storeA, docA, "share-local-plan");
  const sessionB = startSyncSession(storeB, docB, "join-shared-plan");
  const variantId = plan.variantOrder[0] ?? "";
  return { storeA, storeB, docA, docB, sessionA, sessionB, variantId };
}

describe("startSyncSession", () => {
  it("gives the joining planner the shared plan", () => {
    const { storeA, storeB } = twoPlanners();
    expect(storeB.getState().plan).toEqual(storeA.getState().plan);
  });

  it("mirrors local edits to the other planner, outside the other's undo history", () => {
    const { storeA, storeB, variantId } = twoPlanners();
    const area = makeArea("neu", { name: "Hafen" });
    storeA.getState().transact({
      label: "add",
      changes: [{ type: "area/put", variantId: variantId as never, area }],
    });
    expect(storeB.getState().plan.variants[variantId]?.areas[area.id]?.name).toBe("Hafen");
    expect(storeB.getState().past).toEqual([]);
    expect(storeA.getState().past).toHaveLength(1);
  });

  it("keeps both planners' edits of different fields of one area", () => {
    const { storeA, storeB, variantId } = twoPlanners();
    const areaId = storeA.getState().plan.variants[variantId]?.areaOrder[0];
    if (areaId === undefined) throw new Error("sample plan without areas");
    storeA.getState().transact({
      label: "rename",
      changes: [{ type: "area/patch", variantId: variantId as never, areaId, patch: { name: "Nord" } }],
    });
    storeB.getState().transact({
      label: "status",
      changes: [{ type: "area/patch", variantId: variantId as never, areaId, patch: { status: "kandidat" } }],
    });
    for (const store of [storeA, storeB]) {
      const area = store.getState().plan.variants[variantId]?.areas[areaId];
      expect(area?.name).toBe("Nord");
      expect(area?.status).toBe("kandidat");
    }
    expect(storeA.getState().plan).toEqual(storeB.getState().plan);
  });

  it("mirrors an undo like any other local change", () => {
    const { storeA, storeB, variantId } = twoPlanners();
    const area = makeArea("weg");
    storeA.getState().transact({
      label: "add",
      changes: [{ type: "area/put", variantId: variantId as never, area }],
    });
    expect(storeA.getState().undo()).toBe(true);
    expect(storeB.getState().plan.variants[variantId]?.areas[area.id]).toBeUndefined();
    expect(storeB.getState().plan).toEqual(storeA.getState().plan);
  });

  it("stops mirroring when stopped", () => {
    const { storeA, storeB, sessionA, variantId } = twoPlanners();
    sessionA.stop();
    storeA.getState().transact({
      label: "add",
      changes: [{ type: "area/put", variantId: variantId as never, area: makeArea("lokal") }],
    });
    expect(Object.keys(storeB.getState().plan.variants[variantId]?.areas ?? {})).not.toContain("lokal");
  });

  it("refuses to join before the shared plan has arrived", () => {
    expect(() =>
      startSyncSession(createDocumentStore(samplePlan()), new Y.Doc(), "join-shared-plan"),
    ).toThrow(/not arrived/);
  });
});

describe("a viewer's read-only store", () => {
  it("follows the others' edits without an undo step, and still refuses its own", () => {
    const { storeA, storeB, variantId } = twoPlanners();
    storeB.getState().setReadOnly(true);
    const area = makeArea("viewer-sees", { name: "Sichtbar" });
    storeA
      .getState()
      .transact({ label: "add", changes: [{ type: "area/put", variantId: variantId as never, area }] });
    expect(storeB.getState().plan).toEqual(storeA.getState().plan);
    expect(storeB.getState().past).toHaveLength(0);
    expect(() =>
      storeB.getState().transact({
        label: "rename",
        changes: [
          { type: "area/patch", variantId: variantId as never, areaId: area.id, patch: { name: "Nein" } },
        ],
      }),
    ).toThrow(/read-only/);
  });
});
