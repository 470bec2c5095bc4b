/**
 * The sync server as planners use it: the real server on 127.0.0.1 (ephemeral port, temporary data
 * folder), Hocuspocus providers in Node as clients, and raw WebSocket messages for what a modified
 * client could send. The whole suite runs twice: on the embedded PGlite, and on a throwaway
 * PostgreSQL 15 server (DATABASE_URL; services.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newLinkId, signInvitation } from "../../../server/invitations.ts";
import { SyncStore } from "../../../server/sync-store.ts";
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
import { type Postgres, startPostgres } from "./services.ts";

const distDir = fakeDist();
let dataDir: string;
/** The PostgreSQL database of the "postgres" run; undefined: PGlite in the data folder. */
let databaseUrl: string | undefined;
let postgres: Postgres | undefined;
let server: TestServer;
let room: CreatedRoom;
const clients: Client[] = [];

async function client(name: string, token: string): Promise<Client> {
  const connected = await connect(server.wsUrl, name, token);
  clients.push(connected);
  return connected;
}

const proposalsOf = (room: string) => `${room}/proposals`;

afterEach(() => {
  for (const each of clients.splice(0)) each.close();
});

afterAll(async () => {
  await postgres?.stop();
});

// The whole suite on each store: the embedded PGlite, and a PostgreSQL server (DATABASE_URL).
describe.each(["pglite", "postgres"] as const)("sync server on %s", (backend) => {
  beforeAll(async () => {
    dataDir = tempFolder("sync-data");
    databaseUrl = undefined;
    if (backend === "postgres") {
      postgres = await startPostgres();
      databaseUrl = await postgres.createDatabase("sync_server");
    }
    server = await startTestServer(
      dataDir,
      distDir,
      { maxConnectionsPerRoom: 10, maxMessageBytes: 100_000, maxDocumentBytes: 200_000 },
      { databaseUrl },
    );
    room = await createRoom(server);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  describe("two editors", () => {
    it("see each other's edits", async () => {
      const a = await client(room.room, room.links.edit.token);
      const b = await client(room.room, room.links.edit.token);
      expect(a.failures).toEqual([]);
      a.doc.getMap("plan").set("name", "Nordstadt");
      await until(() => b.doc.getMap("plan").get("name") === "Nordstadt", 10_000, "edit at b");
      b.doc.getMap("plan").set("status", "draft");
      await until(() => a.doc.getMap("plan").get("status") === "draft", 10_000, "edit at a");
      await acknowledged(a);
      await acknowledged(b);
    });
  });

  describe("a view link", () => {
    it("connects read-only, and a forged update is refused, logged and never reaches others", async () => {
      const editor = await client(room.room, room.links.edit.token);
      const viewer = await client(room.room, room.links.view.token);
      expect(viewer.failures).toEqual([]);
      expect(viewer.readOnly()).toBe(true);
      expect(viewer.doc.getMap("plan").get("name")).toBe("Nordstadt");

      const raw = await rawClient(server.wsUrl, room.room, room.links.view.token);
      raw.sendUpdate(updateSetting("plan", "name", "Forged"));
      await until(
        () => server.logs.some((entry) => entry.message === "change refused: connection is read-only"),
        10_000,
        "refusal logged",
      );
      // A later edit by the editor arrives; the forged one never did.
      editor.doc.getMap("plan").set("marker", "after-forgery");
      await until(() => viewer.doc.getMap("plan").get("marker") === "after-forgery");
      expect(editor.doc.getMap("plan").get("name")).toBe("Nordstadt");
      expect(viewer.doc.getMap("plan").get("name")).toBe("Nordstadt");
      const refusal = server.logs.find(
        (entry) => entry.message === "change refused: connection is read-only",
      );
      expect(refusal?.fields).toMatchObject({ documentName: room.room, role: "view" });
      raw.socket.close();
    });
  });

  describe("a propose link", () => {
    it("cannot write the plan but can write the proposals", async () => {
      const editorProposals = await client(proposalsOf(room.room), room.links.edit.token);
      const proposerPlan = await client(room.room, room.links.propose.token);
      expect(proposerPlan.readOnly()).toBe(true);
      const proposer = await client(proposalsOf(room.room), room.links.propose.token);
      expect(proposer.readOnly()).toBe(false);

      proposer.doc.getMap("proposals").set("p1", "Gebiet am Hafen");
      await until(() => editorProposals.doc.getMap("proposals").get("p1") === "Gebiet am Hafen");
      await acknowledged(proposer);

      const before = server.logs.length;
      const raw = await rawClient(server.wsUrl, room.room, room.links.propose.token);
      raw.sendUpdate(updateSetting("plan", "name", "Vom Vorschlagenden"));
      await until(
        () => server.logs.slice(before).some((entry) => entry.fields.role === "propose"),
        10_000,
        "refusal logged",
      );
      const fresh = await client(room.room, room.links.edit.token);
      expect(fresh.doc.getMap("plan").get("name")).toBe("Nordstadt");
      raw.socket.close();
    });
  });

  describe("tokens", () => {
    const secret = () => Buffer.from(readFileSync(join(dataDir, "secret"), "utf8").trim(), "utf8");

    it("refuses an expired token", async () => {
      const expired = signInvitation(secret(), {
        room: room.room,
        role: "edit",
        linkId: room.links.edit.linkId,
        expiresAt: Date.now() - 1000,
      });
      const attempt = await client(room.room, expired);
      expect(attempt.failures).toEqual(["invitation-expired"]);
    });

    it("refuses a tampered token (view link turned into an edit link)", async () => {
      const [prefix, payload, signature] = room.links.view.token.split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
      const forged = Buffer.from(JSON.stringify({ ...claims, o: "edit" })).toString("base64url");
      const attempt = await client(room.room, `${prefix}.${forged}.${signature}`);
      expect(attempt.failures).toEqual(["invitation-bad-signature"]);
    });

    it("refuses a token signed with another secret, and a link the room does not have", async () => {
      const foreign = signInvitation(Buffer.from("x".repeat(64)), {
        room: room.room,
        role: "edit",
        linkId: room.links.edit.linkId,
        expiresAt: Date.now() + 60_000,
      });
      expect((await client(room.room, foreign)).failures).toEqual(["invitation-bad-signature"]);
      const unknownLink = signInvitation(secret(), {
        room: room.room,
        role: "edit",
        linkId: newLinkId(),
        expiresAt: Date.now() + 60_000,
      });
      expect((await client(room.room, unknownLink)).failures).toEqual(["invitation-unknown"]);
    });

    it("refuses a token of another room", async () => {
      const other = await createRoom(server);
      const attempt = await client(room.room, other.links.edit.token);
      expect(attempt.failures).toEqual(["invitation-other-room"]);
    });

    it("revokes a link: live connections are closed and new ones refused", async () => {
      const viewer = await client(room.room, room.links.view.token);
      let closed = false;
      viewer.provider.on("close", () => {
        closed = true;
      });
      const forbidden = await fetch(`${server.url}/api/rooms/${room.room}/revoke`, {
        method: "POST",
        headers: { Authorization: `Bearer ${room.links.propose.token}` },
        body: JSON.stringify({ linkId: room.links.view.linkId }),
      });
      expect(forbidden.status).toBe(403);
      const response = await fetch(`${server.url}/api/rooms/${room.room}/revoke`, {
        method: "POST",
        headers: { Authorization: `Bearer ${room.links.edit.token}` },
        body: JSON.stringify({ linkId: room.links.view.linkId }),
      });
      expect(response.status).toBe(200);
      await until(() => closed, 10_000, "viewer closed");
      const attempt = await client(room.room, room.links.view.token);
      expect(attempt.failures).toEqual(["invitation-revoked"]);
    });
  });

  describe("limits", () => {
    it("refuses a message over the size limit, with a clear reason", async () => {
      const big = await createRoom(server);
      const raw = await rawClient(server.wsUrl, big.room, big.links.edit.token);
      raw.sendUpdate(updateSetting("plan", "blob", "x".repeat(150_000)));
      await until(() => server.logs.some((entry) => entry.message === "message too big"));
      const fresh = await client(big.room, big.links.edit.token);
      expect(fresh.doc.getMap("plan").get("blob")).toBeUndefined();
      raw.socket.close();
    });

    it("refuses a change that makes the document too big, with a clear reason", async () => {
      const big = await createRoom(server);
      const editor = await client(big.room, big.links.edit.token);
      const watcher = await client(big.room, big.links.edit.token);
      for (let i = 0; i < 4; i += 1) editor.doc.getMap("plan").set(`blob-${i}`, "x".repeat(60_000));
      await until(() => server.logs.some((entry) => entry.message === "change refused: document too big"));
      await until(() => watcher.doc.getMap("plan").has("blob-2"), 10_000, "the first three blobs");
      expect(watcher.doc.getMap("plan").has("blob-3")).toBe(false);
      const refusal = server.logs.find((entry) => entry.message === "change refused: document too big");
      expect(refusal?.fields).toMatchObject({ documentName: big.room, role: "edit" });
    });

    it("refuses connections beyond the per-room limit", async () => {
      const full = await createRoom(server);
      const accepted: Client[] = [];
      for (let i = 0; i < 10; i += 1) accepted.push(await client(full.room, full.links.view.token));
      expect(accepted.every((each) => each.failures.length === 0)).toBe(true);
      const refused = await client(full.room, full.links.view.token);
      expect(refused.failures[0]).toMatch(/^room-full: at most 10 connections per room/);
    });
  });

  describe("a restart with the same data folder", () => {
    it("keeps every acknowledged edit", async () => {
      const editor = await client(room.room, room.links.edit.token);
      for (let i = 0; i < 20; i += 1) editor.doc.getMap("plan").set(`edit-${i}`, i);
      await acknowledged(editor);
      for (const each of clients.splice(0)) each.close();
      await server.close();
      // The update log was compacted into the document's state when its last client left.
      const store = await SyncStore.open({ databaseUrl, folder: join(dataDir, "pglite") });
      expect(store.kind).toBe(backend);
      const stored = await store.loadDocument(room.room);
      await store.close();
      const compacted = new Y.Doc();
      if (stored.state) Y.applyUpdate(compacted, stored.state);
      expect(compacted.getMap("plan").get("edit-19")).toBe(19);

      server = await startTestServer(dataDir, distDir, {}, { databaseUrl });
      const after = await client(room.room, room.links.edit.token);
      expect(after.failures).toEqual([]);
      const plan = after.doc.getMap("plan");
      expect(plan.get("name")).toBe("Nordstadt");
      expect(plan.get("edit-19")).toBe(19);
      expect(plan.get("status")).toBe("draft");
      const proposals = await client(proposalsOf(room.room), room.links.edit.token);
      expect(proposals.doc.getMap("proposals").get("p1")).toBe("Gebiet am Hafen");
    }, 120_000);
  });
});
