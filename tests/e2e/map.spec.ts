import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

test.describe("Pilotkarte map of Dortmund", () => {
  test("opens framed on Dortmund, draws a non-blank map and logs no errors", async ({ app, page }) => {
    await app.open();
    expect(await app.canvasColourCount()).toBeGreaterThan(20);
    const center = await page.evaluate(() => window.__pilotkarte?.map.getCenter().toArray());
    expect(center?.[0]).toBeGreaterThan(7.35);
    expect(center?.[0]).toBeLessThan(7.6);
    expect(center?.[1]).toBeGreaterThan(51.45);
    expect(center?.[1]).toBeLessThan(51.56);
    await expect(page.getByRole("heading", { name: "Pilotkarte Dortmund" })).toBeVisible();
    await expect(page.getByTestId("credits")).toContainText("Datenquelle: Stadt Dortmund");
    await page.screenshot({ path: `${SCREENSHOTS}/desktop-1440x900.png` });
    expect(app.errors).toEqual([]);
  });

  test("shows 12 Stadtbezirke, 62 Statistische Bezirke and 170 Unterbezirke by level", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    const count = (level: "stadtbezirk" | "statistischer-bezirk" | "unterbezirk") =>
      page.evaluate((l) => window.__pilotkarte?.referenceFeatureCount(l) ?? 0, level);
    expect(await count("stadtbezirk")).toBe(12);
    await page.getByRole("radio", { name: /Statistische Bezirke/ }).check();
    await app.waitForIdle();
    expect(await count("statistischer-bezirk")).toBe(62);
    await page.getByRole("radio", { name: /Unterbezirke/ }).check();
    await app.waitForIdle();
    expect(await count("unterbezirk")).toBe(170);
    const labels = await page.evaluate(
      () =>
        window.__pilotkarte?.map.queryRenderedFeatures({ layers: ["districts-unterbezirk-label"] }).length ??
        0,
    );
    expect(labels).toBeGreaterThan(30);
    expect(app.errors).toEqual([]);
  });

  test("toggling a facility layer changes what is drawn", async ({ app, page }) => {
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    const rendered = () =>
      page.evaluate(() => {
        const map = window.__pilotkarte?.map;
        // Hidden layers are not in the style at all, so only existing ones can be queried.
        const layers = ["facility-kitas", "facility-kitas-cluster"].filter((id) => map?.getLayer(id));
        return layers.length === 0 ? 0 : (map?.queryRenderedFeatures({ layers }).length ?? 0);
      });
    const before = await app.canvasSignature();
    expect(await rendered()).toBe(0);
    await page.getByRole("checkbox", { name: /^Kitas/ }).check();
    await app.waitForIdle();
    expect(await rendered()).toBeGreaterThan(10);
    expect(await app.canvasSignature()).not.toBe(before);
    await page.getByRole("checkbox", { name: /^Kitas/ }).uncheck();
    await app.waitForIdle();
    expect(await rendered()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  test("clicking a district opens its panel with code, area and residents", async ({ app, page }) => {
    await app.open();
    const point = await page.evaluate(() => {
      const map = window.__pilotkarte?.map;
      const label = map
        ?.querySourceFeatures("districts-stadtbezirk-labels")
        .find((f) => f.properties.name === "Hörde");
      if (!map || !label || label.geometry.type !== "Point") return null;
      const p = map.project(label.geometry.coordinates as [number, number]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y + 25 };
    });
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const panel = page.getByTestId("district-panel");
    await expect(panel.getByRole("heading", { name: "Hörde" })).toBeVisible();
    await expect(panel).toContainText("Kennziffer");
    await expect(panel).toContainText(/29,\d\s?km²/);
    await expect(panel).toContainText(/2\.9\d\d,\d\s?ha/);
    // Residents 2022 with the change since 2011 and the age groups, as the data step computed them.
    const hoerde = await page.evaluate(async () => {
      const data = await fetch("generated/districts-stadtbezirk.geojson").then((r) => r.json());
      return data.features.find((f: { properties: { name: string } }) => f.properties.name === "Hörde")
        .properties;
    });
    const tens = (n: number) => `≈ ${(Math.round(n / 10) * 10).toLocaleString("de-DE")}`;
    await expect(panel.getByTestId("district-residents")).toContainText(tens(hoerde.residents2022));
    await expect(panel).toContainText("Einwohner 2022");
    await expect(panel).toContainText("Veränderung 2011→2022");
    const change = Math.round((hoerde.residents2022 - hoerde.residents2011) / 10) * 10;
    await expect(panel.getByTestId("district-change")).toContainText(
      `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change).toLocaleString("de-DE")}`,
    );
    await expect(panel.getByTestId("district-under15")).toContainText(tens(hoerde.under15_2022));
    await expect(panel.getByTestId("district-age65plus")).toContainText(tens(hoerde.age65plus_2022));
    await page.screenshot({ path: "test-results/screenshots/district-census-2022.png" });
    await panel.screenshot({ path: "test-results/screenshots/district-panel-census-2022.png" });
    await page.getByRole("button", { name: "Gebiet schließen" }).click();
    await expect(panel).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });

  test("a facility popup shows its attributes as text", async ({ app, page }) => {
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.getByRole("checkbox", { name: /^Bibliotheken/ }).check();
    await app.waitForIdle();
    const point = await page.evaluate(() => {
      const map = window.__pilotkarte?.map;
      const feature = map?.queryRenderedFeatures({ layers: ["facility-libraries"] })[0];
      if (!map || !feature || feature.geometry.type !== "Point") return null;
      const p = map.project(feature.geometry.coordinates as [number, number]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y, name: String(feature.properties.name) };
    });
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const popup = page.getByTestId("facility-popup");
    await expect(popup).toContainText(point?.name ?? "?");
    await expect(popup).toContainText("Quelle: Datenquelle: Stadt Dortmund");
    expect(app.errors).toEqual([]);
  });

  test("switches to English with English number formats and back", async ({ app, page }) => {
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.getByRole("button", { name: /^EN/ }).click();
    await expect(page.getByRole("tab", { name: "Layers" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Layers" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("1,004 features")).toBeVisible();
    // The choice is kept; after a reload the page starts in English (its messages load on demand,
    // before the first render), with no German text on the way.
    await page.addInitScript(() => {
      const flags = window as unknown as { germanSeen: boolean };
      flags.germanSeen = false;
      new MutationObserver(() => {
        if (document.body?.textContent.includes("Pilotgebiete")) flags.germanSeen = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await app.open();
    await expect(page.getByRole("tab", { name: "Pilot areas" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await page.evaluate(() => (window as unknown as { germanSeen: boolean }).germanSeen)).toBe(false);
    await page.getByRole("tab", { name: "Layers" }).click();
    await page.getByRole("button", { name: /^DE/ }).click();
    await expect(page.getByRole("heading", { name: "Ebenen" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Pilotgebiete" })).toBeVisible();
    await expect(page.getByText("1.004 Objekte")).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test("the about view lists every layer with licence, credit and caveats", async ({ app, page }) => {
    await app.open();
    await page.getByRole("button", { name: "Über die Daten" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Über die Daten" });
    await expect(dialog).toBeVisible();
    const catalogue = await page.evaluate(() => fetch("generated/catalogue.json").then((r) => r.json()));
    await expect(dialog.locator("tbody tr")).toHaveCount(catalogue.entries.length);
    await expect(dialog).toContainText("normale AC-Ladepunkte fehlen");
    await expect(dialog).toContainText("Zensus 2022 (EU-Zensusrunde 2021), 1-km-Raster");
    await expect(dialog).toContainText("Zensus 2011, 1-km-Raster – abgelöst durch den Zensus 2022");
    await expect(dialog).toContainText("Data2Resilience");
    await expect(dialog).toContainText("Fahrradverleih-Stationen (OSM 2020)");
    await expect(dialog).toContainText("dl-de/by-2-0");
    // The offline city map: OSM of 2020, with the extract's licence caveat.
    const basemap = dialog.locator('tr[data-layer="basemap-osm"]');
    await expect(basemap).toContainText("OSM-Stand 10.02.2020");
    await expect(basemap).toContainText("Lizenz zu prüfen");
    await expect(basemap).toContainText("ODbL-1.0");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(app.errors).toEqual([]);
  });

  test("falls back to the offline city map when an online basemap cannot be reached", async ({
    app,
    page,
  }) => {
    await page.route(/^https?:\/\/(?!localhost)/, (route) => route.abort());
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    // Blocked tiles fail at once, so the choice may fall back before check() could see it stick.
    await page.getByRole("radio", { name: "OpenStreetMap (online)" }).click();
    await expect(page.getByTestId("basemap-notice")).toContainText("nicht erreichbar");
    await expect(page.getByRole("radio", { name: /^Stadtplan \(offline/ })).toBeChecked();
    // The style request fails at once, so the choice falls back before check() could see it stick.
    await page.getByRole("radio", { name: /basemap\.de/ }).click();
    await expect(page.getByTestId("basemap-notice")).toContainText("basemap.de");
    await expect(page.getByRole("radio", { name: /^Stadtplan \(offline/ })).toBeChecked();
    await app.waitForIdle();
    expect(await app.canvasColourCount()).toBeGreaterThan(20);
    // Only the blocked requests themselves may be reported, and not in a pile.
    const other = app.errors.filter((e) => !e.includes("net::ERR_FAILED"));
    expect(other).toEqual([]);
    expect(app.errors.length).toBeLessThanOrEqual(2);
  });

  test("refuses to start on missing data and says so", async ({ app, page }) => {
    await page.route("**/generated/catalogue.json", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto("/?e2e");
    await expect(page.getByTestId("load-failed")).toContainText("npm run data");
    expect(app.errors.filter((e) => !e.includes("404"))).toEqual([]);
  });

  test("population grid with legend, and a projector-size screenshot", async ({ app, page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.getByRole("checkbox", { name: /^Einwohner 2022/ }).check();
    await app.waitForIdle();
    const cells = await page.evaluate(
      () => window.__pilotkarte?.map.queryRenderedFeatures({ layers: ["population-fill"] }).length ?? 0,
    );
    expect(cells).toBeGreaterThan(200);
    await expect(page.getByText("Einwohner je km² (Zensus 2022, 1-km-Raster)")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/projector-1920x1080.png` });
    expect(app.errors).toEqual([]);
  });
});
