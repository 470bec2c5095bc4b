/**
 * Checks awareness (presence) messages before Hocuspocus applies and relays them. Awareness is not
 * stored, but it reaches every participant's screen, so the server holds it to the same few rules the
 * client checks (src/domain/sync/presence.ts), and to one the client cannot check:
 *
 * - a state has at most 4,096 characters, and a Pilotkarte presence in it has the exact shape;
 * - the role a presence announces is the role of the connection's invitation (a view link cannot
 *   appear as "bearbeiten");
 * - each awareness client id belongs to the connection that first announced it: others may repeat
 *   (echo) what the server already has, which changes nothing, but not change or remove it;
 * - one connection announces at most 4 client ids (a provider uses one), so one link cannot fill the
 *   list with made-up participants.
 */
import type { Connection, Document as ServerDocument } from "@hocuspocus/server";
import { PRESENCE_FIELD, parsePresence } from "../src/domain/sync/presence.ts";
import type { Role } from "./invitations.ts";
import type { AwarenessEntry } from "./sync-messages.ts";

export const AWARENESS_LIMITS = {
  stateChars: 4096,
  clientsPerConnection: 4,
} as const;

export class AwarenessGuard {
  /** Owner connection of each awareness client id, per document. */
  private readonly owners = new Map<string, Map<number, Connection>>();

  /** Undefined when the message may pass; otherwise the refusal reason. */
  check(
    documentName: string,
    document: ServerDocument,
    connection: Connection,
    role: Role,
    entries: readonly AwarenessEntry[],
  ): string | undefined {
    const owners = this.owners.get(documentName) ?? new Map<number, Connection>();
    this.owners.set(documentName, owners);
    for (const entry of entries) {
      if (entry.state.length > AWARENESS_LIMITS.stateChars) return "awareness-too-big";
      const known = document.awareness.meta.get(entry.clientId)?.clock;
      let owner = owners.get(entry.clientId);
      if (owner !== undefined && owner !== connection && !document.hasConnection(owner)) {
        owners.delete(entry.clientId);
        owner = undefined;
      }
      const removesLive =
        entry.clock === known && entry.state === "null" && document.awareness.states.has(entry.clientId);
      const changes = known === undefined || entry.clock > known || removesLive;
      // An echo of what the server has already changes nothing (Yjs ignores it): let it pass.
      if (!changes) continue;
      if (owner === undefined) {
        if (entry.state === "null") continue;
        if (ownedBy(owners, connection) >= AWARENESS_LIMITS.clientsPerConnection) {
          return "awareness-too-many-clients";
        }
        owners.set(entry.clientId, connection);
      } else if (owner !== connection) {
        return "awareness-not-yours";
      }
      const problem = checkState(entry.state, role);
      if (problem) return problem;
    }
    return undefined;
  }

  /** Forgets the client ids of connections that have left a document. */
  forget(documentName: string, document: ServerDocument | undefined): void {
    const owners = this.owners.get(documentName);
    if (owners === undefined) return;
    for (const [clientId, owner] of owners) {
      if (document === undefined || !document.hasConnection(owner)) owners.delete(clientId);
    }
    if (owners.size === 0) this.owners.delete(documentName);
  }
}

function ownedBy(owners: Map<number, Connection>, connection: Connection): number {
  let count = 0;
  for (const owner of owners.values()) if (owner === connection) count++;
  return count;
}

function checkState(text: string, role: Role): string | undefined {
  if (text === "null") return undefined;
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return "awareness-malformed";
  }
  if (typeof state !== "object" || state === null || Array.isArray(state)) return "awareness-malformed";
  if (!(PRESENCE_FIELD in state)) return undefined;
  const presence = parsePresence(state);
  if (presence === null) return "awareness-malformed";
  if (presence.role !== role) return "awareness-wrong-role";
  return undefined;
}
