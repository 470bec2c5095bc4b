/**
 * The server's embedded store: PGlite (PostgreSQL compiled to WebAssembly) in a folder of the data
 * directory. Why PGlite and not SQLite (see docs/shared-plans-server.md): Node 20 has no `node:sqlite`,
 * and `@hocuspocus/extension-sqlite` needs the native `sqlite3` module, whose prebuilt binary cannot be
 * downloaded here and whose source build needs a compiler and allowed install scripts on every
 * machine. PGlite is plain JavaScript + WASM, and it speaks the SQL of the PostgreSQL server the
 * follow-up issue brings for larger installations.
 *
 * What is kept (table names are persisted: DO NOT RENAME WITHOUT A MIGRATION):
 * - `rooms`: each room with its creation time and the ids and roles of its invitation links;
 * - `revoked_links`: per room, the ids of revoked links;
 * - `documents`: the compacted state of each Y.Doc (one Yjs update holding everything);
 * - `document_updates`: every update accepted since the last compaction, written BEFORE the server
 *   applies and acknowledges it, so an acknowledged edit survives even a killed server.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Role } from "./invitations.ts";

export interface StoredLink {
  linkId: string;
  role: Role;
}

export interface StoredDocument {
  /** The compacted state, if the document was ever compacted. */
  state: Uint8Array | undefined;
  /** Updates accepted since, in the order they arrived. */
  updates: Uint8Array[];
}

const SCHEMA = `
create table if not exists rooms (
  id text primary key,
  created_at timestamptz not null default now(),
  links jsonb not null
);
create table if not exists revoked_links (
  room text not null references rooms (id),
  link_id text not null,
  revoked_at timestamptz not null default now(),
  primary key (room, link_id)
);
create table if not exists documents (
  name text primary key,
  state bytea not null,
  updated_at timestamptz not null default now()
);
create table if not exists document_updates (
  id bigserial primary key,
  name text not null,
  data bytea not null,
  received_at timestamptz not null default now()
);
create index if not exists document_updates_by_name on document_updates (name, id);
`;

export class SyncStore {
  private constructor(private readonly db: PGlite) {}

  /** Opens (and on the first start creates) the store in `folder`. */
  static async open(folder: string): Promise<SyncStore> {
    mkdirSync(folder, { recursive: true });
    const db = await PGlite.create(folder);
    await db.exec(SCHEMA);
    return new SyncStore(db);
  }

  async createRoom(room: string, links: readonly StoredLink[]): Promise<void> {
    await this.db.query("insert into rooms (id, links) values ($1, $2)", [room, JSON.stringify(links)]);
  }

  /** The links of a room, or undefined when there is no such room. */
  async roomLinks(room: string): Promise<StoredLink[] | undefined> {
    const result = await this.db.query<{ links: StoredLink[] }>("select links from rooms where id = $1", [
      room,
    ]);
    return result.rows[0]?.links;
  }

  /** Revokes a link; false when the room has no such link. */
  async revokeLink(room: string, linkId: string): Promise<boolean> {
    const links = await this.roomLinks(room);
    if (!links?.some((link) => link.linkId === linkId)) return false;
    await this.db.query("insert into revoked_links (room, link_id) values ($1, $2) on conflict do nothing", [
      room,
      linkId,
    ]);
    return true;
  }

  async isRevoked(room: string, linkId: string): Promise<boolean> {
    const result = await this.db.query("select 1 from revoked_links where room = $1 and link_id = $2", [
      room,
      linkId,
    ]);
    return result.rows.length > 0;
  }

  /** Appends one accepted update to a document's log (durable when the promise resolves). */
  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    await this.db.query("insert into document_updates (name, data) values ($1, $2)", [name, update]);
  }

  async loadDocument(name: string): Promise<StoredDocument> {
    const state = await this.db.query<{ state: Uint8Array }>("select state from documents where name = $1", [
      name,
    ]);
    const updates = await this.db.query<{ data: Uint8Array }>(
      "select data from document_updates where name = $1 order by id",
      [name],
    );
    return { state: state.rows[0]?.state, updates: updates.rows.map((row) => row.data) };
  }

  /**
   * Replaces a document's compacted state and drops the logged updates that `state` contains
   * (`isContained` decides; an update that arrived after the state was encoded stays in the log).
   */
  async compact(
    name: string,
    state: Uint8Array,
    isContained: (update: Uint8Array) => boolean,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const logged = await tx.query<{ id: number; data: Uint8Array }>(
        "select id, data from document_updates where name = $1 order by id",
        [name],
      );
      await tx.query(
        `insert into documents (name, state, updated_at) values ($1, $2, now())
         on conflict (name) do update set state = excluded.state, updated_at = now()`,
        [name, state],
      );
      const contained = logged.rows.filter((row) => isContained(row.data)).map((row) => row.id);
      if (contained.length > 0) {
        await tx.query("delete from document_updates where id = any($1::bigint[])", [contained]);
      }
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
