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
 * Run: npx tsx bench/analysis/analysis.bench.ts [--runs N]. Writes bench/results/analysis-latest.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import KDBush from "kdbush";
import {
  type AnalysisContext,
  type AnalysisSource,
  type AreaAnalysis,
  analyseArea,
  analyseVariant,
  containsPoint,
  countPointsInArea,
  createClipFrame,
  decodeAddressPoints,
  encodeAddressPoints,
  findOverlaps,
  pathsToMultiPolygon,
  prepareAnalysisContext,
  prepareArea,
  preparePointLayer,
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
}

const records: BenchRecord[] = [];
const failures: string[] = [];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

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
): void {
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
    records.push({
      id,
      size,
      method: m.method,
      median_ms: med,
      p95_ms: p95,
      ratio,
      ...(m.budget ? { budget: m.budget } : {}),
      ok: m.ok ? within : false,
    });
    check(m.ok, `${id} ${size} ${m.method}: answers differ from the reference`);
  }
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
  report(
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
  report(
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
}

const syntheticLevels: [ReferenceLevel, number][] = [
  ["stadtbezirk", 12],
  ["statistischer-bezirk", 62],
  ["unterbezirk", 170],
];
for (const [level, count] of syntheticLevels) {
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
  report(
    "B3",
    `${a} areas (${pairs.length} overlapping pairs)`,
    { ms: naiveMs, ...(k < a ? { note: `run on the pairs of ${k} of ${a} areas, scaled by pairs` } : {}) },
    [{ method: "flatbush + clipper2-ts", times, ok, budget: ">= 50x", minRatio: 50 }],
  );
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
// GEOS, where Debian's python3-shapely is installed.
const shapely = spawnSync("python3", ["-c", "import shapely; print(shapely.geos_version_string)"], {
  encoding: "utf8",
});
const geosNote =
  shapely.status === 0
    ? `GEOS ${shapely.stdout.trim()} found; the GEOS comparison is not part of this script yet`
    : "GEOS comparison skipped: python3-shapely is not installed";

// ---------------------------------------------------------------------------------------------
// Report.
const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "" : x.toFixed(digits);
const rows = records.map((r) => [
  r.id,
  r.size,
  r.method,
  fmt(r.median_ms),
  fmt(r.p95_ms),
  r.ratio === null ? "" : r.method === "naive Turf" ? "1" : `${fmt(r.ratio, 0)}x`,
  r.budget ?? "",
  r.ok === undefined || r.ok === null ? "" : r.ok ? "ok" : "MISSED",
  r.note ?? "",
]);
const header = ["id", "size", "method", "median ms", "p95 ms", "ratio", "budget", "", "note"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
for (const row of rows) console.log(line(row));
console.log(
  `\n${geosNote}. ${cpus().length} cores, Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);

const out = join(repoRoot, "bench", "results", "analysis-latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, runs: RUNS, note: geosNote, records }, null, 1)}\n`,
);
console.log(`Results: ${out}`);
if (failures.length > 0) {
  console.error(`\nWrong answers (the run fails):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
