/**
 * The real Pilotkarte server (server/main.ts) for browser tests of shared plans: started by the spec on
 * a loopback port (ephemeral, or a given one to restart it in place) with a data folder, serving the
 * same build as the other browser tests (PW_DIST).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";

export interface SyncServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
}

/** Starts `node server/main.ts` and resolves once it prints its address. */
export function startSyncServer(options: { port?: number; dataDir?: string } = {}): Promise<SyncServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "pilotkarte-e2e-shared-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/main.ts",
      "--port",
      String(options.port ?? 0),
      "--dist",
      process.env.PW_DIST ?? "dist",
      "--data",
      dataDir,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOST: "127.0.0.1" } },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Pilotkarte: (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url) resolve({ url, port: Number(new URL(url).port), dataDir, process: child });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

/** Stops the server (SIGTERM) and waits until it has exited. */
export async function stopSyncServer(server: SyncServer | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  server.process.kill("SIGTERM");
  await exited;
}

/** Stops the server and deletes its data folder. */
export async function removeSyncServer(server: SyncServer | undefined): Promise<void> {
  await stopSyncServer(server);
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
}

/** The active variant's area names (in order). */
export const sharedAreaNames = (page: Page) =>
  page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    const variant = state?.plan.variants[state.activeVariantId];
    return (variant?.areaOrder ?? []).map((id) => variant?.areas[id]?.name ?? "");
  });

/** A new browser context on the server's app; `draw`: waits for the map to be ready for drawing. */
export async function openOnServer(browser: Browser, serverUrl: string, path: string, draw = true) {
  const context = await browser.newContext({ baseURL: serverUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(path);
  await waitForWorkspace(page, draw);
  return { context, page };
}

/** Waits for the workspace's test hook, and with `draw` for the map to be ready for drawing. */
export async function waitForWorkspace(page: Page, draw = true): Promise<void> {
  await page.waitForFunction(() => window.__pilotkarte?.documentStore !== undefined, null, {
    timeout: 60_000,
  });
  if (!draw) return;
  await page.waitForFunction(
    () => window.__pilotkarte?.map.loaded() === true && window.__pilotkarte.idleCount() > 0,
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.5], zoom: 14 }));
}

/** The app address of an invitation link, with the test API switched on. */
export const joinPath = (url: string) => `/?e2e=pixels#join=${url.split("#join=")[1]}`;
