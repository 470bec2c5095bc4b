/**
 * The Hocuspocus extension that makes a shared plan safe: it checks invitations in onAuthenticate,
 * makes every connection read-only that its role may not write, refuses (and logs) any change a
 * read-only connection still sends before it reaches the document or anybody else, enforces the
 * limits, and keeps every accepted update in the store before the server applies and acknowledges it.
 */
import type {
  beforeHandleMessagePayload,
  Connection,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
  Document as ServerDocument,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { AwarenessGuard } from "./awareness-guard.ts";
import type { Limits } from "./config.ts";
import {
  type DocumentKind,
  type Invitation,
  mayWrite,
  parseDocumentName,
  verifyInvitation,
} from "./invitations.ts";
import type { Logger } from "./logger.ts";
import { Metrics } from "./metrics.ts";
import type { PostgisMirror } from "./postgis-mirror.ts";
import { readMessage } from "./sync-messages.ts";
import type { SyncStore } from "./sync-store.ts";

/** What onAuthenticate leaves in a connection's context. */
export interface ConnectionContext {
  invitation: Invitation;
  kind: DocumentKind;
}

/** A refusal as Hocuspocus sends it: a close event (code and reason) the client sees. */
export class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Close codes of our own (4000-4999 is free for applications). */
export const CLOSE_CODES = {
  forbidden: 4403,
  messageTooBig: 4413,
  documentTooBig: 4507,
} as const;

/** An update with nothing in it: no structs and an empty delete set. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2;

export class SyncExtension implements Extension {
  extensionName = "pilotkarte-sync";
  /** Live connections by link id, to close them when a link is revoked. */
  private readonly byLink = new Map<string, Set<Connection>>();
  /** Upper bound of each loaded document's encoded size (exact after load, then grown per update). */
  private readonly sizeBound = new Map<string, number>();
  /** Who may announce which awareness (presence) states. */
  private readonly awareness = new AwarenessGuard();
  /** Bytes of accepted updates being stored, not yet applied to their document. */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly store: SyncStore,
    private readonly secret: Buffer,
    private readonly limits: Limits,
    private readonly log: Logger,
    private readonly mirror?: PostgisMirror,
    readonly metrics: Metrics = new Metrics(),
  ) {}

  async onAuthenticate(payload: onAuthenticatePayload): Promise<ConnectionContext> {
    const { token, documentName, connectionConfig, instance } = payload;
    const target = parseDocumentName(documentName);
    const refuse = (why: string, reason: string): never => {
      this.log("warn", "connection refused", { documentName, why });
      this.metrics.connectionsRefused.inc({ reason: reason.replace(/:.*/, "") });
      throw new Refusal(CLOSE_CODES.forbidden, reason);
    };
    if (target === undefined) return refuse("unknown document name", "unknown-document");
    const checked = verifyInvitation(this.secret, token);
    if (!checked.ok) return refuse(`token ${checked.problem}`, `invitation-${checked.problem}`);
    const { invitation } = checked;
    if (invitation.room !== target.room) return refuse("token for another room", "invitation-other-room");
    const links = await this.store.roomLinks(target.room);
    const link = links?.find((candidate) => candidate.linkId === invitation.linkId);
    if (link === undefined || link.role !== invitation.role)
      return refuse("no such link", "invitation-unknown");
    if (await this.store.isRevoked(target.room, invitation.linkId)) {
      return refuse("link revoked", "invitation-revoked");
    }
    const connections = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
    if (connections >= this.limits.maxConnectionsPerRoom) {
      this.log("warn", "room full", { documentName, connections });
      this.metrics.connectionsRefused.inc({ reason: "room-full" });
      throw new Refusal(
        CLOSE_CODES.forbidden,
        `room-full: at most ${this.limits.maxConnectionsPerRoom} connections per room`,
      );
    }
    connectionConfig.readOnly = !mayWrite(invitation.role, target.kind);
    return { invitation, kind: target.kind };
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    const { linkId } = (context as ConnectionContext).invitation;
    const set = this.byLink.get(linkId) ?? new Set();
    set.add(connection);
    this.byLink.set(linkId, set);
  }

  async onDisconnect({ context, documentName, document }: onDisconnectPayload): Promise<void> {
    this.awareness.forget(documentName, document);
    const linkId = (context as Partial<ConnectionContext>).invitation?.linkId;
    if (linkId === undefined) return;
    const set = this.byLink.get(linkId);
    if (set === undefined) return;
    for (const connection of set) {
      if (!connection.document.hasConnection(connection)) set.delete(connection);
    }
    if (set.size === 0) this.byLink.delete(linkId);
  }

  /** Closes every live connection of a revoked link. */
  closeLink(linkId: string): number {
    const set = this.byLink.get(linkId);
    if (set === undefined) return 0;
    for (const connection of set) {
      connection.close({ code: CLOSE_CODES.forbidden, reason: "invitation-revoked" });
      connection.webSocket.close(CLOSE_CODES.forbidden, "invitation-revoked");
    }
    this.byLink.delete(linkId);
    return set.size;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.metrics.timeStore("load", () => this.store.loadDocument(documentName));
    document.transact(() => {
      if (stored.state) Y.applyUpdate(document, stored.state);
      for (const update of stored.updates) Y.applyUpdate(document, update);
    });
    this.sizeBound.set(documentName, Y.encodeStateAsUpdate(document).length);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.sizeBound.delete(documentName);
  }

  /**
   * Runs before Hocuspocus applies a message: refuses what the connection may not do, and writes an
   * accepted update to the store first (Hocuspocus acknowledges it only after this resolves).
   */
  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    const { connection, document, documentName, update: data, context } = payload;
    const who = whoIs(context as ConnectionContext);
    if (data.length > this.limits.maxMessageBytes) {
      this.log("warn", "message too big", { documentName, ...who, bytes: data.length });
      this.metrics.updatesRefused.inc({ reason: "message-too-big" });
      throw new Refusal(
        CLOSE_CODES.messageTooBig,
        `message-too-big: ${data.length} bytes, at most ${this.limits.maxMessageBytes}`,
      );
    }
    const message = readMessage(data);
    if (message === undefined) {
      this.log("warn", "undecodable message refused", { documentName, ...who });
      this.metrics.updatesRefused.inc({ reason: "undecodable" });
      throw new Refusal(CLOSE_CODES.forbidden, "undecodable-message");
    }
    if (message.awareness) {
      const refused = this.awareness.check(
        documentName,
        document,
        connection,
        (context as ConnectionContext).invitation.role,
        message.awareness,
      );
      if (refused === undefined) return;
      this.log("warn", "awareness refused", { documentName, ...who, why: refused });
      throw new Refusal(CLOSE_CODES.forbidden, refused);
    }
    const { update } = message;
    if (update === undefined || isEmptyUpdate(update)) return;
    // A client's first sync (SyncStep2) often holds only what the server has already: nothing to
    // refuse or store.
    if (!message.isLiveUpdate && Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
    if (connection.readOnly) {
      this.log("warn", "change refused: connection is read-only", {
        documentName,
        ...who,
        bytes: update.length,
      });
      this.metrics.updatesRefused.inc({ reason: "read-only" });
      throw new Refusal(CLOSE_CODES.forbidden, "read-only: this invitation may not change this document");
    }
    this.checkDocumentSize(document, documentName, update.length, who);
    // Hocuspocus handles a connection's messages concurrently: until this update is stored (and then
    // applied), the document does not show it, so the size checks of the next ones count it here.
    this.changeInFlight(documentName, update.length);
    try {
      await this.metrics.timeStore("append_update", () => this.store.appendUpdate(documentName, update));
      this.metrics.updatesAccepted.inc();
    } catch (error) {
      // Not acknowledged: Hocuspocus closes the connection, and the client sends it again.
      this.metrics.storeErrors.inc({ operation: "append_update" });
      this.log("error", "update not stored", { documentName, ...who, error: (error as Error).message });
      throw error;
    } finally {
      this.changeInFlight(documentName, -update.length);
    }
  }

  private changeInFlight(documentName: string, bytes: number): void {
    const total = (this.inFlight.get(documentName) ?? 0) + bytes;
    if (total === 0) this.inFlight.delete(documentName);
    else this.inFlight.set(documentName, total);
  }

  private checkDocumentSize(
    document: ServerDocument,
    documentName: string,
    bytes: number,
    who: Record<string, string>,
  ): void {
    let bound = (this.sizeBound.get(documentName) ?? 0) + bytes;
    if (bound > this.limits.maxDocumentBytes) {
      // The bound only grows; measure the real size before refusing.
      bound = Y.encodeStateAsUpdate(document).length + (this.inFlight.get(documentName) ?? 0) + bytes;
    }
    if (bound > this.limits.maxDocumentBytes) {
      this.log("warn", "change refused: document too big", { documentName, ...who, bytes: bound });
      this.metrics.updatesRefused.inc({ reason: "document-too-big" });
      throw new Refusal(
        CLOSE_CODES.documentTooBig,
        `document-too-big: the plan would have ${bound} bytes, at most ${this.limits.maxDocumentBytes}`,
      );
    }
    this.sizeBound.set(documentName, bound);
  }

  /**
   * Compacts a document's update log into one state (debounced by Hocuspocus). A failure (the
   * database is gone for a moment) loses nothing: every accepted update is in the log already, and
   * the next store compacts it. It is logged and counted, never thrown: Hocuspocus would rethrow it
   * from its debounce timer as an unhandled rejection, which ends the process.
   */
  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = Y.encodeStateAsUpdate(document);
    const snapshot = Y.snapshot(document);
    try {
      await this.metrics.timeStore("compact", () =>
        this.store.compact(documentName, state, (update) => Y.snapshotContainsUpdate(snapshot, update)),
      );
    } catch (error) {
      this.metrics.storeErrors.inc({ operation: "compact" });
      this.log("error", "compaction failed: the update log keeps every edit", {
        documentName,
        error: (error as Error).message,
      });
      return;
    }
    this.sizeBound.set(documentName, state.length + (this.inFlight.get(documentName) ?? 0));
    const target = parseDocumentName(documentName);
    if (this.mirror && target?.kind === "plan") {
      // The mirror is derived: a failure is logged and mended by the next stored change.
      await this.mirror.write(target.room, document).catch((error: Error) => {
        this.log("error", "PostGIS mirror not written", { documentName, error: error.message });
      });
    }
  }
}

function whoIs(context: Partial<ConnectionContext> | undefined): Record<string, string> {
  const invitation = context?.invitation;
  return invitation ? { role: invitation.role, link: invitation.linkId } : {};
}
