/**
 * Two planners' document stores on one shared plan through the real server: each store mirrored into
 * its Y.Doc by a SyncSession, each Y.Doc kept in step by a Hocuspocus provider.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncSession } from "../../../src/persistence/sync/sync-session.ts";
import { createDocumentStore } from "../../../src/store/document-store.ts";
import { makeArea, samplePlan } from "../../unit/domain/changes/plan-fixtures.ts";
import {
  acknowledged,
  type Client,
  connect,
  createRoom,
  fakeDist,
  startTestServer,
  type TestServer,
  tempFolder,
  until,
} from "./server-harness.ts";

let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer(tempFolder("plan-sync-data"), fakeDist());
}, 120_000);

afterAll(async () => {
  for (const each of clients) each.close();
  await server?.close();
});

describe("a shared plan through the server", () => {
  it("carries each planner's edits to the other's store, and to a late joiner", async () => {
    const room = await createRoom(server);
    const plan = samplePlan();
    const variantId = plan.variantOrder[0] as string;

    const a = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(a);
    const storeA = createDocumentStore(plan);
    startSyncSession(storeA, a.doc, "share-local-plan");
    await acknowledged(a);

    const b = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(b);
    const storeB = createDocumentStore(samplePlan());
    startSyncSession(storeB, b.doc, "join-shared-plan");

    const area = makeArea("hafen", { name: "Hafen" });
    storeA
      .getState()
      .transact({ label: "add", changes: [{ type: "area/put", variantId: variantId as never, area }] });
    await until(
      () => storeB.getState().plan.variants[variantId]?.areas[area.id] !== undefined,
      10_000,
      "area at b",
    );
    storeB.getState().transact({
      label: "rename",
      changes: [
        { type: "area/patch", variantId: variantId as never, areaId: area.id, patch: { name: "Hafen Nord" } },
      ],
    });
    await until(() => storeA.getState().plan.variants[variantId]?.areas[area.id]?.name === "Hafen Nord");
    expect(storeB.getState().past).toHaveLength(1);
    expect(storeA.getState().past).toHaveLength(1);
    await acknowledged(b);

    const viewer = await connect(server.wsUrl, room.room, room.links.view.token);
    clients.push(viewer);
    const storeViewer = createDocumentStore(samplePlan());
    startSyncSession(storeViewer, viewer.doc, "join-shared-plan");
    expect(storeViewer.getState().plan).toEqual(storeA.getState().plan);
    expect(storeB.getState().plan).toEqual(storeA.getState().plan);
  });

  it("an undo never overwrites what the other planner changed since: the step is skipped and said", async () => {
    const room = await createRoom(server);
    const plan = samplePlan();
    const variantId = plan.variantOrder[0] as never;
    const a = await connect(server.wsUrl, room.room, room.links.edit.token);
    const b = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(a, b);
    const storeA = createDocumentStore(plan);
    startSyncSession(storeA, a.doc, "share-local-plan");
    await acknowledged(a);
    const storeB = createDocumentStore(samplePlan());
    startSyncSession(storeB, b.doc, "join-shared-plan");

    const area = makeArea("werk", { name: "Werk" });
    const other = makeArea("hof", { name: "Hof" });
    storeA.getState().transact({ label: "add", changes: [{ type: "area/put", variantId, area }] });
    storeA
      .getState()
      .transact({ label: "add other", changes: [{ type: "area/put", variantId, area: other }] });
    storeA.getState().transact({
      label: "rename mine",
      changes: [{ type: "area/patch", variantId, areaId: area.id, patch: { name: "Werk A" } }],
    });
    const nameAt = (store: typeof storeA) => store.getState().plan.variants[variantId]?.areas[area.id]?.name;
    await until(() => nameAt(storeB) === "Werk A", 10_000, "rename at b");
    storeB.getState().transact({
      label: "rename theirs",
      changes: [{ type: "area/patch", variantId, areaId: area.id, patch: { name: "Werk B" } }],
    });
    await until(() => nameAt(storeA) === "Werk B", 10_000, "rename at a");

    // A's rename is skipped (B's name stays), then A's "add other" (not touched by B) is undone.
    storeA.getState().undo();
    expect(storeA.getState().skipped?.label).toBe("rename mine");
    expect(nameAt(storeA)).toBe("Werk B");
    storeA.getState().undo();
    const otherAt = (store: typeof storeA) => store.getState().plan.variants[variantId]?.areas[other.id];
    expect(otherAt(storeA)).toBeUndefined();
    await until(() => otherAt(storeB) === undefined, 10_000, "undo at b");
    expect(nameAt(storeB)).toBe("Werk B");
    expect(storeB.getState().plan).toEqual(storeA.getState().plan);
  });
});
