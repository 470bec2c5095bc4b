/**
 * Several server instances behind one address (city scale): with REDIS_URL set, each instance joins
 * Hocuspocus' Redis extension, which passes every document update and awareness change to the other
 * instances that have the same document open (Redis pub/sub), and lets only one of them compact a
 * document at a time (a Redis lock). Every instance writes the updates its own clients send to the
 * shared PostgreSQL (DATABASE_URL) before acknowledging them, so any instance can load any plan.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "@hocuspocus/extension-redis";

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

export function redisExtension(redisUrl: string): Redis {
  return new Redis({
    ...redisSettings(redisUrl),
    identifier: `pilotkarte-${randomUUID()}`,
    prefix: "pilotkarte",
  });
}
