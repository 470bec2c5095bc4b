/**
 * Shared plans in the real app, through the real Pilotkarte server (server/main.ts), which this spec
 * starts itself on an ephemeral loopback port with a fresh data folder, serving the same build as the
 * other browser tests (PW_DIST). Context A shares its plan ("Gemeinsam bearbeiten"), context B opens
 * the edit link and edits live, context C opens the view link and cannot edit. The static-hosting case
 * (no server) is checked against the suite's own web server (`vite preview`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { drawRectangle, expect, test } from "./fixtures.ts";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

let server: ChildProcess | undefined;
let serverUrl = "";
let dataDir = "";

/** Starts `node server/main.ts --port 0` and resolves with the address it prints. */
function startServer(): Promise<string> {
  dataDir = mkdtempSync(join(tmpdir(), "pilotkarte-e2e-shared-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/main.ts",
      "--port",
      "0",
      "--dist",
      process.env.PW_DIST ?? "dist",
      "--data",
      dataDir,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOST: "127.0.0.1" } },
  );
  server = child;
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Pilotkarte: (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

test.beforeAll(async () => {
  serverUrl = await startServer();
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The active variant's area names (in order). */
const areaNames = (page: Page) =>
  page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    const variant = state?.plan.variants[state.activeVariantId];
    return (variant?.areaOrder ?? []).map((id) => variant?.areas[id]?.name ?? "");
  });

/** A new browser context on the server's app; `draw`: waits for the map to be ready for drawing. */
async function openApp(browser: Browser, path: string, draw = true) {
  const context = await browser.newContext({ baseURL: serverUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(() => window.__pilotkarte?.documentStore !== undefined, null, {
    timeout: 60_000,
  });
  if (!draw) return { context, page };
  await page.waitForFunction(
    () => window.__pilotkarte?.map.loaded() === true && window.__pilotkarte.idleCount() > 0,
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.5], zoom: 14 }));
  return { context, page };
}

/** The app address of an invitation link, with the test API switched on. */
const joinPath = (url: string) => `/?e2e=pixels#join=${url.split("#join=")[1]}`;

test.describe("Shared plans on the Pilotkarte server", () => {
  test("A shares, B edits live both ways, a view link is read-only", async ({ browser }) => {
    // Three browser contexts with a map each on a shared machine: more than the default 90 s.
    test.setTimeout(240_000);
    const a = await openApp(browser, "/?e2e=pixels");
    await drawRectangle(a.page, [7.462, 51.497], [7.468, 51.5]);
    await expect.poll(() => areaNames(a.page)).toHaveLength(1);
    await a.page.keyboard.press("Escape");

    await a.page.getByTestId("share-open").click();
    const dialog = a.page.getByTestId("share-dialog");
    await dialog.getByTestId("live-share-start").click();
    await expect(dialog.getByTestId("live-links")).toBeVisible();
    for (const role of ["edit", "propose", "view"]) {
      await expect(dialog.getByTestId(`live-link-${role}`).locator("img")).toBeVisible();
    }
    await expect(a.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced");
    await dialog.screenshot({ path: `${SCREENSHOTS}/shared-plan-dialog.png` });
    const editUrl = await dialog.getByTestId("live-link-url-edit").inputValue();
    const viewUrl = await dialog.getByTestId("live-link-url-view").inputValue();
    expect(editUrl).toMatch(/\/#join=pk1\./);
    await dialog.getByRole("button", { name: "Schließen" }).first().click();

    // B opens the edit link: A's area is there, B draws one, A sees it.
    const b = await openApp(browser, joinPath(editUrl));
    await expect.poll(() => areaNames(b.page), { timeout: 30_000 }).toEqual(await areaNames(a.page));
    await expect(b.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced");
    await drawRectangle(b.page, [7.472, 51.497], [7.478, 51.5]);
    await expect.poll(() => areaNames(b.page)).toHaveLength(2);
    await expect.poll(() => areaNames(a.page), { timeout: 15_000 }).toHaveLength(2);
    expect(await areaNames(a.page)).toEqual(await areaNames(b.page));
    // B's plan is kept locally too (IndexedDB): the plan list has it.
    const bPlanId = await b.page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.id);
    const aPlanId = await a.page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.id);
    expect(bPlanId).toBe(aPlanId);

    await b.context.close();

    // C opens the view link: sees the plan, cannot draw, and follows A's edits.
    const c = await openApp(browser, joinPath(viewUrl), false);
    await expect.poll(() => areaNames(c.page), { timeout: 30_000 }).toHaveLength(2);
    await expect(c.page.getByTestId("shared-plan-banner")).toHaveAttribute("data-role", "view");
    await expect(c.page.getByRole("button", { name: "Polygon zeichnen" })).toBeDisabled();
    expect(await c.page.evaluate(() => window.__pilotkarte?.documentStore.getState().readOnly)).toBe(true);
    await c.page.screenshot({ path: `${SCREENSHOTS}/shared-plan-viewer.png` });
    await drawRectangle(a.page, [7.462, 51.502], [7.468, 51.505]);
    await expect.poll(() => areaNames(c.page), { timeout: 15_000 }).toHaveLength(3);

    for (const each of [a, c]) await each.context.close();
  });
});

test("without the server (static hosting) sharing live says that it needs one", async ({ app, page }) => {
  // Under PW_SERVER=pilotkarte this page is served by the server: its health check is taken away.
  if (process.env.PW_SERVER === "pilotkarte") {
    await page.route("**/api/health", (route) => route.fulfill({ status: 404, body: "" }));
  }
  await app.open();
  await page.getByTestId("share-open").click();
  await expect(page.getByTestId("live-share-no-server")).toContainText("Pilotkarte-Server");
});
