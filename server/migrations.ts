/**
 * Schema changes: numbered SQL files in server/migrations/ (`-- Up Migration` / `-- Down Migration`),
 * run by node-pg-migrate, which records each run in the table `pgmigrations`.
 *
 * - PostgreSQL: node-pg-migrate connects itself (DATABASE_URL) and holds an advisory lock while it
 *   migrates, so several server instances starting at once migrate once (the others wait).
 * - PGlite: the same tool runs the same files through a small adapter that gives PGlite the one
 *   method node-pg-migrate calls (`query`). A migration file holds several statements, which PGlite
 *   runs only through `exec` (no parameters): the adapter sends parameterless text there.
 *
 * By hand: `npm run migrate -- up` / `npm run migrate -- down` (node-pg-migrate's own command line,
 * `DATABASE_URL` set; `npm run migrate:postgis -- …` for the mirror's set); the server runs `up` at
 * every start.
 */
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { runner } from "node-pg-migrate";
import type { ClientBase } from "pg";

/**
 * Two sets, each with its own record table: `store` (the sync store's tables, both databases) and
 * `postgis` (the PostGIS mirror, PostgreSQL only: PGlite has no PostGIS).
 */
export const MIGRATION_SETS = {
  store: { dir: fileURLToPath(new URL("./migrations", import.meta.url)), table: "pgmigrations" },
  postgis: {
    dir: fileURLToPath(new URL("./migrations-postgis", import.meta.url)),
    table: "pgmigrations_postgis",
  },
} as const;
export type MigrationSet = keyof typeof MIGRATION_SETS;

export type MigrationTarget = { databaseUrl: string } | { pglite: PGlite };

type QueryText = string | { text: string; values?: unknown[] };

/** What node-pg-migrate needs of a `pg` client, answered by PGlite. */
function pgliteClient(db: PGlite): ClientBase {
  const query = async (text: QueryText, values?: unknown[]) => {
    const sql = typeof text === "string" ? text : text.text;
    const params = (typeof text === "string" ? values : text.values) ?? [];
    if (params.length > 0) return db.query(sql, params);
    const results = await db.exec(sql);
    return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
  };
  return { query } as unknown as ClientBase;
}

const quiet = { debug: () => {}, info: () => {}, warn: console.warn, error: console.error };

/**
 * Runs the migrations `up` (all pending) or `down` (`count` of them, default one) and answers the
 * names of those that ran.
 */
export async function migrate(
  target: MigrationTarget,
  direction: "up" | "down",
  count?: number,
  set: MigrationSet = "store",
): Promise<string[]> {
  const connection =
    "databaseUrl" in target ? { databaseUrl: target.databaseUrl } : { dbClient: pgliteClient(target.pglite) };
  const ran = await runner({
    ...connection,
    dir: MIGRATION_SETS[set].dir,
    migrationsTable: MIGRATION_SETS[set].table,
    direction,
    count: count ?? (direction === "up" ? Number.POSITIVE_INFINITY : 1),
    advisoryLockMode: "wait",
    // PGlite has one connection and one user: nobody to lock out.
    noLock: !("databaseUrl" in target),
    logger: quiet,
  });
  return ran.map((migration) => migration.name);
}
