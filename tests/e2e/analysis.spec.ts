import { drawRectangle, expect, test, toScreen } from "./fixtures.ts";

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
    await expect(panel).toContainText("flächengewichtet aus dem Zensus-2022-Raster");
    await expect(panel).toContainText("über Adresspunkte verteilt");
    await expect(panel.locator("caption")).toContainText([
      "Stadtbezirke",
      "Statistische Bezirke",
      "Unterbezirke",
      "Einrichtungen",
    ]);
    await expect(panel).toContainText("Innenstadt-West");
    // A plain-language sentence for screen readers.
    await expect(panel.locator("[aria-live=polite]")).toContainText("Einwohner (Zensus 2022; zwei Methoden)");
    // The figures are in German format: a range like "20.120 – 20.250".
    const range = (await panel.getByTestId("residents-range").textContent()) ?? "";
    expect(range).toMatch(/\d{1,3}\.\d{3} – \d{1,3}\.\d{3}/);
    // The change since Zensus 2011 and the age groups, as the analysis computed them.
    const analysis = await page.evaluate(() => {
      const rows = window.__pilotkarte?.analysisStore.getState().byArea ?? {};
      return Object.values(rows)[0]?.analysis ?? null;
    });
    const tens = (n: number) => (Math.round(n / 10) * 10).toLocaleString("de-DE");
    const before = analysis?.residentsComparison?.figures[0]?.residents ?? Number.NaN;
    const now = analysis?.residents?.figures[0]?.residents ?? Number.NaN;
    await expect(panel.getByTestId("figure-residents-change")).toContainText("Veränderung 2011→2022");
    await expect(panel.getByTestId("residents-change")).toContainText(tens(Math.abs(now - before)));
    const under15 = analysis?.residents?.ageGroups?.find((g) => g.group === "under15");
    await expect(panel.getByTestId("age-under15")).toContainText(
      `${tens(under15?.low ?? Number.NaN)} – ${tens(under15?.high ?? Number.NaN)}`,
    );
    await expect(panel.getByTestId("age-groups")).toContainText("65 Jahre und älter");
    await panel.getByTestId("figure-age-age65plus").locator("summary").click();
    await expect(panel.getByTestId("age-caveat-age65plus")).toContainText("„nicht verfügbar“");
    await panel.getByTestId("figure-residents-change").locator("summary").click();
    await expect(panel.getByTestId("figure-residents-change")).toContainText("Zensus 2011");
    await page.screenshot({ path: "test-results/screenshots/coverage-census-2022.png" });
    await panel.screenshot({ path: "test-results/screenshots/coverage-panel-census-2022.png" });
    expect(app.errors).toEqual([]);
  });
});

test.describe("Live figures and explanations", () => {
  test("figures follow a vertex drag while it happens; every figure explains itself", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.467, 51.512], zoom: 14 }));
    await app.waitForIdle();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await drawRectangle(page, [7.458, 51.508], [7.472, 51.515]);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    const areaFigure = panel.getByTestId("figure-area").locator(".figure-value");
    const before = (await areaFigure.textContent()) ?? "";

    // Drag the north-east corner outwards and hold the mouse: the panel follows before the release.
    const corner = await toScreen(page, [7.472, 51.515]);
    const target = await toScreen(page, [7.478, 51.518]);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await expect(panel.getByTestId("coverage-live")).toBeVisible({ timeout: 20_000 });
    await expect.poll(async () => (await areaFigure.textContent()) ?? "").not.toBe(before);
    const duringDrag = (await areaFigure.textContent()) ?? "";
    await page.mouse.up();
    await expect(panel.getByTestId("coverage-live")).toHaveCount(0);
    await expect(panel.locator("h3 .muted")).toHaveCount(0, { timeout: 20_000 });
    expect(await areaFigure.textContent()).toBe(duringDrag);
    await page.screenshot({ path: "test-results/screenshots/coverage-live.png" });

    // The residents figure opens to show the method, the cells counted and the sources.
    await panel.getByTestId("figure-residents").locator("summary").click();
    const cells = panel.getByTestId("cells-table");
    await expect(cells).toBeVisible();
    expect(await cells.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(panel.getByTestId("figure-residents")).toContainText("Rasterzelle");
    await expect(panel.getByTestId("figure-residents")).toContainText("Zensus 2022");
    // The area figure names its method.
    await panel.getByTestId("figure-area").locator("summary").click();
    await expect(panel.getByTestId("figure-area")).toContainText("WGS84");

    // A facility count opens to list what was counted, by name.
    const facilityButton = panel
      .getByTestId("facilities-table")
      .locator("tbody th button:not([disabled])")
      .first();
    await facilityButton.click();
    const names = panel.locator("[data-testid^=facility-names-]").first();
    await expect(names.locator("li").first()).toBeVisible({ timeout: 20_000 });
    expect((await names.locator("li").first().textContent())?.trim().length).toBeGreaterThan(0);
    await panel.screenshot({ path: "test-results/screenshots/coverage-explained.png" });
    expect(app.errors).toEqual([]);
  });

  test("overlaps are listed and highlighted on the map; the variant summary counts districts and fields", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.467, 51.512], zoom: 14 }));
    await app.waitForIdle();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await drawRectangle(page, [7.458, 51.508], [7.468, 51.514]);
    await page.keyboard.press("Escape");
    await drawRectangle(page, [7.464, 51.511], [7.474, 51.517]);
    const summary = page.getByTestId("variant-summary");
    const table = summary.getByTestId("overlap-table");
    await expect(table.locator("tbody tr")).toHaveCount(1, { timeout: 60_000 });
    // The overlap is 0.004° x 0.003° ≈ 278 m x 334 m ≈ 9.3 ha.
    await expect(table.locator("tbody td").first()).toHaveText(/^9,\d+\s?ha$/);
    await table.locator("tbody button").click();
    await expect(table.locator("tbody button")).toHaveAttribute("aria-pressed", "true");
    await app.waitForIdle();
    const rendered = await page.evaluate(
      () => window.__pilotkarte?.map.queryRenderedFeatures({ layers: ["pilot-overlaps-fill"] }).length ?? 0,
    );
    expect(rendered).toBeGreaterThan(0);
    // Totals count the overlap once: the union is smaller than the sum.
    await expect(summary.getByTestId("variant-totals")).toContainText("Fläche (Vereinigung)");
    await expect(summary.getByTestId("field-counts").locator("tbody tr")).toHaveCount(5);
    await expect(summary.getByTestId("uncovered-stadtbezirk")).toContainText(/Stadtbezirke: 1[01] von 12/);
    await page.screenshot({ path: "test-results/screenshots/overlaps.png" });
    expect(app.errors).toEqual([]);
  });

  test("shows the change since the last saved snapshot", async ({ app, page }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.467, 51.512], zoom: 14 }));
    await app.waitForIdle();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await drawRectangle(page, [7.458, 51.508], [7.468, 51.514]);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    await page.getByRole("button", { name: "Verlauf" }).click();
    await page.getByPlaceholder("z. B. Stand Workshop 14.03.").fill("Vor dem Workshop");
    await page.getByRole("button", { name: "Stand speichern" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Schließen" }).click();
    await expect(panel.getByTestId("figure-since-snapshot")).toContainText("unverändert", {
      timeout: 20_000,
    });
    const corner = await toScreen(page, [7.468, 51.514]);
    const target = await toScreen(page, [7.474, 51.517]);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await page.mouse.up();
    await expect(panel.getByTestId("figure-since-snapshot")).toContainText(/^.*\+\d/, { timeout: 20_000 });
    expect(app.errors).toEqual([]);
  });
});
