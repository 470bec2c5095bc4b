/**
 * Loads sql.js (SQLite compiled to WebAssembly, about 330 kB) on first use only. Where the .wasm file
 * lives differs by host, so the caller passes sql.js's init options: in the worker a `locateFile`
 * returning the URL Vite gave the file, in Node one returning
 * `node_modules/sql.js/dist/sql-wasm.wasm` (or nothing: sql.js then finds it beside its script).
 */
import type { Database, SqlJsConfig, SqlJsStatic } from "sql.js";

export type { Database, SqlJsConfig, SqlJsStatic };

const loaded = new Map<SqlJsConfig | undefined, Promise<SqlJsStatic>>();

/** sql.js initialised with `config`; one instance per config object. */
export function loadSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic> {
  let found = loaded.get(config);
  if (found === undefined) {
    found = import("sql.js").then((module) => {
      const init = (module as { default?: typeof module }).default ?? module;
      return (init as unknown as (c?: SqlJsConfig) => Promise<SqlJsStatic>)(config);
    });
    // A failed load (a wrong wasm URL) is not cached, so that a corrected config can try again.
    found.catch(() => loaded.delete(config));
    loaded.set(config, found);
  }
  return found;
}
