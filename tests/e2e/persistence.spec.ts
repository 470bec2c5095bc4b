import type { Page } from "@playwright/test";
import { areaNames, drawRectangleAround, expect, test, waitForMap } from "./fixtures.ts";

/** The selected area stored in the open plan's view setting (read from IndexedDB), or null. */
async function storedSelection(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const planId = window.__pilotkarte?.documentStore.getState().plan.id;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("pilotkarte");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const row = await new Promise<{ value?: { selectedAreaId?: string | null } } | undefined>(
        (resolve, reject) => {
          const request = db.transaction("settings").objectStore("settings").get(`view:${planId}`);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        },
      );
      return row?.value?.selectedAreaId ?? null;
    } finally {
      db.close();
    }
  });
}

test.describe("Drafts are never lost", () => {
  test("an area drawn survives a reload, with the selection restored", async ({ app, page }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    // The view (variant, selection, camera) is written on its own, right after the selection changed:
    // wait until it is stored, so that a slow machine does not reload before that write lands.
    await expect.poll(() => storedSelection(page)).not.toBeNull();
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await expect(page.getByTestId("area-panel")).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test("reopening restores the camera where the planner left off", async ({ app, page }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.52, 51.47], zoom: 15.5 }));
    await app.waitForIdle();
    // The view is written shortly after the camera stops.
    await page.waitForTimeout(1000);
    await page.reload();
    await waitForMap(page);
    const camera = await page.evaluate(() => {
      const map = window.__pilotkarte?.map;
      return map ? { center: map.getCenter().toArray(), zoom: map.getZoom() } : null;
    });
    expect(camera?.zoom).toBeCloseTo(15.5, 1);
    expect(camera?.center[0]).toBeCloseTo(7.52, 3);
    expect(camera?.center[1]).toBeCloseTo(51.47, 3);
  });

  test("without IndexedDB (private mode) the session works in memory and says so", async ({ app, page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
    await app.open();
    await expect(page.getByTestId("storage-banner")).toContainText("nicht verfügbar");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "memory");
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const download = page.waitForEvent("download");
    await page.getByTestId("storage-banner").getByRole("button", { name: "Sicherung herunterladen" }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const backup = JSON.parse(Buffer.concat(text).toString("utf8"));
    expect(backup.format).toBe("pilotkarte-backup");
    expect(
      Object.values(backup.plans[0].plan.variants).flatMap((v) =>
        Object.values((v as { areas: object }).areas),
      ),
    ).toHaveLength(1);
  });

  test("a killed tab loses at most the last second", async ({ app, page, context }) => {
    // A blank second tab keeps the browser context (and its IndexedDB) alive through the crash.
    const keeper = await context.newPage();
    await keeper.goto("about:blank");
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await drawRectangleAround(page, 7.49, 51.51);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1", "Gebiet 2"]);
    // More than the autosave's one-second bound; then the page hangs (so no pagehide or unload handler
    // can run) and is closed: like a killed tab.
    await page.waitForTimeout(1200);
    void page
      .evaluate(() => {
        for (;;) {
          // busy forever
        }
      })
      .catch(() => {});
    await page.waitForTimeout(200);
    await page.close();
    const again = keeper;
    await again.goto("/?e2e");
    await waitForMap(again);
    await expect.poll(() => areaNames(again)).toEqual(["Gebiet 1", "Gebiet 2"]);
  });

  test("two tabs on one plan: one edits, the other follows live and can take over; the last tab open edits", async ({
    app,
    page,
    context,
  }) => {
    await app.open();
    const second = await context.newPage();
    await second.goto("/?e2e");
    await waitForMap(second);
    await expect(second.getByTestId("storage-banner")).toContainText("in einem anderen Tab bearbeitet");
    await expect(second.getByTestId("save-status")).toHaveAttribute("data-state", "read-only");
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(second)).toEqual(["Gebiet 1"]);
    await second.getByRole("button", { name: "Hier bearbeiten" }).click();
    await expect(page.getByTestId("storage-banner")).toContainText("in einem anderen Tab bearbeitet");
    await expect(second.getByTestId("storage-banner")).toHaveCount(0);
    await drawRectangleAround(second, 7.49, 51.51);
    await expect.poll(() => areaNames(second)).toEqual(["Gebiet 1", "Gebiet 2"]);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1", "Gebiet 2"]);
    // The first tab refuses edits now.
    await page.locator("body").press("r");
    await expect(page.getByRole("button", { name: "Rechteck zeichnen" })).toBeDisabled();
    // Once the second tab closes, the first edits again, from what the second saved.
    await second.close();
    await expect(page.getByTestId("storage-banner")).toHaveCount(0);
    await expect(page.getByTestId("save-status")).not.toHaveAttribute("data-state", "read-only");
    await expect(page.getByRole("button", { name: "Rechteck zeichnen" })).toBeEnabled();
    await drawRectangleAround(page, 7.45, 51.49);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1", "Gebiet 2", "Gebiet 3"]);
    expect(app.errors).toEqual([]);
  });

  test("a named snapshot can be restored, and the restore undone", async ({ app, page }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await page.getByRole("button", { name: "Verlauf" }).click();
    const history = page.getByTestId("history-dialog");
    await history.getByPlaceholder("z. B. Stand Workshop 14.03.").fill("Stand Workshop 14.03.");
    await history.getByRole("button", { name: "Stand speichern" }).click();
    await expect(history).toContainText("Stand Workshop 14.03.");
    await history.getByRole("button", { name: "Schließen" }).click();
    await page
      .getByTestId("area-list")
      .getByRole("button", { name: /Gebiet 1/ })
      .click();
    await page.keyboard.press("Delete");
    await expect.poll(() => areaNames(page)).toEqual([]);
    await page.getByRole("button", { name: "Verlauf" }).click();
    const row = history.getByRole("row", { name: /Stand Workshop 14\.03\./ });
    await row.getByRole("button", { name: "Vorschau" }).click();
    await expect(history.getByTestId("snapshot-preview")).toContainText("Gebiet 1");
    await row.getByRole("button", { name: "Diesen Stand wiederherstellen" }).click();
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => areaNames(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test("plans: create a second plan, switch back, trash and restore", async ({ app, page }) => {
    page.on("dialog", (dialog) => void dialog.accept());
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await page.getByRole("button", { name: "Pläne" }).click();
    const plans = page.getByTestId("plans-dialog");
    await plans.getByRole("button", { name: "Neuer Plan" }).click();
    await expect.poll(() => areaNames(page)).toEqual([]);
    await page.getByRole("button", { name: "Pläne" }).click();
    await expect(plans.locator("tbody").first().locator("tr")).toHaveCount(2);
    const other = plans
      .getByRole("row")
      .filter({ hasNot: page.getByText("Geöffneter Plan", { exact: true }) })
      .first();
    await other.getByRole("button", { name: "Öffnen" }).click();
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await page.getByRole("button", { name: "Pläne" }).click();
    const open = plans.locator("tbody").first().locator("tr.selected");
    await open.getByRole("button", { name: "In den Papierkorb" }).click();
    await expect(plans).toContainText("Papierkorb");
    await expect(plans.locator("tbody").nth(1).locator("tr")).toHaveCount(1);
    await plans.locator("tbody").nth(1).getByRole("button", { name: "Wiederherstellen" }).click();
    await expect(plans.locator("tbody").first().locator("tr")).toHaveCount(2);
    expect(app.errors).toEqual([]);
  });
});
