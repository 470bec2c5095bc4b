/**
 * The whole test suite (`npm test`): data step, typecheck, lint and import boundaries, unit tests,
 * production build, browser tests in Debian's Chromium. Ends with one line "N passed, N failed" that
 * counts every test and every check; exits 1 if anything failed. How stages are judged (a stage that
 * exits non-zero or runs no test fails) is in scripts/test-suite.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findFreePort, runSuite, type Stage } from "./test-suite.ts";

const node = process.execPath;

// 0. Debian packages the tests use: Chromium for the browser tests (never a downloaded browser
// build), GDAL's ogrinfo for the export checks, poppler's pdftotext for the one-pager PDF. On a fresh
// machine, install the missing ones when we may (root), otherwise say how.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const onPath = (tool: string) =>
  spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status === 0;
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
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.error(`Missing Debian packages: run "sudo apt-get install ${missing.join(" ")}".`);
  }
}

const dist = process.env.PW_DIST ?? "dist";

const stages: Stage[] = [
  // 1. Data: without it nothing else can run.
  {
    label: "data step",
    kind: "check",
    command: node,
    args: ["node_modules/tsx/dist/cli.mjs", "data/build-data.ts"],
    stopOnFailure: true,
  },
  // 2. Static checks, each counted as one check.
  {
    label: "typecheck",
    kind: "check",
    command: node,
    args: ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--noEmit"],
  },
  {
    label: "lint",
    kind: "check",
    command: node,
    args: ["node_modules/@biomejs/biome/bin/biome", "check", "."],
  },
  { label: "import boundaries", kind: "check", command: node, args: ["scripts/check-boundaries.mjs"] },
  // 3. Unit tests (Vitest, node), counted per test from the JSON report.
  {
    label: "unit tests",
    kind: "vitest",
    report: ".vitest-results.json",
    command: node,
    args: [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=.vitest-results.json",
    ],
  },
  // 4. Production build, then browser tests against it, served on a port that is free right now
  // (an app already running on 4173 in another terminal must neither break nor stand in for this run).
  {
    label: "build",
    kind: "check",
    command: node,
    args: ["node_modules/vite/bin/vite.js", "build", "--outDir", dist],
  },
  {
    label: "browser tests",
    kind: "playwright",
    needs: "build",
    report: "test-results/e2e-report.json",
    command: node,
    args: ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
    env: async () => ({
      PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/e2e-report.json",
      PW_PORT: String(await findFreePort()),
      PW_DIST: dist,
    }),
  },
];

process.exit(await runSuite(stages));
