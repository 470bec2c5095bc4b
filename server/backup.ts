/**
 * Backup and restore of the sync server's data (docs/shared-plans-server.md, "Operations"):
 *
 *   npm run server:backup -- --out <file> [--data <folder>]
 *   npm run server:restore -- --in <file> [--data <folder>]
 *
 * - With DATABASE_URL (PostgreSQL): `pg_dump --format=custom` and `pg_restore --no-owner` (the whole
 *   database: the store's tables, the migrations' records and the PostGIS mirror). Safe while the
 *   servers run (pg_dump reads one consistent snapshot). The signing secret is not in the database:
 *   keep PILOTKARTE_SYNC_SECRET with the backup, or every invitation link stops working.
 * - Without (PGlite in `<data>/pglite`): the four tables (rooms, revoked_links, documents,
 *   document_updates) as one JSON file, with the data folder's signing secret, written with mode 0600.
 *   PGlite is one process's database: STOP THE SERVER first. Restore goes into a data folder whose
 *   tables are empty (a new folder); the secret is written there unless one exists already.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { withoutUrlPasswords } from "./logger.ts";
import { openDatabase, type Queryable } from "./sql-driver.ts";

const run = promisify(execFile);

export const BACKUP_FORMAT = "pilotkarte-backup";

/** Each table with its columns; bytea columns travel as base64, times as ISO text. */
const TABLES = {
  rooms: { columns: ["id", "created_at", "links"], bytea: [] },
  revoked_links: { columns: ["room", "link_id", "revoked_at"], bytea: [] },
  documents: { columns: ["name", "state", "updated_at"], bytea: ["state"] },
  document_updates: { columns: ["id", "name", "data", "received_at"], bytea: ["data"] },
} as const satisfies Record<string, { columns: readonly string[]; bytea: readonly string[] }>;
type Table = keyof typeof TABLES;
/** Insert order (rooms before the revocations that reference them). */
const TABLE_ORDER: readonly Table[] = ["rooms", "revoked_links", "documents", "document_updates"];

export interface PgliteBackup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  /** The data folder's signing secret (the invitation links depend on it), if it had one. */
  secret?: string;
  tables: Record<Table, Record<string, unknown>[]>;
}

const selectList = (table: Table) =>
  TABLES[table].columns
    .map((column) =>
      (TABLES[table].bytea as readonly string[]).includes(column)
        ? `encode(${column}, 'base64') as ${column}`
        : column.endsWith("_at")
          ? `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ${column}`
          : column === "id" && table === "document_updates"
            ? "id::text as id"
            : column,
    )
    .join(", ");

async function readTables(db: Queryable): Promise<PgliteBackup["tables"]> {
  const tables = {} as PgliteBackup["tables"];
  for (const table of TABLE_ORDER) {
    const order = table === "revoked_links" ? "room, link_id" : TABLES[table].columns[0];
    tables[table] = await db.query(`select ${selectList(table)} from ${table} order by ${order}`);
  }
  return tables;
}

/** Backs up the PGlite store of a (stopped) server's data folder into `out`; answers the row counts. */
export async function backupPglite(dataDir: string, out: string): Promise<Record<Table, number>> {
  const folder = join(resolve(dataDir), "pglite");
  if (!existsSync(folder)) throw new Error(`${folder} does not exist: which data folder (--data)?`);
  const db = await openDatabase({ folder }, () => {});
  try {
    const tables = await readTables(db);
    const secretPath = join(resolve(dataDir), "secret");
    const backup: PgliteBackup = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      secret: existsSync(secretPath) ? readFileSync(secretPath, "utf8").trim() : undefined,
      tables,
    };
    writeFileSync(out, JSON.stringify(backup), { mode: 0o600 });
    return countRows(tables);
  } finally {
    await db.close();
  }
}

const countRows = (tables: PgliteBackup["tables"]) =>
  Object.fromEntries(TABLE_ORDER.map((table) => [table, tables[table].length])) as Record<Table, number>;

function readBackup(file: string): PgliteBackup {
  const backup = JSON.parse(readFileSync(file, "utf8")) as PgliteBackup;
  if (backup.format !== BACKUP_FORMAT || backup.version !== 1) {
    throw new Error(`${file} is not a Pilotkarte backup (version 1)`);
  }
  return backup;
}

async function insertRows(tx: Queryable, table: Table, rows: readonly Record<string, unknown>[]) {
  const { columns, bytea } = TABLES[table];
  const values = columns.map((column, index) =>
    (bytea as readonly string[]).includes(column) ? `decode($${index + 1}, 'base64')` : `$${index + 1}`,
  );
  const sql = `insert into ${table} (${columns.join(", ")}) values (${values.join(", ")})`;
  for (const row of rows) {
    await tx.query(
      sql,
      columns.map((column) => (column === "links" ? JSON.stringify(row[column]) : row[column])),
    );
  }
}

/** Restores a backup into the PGlite store of a data folder whose tables are empty. */
export async function restorePglite(dataDir: string, file: string): Promise<Record<Table, number>> {
  const backup = readBackup(file);
  const folder = resolve(dataDir);
  const secretPath = join(folder, "secret");
  if (backup.secret && existsSync(secretPath) && readFileSync(secretPath, "utf8").trim() !== backup.secret) {
    throw new Error(`${secretPath} holds another secret: restore into a new data folder`);
  }
  const db = await openDatabase({ folder: join(folder, "pglite") }, () => {});
  try {
    await db.transaction(async (tx) => {
      for (const table of TABLE_ORDER) {
        const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
          `select count(*)::int as count from ${table}`,
        );
        if (count > 0) throw new Error(`the data folder's ${table} is not empty: restore into a new folder`);
      }
      for (const table of TABLE_ORDER) await insertRows(tx, table, backup.tables[table]);
      await tx.query(
        "select setval(pg_get_serial_sequence('document_updates', 'id'), coalesce(max(id), 0) + 1, false) from document_updates",
      );
    });
  } finally {
    await db.close();
  }
  if (backup.secret && !existsSync(secretPath)) {
    writeFileSync(secretPath, `${backup.secret}\n`, { mode: 0o600, flag: "wx" });
  }
  return countRows(backup.tables);
}

/** Where pg_dump and pg_restore are (PILOTKARTE_PG_BIN, Debian's folder, else the PATH). */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  const folder = process.env.PILOTKARTE_PG_BIN ?? "/usr/lib/postgresql/15/bin";
  return existsSync(join(folder, name)) ? join(folder, name) : name;
}

/**
 * The connection as libpq's environment variables: the password then never shows in the process list
 * (`ps`), as it would in a `--dbname postgres://user:password@…` argument.
 */
function libpqEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.PGHOST = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || undefined;
  env.PGPORT = url.port || undefined;
  env.PGUSER = decodeURIComponent(url.username) || undefined;
  env.PGPASSWORD = decodeURIComponent(url.password) || undefined;
  env.PGDATABASE = decodeURIComponent(url.pathname.replace(/^\//, "")) || undefined;
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export async function backupPostgres(databaseUrl: string, out: string): Promise<void> {
  await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", out], {
    env: libpqEnvironment(databaseUrl),
  });
}

/** Restores a pg_dump file into the database (best an empty one; existing objects are replaced). */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await run(
    pgTool("pg_restore"),
    [
      "--no-owner",
      "--clean",
      "--if-exists",
      "--exit-on-error",
      "--single-transaction",
      "--dbname",
      libpqEnvironment(databaseUrl).PGDATABASE ?? "postgres",
      file,
    ],
    { env: libpqEnvironment(databaseUrl) },
  );
}

function flag(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = flag(rest, "--data") || process.env.PILOTKARTE_DATA || "server-data";
  const file = flag(rest, command === "backup" ? "--out" : "--in");
  if ((command !== "backup" && command !== "restore") || !file) {
    throw new Error("usage: backup.ts backup --out <file> | restore --in <file> [--data <folder>]");
  }
  if (command === "backup") {
    if (databaseUrl) await backupPostgres(databaseUrl, file);
    const counts = databaseUrl ? undefined : await backupPglite(dataDir, file);
    console.log(JSON.stringify({ backup: file, store: databaseUrl ? "postgres" : "pglite", rows: counts }));
  } else {
    if (databaseUrl) await restorePostgres(databaseUrl, file);
    const counts = databaseUrl ? undefined : await restorePglite(dataDir, file);
    console.log(JSON.stringify({ restored: file, store: databaseUrl ? "postgres" : "pglite", rows: counts }));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((error: Error & { stderr?: string }) => {
    const why = withoutUrlPasswords(error.stderr?.trim() || error.message);
    console.error(`Pilotkarte ${process.argv[2] ?? "backup"}: ${why}`);
    process.exit(1);
  });
}
