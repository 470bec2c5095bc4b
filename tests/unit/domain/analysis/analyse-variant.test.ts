import { describe, expect, it } from "vitest";
import {
  analyseArea,
  analyseVariant,
  areasOfVariant,
  geometryAreaM2,
  prepareAnalysisContext,
  type VariantAreaInput,
} from "../../../../src/domain/analysis/index.ts";
import type { AreaId, PilotArea, Variant, VariantId } from "../../../../src/domain/model/plan.ts";
import { cellsAreaM2, smallWorld } from "../../../fixtures/analysis/small-world.ts";
import { cell, deepFreeze } from "../../../fixtures/geometry/builders.ts";

const context = prepareAnalysisContext(smallWorld());

/**
 * A1 (columns 0-1, rows 0-1) and A2 (columns 1-2, rows 1-2) overlap in one cell; A3 touches A2 at a
 * corner and A4 touches A1 and A2 along edges: neither overlaps anything.
 */
const AREAS: VariantAreaInput[] = deepFreeze([
  { id: "A1", geometry: cell(0, 0, 2, 2), fields: ["energie"] },
  { id: "A2", geometry: cell(1, 1, 2, 2), fields: ["energie", "mobilitaet"] },
  { id: "A3", geometry: cell(3, 3), fields: [] },
  { id: "A4", geometry: cell(2, 0), fields: ["mensch"] },
]);

const result = analyseVariant(context, AREAS);

function expectClose(actual: number, expected: number, relative = 1e-7): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe("analyseVariant on the small world", () => {
  describe("overlaps", () => {
    it("finds the one overlapping pair, not the pairs that only touch", () => {
      expect(result.overlaps.map((o) => [o.areaIdA, o.areaIdB])).toEqual([["A1", "A2"]]);
    });

    it("gives the overlap in m² and ha and as a share of each area", () => {
      const overlap = result.overlaps[0];
      expectClose(overlap?.overlapM2 ?? 0, cellsAreaM2(1, 1));
      expect(overlap?.overlapHa).toBeCloseTo((overlap?.overlapM2 ?? 0) / 10_000, 12);
      expectClose(overlap?.shareOfA ?? 0, cellsAreaM2(1, 1) / cellsAreaM2(0, 0, 2, 2));
      expectClose(overlap?.shareOfB ?? 0, cellsAreaM2(1, 1) / cellsAreaM2(1, 1, 2, 2));
    });

    it("returns the overlap's geometry for the map", () => {
      const geometry = result.overlaps[0]?.geometry;
      expect(geometry?.type).toBe("MultiPolygon");
      expect(geometry?.coordinates).toHaveLength(1);
      expectClose(geometryAreaM2(geometry ?? { type: "MultiPolygon", coordinates: [] }), cellsAreaM2(1, 1));
    });

    it("is symmetric: the same pair and figures in reverse order, shares swapped", () => {
      const reversed = analyseVariant(context, [...AREAS].reverse());
      expect(reversed.overlaps).toHaveLength(1);
      const [forward, backward] = [result.overlaps[0], reversed.overlaps[0]];
      expect([backward?.areaIdA, backward?.areaIdB]).toEqual(["A2", "A1"]);
      expectClose(backward?.overlapM2 ?? 0, forward?.overlapM2 ?? 0, 1e-12);
      expectClose(backward?.shareOfA ?? 0, forward?.shareOfB ?? 0, 1e-12);
    });

    it("leaves the geometry out when asked to", () => {
      const bare = analyseVariant(context, AREAS, { overlapGeometries: false });
      expect(bare.overlaps[0]?.geometry.coordinates).toEqual([]);
    });
  });

  describe("totals", () => {
    it("measures the union with the overlap counted once", () => {
      const sum = cellsAreaM2(0, 0, 2, 2) + cellsAreaM2(1, 1, 2, 2) + cellsAreaM2(3, 3) + cellsAreaM2(2, 0);
      expectClose(result.totals.sumOfAreasM2, sum);
      expectClose(result.totals.unionAreaM2, sum - cellsAreaM2(1, 1));
    });

    it("counts residents in the union once", () => {
      // Address points: A1 four southern ones, A2 adds one southern and two northern (one is shared
      // with A1), A3 one northern, A4 one southern: six southern (250 each), three northern (75 each).
      expect(result.totals.residents?.addressesInside).toBe(9);
      expect(result.totals.residents?.figures[1]?.residents).toBeCloseTo(6 * 250 + 3 * 75, 6);
    });

    it("counts each facility once, however many areas contain it", () => {
      const perArea = AREAS.map((a) => analyseArea(context, a).facilities[0]?.inside.count ?? 0);
      expect(perArea).toEqual([1, 2, 0, 0]);
      expect(result.totals.facilities).toEqual([
        { layerId: "facilities", count: 2, byCategory: { Kita: 2 } },
      ]);
    });
  });

  describe("districts and fields", () => {
    it("lists no district as uncovered when every one is touched", () => {
      expect(result.uncoveredDistricts).toEqual([
        { level: "stadtbezirk", codes: [], names: [] },
        { level: "unterbezirk", codes: [], names: [] },
      ]);
    });

    it("lists the districts no area touches, per level", () => {
      const one = analyseVariant(context, [AREAS[0] as VariantAreaInput]);
      expect(one.uncoveredDistricts).toEqual([
        { level: "stadtbezirk", codes: ["E"], names: ["East"] },
        {
          level: "unterbezirk",
          codes: ["SE", "NW", "NE"],
          names: ["South-east", "North-west", "North-east"],
        },
      ]);
    });

    it("reuses the per-area results it is given", () => {
      const analyses = AREAS.map((a) => analyseArea(context, a));
      expect(analyseVariant(context, AREAS, { areaAnalyses: analyses }).uncoveredDistricts).toEqual(
        result.uncoveredDistricts,
      );
    });

    it("counts areas per alliance field, in the fields' order", () => {
      expect(result.fields.map((f) => [f.field, f.areaCount])).toEqual([
        ["energie", 2],
        ["mobilitaet", 1],
        ["mensch", 1],
        ["it-buergerservice", 0],
        ["infrastruktur-sicherheit", 0],
      ]);
      expectClose(result.fields[0]?.areaM2 ?? 0, cellsAreaM2(0, 0, 2, 2) + cellsAreaM2(1, 1, 2, 2), 1e-6);
    });
  });

  it("handles a variant without areas", () => {
    const empty = analyseVariant(context, []);
    expect(empty).toMatchObject({ areaCount: 0, overlaps: [], totals: { sumOfAreasM2: 0, unionAreaM2: 0 } });
    expect(empty.totals.residents?.figures.map((f) => f.residents)).toEqual([0, 0]);
  });

  it("takes the areas of a plan variant in list order", () => {
    const pilot = (id: string, geometry: PilotArea["geometry"]): PilotArea => ({
      id: id as AreaId,
      name: id,
      fields: ["mensch"],
      partners: [],
      status: "idee",
      notes: "",
      colour: "#000000",
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
      geometry,
      origin: { kind: "drawn", tool: "polygon" },
    });
    const variant: Variant = {
      id: "v" as VariantId,
      name: "Variante",
      areaOrder: ["b" as AreaId, "a" as AreaId],
      areas: { a: pilot("a", cell(0, 0)), b: pilot("b", cell(1, 1)) },
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    };
    expect(areasOfVariant(variant).map((a) => [a.id, a.fields])).toEqual([
      ["b", ["mensch"]],
      ["a", ["mensch"]],
    ]);
  });
});
