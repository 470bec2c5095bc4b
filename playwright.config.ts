import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * PW_PORT, PW_DIST and PW_OUT let several people test side by side on one machine, each with their own
 * build folder (`vite build --outDir <PW_DIST>`), port and results folder.
 *
 * Without PW_PORT the tests take a port that is free right now (never a fixed one: the app may be
 * running on 4173 in another terminal). It is put into the environment so that Playwright's worker
 * processes, which load this file again, see the same port.
 */
if (!process.env.PW_PORT) {
  process.env.PW_PORT = execFileSync(
    process.execPath,
    [
      "-e",
      "const s = require('node:net').createServer(); s.listen(0, () => { process.stdout.write(String(s.address().port)); s.close(); });",
    ],
    { encoding: "utf8" },
  ).trim();
}
const PORT = Number(process.env.PW_PORT);
const DIST = process.env.PW_DIST ?? "dist";

/**
 * PW_SERVER=pilotkarte serves the build with the sync server of `npm start` (server/main.ts, a fresh
 * data folder per run) instead of `vite preview`: the same headers, plus the rooms API and /sync.
 */
if (process.env.PW_SERVER === "pilotkarte" && !process.env.PW_SERVER_DATA) {
  process.env.PW_SERVER_DATA = mkdtempSync(join(tmpdir(), "pilotkarte-e2e-server-"));
}
const serverCommand =
  process.env.PW_SERVER === "pilotkarte"
    ? `node --import tsx server/main.ts --port ${PORT} --dist ${DIST} --data ${process.env.PW_SERVER_DATA}`
    : `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --outDir ${DIST}`;

/**
 * One worker by default (PW_WORKERS sets more). The browser tests are CPU-bound on the 2-core CI
 * machine (software WebGL, about 90 % of both cores with one worker): measured on 2026-12-06, each test
 * took 1.87 times as long with two workers, so two gained about 7 % and raised the risk of timing
 * trouble. Every test has its own browser context and servers a test starts take ephemeral ports, so
 * more workers are safe where there are more cores.
 */
const WORKERS = Number(process.env.PW_WORKERS ?? 1);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.PW_OUT ?? "test-results/e2e",
  timeout: 150_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    // The app's service worker precaches the whole app, its data and the city map's tiles (about 770
    // files, 24 MB) in every fresh browser context: work that competes with the test on two cores and
    // that only the offline tests need. They allow it (tests/e2e/offline.spec.ts).
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic"],
    },
  },
  webServer: {
    command: serverCommand,
    url: `http://localhost:${PORT}/`,
    // Never test a server this run did not start: something already listening on the port (another
    // engineer's preview, an old build) fails the run instead of standing in for this build.
    // PW_REUSE_SERVER=1 opts in when you serve the build yourself.
    reuseExistingServer: process.env.PW_REUSE_SERVER === "1",
    // The sync server's first start initialises its database (up to about 30 s on a busy machine).
    timeout: 120_000,
  },
});
