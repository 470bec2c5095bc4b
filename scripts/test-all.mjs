#!/usr/bin/env node
/**
 * The whole test suite (`npm test`): data step, typecheck, lint and import boundaries, unit tests,
 * production build, browser tests in Debian's Chromium. Ends with one line "N passed, N failed" that
 * counts every test and every check; exits 1 if anything failed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const results = { passed: 0, failed: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = child.status === 0;
  console.log(
    `━━ ${label}: ${ok ? "ok" : `FAILED (exit ${child.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(label);
  }
}

const node = process.execPath;

// 0. Debian packages the tests use: Chromium for the browser tests (never a downloaded browser
// build), GDAL's ogrinfo for the export checks, poppler's pdftotext for the one-pager PDF. On a fresh
// machine, install the missing ones when we may (root), otherwise say how.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const onPath = (tool) => spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status === 0;
const missing = [
  ...(existsSync(chromiumPath) ? [] : ["chromium"]),
  ...(onPath("ogrinfo") ? [] : ["gdal-bin"]),
  ...(onPath("pdftotext") ? [] : ["poppler-utils"]),
];
if (missing.length > 0) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log(
      `Debian-Pakete fehlen, installiere / missing Debian packages, installing: ${missing.join(" ")}`,
    );
    run("apt-get update", "apt-get", ["update", "-qq"]);
    run("install packages", "apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
      DEBIAN_FRONTEND: "noninteractive",
    });
  } else {
    console.error(`Missing Debian packages: run "sudo apt-get install ${missing.join(" ")}".`);
  }
}

// 1. Data: without it nothing else can run.
if (!run("data step", node, ["node_modules/tsx/dist/cli.mjs", "data/build-data.ts"])) {
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

// 2. Static checks, each counted as one check.
check("typecheck", node, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--noEmit"]);
check("lint", node, ["node_modules/@biomejs/biome/bin/biome", "check", "."]);
check("import boundaries", node, ["scripts/check-boundaries.mjs"]);

// 3. Unit tests (Vitest, node), counted per test from the JSON report.
const vitestReport = ".vitest-results.json";
rmSync(vitestReport, { force: true });
run("unit tests", node, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--project",
  "unit",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  results.passed += report.numPassedTests ?? 0;
  results.failed += (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numFailedTests ?? 0) > 0) failures.push(`unit tests (${report.numFailedTests} failed)`);
  if (report.numTotalTestSuites > 0 && report.success === false && (report.numFailedTests ?? 0) === 0) {
    results.failed += 1;
    failures.push("unit tests (a test file failed to run)");
  }
} else {
  results.failed += 1;
  failures.push("unit tests (no report)");
}

// 4. Production build, then browser tests against it.
if (!run("build", node, ["node_modules/vite/bin/vite.js", "build"])) {
  results.failed += 1;
  failures.push("build");
} else {
  results.passed += 1;
  const e2eReport = "test-results/e2e-report.json";
  rmSync(e2eReport, { force: true });
  run("browser tests", node, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, "utf8")).stats ?? {};
    results.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    results.failed += (stats.unexpected ?? 0) + (stats.skipped ?? 0);
    if ((stats.unexpected ?? 0) > 0) failures.push(`browser tests (${stats.unexpected} failed)`);
  } else {
    results.failed += 1;
    failures.push("browser tests (no report)");
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join("; ")}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
