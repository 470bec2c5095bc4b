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
const server = await startServer(config, consoleLogger);
console.log(`Pilotkarte: ${server.url}/`);

const stop = async (signal: string) => {
  consoleLogger("info", "stopping", { signal });
  await server.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
