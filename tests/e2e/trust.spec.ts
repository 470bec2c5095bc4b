/**
 * What a new user hits in the first minutes (issue 14): drawing after the map style changed, panels that
 * must not take clicks meant for the map, and the build-from-districts tool's own level.
 */
import type { Page } from "@playwright/test";
import { type AppPage, expect, test, toScreen } from "./fixtures.ts";

/** A 1×1 PNG for the routed OpenStreetMap tiles (the machine has no internet). */
const TILE_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function areaCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    return state ? (state.plan.variants[state.activeVariantId]?.areaOrder.length ?? 0) : 0;
  });
}

/** What terra-draw shows while a shape is drawn: features in its sources, and its layers on top. */
async function drawingOnMap(page: Page) {
  return page.evaluate(() => {
    const map = window.__pilotkarte?.map;
    if (!map) throw new Error("no map");
    type Data = { features?: { geometry: { type: string; coordinates: number[][][] } }[] };
    const features = (id: string) => {
      const source = map.getSource(id) as { serialize(): { data: Data } } | undefined;
      return source ? (source.serialize().data.features ?? []) : null;
    };
    const polygons = features("td-polygon");
    const ids = (map.getStyle().layers ?? []).map((l) => l.id);
    return {
      polygons: polygons?.length ?? -1,
      /** Vertices of the largest sketched or edited ring. */
      vertices: Math.max(0, ...(polygons ?? []).map((f) => (f.geometry.coordinates[0]?.length ?? 1) - 1)),
      handles: features("td-point")?.length ?? -1,
      onTop: ids.indexOf("td-polygon") > ids.indexOf("pilot-areas-fill") && ids.includes("pilot-areas-fill"),
    };
  });
}

async function openAtZoom14(app: AppPage) {
  await app.open();
  await app.page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.5], zoom: 14 }));
  await app.waitForIdle();
  await app.page.waitForFunction(() => window.__pilotkarte?.referenceStore.getState().status === "ready");
}

/** Draws with one tool around a centre (in degrees), checking that the sketch is on the map meanwhile. */
async function drawAndCheck(page: Page, tool: "polygon" | "rectangle" | "circle", centre: [number, number]) {
  const before = await areaCount(page);
  await page.keyboard.press(tool === "polygon" ? "p" : tool === "rectangle" ? "r" : "c");
  const [x, y] = centre;
  if (tool === "polygon") {
    const corners: [number, number][] = [
      [x - 0.002, y - 0.001],
      [x + 0.002, y - 0.001],
      [x + 0.002, y + 0.001],
      [x - 0.002, y + 0.001],
    ];
    for (const corner of corners) {
      const p = await toScreen(page, corner);
      await page.mouse.move(p.x, p.y, { steps: 3 });
      await page.mouse.click(p.x, p.y);
    }
    // The sketch holds the four corners placed (and the one following the pointer).
    await expect.poll(async () => (await drawingOnMap(page)).vertices).toBeGreaterThanOrEqual(4);
    const drawn = await drawingOnMap(page);
    expect(drawn.polygons).toBeGreaterThanOrEqual(1);
    expect(drawn.onTop).toBe(true);
    await expect(page.getByTestId("live-measure")).toBeVisible();
    const first = await toScreen(page, corners[0] as [number, number]);
    await page.mouse.move(first.x, first.y, { steps: 3 });
    await page.mouse.click(first.x, first.y);
  } else {
    const a = await toScreen(page, [x - 0.002, y - 0.001]);
    const b = await toScreen(page, [x + 0.002, y + 0.001]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await expect.poll(async () => (await drawingOnMap(page)).polygons).toBeGreaterThanOrEqual(1);
    expect((await drawingOnMap(page)).onTop).toBe(true);
    await expect(page.getByTestId("live-measure")).toBeVisible();
    await page.mouse.click(b.x, b.y);
  }
  await expect.poll(() => areaCount(page)).toBe(before + 1);
}

test.describe("Drawing after the map style changed", () => {
  test("level, layer, language and basemap switches keep every drawing tool visible", async ({
    app,
    page,
  }) => {
    // Eight shapes drawn after four style changes: more than one test's usual 90 s on a busy machine.
    test.slow();
    await page.route("https://tile.openstreetmap.org/**", (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: TILE_PNG }),
    );
    await openAtZoom14(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();

    // Level: Ebenen → Unterbezirke → back to Pilotgebiete, then all three shape tools.
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.locator('input[name="reference-level"][value="unterbezirk"]').check();
    await page.getByRole("tab", { name: "Pilotgebiete" }).click();
    await app.waitForIdle();
    await drawAndCheck(page, "polygon", [7.462, 51.497]);
    await drawAndCheck(page, "rectangle", [7.472, 51.497]);
    await drawAndCheck(page, "circle", [7.482, 51.497]);

    // A layer switched on.
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.locator("#layer-toggle-kitas").check();
    await app.waitForIdle();
    await drawAndCheck(page, "polygon", [7.462, 51.502]);

    // The language.
    await page.getByRole("button", { name: /^EN/ }).click();
    await expect(page.getByRole("tab", { name: "Layers" })).toBeVisible();
    await app.waitForIdle();
    await drawAndCheck(page, "rectangle", [7.472, 51.502]);

    // The basemap (OpenStreetMap tiles, served by the test).
    await page.getByRole("tab", { name: "Layers" }).click();
    await page.locator('input[name="basemap"][value="osm"]').check();
    await expect
      .poll(() => page.evaluate(() => Boolean(window.__pilotkarte?.map.getLayer("basemap-osm"))))
      .toBe(true);
    await app.waitForIdle();
    await drawAndCheck(page, "circle", [7.482, 51.502]);

    // Editing the last area (terra-draw's select mode) still shows its handles after another switch.
    await page.getByRole("tab", { name: "Layers" }).click();
    await page.locator('input[name="reference-level"][value="stadtbezirk"]').check();
    await app.waitForIdle();
    await expect.poll(async () => (await drawingOnMap(page)).handles).toBeGreaterThan(4);
    expect(app.errors).toEqual([]);
  });
});
