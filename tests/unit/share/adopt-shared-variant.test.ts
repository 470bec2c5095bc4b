import { describe, expect, it } from "vitest";
import type { SharedVariant } from "../../../src/domain/share/share-format.ts";
import { createDocumentStore } from "../../../src/store/document-store.ts";
import { createStarterPlan } from "../../../src/store/plan-document.ts";
import { adoptSharedVariant } from "../../../src/ui/share/adopt-shared-variant.ts";
import { isShareHash } from "../../../src/ui/share/share-route.ts";

const T0 = "2026-11-26T10:00:00.000Z";
const T1 = "2026-11-26T11:00:00.000Z";

const shared = (variantName: string): SharedVariant => ({
  planName: "Plan der Stadt",
  variantName,
  frozenAt: T0,
  areas: [
    {
      name: "Nordmarkt",
      fields: ["energie"],
      partners: ["DEW21"],
      status: "kandidat",
      notes: "",
      colour: "#d95f02",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [7.45, 51.52],
            [7.46, 51.52],
            [7.46, 51.53],
            [7.45, 51.52],
          ],
        ],
      },
    },
  ],
});

function setup() {
  const store = createDocumentStore(createStarterPlan("Mein Plan", "Variante 1", T0));
  let next = 0;
  const options = {
    getState: store.getState,
    label: "Geteilte Variante übernehmen",
    takenName: (name: string, n: number) => (n === 1 ? `${name} (geteilt)` : `${name} (geteilt ${n})`),
    now: T1,
    idFactory: () => `id-${next++}`,
  };
  return { store, options };
}

describe("adoptSharedVariant", () => {
  it("adds the shared variant as a new active variant, in one undo step", () => {
    const { store, options } = setup();
    const result = adoptSharedVariant(shared("Nord"), options);
    expect(result.ok).toBe(true);
    const state = store.getState();
    expect(state.plan.variantOrder).toHaveLength(2);
    const added = state.plan.variants[state.activeVariantId];
    expect(added?.name).toBe("Nord");
    expect(added?.areaOrder.map((id) => added.areas[id]?.name)).toEqual(["Nordmarkt"]);
    expect(added?.areas[added.areaOrder[0] as string]?.origin).toEqual({
      kind: "imported",
      source: "share-link",
    });
    expect(state.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().plan.variantOrder).toHaveLength(1);
  });

  it("picks a free name when the shared name is taken (ignoring case)", () => {
    const { store, options } = setup();
    adoptSharedVariant(shared("variante 1"), options);
    adoptSharedVariant(shared("Variante 1"), options);
    const names = store.getState().plan.variantOrder.map((id) => store.getState().plan.variants[id]?.name);
    expect(names).toEqual(["Variante 1", "variante 1 (geteilt)", "Variante 1 (geteilt 2)"]);
  });

  it("shortens an over-long made-up name so that the suffix still fits the 80-character limit", () => {
    const { store, options } = setup();
    const long = "x".repeat(300);
    expect(adoptSharedVariant(shared(long), options).ok).toBe(true);
    expect(adoptSharedVariant(shared(long), options).ok).toBe(true);
    const names = store
      .getState()
      .plan.variantOrder.slice(1)
      .map((id) => store.getState().plan.variants[id]?.name);
    expect(names.every((n) => n !== undefined && n.length <= 80)).toBe(true);
    expect(names[1]).toMatch(/\(geteilt\)$/);
  });

  it("refuses in a read-only tab and changes nothing", () => {
    const { store, options } = setup();
    store.getState().setReadOnly(true);
    expect(adoptSharedVariant(shared("Nord"), options)).toEqual({ ok: false, reason: "read-only" });
    expect(store.getState().plan.variantOrder).toHaveLength(1);
  });
});

describe("isShareHash", () => {
  it("takes share fragments (damaged ones too) but not in-page anchors", () => {
    expect(isShareHash("#pk1.AAAA")).toBe(true);
    expect(isShareHash("#pk9.x")).toBe(true);
    expect(isShareHash("#pkx")).toBe(true);
    expect(isShareHash("#map")).toBe(false);
    expect(isShareHash("#layers")).toBe(false);
    expect(isShareHash("")).toBe(false);
  });
});
