/**
 * Workshop mode: the variant manager (create, duplicate, rename, reorder, delete with confirmation,
 * undo) and the compare view (synchronised maps, indicator matrix, diff map, charts), in German.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { PilotArea } from "../../src/domain/model/plan.ts";
import { rectangle } from "../fixtures/geometry/builders.ts";
import { expect, test, watchSecurityPolicy } from "./fixtures.ts";

async function areaCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    return state?.plan.variants[state.activeVariantId]?.areaOrder.length ?? -1;
  });
}

/**
 * Adds a rectangle to the active variant through the document store's one write path (the same
 * undoable "area/put" change the drawing tools make; drawing itself is covered by draw.spec.ts).
 */
async function addRectangle(page: Page, from: [number, number], to: [number, number]) {
  const before = await areaCount(page);
  await page.evaluate(
    ([geometry, n]) => {
      const store = window.__pilotkarte?.documentStore;
      if (!store) throw new Error("no test hook");
      const state = store.getState();
      const now = new Date().toISOString();
      const area = {
        id: crypto.randomUUID(),
        name: `Gebiet ${n}`,
        fields: ["mobilitaet"],
        partners: [],
        status: "idee",
        notes: "",
        colour: n % 2 === 1 ? "#0072b2" : "#e69f00",
        createdAt: now,
        updatedAt: now,
        geometry,
        origin: { kind: "drawn", tool: "rectangle" },
      } as unknown as PilotArea;
      state.transact({
        label: "Rechteck",
        changes: [{ type: "area/put", variantId: state.activeVariantId, area }],
      });
    },
    [rectangle(from[0], from[1], to[0], to[1]), before + 1] as const,
  );
  await expect.poll(() => areaCount(page)).toBe(before + 1);
}

/** Variant names in the manager's order. */
async function variantNames(page: Page): Promise<string[]> {
  return page.getByTestId("variant-row").locator(".variant-name").allTextContents();
}

/** Geodesic areas (m²) of each variant's areas, as the app measures them (the area list shows these). */
async function areaSizes(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const api = window.__pilotkarte;
    if (!api) throw new Error("no test hook");
    const plan = api.documentStore.getState().plan;
    return Object.fromEntries(
      plan.variantOrder.map((id) => {
        const variant = plan.variants[id];
        const sizes = (variant?.areaOrder ?? []).map((areaId) => {
          const area = variant?.areas[areaId];
          return area ? api.measureArea(area.geometry) : 0;
        });
        return [variant?.name ?? id, sizes];
      }),
    );
  });
}

async function renameVariant(page: Page, from: string, to: string) {
  await page.getByRole("button", { name: `Variante „${from}“ umbenennen` }).click();
  const field = page.getByRole("textbox", { name: `Neuer Name für „${from}“` });
  await expect(field).toBeFocused();
  await field.fill(to);
  await field.press("Enter");
  await expect(page.getByTestId("variant-row").filter({ hasText: to })).toHaveCount(1);
}

const hectares = (m2: number) =>
  `${new Intl.NumberFormat("de-DE", {
    minimumFractionDigits: m2 / 1e4 < 10 ? 2 : 1,
    maximumFractionDigits: m2 / 1e4 < 10 ? 2 : 1,
  }).format(m2 / 1e4)}\u00a0ha`;

/** Waits until every compare map has loaded and rendered. */
async function waitForCompareMaps(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      const maps = Object.values(window.__pilotkarteCompare?.maps() ?? {});
      return maps.length === n && maps.every((map) => map.loaded() && map.areTilesLoaded());
    },
    count,
    { timeout: 60_000 },
  );
}

test.describe("Variant manager and compare view", () => {
  test("three variants made in the manager compare in a matrix, a diff map and synchronised maps", async ({
    app,
    page,
  }) => {
    test.setTimeout(240_000);
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.466, 51.511], zoom: 14 }));
    await app.waitForIdle();
    const manager = page.getByTestId("variant-manager");
    await expect(manager.getByTestId("variant-row")).toHaveCount(1);
    const firstName = (await variantNames(page))[0] ?? "";

    // Variant "Nord": one rectangle.
    await renameVariant(page, firstName, "Nord");
    await addRectangle(page, [7.456, 51.508], [7.464, 51.513]);

    // "Nord plus": a duplicate of Nord with a second, separate rectangle.
    await manager.getByRole("button", { name: "Variante „Nord“ duplizieren" }).click();
    await expect(manager.getByTestId("variant-row")).toHaveCount(2);
    expect(await variantNames(page)).toEqual(["Nord", "Nord (Kopie)"]);
    await expect(manager.locator("[aria-current=true]")).toContainText("Nord (Kopie)");
    await renameVariant(page, "Nord (Kopie)", "Nord plus");
    await addRectangle(page, [7.467, 51.508], [7.474, 51.512]);

    // "Süd": a new, empty variant with two rectangles that overlap each other and both others.
    await manager.getByRole("button", { name: "Neue Variante" }).click();
    await expect(manager.getByTestId("variant-row")).toHaveCount(3);
    const newName = (await variantNames(page))[2] ?? "";
    expect(newName).toMatch(/^Variante \d+$/);
    await expect(manager.locator("[aria-current=true]")).toContainText(newName);
    await renameVariant(page, newName, "Süd");
    await addRectangle(page, [7.46, 51.505], [7.47, 51.51]);
    await addRectangle(page, [7.466, 51.503], [7.472, 51.509]);

    // A name that is taken is refused with a German message.
    await page.getByRole("button", { name: "Variante „Süd“ umbenennen" }).click();
    await page.getByRole("textbox", { name: "Neuer Name für „Süd“" }).fill("nord");
    await page.getByRole("textbox", { name: "Neuer Name für „Süd“" }).press("Enter");
    await expect(page.getByTestId("toasts")).toContainText("Eine Variante mit diesem Namen gibt es schon");
    await page.getByRole("textbox", { name: "Neuer Name für „Süd“" }).press("Escape");
    expect(await variantNames(page)).toEqual(["Nord", "Nord plus", "Süd"]);

    const sizes = await areaSizes(page);
    expect(sizes.Nord).toHaveLength(1);
    expect(sizes["Nord plus"]).toHaveLength(2);
    expect(sizes.Süd).toHaveLength(2);

    // Open the comparison with all three (picked by default).
    await manager.getByTestId("variant-compare").click();
    const picker = page.locator("#variants-compare-pick");
    for (const name of ["Nord", "Nord plus", "Süd"])
      await expect(picker.getByLabel(name, { exact: true })).toBeChecked();
    await picker.getByRole("button", { name: "Vergleich öffnen" }).click();
    const view = page.getByTestId("compare-view");
    await expect(view).toBeVisible();
    await expect(view.getByRole("heading", { name: "Variantenvergleich" })).toBeFocused();
    await expect(view.getByTestId("compare-map").locator("figcaption .compare-map-title")).toHaveText([
      "Nord",
      "Nord plus",
      "Süd",
    ]);
    await expect(view.getByTestId("compare-credits")).toContainText("Stadt Dortmund");

    // The matrix: variants as columns, the first as baseline.
    const matrix = view.getByTestId("compare-matrix");
    await expect(matrix).toBeVisible({ timeout: 90_000 });
    await expect(matrix.locator("thead th")).toHaveText(["Kennzahl", "Nord (Basis)", "Nord plus", "Süd"]);
    const cells = async (rowId: string) =>
      matrix.locator(`tr[data-row="${rowId}"] td`).evaluateAll((tds) =>
        tds.map((td) => ({
          value: Number((td as HTMLElement).dataset.value),
          delta: Number((td as HTMLElement).dataset.delta),
          best: (td as HTMLElement).dataset.best === "true",
          text: td.textContent ?? "",
        })),
      );
    const sum = (list: number[] | undefined) => (list ?? []).reduce((a, b) => a + b, 0);
    const expectedSums = [sum(sizes.Nord), sum(sizes["Nord plus"]), sum(sizes.Süd)];
    const sumRow = await cells("sum-of-areas");
    sumRow.forEach((cell, i) => {
      expect(Math.abs(cell.value - (expectedSums[i] ?? 0))).toBeLessThan(1);
      expect(cell.text).toContain(hectares(expectedSums[i] ?? 0));
    });
    // The same sums from the sizes listed under each map.
    const keySums = await view
      .getByTestId("compare-map")
      .evaluateAll((figures) =>
        figures.map((figure) =>
          [...figure.querySelectorAll<HTMLElement>(".compare-area-key li[data-m2]")].reduce(
            (total, item) => total + Number(item.dataset.m2),
            0,
          ),
        ),
      );
    keySums.forEach((m2, i) => {
      // The worker measures in its own clipping frame: the same to well under a square metre.
      expect(Math.abs(m2 - (sumRow[i]?.value ?? 0))).toBeLessThan(0.01);
    });
    await expect(view.getByTestId("compare-map").nth(1).locator(".compare-area-key li")).toHaveText([
      `Gebiet 1${hectares(sizes["Nord plus"]?.[0] ?? 0)}`,
      `Gebiet 2${hectares(sizes["Nord plus"]?.[1] ?? 0)}`,
    ]);
    // Deltas against Nord, with their sign; size is neither better nor worse: no best mark.
    expect(
      Math.abs((sumRow[1]?.delta ?? 0) - ((expectedSums[1] ?? 0) - (expectedSums[0] ?? 0))),
    ).toBeLessThan(1);
    expect(sumRow[1]?.text).toContain(`+${hectares((expectedSums[1] ?? 0) - (expectedSums[0] ?? 0))}`);
    expect(sumRow.some((cell) => cell.best)).toBe(false);
    // Nord plus's areas do not overlap: its union is the sum. Süd's two areas overlap: less than the sum.
    const unionRow = await cells("union-area");
    expect(Math.abs((unionRow[1]?.value ?? 0) - (expectedSums[1] ?? 0))).toBeLessThan(1);
    expect(unionRow[2]?.value ?? 0).toBeLessThan((expectedSums[2] ?? 0) - 1000);
    // Overlapping pairs: fewer is better; Nord and Nord plus (none) are marked best in words, Süd not.
    const overlapRow = await cells("overlap-count");
    expect(overlapRow.map((cell) => cell.value)).toEqual([0, 0, 1]);
    expect(overlapRow.map((cell) => cell.best)).toEqual([true, true, false]);
    expect(overlapRow[0]?.text).toContain("★ bester Wert");
    expect(overlapRow[2]?.text).not.toContain("bester Wert");
    expect(overlapRow[2]?.text).toContain("+1");
    // Residents: a range of two methods per variant; more is better. A variant is starred only when its
    // whole range lies above every other's, and then in both rows; otherwise the rows say the ranges
    // overlap and nothing is starred.
    const lows = await cells("residents-low");
    const highs = await cells("residents-high");
    expect(Math.max(...highs.map((cell) => cell.value))).toBeGreaterThan(0);
    const clear = lows.map((cell, i) =>
      lows.every((_, j) => j === i || cell.value > (highs[j]?.value ?? Number.POSITIVE_INFINITY)),
    );
    expect(lows.map((cell) => cell.best)).toEqual(clear);
    expect(highs.map((cell) => cell.best)).toEqual(clear);
    const notes = matrix.locator('tr[data-row^="residents-"] [data-testid="compare-row-note"]');
    if (clear.includes(true)) await expect(notes).toHaveCount(0);
    else await expect(notes).toHaveText(Array(2).fill("Spannen überlappen: kein eindeutig bester Wert"));
    // Charts of the main indicators.
    await expect(view.getByTestId("compare-chart-area").locator("svg")).toBeVisible();
    await expect(view.getByTestId("compare-chart-residents").locator("svg")).toBeVisible();

    // Diff: by default Nord against Nord plus: Nord lies inside Nord plus.
    const diff = view.getByTestId("compare-diff");
    const diffTable = diff.getByTestId("compare-diff-table");
    const diffAreas = () =>
      diffTable
        .locator("tbody tr")
        .evaluateAll((rows) =>
          Object.fromEntries(
            rows.map((row) => [(row as HTMLElement).dataset.part, Number((row as HTMLElement).dataset.m2)]),
          ),
        );
    let parts = await diffAreas();
    expect(parts.onlyA ?? -1).toBeLessThan(1);
    expect(Math.abs((parts.both ?? 0) - (sizes.Nord?.[0] ?? 0))).toBeLessThan(1);
    expect(Math.abs((parts.onlyB ?? 0) - (sizes["Nord plus"]?.[1] ?? 0))).toBeLessThan(1);
    // Against Süd, all three parts exist, are listed in words with their hectares and drawn on the map.
    await diff.getByTestId("compare-diff-b").selectOption({ label: "Süd" });
    await expect(diffTable).toContainText("Nur in Süd");
    parts = await diffAreas();
    for (const part of ["onlyA", "onlyB", "both"]) expect(parts[part] ?? 0).toBeGreaterThan(1000);
    await expect(diffTable).toContainText("Nur in Nord");
    await expect(diffTable).toContainText("In beiden");
    await expect(diffTable.locator('tr[data-part="both"] td')).toHaveText(
      `${new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((parts.both ?? 0) / 1e4)}\u00a0ha`,
    );
    await waitForCompareMaps(page, 4);
    const drawnParts = await page.evaluate(() => {
      const map = window.__pilotkarteCompare?.maps().diff;
      const features = map?.queryRenderedFeatures({ layers: ["compare-diff-label"] }) ?? [];
      return [...new Set(features.map((f) => String(f.properties.label)))].sort();
    });
    expect(drawnParts).toEqual(["A+B", "nur A", "nur B"]);

    // Screenshots as the room sees them.
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await view.getByRole("heading", { name: "Variantenvergleich" }).scrollIntoViewIfNeeded();
      await waitForCompareMaps(page, 4);
      await page.screenshot({ path: `test-results/screenshots/compare-${width}.png` });
      // The figures below the maps, scrolled to the top of the view.
      await view.locator(".compare-body").evaluate((element) => element.scrollIntoView());
      await expect(view.getByTestId("compare-chart-overlaps").locator("svg")).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/compare-${width}-figures.png` });
    }
    await view
      .getByTestId("compare-charts")
      .screenshot({ path: "test-results/screenshots/compare-charts.png" });
    await page.setViewportSize({ width: 1440, height: 900 });

    // One camera: dragging the first map moves every other map the same way.
    const cameras = () =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.entries(window.__pilotkarteCompare?.maps() ?? {}).map(([key, map]) => [
            key,
            [map.getCenter().lng, map.getCenter().lat, map.getZoom()],
          ]),
        ),
      );
    const before = await cameras();
    const firstMap = view.getByTestId("compare-map").first().locator("canvas");
    await firstMap.scrollIntoViewIfNeeded();
    const box = await firstMap.boundingBox();
    if (!box) throw new Error("first compare map has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => JSON.stringify(await cameras())).not.toBe(JSON.stringify(before));
    const after = await cameras();
    const keys = Object.keys(after);
    expect(keys).toHaveLength(4);
    const lead = after[keys[0] as string] as number[];
    expect(Math.abs((lead[0] ?? 0) - (before[keys[0] as string]?.[0] ?? 0))).toBeGreaterThan(1e-4);
    for (const key of keys) {
      const camera = after[key] as number[];
      expect(Math.abs((camera[0] ?? 0) - (lead[0] ?? 0))).toBeLessThan(1e-9);
      expect(Math.abs((camera[1] ?? 0) - (lead[1] ?? 0))).toBeLessThan(1e-9);
      expect(Math.abs((camera[2] ?? 0) - (lead[2] ?? 0))).toBeLessThan(1e-9);
    }

    // "Show all areas" frames every map on the compared areas again.
    await view.getByTestId("compare-fit").click();
    const framed = await page.evaluate(() =>
      Object.values(window.__pilotkarteCompare?.maps() ?? {}).map((map) => {
        const b = map.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      }),
    );
    expect(framed).toHaveLength(4);
    for (const [west, south, east, north] of framed) {
      expect(west).toBeLessThan(7.456);
      expect(south).toBeLessThan(51.503);
      expect(east).toBeGreaterThan(7.474);
      expect(north).toBeGreaterThan(51.513);
    }

    // A variant dropped from the comparison leaves two columns.
    await view.getByTestId("compare-pick").getByLabel("Nord plus").uncheck();
    await expect(matrix.locator("thead th")).toHaveText(["Kennzahl", "Nord (Basis)", "Süd"]);

    // Escape goes back to the workspace.
    await page.keyboard.press("Escape");
    await expect(view).toHaveCount(0);
    await expect(manager).toBeVisible();

    // Reorder: Süd up, twice; the first "up" button is disabled at the top.
    await manager.getByRole("button", { name: "Variante „Süd“ nach oben schieben" }).click();
    await manager.getByRole("button", { name: "Variante „Süd“ nach oben schieben" }).click();
    expect(await variantNames(page)).toEqual(["Süd", "Nord", "Nord plus"]);
    await expect(manager.getByRole("button", { name: "Variante „Süd“ nach oben schieben" })).toBeDisabled();
    // The focus is not lost with the disabled button: it moves to "down".
    await expect(manager.getByRole("button", { name: "Variante „Süd“ nach unten schieben" })).toBeFocused();
    await manager.getByRole("button", { name: "Variante „Nord“ nach unten schieben" }).press("Enter");
    expect(await variantNames(page)).toEqual(["Süd", "Nord plus", "Nord"]);

    // Delete asks first; cancel keeps it, confirm deletes it, undo brings it back with its areas.
    await manager.getByRole("button", { name: "Variante „Nord plus“ löschen" }).click();
    const confirm = manager.getByRole("alertdialog");
    await expect(confirm).toContainText("Variante „Nord plus“ mit 2 Gebieten löschen?");
    await confirm.getByRole("button", { name: "Abbrechen" }).click();
    expect(await variantNames(page)).toEqual(["Süd", "Nord plus", "Nord"]);
    await manager.getByRole("button", { name: "Variante „Nord plus“ löschen" }).click();
    await expect(confirm).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await manager.getByRole("button", { name: "Variante „Nord plus“ löschen" }).click();
    await expect(manager.getByRole("button", { name: "Ja, löschen" })).toBeFocused();
    await manager.getByRole("button", { name: "Ja, löschen" }).click();
    expect(await variantNames(page)).toEqual(["Süd", "Nord"]);
    await expect(manager.locator(".variant-switch[aria-current=true]")).toBeFocused();
    await page.locator("body").press("Control+z");
    await expect.poll(() => variantNames(page)).toEqual(["Süd", "Nord plus", "Nord"]);
    await expect(manager.getByTestId("variant-row").filter({ hasText: "Nord plus" })).toContainText(
      "2 Gebiete",
    );
    // Switching makes a variant active; its areas are the ones listed.
    await manager.getByRole("button", { name: "Nord plus" }).first().click();
    await expect(manager.locator("[aria-current=true]")).toContainText("Nord plus");
    await expect(page.getByTestId("area-list")).toContainText("(2");
    await manager.screenshot({ path: "test-results/screenshots/variant-manager.png" });
    expect(app.errors).toEqual([]);
  });

  test("the compare view has no serious accessibility problems", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    await watchSecurityPolicy(context, errors);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/?e2e=pixels");
    await page.waitForFunction(() => (window.__pilotkarte?.idleCount() ?? 0) > 0, null, { timeout: 60_000 });
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.466, 51.511], zoom: 14 }));
    const manager = page.getByTestId("variant-manager");
    await addRectangle(page, [7.456, 51.508], [7.464, 51.513]);
    await manager.getByRole("button", { name: "Neue Variante" }).click();
    await addRectangle(page, [7.46, 51.505], [7.47, 51.51]);
    await manager.getByTestId("variant-compare").click();
    await page.getByRole("button", { name: "Vergleich öffnen" }).click();
    await expect(page.getByTestId("compare-matrix")).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId("compare-chart-area").locator("svg")).toBeVisible();
    await waitForCompareMaps(page, 3);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
    // The same view in English, numbers in English format.
    await page.getByRole("button", { name: /^EN/ }).click();
    await expect(page.getByRole("heading", { name: "Compare variants" })).toBeVisible();
    await expect(page.getByTestId("compare-matrix").locator("thead th").first()).toHaveText("Figure");
    await expect(page.getByTestId("compare-matrix").locator('tr[data-row="union-area"] th')).toContainText(
      "Total area (overlaps once)",
    );
    await expect(
      page.getByTestId("compare-matrix").locator('tr[data-row="union-area"] td').first(),
    ).toContainText(/^\d+\.\d{1,2}\u00a0ha/);
    await page.getByRole("button", { name: "← Back to editing" }).click();
    await expect(page.getByTestId("variant-manager")).toContainText("Variants");
    expect(errors).toEqual([]);
    await context.close();
  });
});
