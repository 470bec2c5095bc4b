#!/usr/bin/env node
/**
 * Keeps the architecture visible: dependencies point one way,
 * domain <- store <- {persistence, map, workers} <- ui <- app, and each outside library lives in one place.
 *
 * Every way a module can pull in another counts: `import … from`, `export … from`, side-effect imports
 * (`import "./x.css"`), dynamic `import("…")`, and assets or workers by URL (`new URL("…",
 * import.meta.url)`, `import url from "…?url"`, `import W from "…?worker"`; the query is ignored).
 * The sync server (`server/` beside `src/`) is a part of its own: it may import `src/domain` and the one
 * module that holds the security headers (`src/app/security-headers.ts`), never the UI, map, store or
 * persistence code, and its libraries (Hocuspocus' server, PGlite, ws) are imported nowhere else.
 *
 * Exits 1 with a list of offending imports. `--src <dir>` checks another folder and the `server/`
 * beside it (the unit test uses it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcOption = process.argv.indexOf("--src");
const src =
  srcOption >= 0 && process.argv[srcOption + 1] ? resolve(process.argv[srcOption + 1]) : join(root, "src");

/** Folders each folder may import from (besides itself). */
const allowedFolders = {
  domain: [],
  types: [],
  i18n: [],
  store: ["domain"],
  persistence: ["domain", "store"],
  map: ["domain", "store"],
  workers: ["domain"],
  ui: ["domain", "store", "map", "persistence", "workers", "i18n"],
  app: ["domain", "store", "map", "persistence", "workers", "ui", "i18n"],
};
/** Libraries and the only folders allowed to import them. */
const libraryHomes = [
  [/^react(-dom)?(\/|$)/, ["ui", "app", "map", "i18n"]],
  [/^react-i18next|^i18next/, ["ui", "app", "i18n"]],
  [/^maplibre-gl|^react-map-gl|^terra-draw/, ["map"]],
  [/^dexie/, ["persistence"]],
  [/^zustand/, ["store"]],
  [/^comlink/, ["workers", "ui", "app"]],
  // Schemas are domain code: the other layers call the domain's parse functions.
  [/^valibot/, ["domain"]],
  // The sync server's libraries; the client side of sync (Hocuspocus' provider) is persistence code.
  [
    /^@hocuspocus\/server|^@hocuspocus\/extension-|^@electric-sql\/pglite|^ws$|^pg$|^node-pg-migrate|^ioredis/,
    ["server"],
  ],
  [/^@hocuspocus\/provider/, ["persistence"]],
];

/** What `server/` may import from `src/`: the pure domain and the security headers, nothing else. */
const SERVER_MAY_IMPORT = [/^domain\//, /^app\/security-headers\.ts$/];
/** Libraries the server must not import (browser-side code). */
const BROWSER_ONLY =
  /^react(-dom)?(\/|$)|^react-i18next|^i18next|^maplibre-gl|^react-map-gl|^terra-draw|^dexie|^zustand|^comlink/;

/**
 * What a module refers to, in order: static imports and re-exports (with or without bindings),
 * dynamic imports, and `new URL("…", import.meta.url)`.
 */
const REFERENCES = [
  // import x from "a"; import { x } from "a"; import type { X } from "a"; export * from "a"
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*["']([^"']+)["']/g,
  // import "a";  (side effects only: style sheets, polyfills)
  /(?:^|[\s;])import\s*["']([^"']+)["']/g,
  // import("a")
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  // new URL("a", import.meta.url)
  /\bnew\s+URL\s*\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];

/** The specifiers a source refers to (a query such as `?url` or `?worker` removed). */
function referencesOf(text) {
  const found = [];
  for (const pattern of REFERENCES) {
    for (const match of text.matchAll(pattern)) found.push(match[1].replace(/\?.*$/, ""));
  }
  return found;
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

const problems = [];
for (const file of files(src)) {
  const folder = relative(src, file).split("/")[0];
  const shown = relative(dirname(src), file);
  for (const spec of referencesOf(readFileSync(file, "utf8"))) {
    if (spec.startsWith(".")) {
      const target = relative(src, resolve(dirname(file), spec)).split("/")[0];
      if (target !== folder && !(allowedFolders[folder] ?? []).includes(target)) {
        problems.push(`${shown}: imports ${spec} (${folder} must not depend on ${target})`);
      }
    } else {
      for (const [pattern, homes] of libraryHomes) {
        if (pattern.test(spec) && !homes.includes(folder)) {
          problems.push(`${shown}: imports ${spec} (only ${homes.join(", ")} may)`);
        }
      }
    }
  }
}
const server = join(dirname(src), "server");
if (existsSync(server)) {
  for (const file of files(server)) {
    const shown = relative(dirname(src), file);
    for (const spec of referencesOf(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        const inSrc = relative(src, target);
        if (!relative(server, target).startsWith("..")) continue;
        if (inSrc.startsWith("..") || !SERVER_MAY_IMPORT.some((pattern) => pattern.test(inSrc))) {
          problems.push(
            `${shown}: imports ${spec} (server may import only src/domain and src/app/security-headers.ts)`,
          );
        }
      } else if (BROWSER_ONLY.test(spec)) {
        problems.push(`${shown}: imports ${spec} (browser code; the server must not)`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Import boundaries violated:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("Import boundaries ok.");
