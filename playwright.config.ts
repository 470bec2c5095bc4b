import { execFileSync } from "node:child_process";
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

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.PW_OUT ?? "test-results/e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    screenshot: "only-on-failure",
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic"],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}/`,
    // Never test a server this run did not start: something already listening on the port (another
    // engineer's preview, an old build) fails the run instead of standing in for this build.
    // PW_REUSE_SERVER=1 opts in when you serve the build yourself.
    reuseExistingServer: process.env.PW_REUSE_SERVER === "1",
    timeout: 60_000,
  },
});
