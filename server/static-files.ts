/**
 * Serves the built app (dist/) with the headers a deployment should send: the security headers and
 * Content-Security-Policy of src/app/security-headers.ts, `immutable` caching for files whose name
 * carries a content hash (Vite's assets/), and `no-cache` (revalidate with the ETag every time) for
 * everything else: index.html, the service worker, the manifest and the generated data, whose names
 * stay the same when their content changes.
 */
import { createReadStream, type Stats, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, normalize, resolve, sep } from "node:path";
import { securityHeaders } from "../src/app/security-headers.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".pbf": "application/x-protobuf",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Vite's hashed file names: `assets/index-DiwrgTda.js`, `assets/noto-sans-latin-400-normal-BzY2b3Xx.woff2`. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/** The Cache-Control for a path below dist/ (without a leading slash). */
export const cacheControlFor = (path: string): string => (HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE);

const etagOf = (stats: Stats) => `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;

/** Whether a request path stays inside dist/ (no `..`, encoded slashes and the like). */
function isInside(root: string, path: string): boolean {
  const full = resolve(root, normalize(path));
  return full === root || full.startsWith(root + sep);
}

function fileAt(root: string, path: string): { path: string; stats: Stats } | undefined {
  if (!isInside(root, path)) return undefined;
  const full = resolve(root, normalize(path));
  try {
    const stats = statSync(full);
    return stats.isFile() ? { path: full, stats } : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a GET or HEAD request for a file of the app; false when it is not one of ours. */
export function serveStatic(distDir: string, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const root = resolve(distDir);
  let pathname: string;
  try {
    // Not `new URL(path, base)`: it reads "//assets/x.js" as a host named "assets".
    pathname = decodeURIComponent((request.url ?? "/").split(/[?#]/, 1)[0] ?? "/");
  } catch {
    return false;
  }
  let relative = pathname.replace(/^\/+/, "");
  if (pathname.includes("\0") || !isInside(root, relative)) return false;
  let file = relative === "" ? undefined : fileAt(root, relative);
  // A path without a file extension is a page of the app: index.html answers it.
  if (file === undefined && extname(relative) === "") {
    relative = "index.html";
    file = fileAt(root, relative);
  }
  if (file === undefined) return false;
  const etag = etagOf(file.stats);
  const headers: Record<string, string> = {
    ...securityHeaders(),
    "Content-Type": CONTENT_TYPES[extname(file.path)] ?? "application/octet-stream",
    "Cache-Control": cacheControlFor(relative.split(sep).join("/")),
    ETag: etag,
    "Last-Modified": file.stats.mtime.toUTCString(),
  };
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, { ...headers, "Content-Length": String(file.stats.size) });
  if (request.method === "HEAD") {
    response.end();
    return true;
  }
  createReadStream(file.path).pipe(response);
  return true;
}

/** True when dist/ holds a built app. */
export const hasBuiltApp = (distDir: string): boolean => fileAt(resolve(distDir), "index.html") !== undefined;
