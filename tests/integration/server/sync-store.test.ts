/**
 * The sync store on both of its databases: the embedded PGlite and a real PostgreSQL 15 server
 * (a throwaway cluster started by this file, see services.ts). The same suite runs on each; the
 * schema comes from the same migration files (node-pg-migrate), tested up and down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { migrate } from "../../../server/migrations.ts";
import { openPglite, openPostgres, type SqlDriver } from "../../../server/sql-driver.ts";
import { SyncStore } from "../../../server/sync-store.ts";
import { tempFolder } from "./server-harness.ts";
import { type Postgres, startPostgres } from "./services.ts";

let postgres: Postgres;
const opened: { close(): Promise<void> }[] = [];
let databases = 0;

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  for (const each of opened.splice(0)) await each.close().catch(() => undefined);
  await postgres?.stop();
});

type Backend = "pglite" | "postgres";

/** A fresh, empty place for a store on `backend`: a PGlite folder or a new PostgreSQL database. */
async function freshPlace(backend: Backend): Promise<{ databaseUrl?: string; folder: string }> {
  const folder = tempFolder("store");
  if (backend === "pglite") return { folder };
  databases += 1;
  return { folder, databaseUrl: await postgres.createDatabase(`store_${databases}`) };
}

async function openStore(place: { databaseUrl?: string; folder: string }): Promise<SyncStore> {
  const store = await SyncStore.open(place);
  opened.push(store);
  return store;
}

async function openDriver(backend: Backend, place: { databaseUrl?: string; folder: string }) {
  const driver: SqlDriver =
    backend === "pglite"
      ? await openPglite(place.folder)
      : await openPostgres(place.databaseUrl ?? "", () => {});
  opened.push(driver);
  return driver;
}

const OUR_TABLES = ["document_updates", "documents", "revoked_links", "rooms"];

async function tables(driver: SqlDriver): Promise<string[]> {
  const rows = await driver.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  return rows.map((row) => row.table_name);
}

/** A Yjs update that sets `key` in the map "plan" on top of `doc`, and the doc's full state after. */
function edit(doc: Y.Doc, key: string, value: unknown): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap("plan").set(key, value);
  return Y.encodeStateAsUpdate(doc, before);
}

describe.each<Backend>(["pglite", "postgres"])("the sync store on %s", (backend) => {
  // One store per backend for the tests that need no empty database (each uses names of its own):
  // opening a PGlite folder costs seconds on a busy machine.
  let place: { databaseUrl?: string; folder: string };
  let store: SyncStore;
  beforeAll(async () => {
    place = await freshPlace(backend);
    store = await openStore(place);
  }, 120_000);

  it("says which database answers", () => {
    expect(store.kind).toBe(backend);
  });

  it("keeps rooms with their links, and revoked links", async () => {
    await store.createRoom("rooms-a", [
      { linkId: "edit-1", role: "edit" },
      { linkId: "view-1", role: "view" },
    ]);
    expect(await store.roomLinks("rooms-a")).toEqual([
      { linkId: "edit-1", role: "edit" },
      { linkId: "view-1", role: "view" },
    ]);
    expect(await store.roomLinks("rooms-b")).toBeUndefined();
    await expect(store.createRoom("rooms-a", [])).rejects.toThrow();

    expect(await store.revokeLink("rooms-a", "nope")).toBe(false);
    expect(await store.revokeLink("rooms-b", "view-1")).toBe(false);
    expect(await store.isRevoked("rooms-a", "view-1")).toBe(false);
    expect(await store.revokeLink("rooms-a", "view-1")).toBe(true);
    expect(await store.revokeLink("rooms-a", "view-1")).toBe(true);
    expect(await store.isRevoked("rooms-a", "view-1")).toBe(true);
    expect(await store.isRevoked("rooms-a", "edit-1")).toBe(false);
  });

  it("logs updates in order and gives them back as bytes, per document", async () => {
    expect(await store.loadDocument("log")).toEqual({ state: undefined, updates: [] });
    await store.appendUpdate("log", new Uint8Array([1, 2, 3]));
    await store.appendUpdate("log-other", new Uint8Array([9]));
    await store.appendUpdate("log", Buffer.from([4, 5]));
    const loaded = await store.loadDocument("log");
    expect(loaded.updates).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]);
    expect(loaded.updates.every((update) => update.constructor === Uint8Array)).toBe(true);
  });

  it("compacts: the state replaces the updates it contains, a later update stays logged", async () => {
    const doc = new Y.Doc();
    const first = edit(doc, "a", 1);
    const second = edit(doc, "b", 2);
    await store.appendUpdate("compact-one", first);
    await store.appendUpdate("compact-one", second);
    const state = Y.encodeStateAsUpdate(doc);
    const snapshot = Y.snapshot(doc);
    const late = edit(doc, "c", 3);
    await store.appendUpdate("compact-one", late);
    await store.compact("compact-one", state, (update) => Y.snapshotContainsUpdate(snapshot, update));

    const loaded = await store.loadDocument("compact-one");
    expect(loaded.updates).toEqual([late]);
    const again = new Y.Doc();
    if (loaded.state) Y.applyUpdate(again, loaded.state);
    for (const update of loaded.updates) Y.applyUpdate(again, update);
    expect(again.getMap("plan").toJSON()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it("compacts without losing what another instance compacted before", async () => {
    // Two instances with the same document: each has seen only its own client's edit so far.
    const base = new Y.Doc();
    const shared = edit(base, "shared", true);
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, shared);
    Y.applyUpdate(two, shared);
    await store.appendUpdate("compact-two", shared);
    const fromOne = edit(one, "one", 1);
    await store.appendUpdate("compact-two", fromOne);
    const fromTwo = edit(two, "two", 2);
    await store.appendUpdate("compact-two", fromTwo);
    const compactAs = (doc: Y.Doc) => {
      const snapshot = Y.snapshot(doc);
      return store.compact("compact-two", Y.encodeStateAsUpdate(doc), (update) =>
        Y.snapshotContainsUpdate(snapshot, update),
      );
    };
    await compactAs(one);
    await compactAs(two);
    const loaded = await store.loadDocument("compact-two");
    expect(loaded.updates).toEqual([]);
    const again = new Y.Doc();
    if (loaded.state) Y.applyUpdate(again, loaded.state);
    expect(again.getMap("plan").toJSON()).toEqual({ shared: true, one: 1, two: 2 });
  });

  it("keeps everything when opened again, and migrates only once", async () => {
    await store.createRoom("room", [{ linkId: "l", role: "propose" }]);
    await store.appendUpdate("room", new Uint8Array([7]));
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    const messages: string[] = [];
    const reopened = await SyncStore.open(place, (_level, message) => messages.push(message));
    opened.push(reopened);
    expect(messages).not.toContain("database migrated");
    expect(await reopened.roomLinks("room")).toEqual([{ linkId: "l", role: "propose" }]);
    expect((await reopened.loadDocument("room")).updates).toEqual([new Uint8Array([7])]);
  });

  it("migrates the schema up and down with node-pg-migrate, adopting tables made before migrations", async () => {
    const driver = await openDriver(backend, await freshPlace(backend));
    expect(await tables(driver)).toEqual([]);
    // A data folder from before migrations existed already has the tables (here: one of them).
    await driver.query(
      "create table rooms (id text primary key, created_at timestamptz not null default now(), links jsonb not null)",
    );
    await driver.query("insert into rooms (id, links) values ('old', '[]')");
    expect(await migrate(driver.migrationTarget, "up")).toEqual(["1765000000000_initial-schema"]);
    expect(await driver.query("select id from rooms")).toEqual([{ id: "old" }]);
    expect(await tables(driver)).toEqual([...OUR_TABLES, "pgmigrations"].sort());
    expect(await migrate(driver.migrationTarget, "up")).toEqual([]);

    expect(await migrate(driver.migrationTarget, "down")).toEqual(["1765000000000_initial-schema"]);
    expect(await tables(driver)).toEqual(["pgmigrations"]);
    expect(await driver.query("select name from pgmigrations")).toEqual([]);

    expect(await migrate(driver.migrationTarget, "up")).toEqual(["1765000000000_initial-schema"]);
    expect(await tables(driver)).toEqual([...OUR_TABLES, "pgmigrations"].sort());
    expect(await driver.query("select id from rooms")).toEqual([]);
    await driver.query("insert into rooms (id, links) values ($1, $2)", ["r", "[]"]);
    await driver.query("insert into document_updates (name, data) values ($1, $2)", [
      "r",
      new Uint8Array([1]),
    ]);
    expect(await driver.query("select id from rooms")).toEqual([{ id: "r" }]);
  });
});
