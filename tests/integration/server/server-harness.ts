/**
 * Test helpers for the sync server: start the real server on 127.0.0.1 with an ephemeral port and a
 * temporary data folder, create rooms through its API, connect Hocuspocus providers (Node, with `ws`),
 * and send raw sync messages as a forged client would.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { type RunningServer, startServer } from "../../../server/app-server.ts";
import { DEFAULT_LIMITS, type Limits, readConfig, type ServerConfig } from "../../../server/config.ts";
import type { Role } from "../../../server/invitations.ts";
import { jsonLogger } from "../../../server/logger.ts";
import type { InvitationLink } from "../../../server/rooms-api.ts";

export const tempFolder = (name: string) => mkdtempSync(join(tmpdir(), `pilotkarte-${name}-`));

/** A small built app: index.html, a hashed asset, the service worker and a generated data file. */
export function fakeDist(): string {
  const dist = tempFolder("dist");
  mkdirSync(join(dist, "assets"));
  mkdirSync(join(dist, "generated"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Pilotkarte</title>");
  writeFileSync(join(dist, "assets", "index-AbCdEf12.js"), "console.log(1);");
  writeFileSync(join(dist, "sw.js"), "self.addEventListener('fetch', () => {});");
  writeFileSync(join(dist, "generated", "catalogue.json"), "{}");
  return dist;
}

export interface LogEntry {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface TestServer extends RunningServer {
  logs: LogEntry[];
  /** The log as the server writes it: JSON lines, secrets redacted (server/logger.ts). */
  logLines: string[];
  wsUrl: string;
}

export async function startTestServer(
  dataDir: string,
  distDir: string,
  limits: Partial<Limits> = {},
  /** Further settings, e.g. `databaseUrl`, `redisUrl` and a shared `secret` for several instances. */
  settings: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const logLines: string[] = [];
  const log = jsonLogger((line) => {
    logLines.push(line);
    const { level, message, time: _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
    logs.push({ level: String(level), message: String(message), fields });
  });
  const config = {
    ...readConfig(["--port", "0", "--data", dataDir, "--dist", distDir], {}),
    limits: { ...DEFAULT_LIMITS, ...limits },
    compactAfterMs: 100,
    ...settings,
  };
  const server = await startServer(config, log);
  return { ...server, logs, logLines, wsUrl: `${server.url.replace(/^http/, "ws")}/sync` };
}

export interface CreatedRoom {
  room: string;
  links: Record<Role, InvitationLink>;
}

export async function createRoom(server: RunningServer): Promise<CreatedRoom> {
  const response = await fetch(`${server.url}/api/rooms`, { method: "POST" });
  if (response.status !== 201) throw new Error(`room not created: ${response.status}`);
  const body = (await response.json()) as { room: string; links: InvitationLink[] };
  const links = Object.fromEntries(body.links.map((link) => [link.role, link])) as Record<
    Role,
    InvitationLink
  >;
  return { room: body.room, links };
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  failures: string[];
  readOnly: () => boolean;
  /** Disconnects and destroys the provider and its socket. */
  close: () => void;
}

/** A provider on one document; resolves once it is synced, or once authentication failed. */
export async function connect(wsUrl: string, name: string, token: string): Promise<Client> {
  const doc = new Y.Doc();
  const failures: string[] = [];
  let authenticated: { readOnly: boolean } | undefined;
  // Our own socket (Node has no WebSocket global in 20): the provider then does not manage it, and
  // syncs only once attached.
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onAuthenticated: (data) => {
      authenticated = { readOnly: data.scope === "readonly" };
    },
  });
  provider.attach();
  await until(() => provider.isSynced || failures.length > 0, 20_000, `sync of ${name}`);
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { provider, doc, failures, readOnly: () => authenticated?.readOnly ?? false, close };
}

/** Waits until the server acknowledged every local change of a client. */
export const acknowledged = (client: Client) =>
  until(() => client.provider.unsyncedChanges === 0, 10_000, "acknowledgement");

/** Encodes a Hocuspocus message: document name, then the given writer. */
function message(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * A raw client: authenticates on one document with a token, then can send a Yjs update as a sync
 * Update message, as a modified client would (no provider, no read-only check of its own).
 */
export async function rawClient(wsUrl: string, documentName: string, token: string) {
  const socket = new WebSocket(wsUrl);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const received: Uint8Array[] = [];
  socket.on("message", (data) => received.push(new Uint8Array(data as Buffer)));
  // Auth (2), Token (0), token.
  socket.send(
    message(documentName, (encoder) => {
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, token);
    }),
  );
  await until(() => received.length > 0, 10_000, "auth answer");
  const sendUpdate = (update: Uint8Array) =>
    // Sync (0), Update (2), update.
    socket.send(
      message(documentName, (encoder) => {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint(encoder, 2);
        encoding.writeVarUint8Array(encoder, update);
      }),
    );
  /** An Awareness (1) message with one client's entry, as a modified client could send it. */
  const sendAwareness = (clientId: number, clock: number, state: unknown) =>
    socket.send(
      message(documentName, (encoder) => {
        encoding.writeVarUint(encoder, 1);
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, clock);
        encoding.writeVarString(inner, JSON.stringify(state));
        encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
      }),
    );
  return { socket, received, closed, sendUpdate, sendAwareness };
}

/** A Yjs update that sets `key` to `value` in the top-level map `map`, made by a fresh client. */
export function updateSetting(map: string, key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(map).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
