/**
 * Seeded property tests on random small worlds (tessellations with wiggly shared borders, a census
 * grid, clustered address and facility points) and random drawn areas. The indexed engine must give
 * the naive Turf reference's answers; shares must stay in range; overlaps must be symmetric; a union
 * must be no larger than its parts. A failing case prints its seed and path: pin it below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnalysisContext,
  type AnalysisSource,
  type AreaAnalysis,
  analyseArea,
  analyseVariant,
  createClipShape,
  intersectShapes,
  prepareAnalysisContext,
} from "../../../../src/domain/analysis/index.ts";
import {
  analyseAreaNaive,
  findOverlapsNaive,
  intersectionAreaTurfM2,
  type NaiveContext,
  prepareNaiveContext,
} from "../../../../src/domain/analysis/naive-analysis.ts";
import { unionAreas } from "../../../../src/domain/geometry/index.ts";
import type { AreaGeometry } from "../../../../src/domain/model/plan.ts";
import {
  areaPolygon,
  syntheticAreas,
  syntheticDistricts,
  syntheticGrid,
  syntheticPoints,
} from "../../../fixtures/analysis/synthetic-dortmund.ts";
import { deepFreeze } from "../../../fixtures/geometry/builders.ts";

const SEED = 20260612;
const RUNS = 40;

/** Interleaved coordinates as [lon, lat] pairs (typed arrays cannot be frozen). */
function pairs(flat: Float64Array): [number, number][] {
  return Array.from({ length: flat.length / 2 }, (_, i) => [
    flat[2 * i] as number,
    flat[2 * i + 1] as number,
  ]);
}

/** A random world of about 12 km² around Dortmund's centre. */
function randomWorld(seed: number): AnalysisSource {
  const coarse = syntheticDistricts({
    count: 5,
    columns: 3,
    rows: 2,
    totalKm2: 12,
    verticesPerEdge: 9,
    seed,
  });
  const fine = syntheticDistricts({
    count: 11,
    columns: 4,
    rows: 3,
    totalKm2: 12,
    verticesPerEdge: 5,
    seed: seed + 1,
  });
  const city = unionAreas(fine.map((d) => d.geometry));
  const facilities = pairs(syntheticPoints(300, seed + 3, 5000));
  return deepFreeze({
    city,
    referenceLevels: { stadtbezirk: coarse, unterbezirk: fine },
    populationGrid: { cells: syntheticGrid(seed + 2, 6000, 1000, 1.2), dataYear: 2011 },
    addresses: { positions: pairs(syntheticPoints(1500, seed + 4, 5000)), dataYear: 2024 },
    facilities: [
      {
        id: "facilities",
        positions: facilities,
        ids: Array.from({ length: 300 }, (_, i) => `f${i}`),
        categories: Array.from({ length: 300 }, (_, i) => ["Kita", "Schule", "Halt"][i % 3] as string),
      },
    ],
  });
}

const worlds = new Map<number, { indexed: AnalysisContext; naive: NaiveContext }>();
/** Worlds are built once per seed: building is the slow part, and seeds repeat across properties. */
function world(seed: number): { indexed: AnalysisContext; naive: NaiveContext } {
  let found = worlds.get(seed);
  if (!found) {
    const source = randomWorld(seed);
    found = { indexed: prepareAnalysisContext(source), naive: prepareNaiveContext(source) };
    worlds.set(seed, found);
  }
  return found;
}

/** Random drawn areas of the synthetic kind, a few km across, around the world's centre. */
function randomAreas(count: number, seed: number): AreaGeometry[] {
  return syntheticAreas(count, seed, 3000).map((area) => {
    const scaled = { ...area, radii: area.radii.map((r) => r * 0.6) };
    return deepFreeze(areaPolygon(scaled));
  });
}

const worldSeed = fc.integer({ min: 1, max: 6 });
const areaSeed = fc.integer({ min: 1, max: 1_000_000 });

/** |actual - expected| within `relative` of `scale`. */
function near(actual: number, expected: number, scale: number, relative = 1e-6): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(scale), 1e-9);
}

/** Compares an indexed result with the naive one: counts and ids equal, measures within 1e-6. */
function expectSameAnswers(fast: AreaAnalysis, slow: AreaAnalysis): void {
  const size = slow.areaM2;
  expect(fast.areaM2).toBeCloseTo(slow.areaM2, 6);
  expect(fast.perimeterM).toBeCloseTo(slow.perimeterM, 6);
  expect(near(fast.city?.insideM2 ?? 0, slow.city?.insideM2 ?? 0, size)).toBe(true);
  expect(fast.levels.map((l) => l.level)).toEqual(slow.levels.map((l) => l.level));
  fast.levels.forEach((level, i) => {
    const reference = slow.levels[i];
    expect(level.districts.map((d) => d.code).sort()).toEqual(reference?.districts.map((d) => d.code).sort());
    for (const row of level.districts) {
      const other = reference?.districts.find((d) => d.code === row.code);
      expect(near(row.intersectionM2, other?.intersectionM2 ?? 0, size)).toBe(true);
      expect(near(row.shareOfArea, other?.shareOfArea ?? 0, 1)).toBe(true);
      expect(near(row.shareOfDistrict, other?.shareOfDistrict ?? 0, 1)).toBe(true);
    }
  });
  const figures = fast.residents?.figures ?? [];
  figures.forEach((figure, i) => {
    const other = slow.residents?.figures[i];
    expect(figure.method).toBe(other?.method);
    expect(near(figure.residents, other?.residents ?? 0, Math.max(1, other?.residents ?? 0))).toBe(true);
  });
  expect(fast.residents?.addressesInside).toBe(slow.residents?.addressesInside);
  expect(fast.residents?.cells.map((c) => c.cellId).sort()).toEqual(
    slow.residents?.cells.map((c) => c.cellId).sort(),
  );
  expect(fast.facilities.map((f) => [f.inside, f.near.map((n) => n.ids)])).toEqual(
    slow.facilities.map((f) => [f.inside, f.near.map((n) => n.ids)]),
  );
}

describe("analysis engine on random worlds", () => {
  it("gives the naive Turf reference's answers for every area", () => {
    fc.assert(
      fc.property(worldSeed, areaSeed, (w, a) => {
        const { indexed, naive } = world(w);
        for (const [i, geometry] of randomAreas(2, a).entries()) {
          const area = { id: `a${i}`, geometry };
          expectSameAnswers(
            analyseArea(indexed, area, { distancesM: [150, 300] }),
            analyseAreaNaive(naive, area, { distancesM: [150, 300] }),
          );
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("keeps every share between 0 and 1 and each level's shares of the area summing to at most 1", () => {
    fc.assert(
      fc.property(worldSeed, areaSeed, (w, a) => {
        const { indexed } = world(w);
        for (const geometry of randomAreas(3, a)) {
          const result = analyseArea(indexed, { id: "a", geometry });
          const shares = [result.city?.shareOfCity ?? 0, result.city?.shareOfAreaInside ?? 0];
          for (const level of result.levels) {
            shares.push(level.shareOfAreaCovered);
            for (const row of level.districts) shares.push(row.shareOfArea, row.shareOfDistrict);
            const sum = level.districts.reduce((s, row) => s + row.shareOfArea, 0);
            expect(sum).toBeLessThanOrEqual(1 + 1e-12);
            // The city is the union of the Unterbezirke: they cover the area as far as it lies in the city.
            if (level.level === "unterbezirk")
              expect(sum).toBeCloseTo(result.city?.shareOfAreaInside ?? 0, 6);
          }
          for (const cell of result.residents?.cells ?? []) shares.push(cell.shareInside);
          for (const share of shares) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
          const [low, high] = [result.residents?.low ?? 0, result.residents?.high ?? 0];
          expect(low).toBeLessThanOrEqual(high);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("finds symmetric overlaps, the same pairs as naive Turf, and a union no larger than its parts", () => {
    fc.assert(
      fc.property(worldSeed, areaSeed, fc.integer({ min: 2, max: 9 }), (w, a, count) => {
        const { indexed } = world(w);
        const geometries = randomAreas(count, a);
        const areas = geometries.map((geometry, i) => ({ id: `a${i}`, geometry }));
        const forward = analyseVariant(indexed, areas, { overlapGeometries: false });
        const backward = analyseVariant(indexed, [...areas].reverse(), { overlapGeometries: false });
        const key = (x: string, y: string) => [x, y].sort().join("|");
        const byPair = new Map(backward.overlaps.map((o) => [key(o.areaIdA, o.areaIdB), o]));
        expect(backward.overlaps).toHaveLength(forward.overlaps.length);
        for (const overlap of forward.overlaps) {
          const mirrored = byPair.get(key(overlap.areaIdA, overlap.areaIdB));
          expect(near(mirrored?.overlapM2 ?? 0, overlap.overlapM2, overlap.overlapM2, 1e-9)).toBe(true);
          expect(near(mirrored?.shareOfA ?? 0, overlap.shareOfB, 1, 1e-9)).toBe(true);
          expect(near(mirrored?.shareOfB ?? 0, overlap.shareOfA, 1, 1e-9)).toBe(true);
        }
        const naive = findOverlapsNaive(geometries);
        expect(forward.overlaps.map((o) => key(o.areaIdA, o.areaIdB)).sort()).toEqual(
          naive.map((o) => key(`a${o.a}`, `a${o.b}`)).sort(),
        );
        for (const o of naive) {
          const fast = forward.overlaps.find((x) => key(x.areaIdA, x.areaIdB) === key(`a${o.a}`, `a${o.b}`));
          expect(near(fast?.overlapM2 ?? 0, o.overlapM2, Math.max(o.overlapM2, 1e4))).toBe(true);
        }
        const { sumOfAreasM2, unionAreaM2 } = forward.totals;
        expect(unionAreaM2).toBeLessThanOrEqual(sumOfAreasM2 * (1 + 1e-9));
        const largest = Math.max(
          ...areas.map((area) => createClipShape(indexed.frame, area.geometry).areaM2),
        );
        expect(unionAreaM2).toBeGreaterThanOrEqual(largest * (1 - 1e-9));
        // The union is measured in 500 m tiles (union-tiles.ts); where a tile's side cuts an area,
        // clipper rounds the cut to 0.01 mm, which moves the union's area by about 1e-8 of itself.
        if (forward.overlaps.length === 0)
          expect(near(unionAreaM2, sumOfAreasM2, sumOfAreasM2, 1e-7)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("clips like Turf: clipper2-ts and Turf's intersect agree within 1e-6 on random polygons", () => {
    fc.assert(
      fc.property(worldSeed, areaSeed, (w, a) => {
        const { indexed } = world(w);
        const [first, second] = randomAreas(2, a) as [AreaGeometry, AreaGeometry];
        const districts = indexed.source.referenceLevels.stadtbezirk ?? [];
        const pairs: [AreaGeometry, AreaGeometry][] = [
          [first, second],
          ...districts.map((d): [AreaGeometry, AreaGeometry] => [first, d.geometry]),
        ];
        for (const [x, y] of pairs) {
          const fast = intersectShapes(
            indexed.frame,
            createClipShape(indexed.frame, x),
            createClipShape(indexed.frame, y),
          ).areaM2;
          const turf = intersectionAreaTurfM2(x, y);
          const scale = Math.min(
            createClipShape(indexed.frame, x).areaM2,
            createClipShape(indexed.frame, y).areaM2,
          );
          expect(near(fast, turf, scale)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
