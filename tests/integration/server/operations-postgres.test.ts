/**
 * Operations on PostgreSQL and Redis (throwaway services, services.ts): readiness follows the
 * database (503 with the reason while it is stopped, 200 again once it is back, and edits are stored
 * again), Redis is part of readiness, and a pg_dump backup restored into a new database serves the
 * same plan to the same links.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { backupPostgres, restorePostgres } from "../../../server/backup.ts";
import {
  acknowledged,
  type Client,
  type CreatedRoom,
  connect,
  createRoom,
  fakeDist,
  startTestServer,
  type TestServer,
  tempFolder,
} from "./server-harness.ts";
import { type Postgres, type RedisService, startPostgres, startRedis } from "./services.ts";

const distDir = fakeDist();
const secret = randomBytes(32).toString("hex");
let postgres: Postgres;
let databaseUrl: string;
let redis: RedisService;
let server: TestServer;
let room: CreatedRoom;
const clients: Client[] = [];
const extraServers: TestServer[] = [];

const readiness = async (target: TestServer = server) => {
  const response = await fetch(`${target.url}/api/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Polls readiness until it answers `status` (at most `tries` × 200 ms). */
async function readyBecomes(status: number, tries = 100) {
  let last = await readiness();
  for (let attempt = 0; attempt < tries && last.status !== status; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await readiness();
  }
  return last;
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  databaseUrl = await postgres.createDatabase("operations");
  server = await startTestServer(
    tempFolder("ops-pg"),
    distDir,
    {},
    { databaseUrl, redisUrl: redis.url, secret },
  );
  room = await createRoom(server);
}, 120_000);

afterEach(() => {
  for (const each of clients.splice(0)) each.close();
});

afterAll(async () => {
  for (const each of extraServers) await each.close();
  await server?.close();
  await redis?.stop();
  await postgres?.stop();
});

describe("readiness on PostgreSQL and Redis", () => {
  it("is ready with both answering", async () => {
    expect(await readiness()).toEqual({
      status: 200,
      body: { ok: true, checks: { store: "ok", redis: "ok" } },
    });
  });

  it("says 503 and why while PostgreSQL is stopped, and stores edits again once it is back", async () => {
    const editor = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(editor);
    editor.doc.getMap("plan").set("before", 1);
    await acknowledged(editor);

    await postgres.pause();
    const down = await readyBecomes(503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, reason: "store not answering" });
    expect((down.body.checks as Record<string, string>).redis).toBe("ok");
    // Liveness is not readiness: the process still answers.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    await postgres.resume();
    const up = await readyBecomes(200);
    expect(up.status).toBe(200);
    // The pool reconnected: a new edit is stored and acknowledged.
    editor.doc.getMap("plan").set("after", 2);
    await acknowledged(editor);
  }, 60_000);
});

describe("backup and restore (PostgreSQL, pg_dump)", () => {
  it("restores a room with its edits into a new database that a server serves with the same links", async () => {
    const editor = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(editor);
    for (let i = 0; i < 10; i += 1) editor.doc.getMap("plan").set(`area-${i}`, `Gebiet ${i}`);
    await acknowledged(editor);
    const expected = editor.doc.getMap("plan").toJSON();

    const file = join(tempFolder("ops-pgdump"), "backup.dump");
    await backupPostgres(databaseUrl, file);
    const restoredUrl = await postgres.createDatabase("operations_restored");
    await restorePostgres(restoredUrl, file);

    const restored = await startTestServer(
      tempFolder("ops-pg-restored"),
      distDir,
      {},
      { databaseUrl: restoredUrl, secret },
    );
    extraServers.push(restored);
    const viewer = await connect(restored.wsUrl, room.room, room.links.view.token);
    clients.push(viewer);
    expect(viewer.failures).toEqual([]);
    expect(viewer.doc.getMap("plan").toJSON()).toEqual(expected);
    expect(viewer.doc.getMap("plan").get("after")).toBe(2);
  }, 60_000);
});

describe("readiness without Redis", () => {
  // Last: Redis is not started again (the file's afterAll finds it stopped).
  it("says 503 and why when Redis is away", async () => {
    await redis.stop();
    const down = await readyBecomes(503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, reason: "redis not answering" });
    expect((down.body.checks as Record<string, string>).store).toBe("ok");
  }, 30_000);
});
