/**
 * The server as `npm start` runs it, as a process of its own: killed hard (SIGKILL, no chance to
 * flush anything) right after the clients' edits were acknowledged, then started again on the same
 * data folder. Every acknowledged edit must still be there: the server writes each update to its
 * store before it acknowledges it. And stopped cleanly (SIGTERM): it exits 0, having compacted what
 * it held, and its log (JSON lines on stdout/stderr) never shows a refused token.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SyncStore } from "../../../server/sync-store.ts";
import {
  acknowledged,
  type Client,
  connect,
  createRoom,
  fakeDist,
  tempFolder,
  until,
} from "./server-harness.ts";

const dataDir = tempFolder("process-data");
const distDir = fakeDist();
const running: ChildProcess[] = [];
const clients: Client[] = [];

/** Starts `server/main.ts` and resolves with its address once it listens. */
async function startProcess(
  data = dataDir,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--port", "0", "--data", data, "--dist", distDir],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PILOTKARTE_SYNC_SECRET: "" } },
  );
  running.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  await until(
    () => /Pilotkarte: (http:\S+)\//.test(output) || child.exitCode !== null,
    90_000,
    "server start",
  );
  const url = /Pilotkarte: (http:\S+)\//.exec(output)?.[1];
  if (url === undefined) throw new Error(`server did not start:\n${output}`);
  return { child, url, output: () => output };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

afterAll(() => {
  for (const each of clients) each.close();
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the server process", () => {
  it("keeps every acknowledged edit when it is killed and started again", async () => {
    const first = await startProcess();
    const room = await createRoom({ url: first.url, port: 0, close: async () => {} });
    const wsUrl = `${first.url.replace(/^http/, "ws")}/sync`;
    const a = await connect(wsUrl, room.room, room.links.edit.token);
    const b = await connect(wsUrl, `${room.room}/proposals`, room.links.propose.token);
    clients.push(a, b);
    for (let i = 0; i < 30; i += 1) {
      a.doc.getMap("plan").set(`area-${i}`, `Gebiet ${i}`);
      b.doc.getMap("proposals").set(`proposal-${i}`, i);
    }
    await acknowledged(a);
    await acknowledged(b);
    await killed(first.child);
    for (const each of clients.splice(0)) each.close();

    const second = await startProcess();
    const secondWs = `${second.url.replace(/^http/, "ws")}/sync`;
    const plan = await connect(secondWs, room.room, room.links.view.token);
    const proposals = await connect(secondWs, `${room.room}/proposals`, room.links.view.token);
    clients.push(plan, proposals);
    expect(plan.failures).toEqual([]);
    expect(plan.doc.getMap("plan").size).toBe(30);
    expect(plan.doc.getMap("plan").get("area-29")).toBe("Gebiet 29");
    expect(proposals.doc.getMap("proposals").get("proposal-29")).toBe(29);
    await killed(second.child);
  }, 240_000);

  it("stops on SIGTERM with exit code 0, every acknowledged edit compacted into the store", async () => {
    const data = tempFolder("process-sigterm");
    const server = await startProcess(data);
    const room = await createRoom({ url: server.url, port: 0, close: async () => {} });
    const wsUrl = `${server.url.replace(/^http/, "ws")}/sync`;
    const refusedToken = `${room.links.edit.token.slice(0, -4)}AAAA`;
    const refused = await connect(wsUrl, room.room, refusedToken);
    const editor = await connect(wsUrl, room.room, room.links.edit.token);
    clients.push(refused, editor);
    expect(refused.failures.length).toBeGreaterThan(0);
    for (let i = 0; i < 10; i += 1) editor.doc.getMap("plan").set(`area-${i}`, `Gebiet ${i}`);
    await acknowledged(editor);

    const exited = new Promise<number | null>((resolve) =>
      server.child.once("exit", (code) => resolve(code)),
    );
    server.child.kill("SIGTERM");
    await until(() => server.child.exitCode !== null, 30_000, "exit after SIGTERM");
    expect(await exited).toBe(0);
    for (const each of clients.splice(0)) each.close();
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(
      expect.arrayContaining(["connection refused", "stopping", "stopped"]),
    );
    expect(server.output()).not.toContain(refusedToken);
    expect(server.output()).not.toContain(room.links.edit.token);

    // Stored and compacted: the update log was folded into the document's state before the exit.
    const store = await SyncStore.open(join(data, "pglite"));
    const stored = await store.loadDocument(room.room);
    await store.close();
    expect(stored.updates).toEqual([]);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    expect(doc.getMap("plan").get("area-9")).toBe("Gebiet 9");
    expect(doc.getMap("plan").size).toBe(10);
  }, 120_000);
});
