/**
 * Several server instances behind one address (city scale): with REDIS_URL set, each instance joins
 * Hocuspocus' Redis extension, which passes every document update and awareness change to the other
 * instances that have the same document open (Redis pub/sub), and lets only one of them compact a
 * document at a time (a Redis lock). Every instance writes the updates its own clients send to the
 * shared PostgreSQL (DATABASE_URL) before acknowledging them, so any instance can load any plan.
 * Revoked links travel through Redis too (`revocationChannel`).
 */
import { randomUUID } from "node:crypto";
import { Redis } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";
import type { Logger } from "./logger.ts";

/** The extension's connection settings from a `redis://[user:password@]host:port[/db]` address. */
export function redisSettings(redisUrl: string) {
  const url = new URL(redisUrl);
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not "${url.protocol}"`);
  }
  const db = url.pathname.replace(/^\//, "");
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? 6379 : Number(url.port),
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: db === "" ? 0 : Number(db),
      tls: url.protocol === "rediss:" ? {} : undefined,
    },
  };
}

/**
 * Logs a Redis client's connection errors as JSON lines, at most one per client every 10 s (ioredis
 * retries on its own; without a listener it would print every attempt as an unstructured
 * "Unhandled error event").
 */
function logErrors(client: IORedis, log: Logger, which: string): IORedis {
  let lastLogged = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log("warn", "Redis connection error", { client: which, error: error.message });
  });
  return client;
}

export function redisExtension(redisUrl: string, log: Logger): Redis {
  const { host, port, options } = redisSettings(redisUrl);
  return new Redis({
    host,
    port,
    options,
    // Our own clients, so their errors are logged (the extension makes two: publish and subscribe).
    createClient: () => logErrors(new IORedis(port, host, options), log, "sync"),
    identifier: `pilotkarte-${randomUUID()}`,
    prefix: "pilotkarte",
  });
}

const REVOKED_CHANNEL = "pilotkarte:revoked-links";

export interface RevocationChannel {
  /** Tells every instance (this one included) that a link was revoked. */
  publish(linkId: string): Promise<void>;
  /** Throws when Redis does not answer PING (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Revocations across instances: a revoked link's live connections may sit on any instance, so the
 * instance that answered the revoke request publishes the link id, and every instance closes that
 * link's connections (`onRevoked`). New connections are refused anyway (the revocation is in the
 * database); this closes the ones already open.
 */
export async function revocationChannel(
  redisUrl: string,
  onRevoked: (linkId: string) => void,
  log: Logger,
): Promise<RevocationChannel> {
  const { host, port, options } = redisSettings(redisUrl);
  const publisher = logErrors(new IORedis(port, host, options), log, "revocations");
  const subscriber = logErrors(new IORedis(port, host, options), log, "revocations");
  subscriber.on("message", (channel: string, linkId: string) => {
    if (channel === REVOKED_CHANNEL) onRevoked(linkId);
  });
  await subscriber.subscribe(REVOKED_CHANNEL);
  return {
    publish: async (linkId) => {
      await publisher.publish(REVOKED_CHANNEL, linkId);
    },
    ping: async () => {
      if (publisher.status !== "ready") throw new Error(`Redis connection is ${publisher.status}`);
      await publisher.ping();
    },
    close: async () => {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
