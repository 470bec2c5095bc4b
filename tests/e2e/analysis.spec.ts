import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

async function toScreen(page: Page, lngLat: [number, number]) {
  return page.evaluate((p) => {
    const map = window.__pilotkarte?.map;
    if (!map) throw new Error("no map");
    const point = map.project(p);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lngLat);
}

test.describe("Coverage of a pilot area", () => {
  test("shows residents as a range of two methods, districts per level and facilities", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.51], zoom: 13 }));
    await app.waitForIdle();
    await page.locator("body").press("r");
    const a = await toScreen(page, [7.455, 51.505]);
    const b = await toScreen(page, [7.48, 51.518]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.click(b.x, b.y);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    await expect(panel).toContainText("flächengewichtet aus dem Zensus-2011-Raster");
    await expect(panel).toContainText("über Adresspunkte verteilt");
    await expect(panel.locator("caption")).toContainText([
      "Stadtbezirke",
      "Statistische Bezirke",
      "Unterbezirke",
      "Einrichtungen",
    ]);
    await expect(panel).toContainText("Innenstadt-West");
    // A plain-language sentence for screen readers.
    await expect(panel.locator("[aria-live=polite]")).toContainText("Einwohner (Zensus 2011)");
    // The figures are in German format: a range like "20.120 – 20.250".
    const range = (await panel.getByTestId("residents-range").textContent()) ?? "";
    expect(range).toMatch(/\d{1,3}\.\d{3} – \d{1,3}\.\d{3}/);
    expect(app.errors).toEqual([]);
  });
});
