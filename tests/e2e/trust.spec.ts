/**
 * What a new user hits in the first minutes (issue 14): drawing after the map style changed, panels that
 * must not take clicks meant for the map, and the build-from-districts tool's own level.
 */
import type { Page } from "@playwright/test";
import { type AppPage, drawRectangle, expect, test, toScreen } from "./fixtures.ts";

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
      /** Vertex and midpoint handles drawn with a size (hidden ones have width 0). */
      visibleHandles: (features("td-point") ?? []).filter(
        (f) =>
          Number((f as unknown as { properties: { pointWidth?: number } }).properties.pointWidth ?? 0) > 0,
      ).length,
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

    // Editing the last area (terra-draw's select mode) still shows its handles after two more switches:
    // the offline city map in its dark variant, and the level.
    await page.getByRole("tab", { name: "Layers" }).click();
    await page.locator('input[name="basemap"][value="citymap-dark"]').check();
    await expect
      .poll(() => page.evaluate(() => Boolean(window.__pilotkarte?.map.getLayer("citymap-road"))))
      .toBe(true);
    await app.waitForIdle();
    await expect.poll(async () => (await drawingOnMap(page)).handles).toBeGreaterThan(4);
    await page.locator('input[name="reference-level"][value="stadtbezirk"]').check();
    await app.waitForIdle();
    await expect.poll(async () => (await drawingOnMap(page)).handles).toBeGreaterThan(4);

    // The offline basemap chosen is still chosen after a reload.
    await page.reload();
    await app.waitForIdle();
    await page.getByRole("tab", { name: "Layers" }).click();
    await expect(page.locator('input[name="basemap"][value="citymap-dark"]')).toBeChecked();
    expect(app.errors).toEqual([]);
  });
});

/** The part of the page a point belongs to: the map canvas, or what covers it. */
async function elementAt(page: Page, point: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    return element?.classList.contains("maplibregl-canvas")
      ? "canvas"
      : (element?.outerHTML.slice(0, 80) ?? "none");
  }, point);
}

test.describe("Panels never take a click meant for the map", () => {
  test("a five-point polygon clicked where the hint bar and the keyboard panel used to be keeps five points", async ({
    app,
    page,
  }) => {
    await openAtZoom14(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.keyboard.press("p");
    const map = await page.evaluate(() => {
      const rect = window.__pilotkarte?.map.getCanvas().getBoundingClientRect();
      return rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : null;
    });
    if (!map) throw new Error("no map");
    const cx = map.left + map.width / 2;
    // Top centre (under the old hint bar), both lower corners of the old keyboard panel (bottom centre,
    // about 480 × 220 px), and two points between.
    const clicks = [
      { x: cx, y: map.top + 70 },
      { x: cx + 150, y: map.top + map.height / 2 },
      { x: cx + 200, y: map.top + map.height - 90 },
      { x: cx - 200, y: map.top + map.height - 90 },
      { x: cx - 150, y: map.top + map.height / 2 },
    ];
    for (const [i, click] of clicks.entries()) {
      expect(await elementAt(page, click)).toBe("canvas");
      await page.mouse.move(click.x, click.y, { steps: 3 });
      await page.mouse.click(click.x, click.y);
      // The drawing panel beside the map counts the mouse's points.
      await expect(page.getByTestId("keyboard-status")).toHaveText(
        i === 0 ? "1 Punkt gesetzt" : `${i + 1} Punkte gesetzt`,
      );
    }
    const first = clicks[0] as { x: number; y: number };
    await page.mouse.move(first.x, first.y, { steps: 3 });
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => areaCount(page)).toBe(1);
    const vertices = await page.evaluate(() => {
      const state = window.__pilotkarte?.documentStore.getState();
      const variant = state?.plan.variants[state.activeVariantId];
      const area = variant?.areas[variant.areaOrder[0] ?? ""];
      return area?.geometry.type === "Polygon" ? (area.geometry.coordinates[0]?.length ?? 0) - 1 : 0;
    });
    expect(vertices).toBe(5);
    expect(app.errors).toEqual([]);
  });

  test("mouse points, typed coordinates and the panel's buttons make one shape", async ({ app, page }) => {
    await openAtZoom14(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.keyboard.press("p");
    for (const corner of [
      [7.465, 51.498],
      [7.475, 51.498],
    ] as [number, number][]) {
      const p = await toScreen(page, corner);
      await page.mouse.move(p.x, p.y, { steps: 3 });
      await page.mouse.click(p.x, p.y);
    }
    await expect(page.getByTestId("keyboard-status")).toHaveText("2 Punkte gesetzt");
    // A typed third point carries on with the two clicked ones; the panel finishes the shape.
    await page.getByTestId("coordinate-input").fill("51,503 7,47");
    await page.getByTestId("coordinate-input").press("Enter");
    await expect(page.getByTestId("keyboard-status")).toHaveText("3 Punkte gesetzt");
    await page.getByRole("button", { name: "Fläche abschließen" }).click();
    await expect.poll(() => areaCount(page)).toBe(1);
    const ring = await page.evaluate(() => {
      const state = window.__pilotkarte?.documentStore.getState();
      const variant = state?.plan.variants[state.activeVariantId];
      const area = variant?.areas[variant.areaOrder[0] ?? ""];
      return area?.geometry.type === "Polygon" ? (area.geometry.coordinates[0] ?? []) : [];
    });
    expect(ring).toHaveLength(4);
    const typed = ring.find(
      (p) => Math.abs((p[1] ?? 0) - 51.503) < 1e-6 && Math.abs((p[0] ?? 0) - 7.47) < 1e-6,
    );
    expect(typed).toBeDefined();
    expect(app.errors).toEqual([]);
  });
});

test.describe("Build from districts", () => {
  test("picks from its own level (Unterbezirke by default), names what a click would add, and the district details stay off the tool bar", async ({
    app,
    page,
  }) => {
    await openAtZoom14(app);
    // The map shows the Stadtbezirke; the tool still picks Unterbezirke.
    await page.keyboard.press("b");
    await expect(page.getByTestId("pick-level")).toHaveValue("unterbezirk");
    await app.waitForIdle();
    const spot = await toScreen(page, [7.47, 51.5]);
    await page.mouse.move(spot.x - 5, spot.y, { steps: 2 });
    await page.mouse.move(spot.x, spot.y, { steps: 2 });
    await expect(page.getByTestId("pick-preview")).toContainText("Klick wählt");
    const preview = (await page.getByTestId("pick-preview").textContent()) ?? "";
    await page.mouse.click(spot.x, spot.y);
    await expect(page.getByTestId("district-picker").locator(".picked-list li")).toHaveCount(1);
    const picked = await page.evaluate(() => window.__pilotkarte?.sessionStore.getState().picked ?? []);
    expect(picked[0]?.level).toBe("unterbezirk");
    // One Unterbezirk, not a whole Stadtbezirk (those are 14 km² and more).
    expect(picked[0]?.areaKm2 ?? 99).toBeLessThan(5);
    expect(preview).toContain(picked[0]?.name ?? "?");

    // The tool's level is its own: Statistische Bezirke for the next pick, the map's level unchanged.
    await page.getByTestId("pick-level").selectOption("statistischer-bezirk");
    await app.waitForIdle();
    await page.mouse.move(spot.x + 3, spot.y, { steps: 2 });
    await page.mouse.click(spot.x + 3, spot.y);
    await expect
      .poll(() => page.evaluate(() => window.__pilotkarte?.sessionStore.getState().picked[0]?.level))
      .toBe("statistischer-bezirk");
    expect(await page.evaluate(() => window.__pilotkarte?.sessionStore.getState().level)).toBe("stadtbezirk");

    // Selecting a district with the select tool shows its details in the results, not over the tools.
    await page.keyboard.press("v");
    await app.waitForIdle();
    await page.mouse.click(spot.x, spot.y);
    const details = page.getByTestId("district-panel");
    await expect(details).toBeVisible();
    const [panelBox, toolbarBox, canvasBox] = await Promise.all([
      details.boundingBox(),
      page.locator(".toolbar-wrap").boundingBox(),
      page.locator(".maplibregl-canvas").boundingBox(),
    ]);
    const overlaps = (
      a: { x: number; y: number; width: number; height: number } | null,
      b: { x: number; y: number; width: number; height: number } | null,
    ) =>
      !!a &&
      !!b &&
      a.x < b.x + b.width &&
      b.x < a.x + a.width &&
      a.y < b.y + b.height &&
      b.y < a.y + a.height;
    expect(overlaps(panelBox, toolbarBox)).toBe(false);
    expect(overlaps(panelBox, canvasBox)).toBe(false);
    expect(app.errors).toEqual([]);
  });
});

/**
 * Every results table, the area list and the figures: no cell whose content is cut or runs out of it,
 * no two text boxes of different cells on top of each other, nothing wider than its panel.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const label = (el: Element) => (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    const roots = [
      ...document.querySelectorAll('[data-testid="results-panel"], [data-testid="area-list"]'),
    ].filter(visible);
    if (roots.length < 2) problems.push(`only ${roots.length} of the results panel and the area list shown`);
    for (const root of roots) {
      const rootBox = root.getBoundingClientRect();
      const groups = [
        ...root.querySelectorAll("table"),
        ...root.querySelectorAll(".figure > summary"),
      ].filter(visible);
      for (const group of groups) {
        const box = group.getBoundingClientRect();
        if (box.right > rootBox.right + 1) problems.push(`wider than its panel: ${label(group)}`);
        const cells = [...group.querySelectorAll(group.tagName === "TABLE" ? "th, td" : "span")].filter(
          visible,
        );
        const texts: { cell: Element; rect: DOMRect; text: string }[] = [];
        for (const cell of cells) {
          const el = cell as HTMLElement;
          if (el.scrollWidth > el.clientWidth + 1) problems.push(`cut: "${label(cell)}"`);
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const content = node.textContent ?? "";
            if (!content.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
              if (rect.width > 0) texts.push({ cell, rect, text: content.trim() });
            }
            // No word broken in the middle onto two lines ("Innens-tadt"); grid cell ids may break.
            if ((node.parentElement as Element).closest(".cell-id")) continue;
            const topOf = (at: number) => {
              const char = document.createRange();
              char.setStart(node as Text, at);
              char.setEnd(node as Text, at + 1);
              // The last box: a character after a soft hyphen also reports the hyphen shown at the line's end.
              const boxes = [...char.getClientRects()];
              return Math.round(boxes.at(-1)?.top ?? 0);
            };
            for (const match of content.matchAll(/[^\s\u00ad-]+/g)) {
              const start = match.index ?? 0;
              if (topOf(start) !== topOf(start + match[0].length - 1))
                problems.push(`word broken: "${match[0]}" in "${label(cell)}"`);
            }
          }
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i] as (typeof texts)[number];
            const b = texts[j] as (typeof texts)[number];
            if (a.cell === b.cell || a.cell.contains(b.cell) || b.cell.contains(a.cell)) continue;
            const ix = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
            const iy = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
            if (ix > 0.5 && iy > 0.5)
              problems.push(`"${a.text.slice(0, 30)}" runs into "${b.text.slice(0, 30)}"`);
          }
        }
      }
    }
    return [...new Set(problems)];
  });
}

test.describe("Results have room", () => {
  test("no results table overflows or overlaps at 1280, 1440 and 1920 px, in German and English", async ({
    app,
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.462, 51.513], zoom: 13 }));
    await app.waitForIdle();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    // Three overlapping areas across Innenstadt-West, -Nord and -Ost, with long names.
    const names = [
      "Energiequartier Nordstadt mit Hafen und Fredenbaumpark",
      "Mobilitätsstation Hauptbahnhof und Kreuzviertel",
      "Seniorengerechtes Quartier Innenstadt-Ost",
    ];
    const boxes: [[number, number], [number, number]][] = [
      [
        [7.445, 51.505],
        [7.465, 51.518],
      ],
      [
        [7.455, 51.51],
        [7.475, 51.522],
      ],
      [
        [7.46, 51.502],
        [7.48, 51.514],
      ],
    ];
    for (const [i, [from, to]] of boxes.entries()) {
      await drawRectangle(page, from, to);
      await expect.poll(() => areaCount(page)).toBe(i + 1);
      const form = page.getByTestId("area-panel");
      await form.getByLabel("Name").fill(names[i] as string);
      await form.getByLabel("Energie-Management").check();
      await form.getByRole("button", { name: "Übernehmen" }).click();
    }
    await expect(page.getByTestId("area-list")).toContainText(names[2] as string);
    await expect(page.getByTestId("coverage-panel").getByTestId("residents-range")).toContainText("–", {
      timeout: 60_000,
    });
    await expect(page.getByTestId("overlap-table")).toBeVisible({ timeout: 60_000 });
    for (const language of ["de", "en"] as const) {
      if (language === "en") await page.getByRole("button", { name: /^EN/ }).click();
      for (const width of [1280, 1440, 1920]) {
        await page.setViewportSize({ width, height: width === 1920 ? 1080 : 900 });
        await page.waitForTimeout(300);
        const problems = await layoutProblems(page);
        expect(problems, `${width} px, ${language}`).toEqual([]);
      }
    }
    await page.screenshot({ path: "test-results/screenshots/results-1920-en.png" });
    expect(app.errors).toEqual([]);
  });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test.describe("Smaller things a new user trips over", () => {
  test("header buttons stay readable on hover, tools are named, the data view shows no local path, the summary gives the range, and handles of a large area wait for zoom", async ({
    app,
    page,
  }) => {
    test.slow();
    await openAtZoom14(app);
    // Header buttons: readable when hovered.
    const history = page.getByRole("button", { name: "Verlauf" });
    await history.hover();
    const colours = await history.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(contrast(colours.color, colours.background)).toBeGreaterThanOrEqual(4.5);

    // The main tools say their names.
    for (const name of ["Auswählen", "Polygon", "Aus Gebieten"]) {
      await expect(page.locator(".toolbar .tool-label", { hasText: name })).toBeVisible();
    }

    // "Über die Daten" names the data folder, never a path on this computer.
    await page.getByRole("button", { name: "Über die Daten" }).first().click();
    const about = page.getByRole("dialog", { name: "Über die Daten" });
    await expect(about).toContainText("aus dem Datenordner „dortmund“");
    expect(await about.textContent()).not.toMatch(/\/(work|home|Users|tmp)\//);
    await page.keyboard.press("Escape");

    // An area built from an Unterbezirk: hundreds of vertices, no carpet of handles at city zoom.
    await page.keyboard.press("b");
    await app.waitForIdle();
    const spot = await toScreen(page, [7.47, 51.5]);
    await page.mouse.click(spot.x, spot.y);
    await page.getByTestId("district-picker").getByRole("button", { name: "Pilotgebiet erstellen" }).click();
    await expect.poll(() => areaCount(page)).toBe(1);
    const vertices = await page.evaluate(() => {
      const state = window.__pilotkarte?.documentStore.getState();
      const variant = state?.plan.variants[state.activeVariantId];
      const area = variant?.areas[variant.areaOrder[0] ?? ""];
      return area?.geometry.type === "Polygon" ? (area.geometry.coordinates[0]?.length ?? 0) - 1 : 0;
    });
    expect(vertices).toBeGreaterThan(60);
    // Editing the new area (select tool): the area is loaded into terra-draw.
    await page.keyboard.press("v");
    await expect.poll(async () => (await drawingOnMap(page)).polygons).toBe(1);
    await page.evaluate(() => window.__pilotkarte?.map.zoomTo(12, { duration: 0 }));
    await app.waitForIdle();
    await expect.poll(async () => (await drawingOnMap(page)).visibleHandles).toBe(0);
    await expect(page.getByTestId("tool-hint")).toContainText("näher heranzoomen");
    await page.evaluate(() => window.__pilotkarte?.map.zoomTo(18, { duration: 0 }));
    await app.waitForIdle();
    await expect.poll(async () => (await drawingOnMap(page)).visibleHandles).toBeGreaterThan(0);

    // The plain-language summary gives the range of the two methods, not a midpoint.
    const summary = page.getByTestId("coverage-announcement");
    await expect(summary).toContainText("Einwohner (Zensus 2022", { timeout: 60_000 });
    const sentence = (await summary.textContent()) ?? "";
    expect(sentence).toMatch(/zwischen [\d.]+ und [\d.]+ Einwohner/);
    expect(sentence).not.toContain("rund");
    expect(app.errors).toEqual([]);
  });
});
