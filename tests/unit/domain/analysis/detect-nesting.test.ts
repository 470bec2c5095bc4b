import { describe, expect, it } from "vitest";
import {
  analyseArea,
  detectNesting,
  measureCoverage,
  prepareAnalysisContext,
  prepareArea,
  prepareReferenceLevel,
} from "../../../../src/domain/analysis/index.ts";
import { AREA, smallWorld } from "../../../fixtures/analysis/small-world.ts";
import { cell } from "../../../fixtures/geometry/builders.ts";

const context = prepareAnalysisContext(smallWorld());

describe("nested levels", () => {
  it("finds the Stadtbezirke of the small world made of its Unterbezirke", () => {
    expect(context.nesting.stadtbezirk?.finer).toBe("unterbezirk");
    expect([...(context.nesting.stadtbezirk?.parentOf ?? [])]).toEqual([0, 1, 0, 1]);
    expect(context.nesting.unterbezirk).toBeUndefined();
  });

  it("sums a nested level from the finer one to what clipping it directly gives", () => {
    const area = prepareArea(context.frame, "A", AREA);
    const summed = analyseArea(context, { id: "A", geometry: AREA }).levels[0];
    const clipped = measureCoverage(
      context,
      context.levels.stadtbezirk as NonNullable<typeof context.levels.stadtbezirk>,
      area,
    );
    expect(summed?.districts.map((d) => d.code).sort()).toEqual(clipped.districts.map((d) => d.code).sort());
    for (const row of summed?.districts ?? []) {
      const other = clipped.districts.find((d) => d.code === row.code);
      expect(row.intersectionM2 / (other?.intersectionM2 ?? 1)).toBeCloseTo(1, 8);
    }
  });

  it("also reports a nested level when the finer one is not asked for", () => {
    const only = analyseArea(context, { id: "A", geometry: AREA }, { levels: ["stadtbezirk"] });
    expect(only.levels.map((l) => l.level)).toEqual(["stadtbezirk"]);
    expect(only.levels[0]?.districts).toHaveLength(2);
  });

  describe("refuses levels that do not nest", () => {
    const frame = context.frame;
    const coarse = prepareReferenceLevel(frame, "stadtbezirk", [
      { code: "W", name: "West", geometry: cell(0, 0, 2, 2) },
      { code: "E", name: "East", geometry: cell(2, 0, 2, 2) },
    ]);

    it("when a child names no parent of the level", () => {
      const fine = prepareReferenceLevel(frame, "unterbezirk", [
        { code: "a", name: "a", parentCode: "W", geometry: cell(0, 0, 2, 2) },
        { code: "b", name: "b", parentCode: "X", geometry: cell(2, 0, 2, 2) },
      ]);
      expect(detectNesting(frame, coarse, fine)).toBeNull();
    });

    it("when the children do not fill their parent", () => {
      const fine = prepareReferenceLevel(frame, "unterbezirk", [
        { code: "a", name: "a", parentCode: "W", geometry: cell(0, 0, 2, 1) },
        { code: "b", name: "b", parentCode: "E", geometry: cell(2, 0, 2, 2) },
      ]);
      expect(detectNesting(frame, coarse, fine)).toBeNull();
    });

    it("when a child lies partly outside its parent, even if the areas add up", () => {
      const fine = prepareReferenceLevel(frame, "unterbezirk", [
        { code: "a", name: "a", parentCode: "W", geometry: cell(1, 0, 2, 2) },
        { code: "b", name: "b", parentCode: "E", geometry: cell(3, 0, 2, 2) },
      ]);
      expect(detectNesting(frame, coarse, fine)).toBeNull();
    });
  });
});
