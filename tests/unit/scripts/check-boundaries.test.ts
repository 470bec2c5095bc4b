/**
 * The import-boundary check of `npm run lint` (scripts/check-boundaries.mjs), run as a program on
 * sample sources in a temporary src/ folder: every way of referring to a module counts, side-effect
 * imports, `new URL(…, import.meta.url)` and `?url` / `?worker` imports included.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const script = resolve(import.meta.dirname, "../../../scripts/check-boundaries.mjs");

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "check-boundaries-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `files` (paths under src/), runs the check, returns its exit code and output lines. */
function check(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(folder, "src", path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const run = spawnSync(process.execPath, [script, "--src", join(folder, "src")], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("check-boundaries", () => {
  it("passes imports that point the allowed way, in every form", () => {
    const result = check({
      "app/main.tsx": 'import "../ui/tokens.css";\nimport { App } from "./App.tsx";\n',
      "ui/Panel.tsx": [
        'import "./Panel.css";',
        'import { useState } from "react";',
        'import type { Plan } from "../domain/plan.ts";',
        'const worker = new Worker(new URL("../workers/analysis.worker.ts", import.meta.url));',
        'const lazy = () => import("../map/MapView.tsx");',
      ].join("\n"),
      "map/MapView.tsx":
        'import "maplibre-gl/dist/maplibre-gl.css";\nimport url from "maplibre-gl/dist/w.mjs?url";\n',
      "domain/plan.ts": "export type Plan = { id: string };\n",
    });
    expect(result.output).toContain("Import boundaries ok.");
    expect(result.status).toBe(0);
  });

  it("fails a side-effect import of a style sheet from a folder it must not depend on", () => {
    const result = check({ "map/Legend.tsx": 'import "../ui/Legend.css";\nexport const x = 1;\n' });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "src/map/Legend.tsx: imports ../ui/Legend.css (map must not depend on ui)",
    );
  });

  it("fails a side-effect import of a library outside its home", () => {
    const result = check({ "ui/Map.tsx": 'import "maplibre-gl/dist/maplibre-gl.css";\n' });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "src/ui/Map.tsx: imports maplibre-gl/dist/maplibre-gl.css (only map may)",
    );
  });

  it("fails a worker or asset referred to with new URL(…, import.meta.url)", () => {
    const result = check({
      "domain/run.ts":
        'export const w = new Worker(new URL("../workers/x.worker.ts", import.meta.url), {});\n',
      "store/icon.ts": "export const icon = new URL('../ui/icon.svg', import.meta.url).href;\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "src/domain/run.ts: imports ../workers/x.worker.ts (domain must not depend on workers)",
    );
    expect(result.output).toContain(
      "src/store/icon.ts: imports ../ui/icon.svg (store must not depend on ui)",
    );
  });

  it("fails ?url and ?worker imports, naming the module without its query", () => {
    const result = check({
      "store/font.ts": 'import font from "../ui/font.woff2?url";\nexport { font };\n',
      "domain/start.ts":
        'import AnalysisWorker from "../workers/analysis.worker.ts?worker";\nexport { AnalysisWorker };\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "src/store/font.ts: imports ../ui/font.woff2 (store must not depend on ui)",
    );
    expect(result.output).toContain(
      "src/domain/start.ts: imports ../workers/analysis.worker.ts (domain must not depend on workers)",
    );
  });

  it("fails imports spread over lines, re-exports and dynamic imports", () => {
    const result = check({
      "domain/a.ts": 'import {\n  useStore,\n  type State,\n} from "../store/s.ts";\n',
      "domain/b.ts": 'export * from "../ui/b.ts";\n',
      "persistence/c.ts": 'export const load = () => import("../map/c.ts");\n',
      "workers/d.ts": 'import { create } from "zustand";\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "src/domain/a.ts: imports ../store/s.ts (domain must not depend on store)",
    );
    expect(result.output).toContain("src/domain/b.ts: imports ../ui/b.ts (domain must not depend on ui)");
    expect(result.output).toContain(
      "src/persistence/c.ts: imports ../map/c.ts (persistence must not depend on map)",
    );
    expect(result.output).toContain("src/workers/d.ts: imports zustand (only store may)");
  });

  describe("the server beside src", () => {
    /** Like `check`, with paths from the project root (server/… and src/…). */
    function checkTree(files: Record<string, string>) {
      for (const [path, text] of Object.entries(files)) {
        const full = join(folder, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
      const run = spawnSync(process.execPath, [script, "--src", join(folder, "src")], { encoding: "utf8" });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    }

    it("passes the server importing its own files, the domain, the security headers and its libraries", () => {
      const result = checkTree({
        "server/main.ts": [
          'import { start } from "./app-server.ts";',
          'import { Hocuspocus } from "@hocuspocus/server";',
          'import { PGlite } from "@electric-sql/pglite";',
          'import type { Plan } from "../src/domain/model/plan.ts";',
          'import { securityHeaders } from "../src/app/security-headers.ts";',
        ].join("\n"),
        "server/app-server.ts": "export const start = 1;\n",
        "src/domain/model/plan.ts": "export type Plan = { id: string };\n",
        "src/app/security-headers.ts": "export const securityHeaders = () => ({});\n",
      });
      expect(result.output).toContain("Import boundaries ok.");
      expect(result.status).toBe(0);
    });

    it("fails the server importing store, UI or browser libraries, and src importing the server or its libraries", () => {
      const result = checkTree({
        "server/a.ts": 'import { useDocument } from "../src/store/document-store.ts";\n',
        "server/b.ts": 'import { create } from "zustand";\n',
        "server/c.ts": 'import { App } from "../src/app/App.tsx";\n',
        "src/persistence/d.ts": 'import { startServer } from "../../server/app-server.ts";\n',
        "src/ui/e.ts": 'import { Hocuspocus } from "@hocuspocus/server";\n',
      });
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        "server/a.ts: imports ../src/store/document-store.ts (server may import only src/domain",
      );
      expect(result.output).toContain("server/b.ts: imports zustand (browser code; the server must not)");
      expect(result.output).toContain("server/c.ts: imports ../src/app/App.tsx (server may import only");
      expect(result.output).toContain("src/persistence/d.ts: imports ../../server/app-server.ts");
      expect(result.output).toContain("src/ui/e.ts: imports @hocuspocus/server (only server may)");
    });
  });
});
