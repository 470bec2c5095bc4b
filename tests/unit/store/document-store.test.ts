import { describe, expect, it } from "vitest";
import type { ChangeSet } from "../../../src/domain/changes/index.ts";
import { createArea } from "../../../src/domain/changes/index.ts";
import { asAreaId } from "../../../src/domain/model/ids.ts";
import {
  createDocumentStore,
  HISTORY_LIMIT,
  selectActiveVariant,
} from "../../../src/store/document-store.ts";
import { createStarterPlan } from "../../../src/store/plan-document.ts";
import { square } from "../../fixtures/geometry/builders.ts";

const NOW = "2026-11-26T10:00:00.000Z";

function setup() {
  const store = createDocumentStore(createStarterPlan("Plan", "Variante 1", NOW));
  const variantId = store.getState().activeVariantId;
  const put = (id: string, label = "Gebiet anlegen"): ChangeSet => ({
    label,
    changes: [
      {
        type: "area/put",
        variantId,
        area: createArea(
          { geometry: square(7.45, 51.5), origin: { kind: "drawn", tool: "polygon" }, name: id },
          NOW,
          asAreaId(id),
        ),
      },
    ],
  });
  return { store, variantId, put };
}

describe("document store", () => {
  describe("transact", () => {
    it("applies a change set, records its inverse and clears the redo stack", () => {
      const { store, put } = setup();
      store.getState().transact(put("a"));
      store.getState().undo();
      expect(store.getState().future).toHaveLength(1);
      store.getState().transact(put("b"));
      const state = store.getState();
      expect(selectActiveVariant(state).areaOrder).toEqual(["b"]);
      expect(state.past).toHaveLength(1);
      expect(state.past[0]?.label).toBe("Gebiet anlegen");
      expect(state.future).toEqual([]);
    });

    it("does not record a step with history 'ignore'", () => {
      const { store, put } = setup();
      store.getState().transact(put("a"), { history: "ignore" });
      expect(selectActiveVariant(store.getState()).areaOrder).toEqual(["a"]);
      expect(store.getState().past).toEqual([]);
    });

    it("ignores an empty change set without bumping the revision", () => {
      const { store } = setup();
      const before = store.getState().revision;
      store.getState().transact({ label: "nichts", changes: [] });
      expect(store.getState().revision).toBe(before);
      expect(store.getState().past).toEqual([]);
    });

    it("keeps at most HISTORY_LIMIT undo steps", () => {
      const { store, put } = setup();
      for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().transact(put(`a${i}`));
      expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    });
  });

  describe("undo and redo", () => {
    it("restores the exact earlier plan on undo and the later one on redo", () => {
      const { store, put, variantId } = setup();
      const empty = store.getState().plan;
      store.getState().transact(put("a"));
      const withA = store.getState().plan;
      store.getState().transact({
        label: "umbenennen",
        changes: [
          { type: "area/patch", variantId, areaId: asAreaId("a"), patch: { name: "Neu", updatedAt: NOW } },
        ],
      });
      expect(store.getState().undo()).toBe(true);
      expect(store.getState().plan).toStrictEqual(withA);
      expect(store.getState().undo()).toBe(true);
      expect(store.getState().plan).toStrictEqual(empty);
      expect(store.getState().undo()).toBe(false);
      expect(store.getState().redo()).toBe(true);
      expect(store.getState().plan).toStrictEqual(withA);
      expect(store.getState().redo()).toBe(true);
      expect(selectActiveVariant(store.getState()).areas.a?.name).toBe("Neu");
      expect(store.getState().redo()).toBe(false);
    });

    it("bumps the revision on every change, undo and redo", () => {
      const { store, put } = setup();
      const r0 = store.getState().revision;
      store.getState().transact(put("a"));
      store.getState().undo();
      store.getState().redo();
      expect(store.getState().revision).toBe(r0 + 3);
    });
  });

  describe("loadPlan", () => {
    it("replaces the plan and clears the history", () => {
      const { store, put } = setup();
      store.getState().transact(put("a"));
      const other = createStarterPlan("Anderer", "V", NOW);
      store.getState().loadPlan(other);
      expect(store.getState().plan).toBe(other);
      expect(store.getState().past).toEqual([]);
      expect(store.getState().activeVariantId).toBe(other.variantOrder[0]);
    });
  });
});

describe("document store in a shared plan: others' changes are never overwritten by undo", () => {
  const rename = (variantId: ReturnType<typeof setup>["variantId"], id: string, name: string): ChangeSet => ({
    label: "Umbenennen",
    changes: [{ type: "area/patch", variantId, areaId: asAreaId(id), patch: { name } }],
  });
  const names = (store: ReturnType<typeof setup>["store"]) =>
    selectActiveVariant(store.getState()).areaOrder.map(
      (id) => selectActiveVariant(store.getState()).areas[id]?.name,
    );

  it("skips the undo of a step whose area someone else changed since, says so, and undoes the next", () => {
    const { store, variantId, put } = setup();
    store.getState().transact(put("a"));
    store.getState().transact(put("b"));
    store.getState().transact(rename(variantId, "a", "Mein Name"));
    // Someone else renames the same area.
    store.getState().transact(rename(variantId, "a", "Ihr Name"), { source: "remote" });

    expect(store.getState().undo()).toBe(true);
    // Their name stays; the step is gone, and the store says which one it skipped.
    expect(names(store)).toEqual(["Ihr Name", "b"]);
    expect(store.getState().skipped).toMatchObject({ label: "Umbenennen", direction: "undo" });
    expect(store.getState().past).toHaveLength(2);
    expect(store.getState().future).toEqual([]);

    // The next undo is not touched by the other person's change: it is undone.
    store.getState().undo();
    expect(names(store)).toEqual(["Ihr Name"]);
  });

  it("a remote change to another area leaves the history alone", () => {
    const { store, variantId, put } = setup();
    store.getState().transact(put("a"));
    store.getState().transact(put("b"));
    store.getState().transact(rename(variantId, "a", "Mein Name"));
    store.getState().transact(rename(variantId, "b", "Ihr Name"), { source: "remote" });

    store.getState().undo();
    expect(names(store)).toEqual(["a", "Ihr Name"]);
    expect(store.getState().skipped).toBeNull();
  });

  it("skips a redo the same way, and a new plan forgets what was overtaken", () => {
    const { store, variantId, put } = setup();
    store.getState().transact(put("a"));
    store.getState().transact(rename(variantId, "a", "Mein Name"));
    store.getState().undo();
    store.getState().transact(rename(variantId, "a", "Ihr Name"), { source: "remote" });

    expect(store.getState().redo()).toBe(true);
    expect(names(store)).toEqual(["Ihr Name"]);
    expect(store.getState().skipped).toMatchObject({ direction: "redo" });
    expect(store.getState().future).toEqual([]);

    store.getState().loadPlan(createStarterPlan("Neu", "Variante 1", NOW));
    expect(store.getState().overtaken).toEqual([]);
    expect(store.getState().skipped).toBeNull();
  });
});
