import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { type AppPage, expect, test, toScreen } from "./fixtures.ts";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

/** The active variant's areas as plain data. */
async function areas(page: Page) {
  return page.evaluate(() => {
    const store = window.__pilotkarte?.documentStore;
    if (!store) return [];
    const state = store.getState();
    const variant = state.plan.variants[state.activeVariantId];
    return (variant?.areaOrder ?? []).map((id) => variant?.areas[id]);
  });
}

async function areaM2(page: Page, index: number) {
  return page.evaluate(async (i) => {
    const store = window.__pilotkarte?.documentStore;
    const state = store?.getState();
    const variant = state ? state.plan.variants[state.activeVariantId] : undefined;
    const id = variant?.areaOrder[i];
    const area = id ? variant?.areas[id] : undefined;
    return area ? window.__pilotkarte?.measureArea(area.geometry) : null;
  }, index);
}

async function openForDrawing(app: AppPage) {
  await app.open();
  await app.page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.5], zoom: 14 }));
  await app.waitForIdle();
  await app.page.waitForFunction(() => window.__pilotkarte?.referenceStore.getState().status === "ready");
}

test.describe("Drawing and editing pilot areas", () => {
  test("draws a polygon point by point, shows live measures and creates an area", async ({ app, page }) => {
    await openForDrawing(app);
    await page.getByRole("button", { name: "Polygon zeichnen" }).click();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    const corners: [number, number][] = [
      [7.465, 51.498],
      [7.475, 51.498],
      [7.475, 51.503],
      [7.465, 51.503],
    ];
    for (const corner of corners) {
      const p = await toScreen(page, corner);
      await page.mouse.click(p.x, p.y);
    }
    await expect(page.getByTestId("live-measure")).toContainText("Fläche");
    const first = await toScreen(page, corners[0] as [number, number]);
    await page.mouse.click(first.x, first.y);
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    await expect(page.getByTestId("area-list")).toContainText("Gebiet 1");
    // 0.01° x 0.005° at 51.5° N: about 694 m x 556 m = 38.6 ha.
    const m2 = (await areaM2(page, 0)) ?? 0;
    expect(m2).toBeGreaterThan(36e4);
    expect(m2).toBeLessThan(41e4);
    await expect(page.getByTestId("area-panel")).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test("draws a rectangle, a circle with a radius readout, and a freehand shape", async ({ app, page }) => {
    await openForDrawing(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.keyboard.press("r");
    let a = await toScreen(page, [7.46, 51.496]);
    let b = await toScreen(page, [7.468, 51.5]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.click(b.x, b.y);
    await expect.poll(async () => (await areas(page)).length).toBe(1);

    await page.keyboard.press("c");
    a = await toScreen(page, [7.48, 51.5]);
    b = await toScreen(page, [7.484, 51.5]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 8 });
    await expect(page.getByTestId("live-measure")).toContainText("Radius");
    await page.mouse.click(b.x, b.y);
    await expect.poll(async () => (await areas(page)).length).toBe(2);
    const circle = (await areas(page))[1];
    expect(circle?.origin).toEqual({ kind: "drawn", tool: "circle" });
    // Radius about 0.004° of longitude at 51.5° N = 277 m; area = pi r² = about 24 ha.
    const circleM2 = (await areaM2(page, 1)) ?? 0;
    expect(circleM2).toBeGreaterThan(20e4);
    expect(circleM2).toBeLessThan(28e4);

    await page.keyboard.press("f");
    const path: [number, number][] = [
      [7.46, 51.505],
      [7.465, 51.507],
      [7.47, 51.506],
      [7.468, 51.503],
      [7.462, 51.503],
    ];
    const start = await toScreen(page, path[0] as [number, number]);
    await page.mouse.click(start.x, start.y);
    for (const point of path.slice(1)) {
      const p = await toScreen(page, point);
      await page.mouse.move(p.x, p.y, { steps: 6 });
    }
    const end = await toScreen(page, path.at(-1) as [number, number]);
    await page.mouse.click(end.x, end.y);
    await expect.poll(async () => (await areas(page)).length).toBe(3);
    expect((await areas(page))[2]?.origin).toEqual({ kind: "drawn", tool: "freehand" });
    expect(app.errors).toEqual([]);
  });

  test("drags a vertex, then undoes and redoes it", async ({ app, page }) => {
    await openForDrawing(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.keyboard.press("r");
    const a = await toScreen(page, [7.46, 51.496]);
    const b = await toScreen(page, [7.47, 51.5]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.click(b.x, b.y);
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    const before = (await areaM2(page, 0)) ?? 0;
    // The new area is selected and loaded for editing: drag its north-east corner outwards.
    const corner = await toScreen(page, [7.47, 51.5]);
    const target = await toScreen(page, [7.474, 51.502]);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await areaM2(page, 0)) ?? 0).toBeGreaterThan(before * 1.05);
    const after = (await areaM2(page, 0)) ?? 0;
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await areaM2(page, 0)) ?? 0).toBeCloseTo(before, 0);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(async () => (await areaM2(page, 0)) ?? 0).toBeCloseTo(after, 0);
    await page.getByRole("button", { name: /^Rückgängig/ }).click();
    await expect.poll(async () => (await areaM2(page, 0)) ?? 0).toBeCloseTo(before, 0);
    expect(app.errors).toEqual([]);
  });

  test("snaps a vertex to a district border within half a metre", async ({ app, page }) => {
    await openForDrawing(app);
    // A point in the middle of a long segment of a Stadtbezirk border, and a click 5 px beside it.
    const border = await page.evaluate(async () => {
      await window.__pilotkarte?.referenceStore.getState().loadOutlines("stadtbezirk");
      const districts = window.__pilotkarte?.referenceStore.getState().outlines.stadtbezirk ?? [];
      const map = window.__pilotkarte?.map;
      if (!map) throw new Error("no map");
      const bounds = map.getBounds();
      let best: { a: number[]; b: number[]; length: number } | null = null;
      for (const feature of districts) {
        const rings =
          feature.geometry.type === "Polygon"
            ? feature.geometry.coordinates
            : feature.geometry.coordinates.flat();
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const a = ring[i] as number[];
            const b = ring[i + 1] as number[];
            const mid = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2] as [
              number,
              number,
            ];
            if (!bounds.contains(mid)) continue;
            const pm = map.project(mid);
            const canvas = map.getCanvas().getBoundingClientRect();
            if (pm.x < 100 || pm.y < 100 || pm.x > canvas.width - 100 || pm.y > canvas.height - 100) continue;
            const pa = map.project(a as [number, number]);
            const pb = map.project(b as [number, number]);
            const length = Math.hypot(pa.x - pb.x, pa.y - pb.y);
            if (!best || length > best.length) best = { a, b, length };
          }
        }
      }
      if (!best) throw new Error("no border in view");
      const pa = map.project(best.a as [number, number]);
      const pb = map.project(best.b as [number, number]);
      const mid = { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
      const nx = -(pb.y - pa.y) / best.length;
      const ny = (pb.x - pa.x) / best.length;
      const rect = map.getCanvas().getBoundingClientRect();
      const click = { x: rect.left + mid.x + nx * 5, y: rect.top + mid.y + ny * 5 };
      // The other two corners lie towards the middle of the map, so every click is on the canvas.
      const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      const dx = centre.x - click.x;
      const dy = centre.y - click.y;
      const others = [
        { x: click.x + dx * 0.6, y: click.y + dy * 0.6 },
        { x: click.x + dx * 0.3 - dy * 0.3, y: click.y + dy * 0.3 + dx * 0.3 },
      ];
      return { a: best.a, b: best.b, click, others };
    });
    await page.keyboard.press("p");
    await expect(page.getByLabel("Einrasten an Grenzen")).toBeChecked();
    await page.mouse.move(border.click.x - 2, border.click.y);
    await page.mouse.move(border.click.x, border.click.y);
    await page.mouse.click(border.click.x, border.click.y);
    for (const o of border.others) await page.mouse.click(o.x, o.y);
    await page.mouse.click(border.click.x, border.click.y);
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    const distance = await page.evaluate(
      ({ a, b }) => {
        const store = window.__pilotkarte?.documentStore.getState();
        const variant = store ? store.plan.variants[store.activeVariantId] : undefined;
        const area = variant ? variant.areas[variant.areaOrder[0] ?? ""] : undefined;
        if (area?.geometry.type !== "Polygon") return Number.POSITIVE_INFINITY;
        const ring = area.geometry.coordinates[0] ?? [];
        // Distance in metres from each vertex to segment a-b (local metric approximation).
        const k = Math.cos(((a[1] ?? 0) * Math.PI) / 180);
        const toM = (p: number[]) => [(p[0] ?? 0) * 111_320 * k, (p[1] ?? 0) * 110_574];
        const [ax, ay] = toM(a) as [number, number];
        const [bx, by] = toM(b) as [number, number];
        let min = Number.POSITIVE_INFINITY;
        for (const v of ring) {
          const [px, py] = toM(v) as [number, number];
          const t = Math.max(
            0,
            Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
          );
          min = Math.min(min, Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))));
        }
        return min;
      },
      { a: border.a, b: border.b },
    );
    expect(distance).toBeLessThan(0.5);
    expect(app.errors).toEqual([]);
  });

  test("builds an area from three districts whose area equals the sum of theirs", async ({ app, page }) => {
    await app.open();
    await page.getByRole("tab", { name: "Ebenen" }).click();
    await page.getByRole("radio", { name: /Unterbezirke/ }).check();
    await app.waitForIdle();
    await page.waitForFunction(() => window.__pilotkarte?.referenceStore.getState().status === "ready");
    // Three neighbouring Unterbezirke of the City: 001, 002, 003 share borders.
    const targets = await page.evaluate(() => {
      const features = window.__pilotkarte?.map.querySourceFeatures("districts-unterbezirk") ?? [];
      const byCode = new Map<string, number>();
      for (const f of features) byCode.set(String(f.properties.code), Number(f.properties.areaKm2));
      return ["001", "002", "003"]
        .filter((code) => byCode.has(code))
        .map((code) => ({ code, areaKm2: byCode.get(code) as number }));
    });
    expect(targets).toHaveLength(3);
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.466, 51.514], zoom: 14 }));
    await app.waitForIdle();
    await page.keyboard.press("b");
    for (const [i, target] of targets.entries()) {
      const point = await page.evaluate((code) => {
        const map = window.__pilotkarte?.map;
        const label = map
          ?.querySourceFeatures("districts-unterbezirk-labels")
          .find((f) => f.properties.code === code);
        if (!map || !label || label.geometry.type !== "Point") return null;
        const p = map.project(label.geometry.coordinates as [number, number]);
        const rect = map.getCanvas().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y + 14 };
      }, target.code);
      expect(point).not.toBeNull();
      if (i > 0) await page.keyboard.down("Shift");
      await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
      if (i > 0) await page.keyboard.up("Shift");
    }
    const picker = page.getByTestId("district-picker");
    await expect(picker.locator("li")).toHaveCount(3);
    await picker.getByRole("button", { name: "Pilotgebiet erstellen" }).click();
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    const area = (await areas(page))[0];
    expect(area?.geometry.type).toBe("Polygon");
    expect(area?.origin).toMatchObject({ kind: "districts", level: "unterbezirk" });
    const sum = targets.reduce((s, t) => s + t.areaKm2 * 1e6, 0);
    const m2 = (await areaM2(page, 0)) ?? 0;
    expect(Math.abs(m2 - sum) / sum).toBeLessThan(0.001);
    await page.screenshot({ path: `${SCREENSHOTS}/build-from-districts.png` });
    expect(app.errors).toEqual([]);
  });

  test("fills the attributes with validation, and they show in the list", async ({ app, page }) => {
    await openForDrawing(app);
    await page.keyboard.press("r");
    const a = await toScreen(page, [7.46, 51.496]);
    const b = await toScreen(page, [7.47, 51.5]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.click(b.x, b.y);
    const panel = page.getByTestId("area-panel");
    await expect(panel).toBeVisible();
    await panel.getByLabel("Name").fill("");
    await panel.getByRole("button", { name: "Übernehmen" }).click();
    await expect(panel).toContainText("Bitte einen Namen eingeben.");
    await expect(panel).toContainText("Bitte mindestens ein Handlungsfeld wählen.");
    await panel.getByLabel("Name").fill("Quartier <b>Hörde</b> & Phoenix");
    await panel.getByLabel("Energie-Management").check();
    await panel.getByLabel("Mobilität und Logistik").check();
    await panel.getByLabel("Partner").fill("DEW21\nTU Dortmund");
    await panel.getByLabel("Status").selectOption("kandidat");
    await panel.getByRole("button", { name: "Übernehmen" }).click();
    const list = page.getByTestId("area-list");
    // Names are shown as text, never as HTML.
    await expect(list).toContainText("Quartier <b>Hörde</b> & Phoenix");
    await expect(list).toContainText("Kandidat");
    const stored = (await areas(page))[0];
    expect(stored).toMatchObject({
      name: "Quartier <b>Hörde</b> & Phoenix",
      fields: ["energie", "mobilitaet"],
      partners: ["DEW21", "TU Dortmund"],
      status: "kandidat",
    });
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await areas(page))[0]?.status).toBe("idee");
    await page.screenshot({ path: `${SCREENSHOTS}/attributes-1440x900.png` });
    expect(app.errors).toEqual([]);
  });

  test("Backspace removes the last point, Escape cancels, Delete and Ctrl+D act on the selection", async ({
    app,
    page,
  }) => {
    await openForDrawing(app);
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.locator("body").press("p");
    const pts: [number, number][] = [
      [7.46, 51.496],
      [7.47, 51.496],
      [7.475, 51.502],
      [7.468, 51.5],
    ];
    for (const point of pts) {
      const p = await toScreen(page, point);
      await page.mouse.click(p.x, p.y);
    }
    // The last point (7.468, 51.500) goes; the polygon closes as a triangle.
    await page.keyboard.press("Backspace");
    const first = await toScreen(page, pts[0] as [number, number]);
    await page.mouse.click(first.x, first.y);
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    const ring = ((await areas(page))[0]?.geometry.coordinates[0] ?? []) as number[][];
    expect(ring).toHaveLength(4);

    // Escape while drawing: nothing is created.
    await page.keyboard.press("p");
    for (const point of pts.slice(0, 2)) {
      const p = await toScreen(page, [point[0] + 0.02, point[1]]);
      await page.mouse.click(p.x, p.y);
    }
    await page.keyboard.press("Escape");
    await page.keyboard.press("v");
    expect((await areas(page)).length).toBe(1);

    // Select the triangle from the list, duplicate it, delete the copy, undo the delete.
    await page
      .getByTestId("area-list")
      .getByRole("button", { name: /Gebiet 1/ })
      .click();
    await page.keyboard.press("Control+d");
    await expect.poll(async () => (await areas(page)).length).toBe(2);
    expect((await areas(page))[1]?.name).toBe("Gebiet 1 (Kopie)");
    await page.keyboard.press("Delete");
    await expect.poll(async () => (await areas(page)).length).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await areas(page)).length).toBe(2);
    // The cheat sheet lists the shortcuts.
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Tastenkürzel" })).toContainText("Letzten Punkt entfernen");
    await page.keyboard.press("Escape");
    expect(app.errors).toEqual([]);
  });

  test("refuses an area below the minimum size with a message", async ({ app, page }) => {
    await openForDrawing(app);
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.47, 51.5], zoom: 19 }));
    await app.waitForIdle();
    await page.getByLabel("Einrasten an Grenzen").uncheck();
    await page.keyboard.press("r");
    // About 14 m x 11 m = 150 m² at zoom 19.
    const a = await toScreen(page, [7.4699, 51.49995]);
    const b = await toScreen(page, [7.4701, 51.50005]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.click(b.x, b.y);
    await expect(page.getByTestId("toasts")).toContainText("kleiner als das Minimum von 500 m²");
    expect((await areas(page)).length).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
