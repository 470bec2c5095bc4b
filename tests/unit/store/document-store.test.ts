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
