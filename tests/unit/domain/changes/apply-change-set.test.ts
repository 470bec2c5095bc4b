import { describe, expect, it } from "vitest";
import { applyChangeSet, type Change, composeChangeSets } from "../../../../src/domain/changes/change-set.ts";
import { asAreaId, asVariantId } from "../../../../src/domain/model/ids.ts";
import {
  applyAndCheckUndo,
  deepFreeze,
  makeArea,
  makeVariant,
  samplePlan,
  square,
  T1,
} from "./plan-fixtures.ts";

const v1 = asVariantId("v1");
const v2 = asVariantId("v2");
const a1 = asAreaId("a1");
const a2 = asAreaId("a2");
const a3 = asAreaId("a3");
const b1 = asAreaId("b1");

const one = (change: Change) => ({ label: "Test", changes: [change] });

describe("applyChangeSet", () => {
  describe("undo of every change type", () => {
    // One row per change type (and per branch of put): apply, undo and redo are checked in the helper.
    const cases: [string, Change][] = [
      ["area/put of a new area", { type: "area/put", variantId: v1, area: makeArea("n1"), index: 1 }],
      [
        "area/put replacing an area",
        { type: "area/put", variantId: v1, area: makeArea("a2", { name: "Neu" }), index: 0 },
      ],
      ["area/delete", { type: "area/delete", variantId: v1, areaId: a2 }],
      ["area/patch", { type: "area/patch", variantId: v1, areaId: a1, patch: { name: "Hafen", notes: "x" } }],
      [
        "area/patch adding a missing key",
        { type: "area/patch", variantId: v1, areaId: a3, patch: { partners: [] } },
      ],
      ["area/move", { type: "area/move", variantId: v1, areaId: a3, index: 0 }],
      ["variant/put of a new variant", { type: "variant/put", variant: makeVariant("v3", [makeArea("c1")]) }],
      ["variant/put replacing a variant", { type: "variant/put", variant: makeVariant("v1", []), index: 1 }],
      ["variant/delete", { type: "variant/delete", variantId: v1 }],
      ["variant/patch", { type: "variant/patch", variantId: v2, patch: { name: "Süd", updatedAt: T1 } }],
      ["variant/move", { type: "variant/move", variantId: v2, index: 0 }],
      ["plan/patch", { type: "plan/patch", patch: { name: "Pilotgebiete 2026", updatedAt: T1 } }],
    ];

    it.each(cases)("restores the plan exactly after %s, without mutating the input", (_name, change) => {
      const plan = samplePlan();
      const result = applyAndCheckUndo(plan, one(change));
      // The change must have done something, or the round trip would prove nothing.
      expect(result.plan).not.toStrictEqual(plan);
    });
  });

  describe("area/put", () => {
    it("adds a new area at the end when no index is given", () => {
      const area = makeArea("n1");
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "area/put", variantId: v1, area }),
      );
      expect(plan.variants.v1?.areaOrder).toEqual(["a1", "a2", "a3", "n1"]);
      expect(plan.variants.v1?.areas.n1).toBe(area);
      expect(inverse.changes).toStrictEqual([{ type: "area/delete", variantId: v1, areaId: "n1" }]);
    });

    it("inserts a new area at the given index", () => {
      const change: Change = { type: "area/put", variantId: v1, area: makeArea("n1"), index: 1 };
      const { plan } = applyAndCheckUndo(samplePlan(), one(change));
      expect(plan.variants.v1?.areaOrder).toEqual(["a1", "n1", "a2", "a3"]);
    });

    it("clamps an index past the end to the end and a negative index to the start", () => {
      const late: Change = { type: "area/put", variantId: v1, area: makeArea("n1"), index: 99 };
      const early: Change = { type: "area/put", variantId: v1, area: makeArea("n2"), index: -5 };
      expect(applyAndCheckUndo(samplePlan(), one(late)).plan.variants.v1?.areaOrder).toEqual([
        "a1",
        "a2",
        "a3",
        "n1",
      ]);
      expect(applyAndCheckUndo(samplePlan(), one(early)).plan.variants.v1?.areaOrder).toEqual([
        "n2",
        "a1",
        "a2",
        "a3",
      ]);
    });

    it("replaces an existing area in place when no index is given", () => {
      const original = samplePlan();
      const replacement = makeArea("a2", { name: "Umbenannt", geometry: square(3, 3) });
      const { plan, inverse } = applyAndCheckUndo(
        original,
        one({ type: "area/put", variantId: v1, area: replacement }),
      );
      expect(plan.variants.v1?.areaOrder).toEqual(["a1", "a2", "a3"]);
      expect(plan.variants.v1?.areas.a2).toBe(replacement);
      expect(inverse.changes).toStrictEqual([
        { type: "area/put", variantId: v1, area: original.variants.v1?.areas.a2, index: 1 },
      ]);
    });

    it("moves an existing area it replaces to the given index", () => {
      const change: Change = { type: "area/put", variantId: v1, area: makeArea("a1"), index: 2 };
      const { plan } = applyAndCheckUndo(samplePlan(), one(change));
      expect(plan.variants.v1?.areaOrder).toEqual(["a2", "a3", "a1"]);
    });

    it("accepts an area whose id is already used in another variant", () => {
      const copy = makeArea("b1", { name: "Kopie" });
      const { plan } = applyAndCheckUndo(samplePlan(), one({ type: "area/put", variantId: v1, area: copy }));
      expect(plan.variants.v1?.areas.b1).toBe(copy);
      expect(plan.variants.v2?.areas.b1?.name).toBe("Fläche b1");
    });
  });

  describe("area/delete", () => {
    it("removes the area from both the order and the record, and undo puts it back at its index", () => {
      const original = samplePlan();
      const { plan, inverse } = applyAndCheckUndo(
        original,
        one({ type: "area/delete", variantId: v1, areaId: a2 }),
      );
      expect(plan.variants.v1?.areaOrder).toEqual(["a1", "a3"]);
      expect(Object.keys(plan.variants.v1?.areas ?? {})).toEqual(["a1", "a3"]);
      expect(inverse.changes).toStrictEqual([
        { type: "area/put", variantId: v1, area: original.variants.v1?.areas.a2, index: 1 },
      ]);
    });
  });

  describe("area/patch", () => {
    it("sets only the patched keys", () => {
      const original = samplePlan();
      const { plan } = applyAndCheckUndo(
        original,
        one({ type: "area/patch", variantId: v1, areaId: a1, patch: { name: "Hafen", status: "kandidat" } }),
      );
      expect(plan.variants.v1?.areas.a1).toStrictEqual({
        ...original.variants.v1?.areas.a1,
        name: "Hafen",
        status: "kandidat",
      });
    });

    it("is undone by a patch holding exactly the previous values of the patched keys", () => {
      const { inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "area/patch", variantId: v1, areaId: a2, patch: { name: "Hafen", fields: ["energie"] } }),
      );
      expect(inverse.changes).toStrictEqual([
        {
          type: "area/patch",
          variantId: v1,
          areaId: a2,
          patch: { name: "Fläche a2", fields: ["mobilitaet", "mensch"] },
        },
      ]);
    });

    it("removes on undo a key the area did not have before, instead of leaving it undefined", () => {
      const original = samplePlan();
      expect(Object.hasOwn(original.variants.v1?.areas.a3 ?? {}, "partners")).toBe(false);
      const { plan, inverse } = applyAndCheckUndo(
        original,
        one({ type: "area/patch", variantId: v1, areaId: a3, patch: { partners: ["TU Dortmund"] } }),
      );
      expect(plan.variants.v1?.areas.a3?.partners).toEqual(["TU Dortmund"]);
      expect(inverse.changes).toStrictEqual([
        { type: "area/patch", variantId: v1, areaId: a3, patch: { partners: undefined } },
      ]);
      const undone = applyChangeSet(plan, inverse).plan;
      expect(Object.hasOwn(undone.variants.v1?.areas.a3 ?? {}, "partners")).toBe(false);
    });

    it("removes a key whose patch value is undefined, and undo brings the old value back", () => {
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "area/patch", variantId: v1, areaId: a1, patch: { notes: undefined } }),
      );
      expect(Object.hasOwn(plan.variants.v1?.areas.a1 ?? {}, "notes")).toBe(false);
      expect(inverse.changes).toStrictEqual([
        { type: "area/patch", variantId: v1, areaId: a1, patch: { notes: "" } },
      ]);
    });
  });

  describe("area/move", () => {
    it("moves the area to the index and undo moves it back to where it was", () => {
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "area/move", variantId: v1, areaId: a1, index: 2 }),
      );
      expect(plan.variants.v1?.areaOrder).toEqual(["a2", "a3", "a1"]);
      expect(inverse.changes).toStrictEqual([{ type: "area/move", variantId: v1, areaId: a1, index: 0 }]);
    });

    it("leaves the order as it is when the area is moved to its own index", () => {
      const original = samplePlan();
      const { plan } = applyAndCheckUndo(
        original,
        one({ type: "area/move", variantId: v1, areaId: a2, index: 1 }),
      );
      expect(plan).toStrictEqual(original);
    });
  });

  describe("variant/put", () => {
    it("adds a new variant and is undone by deleting it", () => {
      const variant = makeVariant("v3", [makeArea("c1")]);
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "variant/put", variant, index: 0 }),
      );
      expect(plan.variantOrder).toEqual(["v3", "v1", "v2"]);
      expect(plan.variants.v3).toBe(variant);
      expect(inverse.changes).toStrictEqual([{ type: "variant/delete", variantId: "v3" }]);
    });

    it("replaces a variant whole and is undone by putting the old variant back at its index", () => {
      const original = samplePlan();
      const { plan, inverse } = applyAndCheckUndo(
        original,
        one({ type: "variant/put", variant: makeVariant("v2", [makeArea("x1"), makeArea("x2")]) }),
      );
      expect(plan.variantOrder).toEqual(["v1", "v2"]);
      expect(plan.variants.v2?.areaOrder).toEqual(["x1", "x2"]);
      expect(inverse.changes).toStrictEqual([
        { type: "variant/put", variant: original.variants.v2, index: 1 },
      ]);
    });
  });

  describe("variant/delete", () => {
    it("removes the variant with its areas, and undo restores the whole variant at its index", () => {
      const original = samplePlan();
      const { plan, inverse } = applyAndCheckUndo(original, one({ type: "variant/delete", variantId: v1 }));
      expect(plan.variantOrder).toEqual(["v2"]);
      expect(Object.keys(plan.variants)).toEqual(["v2"]);
      expect(inverse.changes).toStrictEqual([
        { type: "variant/put", variant: original.variants.v1, index: 0 },
      ]);
    });
  });

  describe("variant/patch", () => {
    it("renames the variant and undo restores the old name", () => {
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "variant/patch", variantId: v1, patch: { name: "Nord" } }),
      );
      expect(plan.variants.v1?.name).toBe("Nord");
      expect(inverse.changes).toStrictEqual([
        { type: "variant/patch", variantId: v1, patch: { name: "Variante v1" } },
      ]);
    });
  });

  describe("variant/move", () => {
    it("moves the variant and undo moves it back", () => {
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "variant/move", variantId: v1, index: 1 }),
      );
      expect(plan.variantOrder).toEqual(["v2", "v1"]);
      expect(inverse.changes).toStrictEqual([{ type: "variant/move", variantId: v1, index: 0 }]);
    });
  });

  describe("plan/patch", () => {
    it("renames the plan and undo restores the old name and time", () => {
      const { plan, inverse } = applyAndCheckUndo(
        samplePlan(),
        one({ type: "plan/patch", patch: { name: "Neu", updatedAt: T1 } }),
      );
      expect(plan.name).toBe("Neu");
      expect(plan.updatedAt).toBe(T1);
      expect(inverse.changes).toStrictEqual([
        { type: "plan/patch", patch: { name: "Pilotgebiete 2025", updatedAt: "2025-03-01T09:00:00.000Z" } },
      ]);
    });
  });

  describe("a change set with several changes", () => {
    const changes: Change[] = [
      { type: "area/put", variantId: v2, area: makeArea("n1") },
      { type: "area/patch", variantId: v2, areaId: asAreaId("n1"), patch: { name: "Neu" } },
      { type: "area/move", variantId: v2, areaId: asAreaId("n1"), index: 0 },
      { type: "area/delete", variantId: v2, areaId: b1 },
    ];

    it("applies the changes in order, so a later change can use an area an earlier one created", () => {
      const { plan } = applyAndCheckUndo(samplePlan(), { label: "Fläche zeichnen", changes });
      expect(plan.variants.v2?.areaOrder).toEqual(["n1"]);
      expect(plan.variants.v2?.areas.n1?.name).toBe("Neu");
    });

    it("returns the per-change inverses in reverse order, with the same label", () => {
      const { inverse } = applyAndCheckUndo(samplePlan(), { label: "Fläche zeichnen", changes });
      expect(inverse.label).toBe("Fläche zeichnen");
      expect(inverse.changes.map((change) => change.type)).toEqual([
        "area/put",
        "area/move",
        "area/patch",
        "area/delete",
      ]);
    });

    it("returns the same plan and an empty inverse for an empty change set", () => {
      const plan = samplePlan();
      const result = applyChangeSet(plan, { label: "Nichts", changes: [] });
      expect(result.plan).toBe(plan);
      expect(result.inverse).toStrictEqual({ label: "Nichts", changes: [] });
    });
  });

  describe("structural sharing", () => {
    it("keeps the identity of variants and areas that a change did not touch", () => {
      const original = samplePlan();
      const { plan } = applyChangeSet(
        original,
        one({ type: "area/patch", variantId: v1, areaId: a1, patch: { notes: "n" } }),
      );
      expect(plan.variants.v2).toBe(original.variants.v2);
      expect(plan.variants.v1?.areas.a2).toBe(original.variants.v1?.areas.a2);
      expect(plan.variants.v1?.areaOrder).toBe(original.variants.v1?.areaOrder);
      expect(plan.variants.v1?.areas.a1).not.toBe(original.variants.v1?.areas.a1);
    });

    it("handles area ids that are also names on Object.prototype as ordinary ids", () => {
      for (const id of ["__proto__", "constructor", "toString"]) {
        const original = samplePlan();
        const area = makeArea(id);
        const put = applyChangeSet(original, one({ type: "area/put", variantId: v1, area }));
        const areas = put.plan.variants.v1?.areas ?? {};
        expect(Object.hasOwn(areas, id)).toBe(true);
        expect(Object.getPrototypeOf(areas)).toBe(Object.prototype);

        const patch: Change = { type: "area/patch", variantId: v1, areaId: area.id, patch: { name: "P" } };
        const patched = applyChangeSet(deepFreeze(put.plan), one(patch));
        expect(patched.plan.variants.v1?.areas[id]?.name).toBe("P");

        const undone = applyChangeSet(
          applyChangeSet(deepFreeze(patched.plan), patched.inverse).plan,
          put.inverse,
        ).plan;
        // toEqual, not toStrictEqual: Vitest's strict type check reads `.constructor`, which an own
        // "constructor" key shadows, so it reports a difference where there is none.
        expect(undone).toEqual(original);
        expect(Object.keys(undone.variants.v1?.areas ?? {})).toEqual(["a1", "a2", "a3"]);
      }
    });
  });
});

describe("composeChangeSets", () => {
  it("concatenates the changes of all sets in order under the new label", () => {
    const first = one({ type: "area/move", variantId: v1, areaId: a1, index: 1 });
    const second = { label: "Zwei", changes: [{ type: "area/delete", variantId: v1, areaId: a3 } as Change] };
    const composed = composeChangeSets("Fläche bearbeiten", first, second);
    expect(composed).toStrictEqual({
      label: "Fläche bearbeiten",
      changes: [...first.changes, ...second.changes],
    });
    const { plan } = applyAndCheckUndo(samplePlan(), deepFreeze(composed));
    expect(plan.variants.v1?.areaOrder).toEqual(["a2", "a1"]);
  });

  it("gives an empty change set when composing nothing", () => {
    expect(composeChangeSets("Leer")).toStrictEqual({ label: "Leer", changes: [] });
  });
});
