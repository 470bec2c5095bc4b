/**
 * Issue 15, item 6: an edit older than 150 ms survives a hard kill. The browser is started by hand
 * (so that it can be killed with SIGKILL, every process of it at once, with no chance to run an unload
 * handler or finish a write) on a profile folder that the next start reads again; the renderer crash
 * uses DevTools' `Page.crash`. Each kind is tried ten times, and the test counts how many edits were
 * kept: all ten must be. Before the fix the autosave waited 300 ms after an edit, and an edit 150 ms old
 * was lost every time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { areaNames, expect, test } from "./fixtures.ts";

const TRIALS = 10;
/** How old the edit is, at most, when the browser or renderer dies (ms). */
const EDIT_AGE_MS = 150;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium with its own process group (to kill it whole) on `profile`, driven over DevTools. */
async function startChromium(profile: string): Promise<{ browser: Browser; process: ChildProcess }> {
  const child = spawn(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--enable-unsafe-swiftshader",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-breakpad",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      "--password-store=basic",
      "--use-mock-keychain",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  return { browser: await chromium.connectOverCDP(endpoint), process: child };
}

/** SIGKILL to every process of the browser at once (browser, renderers, utility processes). */
async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-(child.pid as number), "SIGKILL");
  await exited;
}

/** Opens the app and waits until the plan is loaded and everything is saved. */
async function openApp(page: Page, baseURL: string): Promise<void> {
  await page.goto(new URL("/?e2e", baseURL).toString());
  await page.waitForFunction(() => window.__pilotkarte?.documentStore !== undefined, null, {
    timeout: 60_000,
  });
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
}

/**
 * One edit, as the app makes it (one change set through the document store): a new area named
 * `name`. Returns the time (node's clock) just before the edit was asked for.
 */
async function edit(page: Page, name: string): Promise<number> {
  const asked = Date.now();
  await page.evaluate((areaName) => {
    const store = window.__pilotkarte?.documentStore;
    if (!store) throw new Error("no test hook");
    const state = store.getState();
    const now = new Date().toISOString();
    const x = 7.4 + Math.random() * 0.1;
    const y = 51.48 + Math.random() * 0.05;
    const ring = [
      [x, y],
      [x + 0.004, y],
      [x + 0.004, y + 0.003],
      [x, y + 0.003],
      [x, y],
    ];
    state.transact({
      label: areaName,
      changes: [
        {
          type: "area/put",
          variantId: state.activeVariantId,
          area: {
            id: crypto.randomUUID(),
            name: areaName,
            fields: ["energie"],
            partners: [],
            status: "idee",
            notes: "",
            colour: "#0072b2",
            createdAt: now,
            updatedAt: now,
            geometry: { type: "Polygon", coordinates: [ring] },
            origin: { kind: "drawn", tool: "rectangle" },
          },
        },
      ],
      // biome-ignore lint/suspicious/noExplicitAny: the branded ids of the model do not exist in the page
    } as any);
  }, name);
  return asked;
}

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

test.describe("An edit older than 150 ms survives a hard kill", () => {
  test.setTimeout(600_000);

  test("SIGKILL of the whole browser 150 ms after an edit keeps it, 10 times out of 10", async ({
    baseURL,
  }) => {
    const profile = mkdtempSync(join(tmpdir(), "pilotkarte-kill-"));
    let running = await startChromium(profile);
    const kept: string[] = [];
    const lost: string[] = [];
    try {
      let page = running.browser.contexts()[0]?.pages()[0] ?? (await running.browser.newPage());
      await openApp(page, baseURL as string);
      for (let trial = 1; trial <= TRIALS; trial++) {
        const name = `Kill ${trial}`;
        const asked = await edit(page, name);
        await sleepUntil(asked + EDIT_AGE_MS);
        await killHard(running.process);
        running = await startChromium(profile);
        page = running.browser.contexts()[0]?.pages()[0] ?? (await running.browser.newPage());
        await openApp(page, baseURL as string);
        ((await areaNames(page)).includes(name) ? kept : lost).push(name);
      }
    } finally {
      await running.browser.close().catch(() => {});
      if (running.process.exitCode === null) await killHard(running.process).catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
    expect(lost).toEqual([]);
    expect(kept).toHaveLength(TRIALS);
  });

  test("a renderer crash 150 ms after an edit keeps it, 10 times out of 10", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    // A blank page keeps the context (and its IndexedDB) alive through the crashes.
    const keeper = await context.newPage();
    await keeper.goto("about:blank");
    const kept: string[] = [];
    const lost: string[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      const page = await context.newPage();
      await openApp(page, baseURL as string);
      const name = `Absturz ${trial}`;
      const session = await context.newCDPSession(page);
      const asked = await edit(page, name);
      await sleepUntil(asked + EDIT_AGE_MS);
      const crashed = page.waitForEvent("crash");
      void session.send("Page.crash").catch(() => {});
      await crashed;
      await page.close().catch(() => {});
      const check = await context.newPage();
      await openApp(check, baseURL as string);
      ((await areaNames(check)).includes(name) ? kept : lost).push(name);
      await check.close();
    }
    await context.close();
    expect(lost).toEqual([]);
    expect(kept).toHaveLength(TRIALS);
  });
});
