/**
 * Operations on the embedded store (PGlite): readiness, Prometheus metrics that move with the edits
 * and refusals, who may read them, no token in the log of a refused connection, and a backup of a
 * room with edits restored into a new data folder that a new server serves with the same links.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { backupPglite, restorePglite } from "../../../server/backup.ts";
import { newLinkId, signInvitation } from "../../../server/invitations.ts";
import { parseMetrics } from "../../../server/metrics.ts";
import {
  acknowledged,
  type Client,
  type CreatedRoom,
  connect,
  createRoom,
  fakeDist,
  rawClient,
  startTestServer,
  type TestServer,
  tempFolder,
  until,
  updateSetting,
} from "./server-harness.ts";

const distDir = fakeDist();
const dataDir = tempFolder("ops-data");
let server: TestServer;
let room: CreatedRoom;
const clients: Client[] = [];
const extraServers: TestServer[] = [];

const metrics = async (target: TestServer = server) => {
  const response = await fetch(`${target.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return parseMetrics(await response.text());
};

beforeAll(async () => {
  server = await startTestServer(dataDir, distDir, {}, { metricsToken: "metrics-token-for-the-test" });
  room = await createRoom(server);
}, 120_000);

afterEach(() => {
  for (const each of clients.splice(0)) each.close();
});

afterAll(async () => {
  for (const each of extraServers) await each.close();
  await server?.close();
});

describe("readiness and liveness", () => {
  it("answers ready when the store answers, and healthy", async () => {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { store: "ok" } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe("metrics", () => {
  it("count accepted and refused updates, store latency, rooms and connections", async () => {
    const before = await metrics();
    const editor = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(editor);
    for (let i = 0; i < 3; i += 1) editor.doc.getMap("plan").set(`area-${i}`, `Gebiet ${i}`);
    await acknowledged(editor);
    const viewer = await rawClient(server.wsUrl, room.room, room.links.view.token);
    viewer.sendUpdate(updateSetting("plan", "forged", "x"));
    await until(
      () => server.logs.some((entry) => entry.message === "change refused: connection is read-only"),
      10_000,
      "refusal logged",
    );
    viewer.socket.close();

    const after = await metrics();
    const accepted = "pilotkarte_updates_accepted_total";
    expect(after.get(accepted) ?? 0).toBeGreaterThan(before.get(accepted) ?? 0);
    const refused = 'pilotkarte_updates_refused_total{reason="read-only"}';
    expect(after.get(refused)).toBe((before.get(refused) ?? 0) + 1);
    expect(after.get('pilotkarte_updates_refused_total{reason="document-too-big"}')).toBe(0);
    const appended = 'pilotkarte_store_duration_seconds_count{operation="append_update"}';
    expect(after.get(appended) ?? 0).toBeGreaterThanOrEqual(after.get(accepted) ?? 0);
    expect(after.get(appended) ?? 0).toBeGreaterThan(0);
    expect(after.get('pilotkarte_store_duration_seconds_bucket{operation="append_update",le="+Inf"}')).toBe(
      after.get(appended),
    );
    expect(after.get("pilotkarte_rooms_loaded")).toBeGreaterThanOrEqual(1);
    expect(after.get("pilotkarte_connections")).toBeGreaterThanOrEqual(1);
    expect(after.get("process_resident_memory_bytes") ?? 0).toBeGreaterThan(0);
  });

  it("are served to this computer, or with the metrics token, not through a proxy without it", async () => {
    const proxied = { "X-Forwarded-For": "203.0.113.7" };
    expect((await fetch(`${server.url}/metrics`, { headers: proxied })).status).toBe(403);
    const wrong = { ...proxied, Authorization: "Bearer metrics-token-for-the-tesT" };
    expect((await fetch(`${server.url}/metrics`, { headers: wrong })).status).toBe(403);
    const right = { ...proxied, Authorization: "Bearer metrics-token-for-the-test" };
    expect((await fetch(`${server.url}/metrics`, { headers: right })).status).toBe(200);
  });
});

describe("logs", () => {
  it("are JSON lines, and a refused connection's token never appears in them", async () => {
    const before = await metrics();
    const foreignSecret = Buffer.from("a-secret-that-is-not-the-servers-secret-at-all");
    const forged = signInvitation(foreignSecret, {
      room: room.room,
      role: "edit",
      linkId: newLinkId(),
      expiresAt: Date.now() + 60_000,
    });
    const expired = signInvitation(Buffer.from("x".repeat(40)), {
      room: room.room,
      role: "edit",
      linkId: newLinkId(),
      expiresAt: Date.now() - 60_000,
    });
    const start = server.logLines.length;
    for (const token of [forged, expired, "not-even-a-token-0123456789"]) {
      const refused = await connect(server.wsUrl, room.room, token);
      clients.push(refused);
      expect(refused.failures.length).toBeGreaterThan(0);
    }
    await until(() => server.logLines.length - start >= 3, 10_000, "refusal log lines");
    const lines = server.logLines.slice(start);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(typeof entry.time).toBe("string");
      expect(["info", "warn", "error"]).toContain(entry.level);
      expect(typeof entry.message).toBe("string");
    }
    const text = lines.join("\n");
    expect(text).toContain("connection refused");
    for (const token of [forged, expired, "not-even-a-token-0123456789"]) expect(text).not.toContain(token);
    for (const link of Object.values(room.links))
      expect(server.logLines.join("\n")).not.toContain(link.token);
    const after = await metrics();
    const refusedTotal = (values: Map<string, number>) =>
      [...values]
        .filter(([key]) => key.startsWith("pilotkarte_connections_refused_total"))
        .reduce((a, [, v]) => a + v, 0);
    expect(refusedTotal(after)).toBeGreaterThanOrEqual(refusedTotal(before) + 3);
  });
});

describe("backup and restore (PGlite)", () => {
  it("brings a room with its edits into a new data folder, where the same links open the same plan", async () => {
    const editor = await connect(server.wsUrl, room.room, room.links.edit.token);
    clients.push(editor);
    for (let i = 0; i < 20; i += 1) editor.doc.getMap("plan").set(`backup-${i}`, i);
    await acknowledged(editor);
    const proposer = await connect(server.wsUrl, `${room.room}/proposals`, room.links.propose.token);
    clients.push(proposer);
    proposer.doc.getMap("proposals").set("p-1", "Vorschlag");
    await acknowledged(proposer);
    const expected = editor.doc.getMap("plan").toJSON();
    for (const each of clients.splice(0)) each.close();
    // PGlite belongs to one process: the backup reads a stopped server's folder.
    await server.close();

    const file = join(tempFolder("ops-backup"), "backup.json");
    const counts = await backupPglite(dataDir, file);
    expect(counts.rooms).toBe(1);
    expect(counts.documents + counts.document_updates).toBeGreaterThan(0);
    const freshDir = tempFolder("ops-restored");
    expect(await restorePglite(freshDir, file)).toEqual(counts);
    await expect(restorePglite(freshDir, file)).rejects.toThrow(/not empty/);

    const restored = await startTestServer(freshDir, distDir);
    extraServers.push(restored);
    const viewer = await connect(restored.wsUrl, room.room, room.links.view.token);
    clients.push(viewer);
    expect(viewer.failures).toEqual([]);
    expect(viewer.doc.getMap("plan").toJSON()).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(23);
    const proposals = await connect(restored.wsUrl, `${room.room}/proposals`, room.links.view.token);
    clients.push(proposals);
    expect(proposals.doc.getMap("proposals").get("p-1")).toBe("Vorschlag");
    // The restored log continues: a new edit is stored after the restored ones.
    const editorAgain = await connect(restored.wsUrl, room.room, room.links.edit.token);
    clients.push(editorAgain);
    editorAgain.doc.getMap("plan").set("after-restore", true);
    await acknowledged(editorAgain);
    await until(() => viewer.doc.getMap("plan").get("after-restore") === true, 10_000, "edit after restore");
  }, 60_000);
});
