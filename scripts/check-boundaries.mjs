#!/usr/bin/env node
/**
 * Keeps the architecture visible: dependencies point one way,
 * domain <- store <- {persistence, map, workers} <- ui <- app, and each outside library lives in one place.
 * Exits 1 with a list of offending imports.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

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
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const problems = [];
for (const file of files(src)) {
  const folder = relative(src, file).split("/")[0];
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(
    /(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith(".")) {
      const target = relative(src, resolve(dirname(file), spec)).split("/")[0];
      if (target !== folder && !(allowedFolders[folder] ?? []).includes(target)) {
        problems.push(`${relative(root, file)}: imports ${spec} (${folder} must not depend on ${target})`);
      }
    } else {
      for (const [pattern, homes] of libraryHomes) {
        if (pattern.test(spec) && !homes.includes(folder)) {
          problems.push(`${relative(root, file)}: imports ${spec} (only ${homes.join(", ")} may)`);
        }
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`Import boundaries violated:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("Import boundaries ok.");
