/**
 * Overlay layers survive a reload: the sync mirrors the overlay store into IndexedDB (added, shown or
 * hidden, removed) and restores it at start. A database written by the previous schema (version 1,
 * without the overlay table) opens with its plans intact.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { PilotkarteDb } from "../../../src/persistence/db.ts";
import { startOverlaySync } from "../../../src/persistence/overlay-sync.ts";
import { useOverlayStore } from "../../../src/store/overlay-store.ts";
import { deleteFreshDatabases, freshRepository } from "./helpers.ts";

const LABELS = {
  type: "FeatureCollection" as const,
  features: [
    {
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [7.46, 51.51] },
      properties: { name: "<script>alert(1)</script>", isPoint: 0 },
    },
  ],
};
const GEOJSON = '{"type":"FeatureCollection","features":[]}';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(async () => {
  useOverlayStore.setState({ overlays: [] });
  await deleteFreshDatabases();
});

describe("overlay sync", () => {
  it("keeps added overlays with their data, visibility and order, and forgets removed ones", async () => {
    const { db } = freshRepository();
    const stop = await startOverlaySync(db);
    const store = useOverlayStore.getState();
    const a = store.add({
      fileName: "bezirke-2026.geojson",
      geojson: new Blob([GEOJSON], { type: "application/geo+json" }),
      labels: LABELS,
      areaCount: 12,
      pointCount: 0,
    });
    await settle();
    const b = useOverlayStore.getState().add({
      fileName: "partner.kml",
      geojson: new Blob(["{}"]),
      labels: { type: "FeatureCollection", features: [] },
      areaCount: 0,
      pointCount: 3,
    });
    useOverlayStore.getState().setVisible(a.id, false);
    await settle();
    useOverlayStore.getState().remove(b.id);
    await settle();
    stop();

    // A reload: an empty store, the same database.
    useOverlayStore.setState({ overlays: [] });
    await startOverlaySync(db);
    const restored = useOverlayStore.getState().overlays;
    expect(restored.map((o) => [o.id, o.fileName, o.visible, o.areaCount, o.colour])).toEqual([
      [a.id, "bezirke-2026.geojson", false, 12, a.colour],
    ]);
    expect(restored[0]?.labels).toEqual(LABELS);
    expect(await restored[0]?.geojson.text()).toBe(GEOJSON);
    expect(restored[0]?.url).toMatch(/^blob:/);
    expect(restored[0]?.url).not.toBe(a.url);
  });

  it("an overlay hidden or removed right after it was added is stored as it is then", async () => {
    const { db } = freshRepository();
    const stop = await startOverlaySync(db);
    const add = (fileName: string) =>
      useOverlayStore.getState().add({
        fileName,
        geojson: new Blob([GEOJSON]),
        labels: LABELS,
        areaCount: 1,
        pointCount: 0,
      });
    const hidden = add("hidden.geojson");
    useOverlayStore.getState().setVisible(hidden.id, false);
    const gone = add("gone.geojson");
    useOverlayStore.getState().remove(gone.id);
    await settle();
    stop();
    const rows = await db.overlays.toArray();
    expect(rows.map((r) => [r.fileName, r.visible])).toEqual([["hidden.geojson", false]]);
  });

  it("opens a version-1 database (before overlays) with its plans intact, and adds the overlay table", async () => {
    const name = `pilotkarte-v1-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({
      plans: "id, updatedAt, deletedAt",
      variants: "[planId+id], planId",
      areas: "[planId+variantId+id], planId, [planId+variantId]",
      snapshots: "id, planId, [planId+createdAt]",
      settings: "key",
    });
    await old
      .table("plans")
      .put({ id: "p1", name: "Alt", schemaVersion: 1, variantOrder: [], createdAt: "", updatedAt: "" });
    old.close();
    const db = new PilotkarteDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.plans.get("p1"))?.name).toBe("Alt");
    expect(await db.overlays.count()).toBe(0);
    await db.delete();
  });
});
