import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { analyseArea, prepareAnalysisContext } from "../../../../src/domain/analysis/index.ts";
import { localMetresPerDegree } from "../../../../src/domain/geometry/measure-planar-ring.ts";
import { AREA, cellsAreaM2, smallWorld } from "../../../fixtures/analysis/small-world.ts";
import { cell, deepFreeze, lat, lon } from "../../../fixtures/geometry/builders.ts";

const context = prepareAnalysisContext(smallWorld());
const result = analyseArea(context, { id: "A", geometry: AREA });

/** Relative closeness, for areas in m²: clipping rounds positions to the frame's 0.01 mm (about 1e-8 here). */
function expectClose(actual: number, expected: number, relative = 1e-7): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

function row(level: string, code: string) {
  const found = result.levels.find((l) => l.level === level)?.districts.find((d) => d.code === code);
  if (!found) throw new Error(`no row ${level} ${code}`);
  return found;
}

describe("analyseArea on the small world", () => {
  describe("size", () => {
    it("measures the geodesic area of a 0.02° square to the closed-form ellipsoidal area", () => {
      expectClose(result.areaM2, cellsAreaM2(1, 1, 2, 2), 1e-6);
    });

    it("measures the perimeter as two meridian arcs and two parallel arcs", () => {
      const south = localMetresPerDegree(lat(1));
      const north = localMetresPerDegree(lat(3));
      const middle = localMetresPerDegree(lat(2));
      const expected = 0.02 * south.x + 0.02 * north.x + 2 * 0.02 * middle.y;
      expectClose(result.perimeterM, expected, 1e-6);
    });
  });

  describe("city", () => {
    it("gives the share of the city's area and the share of the area inside the city", () => {
      expectClose(result.city?.insideM2 ?? 0, cellsAreaM2(1, 1, 2, 2));
      expectClose(result.city?.shareOfCity ?? 0, cellsAreaM2(1, 1, 2, 2) / cellsAreaM2(0, 0, 4, 4));
      expect(result.city?.shareOfAreaInside).toBeCloseTo(1, 12);
    });
  });

  describe("districts", () => {
    it("reports every level, coarse to fine", () => {
      expect(result.levels.map((l) => l.level)).toEqual(["stadtbezirk", "unterbezirk"]);
    });

    it("splits the area half and half between the two Stadtbezirke", () => {
      for (const code of ["W", "E"]) {
        const d = row("stadtbezirk", code);
        expect(d.shareOfArea).toBeCloseTo(0.5, 12);
        expectClose(d.intersectionM2, cellsAreaM2(1, 1, 1, 2));
        expectClose(d.shareOfDistrict, cellsAreaM2(1, 1, 1, 2) / cellsAreaM2(0, 0, 2, 4));
      }
    });

    it("covers one cell of each Unterbezirk, largest (southern) first", () => {
      const unterbezirke = result.levels[1]?.districts ?? [];
      expect(
        unterbezirke
          .map((d) => d.code)
          .slice(2)
          .sort(),
      ).toEqual(["NE", "NW"]);
      expectClose(row("unterbezirk", "SW").intersectionM2, cellsAreaM2(1, 1));
      expectClose(row("unterbezirk", "NE").intersectionM2, cellsAreaM2(2, 2));
      expectClose(row("unterbezirk", "NW").shareOfDistrict, cellsAreaM2(1, 2) / cellsAreaM2(0, 2, 2, 2));
      expectClose(row("unterbezirk", "SE").shareOfArea, cellsAreaM2(2, 1) / cellsAreaM2(1, 1, 2, 2));
      expect(result.levels[1]?.shareOfAreaCovered).toBeCloseTo(1, 12);
    });

    it("lists no district the area only touches", () => {
      const touching = analyseArea(context, { id: "T", geometry: cell(0, 0, 2, 2) });
      expect(touching.levels[1]?.districts.map((d) => d.code)).toEqual(["SW"]);
      expect(touching.levels[0]?.districts.map((d) => d.code)).toEqual(["W"]);
    });
  });

  describe("residents", () => {
    it("weights each census cell by the share of its area inside", () => {
      const expected =
        (2000 * cellsAreaM2(1, 1, 2, 1)) / cellsAreaM2(0, 0, 4, 2) +
        (600 * cellsAreaM2(1, 2, 2, 1)) / cellsAreaM2(0, 2, 4, 2);
      const figure = result.residents?.figures[0];
      expect(figure?.method).toBe("area-weighted-grid");
      expect(figure?.dataYear).toBe(2011);
      expectClose(figure?.residents ?? 0, expected);
      expect(result.residents?.cells.map((c) => c.cellId)).toEqual(["South", "North"]);
    });

    it("spreads each cell's residents over its eight address points (250 and 75 each)", () => {
      const figure = result.residents?.figures[1];
      expect(figure).toMatchObject({ method: "dasymetric-addresses", dataYear: 2011, weightsDataYear: 2024 });
      expect(figure?.residents).toBeCloseTo(2 * 250 + 2 * 75, 9);
      expect(result.residents?.addressesInside).toBe(4);
      expect(result.residents?.unplacedResidents).toBe(0);
    });

    it("gives the two figures as a range", () => {
      const values = result.residents?.figures.map((f) => f.residents) ?? [];
      expect(result.residents?.low).toBe(Math.min(...values));
      expect(result.residents?.high).toBe(Math.max(...values));
    });

    it("counts secret cells as zero and says so, and leaves out what lies beyond the grid", () => {
      const corner = analyseArea(context, { id: "C", geometry: cell(3, 3, 2, 2) });
      const secret = corner.residents?.cells.find((c) => c.cellId === "Secret");
      expect(secret).toMatchObject({ residents: null, contribution: 0 });
      expect(secret?.shareInside).toBeCloseTo(cellsAreaM2(4, 3) / cellsAreaM2(4, 2, 2, 2), 9);
      expect(corner.residents?.figures[1]?.residents).toBeCloseTo(75, 9);
      expectClose(corner.city?.shareOfAreaInside ?? 0, cellsAreaM2(3, 3) / cellsAreaM2(3, 3, 2, 2));
      expectClose(corner.levels[1]?.shareOfAreaCovered ?? 0, cellsAreaM2(3, 3) / cellsAreaM2(3, 3, 2, 2));
    });

    it("reports the residents of cells without address points as unplaced", () => {
      const outside = analyseArea(context, { id: "O", geometry: cell(4, 0, 1, 1) });
      const expected = (300 * cellsAreaM2(4, 0)) / cellsAreaM2(4, 0, 2, 2);
      expectClose(outside.residents?.figures[0]?.residents ?? 0, expected);
      expectClose(outside.residents?.unplacedResidents ?? 0, expected);
      expect(outside.residents?.figures[1]?.residents).toBe(0);
      expect(outside.residents?.low).toBe(0);
    });

    it("subtracts holes", () => {
      const ring = (cell(0, 0, 4, 4) as Polygon).coordinates[0] ?? [];
      const hole = [...((AREA.coordinates[0] ?? []) as number[][])].reverse();
      const framed = analyseArea(context, {
        id: "H",
        geometry: deepFreeze({ type: "Polygon", coordinates: [ring, hole] }),
      });
      expect(framed.residents?.figures[1]?.residents).toBeCloseTo(2600 - 650, 9);
      expect(framed.residents?.addressesInside).toBe(12);
      expectClose(framed.areaM2, cellsAreaM2(0, 0, 4, 4) - cellsAreaM2(1, 1, 2, 2), 1e-6);
      expect(framed.facilities[0]?.inside.ids).toEqual(["k3", "k4", "s1"]);
    });
  });

  describe("facilities", () => {
    const facilities = result.facilities[0];

    it("counts the points inside per category, with their ids", () => {
      expect(facilities?.layerId).toBe("facilities");
      expect(facilities?.inside).toEqual({ count: 2, byCategory: { Kita: 2 }, ids: ["k1", "k2"] });
    });

    it("counts the points within 300 m, those inside included", () => {
      expect(facilities?.near).toEqual([
        { distanceM: 300, count: 4, byCategory: { Kita: 3, Schule: 1 }, ids: ["k1", "k2", "k4", "s1"] },
      ]);
    });

    it("takes any list of walking distances", () => {
      const near = analyseArea(context, { id: "A", geometry: AREA }, { distancesM: [50, 100, 400] })
        .facilities[0]?.near;
      expect(near?.map((n) => [n.distanceM, n.ids])).toEqual([
        [50, ["k1", "k2"]],
        [100, ["k1", "k2", "s1"]],
        [400, ["k1", "k2", "k3", "k4", "s1"]],
      ]);
    });
  });

  describe("options and missing layers", () => {
    it("reports only the levels asked for", () => {
      const only = analyseArea(
        context,
        { id: "A", geometry: AREA },
        { levels: ["unterbezirk", "statistischer-bezirk"] },
      );
      expect(only.levels.map((l) => l.level)).toEqual(["unterbezirk"]);
    });

    it("leaves out what is not loaded", () => {
      const bare = prepareAnalysisContext({
        city: null,
        referenceLevels: {},
        populationGrid: null,
        addresses: null,
        facilities: [],
      });
      const figures = analyseArea(bare, { id: "A", geometry: AREA });
      expect(figures).toMatchObject({ city: null, levels: [], residents: null, facilities: [] });
      expectClose(figures.areaM2, cellsAreaM2(1, 1, 2, 2), 1e-6);
    });

    it("returns a plain object that survives JSON unchanged", () => {
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  });

  it("works for a multipolygon whose parts lie in different districts", () => {
    const parts = deepFreeze({
      type: "MultiPolygon" as const,
      coordinates: [cell(0, 0).coordinates, cell(3, 3).coordinates],
    });
    const figures = analyseArea(context, { id: "M", geometry: parts });
    expect(figures.levels[1]?.districts.map((d) => d.code).sort()).toEqual(["NE", "SW"]);
    expect(figures.residents?.addressesInside).toBe(2);
    expect(lon(0) + lat(0)).toBeGreaterThan(0);
  });
});
