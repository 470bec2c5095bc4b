/** Others' selections on the map (src/map/presence-outlines.ts). */
import { describe, expect, it } from "vitest";
import type { PilotArea, Variant } from "../../../src/domain/model/plan.ts";
import { presenceOutlines } from "../../../src/map/presence-outlines.ts";

const geometry = {
  type: "Polygon",
  coordinates: [
    [
      [7.46, 51.5],
      [7.47, 51.5],
      [7.47, 51.51],
      [7.46, 51.5],
    ],
  ],
};
const variant = {
  id: "v1",
  name: "Variante 1",
  areaOrder: ["a1", "a2"],
  areas: {
    a1: { id: "a1", name: "Nord", geometry } as unknown as PilotArea,
    a2: { id: "a2", name: "Süd", geometry } as unknown as PilotArea,
  },
} as unknown as Variant;

describe("presenceOutlines", () => {
  it("outlines the areas others selected in the open variant, in their colour", () => {
    const outlines = presenceOutlines(variant, [
      { clientId: 1, variantId: "v1", areaId: "a1", colour: "#4477aa" },
      { clientId: 2, variantId: "v1", areaId: "a2", colour: "#ee6677" },
    ]);
    expect(outlines.features.map((f) => f.properties)).toEqual([
      { areaId: "a1", colour: "#4477aa", clientId: 1, rank: 0 },
      { areaId: "a2", colour: "#ee6677", clientId: 2, rank: 0 },
    ]);
    expect(outlines.features[0]?.geometry).toBe(geometry);
  });

  it("leaves out no selection, another variant and areas this plan does not have", () => {
    const outlines = presenceOutlines(variant, [
      { clientId: 1, variantId: "v1", areaId: null, colour: "#4477aa" },
      { clientId: 2, variantId: "v2", areaId: "a1", colour: "#ee6677" },
      { clientId: 3, variantId: "v1", areaId: "gone", colour: "#228833" },
      { clientId: 4, variantId: null, areaId: null, colour: "#ccbb44" },
    ]);
    expect(outlines.features).toEqual([]);
  });

  it("ranks several participants on one area so each outline stays visible", () => {
    const others = [1, 2, 3, 4, 5].map((clientId) => ({
      clientId,
      variantId: "v1",
      areaId: "a1",
      colour: "#4477aa",
    }));
    expect(presenceOutlines(variant, others).features.map((f) => f.properties.rank)).toEqual([0, 1, 2, 3, 3]);
  });
});
