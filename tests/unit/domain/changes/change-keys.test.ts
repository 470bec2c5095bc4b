import { describe, expect, it } from "vitest";
import { touchedKeys, touchesSame } from "../../../../src/domain/changes/change-keys.ts";
import type { ChangeSet } from "../../../../src/domain/changes/index.ts";
import type { AreaId, VariantId } from "../../../../src/domain/model/plan.ts";

const v = "v1" as VariantId;
const w = "v2" as VariantId;
const a = "a1" as AreaId;
const b = "a2" as AreaId;
const set = (changes: ChangeSet["changes"]): ChangeSet => ({ label: "x", changes });

describe("touchedKeys", () => {
  it("names each area, whole variant, variant detail and the plan once", () => {
    expect(
      touchedKeys(
        set([
          { type: "area/patch", variantId: v, areaId: a, patch: { name: "A" } },
          { type: "area/move", variantId: v, areaId: a, index: 0 },
          { type: "area/delete", variantId: v, areaId: b },
          { type: "variant/patch", variantId: w, patch: { name: "W" } },
          { type: "variant/delete", variantId: w },
          { type: "plan/patch", patch: { name: "P" } },
        ]),
      ),
    ).toEqual(["area:v1/a1", "area:v1/a2", "variant-meta:v2", "variant:v2", "plan"]);
  });
});

describe("touchesSame", () => {
  it("the same area in the same variant touches; another area or variant does not", () => {
    expect(touchesSame(["area:v1/a1"], ["area:v1/a1"])).toBe(true);
    expect(touchesSame(["area:v1/a1"], ["area:v1/a2"])).toBe(false);
    expect(touchesSame(["area:v1/a1"], ["area:v2/a1"])).toBe(false);
  });

  it("a whole variant touches every area and detail of it, both ways round", () => {
    expect(touchesSame(["variant:v1"], ["area:v1/a1"])).toBe(true);
    expect(touchesSame(["area:v1/a1"], ["variant:v1"])).toBe(true);
    expect(touchesSame(["variant-meta:v1"], ["variant:v1"])).toBe(true);
    expect(touchesSame(["variant:v1"], ["area:v2/a1"])).toBe(false);
  });

  it("a variant's name and the plan's name touch only themselves", () => {
    expect(touchesSame(["variant-meta:v1"], ["area:v1/a1"])).toBe(false);
    expect(touchesSame(["plan"], ["plan"])).toBe(true);
    expect(touchesSame(["plan"], ["variant:v1"])).toBe(false);
  });
});
