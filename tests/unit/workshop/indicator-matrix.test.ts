import { describe, expect, it } from "vitest";
import type { VariantAnalysis } from "../../../src/domain/analysis/analysis-result.ts";
import {
  buildIndicatorMatrix,
  type IndicatorRow,
  type MatrixVariant,
} from "../../../src/domain/workshop/indicator-matrix.ts";

interface Figures {
  union?: number;
  sum?: number;
  residents?: [number, number] | null;
  facilities?: Record<string, number>;
  uncovered?: Record<string, number>;
  overlaps?: number[];
  fields?: Partial<Record<string, number>>;
}

/** A variant analysis with just the figures the matrix reads. */
function analysis(figures: Figures): VariantAnalysis {
  const residents: [number, number] | null = figures.residents === undefined ? [100, 120] : figures.residents;
  return {
    areaCount: 3,
    overlaps: (figures.overlaps ?? []).map((overlapM2, i) => ({
      areaIdA: `a${i}`,
      areaIdB: `b${i}`,
      overlapM2,
      overlapHa: overlapM2 / 10_000,
      shareOfA: 0.1,
      shareOfB: 0.1,
      geometry: { type: "MultiPolygon", coordinates: [] },
    })),
    totals: {
      sumOfAreasM2: figures.sum ?? 1000,
      unionAreaM2: figures.union ?? 1000,
      residents:
        residents === null
          ? null
          : {
              figures: [],
              low: residents[0],
              high: residents[1],
              cells: [],
              addressesInside: null,
              unplacedResidents: null,
            },
      facilities: Object.entries(figures.facilities ?? {}).map(([layerId, count]) => ({
        layerId,
        count,
        byCategory: {},
      })),
    },
    uncoveredDistricts: Object.entries(figures.uncovered ?? {}).map(([level, count]) => ({
      level: level as "stadtbezirk",
      codes: Array.from({ length: count }, (_, i) => `${i}`),
      names: Array.from({ length: count }, (_, i) => `Bezirk ${i}`),
    })),
    fields: Object.entries(figures.fields ?? {}).map(([field, areaCount]) => ({
      field: field as "energie",
      areaCount: areaCount as number,
      areaM2: 0,
    })),
  };
}

const variant = (id: string, figures: Figures): MatrixVariant => ({
  variantId: id,
  name: `Variante ${id}`,
  analysis: analysis(figures),
});

function row(rows: readonly IndicatorRow[], id: string): IndicatorRow {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}; rows: ${rows.map((r) => r.id).join(", ")}`);
  return found;
}

const values = (r: IndicatorRow) => r.cells.map((cell) => cell.value);
const best = (r: IndicatorRow) => r.cells.map((cell) => cell.best);

describe("indicator matrix", () => {
  describe("shape", () => {
    it("has one column per variant, baseline first, and rows in a stable order with ids and units", () => {
      const matrix = buildIndicatorMatrix(
        [
          variant("A", { facilities: { schulen: 3 }, uncovered: { stadtbezirk: 10 } }),
          variant("B", { facilities: { schulen: 5, haltestellen: 9 }, uncovered: { stadtbezirk: 8 } }),
        ],
        { districtTotals: { stadtbezirk: 12 } },
      );
      expect(matrix.variantIds).toEqual(["A", "B"]);
      expect(matrix.names).toEqual(["Variante A", "Variante B"]);
      expect(matrix.rows.map((r) => r.id)).toEqual([
        "union-area",
        "sum-of-areas",
        "residents-low",
        "residents-high",
        "facilities:schulen",
        "facilities:haltestellen",
        "districts-covered:stadtbezirk",
        "overlap-count",
        "overlap-area",
        "field-areas:energie",
        "field-areas:mobilitaet",
        "field-areas:mensch",
        "field-areas:it-buergerservice",
        "field-areas:infrastruktur-sicherheit",
      ]);
      expect(row(matrix.rows, "facilities:schulen")).toMatchObject({
        indicator: "facilities",
        subject: "schulen",
        unit: "count",
      });
      expect(row(matrix.rows, "union-area")).toMatchObject({ unit: "m2", direction: "neutral" });
      expect(row(matrix.rows, "residents-low").unit).toBe("residents");
      expect(row(matrix.rows, "union-area")).not.toHaveProperty("subject");
    });

    it("refuses fewer than two and more than four variants", () => {
      const one = [variant("A", {})];
      const five = ["A", "B", "C", "D", "E"].map((id) => variant(id, {}));
      expect(() => buildIndicatorMatrix(one, { districtTotals: {} })).toThrow(RangeError);
      expect(() => buildIndicatorMatrix(five, { districtTotals: {} })).toThrow(RangeError);
      expect(buildIndicatorMatrix(five.slice(0, 4), { districtTotals: {} }).variantIds).toHaveLength(4);
    });
  });

  describe("values and deltas", () => {
    const matrix = buildIndicatorMatrix(
      [
        variant("A", {
          union: 2000,
          sum: 2500,
          residents: [400, 500],
          overlaps: [300, 200],
          uncovered: { stadtbezirk: 9 },
        }),
        variant("B", {
          union: 3000,
          sum: 3000,
          residents: [300, 600],
          overlaps: [],
          uncovered: { stadtbezirk: 7 },
        }),
        variant("C", {
          union: 1000,
          sum: 1100,
          residents: null,
          overlaps: [50],
          uncovered: { stadtbezirk: 12 },
        }),
      ],
      { districtTotals: { stadtbezirk: 12 } },
    );

    it("gives absolute and relative deltas against the first variant", () => {
      const union = row(matrix.rows, "union-area");
      expect(values(union)).toEqual([2000, 3000, 1000]);
      expect(union.cells.map((c) => c.delta)).toEqual([0, 1000, -1000]);
      expect(union.cells.map((c) => c.relativeDelta)).toEqual([0, 0.5, -0.5]);
    });

    it("counts covered districts as the total minus the uncovered ones", () => {
      const districts = row(matrix.rows, "districts-covered:stadtbezirk");
      expect(values(districts)).toEqual([3, 5, 0]);
      expect(districts.cells.map((c) => c.delta)).toEqual([0, 2, -3]);
      // Counts of districts get no relative delta: "+67 %" of three districts misleads.
      expect(districts.cells.map((c) => c.relativeDelta)).toEqual([null, null, null]);
    });

    it("sums overlaps and counts their pairs", () => {
      expect(values(row(matrix.rows, "overlap-count"))).toEqual([2, 0, 1]);
      expect(values(row(matrix.rows, "overlap-area"))).toEqual([500, 0, 50]);
      expect(row(matrix.rows, "overlap-area").cells.map((c) => c.relativeDelta)).toEqual([0, -1, -0.9]);
    });

    it("leaves figures that are not available empty, with no delta and no best mark", () => {
      const low = row(matrix.rows, "residents-low");
      expect(values(low)).toEqual([400, 300, null]);
      expect(low.cells[2]).toMatchObject({ value: null, delta: null, relativeDelta: null, best: false });
      // A's 400–500 and B's 300–600 overlap: neither is clearly ahead, so neither end is starred.
      expect(best(low)).toEqual([false, false, false]);
      expect(best(row(matrix.rows, "residents-high"))).toEqual([false, false, false]);
    });

    it("gives no relative delta against a baseline of zero", () => {
      const m = buildIndicatorMatrix([variant("A", { overlaps: [] }), variant("B", { overlaps: [100] })], {
        districtTotals: {},
      });
      expect(row(m.rows, "overlap-area").cells.map((c) => c.relativeDelta)).toEqual([null, null]);
      expect(row(m.rows, "overlap-area").cells.map((c) => c.delta)).toEqual([0, 100]);
    });

    it("gives no deltas at all when the baseline lacks the figure", () => {
      const m = buildIndicatorMatrix(
        [variant("A", { residents: null }), variant("B", { residents: [10, 20] })],
        {
          districtTotals: {},
        },
      );
      expect(row(m.rows, "residents-low").cells.map((c) => c.delta)).toEqual([null, null]);
      expect(best(row(m.rows, "residents-low"))).toEqual([false, true]);
    });
  });

  describe("best marks", () => {
    it("marks the lowest value where lower is better and the highest where higher is better", () => {
      const m = buildIndicatorMatrix(
        [
          variant("A", { overlaps: [10, 20], facilities: { schulen: 4 } }),
          variant("B", { overlaps: [5], facilities: { schulen: 7 } }),
        ],
        { districtTotals: {} },
      );
      expect(best(row(m.rows, "overlap-area"))).toEqual([false, true]);
      expect(best(row(m.rows, "overlap-count"))).toEqual([false, true]);
      expect(best(row(m.rows, "facilities:schulen"))).toEqual([false, true]);
    });

    it("marks every tied variant, also ties that differ only in the last floating-point bits", () => {
      const m = buildIndicatorMatrix(
        [
          variant("A", { overlaps: [0.1 + 0.2] }),
          variant("B", { overlaps: [0.3] }),
          variant("C", { overlaps: [0.5] }),
          variant("D", { overlaps: [0.3] }),
        ],
        { districtTotals: {} },
      );
      expect(best(row(m.rows, "overlap-area"))).toEqual([true, true, false, true]);
    });

    describe("residents, a range of two methods", () => {
      it("marks a variant in both rows when its whole range lies above every other's", () => {
        const m = buildIndicatorMatrix(
          [
            variant("A", { residents: [100, 120] }),
            variant("B", { residents: [130, 150] }),
            variant("C", { residents: [90, 125] }),
          ],
          { districtTotals: {} },
        );
        expect(best(row(m.rows, "residents-low"))).toEqual([false, true, false]);
        expect(best(row(m.rows, "residents-high"))).toEqual([false, true, false]);
        expect(row(m.rows, "residents-low").note).toBeUndefined();
      });

      it("marks nothing and says so when the best low end and the best high end belong to different variants", () => {
        const m = buildIndicatorMatrix(
          [variant("A", { residents: [17_950, 19_270] }), variant("B", { residents: [17_400, 19_900] })],
          { districtTotals: {} },
        );
        for (const kind of ["residents-low", "residents-high"]) {
          expect(best(row(m.rows, kind))).toEqual([false, false]);
          expect(row(m.rows, kind).note).toBe("ranges-overlap");
        }
      });

      it("marks nothing for identical ranges (a tie is not a lead)", () => {
        const m = buildIndicatorMatrix(
          [variant("A", { residents: [100, 120] }), variant("B", { residents: [100, 120] })],
          { districtTotals: {} },
        );
        expect(best(row(m.rows, "residents-low"))).toEqual([false, false]);
        expect(row(m.rows, "residents-high").note).toBe("ranges-overlap");
      });

      it("marks the lowest range where a workshop asks for fewer residents", () => {
        const m = buildIndicatorMatrix(
          [variant("A", { residents: [100, 120] }), variant("B", { residents: [10, 20] })],
          { districtTotals: {}, directions: { "residents-low": "lower-is-better" } },
        );
        expect(best(row(m.rows, "residents-low"))).toEqual([false, true]);
        expect(best(row(m.rows, "residents-high"))).toEqual([false, true]);
      });
    });

    it("marks nothing in neutral rows, however different the values", () => {
      const m = buildIndicatorMatrix(
        [
          variant("A", { union: 10, sum: 10, fields: { energie: 1 } }),
          variant("B", { union: 99, sum: 99, fields: { energie: 4 } }),
        ],
        { districtTotals: {} },
      );
      for (const id of ["union-area", "sum-of-areas", "field-areas:energie"]) {
        expect(best(row(m.rows, id)), id).toEqual([false, false]);
      }
      expect(values(row(m.rows, "field-areas:energie"))).toEqual([1, 4]);
      expect(values(row(m.rows, "field-areas:mensch"))).toEqual([0, 0]);
    });

    it("follows a direction the caller overrides", () => {
      const m = buildIndicatorMatrix([variant("A", { union: 10 }), variant("B", { union: 99 })], {
        districtTotals: {},
        directions: { "union-area": "higher-is-better", "overlap-count": "neutral" },
      });
      expect(row(m.rows, "union-area").direction).toBe("higher-is-better");
      expect(best(row(m.rows, "union-area"))).toEqual([false, true]);
      expect(best(row(m.rows, "overlap-count"))).toEqual([false, false]);
    });

    it("treats a missing facility layer as unknown, not as zero", () => {
      const m = buildIndicatorMatrix(
        [variant("A", { facilities: { kitas: 2 } }), variant("B", { facilities: {} })],
        {
          districtTotals: {},
        },
      );
      expect(values(row(m.rows, "facilities:kitas"))).toEqual([2, null]);
      expect(best(row(m.rows, "facilities:kitas"))).toEqual([true, false]);
    });
  });
});
