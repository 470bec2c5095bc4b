/**
 * Refresh of a variant's figures after one edit (issue 18): the full recompute (`analyseVariant`)
 * against the incremental one (`IncrementalVariant`), at 10 / 200 / 1,000 synthetic areas of 10-200
 * vertices (clustered, `syntheticAreas(n, 4)` like the other rows), with the typical layers (100k
 * addresses, 62 districts, census grid, 3 facility layers of 1k points).
 *
 * One edit = one vertex of one area dragged 15-55 m; the edited area's own row (`analyseArea`, what the
 * page asks for first) is computed untimed and handed in with the others, as the worker gets them. The
 * two methods run on the same edit one after the other (ABAB…), both on overlap geometries as in the
 * app; the incremental state carries over from edit to edit, as in the worker. Every full result must
 * equal the incremental one (deep equality), else the run fails. Besides wall-clock time each row
 * reports the process's CPU time per refresh (user + system, `process.cpuUsage`), which a loaded
 * machine inflates much less than wall-clock time; the budget is judged on wall-clock p95.
 * Budget (issue 18): incremental p95 <= 20 ms at 200 areas and <= 50 ms at 1,000 areas. Full recomputes at 1,000 areas take seconds, so
 * they are sampled on fewer edits than the incremental one (the row says how many).
 *
 * Run: npx tsx bench/analysis/variant-refresh.bench.ts [--edits N]. Writes
 * bench/results/variant-refresh-latest.json with the load average before and after.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import {
  type AreaAnalysis,
  analyseArea,
  analyseVariant,
  IncrementalVariant,
  pathsToMultiPolygon,
  prepareAnalysisContext,
  unionOfShapes,
  type VariantAreaInput,
} from "../../src/domain/analysis/index.ts";
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
const args = process.argv.slice(2);
const EDITS = Number(args[args.indexOf("--edits") + 1]) || 60;
const loadBefore = loadavg();
const started = performance.now();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] as number;

const levels = dortmundLikeLevels(1);
const cityContext = prepareAnalysisContext({
  city: null,
  referenceLevels: { unterbezirk: levels.unterbezirk },
  populationGrid: null,
  addresses: null,
  facilities: [],
  frameOrigin: DORTMUND_CENTRE,
});
const context = prepareAnalysisContext({
  city: pathsToMultiPolygon(cityContext.frame, unionOfShapes(cityContext.levels.unterbezirk?.shapes ?? [])),
  referenceLevels: { "statistischer-bezirk": levels["statistischer-bezirk"] },
  populationGrid: { cells: syntheticGrid(2), dataYear: 2011 },
  addresses: { positions: syntheticPoints(100_000, 100_003), dataYear: 2024 },
  facilities: [1, 2, 3].map((k) => ({
    id: `facilities-${k}`,
    positions: syntheticPoints(1_000, 100 + k),
    categories: Array.from({ length: 1_000 }, (_, i) => `category ${i % 6}`),
  })),
  frameOrigin: DORTMUND_CENTRE,
});

interface Row {
  id: string;
  size: string;
  method: string;
  median_ms: number;
  p95_ms: number;
  cpu_median_ms: number;
  cpu_p95_ms: number;
  samples: number;
  ratio: number | null;
  budget?: string;
  ok?: boolean;
  note?: string;
}
const records: Row[] = [];
const failures: string[] = [];

function bench(count: number, fullSamples: number, budgetMs: number | null): void {
  const shapes = syntheticAreas(count, 4);
  const inputs: VariantAreaInput[] = shapes.map((a) => ({ id: a.id, geometry: areaPolygon(a) }));
  const rows = new Map<string, AreaAnalysis>(inputs.map((a) => [a.id, analyseArea(context, a)]));
  const incremental = new IncrementalVariant(context);
  const options = () => ({
    areaAnalyses: inputs.map((a) => rows.get(a.id) as AreaAnalysis),
    overlapGeometries: true,
  });
  let t = performance.now();
  incremental.update(inputs, options());
  const firstBuild = performance.now() - t;
  const full: number[] = [];
  const fast: number[] = [];
  const fullCpu: number[] = [];
  const fastCpu: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const work = { pairs: 0, tiles: 0 };
  for (let e = 0; e < EDITS + 3; e++) {
    const k = (e * 7) % count;
    const shape = dragVertex(
      shapes[k] as SyntheticArea,
      (e * 13) % (shapes[k] as SyntheticArea).radii.length,
      15 + (e % 5) * 10,
    );
    shapes[k] = shape;
    inputs[k] = { id: shape.id, geometry: areaPolygon(shape) };
    rows.set(shape.id, analyseArea(context, inputs[k] as VariantAreaInput));
    const warm = e < 3;
    let reference = null;
    if (warm || e - 3 < fullSamples) {
      const cpu = process.cpuUsage();
      t = performance.now();
      reference = analyseVariant(context, inputs, options());
      if (!warm) full.push(performance.now() - t);
      if (!warm) fullCpu.push(cpuMs(cpu));
    }
    const opts = options();
    const cpu = process.cpuUsage();
    t = performance.now();
    const result = incremental.update(inputs, opts);
    if (!warm) {
      fast.push(performance.now() - t);
      fastCpu.push(cpuMs(cpu));
      work.pairs += incremental.lastWork.measuredPairs;
      work.tiles += incremental.lastWork.measuredTiles;
    }
    if (reference && !isDeepStrictEqual(reference, result))
      failures.push(`${count} areas, edit ${e}: incremental differs from full`);
  }
  const size = `${count} areas: refresh after one edit`;
  const fullMedian = median(full);
  records.push({
    id: "B4v",
    size,
    method: "full recompute",
    median_ms: fullMedian,
    p95_ms: p95(full),
    cpu_median_ms: median(fullCpu),
    cpu_p95_ms: p95(fullCpu),
    samples: full.length,
    ratio: 1,
  });
  const fastP95 = p95(fast);
  records.push({
    id: "B4v",
    size,
    method: "incremental",
    median_ms: median(fast),
    p95_ms: fastP95,
    cpu_median_ms: median(fastCpu),
    cpu_p95_ms: p95(fastCpu),
    samples: fast.length,
    ratio: fullMedian / median(fast),
    ...(budgetMs === null ? {} : { budget: `p95 <= ${budgetMs} ms`, ok: fastP95 <= budgetMs }),
    note: `first build ${firstBuild.toFixed(0)} ms; per edit ${(work.pairs / fast.length).toFixed(1)} pairs, ${(work.tiles / fast.length).toFixed(1)} tiles measured`,
  });
  console.log(`  ${count} areas done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

console.log(
  `Variant refresh after one edit (${EDITS} edits; load average ${loadBefore.map((x) => x.toFixed(2)).join(" ")})`,
);
bench(10, EDITS, null);
bench(200, Math.min(EDITS, 20), 20);
bench(1_000, 3, 50);
const loadAfter = loadavg();

const fmt = (x: number) => x.toFixed(2);
for (const r of records) {
  console.log(
    `  ${r.size.padEnd(38)} ${r.method.padEnd(15)} median ${fmt(r.median_ms).padStart(9)} ms  p95 ${fmt(r.p95_ms).padStart(9)} ms  (CPU median ${fmt(r.cpu_median_ms)} ms, p95 ${fmt(r.cpu_p95_ms)} ms)  n=${String(r.samples).padStart(3)}  ${r.ratio === 1 ? "" : `${fmt(r.ratio ?? 0)}x faster`}  ${r.budget ? `${r.budget}: ${r.ok ? "ok" : "MISSED"}` : ""}  ${r.note ?? ""}`,
  );
}
console.log(
  `  load average before ${loadBefore.map(fmt).join(" ")}, after ${loadAfter.map(fmt).join(" ")}; ${cpus().length} cores, Node ${process.version}`,
);
const out = join(resolve(here, "..", ".."), "bench", "results", "variant-refresh-latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, loadavg: { before: loadBefore, after: loadAfter }, edits: EDITS, records }, null, 1)}\n`,
);
console.log(`  Results: ${out}`);
if (failures.length > 0) {
  console.error(`\nWrong answers (the run fails):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
