/**
 * Accessibility: drawing, naming and reading a pilot area with the keyboard only, typed coordinates
 * (WGS84 and EPSG:25832), keyboard vertex editing with undo, and axe-core on the main screens.
 * The test hook (`window.__pilotkarte`) is used only to READ state here, never to act.
 */
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import proj4 from "proj4";
import { expect, test, watchSecurityPolicy } from "./fixtures.ts";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

const UTM32 = "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs";
const WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

/** Metres between two lon/lat points (equirectangular, fine over short distances). */
function metresBetween(a: [number, number], b: [number, number]): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * Math.cos(lat), (a[1] - b[1]) * 110_574);
}

/** What has keyboard focus, described for the tests. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: "", tool: "", canvas: false, label: "", text: "", inCoverage: false, testId: "" };
    const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : "";
    return {
      tag: el.tagName,
      tool: el.dataset.tool ?? "",
      canvas: el.classList.contains("maplibregl-canvas"),
      label: (labelled || el.getAttribute("aria-label") || el.closest("label")?.textContent || "").trim(),
      text: (el.textContent ?? "").trim(),
      inCoverage: el.closest("[data-testid=coverage-panel]") !== null,
      testId: el.closest("[data-testid]")?.getAttribute("data-testid") ?? "",
    };
  });
}

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element; fails after `limit` presses. */
async function tabUntil(
  page: Page,
  want: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  { back = false, limit = 120 } = {},
) {
  const path: string[] = [];
  for (let i = 0; i < limit; i++) {
    const now = await focused(page);
    if (want(now)) return;
    path.push(`${now.tag}:${now.label || now.text.slice(0, 20)}`);
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`focus never reached the target; went through: ${path.join(" | ")}`);
}

async function areas(page: Page) {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    if (!state) return [];
    const variant = state.plan.variants[state.activeVariantId];
    return (variant?.areaOrder ?? []).map((id) => variant?.areas[id]);
  });
}

/** Types a coordinate into the keyboard panel and waits until point `n` is announced. */
async function placeTyped(page: Page, text: string, n: number) {
  const input = page.getByTestId("coordinate-input");
  await input.fill(text);
  await input.press("Enter");
  await expect(page.getByTestId("keyboard-announcement")).toContainText(`Punkt ${n} gesetzt`);
}

const keyboardState = (page: Page) =>
  page.evaluate(() => {
    const s = window.__pilotkarte?.keyboardDraw();
    return { vertices: s?.vertices ?? [], edit: s?.edit ?? null, focused: s?.focused ?? false };
  });

const centre = (page: Page) =>
  page.evaluate(() => {
    const c = window.__pilotkarte?.map.getCenter();
    return [c?.lng ?? 0, c?.lat ?? 0] as [number, number];
  });

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Parses a German number like "1.234,5". */
const germanNumber = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));

test.describe("Accessibility", () => {
  test("creates a pilot area, names it and reads its coverage with the keyboard only", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.waitForFunction(() => window.__pilotkarte?.referenceStore.getState().status === "ready");

    // Tab to the polygon tool and choose it.
    await tabUntil(page, (f) => f.tool === "polygon");
    // A visible focus ring with at least 3:1 contrast against the toolbar behind it.
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const behind = getComputedStyle(el.closest(".toolbar") as HTMLElement).backgroundColor;
      return { colour: style.outlineColor, width: style.outlineWidth, style: style.outlineStyle, behind };
    });
    expect(ring.style).toBe("solid");
    expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.behind)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-tool="polygon"]')).toHaveAttribute("aria-pressed", "true");
    // On to the map (it follows the tool bar).
    await tabUntil(page, (f) => f.canvas, { limit: 20 });
    await expect(page.getByTestId("keyboard-crosshair")).toBeVisible();

    // Zoom in twice with the map's own keys: the step of the arrow keys follows.
    const zoomBefore = await page.evaluate(() => window.__pilotkarte?.map.getZoom() ?? 0);
    await page.keyboard.press("+");
    await expect.poll(() => page.evaluate(() => window.__pilotkarte?.map.isMoving())).toBe(false);
    await page.keyboard.press("+");
    await expect
      .poll(() => page.evaluate(() => window.__pilotkarte?.map.getZoom() ?? 0))
      .toBeGreaterThan(zoomBefore + 1);
    await expect.poll(() => page.evaluate(() => window.__pilotkarte?.map.isMoving())).toBe(false);

    // Four corners: Enter, two steps right, Enter, two steps down, Enter, two steps left, Enter.
    const start = await centre(page);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("keyboard-announcement")).toContainText("Punkt 1 gesetzt");
    for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft"]) {
      await page.keyboard.press(key);
      await page.keyboard.press(key);
      await page.keyboard.press("Enter");
    }
    await expect(page.getByTestId("keyboard-announcement")).toContainText("Punkt 4 gesetzt");
    const state = await keyboardState(page);
    expect(state.vertices).toHaveLength(4);
    expect(metresBetween(state.vertices[0] as [number, number], start)).toBeLessThan(0.01);
    // A fine step (Shift) moves a tenth of a normal step.
    const beforeFine = await centre(page);
    await page.keyboard.press("Shift+ArrowUp");
    const afterFine = await centre(page);
    await page.keyboard.press("ArrowUp");
    const afterNormal = await centre(page);
    const fine = metresBetween(beforeFine, afterFine);
    const normal = metresBetween(afterFine, afterNormal);
    expect(fine).toBeGreaterThan(0);
    expect(normal / fine).toBeGreaterThan(8);
    expect(normal / fine).toBeLessThan(12);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.screenshot({ path: `${SCREENSHOTS}/keyboard-draw.png` });

    // Enter again on the same spot finishes the area.
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    await expect(page.getByTestId("keyboard-announcement")).toContainText("Fläche erstellt: „Gebiet 1“");
    const area = (await areas(page))[0];
    expect(area?.origin).toEqual({ kind: "drawn", tool: "polygon" });

    // Name it in the attributes form, reached with Tab.
    await tabUntil(page, (f) => f.tag === "INPUT" && f.label === "Name");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Nordmarkt Pilot");
    // An area needs at least one alliance field: the first checkbox follows the name.
    await page.keyboard.press("Tab");
    expect((await focused(page)).label).toBe("Energie-Management");
    await page.keyboard.press("Space");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.text === "Übernehmen", { limit: 20 });
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await areas(page))[0]?.name).toBe("Nordmarkt Pilot");
    expect((await areas(page))[0]?.fields).toEqual(["energie"]);

    // Tab on to the coverage panel and read area and residents.
    await tabUntil(page, (f) => f.inCoverage && f.testId === "figure-area");
    const areaId = area?.id as string;
    await page.waitForFunction(
      (id) => {
        const api = window.__pilotkarte;
        const state = api?.documentStore.getState();
        const stored = state?.plan.variants[state.activeVariantId]?.areas[id];
        const row = api?.analysisStore.getState().byArea[id];
        return row?.analysis && stored && row.geometry === stored.geometry;
      },
      areaId,
      { timeout: 60_000 },
    );
    const analysis = await page.evaluate(
      (id) => window.__pilotkarte?.analysisStore.getState().byArea[id]?.analysis,
      areaId,
    );
    const panel = page.getByTestId("coverage-panel");
    const areaText = (await page.getByTestId("figure-area").locator(".figure-value").textContent()) ?? "";
    const residentsText = (await panel.getByTestId("residents-range").textContent()) ?? "";
    expect(areaText.trim()).not.toBe("");
    expect(residentsText.trim()).not.toBe("");
    // The shown figures are the store's, as the UI rounds them (ha or km² with two or three decimals).
    const areaM2 = analysis?.areaM2 ?? 0;
    const shownM2 = areaText.includes("km²")
      ? germanNumber(areaText.split("km²")[0] ?? "") * 1e6
      : germanNumber(areaText.split("ha")[0] ?? "") * 1e4;
    expect(Math.abs(shownM2 - areaM2)).toBeLessThan(areaText.includes("km²") ? 1000 : 100);
    const [low, high] = residentsText.split("–").map((s) => germanNumber(s.trim()));
    expect(low).toBe(Math.round((analysis?.residents?.low ?? -1) / 10) * 10);
    expect(high).toBe(Math.round((analysis?.residents?.high ?? -1) / 10) * 10);
    // The plain-language summary is in the polite live region.
    await expect(panel.getByTestId("coverage-announcement")).toContainText("Nordmarkt Pilot");
    expect(app.errors).toEqual([]);
  });

  test("places points at typed coordinates (EPSG:25832 metres and WGS84 degrees)", async ({ app, page }) => {
    await app.open();
    await page.locator("body").press("p");
    const input = page.getByTestId("coordinate-input");
    await expect(input).toBeVisible();

    await input.fill("393000 5709000");
    await input.press("Enter");
    await expect.poll(async () => (await keyboardState(page)).vertices.length).toBe(1);
    const utm = proj4(UTM32, WGS84).forward([393000, 5709000]) as [number, number];
    let { vertices } = await keyboardState(page);
    expect(metresBetween(vertices[0] as [number, number], utm)).toBeLessThan(1);
    // The crosshair (map centre) is there too.
    expect(metresBetween(await centre(page), utm)).toBeLessThan(1);
    await expect(page.getByTestId("coordinate-message")).toContainText("EPSG:25832");

    await input.fill("51,5136 7,4653");
    await input.press("Enter");
    await expect.poll(async () => (await keyboardState(page)).vertices.length).toBe(2);
    ({ vertices } = await keyboardState(page));
    expect(metresBetween(vertices[1] as [number, number], [7.4653, 51.5136])).toBeLessThan(1);
    expect(metresBetween(await centre(page), [7.4653, 51.5136])).toBeLessThan(1);
    await expect(page.getByTestId("keyboard-announcement")).toContainText(
      "Punkt 2 gesetzt: 51,51360 N, 7,46530 O",
    );

    await input.fill("E 393.500,5 N 5.708.500");
    await input.press("Enter");
    await expect.poll(async () => (await keyboardState(page)).vertices.length).toBe(3);
    ({ vertices } = await keyboardState(page));
    const third = proj4(UTM32, WGS84).forward([393500.5, 5708500]) as [number, number];
    expect(metresBetween(vertices[2] as [number, number], third)).toBeLessThan(1);

    // Bad input: a clear message, nothing placed.
    await input.fill("51,7");
    await input.press("Enter");
    await expect(page.getByTestId("coordinate-message")).toContainText("Mehrdeutig");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await input.fill("Hauptbahnhof");
    await input.press("Enter");
    await expect(page.getByTestId("coordinate-message")).toContainText("Nicht lesbar");
    expect((await keyboardState(page)).vertices).toHaveLength(3);

    // On the map: Backspace removes the last point, Escape drops the rest.
    await page.getByRole("button", { name: "Zur Karte (Pfeiltasten)" }).click();
    expect((await focused(page)).canvas).toBe(true);
    await page.keyboard.press("Backspace");
    await expect(page.getByTestId("keyboard-announcement")).toHaveText("Letzten Punkt entfernt, 2 übrig");
    expect((await keyboardState(page)).vertices).toHaveLength(2);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("keyboard-announcement")).toHaveText("Zeichnen abgebrochen.");
    expect((await keyboardState(page)).vertices).toHaveLength(0);
    expect(await areas(page)).toHaveLength(0);

    // Typing the first point again closes the area.
    for (const [i, text] of ["393000 5709000", "393400 5709000", "393400 5708700"].entries()) {
      await placeTyped(page, text, i + 1);
    }
    await input.fill("32U 393000 5709000");
    await input.press("Enter");
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    await expect(page.getByTestId("keyboard-announcement")).toContainText("Fläche erstellt");
    // 400 m x 300 m / 2 = 6 ha (UTM is conformal; the scale factor near 7.5° E is about 0.9997).
    const m2 = await page.evaluate(async () => {
      const state = window.__pilotkarte?.documentStore.getState();
      const variant = state?.plan.variants[state.activeVariantId];
      const area = variant?.areas[variant.areaOrder[0] ?? ""];
      return area ? window.__pilotkarte?.measureArea(area.geometry) : 0;
    });
    expect(m2).toBeGreaterThan(59_000);
    expect(m2).toBeLessThan(61_000);
    expect(app.errors).toEqual([]);
  });

  test("moves a vertex with the keyboard; undo restores it", async ({ app, page }) => {
    await app.open();
    await page.locator("body").press("p");
    await expect(page.getByTestId("coordinate-input")).toBeVisible();
    for (const [i, text] of ["51,510 7,460", "51,510 7,470", "51,505 7,470", "51,505 7,460"].entries()) {
      await placeTyped(page, text, i + 1);
    }
    await page.getByRole("button", { name: "Fläche abschließen" }).click();
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    const before = (await areas(page))[0]?.geometry;
    const pastBefore = await page.evaluate(() => window.__pilotkarte?.documentStore.getState().past.length);

    // The plain-language summary of the committed figures, in the polite live region.
    const summary = page.getByTestId("coverage-announcement");
    await expect(summary).toContainText("Gebiet 1", { timeout: 60_000 });
    const summaryBefore = (await summary.textContent()) ?? "";

    await page.getByRole("button", { name: "Punkte per Tastatur bearbeiten" }).click();
    await expect.poll(async () => (await keyboardState(page)).edit !== null).toBe(true);
    expect((await focused(page)).canvas).toBe(true);
    const measure = page.getByTestId("live-measure");
    const measureBefore = (await measure.textContent()) ?? "";
    await page.keyboard.press("]");
    const picked = await keyboardState(page);
    expect(picked.edit?.current).toBe(1);
    const from = picked.edit?.ring[1] as [number, number];
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowUp");
    await expect(page.getByTestId("keyboard-announcement")).toContainText("Punkt 2 verschoben");
    // The figures follow the edit live, but the summary is announced only for committed figures.
    await expect(page.getByTestId("coverage-live")).toBeVisible({ timeout: 60_000 });
    await expect(summary).toHaveText(summaryBefore);
    // The toolbar's live measure follows the edited shape.
    await expect(measure).not.toHaveText(measureBefore);
    await page.screenshot({ path: `${SCREENSHOTS}/keyboard-edit.png` });
    const to = (await keyboardState(page)).edit?.ring[1] as [number, number];
    expect(to[0]).toBeGreaterThan(from[0]);
    expect(to[1]).toBeGreaterThan(from[1]);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("keyboard-announcement")).toContainText(
      "Änderung an „Gebiet 1“ übernommen",
    );
    await expect(summary).not.toHaveText(summaryBefore, { timeout: 60_000 });
    await expect(summary).toContainText("Gebiet 1");
    const after = (await areas(page))[0]?.geometry;
    expect(after).not.toEqual(before);
    const ring = (after?.coordinates[0] ?? []) as number[][];
    expect(ring.some((p) => metresBetween(p as [number, number], to) < 0.01)).toBe(true);
    // One undo step.
    expect(await page.evaluate(() => window.__pilotkarte?.documentStore.getState().past.length)).toBe(
      (pastBefore ?? 0) + 1,
    );
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await areas(page))[0]?.geometry).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});

test.describe("Keyboard drawing beside the mouse", () => {
  test("Enter still finishes a polygon started with the mouse", async ({ app, page }) => {
    await app.open();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.locator("body").press("p");
    const corners: [number, number][] = [
      [7.45, 51.5],
      [7.49, 51.5],
      [7.47, 51.52],
    ];
    for (const corner of corners) {
      const p = await page.evaluate((c) => {
        const map = window.__pilotkarte?.map;
        if (!map) throw new Error("no map");
        const point = map.project(c);
        const rect = map.getCanvas().getBoundingClientRect();
        return { x: rect.left + point.x, y: rect.top + point.y };
      }, corner);
      await page.mouse.click(p.x, p.y);
    }
    // The clicks focused the map canvas; Enter goes to terra-draw, which closes the triangle.
    expect((await focused(page)).canvas).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    expect((await keyboardState(page)).vertices).toEqual([]);
    const ring = ((await areas(page))[0]?.geometry.coordinates[0] ?? []) as number[][];
    expect(ring).toHaveLength(4);
    expect(app.errors).toEqual([]);
  });
});

test.describe("Skip links and language", () => {
  test("skip links reach the map, the results and the layers; the English switch covers the map", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Zur Karte springen");
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Zu den Ergebnissen springen");
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Zu den Ebenen springen");
    await page.keyboard.press("Enter");
    await expect(page.locator("#panel-layers")).toBeVisible();
    await expect(page.locator("#panel-layers")).toBeFocused();
    // Back to the skip link for the results: it opens the results beside the map (even when folded
    // away) and focuses them.
    await page.getByTestId("results-hide").click();
    await expect(page.getByTestId("results-panel")).toBeHidden();
    // Back through the open layers tab: one stop per layer toggle (26 layers, some in two fields).
    await tabUntil(page, (f) => f.text === "Zu den Ergebnissen springen", { back: true, limit: 120 });
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("results-panel")).toBeVisible();
    await expect(page.locator("#results")).toBeFocused();
    await tabUntil(page, (f) => f.text === "Zur Karte springen", { back: true, limit: 90 });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect((await focused(page)).canvas).toBe(true);

    // The canvas has a German name and points to the key help.
    const canvas = page.locator(".maplibregl-canvas");
    await expect(canvas).toHaveAttribute("aria-label", "Karte von Dortmund");
    await expect(page.locator(`#${await canvas.getAttribute("aria-describedby")}`)).toContainText(
      "Pfeiltasten verschieben die Karte",
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");

    await page.getByRole("button", { name: /^EN/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect(canvas).toHaveAttribute("aria-label", "Map of Dortmund");
    await page.locator("body").press("p");
    await expect(page.getByTestId("keyboard-panel")).toContainText("Drawing");
    await page.getByTestId("coordinate-input").fill("51.5136, 7.4653");
    await page.getByTestId("coordinate-input").press("Enter");
    await expect(page.getByTestId("keyboard-announcement")).toHaveText(
      "Point 1 placed: 51.51360 N, 7.46530 E",
    );
    expect(app.errors).toEqual([]);
  });
});

test.describe("axe-core on the main screens", () => {
  const seriousOrCritical = async (page: Page) => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
  };

  test("main screen, attributes form, layers tab and shortcuts dialog", async ({ browser }) => {
    // Seven axe runs over the whole page: slow on a busy machine.
    test.setTimeout(300_000);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const cspViolations: string[] = [];
    await watchSecurityPolicy(context, cspViolations);
    const page = await context.newPage();
    await page.goto("/?e2e=pixels");
    await page.waitForFunction(() => (window.__pilotkarte?.idleCount() ?? 0) > 0, null, { timeout: 60_000 });

    expect(await seriousOrCritical(page), "main screen").toEqual([]);

    // A selected area: the attributes form, coverage panel and area list.
    await page.locator("body").press("p");
    const input = page.getByTestId("coordinate-input");
    expect(await seriousOrCritical(page), "keyboard drawing panel").toEqual([]);
    await expect(input).toBeVisible();
    for (const [i, text] of ["51,515 7,455", "51,515 7,470", "51,505 7,470"].entries()) {
      await placeTyped(page, text, i + 1);
    }
    await page.getByRole("button", { name: "Fläche abschließen" }).click();
    await expect(page.getByTestId("area-panel")).toBeVisible();
    await expect(page.getByTestId("coverage-panel").getByTestId("residents-range")).toBeVisible({
      timeout: 60_000,
    });
    expect(await seriousOrCritical(page), "attributes form and coverage").toEqual([]);

    await page.getByRole("button", { name: "Punkte per Tastatur bearbeiten" }).click();
    await expect(page.getByTestId("keyboard-panel")).toContainText("Punkt 1 von 3");
    expect(await seriousOrCritical(page), "keyboard vertex editing").toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("keyboard-panel")).toBeHidden();

    // A second area overlapping the first: the overlap table.
    await page.locator("body").press("p");
    for (const [i, text] of ["51,512 7,462", "51,512 7,478", "51,502 7,478"].entries()) {
      await placeTyped(page, text, i + 1);
    }
    await page.getByRole("button", { name: "Fläche abschließen" }).click();
    await expect(page.getByTestId("overlap-table")).toBeVisible({ timeout: 60_000 });
    expect(await seriousOrCritical(page), "overlap table").toEqual([]);

    await page.getByRole("tab", { name: "Ebenen" }).click();
    expect(await seriousOrCritical(page), "layers tab").toEqual([]);

    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Tastenkürzel" })).toBeVisible();
    expect(await seriousOrCritical(page), "shortcuts dialog").toEqual([]);
    await page.keyboard.press("Escape");

    // The same screens in English.
    await page.getByRole("button", { name: /^EN/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("tab", { name: "Pilot areas" }).click();
    expect(await seriousOrCritical(page), "English main screen").toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
