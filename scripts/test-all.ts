/**
 * The whole test suite (`npm test`): data step, typecheck, lint, import boundaries and size limits,
 * unit tests, integration tests, production build, browser tests in Debian's Chromium (the stages are
 * `suiteStages` in scripts/test-suite.ts). Ends with one line "N passed, N failed" that
 * counts every test and every check; exits 1 if anything failed. How stages are judged (a stage that
 * exits non-zero or runs no test fails) is in scripts/test-suite.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { runSuite, suiteStages } from "./test-suite.ts";

const node = process.execPath;

// 0. Debian packages the tests use: Chromium for the browser tests (never a downloaded browser
// build), GDAL's ogrinfo for the export checks, poppler's pdftotext for the one-pager PDF, PostgreSQL 15
// with PostGIS and Redis for the server's integration tests (which start throwaway instances of their
// own). On a fresh machine, install the missing ones when we may (root), otherwise say how.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const onPath = (tool: string) =>
  spawnSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }).status === 0;
const missing = [
  ...(existsSync(chromiumPath) ? [] : ["chromium"]),
  ...(onPath("ogrinfo") ? [] : ["gdal-bin"]),
  ...(onPath("pdftotext") ? [] : ["poppler-utils"]),
  ...(existsSync("/usr/lib/postgresql/15/bin/initdb") ? [] : ["postgresql-15"]),
  ...(existsSync("/usr/share/postgresql/15/extension/postgis.control") ? [] : ["postgresql-15-postgis-3"]),
  ...(onPath("redis-server") ? [] : ["redis-server"]),
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

process.exit(await runSuite(suiteStages(node, dist)));
