/**
 * The server as `npm start` runs it, as a process of its own: killed hard (SIGKILL, no chance to
 * flush anything) right after the clients' edits were acknowledged, then started again on the same
 * data folder. Every acknowledged edit must still be there: the server writes each update to its
 * store before it acknowledges it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
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
async function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--port", "0", "--data", dataDir, "--dist", distDir],
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
  return { child, url };
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
});
