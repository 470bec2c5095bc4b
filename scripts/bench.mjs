#!/usr/bin/env node
/**
 * `npm run bench`: loading benchmarks on the production build and the real Dortmund data.
 *  - B6 bundle: gzip size of each JS file; main-thread JS (entry and what it imports) against 400 kB.
 *  - B7 first render: map load and first idle in headless Chromium (median of runs) against 2 s, and
 *    the main-thread JS of the first load as the browser saw it: the scripts the page fetched up to
 *    the first idle (entry, its imports and the lazy chunks the first screen loads; not the workers'),
 *    gzip -9 like B6, and the main thread's JavaScript execution time up to then (CDP ScriptDuration).
 *    The first idle is also the first full render of the offline city map (the default basemap, every
 *    tile of the opening view drawn), and a jump to zoom 15 at Phoenix-See times one more basemap render.
 *  - B4 editing: besides the per-step times, the longest task while editing (and its JavaScript part).
 *  - Basemap: bytes and count of the city map's tiles in the service worker's precache.
 *  - Heap: JS heap used once idle (after a forced GC) against 150 MB.
 * Figures, not assertions: the script reports and writes bench/results/*.json; it fails only if it
 * cannot measure. Options: --runs N (default 5), --no-build, --no-analysis, --no-variant,
 * --no-exchange, --only-load
 * (just B6 and B7, printed, nothing written: a quick check of the first load). The analysis engine's own
 * benchmark (B1-B5 against naive Turf) writes bench/results/analysis-latest.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { analyseTasks, summariseTasks, timeStampOf } from "./long-tasks.mjs";

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

// Basemap: what the offline city map adds to the service worker's precache (data/pipeline/basemap-osm.ts).
const precacheUrls = [...readFileSync("dist/sw.js", "utf8").matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
const precacheBytes = (filter) =>
  precacheUrls
    .filter(filter)
    .reduce((sum, u) => sum + (existsSync(join("dist", u)) ? statSync(join("dist", u)).size : 0), 0);
const basemapUrls = precacheUrls.filter((u) => u.startsWith("generated/basemap/"));
const basemapBytes = precacheBytes((u) => u.startsWith("generated/basemap/"));
const allPrecached = precacheBytes(() => true);
console.log(
  `  basemap tiles in the precache: ${basemapUrls.length} tiles, ${(basemapBytes / 1e6).toFixed(1)} MB ` +
    `of ${(allPrecached / 1e6).toFixed(1)} MB precached in all`,
);
records.push({
  id: "basemap",
  size: "precache",
  method: "city map tiles",
  tiles: basemapUrls.length,
  MB: basemapBytes / 1e6,
  precache_total_MB: allPrecached / 1e6,
});

// B7 + heap: headless Chromium against vite preview, on BENCH_PORT or else a port free right now
// (never a fixed one: a server already on it would answer the readiness check and be measured instead).
const port = process.env.BENCH_PORT
  ? Number(process.env.BENCH_PORT)
  : await new Promise((resolve, reject) => {
      const probe = createServer();
      probe.on("error", reject);
      probe.listen(0, () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
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
/** Per run: gzip kB of the scripts the page fetched up to the first idle, and their count. */
const firstLoadJs = [];
/** Per run: the main thread's JavaScript execution time up to the first idle (ms). */
const firstLoadScriptMs = [];
const gzipOfServed = new Map();
/** gzip -9 size of a file the preview server serves from dist (cached). */
const servedGzip = (pathname) => {
  if (!gzipOfServed.has(pathname)) {
    const path = join("dist", decodeURIComponent(pathname));
    gzipOfServed.set(pathname, existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0);
  }
  return gzipOfServed.get(pathname);
};
const basemapZoomRenders = [];
let editRecords = [];

/**
 * Editing with 200 pilot areas in the variant (seeded, 10-200 vertices, clustered like hand-drawn
 * candidates): main-thread time of one vertex drag step and of one undo, from Chromium's cumulative
 * TaskDuration around each step, after waiting for the frame to settle. The baseline is the same
 * measurement around a step that does nothing, so the ratio shows what the edit itself costs. The
 * autosave row is the main-thread part of each write after an edit (budget 5 ms p95).
 */
async function benchEditing(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__pilotkarte?.timings().firstIdleMs != null, null, {
    timeout: 60_000,
  });
  await page.waitForFunction(() => window.__pilotkarte?.referenceStore.getState().status === "ready", null, {
    timeout: 60_000,
  });
  const target = await page.evaluate(() => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) % 4294967296;
      return seed / 4294967296;
    };
    const now = new Date().toISOString();
    const store = window.__pilotkarte.documentStore;
    const state = store.getState();
    const plan = structuredClone(state.plan);
    const variant = plan.variants[state.activeVariantId];
    const centres = Array.from({ length: 12 }, () => [7.35 + random() * 0.25, 51.44 + random() * 0.13]);
    for (let i = 0; i < 200; i++) {
      const [cx, cy] = centres[i % centres.length];
      const x = cx + (random() - 0.5) * 0.02;
      const y = cy + (random() - 0.5) * 0.012;
      const n = 10 + Math.floor(random() * 190);
      const r = 0.002 + random() * 0.006;
      const ring = [];
      for (let k = 0; k < n; k++) {
        const angle = (k / n) * Math.PI * 2;
        const rr = r * (0.7 + 0.3 * Math.sin(angle * 3 + i) * (i % 2 ? 1 : 0.3));
        ring.push([x + rr * Math.cos(angle) * 1.6, y + rr * Math.sin(angle)]);
      }
      ring.push(ring[0]);
      const id = `bench-${i}`;
      variant.areaOrder.push(id);
      variant.areas[id] = {
        id,
        name: `Gebiet ${i + 1}`,
        fields: ["energie"],
        partners: [],
        status: "idee",
        notes: "",
        colour: "#0072b2",
        createdAt: now,
        updatedAt: now,
        geometry: { type: "Polygon", coordinates: [ring] },
        origin: { kind: "drawn", tool: "polygon" },
      };
    }
    store.getState().loadPlan(plan, state.activeVariantId);
    const area = variant.areas["bench-0"];
    window.__pilotkarte.sessionStore.getState().setTool("select");
    window.__pilotkarte.sessionStore.getState().selectPilotArea("bench-0");
    const vertex = area.geometry.coordinates[0][0];
    window.__pilotkarte.map.jumpTo({ center: vertex, zoom: 15 });
    return vertex;
  });
  await page.waitForFunction(
    () => window.__pilotkarte.sessionStore.getState().editingAreaId === "bench-0",
    null,
    {
      timeout: 30_000,
    },
  );
  await page.waitForFunction(
    () => window.__pilotkarte.map.loaded() && window.__pilotkarte.map.areTilesLoaded(),
    null,
    {
      timeout: 30_000,
    },
  );
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskMs = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
  };
  const settle = () =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  const measure = async (action) => {
    const t0 = await taskMs();
    await action();
    await settle();
    return (await taskMs()) - t0;
  };
  const start = await page.evaluate((v) => {
    const map = window.__pilotkarte.map;
    const p = map.project(v);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, target);
  const baseline = [];
  for (let i = 0; i < 30; i++) baseline.push(await measure(async () => {}));
  const repaint = [];
  for (let i = 0; i < 20; i++)
    repaint.push(await measure(() => page.evaluate(() => window.__pilotkarte.map.triggerRepaint())));
  // Time spent in the pointer handlers themselves (terra-draw, snapping, MapLibre's handlers), per move.
  await page.evaluate(() => {
    const times = [];
    let t0 = 0;
    window.addEventListener(
      "pointermove",
      () => {
        t0 = performance.now();
      },
      { capture: true },
    );
    window.addEventListener("pointermove", () => {
      times.push(performance.now() - t0);
    });
    window.__benchHandlerTimes = times;
  });
  // From here on, each write of the autosave is one edit (the release, then each undo and redo).
  await page.evaluate(() => performance.clearMeasures("pilotkarte:autosave"));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const drag = [];
  const profile = process.env.BENCH_PROFILE;
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  for (let i = 1; i <= 40; i++) {
    drag.push(await measure(() => page.mouse.move(start.x + i * 3, start.y + i * 2)));
  }
  const { profile: cpu } = await cdp.send("Profiler.stop");
  if (profile) writeFileSync(profile, JSON.stringify(cpu));
  // JavaScript time during the drag: every sample not in native code "(program)", "(idle)" or GC.
  const nodes = new Map(cpu.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let jsMicros = 0;
  cpu.samples.forEach((id, i) => {
    const name = nodes.get(id);
    if (name !== "(program)" && name !== "(idle)" && name !== "(garbage collector)")
      jsMicros += cpu.timeDeltas[i] ?? 0;
  });
  const jsPerStep = jsMicros / 1000 / 40;
  await page.mouse.up();
  await settle();
  const handler = await page.evaluate(() => window.__benchHandlerTimes.slice());
  const moved = await page.evaluate((v) => {
    const s = window.__pilotkarte.documentStore.getState();
    const first = s.plan.variants[s.activeVariantId].areas["bench-0"].geometry.coordinates[0][0];
    return first[0] !== v[0] || first[1] !== v[1];
  }, target);
  if (!moved) console.log("  (warning: the drag did not move the vertex; the figures are not a vertex drag)");
  const undo = [];
  for (let i = 0; i < 20; i++) {
    undo.push(
      await measure(() =>
        page.evaluate(
          (redo) => {
            const s = window.__pilotkarte.documentStore.getState();
            if (redo) s.redo();
            else s.undo();
          },
          i % 2 === 1,
        ),
      ),
    );
  }
  // 40 attribute edits more (each one write; the figures do not change), for a steadier p95.
  for (let i = 0; i < 40; i++) {
    await page.evaluate((n) => {
      const s = window.__pilotkarte.documentStore.getState();
      s.transact({
        label: "bench",
        changes: [
          {
            type: "area/patch",
            variantId: s.activeVariantId,
            areaId: "bench-1",
            patch: { notes: `Notiz ${n}` },
          },
        ],
      });
    }, i);
    await settle();
  }
  // Main-thread part of each autosave write (the diff and IndexedDB copying the rows), as the app
  // measures it (User Timing "pilotkarte:autosave", PlanRepository.writeAtOnce).
  const autosave = await page.evaluate(() =>
    performance.getEntriesByName("pilotkarte:autosave").map((entry) => entry.duration),
  );
  const areaCount = await page.evaluate(() => {
    const s = window.__pilotkarte.documentStore.getState();
    return s.plan.variants[s.activeVariantId].areaOrder.length;
  });
  const longTasks = await traceEditingSession(browser, page, cdp, start, settle);
  await context.close();
  const base = median(baseline);
  console.log(
    `\nB4 editing in the browser (${areaCount} areas in the variant; main-thread task time per step)`,
  );
  const rows = [
    ["baseline (empty step)", baseline, null],
    ["one map frame (repaint)", repaint, null],
    ["vertex drag step", drag, 8],
    ["  of it: pointer handlers", handler, null],
    ["undo / redo", undo, null],
    [`autosave of one edit (${autosave.length} writes)`, autosave, 5],
  ];
  const records = [];
  for (const [label, xs, budget] of rows) {
    if (label === "  of it: pointer handlers") {
      console.log(
        `    of it: JavaScript        mean ${jsPerStep.toFixed(2).padStart(7)} ms per step (CPU profile; the rest is software WebGL drawing)`,
      );
      records.push({
        id: "B4-browser",
        size: `${areaCount} areas`,
        method: "drag step JavaScript (mean)",
        median_ms: jsPerStep,
        budget_p95_ms: 8,
      });
    }
    const m = median(xs);
    console.log(
      `  ${label.padEnd(24)} median ${m.toFixed(2).padStart(7)} ms   p95 ${p95(xs).toFixed(2).padStart(7)} ms` +
        (budget ? `   budget p95 ${budget} ms` : "") +
        `   ratio to baseline ${(m / base).toFixed(1)}`,
    );
    records.push({
      id: "B4-browser",
      size: `${areaCount} areas`,
      method: label,
      median_ms: m,
      p95_ms: p95(xs),
      ratio: m / base,
      ...(budget ? { budget_p95_ms: budget } : {}),
    });
  }
  console.log(
    "\n  Long tasks while editing (drag, release with recomputation, undo/redo; Chromium trace + CPU profile)",
  );
  console.log("  kind             tasks   longest   longest JS part   tasks > 50 ms   JS part > 50 ms");
  for (const k of longTasks) {
    console.log(
      `  ${k.kind.padEnd(15)} ${String(k.count).padStart(6)} ${k.maxMs.toFixed(1).padStart(8)} ms ${k.maxJsMs.toFixed(1).padStart(11)} ms ${String(k.over50).padStart(15)} ${String(k.jsOver50).padStart(17)}`,
    );
    records.push({
      id: "B4-long-tasks",
      size: `${areaCount} areas`,
      method: k.kind,
      count: k.count,
      max_ms: k.maxMs,
      max_js_ms: k.maxJsMs,
      over_50: k.over50,
      js_over_50: k.jsOver50,
      budget_ms: 50,
    });
  }
  const worstJs = Math.max(0, ...longTasks.map((k) => k.maxJsMs));
  const worstNonFrame = Math.max(
    0,
    ...longTasks.filter((k) => k.kind !== "frame" && k.kind !== "ipc (DevTools)").map((k) => k.maxMs),
  );
  console.log(
    `  longest JavaScript in one task: ${worstJs.toFixed(1)} ms (budget 50 ms, ratio ${(worstJs / 50).toFixed(2)}); longest task that is neither a frame nor DevTools traffic: ${worstNonFrame.toFixed(1)} ms (ratio ${(worstNonFrame / 50).toFixed(2)})`,
  );
  console.log("  (a map frame's own length is software WebGL here: compare 'one map frame (repaint)' above)");
  records.push({
    id: "B4-long-tasks",
    size: `${areaCount} areas`,
    method: "longest task while editing (neither a frame nor DevTools traffic)",
    max_ms: worstNonFrame,
    max_js_ms: worstJs,
    budget_ms: 50,
    ratio: Math.max(worstNonFrame, worstJs) / 50,
  });
  return records;
}

/**
 * An editing session under a trace: drag another vertex for 40 steps, release (the worker recomputes
 * and the panel updates), wait for the new figures, then 10 undo/redo steps with their recomputations.
 * Returns the long-task summary per kind (see scripts/long-tasks.mjs).
 */
async function traceEditingSession(browser, page, cdp, start, settle) {
  const computedAt = () =>
    page.evaluate(() => window.__pilotkarte.analysisStore?.getState().computedAt ?? null);
  const waitForFigures = async (before) => {
    // The analysis store is not on the test hook everywhere: fall back to a fixed settle.
    if (before === null) return page.waitForTimeout(1500);
    await page
      .waitForFunction((b) => window.__pilotkarte.analysisStore.getState().computedAt !== b, before, {
        timeout: 15_000,
      })
      .catch(() => {});
    await settle();
  };
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute"],
  });
  await cdp.send("Profiler.start");
  let before = await computedAt();
  await page.mouse.move(start.x + 120, start.y + 80);
  await page.mouse.move(start.x + 120, start.y + 80);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(start.x - i * 2, start.y + i * 3);
    await settle();
  }
  await page.mouse.up();
  await waitForFigures(before);
  for (let i = 0; i < 10; i++) {
    before = await computedAt();
    await page.evaluate(
      (redo) => {
        const s = window.__pilotkarte.documentStore.getState();
        if (redo) s.redo();
        else s.undo();
      },
      i % 2 === 1,
    );
    await waitForFigures(before);
  }
  const { profile } = await cdp.send("Profiler.stop");
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
  if (process.env.BENCH_LONG_TASKS_DUMP) {
    writeFileSync(`${process.env.BENCH_LONG_TASKS_DUMP}.profile.json`, JSON.stringify(profile));
    writeFileSync(`${process.env.BENCH_LONG_TASKS_DUMP}.trace.json`, JSON.stringify(trace));
  }
  const tasks = analyseTasks(trace.traceEvents ?? trace, profile);
  if (process.env.BENCH_LONG_TASKS) {
    for (const t of [...tasks].sort((a, b) => b.jsMs - a.jsMs).slice(0, 8))
      console.log(
        `  [${t.kind} ${t.detail}] ${t.ms.toFixed(1)} ms, JS ${t.jsMs.toFixed(1)} ms: ${t.hot.join("; ")}`,
      );
  }
  return summariseTasks(tasks);
}

/**
 * A seeded GeoJSON of star-shaped (simple) areas of 1,000 vertices in Dortmund, on disk: about `mb` MB,
 * or exactly `areas` areas.
 */
function writeImportFile({ mb = Infinity, areas = Infinity }) {
  let a = 7;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const parts = [];
  let bytes = 0;
  while (bytes < mb * 1024 * 1024 && parts.length < areas) {
    const lon0 = 7.35 + random() * 0.25;
    const lat0 = 51.42 + random() * 0.16;
    const radius = 300 + random() * 1500;
    const ring = [];
    for (let i = 0; i < 1000; i++) {
      const angle = (i / 1000) * 2 * Math.PI;
      const d = radius * (0.6 + 0.4 * random());
      ring.push([
        Math.round((lon0 + (d * Math.cos(angle)) / (111_320 * Math.cos((lat0 * Math.PI) / 180))) * 1e7) / 1e7,
        Math.round((lat0 + (d * Math.sin(angle)) / 111_320) * 1e7) / 1e7,
      ]);
    }
    ring.push(ring[0]);
    const json = JSON.stringify({
      type: "Feature",
      properties: { name: `Gebiet ${parts.length + 1}` },
      geometry: { type: "Polygon", coordinates: [ring] },
    });
    parts.push(json);
    bytes += json.length + 1;
  }
  const path = join(
    tmpdir(),
    `pilotkarte-bench-import-${Number.isFinite(areas) ? `${areas}areas` : `${mb}mb`}.geojson`,
  );
  writeFileSync(path, `{"type":"FeatureCollection","features":[${parts.join(",")}]}`);
  return { path, bytes: statSync(path).size, areas: parts.length };
}

/**
 * One import through the real dialog, traced from choosing the file to the result on the map: the
 * time to the preview, the time to the end (the overlay's source loaded, or the pilot areas in the
 * plan and their analysis done), and the long main-thread tasks throughout.
 */
async function benchImportRuns(browser, file, target, label) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__pilotkarte?.timings().firstIdleMs != null, null, {
    timeout: 60_000,
  });
  const cdp = await context.newCDPSession(page);
  const previews = [];
  const totals = [];
  let tasks = [];
  let previewAt = null;
  for (let run = 0; run < 2; run++) {
    // Each run starts from an empty plan without overlays.
    await page.evaluate(() => {
      const p = window.__pilotkarte;
      for (const o of p.overlayStore.getState().overlays) p.overlayStore.getState().remove(o.id);
      const state = p.documentStore.getState();
      const variant = state.plan.variants[state.activeVariantId] ?? Object.values(state.plan.variants)[0];
      const ids = variant.areaOrder;
      if (ids.length > 0)
        state.transact({
          label: "bench reset",
          changes: ids.map((areaId) => ({ type: "area/delete", variantId: variant.id, areaId })),
        });
    });
    await page.waitForTimeout(1000);
    await page
      .getByRole("button", { name: /^(Importieren|Import)/ })
      .first()
      .click();
    const input = page.getByTestId("import-file");
    await input.waitFor({ state: "attached", timeout: 20_000 });
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute"],
    });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
    const started = Date.now();
    await input.setInputFiles(file.path);
    await page.getByTestId("import-preview").waitFor({ state: "visible", timeout: 300_000 });
    previews.push(Date.now() - started);
    // Marks the end of reading (the preview is up) in the trace; the confirmation follows.
    await page.evaluate(() => console.timeStamp("pilotkarte-preview"));
    await page.locator(`input[name="import-target"][value="${target}"]`).check();
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-dialog").waitFor({ state: "hidden", timeout: 300_000 });
    if (target === "overlay") {
      await page.waitForFunction(
        () => {
          const p = window.__pilotkarte;
          const overlay = p.overlayStore.getState().overlays[0];
          return overlay && p.map.isSourceLoaded(`imported-${overlay.id}`);
        },
        null,
        { timeout: 300_000, polling: 50 },
      );
    } else {
      await page.waitForFunction(
        (count) => {
          const p = window.__pilotkarte;
          const state = p.documentStore.getState();
          const variant = state.plan.variants[state.activeVariantId];
          const analysis = p.analysisStore.getState();
          return (
            variant.areaOrder.length === count &&
            analysis.status === "ready" &&
            variant.areaOrder.every((id) => analysis.byArea[id]?.geometry === variant.areas[id].geometry)
          );
        },
        file.areas,
        { timeout: 300_000, polling: 50 },
      );
    }
    totals.push(Date.now() - started);
    await page.waitForTimeout(300);
    const { profile } = await cdp.send("Profiler.stop");
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
    const events = trace.traceEvents ?? trace;
    tasks = analyseTasks(events, profile);
    previewAt = timeStampOf(events, "pilotkarte-preview");
  }
  await context.close();
  if (process.env.BENCH_LONG_TASKS) {
    for (const t of [...tasks].sort((a, b) => b.jsMs - a.jsMs).slice(0, 8))
      console.log(
        `  [${t.kind} ${t.detail}] ${t.ms.toFixed(1)} ms, JS ${t.jsMs.toFixed(1)} ms: ${t.hot.join("; ")}`,
      );
  }
  // Frames are MapLibre drawing with software WebGL on this GPU-less machine (see the editing bench).
  const longest = (list) => {
    const counted = list.filter((t) => t.kind !== "frame" && t.kind !== "ipc (DevTools)");
    return {
      ms: counted.reduce((m, t) => Math.max(m, t.ms), 0),
      jsMs: list.reduce((m, t) => Math.max(m, t.jsMs), 0),
    };
  };
  const reading = longest(tasks.filter((t) => previewAt !== null && t.ts < previewAt));
  const adding = longest(tasks.filter((t) => previewAt === null || t.ts >= previewAt));
  const summary = summariseTasks(tasks);
  const worst = Math.max(reading.ms, adding.ms);
  const worstJs = Math.max(reading.jsMs, adding.jsMs);
  console.log(`\n${label}`);
  console.log(
    `  file chosen → preview: ${previews.map((t) => `${(t / 1000).toFixed(1)} s`).join(", ")}; → done: ${totals.map((t) => `${(t / 1000).toFixed(1)} s`).join(", ")} (2 runs)`,
  );
  console.log(
    `  longest main-thread task (not a drawing frame) up to the preview: ${reading.ms.toFixed(1)} ms, longest JavaScript ${reading.jsMs.toFixed(1)} ms (budget 50 ms, ratio ${(Math.max(reading.ms, reading.jsMs) / 50).toFixed(2)})`,
  );
  console.log(
    `  … from confirming to done: ${adding.ms.toFixed(1)} ms, longest JavaScript ${adding.jsMs.toFixed(1)} ms (budget 50 ms, ratio ${(Math.max(adding.ms, adding.jsMs) / 50).toFixed(2)})`,
  );
  for (const k of summary)
    console.log(
      `    ${k.kind.padEnd(15)} ${String(k.count).padStart(6)} tasks, longest ${k.maxMs.toFixed(1)} ms (JS ${k.maxJsMs.toFixed(1)} ms), over 50 ms: ${k.over50}`,
    );
  return {
    size: `${(file.bytes / 1024 / 1024).toFixed(1)} MB, ${file.areas} areas`,
    preview_ms: median(previews),
    median_ms: median(totals),
    longest_task_ms: worst,
    longest_task_js_ms: worstJs,
    longest_task_to_preview_ms: reading.ms,
    longest_task_js_to_preview_ms: reading.jsMs,
    longest_task_after_confirm_ms: adding.ms,
    longest_task_js_after_confirm_ms: adding.jsMs,
    budget_task_ms: 50,
  };
}

/** Imports through the real dialog: a 50 MB GeoJSON as a layer, and 300 large areas as pilot areas. */
async function benchImport(browser) {
  const big = writeImportFile({ mb: 50 });
  const overlay = await benchImportRuns(
    browser,
    big,
    "overlay",
    `Import of a ${(big.bytes / 1024 / 1024).toFixed(1)} MB GeoJSON (${big.areas} areas of 1,000 vertices) in the app as a layer, file chosen → layer loaded on the map`,
  );
  const some = writeImportFile({ areas: 300 });
  const areas = await benchImportRuns(
    browser,
    some,
    "areas",
    `Import of ${some.areas} areas of 1,000 vertices (${(some.bytes / 1024 / 1024).toFixed(1)} MB) as pilot areas, file chosen → areas in the plan and analysed`,
  );
  // A real reference layer, as a planner would bring updated official boundaries: the 170
  // Unterbezirke the data step wrote (from ../shared/data).
  const realPath = "public/generated/districts-unterbezirk.geojson";
  const real = {
    path: realPath,
    bytes: statSync(realPath).size,
    areas: JSON.parse(readFileSync(realPath, "utf8")).features.length,
  };
  const official = await benchImportRuns(
    browser,
    real,
    "overlay",
    `Import of the ${real.areas} official Unterbezirke (${(real.bytes / 1024 / 1024).toFixed(1)} MB, real boundaries) as a layer, file chosen → layer loaded on the map`,
  );
  return [
    { id: "import-browser", method: "50 MB GeoJSON as a layer", ...overlay },
    { id: "import-browser", method: "official Unterbezirke as a layer", ...official },
    { id: "import-browser", method: "300 areas as pilot areas", ...areas },
  ];
}

// `--only-import`: just the two browser imports (a quick check while working on the import).
const onlyImport = args.includes("--only-import");
const onlyLoad = args.includes("--only-load");
if (onlyImport) {
  try {
    const importRecords = await benchImport(browser);
    console.log(JSON.stringify(importRecords, null, 1));
  } finally {
    await browser.close();
    server.kill();
  }
  process.exit(0);
}

try {
  // One untimed warm-up run (disk cache of the OS, Chromium start-up).
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // Enabled before the navigation, so ScriptDuration counts the whole first load.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(url);
    await page.waitForFunction(() => window.__pilotkarte?.timings().firstIdleMs != null, null, {
      timeout: 60_000,
    });
    const t = await page.evaluate(() => window.__pilotkarte?.timings());
    const { metrics: atIdle } = await cdp.send("Performance.getMetrics");
    const scriptMs = (atIdle.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN) * 1000;
    // The page's own resource timeline: a worker's fetches are in the worker's, so not counted here.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin && /\.m?js$/.test(u.pathname))
        .map((u) => u.pathname),
    );
    const workerFiles = new Set(bundle.filter((b) => b.role === "worker").map((b) => `/assets/${b.file}`));
    const mainScripts = [...new Set(scripts)].filter((p) => !workerFiles.has(p));
    const jsGzip = mainScripts.reduce((sum, p) => sum + servedGzip(p), 0);
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
    // One more full basemap render: a jump to zoom 15 at Phoenix-See until every tile is drawn.
    const zoomMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const map = window.__pilotkarte.map;
          const started = performance.now();
          map.once("idle", () => resolve(performance.now() - started));
          map.jumpTo({ center: [7.513, 51.488], zoom: 15 });
        }),
    );
    if (i > 0) {
      loads.push(t.loadMs);
      idles.push(t.firstIdleMs);
      heaps.push(heap / 1e6);
      firstLoadJs.push({ kB: kB(jsGzip), files: mainScripts.length });
      firstLoadScriptMs.push(scriptMs);
      basemapZoomRenders.push(zoomMs);
    }
    await context.close();
  }
  if (!onlyLoad) editRecords = await benchEditing(browser);
  if (!onlyLoad && !args.includes("--no-exchange")) editRecords.push(...(await benchImport(browser)));
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
const firstLoadKb = median(firstLoadJs.map((r) => r.kB));
const firstLoadFiles = median(firstLoadJs.map((r) => r.files));
console.log(
  `  main-thread JS at first load: ${firstLoadKb.toFixed(1)} kB gzip in ${firstLoadFiles} scripts fetched up to the first idle (budget 400 kB, ratio ${(firstLoadKb / 400).toFixed(2)}; B6 counts ${kB(mainGzip).toFixed(1)} kB without the lazy chunks)`,
);
const scriptMedian = median(firstLoadScriptMs);
console.log(
  `  main-thread JS execution up to the first idle: median ${scriptMedian.toFixed(0)} ms   p95 ${p95(firstLoadScriptMs).toFixed(0)} ms (no budget of its own: part of the 2 s to idle)`,
);
const zoomMedian = row("basemap at zoom 15", basemapZoomRenders, 1000, "ms");
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
    id: "B7",
    size: "dortmund",
    method: "main-thread JS fetched up to first idle",
    gzip_kB: firstLoadKb,
    files: firstLoadFiles,
    budget_kB: 400,
    ratio: firstLoadKb / 400,
  },
  {
    id: "B7",
    size: "dortmund",
    method: "main-thread JS execution up to first idle (ScriptDuration)",
    median_ms: scriptMedian,
    p95_ms: p95(firstLoadScriptMs),
  },
  {
    id: "B7",
    size: "phoenix-see zoom 15",
    method: "city map render (jump to idle)",
    median_ms: zoomMedian,
    p95_ms: p95(basemapZoomRenders),
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

records.push(...editRecords);
if (onlyLoad) {
  console.log("\n--only-load: nothing written");
  process.exit(0);
}

// B1-B5: the analysis engine against naive Turf, in its own process (about 3 minutes).
if (!args.includes("--no-analysis")) {
  console.log("\nAnalysis engine (bench/analysis/analysis.bench.ts)");
  const analysis = spawnSync(node, ["node_modules/tsx/dist/cli.mjs", "bench/analysis/analysis.bench.ts"], {
    stdio: "inherit",
  });
  if (analysis.status !== 0)
    console.log("  analysis benchmark reported a wrong answer or failed (see above)");
}
// B4v: a variant's figures after one edit, full recompute against the incremental one (own process),
// merged into this file's records with the load average of that run.
if (!args.includes("--no-variant")) {
  console.log("\nVariant refresh after one edit (bench/analysis/variant-refresh.bench.ts)");
  const variant = spawnSync(
    node,
    ["node_modules/tsx/dist/cli.mjs", "bench/analysis/variant-refresh.bench.ts"],
    {
      stdio: "inherit",
    },
  );
  if (variant.status !== 0)
    console.log("  variant refresh benchmark reported a wrong answer or failed (see above)");
  else {
    const result = JSON.parse(readFileSync("bench/results/variant-refresh-latest.json", "utf8"));
    for (const r of result.records) records.push({ ...r, loadavg: result.loadavg });
  }
}
// Exchange: import of a 50 MB GeoJSON and export of a 200-area variant to every format (own process).
if (!args.includes("--no-exchange")) {
  console.log("\nExchange formats (bench/exchange/exchange.bench.ts)");
  const exchange = spawnSync(node, ["node_modules/tsx/dist/cli.mjs", "bench/exchange/exchange.bench.ts"], {
    stdio: "inherit",
  });
  if (exchange.status !== 0) console.log("  exchange benchmark failed (see above)");
}
mkdirSync("bench/results", { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = { date: new Date().toISOString(), node: process.version, runs, records };
writeFileSync(`bench/results/bench-${stamp}.json`, JSON.stringify(out, null, 1));
writeFileSync("bench/results/latest.json", JSON.stringify(out, null, 1));
console.log(`\nResults written to bench/results/latest.json (and bench-${stamp}.json)`);
if (!existsSync("bench/results/latest.json")) process.exit(1);
