/**
 * Throwaway services for the server's tests, started by the tests themselves (never skipped: a test
 * that needs PostgreSQL or Redis starts it here, or fails saying what is missing):
 * - PostgreSQL 15 (Debian's postgresql-15): a fresh cluster in a temporary folder (initdb), listening
 *   on 127.0.0.1 only at a free port, its unix socket in that folder, fsync off; run as the `postgres`
 *   user when the tests run as root (PostgreSQL refuses root);
 * - Redis (Debian's redis-server): on 127.0.0.1 at a free port, nothing written to disk.
 * Each test file starts what it needs once (beforeAll) and stops it in afterAll; each test takes a
 * database of its own (`createDatabase`).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export const PG_BIN = process.env.PILOTKARTE_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const INSTALL_HINT = "apt-get install postgresql-15 postgresql-15-postgis-3 redis-server (see .ci/run)";

/** A TCP port nobody listens on right now (the system picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function requireBinary(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} is not installed (${path} is missing): ${INSTALL_HINT}`);
}

export interface Postgres {
  port: number;
  /** postgres://… of the cluster's `postgres` database (superuser, no password on 127.0.0.1). */
  url: string;
  /** Creates an empty database and answers its address. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server but keeps its data (`resume` starts it again on the same port). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  requireBinary(join(PG_BIN, "initdb"), "PostgreSQL 15");
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: the cluster then belongs to `postgres`.
  const as = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
  const folder = mkdtempSync(join(tmpdir(), "pilotkarte-postgres-"));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const uid = Number(stdout.trim());
    chownSync(folder, uid, Number((await run("id", ["-g", "postgres"])).stdout.trim()));
  }
  const data = join(folder, "data");
  const port = await freePort();
  const user = asRoot ? "postgres" : userInfo().username;
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c full_page_writes=off`;
  const start = () =>
    as(join(PG_BIN, "pg_ctl"), [
      "-D",
      data,
      "-o",
      options,
      "-l",
      join(folder, "log"),
      "-w",
      "-t",
      "60",
      "start",
    ]);
  try {
    await as(join(PG_BIN, "initdb"), [
      "-D",
      data,
      "-U",
      user,
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    await start();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
  }
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  return {
    port,
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://${user}@127.0.0.1:${port}/${name}`;
    },
    pause: async () => {
      await as(join(PG_BIN, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    resume: async () => {
      await start();
    },
    stop: async () => {
      await as(join(PG_BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface RedisService {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

export async function startRedis(): Promise<RedisService> {
  const binary = process.env.PILOTKARTE_REDIS_SERVER ?? "/usr/bin/redis-server";
  requireBinary(binary, "Redis");
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  // At most 20 s (200 tries, 100 ms apart), or until the process ended.
  for (let attempt = 0; attempt < 200 && child.exitCode === null; attempt += 1) {
    if (await canConnect(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.exitCode !== null || !(await canConnect(port))) {
    child.kill("SIGKILL");
    throw new Error(`redis-server did not start on port ${port}:\n${output}`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
