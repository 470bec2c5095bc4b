import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { asVariantId } from "../../../src/domain/model/ids.ts";
import type { PilotArea, VariantId } from "../../../src/domain/model/plan.ts";
import { createDocumentStore } from "../../../src/store/document-store.ts";
import { createStarterPlan } from "../../../src/store/plan-document.ts";
import { useSessionStore } from "../../../src/store/session-store.ts";
import {
  createVariant,
  deleteVariant,
  duplicateVariant,
  moveVariant,
  renameVariant,
  reportVariantResult,
  switchVariant,
  type VariantCommandResult,
} from "../../../src/store/variant-commands.ts";

const T0 = "2026-11-26T10:00:00.000Z";
const T1 = "2026-11-26T11:00:00.000Z";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [7.42, 51.47],
      [7.43, 51.47],
      [7.43, 51.48],
      [7.42, 51.48],
      [7.42, 51.47],
    ],
  ],
};

function setup() {
  const store = createDocumentStore(createStarterPlan("Plan", "Variante 1", T0));
  let next = 0;
  const context = { getState: store.getState, now: () => T1, idFactory: () => `id-${next++}` };
  const first = store.getState().activeVariantId;
  const plan = () => store.getState().plan;
  const names = () => plan().variantOrder.map((id) => plan().variants[id]?.name);
  const active = () => store.getState().activeVariantId;
  const defaultName = (n: number) => `Variante ${n}`;
  const copyName = (name: string, n: number) => (n === 1 ? `${name} (Kopie)` : `${name} (Kopie ${n})`);
  const create = (name?: string) =>
    createVariant(context, { label: "neu", defaultName, ...(name === undefined ? {} : { name }) });
  return { store, context, first, plan, names, active, create, copyName };
}

function idOf(result: VariantCommandResult): VariantId {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.variantId;
}

function addArea(store: ReturnType<typeof setup>["store"], variantId: VariantId, id: string, name: string) {
  const area: PilotArea = {
    id: id as PilotArea["id"],
    name,
    fields: ["energie"],
    partners: ["DEW21"],
    status: "kandidat",
    notes: "Notiz",
    colour: "#0072b2",
    createdAt: T0,
    updatedAt: T0,
    geometry: square,
    origin: { kind: "drawn", tool: "rectangle" },
  };
  store.getState().transact({ label: "Fläche", changes: [{ type: "area/put", variantId, area }] });
}

describe("variant commands", () => {
  describe("createVariant", () => {
    it("adds an empty variant with the next free default name at the end and makes it active, in one undo step", () => {
      const { store, names, active, create, plan } = setup();
      const id = idOf(create());
      expect(names()).toEqual(["Variante 1", "Variante 2"]);
      expect(active()).toBe(id);
      expect(plan().variants[id]).toMatchObject({ areaOrder: [], areas: {}, createdAt: T1 });
      expect(store.getState().past).toHaveLength(1);
      expect(store.getState().past[0]?.label).toBe("neu");
    });

    it("takes a given name, trimmed, and refuses a taken one", () => {
      const { names, create } = setup();
      idOf(create("  Nord  "));
      expect(names()).toEqual(["Variante 1", "Nord"]);
      expect(create("NORD")).toEqual({ ok: false, reason: "name-taken" });
      expect(create(" ")).toEqual({ ok: false, reason: "name-required" });
      expect(names()).toHaveLength(2);
    });

    it("keeps the active variant valid after undo, and redo brings the variant back", () => {
      const { store, create, active, first, plan } = setup();
      const id = idOf(create());
      store.getState().undo();
      expect(plan().variants[id]).toBeUndefined();
      expect(active()).toBe(first);
      expect(plan().variants[active()]).toBeDefined();
      store.getState().redo();
      expect(plan().variantOrder).toEqual([first, id]);
    });
  });

  describe("duplicateVariant", () => {
    it("copies all areas with new ids right after the source and makes the copy active", () => {
      const { store, context, first, plan, names, active, create, copyName } = setup();
      addArea(store, first, "area-1", "Hörde");
      addArea(store, first, "area-2", "Eving");
      const last = idOf(create("Zuletzt"));
      const copy = idOf(duplicateVariant(context, first, { label: "kopieren", copyName }));
      expect(names()).toEqual(["Variante 1", "Variante 1 (Kopie)", "Zuletzt"]);
      expect(active()).toBe(copy);
      expect(copy).not.toBe(first);
      expect(copy).not.toBe(last);
      const source = plan().variants[first];
      const duplicate = plan().variants[copy];
      if (!source || !duplicate) throw new Error("missing");
      expect(duplicate.areaOrder).toHaveLength(2);
      // The variant is new; its areas keep their own times (T0, before the copy at T1).
      expect(duplicate.createdAt).toBe(T1);
      for (const [i, areaId] of duplicate.areaOrder.entries()) {
        const original = source.areas[source.areaOrder[i] as string] as PilotArea;
        const area = duplicate.areas[areaId] as PilotArea;
        expect(source.areas[areaId]).toBeUndefined();
        expect(area.id).toBe(areaId);
        // The same area under a new id: every attribute, and when it was created and last changed.
        expect({ ...area, id: original.id }).toEqual(original);
        // A deep copy: the copy's geometry is not the original's object.
        expect(area.geometry).not.toBe(original.geometry);
      }
    });

    it("numbers further copies and is undone in one step", () => {
      const { store, context, first, names, copyName, active } = setup();
      duplicateVariant(context, first, { label: "kopieren", copyName });
      duplicateVariant(context, first, { label: "kopieren", copyName });
      expect(names()).toEqual(["Variante 1", "Variante 1 (Kopie 2)", "Variante 1 (Kopie)"]);
      store.getState().undo();
      expect(names()).toEqual(["Variante 1", "Variante 1 (Kopie)"]);
      expect(store.getState().plan.variants[active()]).toBeDefined();
      store.getState().redo();
      expect(names()).toEqual(["Variante 1", "Variante 1 (Kopie 2)", "Variante 1 (Kopie)"]);
    });

    it("refuses an unknown variant and a taken name", () => {
      const { context, copyName } = setup();
      expect(duplicateVariant(context, asVariantId("nope"), { label: "k", copyName })).toEqual({
        ok: false,
        reason: "unknown-variant",
      });
      const { context: c2, first } = setup();
      expect(duplicateVariant(c2, first, { label: "k", copyName, name: "variante 1" })).toEqual({
        ok: false,
        reason: "name-taken",
      });
    });
  });

  describe("renameVariant", () => {
    it("renames, trimmed, with the time, undoably", () => {
      const { store, context, first, plan, names } = setup();
      expect(renameVariant(context, first, "  Süd 🚲 ", "umbenennen")).toEqual({
        ok: true,
        variantId: first,
      });
      expect(plan().variants[first]).toMatchObject({ name: "Süd 🚲", updatedAt: T1 });
      store.getState().undo();
      expect(plan().variants[first]).toMatchObject({ name: "Variante 1", updatedAt: T0 });
      store.getState().redo();
      expect(names()).toEqual(["Süd 🚲"]);
    });

    it("refuses empty, too long and taken names, and changes nothing", () => {
      const { store, context, first, create } = setup();
      idOf(create("Nord"));
      const before = store.getState().past.length;
      expect(renameVariant(context, first, "   ", "u")).toEqual({ ok: false, reason: "name-required" });
      expect(renameVariant(context, first, "x".repeat(81), "u")).toEqual({
        ok: false,
        reason: "name-too-long",
      });
      expect(renameVariant(context, first, "nord", "u")).toEqual({ ok: false, reason: "name-taken" });
      expect(renameVariant(context, asVariantId("nope"), "Ost", "u")).toEqual({
        ok: false,
        reason: "unknown-variant",
      });
      expect(store.getState().past).toHaveLength(before);
    });

    it("accepts a change of case of the variant's own name, and makes no undo step for the same name", () => {
      const { store, context, first, names } = setup();
      expect(renameVariant(context, first, "Variante 1 ", "u").ok).toBe(true);
      expect(store.getState().past).toHaveLength(0);
      expect(renameVariant(context, first, "VARIANTE 1", "u").ok).toBe(true);
      expect(names()).toEqual(["VARIANTE 1"]);
    });
  });

  describe("deleteVariant", () => {
    it("refuses to delete the last variant", () => {
      const { context, first, plan } = setup();
      expect(deleteVariant(context, first, "löschen")).toEqual({ ok: false, reason: "last-variant" });
      expect(plan().variantOrder).toEqual([first]);
    });

    it("makes the next variant active when the active one goes, or the one before at the end", () => {
      const { context, first, create, active, store } = setup();
      const b = idOf(create("B"));
      const c = idOf(create("C"));
      store.getState().setActiveVariant(b);
      expect(deleteVariant(context, b, "löschen")).toEqual({ ok: true, variantId: c });
      expect(active()).toBe(c);
      expect(deleteVariant(context, c, "löschen")).toEqual({ ok: true, variantId: first });
      expect(active()).toBe(first);
    });

    it("leaves the active variant alone when another one goes", () => {
      const { context, first, create, active, store } = setup();
      const b = idOf(create("B"));
      store.getState().setActiveVariant(first);
      deleteVariant(context, b, "löschen");
      expect(active()).toBe(first);
    });

    it("is undone with its areas at their old place, and redone", () => {
      const { store, context, first, create, plan } = setup();
      const b = idOf(create("B"));
      addArea(store, first, "area-1", "Hörde");
      const before = plan();
      deleteVariant(context, first, "löschen");
      expect(plan().variantOrder).toEqual([b]);
      store.getState().undo();
      expect(plan()).toStrictEqual(before);
      expect(plan().variants[store.getState().activeVariantId]).toBeDefined();
      store.getState().redo();
      expect(plan().variantOrder).toEqual([b]);
    });
  });

  describe("moveVariant", () => {
    it("moves a variant, undoably, and refuses positions outside the list", () => {
      const { store, context, first, create, names } = setup();
      idOf(create("B"));
      idOf(create("C"));
      expect(moveVariant(context, first, 2, "verschieben").ok).toBe(true);
      expect(names()).toEqual(["B", "C", "Variante 1"]);
      store.getState().undo();
      expect(names()).toEqual(["Variante 1", "B", "C"]);
      store.getState().redo();
      expect(names()).toEqual(["B", "C", "Variante 1"]);
      for (const index of [-1, 3, 1.5, Number.NaN]) {
        expect(moveVariant(context, first, index, "v"), String(index)).toEqual({
          ok: false,
          reason: "invalid-index",
        });
      }
      expect(moveVariant(context, asVariantId("nope"), 0, "v")).toEqual({
        ok: false,
        reason: "unknown-variant",
      });
    });

    it("makes no undo step for a move to where the variant already is", () => {
      const { store, context, first, create } = setup();
      idOf(create("B"));
      const steps = store.getState().past.length;
      expect(moveVariant(context, first, 0, "v").ok).toBe(true);
      expect(store.getState().past).toHaveLength(steps);
    });
  });

  describe("switchVariant", () => {
    it("switches the active variant without an undo step, also in a read-only tab", () => {
      const { store, context, first, create, active } = setup();
      const b = idOf(create("B"));
      const steps = store.getState().past.length;
      expect(switchVariant(context, first)).toEqual({ ok: true, variantId: first });
      expect(active()).toBe(first);
      store.getState().setReadOnly(true);
      expect(switchVariant(context, b).ok).toBe(true);
      expect(active()).toBe(b);
      expect(store.getState().past).toHaveLength(steps);
      expect(switchVariant(context, asVariantId("nope"))).toEqual({ ok: false, reason: "unknown-variant" });
      expect(active()).toBe(b);
    });
  });

  describe("read-only tab", () => {
    it("refuses every change with a code and changes nothing", () => {
      const { store, context, first, create, copyName, plan } = setup();
      const b = idOf(create("B"));
      store.getState().setReadOnly(true);
      const before = plan();
      const readOnly = { ok: false, reason: "read-only" };
      expect(create("C")).toEqual(readOnly);
      expect(duplicateVariant(context, first, { label: "k", copyName })).toEqual(readOnly);
      expect(renameVariant(context, first, "Neu", "u")).toEqual(readOnly);
      expect(deleteVariant(context, b, "l")).toEqual(readOnly);
      expect(moveVariant(context, b, 0, "v")).toEqual(readOnly);
      expect(plan()).toBe(before);
    });
  });

  describe("reportVariantResult", () => {
    it("shows a refusal as an error toast with the code in its key, and nothing on success", () => {
      const count = () => useSessionStore.getState().toasts.length;
      const before = count();
      reportVariantResult({ ok: true, variantId: asVariantId("x") });
      expect(count()).toBe(before);
      reportVariantResult({ ok: false, reason: "last-variant" });
      expect(useSessionStore.getState().toasts.at(-1)).toMatchObject({
        kind: "error",
        key: "variant.refused.last-variant",
      });
    });
  });
});
