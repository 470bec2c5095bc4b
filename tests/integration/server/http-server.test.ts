/**
 * The server's HTTP side: the built app with its cache and security headers, the rooms API and who
 * may create rooms, and the secret file. Real server on 127.0.0.1, ephemeral port, temporary folders.
 */
import { statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicyHeader } from "../../../src/app/security-headers.ts";
import { fakeDist, startTestServer, type TestServer, tempFolder } from "./server-harness.ts";

const dataDir = tempFolder("http-data");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(dataDir, fakeDist());
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("static files", () => {
  it("serves index.html with no-cache and the Content-Security-Policy", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicyHeader());
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("<title>Pilotkarte</title>");
  });

  it("serves hashed assets as immutable, and the service worker and data with no-cache", async () => {
    const asset = await fetch(`${server.url}/assets/index-AbCdEf12.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.headers.get("cache-control")).toBe("no-cache");
    const data = await fetch(`${server.url}/generated/catalogue.json`);
    expect(data.headers.get("cache-control")).toBe("no-cache");
    expect(data.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("answers 304 to a matching ETag", async () => {
    const first = await fetch(`${server.url}/index.html`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const second = await fetch(`${server.url}/index.html`, { headers: { "If-None-Match": etag } });
    expect(second.status).toBe(304);
  });

  it("answers a page path with index.html and a missing file with 404, and never leaves dist", async () => {
    expect((await fetch(`${server.url}/compare`)).headers.get("content-type")).toContain("text/html");
    expect((await fetch(`${server.url}/assets/missing-12345678.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).toBe(404);
    // A doubled slash is a path, not a host ("//assets/x.js").
    const doubled = await fetch(`${server.url}//assets/index-AbCdEf12.js`);
    expect(doubled.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("rooms API", () => {
  it("creates a room with three invitation links from this computer", async () => {
    const response = await fetch(`${server.url}/api/rooms`, { method: "POST" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { room: string; links: { role: string; url: string }[] };
    expect(body.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.links.map((link) => link.role)).toEqual(["edit", "propose", "view"]);
    for (const link of body.links) expect(link.url).toMatch(new RegExp(`^${server.url}/#join=pk1\\.`));
  });

  it("refuses to create a room for a request that came through a proxy", async () => {
    const response = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { "X-Forwarded-For": "203.0.113.7" },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/this computer only/);
  });

  it("refuses to create a room for a page of another site, or under another host name", async () => {
    const crossSite = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    // fetch may not set Host; a plain request can (as a browser does after DNS rebinding).
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/rooms`, {
        method: "POST",
        headers: { Host: "evil.example:4173" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
    expect(rebound).toBe(403);
    const sameOrigin = await fetch(`${server.url}/api/rooms`, {
      method: "POST",
      headers: { Origin: server.url },
    });
    expect(sameOrigin.status).toBe(201);
  });

  it("answers unknown API paths with 404 and health with ok", async () => {
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
  });
});

describe("the signing secret", () => {
  it("is generated on the first start and readable by the owner only", () => {
    expect(statSync(join(dataDir, "secret")).mode & 0o777).toBe(0o600);
  });
});
