/**
 * One Node process, one port: the built app (static files), the rooms API (/api/) and the Hocuspocus
 * sync endpoint (/sync, a WebSocket upgrade). `startServer` is what `npm start` and the tests call.
 */
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import type { ServerConfig } from "./config.ts";
import { consoleLogger, type Logger } from "./logger.ts";
import { Metrics } from "./metrics.ts";
import { handleOperations, type OperationsOptions } from "./operations.ts";
import { PostgisMirror } from "./postgis-mirror.ts";
import { redisExtension, revocationChannel } from "./redis.ts";
import { handleRoomsApi } from "./rooms-api.ts";
import { loadOrCreateSecret } from "./secret.ts";
import { hasBuiltApp, serveStatic } from "./static-files.ts";
import { SyncExtension } from "./sync-extension.ts";
import { SyncStore } from "./sync-store.ts";

/** The path of the sync endpoint (WebSocket). */
export const SYNC_PATH = "/sync";

/** Headroom over the message limit for the WebSocket frame limit, so the sync hook can say why. */
const FRAME_HEADROOM = 64 * 1024;

export interface RunningServer {
  /** http://host:port of the running server. */
  url: string;
  port: number;
  /** Stops accepting, closes every connection, and closes the store. */
  close(): Promise<void>;
}

const isSyncUpgrade = (request: IncomingMessage) =>
  new URL(request.url ?? "/", "http://local").pathname === SYNC_PATH;

export async function startServer(config: ServerConfig, log: Logger = consoleLogger): Promise<RunningServer> {
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { secret, source } = loadOrCreateSecret(dataDir, config.secret);
  if (source === "generated") log("info", "signing secret generated", { path: join(dataDir, "secret") });
  const store = await SyncStore.open(
    { databaseUrl: config.databaseUrl, folder: join(dataDir, "pglite") },
    log,
  );
  const mirror = store.kind === "postgres" ? new PostgisMirror(store.database) : undefined;
  const metrics = new Metrics();
  const sync = new SyncExtension(store, secret, config.limits, log, mirror, metrics);
  const hocuspocus = new Hocuspocus({
    name: "pilotkarte",
    quiet: true,
    extensions: config.redisUrl ? [redisExtension(config.redisUrl, log), sync] : [sync],
    debounce: config.compactAfterMs,
    maxDebounce: config.compactAfterMs * 5,
  });
  metrics.observe({
    roomsLoaded: () => hocuspocus.getDocumentsCount(),
    connections: () => hocuspocus.getConnectionsCount(),
  });
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxMessageBytes + FRAME_HEADROOM,
  });
  webSockets.on("connection", (socket, request) => {
    socket.on("error", (error) => log("warn", "WebSocket error", { error: error.message }));
    hocuspocus.handleConnection(socket, request);
  });

  const revocations = config.redisUrl
    ? await revocationChannel(config.redisUrl, (linkId) => sync.closeLink(linkId), log)
    : undefined;

  const distDir = resolve(config.distDir);
  if (!hasBuiltApp(distDir)) log("warn", "no built app: run npm run build", { distDir });
  const apiOptions = {
    store,
    secret,
    policy: config.roomCreation,
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    invitationDays: config.invitationDays,
    log,
    closeLink: (linkId: string) => {
      revocations?.publish(linkId).catch((error: Error) => {
        log("error", "revocation not published to the other instances", { linkId, error: error.message });
      });
      return sync.closeLink(linkId);
    },
  };
  let closing: Promise<void> | undefined;
  const operations: OperationsOptions = {
    metrics,
    metricsToken: config.metricsToken,
    isClosing: () => closing !== undefined,
    checks: {
      store: () => store.ping(),
      ...(revocations ? { redis: () => revocations.ping() } : {}),
    },
  };
  const http: Server = createServer((request, response) => {
    void (async () => {
      if (await handleOperations(operations, request, response)) return;
      if (await handleRoomsApi(apiOptions, request, response)) return;
      if (serveStatic(distDir, request, response)) return;
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Not found\n");
    })();
  });
  http.on("upgrade", (request, socket, head) => {
    if (!isSyncUpgrade(request)) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (ws) => webSockets.emit("connection", ws, request));
  });

  await new Promise<void>((done, fail) => {
    http.once("error", fail);
    http.listen(config.port, config.host, () => done());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
  log("info", "listening", {
    url,
    sync: `${url.replace(/^http/, "ws")}${SYNC_PATH}`,
    dataDir,
    distDir,
    store: store.kind,
    redis: config.redisUrl !== undefined,
  });

  const close = () => {
    closing ??= (async () => {
      // Stop accepting: no new HTTP or WebSocket connections, idle keep-alive ones closed now.
      http.close();
      http.closeIdleConnections();
      for (const socket of webSockets.clients) socket.close(1001, "server-shutting-down");
      hocuspocus.closeConnections();
      await waitForUnload(hocuspocus, 5000);
      webSockets.close();
      // Extensions let go of what they hold (the Redis extension its connections).
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
      await revocations?.close();
      await store.close();
      http.closeAllConnections();
    })();
    return closing;
  };
  return { url, port, close };
}

/** Waits until Hocuspocus has stored and unloaded every document (at most `ms`). */
async function waitForUnload(hocuspocus: Hocuspocus, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (hocuspocus.getDocumentsCount() > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
