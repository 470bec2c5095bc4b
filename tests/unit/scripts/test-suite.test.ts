/**
 * The test runner itself: how each stage is judged, and the runner run as a program with fake stages
 * (small node commands that exit and write reports as Vitest and Playwright would), checking its exit
 * code and closing "N passed, N failed" line. One case runs the real Playwright against a port that
 * is already taken, as when the app is running in another terminal.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findFreePort,
  judgeCheck,
  judgePlaywright,
  judgeVitest,
  type Stage,
  suiteStages,
  summaryLine,
} from "../../../scripts/test-suite.ts";

const root = resolve(import.meta.dirname, "../../..");
const suiteModule = join(root, "scripts/test-suite.ts");
const tsx = join(root, "node_modules/tsx/dist/cli.mjs");

const vitestReport = (passed: number, failed = 0, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTests: passed + failed,
    success: failed === 0,
    ...extra,
  });
const playwrightReport = (expected: number, unexpected = 0, errors: unknown[] = []) =>
  JSON.stringify({ stats: { expected, unexpected, skipped: 0, flaky: 0 }, errors, suites: [] });

describe("judging a stage", () => {
  it("counts a check by its exit code", () => {
    expect(judgeCheck("lint", 0)).toEqual({ passed: 1, failed: 0, failures: [] });
    expect(judgeCheck("lint", 2)).toEqual({ passed: 0, failed: 1, failures: ["lint (exit 2)"] });
    expect(judgeCheck("lint", null, "SIGKILL").failed).toBe(1);
  });

  it("counts Vitest tests from the report when the run exits 0", () => {
    expect(judgeVitest("unit", 0, vitestReport(12))).toEqual({ passed: 12, failed: 0, failures: [] });
    expect(judgeVitest("unit", 1, vitestReport(10, 2))).toMatchObject({ passed: 10, failed: 2 });
  });

  it("fails a Vitest stage that ran no test, even with exit 0", () => {
    const outcome = judgeVitest("unit", 0, vitestReport(0));
    expect(outcome.failed).toBe(1);
    expect(outcome.failures.join()).toContain("ran no test");
  });

  it("fails a Vitest stage that exits non-zero with an all-green report", () => {
    const outcome = judgeVitest("unit", 1, vitestReport(5));
    expect(outcome).toMatchObject({ passed: 5, failed: 1 });
    expect(outcome.failures.join()).toContain("exit 1");
  });

  it("fails a Vitest stage whose test file did not load", () => {
    expect(judgeVitest("unit", 1, vitestReport(5, 0, { success: false })).failed).toBe(1);
  });

  it("counts skipped and todo tests as failed", () => {
    expect(judgeVitest("unit", 0, vitestReport(3, 0, { numPendingTests: 1, numTodoTests: 1 })).failed).toBe(
      2,
    );
  });

  it("fails a stage with a missing or unreadable report", () => {
    expect(judgeVitest("unit", 0, undefined)).toMatchObject({ passed: 0, failed: 1 });
    expect(judgeVitest("unit", 0, "{not json")).toMatchObject({ passed: 0, failed: 1 });
    expect(judgePlaywright("browser", 0, undefined)).toMatchObject({ passed: 0, failed: 1 });
  });

  it("fails a Playwright stage whose web server did not start (no test, an error, exit 1)", () => {
    const report = playwrightReport(0, 0, [{ message: "Error: http://localhost:4173/ is already used" }]);
    const outcome = judgePlaywright("browser", 1, report);
    expect(outcome.passed).toBe(0);
    expect(outcome.failed).toBeGreaterThanOrEqual(1);
    expect(outcome.failures.join()).toContain("already used");
  });

  it("fails a Playwright stage that ran no test, even with exit 0", () => {
    expect(judgePlaywright("browser", 0, playwrightReport(0))).toMatchObject({ passed: 0, failed: 1 });
  });

  it("fails a Playwright stage that exits non-zero with all tests passed", () => {
    expect(judgePlaywright("browser", 1, playwrightReport(7))).toMatchObject({ passed: 7, failed: 1 });
  });

  it("passes a Playwright stage with tests and exit 0", () => {
    expect(judgePlaywright("browser", 0, playwrightReport(7))).toEqual({
      passed: 7,
      failed: 0,
      failures: [],
    });
  });

  it("prints the closing line CI reads", () => {
    expect(summaryLine(875, 0)).toBe("875 passed, 0 failed");
  });
});

describe("a free port", () => {
  it("is one nothing listens on, so a server can take it", async () => {
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((done, fail) => {
      server.on("error", fail);
      server.listen(port, done);
    });
    await new Promise((done) => server.close(done));
    expect(port).toBeGreaterThan(0);
  });
});

/** Runs runSuite as a program with the given stages and returns its exit code and closing line. */
let dir: string;
async function runFakeSuite(stages: FakeStage[]) {
  const script = join(dir, `suite-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    script,
    [
      `import { runSuite } from ${JSON.stringify(suiteModule)};`,
      `const stages = ${JSON.stringify(stages)}.map((s) => ({ ...s, env: s.env ? () => s.env : undefined }));`,
      "process.exit(await runSuite(stages));",
    ].join("\n"),
  );
  // Asynchronous, so that a server in this process (the occupied-port case) keeps answering.
  const child = spawn(process.execPath, [tsx, script], { cwd: root });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  const status = await new Promise<number | null>((done) => child.on("close", done));
  return { status, last: output.trim().split("\n").at(-1), output };
}

type FakeStage = Omit<Stage, "env"> & { env?: Record<string, string> };

/** A stage command: node running a snippet that writes `report` (if given) and exits with `code`. */
function fake(label: string, kind: Stage["kind"], code: number, report?: string): FakeStage {
  const path = join(dir, `${label.replaceAll(" ", "-")}.json`);
  const write =
    report === undefined
      ? ""
      : `require("fs").writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(report)});`;
  return {
    label,
    kind,
    command: process.execPath,
    args: ["-e", `${write} process.exit(${code});`],
    ...(kind === "check" ? {} : { report: path }),
  };
}

describe("suiteStages", () => {
  const stages = suiteStages("node", "dist-test");
  const labels = stages.map((stage) => stage.label);
  const vitestProject = (stage: Stage | undefined) => stage?.args[stage.args.indexOf("--project") + 1];

  it("runs the unit and the integration project as two counted stages with reports of their own", () => {
    const unit = stages.find((stage) => stage.label === "unit tests");
    const integration = stages.find((stage) => stage.label === "integration tests");
    expect(unit?.kind).toBe("vitest");
    expect(integration?.kind).toBe("vitest");
    expect(vitestProject(unit)).toBe("unit");
    expect(vitestProject(integration)).toBe("integration");
    expect(integration?.report).toBeDefined();
    expect(integration?.report).not.toBe(unit?.report);
    expect(integration?.args).toContain(`--outputFile.json=${integration?.report}`);
  });

  it("checks the size limits and the import boundaries, and tests before it builds", () => {
    expect(labels).toContain("size limits");
    expect(labels).toContain("import boundaries");
    expect(labels).toContain("typecheck (server)");
    expect(labels.indexOf("integration tests")).toBeLessThan(labels.indexOf("build"));
    expect(labels.at(-1)).toBe("browser tests");
  });
});

describe("the runner as a program", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pilotkarte-runner-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 and counts every test and check when every stage passes", async () => {
    const run = await runFakeSuite([
      fake("typecheck", "check", 0),
      fake("unit tests", "vitest", 0, vitestReport(4)),
      fake("browser tests", "playwright", 0, playwrightReport(2)),
    ]);
    expect(run.last).toBe("7 passed, 0 failed");
    expect(run.status).toBe(0);
  });

  it("exits 1 when the browser stage exits 1 with a report of no test (web server did not start)", async () => {
    const run = await runFakeSuite([
      fake("typecheck", "check", 0),
      fake("unit tests", "vitest", 0, vitestReport(4)),
      fake(
        "browser tests",
        "playwright",
        1,
        playwrightReport(0, 0, [{ message: "Error: port is already used" }]),
      ),
    ]);
    expect(run.status).toBe(1);
    expect(run.last).toMatch(/^5 passed, [1-9]\d* failed$/);
    expect(run.output).toContain("already used");
  });

  it("exits 1 when a stage runs no test but exits 0", async () => {
    const run = await runFakeSuite([
      fake("typecheck", "check", 0),
      fake("unit tests", "vitest", 0, vitestReport(0)),
    ]);
    expect(run.status).toBe(1);
    expect(run.last).toBe("1 passed, 1 failed");
    expect(run.output).toContain("unit tests (ran no test)");
  });

  it("fails an integration stage that ran no test, as any other empty stage", async () => {
    const run = await runFakeSuite([
      fake("unit tests", "vitest", 0, vitestReport(4)),
      fake("integration tests", "vitest", 0, vitestReport(0)),
    ]);
    expect(run.status).toBe(1);
    expect(run.last).toBe("4 passed, 1 failed");
    expect(run.output).toContain("integration tests (ran no test)");
  });

  it("exits 1 when a stage writes no report", async () => {
    const run = await runFakeSuite([fake("browser tests", "playwright", 0)]);
    expect(run.status).toBe(1);
    expect(run.last).toBe("0 passed, 1 failed");
  });

  it("exits 1 when a stage exits non-zero although its report is green", async () => {
    const run = await runFakeSuite([fake("unit tests", "vitest", 3, vitestReport(4))]);
    expect(run.status).toBe(1);
    expect(run.last).toBe("4 passed, 1 failed");
  });

  it("does not read a report left over from an earlier run", async () => {
    const stale = fake("unit tests", "vitest", 0, vitestReport(4));
    await runFakeSuite([stale]);
    const run = await runFakeSuite([{ ...stale, args: ["-e", "process.exit(0)"] }]);
    expect(run.status).toBe(1);
    expect(run.last).toBe("0 passed, 1 failed");
  });

  it("stops after a failed stage marked stopOnFailure, and fails a stage whose prerequisite failed", async () => {
    const stopped = await runFakeSuite([
      { ...fake("data step", "check", 1), stopOnFailure: true },
      fake("typecheck", "check", 0),
    ]);
    expect(stopped.status).toBe(1);
    expect(stopped.last).toBe("0 passed, 1 failed");

    const skipped = await runFakeSuite([
      fake("build", "check", 1),
      { ...fake("browser tests", "playwright", 0, playwrightReport(3)), needs: "build" },
    ]);
    expect(skipped.status).toBe(1);
    expect(skipped.last).toBe("0 passed, 2 failed");
  });

  it("fails the real browser stage when its port is taken, instead of testing whatever listens there", async () => {
    // Somebody else's server on the port: answers every request with 200.
    const occupied = createHttpServer((_request, response) => response.end("somebody else's app"));
    const port = await new Promise<number>((done) =>
      occupied.listen(0, () => {
        const address = occupied.address();
        done(typeof address === "object" && address !== null ? address.port : 0);
      }),
    );
    try {
      const report = join(dir, "playwright.json");
      const run = await runFakeSuite([
        {
          label: "browser tests",
          kind: "playwright",
          report,
          command: process.execPath,
          args: [
            join(root, "node_modules/@playwright/test/cli.js"),
            "test",
            "tests/e2e/map.spec.ts",
            "--reporter=json",
          ],
          env: {
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
            PW_PORT: String(port),
            PW_OUT: join(dir, "pw-out"),
            PW_REUSE_SERVER: "",
          },
        },
      ]);
      expect(run.status).toBe(1);
      expect(run.last).toMatch(/^0 passed, [1-9]\d* failed$/);
      expect(run.output).toContain("is already used");
    } finally {
      occupied.closeAllConnections();
      await new Promise((done) => occupied.close(done));
    }
  });
});
