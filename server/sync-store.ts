/**
 * The server's store: the plans' rooms, links and Yjs documents, in PostgreSQL's SQL. Which database
 * answers is the driver's business (sql-driver.ts): PGlite in a folder of the data directory (the
 * embedded default), or a PostgreSQL server when DATABASE_URL is set (city scale, several instances).
 * Why PGlite and not SQLite (see docs/shared-plans-server.md): Node 20 has no `node:sqlite`, and
 * `@hocuspocus/extension-sqlite` needs the native `sqlite3` module. The schema lives in
 * server/migrations/ (node-pg-migrate, the same files for both drivers).
 *
 * What is kept (table names are persisted: DO NOT RENAME WITHOUT A MIGRATION):
 * - `rooms`: each room with its creation time and the ids and roles of its invitation links;
 * - `revoked_links`: per room, the ids of revoked links;
 * - `documents`: the compacted state of each Y.Doc (one Yjs update holding everything);
 * - `document_updates`: every update accepted since the last compaction, written BEFORE the server
 *   applies and acknowledges it, so an acknowledged edit survives even a killed server.
 */

import * as Y from "yjs";
import type { Role } from "./invitations.ts";
import type { Logger } from "./logger.ts";
import { openDatabase, type SqlDriver } from "./sql-driver.ts";

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

/** `pg` answers bytea as a Buffer, PGlite as a Uint8Array: both become a plain Uint8Array. */
const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

export class SyncStore {
  constructor(private readonly db: SqlDriver) {}

  /**
   * Opens the store: the PostgreSQL server at `databaseUrl` when given, else PGlite in `folder`
   * (created on the first start); either way with the schema migrated up.
   */
  static async open(
    where: string | { databaseUrl?: string; folder: string },
    log: Logger = () => {},
  ): Promise<SyncStore> {
    const place = typeof where === "string" ? { folder: where } : where;
    return new SyncStore(await openDatabase(place, log));
  }

  /** The database itself, for what derives from the documents (the PostGIS mirror). */
  get database(): SqlDriver {
    return this.db;
  }

  /** Which database answers: "pglite" (embedded) or "postgres". */
  get kind(): SqlDriver["kind"] {
    return this.db.kind;
  }

  async createRoom(room: string, links: readonly StoredLink[]): Promise<void> {
    await this.db.query("insert into rooms (id, links) values ($1, $2)", [room, JSON.stringify(links)]);
  }

  /** The links of a room, or undefined when there is no such room. */
  async roomLinks(room: string): Promise<StoredLink[] | undefined> {
    const rows = await this.db.query<{ links: StoredLink[] }>("select links from rooms where id = $1", [
      room,
    ]);
    return rows[0]?.links;
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
    const rows = await this.db.query("select 1 from revoked_links where room = $1 and link_id = $2", [
      room,
      linkId,
    ]);
    return rows.length > 0;
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
    const compacted = state[0]?.state;
    return { state: compacted && bytes(compacted), updates: updates.map((row) => bytes(row.data)) };
  }

  /**
   * Replaces a document's compacted state and drops the logged updates that `state` contains
   * (`isContained` decides; an update that arrived after the state was encoded stays in the log).
   * With several server instances another one may have compacted in between with edits this one has
   * not seen yet: a stored state that `state` does not contain is merged in, never overwritten.
   */
  async compact(
    name: string,
    state: Uint8Array,
    isContained: (update: Uint8Array) => boolean,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const previous = await tx.query<{ state: Uint8Array }>(
        "select state from documents where name = $1 for update",
        [name],
      );
      const before = previous[0]?.state;
      const merged = before && !isContained(bytes(before)) ? Y.mergeUpdates([bytes(before), state]) : state;
      const logged = await tx.query<{ id: string | number; data: Uint8Array }>(
        "select id, data from document_updates where name = $1 order by id",
        [name],
      );
      await tx.query(
        `insert into documents (name, state, updated_at) values ($1, $2, now())
         on conflict (name) do update set state = excluded.state, updated_at = now()`,
        [name, merged],
      );
      const contained = logged.filter((row) => isContained(bytes(row.data))).map((row) => String(row.id));
      if (contained.length > 0) {
        await tx.query("delete from document_updates where id = any($1::bigint[])", [contained]);
      }
    });
  }

  /** Throws when the database does not answer a trivial query (readiness). */
  async ping(): Promise<void> {
    await this.db.query("select 1");
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
