import { describe, expect, it } from "vitest";
import type { PilotArea, Variant } from "../../../src/domain/model/plan.ts";
import { diffPilotAreaFeatures, pilotAreaFeatures } from "../../../src/map/pilot-areas.ts";

function area(id: string, x: number, name = `Gebiet ${id}`): PilotArea {
  return {
    id,
    name,
    fields: ["energie"],
    partners: [],
    status: "idee",
    notes: "",
    colour: "#0072b2",
    createdAt: "2026-11-26T00:00:00Z",
    updatedAt: "2026-11-26T00:00:00Z",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, 51.5],
          [x + 0.01, 51.5],
          [x + 0.01, 51.51],
          [x, 51.5],
        ],
      ],
    },
    origin: { kind: "drawn", tool: "polygon" },
  } as unknown as PilotArea;
}

function variant(areas: PilotArea[]): Variant {
  return {
    id: "v1",
    name: "Variante 1",
    areaOrder: areas.map((a) => a.id),
    areas: Object.fromEntries(areas.map((a) => [a.id, a])),
  } as unknown as Variant;
}

describe("pilot area features for the map", () => {
  const areas = Array.from({ length: 20 }, (_, i) => area(`a${i}`, 7.4 + i * 0.02));

  it("gives each area the same feature id in every rendering", () => {
    const first = pilotAreaFeatures(variant(areas), null);
    const second = pilotAreaFeatures(variant([...areas].reverse()), null);
    const idOf = (fc: typeof first, areaId: string) =>
      fc.features.find((f) => f.properties.areaId === areaId)?.id;
    expect(new Set(first.features.map((f) => f.id)).size).toBe(20);
    for (const a of areas) expect(idOf(second, a.id)).toBe(idOf(first, a.id));
  });

  it("diffs an edited geometry and a renamed area as two replacements, nothing else", () => {
    const before = pilotAreaFeatures(variant(areas), null);
    const edited = [...areas];
    edited[3] = { ...area("a3", 7.9) };
    edited[7] = { ...areas[7], name: "Neu" } as unknown as PilotArea;
    const after = pilotAreaFeatures(variant(edited), null);
    const diff = diffPilotAreaFeatures(before, after);
    expect(diff?.remove).toEqual([]);
    expect(diff?.add.map((f) => f.properties.areaId).sort()).toEqual(["a3", "a7"]);
  });

  it("diffs a deleted area as a removal and a new one as an addition", () => {
    const before = pilotAreaFeatures(variant(areas), null);
    const after = pilotAreaFeatures(variant([...areas.slice(1), area("new", 8)]), null);
    const diff = diffPilotAreaFeatures(before, after);
    expect(diff?.remove).toEqual([before.features[0]?.id]);
    expect(diff?.add.map((f) => f.properties.areaId)).toEqual(["new"]);
  });

  it("leaves out the area being edited, and brings it back when editing ends", () => {
    const all = pilotAreaFeatures(variant(areas), null);
    const editing = pilotAreaFeatures(variant(areas), "a5");
    expect(editing.features).toHaveLength(19);
    expect(diffPilotAreaFeatures(editing, all)?.add.map((f) => f.properties.areaId)).toEqual(["a5"]);
  });

  it("asks for a full reload when most areas changed", () => {
    const before = pilotAreaFeatures(variant(areas), null);
    const after = pilotAreaFeatures(variant(areas.map((a, i) => area(a.id, 8 + i * 0.01))), null);
    expect(diffPilotAreaFeatures(before, after)).toBeNull();
  });
});
