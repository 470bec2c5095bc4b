import { describe, expect, it } from "vitest";
import { asVariantId } from "../../../src/domain/model/ids.ts";
import type { Plan } from "../../../src/domain/model/plan.ts";
import {
  checkVariantName,
  freeVariantName,
  MAX_VARIANT_NAME_LENGTH,
} from "../../../src/domain/workshop/variant-name.ts";

function planWith(...names: string[]): Pick<Plan, "variantOrder" | "variants"> {
  const ids = names.map((_, i) => asVariantId(`v${i}`));
  return {
    variantOrder: ids,
    variants: Object.fromEntries(
      ids.map((id, i) => [
        id,
        { id, name: names[i] as string, areaOrder: [], areas: {}, createdAt: "", updatedAt: "" },
      ]),
    ),
  };
}

describe("variant names", () => {
  const plan = planWith("Variante A", "Nord");

  it("trims and accepts a new name", () => {
    expect(checkVariantName(plan, "  Süd 🚲 ")).toEqual({ ok: true, name: "Süd 🚲" });
  });

  it("refuses empty and blank names", () => {
    expect(checkVariantName(plan, "")).toEqual({ ok: false, problem: "name-required" });
    expect(checkVariantName(plan, " \t\n ")).toEqual({ ok: false, problem: "name-required" });
  });

  it("counts length in characters, so 80 emoji pass and 81 letters do not", () => {
    expect(checkVariantName(plan, "🚲".repeat(MAX_VARIANT_NAME_LENGTH)).ok).toBe(true);
    expect(checkVariantName(plan, "x".repeat(MAX_VARIANT_NAME_LENGTH + 1))).toEqual({
      ok: false,
      problem: "name-too-long",
    });
  });

  it("refuses a name another variant has, ignoring case and surrounding spaces", () => {
    expect(checkVariantName(plan, "variante a")).toEqual({ ok: false, problem: "name-taken" });
    expect(checkVariantName(plan, " NORD ")).toEqual({ ok: false, problem: "name-taken" });
  });

  it("lets a variant keep its own name, in another case too", () => {
    expect(checkVariantName(plan, "NORD", asVariantId("v1"))).toEqual({ ok: true, name: "NORD" });
    expect(checkVariantName(plan, "Nord", asVariantId("v0"))).toEqual({ ok: false, problem: "name-taken" });
  });

  it("finds the first free generated name", () => {
    const p = planWith("Variante 1", "variante 2", "Variante 4");
    expect(freeVariantName(p, (n) => `Variante ${n}`)).toBe("Variante 3");
    expect(freeVariantName(p, (n) => (n === 1 ? "Nord (Kopie)" : `Nord (Kopie ${n})`))).toBe("Nord (Kopie)");
    expect(
      freeVariantName(planWith("Nord (Kopie)"), (n) => (n === 1 ? "Nord (Kopie)" : `Nord (Kopie ${n})`)),
    ).toBe("Nord (Kopie 2)");
  });

  it("throws instead of looping for ever on a generator that never yields a free name", () => {
    expect(() => freeVariantName(plan, () => "Nord")).toThrow(/no free variant name/);
  });
});
