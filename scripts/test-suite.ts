/**
 * The test runner's stage logic, apart from the stages themselves (scripts/test-all.ts) so that a test
 * can run it with fake stages (tests/unit/scripts/test-suite.test.ts).
 *
 * The rule the whole suite rests on: a stage passes only when it exits 0 AND, for a stage that reports
 * tests, its report exists, parses, and counts at least one test and no failure. A stage that ran no
 * test, wrote no report, crashed, or exited non-zero with an all-green report is counted as failed,
 * so the final "N passed, N failed" line can never be green while a stage did not do its job.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";

/** What one stage adds to the totals. */
export interface StageOutcome {
  passed: number;
  failed: number;
  /** One line per problem, for the "Failed:" list before the final line. */
  failures: string[];
}

/** How a stage's result is read: by exit code alone, or from a JSON report of tests. */
export type StageKind = "check" | "vitest" | "playwright";

export interface Stage {
  label: string;
  command: string;
  args: string[];
  kind: StageKind;
  /** For "vitest" and "playwright": the JSON report the command writes (deleted before the run). */
  report?: string;
  /** Extra environment, computed just before the stage runs (e.g. a free port). */
  env?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Stop the whole run when this stage fails (the data step: nothing else can run without it). */
  stopOnFailure?: boolean;
  /** Label of an earlier stage that must have passed; otherwise this stage is not run and fails. */
  needs?: string;
}

const exitText = (status: number | null, signal?: string | null) =>
  status === null ? `killed by ${signal ?? "a signal"}` : `exit ${status}`;

/** A stage judged by its exit code: one check. */
export function judgeCheck(label: string, status: number | null, signal?: string | null): StageOutcome {
  return status === 0
    ? { passed: 1, failed: 0, failures: [] }
    : { passed: 0, failed: 1, failures: [`${label} (${exitText(status, signal)})`] };
}

function parseReport(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * Adds the stage-level failures that the per-test counts do not show: no test at all, and a non-zero
 * exit (a file that did not load, a web server that did not start, a crash after the last test).
 */
function withStageChecks(
  label: string,
  outcome: StageOutcome,
  total: number,
  status: number | null,
  signal: string | null | undefined,
  extraProblem?: string,
): StageOutcome {
  const failures = [...outcome.failures];
  let failed = outcome.failed;
  if (total === 0) {
    failed += 1;
    failures.push(`${label} (ran no test)`);
  }
  if (extraProblem !== undefined) {
    failed += 1;
    failures.push(`${label} (${extraProblem})`);
  } else if (status !== 0 && failed === 0) {
    failed += 1;
    failures.push(`${label} (${exitText(status, signal)} although no test failed)`);
  }
  return { passed: outcome.passed, failed, failures };
}

/** Vitest's JSON reporter output (`--reporter=json --outputFile.json=...`). */
export function judgeVitest(
  label: string,
  status: number | null,
  reportText: string | undefined,
  signal?: string | null,
): StageOutcome {
  const report = parseReport(reportText);
  if (report === undefined) {
    const why = reportText === undefined ? "no report" : "unreadable report";
    return { passed: 0, failed: 1, failures: [`${label} (${why}, ${exitText(status, signal)})`] };
  }
  const passed = count(report.numPassedTests);
  const failedTests = count(report.numFailedTests);
  const notRun = count(report.numPendingTests) + count(report.numTodoTests);
  const failures: string[] = [];
  if (failedTests > 0) failures.push(`${label} (${failedTests} failed)`);
  if (notRun > 0) failures.push(`${label} (${notRun} skipped or todo)`);
  const total = passed + failedTests + notRun;
  // A test file that fails to load counts no test but sets success to false.
  const loadProblem = report.success === false && failedTests === 0 ? "a test file failed to run" : undefined;
  return withStageChecks(
    label,
    { passed, failed: failedTests + notRun, failures },
    total,
    status,
    signal,
    loadProblem,
  );
}

/** Playwright's JSON reporter output (`--reporter=json`, PLAYWRIGHT_JSON_OUTPUT_NAME). */
export function judgePlaywright(
  label: string,
  status: number | null,
  reportText: string | undefined,
  signal?: string | null,
): StageOutcome {
  const report = parseReport(reportText);
  if (report === undefined) {
    const why = reportText === undefined ? "no report" : "unreadable report";
    return { passed: 0, failed: 1, failures: [`${label} (${why}, ${exitText(status, signal)})`] };
  }
  const stats = (typeof report.stats === "object" && report.stats !== null ? report.stats : {}) as Record<
    string,
    unknown
  >;
  const passed = count(stats.expected) + count(stats.flaky);
  const failedTests = count(stats.unexpected);
  const skipped = count(stats.skipped);
  const failures: string[] = [];
  if (failedTests > 0) failures.push(`${label} (${failedTests} failed)`);
  if (skipped > 0) failures.push(`${label} (${skipped} skipped or not run)`);
  // Errors outside any test: the web server did not start, global setup threw, a file did not load.
  const errors = Array.isArray(report.errors) ? report.errors : [];
  const firstError = errors[0] as { message?: unknown } | undefined;
  const errorProblem =
    errors.length > 0
      ? `${errors.length} error(s) outside the tests: ${String(firstError?.message ?? "").split("\n")[0]}`
      : undefined;
  return withStageChecks(
    label,
    { passed, failed: failedTests + skipped, failures },
    passed + failedTests + skipped,
    status,
    signal,
    errorProblem,
  );
}

/**
 * The stages of `npm test`, in order: `node` runs every tool (no shell), `dist` is the build folder
 * the browser tests serve.
 */
export function suiteStages(node: string, dist: string): Stage[] {
  return [
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
    // The sync server once more on its own, without the DOM's types (server/tsconfig.json).
    {
      label: "typecheck (server)",
      kind: "check",
      command: node,
      args: ["node_modules/typescript/bin/tsc", "-p", "server/tsconfig.json", "--noEmit"],
    },
    {
      label: "lint",
      kind: "check",
      command: node,
      args: ["node_modules/@biomejs/biome/bin/biome", "check", "."],
    },
    { label: "import boundaries", kind: "check", command: node, args: ["scripts/check-boundaries.mjs"] },
    { label: "size limits", kind: "check", command: node, args: ["scripts/check-size.mjs"] },
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
    // 3b. Integration tests (the CLI as a program, GDAL on exported files): a stage and a report of
    // their own, so that a run without them (no test found) fails like any other empty stage.
    {
      label: "integration tests",
      kind: "vitest",
      report: ".vitest-integration-results.json",
      command: node,
      args: [
        "node_modules/vitest/vitest.mjs",
        "run",
        "--project",
        "integration",
        "--reporter=default",
        "--reporter=json",
        "--outputFile.json=.vitest-integration-results.json",
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
}

/** The closing line CI reads. */
export const summaryLine = (passed: number, failed: number) => `${passed} passed, ${failed} failed`;

/**
 * A TCP port nobody listens on right now (the OS picks it). Listening on the unspecified address
 * covers both IPv4 and IPv6, so "localhost" is free whichever it resolves to.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

function readIfPresent(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/**
 * Runs the stages in order, prints each stage's result, the failures and the closing
 * "N passed, N failed" line, and returns the exit code (1 when anything failed).
 */
export async function runSuite(stages: readonly Stage[], log: (line: string) => void = console.log) {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  const passedStages = new Set<string>();

  for (const stage of stages) {
    if (stage.needs !== undefined && !passedStages.has(stage.needs)) {
      failed += 1;
      failures.push(`${stage.label} (not run: ${stage.needs} failed)`);
      log(`\n━━ ${stage.label}: NOT RUN (${stage.needs} failed)`);
      continue;
    }
    if (stage.report !== undefined) rmSync(stage.report, { force: true });
    const env = { ...process.env, ...(await stage.env?.()) };
    log(`\n━━ ${stage.label}: ${stage.command} ${stage.args.join(" ")}`);
    const started = Date.now();
    const child = spawnSync(stage.command, stage.args, { stdio: "inherit", env });
    const reportText = stage.report !== undefined ? readIfPresent(stage.report) : undefined;
    const outcome =
      stage.kind === "vitest"
        ? judgeVitest(stage.label, child.status, reportText, child.signal)
        : stage.kind === "playwright"
          ? judgePlaywright(stage.label, child.status, reportText, child.signal)
          : judgeCheck(stage.label, child.status, child.signal);
    if (child.error) outcome.failures.push(`${stage.label} (${child.error.message})`);
    passed += outcome.passed;
    failed += outcome.failed;
    failures.push(...outcome.failures);
    const ok = outcome.failed === 0;
    if (ok) passedStages.add(stage.label);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `━━ ${stage.label}: ${ok ? "ok" : `FAILED (${exitText(child.status, child.signal)})`} in ${seconds} s`,
    );
    if (!ok && stage.stopOnFailure) {
      log(`━━ stopping: nothing after ${stage.label} can run without it`);
      break;
    }
  }

  if (failures.length > 0) log(`\nFailed: ${failures.join("; ")}`);
  log(`\n${summaryLine(passed, failed)}`);
  return failed > 0 ? 1 : 0;
}
