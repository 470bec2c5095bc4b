/**
 * Benchmark of the analysis engine against the naive Turf way, in one process (PERFORMANCE.md, B1-B5):
 *   B1 points inside areas, B2 coverage of districts (with residents), B3 overlaps between areas,
 *   B4 one vertex edit (and everything recomputed), B5 loading (parse + index),
 * on seeded synthetic data shaped like Dortmund and on the real layers from `public/generated`.
 *
 * Every timed method runs after an untimed warm-up; indexed methods report the median and p95 of
 * several runs, with the ratio to the naive baseline measured in the same run. A method whose answers
 * differ from the reference (counts equal, shares within 1e-3, the same overlapping pairs) fails the
 * run (exit 1) however fast it is. The slowest naive baselines run once, on the first k of n areas,
 * and are scaled by n / k (rows say so), to keep the whole run within about three minutes on two cores.
 *
 * Budgets (PERFORMANCE.md) are checked where they are defined: the interactive ones (one edit: median
 * <= 3 ms, p95 <= 8 ms; everything <= 100 ms) at the typical size, everything <= 500 ms at the largest.
 * A missed budget is reported ("MISSED"), not failed: timings on a shared machine vary.
 *
 * GEOS: where a Python with shapely is found (Debian `python3-shapely`; $PYTHON, python3 or
 * /usr/bin/python3), `geos_bench.py` runs GEOS on the same seeded synthetic data in the same job
 * (`geos-peer.ts` writes it to a temporary JSON file; coverage and overlaps in an equal-area plane so
 * that areas compare): B1 at every synthetic size (prepared point-in-polygon), B2 coverage with
 * residents (STRtree + intersection area) and B3 overlaps (STRtree + intersection geometry and area),
 * each after a warm-up, median and p95 of as many runs. A "GEOS (shapely X, GEOS Y)" row follows ours
 * at each size, with "ours/GEOS" = our median / GEOS's median against the goal of PERFORMANCE.md
 * (coverage and overlaps within 2x of GEOS, points no slower), reported like the other budgets. GEOS's
 * answers must agree with ours (the same overlapping pairs and point counts, equal numbers of covered
 * district pairs, total areas and residents within 1e-3), else the run fails. Without shapely the
 * comparison is skipped with one line saying so. The GEOS part adds about 10-20 s.
 *
 * Run: npx tsx bench/analysis/analysis.bench.ts [--runs N]. Writes bench/results/analysis-latest.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Paths64 } from "clipper2-ts";
import KDBush from "kdbush";
import {
  type AnalysisContext,
  type AnalysisSource,
  type AreaAnalysis,
  analyseArea,
  analyseVariant,
  type ClipShape,
  type ConvexPolygon,
  containsPoint,
  countPointsInArea,
  createClipFrame,
  decodeAddressPoints,
  encodeAddressPoints,
  type FrameBounds,
  findOverlaps,
  intersectPaths,
  overlapOfBounds,
  type PreparedArea,
  pathsAreaInBoxM2,
  pathsAreaM2,
  pathsToMultiPolygon,
  prepareAnalysisContext,
  prepareArea,
  preparePointLayer,
  ringAreaInsideConvexM2,
  trimToBox,
  unionOfShapes,
} from "../../src/domain/analysis/index.ts";
import {
  analyseAreaNaive,
  countPointsNaive,
  findOverlapsNaive,
  type NaiveContext,
  prepareNaiveContext,
} from "../../src/domain/analysis/naive-analysis.ts";
import type { ReferenceLevel } from "../../src/domain/model/catalogue.ts";
import type { AreaGeometry } from "../../src/domain/model/plan.ts";
import { isCurrentOutput, loadGeneratedLayers } from "../../tests/fixtures/analysis/load-generated.ts";
import {
  areaPolygon,
  DORTMUND_CENTRE,
  dortmundLikeLevels,
  dragVertex,
  type SyntheticArea,
  syntheticAreas,
  syntheticGrid,
  syntheticPoints,
} from "../../tests/fixtures/analysis/synthetic-dortmund.ts";
import {
  findGeosPython,
  type GeosInput,
  type GeosOutput,
  type GeosResult,
  runGeosPeer,
} from "./geos-peer.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 9;
const started = performance.now();

/** One row of the results. */
interface BenchRecord {
  id: string;
  size: string;
  method: string;
  median_ms: number;
  p95_ms: number | null;
  /** Baseline median / this median (the speed-up); 1 for the baseline itself. */
  ratio: number | null;
  budget?: string;
  ok?: boolean | null;
  note?: string;
  /** On GEOS rows: our median / GEOS's median at the same size (the goal is a budget on this). */
  ours_vs_geos?: number;
}

const records: BenchRecord[] = [];
const failures: string[] = [];

/** Our answers and row per GEOS case key, to compare with GEOS at the end. */
interface OursForGeos {
  record: BenchRecord;
  covered?: { m2: number; pairs: number; residents: number; areasM2: number };
  pairs?: { a: number; b: number; overlapM2: number }[];
  counts?: number[];
}
const oursForGeos = new Map<string, OursForGeos>();

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "" : x.toFixed(digits);

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the times in ms. */
function measure(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

function check(condition: boolean, what: string): void {
  if (!condition) failures.push(what);
}

/** Adds a baseline row and the rows of the methods measured against it. */
function report(
  id: string,
  size: string,
  baseline: { ms: number; note?: string },
  methods: {
    method: string;
    times: number[];
    budget?: string;
    minRatio?: number;
    maxMedian?: number;
    maxP95?: number;
    ok: boolean;
  }[],
): BenchRecord[] {
  const rows: BenchRecord[] = [];
  records.push({
    id,
    size,
    method: "naive Turf",
    median_ms: baseline.ms,
    p95_ms: null,
    ratio: 1,
    ...(baseline.note ? { note: baseline.note } : {}),
  });
  for (const m of methods) {
    const med = median(m.times);
    const p95 = quantile(m.times, 0.95);
    const ratio = baseline.ms / med;
    let within: boolean | null = null;
    if (m.minRatio !== undefined) within = ratio >= m.minRatio;
    if (m.maxMedian !== undefined) within = (within ?? true) && med <= m.maxMedian;
    if (m.maxP95 !== undefined) within = (within ?? true) && p95 <= m.maxP95;
    const row: BenchRecord = {
      id,
      size,
      method: m.method,
      median_ms: med,
      p95_ms: p95,
      ratio,
      ...(m.budget ? { budget: m.budget } : {}),
      ok: m.ok ? within : false,
    };
    records.push(row);
    rows.push(row);
    check(m.ok, `${id} ${size} ${m.method}: answers differ from the reference`);
  }
  return rows;
}

function log(message: string): void {
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Data, all seeded.
log("building synthetic data");
const levels = dortmundLikeLevels(1);
const grid = syntheticGrid(2);
const pointSizes = [1_000, 10_000, 100_000, 1_000_000] as const;
const pointLayers = new Map(pointSizes.map((n) => [n, syntheticPoints(n, 3 + n)]));
const areaSets = new Map([10, 50, 200].map((n) => [n, syntheticAreas(n, 4)]));
const geometriesOf = (areas: SyntheticArea[]) => areas.map((a) => areaPolygon(a));
const frame = createClipFrame(DORTMUND_CENTRE[0], DORTMUND_CENTRE[1]);
/** The synthetic city: the union of the 170 synthetic Unterbezirke. */
const cityContext = prepareAnalysisContext({
  city: null,
  referenceLevels: { unterbezirk: levels.unterbezirk },
  populationGrid: null,
  addresses: null,
  facilities: [],
  frameOrigin: DORTMUND_CENTRE,
});
const syntheticCity = pathsToMultiPolygon(
  cityContext.frame,
  unionOfShapes(cityContext.levels.unterbezirk?.shapes ?? []),
);
const facilityLayers = [1, 2, 3].map((k) => ({
  id: `facilities-${k}`,
  positions: syntheticPoints(1_000, 100 + k),
  categories: Array.from({ length: 1_000 }, (_, i) => `category ${i % 6}`),
}));

const real = isCurrentOutput(join(repoRoot, "public", "generated"))
  ? loadGeneratedLayers(join(repoRoot, "public", "generated"))
  : null;
if (!real) log("public/generated is missing or outdated: real-data rows skipped (run npm run data)");

// ---------------------------------------------------------------------------------------------
// B1: points inside areas.
log("B1 points inside areas");
/** Naive point tests per row, at most: beyond it the baseline runs on the first k areas and is scaled. */
const NAIVE_POINT_TESTS = 1_500_000;

function benchPoints(
  id: string,
  size: string,
  positions: Float64Array,
  geometries: AreaGeometry[],
  budget?: number,
  geosKey?: string,
): void {
  const layer = preparePointLayer({ id: "points", positions });
  const count = positions.length / 2;
  const k = Math.max(1, Math.min(geometries.length, Math.floor(NAIVE_POINT_TESTS / count)));
  const subset = geometries.slice(0, k);
  countPointsNaive(positions, subset[0] as AreaGeometry);
  let naiveCounts: number[] = [];
  const t = performance.now();
  naiveCounts = subset.map((g) => countPointsNaive(positions, g));
  const naiveMs = ((performance.now() - t) * geometries.length) / k;

  let counts: number[] = [];
  const indexed = measure(() => {
    counts = geometries.map((g, i) => countPointsInArea(layer, prepareArea(frame, String(i), g)));
  }, RUNS);

  const tree = new KDBush(count);
  for (let i = 0; i < count; i++) tree.add(positions[2 * i] as number, positions[2 * i + 1] as number);
  tree.finish();
  let treeCounts: number[] = [];
  const kd = measure(() => {
    treeCounts = geometries.map((g, i) => {
      const area = prepareArea(frame, String(i), g);
      const box = area.box;
      if (box === null) return 0;
      let n = 0;
      for (const p of tree.range(box[0], box[1], box[2], box[3])) {
        if (containsPoint(area.rings, positions[2 * p] as number, positions[2 * p + 1] as number)) n++;
      }
      return n;
    });
  }, RUNS);

  const same = (xs: number[]) => naiveCounts.every((c, i) => c === xs[i]);
  const [grid] = report(
    id,
    size,
    {
      ms: naiveMs,
      ...(k < geometries.length ? { note: `run on ${k} of ${geometries.length} areas, scaled` } : {}),
    },
    [
      {
        method: "bucket grid",
        times: indexed,
        ok: same(counts),
        ...(budget ? { budget: `>= ${budget}x`, minRatio: budget } : {}),
      },
      { method: "kdbush + band PIP", times: kd, ok: same(treeCounts) },
    ],
  );
  if (geosKey && grid) oursForGeos.set(geosKey, { record: grid, counts });
}

for (const n of pointSizes) {
  for (const a of [10, 50, 200]) {
    const budget = n === 100_000 && a === 50 ? 50 : n === 1_000_000 && a === 10 ? 200 : undefined;
    benchPoints(
      "B1",
      `${n.toLocaleString("en")} pts x ${a} areas`,
      pointLayers.get(n) as Float64Array,
      geometriesOf(areaSets.get(a) as SyntheticArea[]),
      budget,
      `B1 ${n} ${a}`,
    );
  }
}
if (real) {
  benchPoints(
    "B1",
    "real 109,700 addresses x 50 areas",
    real.addresses.positions,
    geometriesOf(areaSets.get(50) as SyntheticArea[]),
  );
}

// ---------------------------------------------------------------------------------------------
// B2: coverage of districts (intersection areas, shares, residents).
log("B2 coverage");
/** Naive time per row, at most (ms): beyond it the baseline runs on the first k areas and is scaled. */
const NAIVE_ROW_MS = 1_200;

/** Whether two results agree: same districts, shares within 1e-3, residents within 1e-3 (relative). */
function agree(fast: AreaAnalysis, slow: AreaAnalysis): boolean {
  const near = (x: number, y: number, scale = 1) => Math.abs(x - y) <= 1e-3 * Math.max(1, Math.abs(scale));
  for (const [i, level] of fast.levels.entries()) {
    const other = slow.levels[i];
    if (!other || other.districts.length !== level.districts.length) return false;
    for (const row of level.districts) {
      const match = other.districts.find((d) => d.code === row.code);
      if (
        !match ||
        !near(row.shareOfArea, match.shareOfArea) ||
        !near(row.shareOfDistrict, match.shareOfDistrict)
      )
        return false;
    }
  }
  const figures = fast.residents?.figures ?? [];
  for (const [i, f] of figures.entries()) {
    const g = slow.residents?.figures[i];
    if (!g || !near(f.residents, g.residents, g.residents)) return false;
  }
  if (fast.residents?.addressesInside !== slow.residents?.addressesInside) return false;
  return fast.facilities.every((f, i) => JSON.stringify(f) === JSON.stringify(slow.facilities[i]));
}

/** Times analyseArea over all areas against analyseAreaNaive on the first k (scaled). */
function benchAnalysis(
  id: string,
  size: string,
  context: AnalysisContext,
  naive: NaiveContext,
  geometries: AreaGeometry[],
  budget?: { minRatio?: number; maxMedian?: number },
  geosKey?: string,
): void {
  const areas = geometries.map((geometry, i) => ({ id: `a${i}`, geometry }));
  analyseAreaNaive(naive, areas[0] as { id: string; geometry: AreaGeometry });
  const t1 = performance.now();
  const first = analyseAreaNaive(naive, areas[0] as { id: string; geometry: AreaGeometry });
  const one = performance.now() - t1;
  const k = Math.max(1, Math.min(areas.length, Math.floor(NAIVE_ROW_MS / Math.max(one, 1e-3))));
  const slow: AreaAnalysis[] = [first];
  const t = performance.now();
  for (const area of areas.slice(1, k)) slow.push(analyseAreaNaive(naive, area));
  const naiveMs = ((performance.now() - t + one) * areas.length) / k;
  let fast: AreaAnalysis[] = [];
  const times = measure(() => {
    fast = areas.map((area) => analyseArea(context, area));
  }, RUNS);
  const ok = slow.every((s, i) => agree(fast[i] as AreaAnalysis, s));
  const [row] = report(
    id,
    size,
    { ms: naiveMs, ...(k < areas.length ? { note: `run on ${k} of ${areas.length} areas, scaled` } : {}) },
    [
      {
        method: "indexed + clipper2-ts",
        times,
        ok,
        ...(budget?.minRatio ? { budget: `>= ${budget.minRatio}x`, minRatio: budget.minRatio } : {}),
      },
    ],
  );
  if (geosKey && row) {
    const covered = { m2: 0, pairs: 0, residents: 0, areasM2: 0 };
    for (const analysis of fast) {
      covered.areasM2 += analysis.areaM2;
      for (const level of analysis.levels) {
        for (const d of level.districts) {
          covered.m2 += d.intersectionM2;
          covered.pairs++;
        }
      }
      covered.residents +=
        analysis.residents?.figures.find((f) => f.method === "area-weighted-grid")?.residents ?? 0;
    }
    oursForGeos.set(geosKey, { record: row, covered });
  }
}

const syntheticLevels: [ReferenceLevel, number][] = [
  ["stadtbezirk", 12],
  ["statistischer-bezirk", 62],
  ["unterbezirk", 170],
];
for (const [levelIndex, [level, count]] of syntheticLevels.entries()) {
  const source: AnalysisSource = {
    city: null,
    referenceLevels: { [level]: levels[level as keyof typeof levels] },
    populationGrid: { cells: grid, dataYear: 2011 },
    addresses: null,
    facilities: [],
    frameOrigin: DORTMUND_CENTRE,
  };
  const context = prepareAnalysisContext(source);
  const naive = prepareNaiveContext(source);
  for (const a of [10, 50, 200]) {
    benchAnalysis(
      "B2",
      `${count} districts x ${a} areas`,
      context,
      naive,
      geometriesOf(areaSets.get(a) as SyntheticArea[]),
      count === 62 && a === 50 ? { minRatio: 100 } : undefined,
      `B2 ${levelIndex} ${a}`,
    );
  }
}
if (real) {
  for (const level of ["stadtbezirk", "statistischer-bezirk", "unterbezirk"] as const) {
    const source: AnalysisSource = {
      ...real.source,
      city: null,
      referenceLevels: { [level]: real.source.referenceLevels[level] },
      addresses: null,
      facilities: [],
    };
    const count = real.source.referenceLevels[level]?.length ?? 0;
    benchAnalysis(
      "B2",
      `real ${count} districts x 50 areas`,
      prepareAnalysisContext(source),
      prepareNaiveContext(source),
      geometriesOf(areaSets.get(50) as SyntheticArea[]),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// B3: overlaps between areas.
log("B3 overlaps");
/** Naive pairs per row, at most: beyond it the baseline runs on the first k areas and is scaled by pairs. */
const NAIVE_PAIRS = 1_500;
for (const a of [10, 50, 200]) {
  const geometries = geometriesOf(areaSets.get(a) as SyntheticArea[]);
  let k = a;
  while ((k * (k - 1)) / 2 > NAIVE_PAIRS) k--;
  findOverlapsNaive(geometries.slice(0, Math.min(k, 5)));
  const t = performance.now();
  const naive = findOverlapsNaive(geometries.slice(0, k));
  const naiveMs = ((performance.now() - t) * (a * (a - 1))) / (k * (k - 1));
  let pairs: ReturnType<typeof findOverlaps> = [];
  const times = measure(() => {
    pairs = findOverlaps(
      frame,
      geometries.map((g, i) => prepareArea(frame, String(i), g)),
    );
  }, RUNS);
  const inSubset = pairs.filter((p) => p.b < k);
  const ok =
    inSubset.length === naive.length &&
    naive.every((n, i) => {
      const p = inSubset[i];
      return (
        p !== undefined &&
        p.a === n.a &&
        p.b === n.b &&
        Math.abs(p.overlapM2 - n.overlapM2) <= 1e-3 * Math.max(1, n.overlapM2)
      );
    });
  const [row] = report(
    "B3",
    `${a} areas (${pairs.length} overlapping pairs)`,
    { ms: naiveMs, ...(k < a ? { note: `run on the pairs of ${k} of ${a} areas, scaled by pairs` } : {}) },
    [{ method: "flatbush + clipper2-ts", times, ok, budget: ">= 50x", minRatio: 50 }],
  );
  if (row) oursForGeos.set(`B3 ${a}`, { record: row, pairs });
}

// ---------------------------------------------------------------------------------------------
// B4: one vertex edit, and everything recomputed.
log("B4 edits");
function benchEdits(
  size: string,
  source: AnalysisSource,
  areas: SyntheticArea[],
  naiveEdits: number,
  budgets: { edit: boolean; all: number | null },
): void {
  const context = prepareAnalysisContext(source);
  const naive = prepareNaiveContext(source);
  const editsOf = (count: number, offset: number) =>
    Array.from({ length: count }, (_, e) => {
      const area = areas[(e * 7) % areas.length] as SyntheticArea;
      const dragged = dragVertex(area, (e * 13) % area.radii.length, 15 + ((e + offset) % 5) * 10);
      return { id: area.id, geometry: areaPolygon(dragged) };
    });
  const warm = editsOf(20, 1);
  for (const edit of warm) analyseArea(context, edit);
  const edits = editsOf(Math.max(60, RUNS * 20), 0);
  const times = edits.map((edit) => {
    const t = performance.now();
    analyseArea(context, edit);
    return performance.now() - t;
  });
  analyseAreaNaive(naive, warm[0] as { id: string; geometry: AreaGeometry });
  const naiveTimes: number[] = [];
  let ok = true;
  for (const edit of edits.slice(0, naiveEdits)) {
    const t = performance.now();
    const slow = analyseAreaNaive(naive, edit);
    naiveTimes.push(performance.now() - t);
    ok &&= agree(analyseArea(context, edit), slow);
  }
  const naiveMs = median(naiveTimes);
  report("B4", `${size}: one vertex edit`, { ms: naiveMs, note: `median of ${naiveEdits} edits` }, [
    budgets.edit
      ? {
          method: "indexed + clipper2-ts",
          times,
          ok,
          budget: "median <= 3 ms, p95 <= 8 ms, >= 50x",
          minRatio: 50,
          maxMedian: 3,
          maxP95: 8,
        }
      : { method: "indexed + clipper2-ts", times, ok },
  ]);
  // Everything recomputed: every area's row, then the variant (overlaps, union, totals).
  const all = areas.map((a) => ({ id: a.id, geometry: areaPolygon(a) }));
  const everything = measure(
    () => {
      const rows = all.map((area) => analyseArea(context, area));
      analyseVariant(context, all, { areaAnalyses: rows });
    },
    Math.max(3, Math.floor(RUNS / 2)),
    1,
  );
  report(
    "B4",
    `${size}: all ${areas.length} areas + variant`,
    { ms: naiveMs * areas.length, note: "estimated: per-edit naive median x areas" },
    [
      {
        method: "indexed + clipper2-ts",
        times: everything,
        ok: true,
        ...(budgets.all ? { budget: `<= ${budgets.all} ms`, maxMedian: budgets.all } : {}),
      },
    ],
  );
}

benchEdits(
  "typical (100k addresses, 62 districts, 50 areas)",
  {
    city: syntheticCity,
    referenceLevels: { "statistischer-bezirk": levels["statistischer-bezirk"] },
    populationGrid: { cells: grid, dataYear: 2011 },
    addresses: { positions: pointLayers.get(100_000) as Float64Array, dataYear: 2024 },
    facilities: facilityLayers,
    frameOrigin: DORTMUND_CENTRE,
  },
  areaSets.get(50) as SyntheticArea[],
  5,
  { edit: true, all: 100 },
);
benchEdits(
  "largest (1M addresses, 170 districts, 200 areas)",
  {
    city: syntheticCity,
    referenceLevels: { unterbezirk: levels.unterbezirk },
    populationGrid: { cells: grid, dataYear: 2011 },
    addresses: { positions: pointLayers.get(1_000_000) as Float64Array, dataYear: 2024 },
    facilities: facilityLayers,
    frameOrigin: DORTMUND_CENTRE,
  },
  areaSets.get(200) as SyntheticArea[],
  2,
  { edit: false, all: 500 },
);
if (real) {
  benchEdits(
    "real Dortmund (3 levels, grid, 109,700 addresses, 15 facility layers, 50 areas)",
    real.source,
    areaSets.get(50) as SyntheticArea[],
    3,
    { edit: false, all: null },
  );
}

// ---------------------------------------------------------------------------------------------
// B2 kernels: the one place the engine clips without clipper2-ts. `clip-to-convex.ts` (Sutherland–
// Hodgman) measures an area inside each census cell it touches, and cuts clipper's intersections back
// to the overlap of two boxes (`intersection-area.ts`). Both against clipper2-ts doing the same job in
// the same run; the row's ratio is clipper's median over Sutherland–Hodgman's (above 1: faster).
log("B2 kernels: Sutherland–Hodgman against clipper2-ts");
function benchConvexKernels(size: string, source: AnalysisSource, geometries: AreaGeometry[]): void {
  const context = prepareAnalysisContext(source);
  const cells = context.grid;
  if (cells === null || cells.index === null) return;
  const areas = geometries.map((geometry, i) => prepareArea(context.frame, `a${i}`, geometry));
  const pairs: [PreparedArea, number][] = [];
  for (const area of areas) {
    if (area.box === null) continue;
    for (const cell of cells.index.search(...area.box)) if (cells.convex[cell]) pairs.push([area, cell]);
  }
  let convexTotal = 0;
  let clipperTotal = 0;
  const convexTimes = measure(() => {
    convexTotal = 0;
    for (const [area, cell] of pairs) {
      let inside = 0;
      for (const ring of area.flatRings)
        inside += ringAreaInsideConvexM2(ring, cells.convex[cell] as ConvexPolygon);
      convexTotal += Math.max(0, inside);
    }
  }, RUNS);
  const clipperTimes = measure(() => {
    clipperTotal = 0;
    for (const [area, cell] of pairs) {
      // The area thinned to the cell's box first (exact, see trim-to-box.ts), as the engine does.
      const shape = cells.shapes[cell] as ClipShape;
      const trimmed = trimToBox(area.shape.paths, shape.bounds as FrameBounds).paths;
      clipperTotal += Math.max(0, pathsAreaM2(context.frame, intersectPaths(trimmed, shape.paths)));
    }
  }, RUNS);
  const agreeing = Math.abs(convexTotal - clipperTotal) <= 1e-6 * clipperTotal;
  check(agreeing, `B2 kernels ${size}: Sutherland–Hodgman and clipper2-ts disagree`);
  const clipperMedian = median(clipperTimes);
  records.push(
    {
      id: "B2",
      size: `${size}: area inside each census cell (${pairs.length} area-cell pairs)`,
      method: "clipper2-ts (trim to box, intersect, area)",
      median_ms: clipperMedian,
      p95_ms: quantile(clipperTimes, 0.95),
      ratio: 1,
    },
    {
      id: "B2",
      size: `${size}: area inside each census cell (${pairs.length} area-cell pairs)`,
      method: "Sutherland–Hodgman (clip-to-convex)",
      median_ms: median(convexTimes),
      p95_ms: quantile(convexTimes, 0.95),
      ratio: clipperMedian / median(convexTimes),
      ok: agreeing,
    },
  );
  // Cutting clipper's intersections back to the overlap of the two boxes (coverage of districts).
  const districts = context.levels["statistischer-bezirk"];
  if (districts === undefined) return;
  const cuts: { paths: Paths64; box: FrameBounds }[] = [];
  for (const area of areas) {
    for (const shape of districts.shapes) {
      const box = overlapOfBounds(area.shape.bounds, shape.bounds);
      if (box === null) continue;
      const paths = intersectPaths(trimToBox(area.shape.paths, box).paths, trimToBox(shape.paths, box).paths);
      if (paths.length > 0) cuts.push({ paths, box });
    }
  }
  let boxTotal = 0;
  let clipperBoxTotal = 0;
  const boxTimes = measure(() => {
    boxTotal = 0;
    for (const cut of cuts) boxTotal += Math.max(0, pathsAreaInBoxM2(context.frame, cut.paths, cut.box));
  }, RUNS);
  const clipperBoxTimes = measure(() => {
    clipperBoxTotal = 0;
    for (const cut of cuts) {
      const [x0, y0, x1, y1] = cut.box;
      const box = [
        { x: x0, y: y0 },
        { x: x1, y: y0 },
        { x: x1, y: y1 },
        { x: x0, y: y1 },
      ];
      clipperBoxTotal += Math.max(0, pathsAreaM2(context.frame, intersectPaths(cut.paths, [box])));
    }
  }, RUNS);
  const boxAgreeing = Math.abs(boxTotal - clipperBoxTotal) <= 1e-6 * clipperBoxTotal;
  check(boxAgreeing, `B2 kernels ${size}: box cut by Sutherland–Hodgman and clipper2-ts disagree`);
  const clipperBoxMedian = median(clipperBoxTimes);
  records.push(
    {
      id: "B2",
      size: `${size}: intersections cut to the boxes' overlap (${cuts.length} area-district pairs)`,
      method: "clipper2-ts intersect + area",
      median_ms: clipperBoxMedian,
      p95_ms: quantile(clipperBoxTimes, 0.95),
      ratio: 1,
    },
    {
      id: "B2",
      size: `${size}: intersections cut to the boxes' overlap (${cuts.length} area-district pairs)`,
      method: "Sutherland–Hodgman (clip-to-convex)",
      median_ms: median(boxTimes),
      p95_ms: quantile(boxTimes, 0.95),
      ratio: clipperBoxMedian / median(boxTimes),
      ok: boxAgreeing,
    },
  );
}
benchConvexKernels(
  "synthetic, 50 areas",
  {
    city: null,
    referenceLevels: { "statistischer-bezirk": levels["statistischer-bezirk"] },
    populationGrid: { cells: grid, dataYear: 2011 },
    addresses: null,
    facilities: [],
    frameOrigin: DORTMUND_CENTRE,
  },
  geometriesOf(areaSets.get(50) as SyntheticArea[]),
);
if (real) {
  benchConvexKernels(
    "real Dortmund, 50 areas",
    real.source,
    geometriesOf(areaSets.get(50) as SyntheticArea[]),
  );
}

// ---------------------------------------------------------------------------------------------
// B5: loading, parse + index (no naive baseline: Turf has no index to build).
log("B5 load");
function load(size: string, fn: () => void): void {
  const times = measure(fn, 3, 1);
  records.push({
    id: "B5",
    size,
    method: "parse + index",
    median_ms: median(times),
    p95_ms: quantile(times, 0.95),
    ratio: null,
  });
}
if (real) {
  load("real Dortmund layers (files to context)", () => {
    prepareAnalysisContext(loadGeneratedLayers(join(repoRoot, "public", "generated")).source);
  });
}
const million = pointLayers.get(1_000_000) as Float64Array;
const millionBytes = encodeAddressPoints(
  Array.from({ length: million.length / 2 }, (_, i) => ({
    lon: million[2 * i] as number,
    lat: million[2 * i + 1] as number,
    district: "",
  })),
).bytes;
load("1M points (binary decode + bucket grid)", () => {
  preparePointLayer({
    id: "million",
    positions: decodeAddressPoints(millionBytes, million.length / 2, []).positions,
  });
});

// ---------------------------------------------------------------------------------------------
// GEOS, where Debian's python3-shapely is installed: the same synthetic data, the same job.
/** Our median may be at most this many times GEOS's (PERFORMANCE.md): coverage and overlaps 2x, points 1x. */
const GEOS_GOAL: Record<string, number> = { B1: 1, B2: 2, B3: 2 };
const geosPython = findGeosPython();
let geos: GeosOutput | null = null;
let geosNote: string;
const geosLines: string[] = [];
if (geosPython === null) {
  geosNote = "GEOS comparison skipped: python3-shapely is not installed";
  log(geosNote);
} else {
  log(`GEOS peer (shapely ${geosPython.shapely}, GEOS ${geosPython.geos}, ${geosPython.python})`);
  const input: GeosInput = {
    runs: RUNS,
    warmup: 2,
    origin: DORTMUND_CENTRE,
    areaSets: new Map([...areaSets].map(([n, areas]) => [String(n), geometriesOf(areas)])),
    levels: syntheticLevels.map(([level]) => levels[level as keyof typeof levels].map((d) => d.geometry)),
    grid: grid.map((c) => ({ geometry: c.geometry, residents: c.residents })),
    points: new Map(pointSizes.map((n) => [String(n), pointLayers.get(n) as Float64Array])),
    b1: pointSizes.flatMap((n) =>
      [10, 50, 200].map((a) => ({ key: `B1 ${n} ${a}`, points: String(n), areas: String(a) })),
    ),
    b2: syntheticLevels.flatMap((_, level) =>
      [10, 50, 200].map((a) => ({ key: `B2 ${level} ${a}`, level, areas: String(a) })),
    ),
    b3: [10, 50, 200].map((a) => ({ key: `B3 ${a}`, areas: String(a) })),
  };
  try {
    geos = runGeosPeer(geosPython.python, input);
  } catch (error) {
    failures.push(`GEOS peer failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (geos) {
    const method = `GEOS (shapely ${geos.shapely}, GEOS ${geos.geos})`;
    for (const result of geos.results) addGeosRow(method, result);
    geosNote = `GEOS comparison: ${method} via ${geosPython.python} (Python ${geos.python}), ${geos.results.length} cases, ${geos.runs} runs after ${geos.warmup} warm-ups each, ${geos.seconds.toFixed(0)} s`;
  } else {
    geosNote = `GEOS comparison failed (shapely ${geosPython.shapely}, GEOS ${geosPython.geos})`;
  }
}

/**
 * Compares GEOS's answers with ours: what differs (empty when they agree) and the largest relative
 * difference of the compared totals.
 */
function geosDisagreement(
  ours: OursForGeos,
  answer: GeosResult["answer"],
): { wrong: string[]; largest: number | null } {
  let largest: number | null = null;
  const near = (x: number | undefined, y: number) => {
    if (x === undefined) return false;
    const relative = Math.abs(x - y) / Math.max(1, Math.abs(y));
    largest = Math.max(largest ?? 0, relative);
    return relative <= 1e-3;
  };
  const wrong: string[] = [];
  if (ours.covered) {
    const c = ours.covered;
    if (answer.covered_pairs !== c.pairs)
      wrong.push(`covered district pairs ${answer.covered_pairs} vs ours ${c.pairs}`);
    if (!near(answer.covered_m2, c.m2)) wrong.push(`covered m² ${answer.covered_m2} vs ours ${c.m2}`);
    if (!near(answer.residents, c.residents))
      wrong.push(`residents ${answer.residents} vs ours ${c.residents}`);
    if (!near(answer.areas_m2, c.areasM2)) wrong.push(`areas m² ${answer.areas_m2} vs ours ${c.areasM2}`);
  }
  if (ours.pairs) {
    const theirs = answer.pairs ?? [];
    const samePairs =
      theirs.length === ours.pairs.length &&
      ours.pairs.every((p, i) => theirs[i]?.[0] === p.a && theirs[i]?.[1] === p.b);
    if (!samePairs)
      wrong.push(`overlapping pairs ${theirs.length} vs ours ${ours.pairs.length} (or not the same)`);
    const total = ours.pairs.reduce((sum, p) => sum + p.overlapM2, 0);
    if (!near(answer.overlap_m2, total)) wrong.push(`overlap m² ${answer.overlap_m2} vs ours ${total}`);
  }
  if (ours.counts) {
    const counts = ours.counts;
    const theirs = answer.counts ?? [];
    const differing = counts.filter((c, i) => c !== theirs[i]).length;
    if (theirs.length !== counts.length || differing > 0)
      wrong.push(`point counts differ in ${differing} areas`);
  }
  return { wrong, largest };
}

/** Adds a GEOS row after our rows of the same size, with our median / GEOS's against the goal. */
function addGeosRow(method: string, result: GeosResult): void {
  const ours = oursForGeos.get(result.key);
  if (!ours) {
    failures.push(`GEOS case ${result.key} has no row of ours`);
    return;
  }
  const { id, size } = ours.record;
  const goal = GEOS_GOAL[id] ?? 2;
  const oursVsGeos = ours.record.median_ms / result.median_ms;
  const { wrong, largest } = geosDisagreement(ours, result.answer);
  for (const w of wrong) failures.push(`${id} ${size} ${method}: ${w}`);
  const baseline = records.find((r) => r.id === id && r.size === size && r.method === "naive Turf");
  const row: BenchRecord = {
    id,
    size,
    method,
    median_ms: result.median_ms,
    p95_ms: result.p95_ms,
    ratio: baseline ? baseline.median_ms / result.median_ms : null,
    budget: goal === 1 ? "ours <= GEOS" : `ours <= ${goal}x GEOS`,
    ok: wrong.length === 0 && oursVsGeos <= goal,
    ours_vs_geos: oursVsGeos,
    note: `ours (${ours.record.method}) ${oursVsGeos.toFixed(2)}x GEOS time; ${
      wrong.length > 0
        ? "ANSWERS DIFFER"
        : largest === null
          ? "same answers"
          : `same answers, totals within ${largest.toExponential(0)}`
    }`,
  };
  let last = -1;
  records.forEach((r, i) => {
    if (r.id === id && r.size === size) last = i;
  });
  records.splice(last + 1, 0, row);
  geosLines.push(
    `${id} ${size}: ours ${fmt(ours.record.median_ms)} ms, GEOS ${fmt(result.median_ms)} ms, ours/GEOS ${oursVsGeos.toFixed(2)}x (goal <= ${goal}x: ${row.ok ? "ok" : "MISSED"})`,
  );
}

// ---------------------------------------------------------------------------------------------
// Report.
const rows = records.map((r) => [
  r.id,
  r.size,
  r.method,
  fmt(r.median_ms),
  fmt(r.p95_ms),
  r.ratio === null ? "" : r.method === "naive Turf" ? "1" : `${fmt(r.ratio, 0)}x`,
  r.budget ?? "",
  r.ok === undefined || r.ok === null ? "" : r.ok ? "ok" : "MISSED",
  r.ours_vs_geos === undefined ? "" : `${fmt(r.ours_vs_geos)}x`,
  r.note ?? "",
]);
const header = ["id", "size", "method", "median ms", "p95 ms", "ratio", "budget", "", "ours/GEOS", "note"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
for (const row of rows) console.log(line(row));
if (geosLines.length > 0) console.log(`\nOurs against GEOS (median / median):\n  ${geosLines.join("\n  ")}`);
console.log(
  `\n${geosNote}. ${cpus().length} cores, Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);

const out = join(repoRoot, "bench", "results", "analysis-latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, runs: RUNS, note: geosNote, geos: geos && { shapely: geos.shapely, geos: geos.geos, python: geos.python, runs: geos.runs, warmup: geos.warmup, seconds: geos.seconds }, records }, null, 1)}\n`,
);
console.log(`Results: ${out}`);
if (failures.length > 0) {
  console.error(`\nWrong answers (the run fails):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
