import { defineConfig } from "vitest/config";

/**
 * Two projects. "unit": fast tests in node, run by `npm run check`. "integration": tests that drive
 * real programs (the CLI as a child process, GDAL's ogrinfo on exported files) and take about a minute;
 * `npm test` runs them as a stage of their own, `npm run test:integration` alone.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
