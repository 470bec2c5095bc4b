#!/usr/bin/env node
/**
 * `npm run bench`: loading benchmarks on the production build and the real Dortmund data.
 *  - B6 bundle: gzip size of each JS file; main-thread JS (entry and what it imports) against 400 kB.
 *  - B7 first render: map load and first idle in headless Chromium (median of runs) against 2 s.
 *  - Heap: JS heap used once idle (after a forced GC) against 150 MB.
 * Figures, not assertions: the script reports and writes bench/results/*.json; it fails only if it
 * cannot measure. Options: --runs N (default 5), --no-build.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 5;
const node = process.execPath;

if (!args.includes("--no-build")) {
  for (const [label, cmd] of [
    ["data step", ["node_modules/tsx/dist/cli.mjs", "data/build-data.ts"]],
    ["build", ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"]],
  ]) {
    const r = spawnSync(node, cmd, { stdio: "inherit" });
    if (r.status !== 0) {
      console.error(`${label} failed`);
      process.exit(1);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const kB = (bytes) => bytes / 1000;
const records = [];

// B6: bundle sizes. Main-thread JS = the entry chunk and the chunks it imports statically.
const manifest = JSON.parse(readFileSync("dist/.vite/manifest.json", "utf8"));
const entry = Object.values(manifest).find((c) => c.isEntry);
const mainFiles = new Set();
const visit = (key) => {
  const chunk = manifest[key] ?? Object.values(manifest).find((c) => c.file === key);
  if (!chunk || mainFiles.has(chunk.file)) return;
  mainFiles.add(chunk.file);
  for (const imp of chunk.imports ?? []) visit(imp);
};
visit(Object.keys(manifest).find((k) => manifest[k] === entry));
const jsFiles = readdirSync("dist/assets").filter((f) => /\.(m?js)$/.test(f));
const bundle = jsFiles.map((f) => {
  const bytes = readFileSync(join("dist/assets", f));
  return {
    file: f,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    role: mainFiles.has(`assets/${f}`) ? "main thread" : /worker/.test(f) ? "worker" : "lazy",
  };
});
const mainGzip = bundle.filter((b) => b.role === "main thread").reduce((s, b) => s + b.gzip, 0);
console.log("\nB6 bundle (production build, gzip -9)");
console.log("  file                                         role          raw kB   gzip kB");
for (const b of bundle.sort((a, b) => b.gzip - a.gzip)) {
  console.log(
    `  ${b.file.padEnd(44)} ${b.role.padEnd(12)} ${kB(b.raw).toFixed(1).padStart(8)} ${kB(b.gzip).toFixed(1).padStart(9)}`,
  );
  records.push({ id: "B6", size: b.file, method: b.role, gzip_kB: kB(b.gzip), raw_kB: kB(b.raw) });
}
console.log(
  `  main-thread JS total: ${kB(mainGzip).toFixed(1)} kB gzip (budget 400 kB, ratio ${(mainGzip / 400e3).toFixed(2)})`,
);
records.push({
  id: "B6",
  size: "main-thread total",
  method: "gzip",
  gzip_kB: kB(mainGzip),
  budget_kB: 400,
  ratio: mainGzip / 400e3,
});
const dataBytes = (dir) =>
  readdirSync(dir).reduce((s, f) => {
    const p = join(dir, f);
    return s + (statSync(p).isDirectory() ? dataBytes(p) : statSync(p).size);
  }, 0);
console.log(
  `  generated data served: ${(dataBytes("dist/generated") / 1e6).toFixed(1)} MB (loaded on demand)`,
);

// B7 + heap: headless Chromium against vite preview.
const port = 4199;
const server = spawn(
  node,
  ["node_modules/vite/bin/vite.js", "preview", "--port", String(port), "--strictPort"],
  {
    stdio: "ignore",
  },
);
const url = `http://localhost:${port}/?e2e`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic", "--enable-precise-memory-info"],
});
const loads = [];
const idles = [];
const heaps = [];
try {
  // One untimed warm-up run (disk cache of the OS, Chromium start-up).
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__pilotkarte?.timings().firstIdleMs != null, null, {
      timeout: 60_000,
    });
    const t = await page.evaluate(() => window.__pilotkarte?.timings());
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
    if (i > 0) {
      loads.push(t.loadMs);
      idles.push(t.firstIdleMs);
      heaps.push(heap / 1e6);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(
  `\nB7 first render (headless Chromium, software WebGL, real Dortmund data, ${runs} runs after 1 warm-up)`,
);
const row = (label, xs, budget, unit) => {
  const m = median(xs);
  console.log(
    `  ${label.padEnd(26)} median ${m.toFixed(0).padStart(6)} ${unit}   p95 ${p95(xs).toFixed(0).padStart(6)} ${unit}   budget ${budget} ${unit}   ratio ${(m / budget).toFixed(2)}`,
  );
  return m;
};
const loadMedian = row("map load (from navigation)", loads, 1000, "ms");
const idleMedian = row("first idle", idles, 2000, "ms");
const heapMedian = row("JS heap once idle", heaps, 150, "MB");
records.push(
  {
    id: "B7",
    size: "dortmund",
    method: "map load",
    median_ms: loadMedian,
    p95_ms: p95(loads),
    budget_ms: 1000,
    ratio: loadMedian / 1000,
  },
  {
    id: "B7",
    size: "dortmund",
    method: "first idle",
    median_ms: idleMedian,
    p95_ms: p95(idles),
    budget_ms: 2000,
    ratio: idleMedian / 2000,
  },
  {
    id: "heap",
    size: "dortmund",
    method: "JS heap used after GC",
    median_MB: heapMedian,
    budget_MB: 150,
    ratio: heapMedian / 150,
  },
);

mkdirSync("bench/results", { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = { date: new Date().toISOString(), node: process.version, runs, records };
writeFileSync(`bench/results/bench-${stamp}.json`, JSON.stringify(out, null, 1));
writeFileSync("bench/results/latest.json", JSON.stringify(out, null, 1));
console.log(`\nResults written to bench/results/latest.json (and bench-${stamp}.json)`);
if (!existsSync("bench/results/latest.json")) process.exit(1);
