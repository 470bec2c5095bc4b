import { expect, test } from "./fixtures.ts";

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
