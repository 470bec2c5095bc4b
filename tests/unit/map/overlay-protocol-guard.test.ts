/**
 * Guard for `src/map/overlay-protocol.worker.ts`, which reaches into MapLibre's worker: it adds a
 * request protocol through the worker's `self.addProtocol` and wraps the "load data" message handler
 * (`self.worker.actor.messageHandlers.LD`). Neither is public API, so this test reads the worker
 * bundle MapLibre ships and fails loudly when an update moves them. Should it fail: open the new
 * `maplibre-gl-worker.mjs`, find how the worker registers its handlers and protocols, adapt the
 * overlay script, and check with the exchange browser tests and `npm run bench -- --only-import` that
 * a large overlay still loads without the page reading it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("maplibre-gl/package.json"));
const version = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string })
  .version;
const worker = readFileSync(join(packageDir, "dist", "maplibre-gl-worker.mjs"), "utf8");
const overlayScript = readFileSync(
  new URL("../../../src/map/overlay-protocol.worker.ts", import.meta.url),
  "utf8",
);

describe("MapLibre's worker as the overlay protocol script expects it", () => {
  it("is the version the script was written against (bump both together)", () => {
    expect(overlayScript).toContain(`maplibre-gl ${version}`);
  });

  it("puts its worker object on the worker's global scope as `worker`", () => {
    expect(worker).toMatch(/self\.worker\s*=\s*new\s+\w+\(self\)/);
  });

  it("offers addProtocol on the worker's global scope", () => {
    expect(worker).toMatch(/self\.addProtocol\s*=/);
  });

  it("keeps message handlers by type on the actor, and registers load data as `LD`", () => {
    expect(worker).toMatch(/registerMessageHandler\(\w+,\w+\)\{this\.messageHandlers\[\w+\]=\w+\}/);
    expect(worker).toMatch(
      /registerMessageHandler\(`LD`,\([^)]*\)=>this\._getWorkerSource\([^)]*\)\.loadData\(/,
    );
  });

  it("answers load data with an object the script can drop `data` from", () => {
    // The GeoJSON worker source puts the data loaded from a URL on its answer as `data` (for getData()).
    expect(worker).toMatch(/async loadData\((\w+)\)\{[\s\S]{0,400}?\1\.request&&\(\w+\.data=\1\.data\)/);
  });
});
