/**
 * Several server instances on one PostgreSQL and one Redis (city scale), all started by this file
 * (services.ts): a client on each instance, an edit on one seen live on the other; a link revoked
 * through one instance closes its connections on the other; then one instance,
 * a process of its own, is killed hard mid-session, its client reconnects through the same address
 * (a small TCP proxy plays the load balancer) to the other instance, and nothing it acknowledged is lost.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledged,
  type Client,
  connect,
  createRoom,
  fakeDist,
  startTestServer,
  type TestServer,
  tempFolder,
  until,
} from "./server-harness.ts";
import { type Postgres, type RedisService, startPostgres, startRedis } from "./services.ts";

const secret = randomBytes(32).toString("hex");
const distDir = fakeDist();
let postgres: Postgres;
let redis: RedisService;
let databaseUrl: string;
const servers: TestServer[] = [];
const clients: Client[] = [];
const children: ChildProcess[] = [];
let proxy: Server | undefined;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  databaseUrl = await postgres.createDatabase("instances");
}, 120_000);

afterAll(async () => {
  for (const each of clients) each.close();
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  proxy?.close();
  for (const server of servers) await server.close();
  await redis?.stop();
  await postgres?.stop();
}, 60_000);

async function instance(): Promise<TestServer> {
  const server = await startTestServer(
    tempFolder("instance-data"),
    distDir,
    {},
    {
      databaseUrl,
      redisUrl: redis.url,
      secret,
    },
  );
  servers.push(server);
  return server;
}

async function client(wsUrl: string, name: string, token: string): Promise<Client> {
  const connected = await connect(wsUrl, name, token);
  clients.push(connected);
  expect(connected.failures).toEqual([]);
  return connected;
}

/** `server/main.ts` as a process of its own on the shared database and Redis. */
async function instanceProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--port", "0", "--data", tempFolder("process"), "--dist", distDir],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        PILOTKARTE_SYNC_SECRET: secret,
      },
    },
  );
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const address = /Pilotkarte: http:\/\/127\.0\.0\.1:(\d+)\//;
  await until(() => address.test(output) || child.exitCode !== null, 90_000, "instance start");
  const port = address.exec(output)?.[1];
  if (port === undefined) throw new Error(`instance did not start:\n${output}`);
  return { child, port: Number(port) };
}

/** A load balancer in miniature: forwards each new connection to the current target port. */
async function startProxy(target: { port: number }): Promise<number> {
  const sockets = new Set<Socket>();
  proxy = createServer((incoming) => {
    const outgoing = createConnection({ host: "127.0.0.1", port: target.port });
    for (const [from, to] of [
      [incoming, outgoing],
      [outgoing, incoming],
    ] as const) {
      sockets.add(from);
      from.pipe(to);
      from.on("error", () => to.destroy());
      from.on("close", () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
  return (proxy.address() as { port: number }).port;
}

describe("two server instances on one PostgreSQL and one Redis", () => {
  it("carry an edit made on one instance live to a client of the other", async () => {
    const [one, two] = [await instance(), await instance()];
    const room = await createRoom(one);
    const a = await client(one.wsUrl, room.room, room.links.edit.token);
    const b = await client(two.wsUrl, room.room, room.links.edit.token);
    a.doc.getMap("plan").set("name", "Nordstadt");
    await until(() => b.doc.getMap("plan").get("name") === "Nordstadt", 20_000, "edit of a at b");
    b.doc.getMap("plan").set("status", "draft");
    await until(() => a.doc.getMap("plan").get("status") === "draft", 20_000, "edit of b at a");
    await acknowledged(a);
    await acknowledged(b);

    // A view link on the second instance is read-only there too.
    const viewer = await client(two.wsUrl, room.room, room.links.view.token);
    expect(viewer.readOnly()).toBe(true);
    expect(viewer.doc.getMap("plan").toJSON()).toEqual({ name: "Nordstadt", status: "draft" });
  });

  it("closes a revoked link's live connections on every instance", async () => {
    const one = servers[0] ?? (await instance());
    const two = servers[1] ?? (await instance());
    const room = await createRoom(one);
    const viewer = await client(two.wsUrl, room.room, room.links.view.token);
    let closed = false;
    viewer.provider.on("close", () => {
      closed = true;
    });
    const response = await fetch(`${one.url}/api/rooms/${room.room}/revoke`, {
      method: "POST",
      headers: { Authorization: `Bearer ${room.links.edit.token}` },
      body: JSON.stringify({ linkId: room.links.view.linkId }),
    });
    expect(response.status).toBe(200);
    await until(() => closed, 20_000, "viewer on the other instance closed");
    const attempt = await connect(two.wsUrl, room.room, room.links.view.token);
    clients.push(attempt);
    expect(attempt.failures).toEqual(["invitation-revoked"]);
  });

  it("lets a client go on on the other instance when its instance is killed", async () => {
    const survivor = servers[0] ?? (await instance());
    const doomed = await instanceProcess();
    const target = { port: doomed.port };
    const proxyPort = await startProxy(target);
    const room = await createRoom(survivor);
    const editor = await client(`ws://127.0.0.1:${proxyPort}/sync`, room.room, room.links.edit.token);
    for (let i = 0; i < 30; i += 1) editor.doc.getMap("plan").set(`area-${i}`, `Gebiet ${i}`);
    await acknowledged(editor);

    let disconnects = 0;
    let syncs = 0;
    editor.provider.on("disconnect", () => {
      disconnects += 1;
    });
    editor.provider.on("synced", () => {
      if (disconnects > 0) syncs += 1;
    });
    // Killed hard: no chance to store or hand over anything.
    await new Promise<void>((resolve) => {
      doomed.child.once("exit", () => resolve());
      doomed.child.kill("SIGKILL");
    });
    await until(() => disconnects > 0, 20_000, "disconnect");
    // Before the editor is back (it would send its edits again), the survivor loads the plan from
    // PostgreSQL alone: every acknowledged edit is there.
    const viewer = await client(survivor.wsUrl, room.room, room.links.view.token);
    const plan = viewer.doc.getMap("plan");
    expect(plan.size).toBe(30);
    expect(plan.get("area-29")).toBe("Gebiet 29");

    // The balancer now sends to the survivor: the editor reconnects by itself and goes on.
    target.port = survivor.port;
    await until(() => syncs > 0, 30_000, "reconnect and sync");
    editor.doc.getMap("plan").set("after", "reconnected");
    await acknowledged(editor);
    await until(() => plan.get("after") === "reconnected", 20_000, "edit after reconnect");
    expect(plan.size).toBe(31);
  }, 180_000);
});
