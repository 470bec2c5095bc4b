import { describe, expect, it } from "vitest";
import {
  applyChangeSet,
  type Change,
  InvalidChangeError,
} from "../../../../src/domain/changes/change-set.ts";
import { asAreaId, asVariantId } from "../../../../src/domain/model/ids.ts";
import type { Plan, Variant } from "../../../../src/domain/model/plan.ts";
import { deepFreeze, makeArea, makeVariant, samplePlan } from "./plan-fixtures.ts";

const v1 = asVariantId("v1");
const a1 = asAreaId("a1");

/** Applies one change to the frozen sample plan and returns the error message it throws. */
function messageOf(change: Change, plan: Plan = samplePlan()): string {
  try {
    applyChangeSet(plan, { label: "Test", changes: [change] });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidChangeError);
    return (error as Error).message;
  }
  throw new Error(`expected ${change.type} to throw`);
}

describe("applyChangeSet with an invalid change", () => {
  describe("naming something that does not exist", () => {
    it("throws when the variant does not exist", () => {
      const change: Change = { type: "area/put", variantId: asVariantId("nope"), area: makeArea("n1") };
      expect(messageOf(change)).toContain('variant "nope" does not exist in the plan');
    });

    it.each([
      ["area/delete", { type: "area/delete", variantId: v1, areaId: asAreaId("b1") }],
      ["area/patch", { type: "area/patch", variantId: v1, areaId: asAreaId("b1"), patch: { name: "x" } }],
      ["area/move", { type: "area/move", variantId: v1, areaId: asAreaId("b1"), index: 0 }],
    ] as [string, Change][])("throws from %s when the area is in another variant only", (_type, change) => {
      expect(messageOf(change)).toContain('area "b1" does not exist in variant "v1"');
    });

    it.each([
      ["variant/delete", { type: "variant/delete", variantId: asVariantId("v9") }],
      ["variant/patch", { type: "variant/patch", variantId: asVariantId("v9"), patch: { name: "x" } }],
      ["variant/move", { type: "variant/move", variantId: asVariantId("v9"), index: 0 }],
    ] as [string, Change][])("throws from %s when the variant does not exist", (_type, change) => {
      expect(messageOf(change)).toContain('variant "v9" does not exist in the plan');
    });

    it("does not mistake a name on Object.prototype for an area", () => {
      const change: Change = { type: "area/delete", variantId: v1, areaId: asAreaId("constructor") };
      expect(messageOf(change)).toContain('area "constructor" does not exist in variant "v1"');
    });
  });

  describe("patches", () => {
    it("throws when an area patch contains id, even with the value undefined", () => {
      for (const id of ["a9", undefined]) {
        const patch = { id, name: "x" } as unknown as Change & { type: "area/patch" };
        const change = { type: "area/patch", variantId: v1, areaId: a1, patch } as unknown as Change;
        expect(messageOf(change)).toContain('the patch for area "a1" in variant "v1" contains "id"');
      }
    });

    it("throws when a variant patch touches anything but name and updatedAt", () => {
      const change = { type: "variant/patch", variantId: v1, patch: { areaOrder: [] } } as unknown as Change;
      expect(messageOf(change)).toContain(
        'the patch for variant "v1" may only set name, updatedAt, not areaOrder',
      );
    });

    it("throws when a plan patch touches anything but name and updatedAt", () => {
      const change = { type: "plan/patch", patch: { id: "p2", variants: {} } } as unknown as Change;
      expect(messageOf(change)).toContain(
        "the patch for the plan may only set name, updatedAt, not id, variants",
      );
    });

    it("throws when a patch is not an object", () => {
      const change = { type: "area/patch", variantId: v1, areaId: a1, patch: null } as unknown as Change;
      expect(messageOf(change)).toContain('the patch for area "a1" is not an object');
    });
  });

  describe("indexes", () => {
    it.each([-1, 3, 1.5, Number.NaN])("throws when an area is moved to index %s", (index) => {
      const change: Change = { type: "area/move", variantId: v1, areaId: a1, index };
      expect(messageOf(change)).toContain(`cannot move area "a1" in variant "v1" to index ${index}`);
      expect(messageOf(change)).toContain("valid indexes are 0 to 2");
    });

    it("throws when a variant is moved past the end", () => {
      const change: Change = { type: "variant/move", variantId: v1, index: 2 };
      expect(messageOf(change)).toContain("valid indexes are 0 to 1");
    });

    it("throws when an area is put at an index that is not an integer", () => {
      const change: Change = { type: "area/put", variantId: v1, area: makeArea("n1"), index: 0.5 };
      expect(messageOf(change)).toContain(
        'cannot put area "n1" in variant "v1" at index 0.5: not an integer',
      );
    });
  });

  describe("whole records", () => {
    it("throws when an area has no id", () => {
      const change: Change = { type: "area/put", variantId: v1, area: makeArea("") };
      expect(messageOf(change)).toContain('the area put into variant "v1" has no id');
    });

    it.each([
      [
        "an area listed twice",
        (v: Variant) => ({ ...v, areaOrder: [...v.areaOrder, v.areaOrder[0]] }),
        'area "c1" appears twice in areaOrder',
      ],
      [
        "an area missing from areas",
        (v: Variant) => ({ ...v, areas: {} }),
        'area "c1" is in areaOrder but not in areas',
      ],
      [
        "an area missing from areaOrder",
        (v: Variant) => ({ ...v, areaOrder: [] }),
        'area "c1" is in areas but not in areaOrder',
      ],
      [
        "an area stored under another key",
        (v: Variant) => ({ ...v, areas: { c1: makeArea("c2") } }),
        'areas["c1"] holds an area with id "c2"',
      ],
    ] as [string, (v: Variant) => Variant, string][])(
      "throws when a variant put has %s",
      (_name, breakIt, detail) => {
        const variant = breakIt(makeVariant("v3", [makeArea("c1")]));
        const message = messageOf({ type: "variant/put", variant });
        expect(message).toContain('variant "v3" is inconsistent: ');
        expect(message).toContain(detail);
      },
    );

    it("throws for an unknown change type, as read from a foreign file", () => {
      expect(messageOf({ type: "area/rename" } as unknown as Change)).toContain(
        'unknown change type "area/rename"',
      );
    });

    it("throws instead of making it worse when the plan is already inconsistent", () => {
      const broken = samplePlan();
      const plan = deepFreeze({
        ...broken,
        variants: { ...broken.variants, v1: { ...(broken.variants.v1 as Variant), areas: {} } },
      });
      expect(messageOf({ type: "area/delete", variantId: v1, areaId: a1 }, plan)).toContain(
        'area "a1" in variant "v1" is in the order but not in the record',
      );
    });
  });

  describe("in a change set with several changes", () => {
    it("says which change failed, its type and the change set's label", () => {
      const plan = samplePlan();
      const changes: Change[] = [
        { type: "area/delete", variantId: v1, areaId: a1 },
        { type: "area/delete", variantId: v1, areaId: a1 },
      ];
      expect(() => applyChangeSet(plan, { label: "Fläche löschen", changes })).toThrow(
        'Change 2 of 2 ("area/delete") in change set "Fläche löschen": area "a1" does not exist in variant "v1"',
      );
    });

    it("keeps the underlying error as the cause", () => {
      try {
        applyChangeSet(samplePlan(), {
          label: "x",
          changes: [{ type: "variant/delete", variantId: asVariantId("v9") }],
        });
        expect.unreachable();
      } catch (error) {
        expect((error as Error).cause).toBeInstanceOf(InvalidChangeError);
        expect((error as Error).name).toBe("InvalidChangeError");
      }
    });
  });
});
