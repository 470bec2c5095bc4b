/**
 * Shared plans in the real app, through the real Pilotkarte server (server/main.ts), which this spec
 * starts itself on an ephemeral loopback port with a fresh data folder, serving the same build as the
 * other browser tests (PW_DIST). Context A shares its plan ("Gemeinsam bearbeiten"), context B opens
 * the edit link and edits live, context C opens the view link and cannot edit. The static-hosting case
 * (no server) is checked against the suite's own web server (`vite preview`).
 */
import { mkdirSync } from "node:fs";
import { drawRectangle, expect, test } from "./fixtures.ts";
import {
  sharedAreaNames as areaNames,
  joinPath,
  openOnServer,
  removeSyncServer,
  type SyncServer,
  startSyncServer,
} from "./sync-server.ts";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

let server: SyncServer | undefined;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await removeSyncServer(server);
});

const openApp = (browser: Parameters<typeof openOnServer>[0], path: string, draw = true) =>
  openOnServer(browser, server?.url ?? "", path, draw);

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
