import { expect, test } from "./fixtures.ts";

// The service worker is what is under test here (the other specs block it: playwright.config.ts).
test.use({ serviceWorkers: "allow" });

test.describe("Offline app shell", () => {
  test("after the first visit the app loads and draws with no network", async ({ app, page, context }) => {
    await app.open();
    // Wait until the service worker controls the page and has precached the app and its data.
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state === "activated" && navigator.serviceWorker.controller !== null;
      },
      null,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      async () => {
        const names = await caches.keys();
        for (const name of names) {
          const cache = await caches.open(name);
          if (await cache.match("generated/catalogue.json", { ignoreSearch: true })) return true;
          const keys = await cache.keys();
          if (keys.some((request) => request.url.includes("generated/catalogue.json"))) return true;
        }
        return false;
      },
      null,
      { timeout: 60_000 },
    );
    // Offline: no network at all, and anything that still tries to reach the server is refused.
    await context.setOffline(true);
    await context.route("**/*", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await app.waitForIdle();
    expect(await app.canvasColourCount()).toBeGreaterThan(20);
    await expect(page.getByRole("tab", { name: "Pilotgebiete" })).toBeVisible();
    const counts = await page.evaluate(() => window.__pilotkarte?.referenceFeatureCount("stadtbezirk"));
    expect(counts).toBe(12);
    const errors = app.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"));
    expect(errors).toEqual([]);
  });
});

test.describe("Offline city map", () => {
  test("an offline reload shows the OpenStreetMap basemap: water blue and green at Phoenix-See", async ({
    app,
    page,
    context,
  }) => {
    await app.open();
    // The service worker has precached the app, its data and the basemap tiles once it is active.
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state === "activated" && navigator.serviceWorker.controller !== null;
      },
      null,
      { timeout: 60_000 },
    );
    const precached = await page.evaluate(async () => {
      let tiles = 0;
      for (const name of await caches.keys()) {
        const keys = await (await caches.open(name)).keys();
        tiles += keys.filter((request) => request.url.includes("generated/basemap/")).length;
      }
      return tiles;
    });
    expect(precached).toBeGreaterThan(300);
    // Offline: no network at all, and every request that still tries to leave is refused.
    await context.setOffline(true);
    await context.route("**/*", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await app.waitForIdle();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.513, 51.488], zoom: 15 }));
    await app.waitForIdle();
    const rendered = await page.evaluate(() => {
      const map = window.__pilotkarte?.map;
      const count = (layer: string) => map?.queryRenderedFeatures({ layers: [layer] }).length ?? 0;
      return {
        water: count("citymap-water"),
        roads: count("citymap-road"),
        names: count("citymap-road-name"),
      };
    });
    expect(rendered.water).toBeGreaterThan(0);
    expect(rendered.roads).toBeGreaterThan(10);
    expect(rendered.names).toBeGreaterThan(0);
    // Pixels of the canvas: the lake's blue and the green around it.
    const pixels = await page.evaluate(() => {
      const source = window.__pilotkarte?.map.getCanvas();
      if (!source) return null;
      const canvas = document.createElement("canvas");
      canvas.width = source.width;
      canvas.height = source.height;
      const context2d = canvas.getContext("2d");
      if (!context2d) return null;
      context2d.drawImage(source, 0, 0);
      const data = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      let blue = 0;
      let green = 0;
      let total = 0;
      for (let i = 0; i < data.length; i += 4 * 5) {
        const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
        total++;
        if (b > r + 50 && b > g + 15) blue++;
        else if (g > r + 10 && g > b + 10) green++;
      }
      return { blue: blue / total, green: green / total };
    });
    expect(pixels?.blue).toBeGreaterThan(0.05);
    expect(pixels?.green).toBeGreaterThan(0.005);
    await expect(page.getByTestId("credits")).toContainText("© OpenStreetMap-Mitwirkende (ODbL)");
    const errors = app.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"));
    expect(errors).toEqual([]);
  });
});
