/**
 * One schema, two drivers: the sync store speaks SQL through this small interface, to PGlite
 * (PostgreSQL in WASM, in a folder of the data directory: the embedded default) or to a PostgreSQL
 * server through `pg` (when DATABASE_URL is set). The SQL is the same for both; only how a query,
 * a transaction and the migrations reach the database differs.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Logger } from "./logger.ts";
import { type MigrationTarget, migrate } from "./migrations.ts";

export interface Queryable {
  /** Runs one statement with `$1`-style parameters and answers its rows. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Where the migrations run (node-pg-migrate, server/migrations/). */
  readonly migrationTarget: MigrationTarget;
  close(): Promise<void>;
}

/** The embedded database in `folder` (created on the first start). */
export async function openPglite(folder: string): Promise<SqlDriver> {
  mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder);
  return {
    kind: "pglite",
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await db.query<Row>(sql, [...params])).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, [...params])).rows,
        }),
      ),
    migrationTarget: { pglite: db },
    close: () => db.close(),
  };
}

/** A PostgreSQL server (`postgres://user:password@host:port/database`), through a pool of connections. */
export async function openPostgres(databaseUrl: string, log: Logger): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection that breaks (the server restarted) must not take the process down.
  pool.on("error", (error) => log("warn", "PostgreSQL connection error", { error: error.message }));
  // Fail at start, with the reason, when the database cannot be reached.
  await pool.query("select 1");
  return {
    kind: "postgres",
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, [...params])).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as Row[],
        });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    migrationTarget: { databaseUrl },
    close: () => pool.end(),
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(
  where: { databaseUrl?: string; folder: string },
  log: Logger,
): Promise<SqlDriver> {
  const driver = where.databaseUrl
    ? await openPostgres(where.databaseUrl, log)
    : await openPglite(where.folder);
  try {
    const ran = await migrate(driver.migrationTarget, "up");
    if (driver.kind === "postgres")
      ran.push(...(await migrate(driver.migrationTarget, "up", undefined, "postgis")));
    if (ran.length > 0) log("info", "database migrated", { kind: driver.kind, migrations: ran });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
