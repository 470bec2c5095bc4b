/**
 * `npm start` (after the build): the Pilotkarte server. Flags and environment: server/config.ts.
 * Stops cleanly on SIGINT and SIGTERM (every accepted edit is already stored; see sync-store.ts;
 * the documents are compacted before the store closes).
 */
import { startServer } from "./app-server.ts";
import { readConfig } from "./config.ts";
import { consoleLogger } from "./logger.ts";

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`Pilotkarte server: ${(error as Error).message}`);
  process.exit(2);
}
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config, consoleLogger);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Pilotkarte server: port ${config.port} is in use. Stop the other server, or start with --port <another>.`
      : `Pilotkarte server did not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
console.log(`Pilotkarte: ${server.url}/`);

/** Longest a clean stop may take before the process gives up and exits 1. */
const STOP_TIMEOUT_MS = 20_000;
let stopping = false;

/**
 * SIGTERM/SIGINT: stop accepting (HTTP and WebSocket), close every connection, let Hocuspocus store
 * and unload every document (compaction), close Redis and the database, exit 0. A second signal, or a
 * stop that takes longer than STOP_TIMEOUT_MS, exits 1 at once.
 */
const stop = async (signal: string) => {
  if (stopping) {
    consoleLogger("warn", "second signal: exiting without a clean stop", { signal });
    process.exit(1);
  }
  stopping = true;
  consoleLogger("info", "stopping", { signal });
  setTimeout(() => {
    consoleLogger("error", "clean stop took too long: exiting", { ms: STOP_TIMEOUT_MS });
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
  try {
    await server.close();
  } catch (error) {
    consoleLogger("error", "clean stop failed", { error: (error as Error).message });
    process.exit(1);
  }
  consoleLogger("info", "stopped", { signal });
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
