import { defineConfig } from "@playwright/test";

/**
 * PW_PORT, PW_DIST and PW_OUT let several people test side by side on one machine, each with their own
 * build folder (`vite build --outDir <PW_DIST>`), port and results folder. CI uses the defaults.
 */
const PORT = Number(process.env.PW_PORT ?? 4173);
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
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
