/**
 * Shared plans in the real app, through the real Pilotkarte server (server/main.ts), which this spec
 * starts itself on an ephemeral loopback port with a fresh data folder, serving the same build as the
 * other browser tests (PW_DIST). Context A shares its plan ("Gemeinsam bearbeiten"), context B opens
 * the edit link and edits live, context C opens the view link and cannot edit. The static-hosting case
 * (no server) is checked against the suite's own web server (`vite preview`). Presence: two pages in one
 * room see each other in "Wer ist da" and the other's selected area outlined in their colour. Revoking:
 * the facilitator revokes a link in the dialog; its holder is disconnected and a new join is refused,
 * each with the message.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
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

/** Shares the open plan from the dialog ("Gemeinsam bearbeiten") and answers the dialog. */
async function shareLive(page: Page) {
  await page.getByTestId("share-open").click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.getByTestId("live-share-start").click();
  await expect(dialog.getByTestId("live-links")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced");
  return dialog;
}

/** Selects an area by its name in the area list. */
async function selectArea(page: Page, name: string) {
  await page.keyboard.press("Escape");
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page
    .getByTestId("area-list")
    .getByRole("button", { name: new RegExp(`^${escaped}(?![0-9])`) })
    .click();
}

/** The ids of the active variant's areas, in order. */
const areaIds = (page: Page) =>
  page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    return state?.plan.variants[state.activeVariantId]?.areaOrder ?? [];
  });

/** The presence outlines the map draws right now: area id and colour, once each. */
const presenceOutlines = (page: Page) =>
  page.evaluate(() => {
    const features =
      window.__pilotkarte?.map.queryRenderedFeatures({ layers: ["presence-selections-line"] }) ?? [];
    const seen = new Set(features.map((f) => `${f.properties.areaId} ${f.properties.colour}`));
    return [...seen].sort();
  });

/** What "Wer ist da" lists: name, whether it is this page, colour and selection text. */
const presenceRows = (page: Page) =>
  page.getByTestId("presence-row").evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector("[data-testid=presence-name]")?.firstChild?.textContent ?? "",
      self: row.getAttribute("data-self") === "true",
      colour: row.getAttribute("data-colour") ?? "",
      selection: row.querySelector("[data-testid=presence-selection]")?.textContent ?? "",
      detail: row.querySelector(".presence-detail")?.textContent ?? "",
    })),
  );

test.describe("Presence and revoking in a shared plan", () => {
  test("two pages in one room see each other and the other's selected area", async ({ browser }) => {
    test.setTimeout(240_000);
    const boxA: [[number, number], [number, number]] = [
      [7.462, 51.497],
      [7.468, 51.5],
    ];
    const boxB: [[number, number], [number, number]] = [
      [7.472, 51.497],
      [7.478, 51.5],
    ];
    const a = await openApp(browser, "/?e2e=pixels");
    await drawRectangle(a.page, ...boxA);
    await expect.poll(() => areaNames(a.page)).toHaveLength(1);
    const planName = await a.page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.name);
    const dialog = await shareLive(a.page);
    // The live room shares the whole plan: the title says so; the variant link below is a snapshot.
    await expect(dialog.getByTestId("share-dialog-title")).toHaveText(`Plan „${planName}“ teilen`);
    await expect(dialog.getByRole("heading", { name: /^Variante „.*“ als Link/ })).toBeVisible();
    await dialog.screenshot({ path: `${SCREENSHOTS}/shared-plan-dialog-live.png` });
    const editUrl = await dialog.getByTestId("live-link-url-edit").inputValue();
    await dialog.getByRole("button", { name: "Schließen" }).first().click();

    // A is asked for a name once and answers "Später": A is "Gast N".
    await expect(a.page.getByTestId("presence-name-form")).toBeVisible();
    await a.page.getByTestId("presence-name-form").getByRole("button", { name: "Später" }).click();
    await expect(a.page.getByTestId("presence-name-form")).toHaveCount(0);

    // B joins and names itself with text that looks like markup: it must arrive as text.
    const b = await openApp(browser, joinPath(editUrl));
    await expect.poll(() => areaNames(b.page), { timeout: 30_000 }).toHaveLength(1);
    const bName = "<b>Bea</b> & Co";
    await b.page.getByTestId("presence-name-input").fill(bName);
    await b.page.getByTestId("presence-name-save").click();

    await drawRectangle(b.page, ...boxB);
    await expect.poll(() => areaNames(b.page)).toHaveLength(2);
    const [idA, idB] = await areaIds(b.page);
    const [nameA, nameB] = await areaNames(b.page);
    await selectArea(b.page, nameB ?? "");
    await selectArea(a.page, nameA ?? "");
    const selected = (page: Page) =>
      page.evaluate(() => window.__pilotkarte?.sessionStore.getState().selectedAreaId);
    await expect.poll(() => selected(b.page)).toBe(idB);
    await expect.poll(() => selected(a.page)).toBe(idA);

    // A's list: A itself first, then B with B's name (as text), role and selected area.
    await expect.poll(() => presenceRows(a.page), { timeout: 15_000 }).toHaveLength(2);
    await expect
      .poll(async () => (await presenceRows(a.page))[1])
      .toMatchObject({ name: bName, self: false, selection: nameB });
    const rowsA = await presenceRows(a.page);
    expect(rowsA[0]).toMatchObject({ self: true, selection: nameA });
    expect(rowsA[0]?.name).toMatch(/^Gast \d+$/);
    expect(rowsA[1]?.detail).toContain("bearbeiten");
    expect(await a.page.getByTestId("presence").locator("b").count()).toBe(0);
    expect(rowsA[0]?.colour).not.toBe(rowsA[1]?.colour);

    // B's list: B first, then A as "Gast N" with A's area.
    await expect
      .poll(async () => (await presenceRows(b.page))[1])
      .toMatchObject({ name: rowsA[0]?.name, self: false, selection: nameA, colour: rowsA[0]?.colour });
    expect((await presenceRows(b.page))[0]).toMatchObject({
      name: bName,
      self: true,
      colour: rowsA[1]?.colour,
    });

    // The map outlines the other's selection in the other's colour (and not one's own). Selecting from
    // the list zoomed to the area: both areas into view again.
    for (const page of [a.page, b.page]) {
      await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.4985], zoom: 14 }));
    }
    await expect
      .poll(() => presenceOutlines(a.page), { timeout: 15_000 })
      .toEqual([`${idB} ${rowsA[1]?.colour}`]);
    await expect
      .poll(() => presenceOutlines(b.page), { timeout: 15_000 })
      .toEqual([`${idA} ${rowsA[0]?.colour}`]);
    await a.page.screenshot({ path: `${SCREENSHOTS}/shared-plan-presence-a.png` });
    await b.page.screenshot({ path: `${SCREENSHOTS}/shared-plan-presence-b.png` });

    // A names itself later ("Name ändern"): B sees the new name; the list also speaks English.
    await a.page.getByTestId("presence-rename").click();
    await a.page.getByTestId("presence-name-input").fill("  Anna\u202e (Moderation) ");
    await a.page.getByTestId("presence-name-save").click();
    await expect.poll(async () => (await presenceRows(b.page))[1]?.name).toBe("Anna (Moderation)");
    await a.page.getByRole("button", { name: /^EN/ }).click();
    await expect(a.page.getByTestId("presence").getByRole("heading")).toHaveText("Who is here (2)");
    expect((await presenceRows(a.page))[1]?.detail).toBe(`edit · ${nameB}`);
    await a.page.getByTestId("presence").screenshot({ path: `${SCREENSHOTS}/shared-plan-presence-en.png` });

    // B deselects: A's outline goes, A's (English) list says "no area selected". Then B leaves the room.
    await b.page.keyboard.press("Escape");
    await b.page.evaluate(() => window.__pilotkarte?.sessionStore.setState({ selectedAreaId: null }));
    await expect.poll(() => presenceOutlines(a.page), { timeout: 15_000 }).toEqual([]);
    await expect.poll(async () => (await presenceRows(a.page))[1]?.selection).toBe("no area selected");
    await b.context.close();
    await expect.poll(() => presenceRows(a.page), { timeout: 60_000 }).toHaveLength(1);
    await a.context.close();
  });

  test("the facilitator revokes a link: its holder is disconnected, a new join is refused", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const a = await openApp(browser, "/?e2e=1", false);
    const dialog = await shareLive(a.page);
    const proposeUrl = await dialog.getByTestId("live-link-url-propose").inputValue();

    const b = await openApp(browser, joinPath(proposeUrl), false);
    await expect(b.page.getByTestId("save-status")).toHaveAttribute("data-state", "shared-synced", {
      timeout: 30_000,
    });

    const row = dialog.getByTestId("live-link-propose");
    await row.getByTestId("live-link-revoke-propose").click();
    await expect(row.getByRole("alertdialog")).toContainText("wirklich widerrufen");
    await dialog.screenshot({ path: `${SCREENSHOTS}/shared-plan-revoke-confirm.png` });
    await row.getByTestId("live-link-revoke-confirm-propose").click();
    await expect(row).toHaveAttribute("data-revoked", "true");
    await expect(row.getByTestId("live-link-revoked-propose")).toHaveText("widerrufen");
    await expect(row.locator("img")).toHaveCount(0);
    // The other links still work and can still be revoked.
    await expect(dialog.getByTestId("live-link-view")).toHaveAttribute("data-revoked", "false");
    await dialog.screenshot({ path: `${SCREENSHOTS}/shared-plan-revoked.png` });

    // B, connected with it, is disconnected and told so.
    const bannerB = b.page.getByTestId("shared-plan-banner");
    await expect(bannerB).toHaveAttribute("data-problem", "revoked", { timeout: 30_000 });
    await expect(bannerB).toContainText("Einladungslink wurde widerrufen");

    // C opens the revoked link afresh: refused, with the message (German, then English).
    const c = await browser.newContext({ baseURL: server?.url, viewport: { width: 1440, height: 900 } });
    const cPage = await c.newPage();
    await cPage.goto(joinPath(proposeUrl));
    const bannerC = cPage.getByTestId("shared-plan-banner");
    await expect(bannerC).toHaveAttribute("data-problem", "revoked", { timeout: 30_000 });
    await expect(bannerC).toContainText("Dieser Einladungslink wurde widerrufen");
    await cPage.screenshot({ path: `${SCREENSHOTS}/shared-plan-revoked-join.png` });
    await cPage.getByRole("button", { name: /^EN/ }).click();
    await expect(bannerC).toContainText("This invitation link has been revoked");

    for (const each of [a.context, b.context, c]) await each.close();
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
