/**
 * The server's settings, from command-line flags and environment variables (documented in
 * docs/shared-plans-server.md). Flags win over the environment.
 *
 * | setting              | flag         | environment                      | default                    |
 * | -------------------- | ------------ | -------------------------------- | -------------------------- |
 * | port                 | --port       | PORT                             | 4173                       |
 * | host (bind address)  | --host [ip]  | HOST                             | 127.0.0.1 (--host: 0.0.0.0)|
 * | built app            | --dist       | PILOTKARTE_DIST                  | dist                       |
 * | data folder          | --data       | PILOTKARTE_DATA                  | server-data                |
 * | signing secret       |              | PILOTKARTE_SYNC_SECRET           | generated into data folder |
 * | admin token          |              | PILOTKARTE_ADMIN_TOKEN           | none                       |
 * | who creates rooms    |              | PILOTKARTE_ROOM_CREATION         | loopback                   |
 * | public address       |              | PILOTKARTE_PUBLIC_URL            | from the request           |
 * | limits               |              | PILOTKARTE_MAX_MESSAGE_BYTES,    | 2 MiB, 16 MiB, 100         |
 * |                      |              | PILOTKARTE_MAX_DOCUMENT_BYTES,   |                            |
 * |                      |              | PILOTKARTE_MAX_CONNECTIONS_PER_ROOM |                         |
 * | PostgreSQL server    |              | DATABASE_URL                     | none: PGlite in data folder|
 * | several instances    |              | REDIS_URL                        | none: one instance         |
 * | metrics for others   |              | PILOTKARTE_METRICS_TOKEN         | none: loopback only        |
 */

/**
 * Who may create rooms (POST /api/rooms):
 * - `loopback`: requests from this computer (127.0.0.1, ::1) that did not pass a proxy, or with the
 *   admin token. The default: a facilitator running `npm start` on their laptop can share at once,
 *   and nobody else in the network can fill the disk with rooms.
 * - `token`: only requests with `Authorization: Bearer <PILOTKARTE_ADMIN_TOKEN>`.
 * - `anyone`: everybody who reaches the server (an internal team server behind a VPN).
 */
export type RoomCreationPolicy = "loopback" | "token" | "anyone";

export interface Limits {
  /** Largest WebSocket message the server accepts, in bytes. */
  maxMessageBytes: number;
  /** Largest encoded Y.Doc, in bytes; an update that would grow a document past it is refused. */
  maxDocumentBytes: number;
  /** Most connections to one document of a room at a time. */
  maxConnectionsPerRoom: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxConnectionsPerRoom: 100,
};

export interface ServerConfig {
  port: number;
  host: string;
  distDir: string;
  dataDir: string;
  secret?: string;
  adminToken?: string;
  /** Bearer token that lets a scraper outside this computer read /metrics. */
  metricsToken?: string;
  roomCreation: RoomCreationPolicy;
  publicUrl?: string;
  limits: Limits;
  /** How long invitation links stay valid, in days. */
  invitationDays: number;
  /** A PostgreSQL server (`postgres://…`) instead of the embedded PGlite. */
  databaseUrl?: string;
  /** A Redis server (`redis://…`) that links several instances on one PostgreSQL. */
  redisUrl?: string;
  /** Wait this long after an edit before compacting a document's update log, in milliseconds. */
  compactAfterMs: number;
}

type Environment = Record<string, string | undefined>;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${text}"`);
  return value;
}

function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index < 0) return undefined;
  const next = args[index + 1];
  return next !== undefined && !next.startsWith("--") ? next : "";
}

/** Reads the settings; throws with a readable message on a bad value. */
export function readConfig(args: readonly string[], env: Environment): ServerConfig {
  const hostFlag = flagValue(args, "--host");
  const policy = env.PILOTKARTE_ROOM_CREATION ?? "loopback";
  if (policy !== "loopback" && policy !== "token" && policy !== "anyone") {
    throw new Error(`PILOTKARTE_ROOM_CREATION must be loopback, token or anyone, not "${policy}"`);
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new Error(
      "REDIS_URL (several instances) needs DATABASE_URL: the instances must share one database",
    );
  }
  if (policy === "token" && !env.PILOTKARTE_ADMIN_TOKEN) {
    throw new Error("PILOTKARTE_ROOM_CREATION=token needs PILOTKARTE_ADMIN_TOKEN");
  }
  return {
    port: positiveIntegerOrZero("--port", flagValue(args, "--port") ?? env.PORT, 4173),
    // `--host` alone means every interface, as it did for `vite preview`.
    host: hostFlag === "" ? "0.0.0.0" : (hostFlag ?? env.HOST ?? "127.0.0.1"),
    distDir: flagValue(args, "--dist") || env.PILOTKARTE_DIST || "dist",
    dataDir: flagValue(args, "--data") || env.PILOTKARTE_DATA || "server-data",
    secret: env.PILOTKARTE_SYNC_SECRET || undefined,
    adminToken: env.PILOTKARTE_ADMIN_TOKEN || undefined,
    metricsToken: env.PILOTKARTE_METRICS_TOKEN || undefined,
    roomCreation: policy,
    publicUrl: env.PILOTKARTE_PUBLIC_URL?.replace(/\/+$/, "") || undefined,
    limits: {
      maxMessageBytes: positiveInteger(
        "PILOTKARTE_MAX_MESSAGE_BYTES",
        env.PILOTKARTE_MAX_MESSAGE_BYTES,
        DEFAULT_LIMITS.maxMessageBytes,
      ),
      maxDocumentBytes: positiveInteger(
        "PILOTKARTE_MAX_DOCUMENT_BYTES",
        env.PILOTKARTE_MAX_DOCUMENT_BYTES,
        DEFAULT_LIMITS.maxDocumentBytes,
      ),
      maxConnectionsPerRoom: positiveInteger(
        "PILOTKARTE_MAX_CONNECTIONS_PER_ROOM",
        env.PILOTKARTE_MAX_CONNECTIONS_PER_ROOM,
        DEFAULT_LIMITS.maxConnectionsPerRoom,
      ),
    },
    invitationDays: positiveInteger("PILOTKARTE_INVITATION_DAYS", env.PILOTKARTE_INVITATION_DAYS, 30),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    compactAfterMs: 2000,
  };
}

/** A port: 0 lets the system pick one (tests). */
function positiveIntegerOrZero(name: string, text: string | undefined, fallback: number): number {
  return text === "0" ? 0 : positiveInteger(name, text, fallback);
}
