/**
 * What a load balancer and monitoring ask of the server (docs/shared-plans-server.md, "Operations"):
 * - `GET /api/health`: liveness, answered by the rooms API (the process runs and answers HTTP);
 * - `GET /api/ready`: readiness, 200 `{ ok: true }` only when the store answers a trivial query and,
 *   when configured, Redis answers PING; else 503 with `{ ok: false, reason, checks }`. 503 too while
 *   the server shuts down, so a load balancer stops sending new clients first;
 * - `GET /metrics`: Prometheus text (metrics.ts). Only for requests from this computer that did not
 *   pass a proxy, or with `Authorization: Bearer <PILOTKARTE_METRICS_TOKEN>`; others get 403 (room
 *   and connection counts are not for everybody).
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics.ts";
import { isDirectLoopback } from "./rooms-api.ts";

/** A check answers nothing when all is well, and throws with the reason otherwise. */
export type ReadinessCheck = () => Promise<void>;

export interface OperationsOptions {
  metrics: Metrics;
  checks: Record<string, ReadinessCheck>;
  metricsToken?: string;
  isClosing: () => boolean;
}

/** A check that takes longer than this counts as failed. */
const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify(body));
}

async function ready(options: OperationsOptions, response: ServerResponse): Promise<void> {
  if (options.isClosing()) {
    sendJson(response, 503, { ok: false, reason: "shutting-down", checks: {} });
    return;
  }
  const names = Object.keys(options.checks);
  const results = await Promise.allSettled(
    names.map((name) => withTimeout(options.checks[name] as ReadinessCheck)),
  );
  const checks: Record<string, string> = {};
  const failed: string[] = [];
  results.forEach((result, index) => {
    const name = names[index] as string;
    if (result.status === "fulfilled") checks[name] = "ok";
    else {
      checks[name] = String((result.reason as Error)?.message ?? result.reason);
      failed.push(name);
    }
  });
  if (failed.length === 0) sendJson(response, 200, { ok: true, checks });
  else sendJson(response, 503, { ok: false, reason: `${failed.join(", ")} not answering`, checks });
}

function mayReadMetrics(options: OperationsOptions, request: IncomingMessage): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (given !== undefined && options.metricsToken !== undefined) {
    const a = Buffer.from(given);
    const b = Buffer.from(options.metricsToken);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  return isDirectLoopback(request);
}

/** Answers /api/ready and /metrics; false for any other request. */
export async function handleOperations(
  options: OperationsOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const { pathname } = new URL(request.url ?? "/", "http://local");
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (pathname === "/api/ready") {
    await ready(options, response);
    return true;
  }
  if (pathname !== "/metrics") return false;
  if (!mayReadMetrics(options, request)) {
    sendJson(response, 403, {
      error: "forbidden",
      message: "Metrics are served to this computer only, or with the metrics token.",
    });
    return true;
  }
  response.writeHead(200, {
    "Content-Type": "text/plain; version=0.0.4; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(options.metrics.render());
  return true;
}
