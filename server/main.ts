/**
 * `npm start` (after the build): the Pilotkarte server. Flags and environment: server/config.ts.
 * Stops cleanly on SIGINT and SIGTERM (every accepted edit is already stored; see sync-store.ts).
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

const stop = async (signal: string) => {
  consoleLogger("info", "stopping", { signal });
  await server.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
