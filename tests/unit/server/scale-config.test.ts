/**
 * The city-scale settings: DATABASE_URL and REDIS_URL (server/config.ts) and how a Redis address
 * becomes the Redis extension's connection settings (server/redis.ts).
 */
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../server/config.ts";
import { redisSettings } from "../../../server/redis.ts";

describe("DATABASE_URL and REDIS_URL", () => {
  it("are unset by default: PGlite in the data folder, one instance", () => {
    const config = readConfig([], {});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(readConfig([], { DATABASE_URL: "", REDIS_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("are read from the environment", () => {
    const config = readConfig([], {
      DATABASE_URL: "postgres://p:secret@db:5432/pilotkarte",
      REDIS_URL: "redis://cache:6380",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://p:secret@db:5432/pilotkarte",
      redisUrl: "redis://cache:6380",
    });
  });

  it("refuse Redis without a shared database: the instances would each keep their own plans", () => {
    expect(() => readConfig([], { REDIS_URL: "redis://cache:6379" })).toThrow(
      /REDIS_URL .* needs DATABASE_URL/,
    );
  });
});

describe("redisSettings", () => {
  it("takes host, port, credentials and database number from the address", () => {
    expect(redisSettings("redis://user:p%40ss@cache.internal:6380/2")).toEqual({
      host: "cache.internal",
      port: 6380,
      options: { username: "user", password: "p@ss", db: 2, tls: undefined },
    });
  });

  it("defaults to port 6379 and database 0, and turns on TLS for rediss://", () => {
    expect(redisSettings("rediss://[::1]")).toEqual({
      host: "::1",
      port: 6379,
      options: { username: undefined, password: undefined, db: 0, tls: {} },
    });
  });

  it("refuses an address that is not Redis", () => {
    expect(() => redisSettings("postgres://db:5432/x")).toThrow(/redis:\/\//);
  });
});
