#!/usr/bin/env node
/**
 * Screenshots for the README (`npm run screenshots`, after `npm run build`): the drawing, the results
 * and the compare view, and the offline city map (city zoom, zoom 13 at the Hauptbahnhof, zoom 15 at
 * Phoenix-See, the dark variant) with every request to another host aborted, at 1440×900 and
 * 1920×1080, in Debian's Chromium against `vite preview` on a free loopback port. Writes JPEGs to
 * docs/screenshots/. `-- --only basemap` takes only the basemap views. Nothing here is a test: the
 * browser tests check the same screens; this only takes pictures of them for people reading the README.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { chromium } from "@playwright/test";

const OUT = "docs/screenshots";
/** PNG copies to look at (the README's JPEGs are smaller; some image viewers show only PNG). */
const CHECK = "test-results/readme-screenshots";
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview did not start at ${url}`);
}

const toScreen = (page, lngLat) =>
  page.evaluate((p) => {
    const map = window.__pilotkarte.map;
    const point = map.project(p);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lngLat);

const idle = (page) =>
  page.waitForFunction(
    () => {
      const api = window.__pilotkarte;
      return api && api.idleCount() > 0 && api.map.loaded() && api.map.areTilesLoaded();
    },
    null,
    { timeout: 60_000 },
  );

async function rectangle(page, from, to) {
  await page.locator("body").press("r");
  const a = await toScreen(page, from);
  const b = await toScreen(page, to);
  await page.mouse.click(a.x, a.y);
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.click(b.x, b.y);
}

async function nameArea(page, name, field) {
  const form = page.getByTestId("area-panel");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(field).check();
  await form.getByRole("button", { name: "Übernehmen" }).click();
}

async function snap(page, name, suffix) {
  // The "changes applied" notes fade after a few seconds; a picture should not wait for that.
  await page.evaluate(() => {
    const session = window.__pilotkarte?.sessionStore.getState();
    for (const toast of session?.toasts ?? []) session?.dismissToast(toast.id);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}-${suffix}.jpg`, type: "jpeg", quality: 82 });
  await page.screenshot({ path: `${CHECK}/${name}-${suffix}.png` });
}

async function shoot(browser, base, size) {
  const page = await browser.newPage({ viewport: size });
  const suffix = `${size.width}`;
  await page.goto(`${base}?e2e`);
  await idle(page);
  // The map column is the window minus the sidebar and the results: a zoom that fits the areas in both.
  const zoom = size.width >= 1800 ? 13.8 : 13.4;
  await page.evaluate((z) => window.__pilotkarte.map.jumpTo({ center: [7.466, 51.512], zoom: z }), zoom);
  await idle(page);
  await page.waitForFunction(() => window.__pilotkarte.referenceStore.getState().status === "ready");
  await page.getByLabel("Einrasten an Grenzen").uncheck();

  await rectangle(page, [7.446, 51.507], [7.463, 51.519]);
  await nameArea(page, "Energiequartier Hafen", "Energie-Management");
  await rectangle(page, [7.456, 51.511], [7.474, 51.521]);
  await nameArea(page, "Mobilitätsstation Hauptbahnhof", "Mobilität und Logistik");

  // Drawing: a polygon half done, with its live measures and the drawing panel beside the map.
  await page.locator("body").press("p");
  for (const p of [
    [7.466, 51.503],
    [7.478, 51.504],
    [7.479, 51.511],
  ]) {
    const s = await toScreen(page, p);
    await page.mouse.move(s.x, s.y, { steps: 3 });
    await page.mouse.click(s.x, s.y);
  }
  const cursor = await toScreen(page, [7.47, 51.513]);
  await page.mouse.move(cursor.x, cursor.y, { steps: 3 });
  await page.waitForTimeout(600);
  await snap(page, "drawing", suffix);
  const first = await toScreen(page, [7.466, 51.503]);
  await page.mouse.move(first.x, first.y, { steps: 3 });
  await page.mouse.click(first.x, first.y);
  await nameArea(page, "Quartier Kaiserstraße", "Mensch und demografischer Wandel");

  // Results: the first area selected, its figures and the variant's overlaps beside the map.
  await page
    .getByTestId("area-list")
    .getByRole("button", { name: /Energiequartier Hafen/ })
    .click();
  await page
    .getByTestId("coverage-panel")
    .getByTestId("residents-range")
    .filter({ hasText: "–" })
    .waitFor({ timeout: 60_000 });
  await page.getByTestId("overlap-table").waitFor({ timeout: 60_000 });
  // Back to the overview (the list zooms to the area it selects).
  await page.evaluate((z) => window.__pilotkarte.map.jumpTo({ center: [7.466, 51.512], zoom: z }), zoom);
  await idle(page);
  await page.waitForTimeout(600);
  await snap(page, "results", suffix);

  // Compare: a second variant without the mobility station, side by side.
  const manager = page.getByTestId("variant-manager");
  await manager.getByRole("button", { name: "Variante „Variante 1“ duplizieren" }).click();
  await page
    .getByTestId("area-list")
    .getByRole("button", { name: /Mobilitätsstation/ })
    .click();
  await page.getByTestId("area-panel").getByRole("button", { name: "Löschen" }).click();
  await manager.getByTestId("variant-compare").click();
  await page.locator("#variants-compare-pick").getByRole("button", { name: "Vergleich öffnen" }).click();
  await page.getByTestId("compare-matrix").waitFor({ timeout: 90_000 });
  await page.waitForFunction(
    () => {
      const maps = Object.values(window.__pilotkarteCompare?.maps() ?? {});
      return maps.length >= 2 && maps.every((map) => map.loaded() && map.areTilesLoaded());
    },
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(800);
  await snap(page, "compare", suffix);
  await page.close();
}

/** The offline city map with two pilot areas, offline: nothing but the app's own origin answers. */
async function shootBasemap(browser, base, size) {
  const context = await browser.newContext({ viewport: size });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("internetdisconnected"));
  const page = await context.newPage();
  const suffix = `${size.width}`;
  await page.goto(`${base}?e2e`);
  await idle(page);
  await page.waitForFunction(() => window.__pilotkarte.referenceStore.getState().status === "ready");
  await page.getByLabel("Einrasten an Grenzen").uncheck();
  // Both areas drawn in one frame (the Hauptbahnhof and Phoenix-See are 4.5 km apart).
  await page.evaluate(() => window.__pilotkarte.map.jumpTo({ center: [7.486, 51.503], zoom: 12.6 }));
  await idle(page);
  await rectangle(page, [7.452, 51.514], [7.468, 51.522]);
  await nameArea(page, "Mobilitätsstation Hauptbahnhof", "Mobilität und Logistik");
  await rectangle(page, [7.503, 51.4855], [7.512, 51.4905]);
  await nameArea(page, "Quartier Phoenix-See Nord", "Energie-Management");
  await page.locator("body").press("Escape");
  const views = [
    { name: "basemap-city", center: [7.47, 51.515], zoom: size.width >= 1800 ? 11.2 : 10.9 },
    { name: "basemap-hbf", center: [7.459, 51.518], zoom: 13 },
    { name: "basemap-phoenix", center: [7.513, 51.488], zoom: 15 },
  ];
  for (const view of views) {
    await page.evaluate((v) => window.__pilotkarte.map.jumpTo({ center: v.center, zoom: v.zoom }), view);
    await idle(page);
    await page.waitForTimeout(500);
    await snap(page, view.name, suffix);
  }
  await page.getByRole("tab", { name: "Ebenen" }).click();
  await page.getByRole("radio", { name: /Stadtplan dunkel/ }).check();
  for (const view of [views[0], views[1]]) {
    await page.evaluate((v) => window.__pilotkarte.map.jumpTo({ center: v.center, zoom: v.zoom }), view);
    await idle(page);
    await page.waitForTimeout(500);
    await snap(page, `${view.name}-dark`, suffix);
  }
  await context.close();
}

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
mkdirSync(OUT, { recursive: true });
mkdirSync(CHECK, { recursive: true });
const port = await freePort();
const preview = spawn(
  process.execPath,
  ["node_modules/vite/bin/vite.js", "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
  { stdio: "ignore" },
);
const base = `http://127.0.0.1:${port}/`;
try {
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic"],
  });
  try {
    for (const size of SIZES) {
      const take = async () => {
        if (only !== "basemap") await shoot(browser, base, size);
        await shootBasemap(browser, base, size);
      };
      await take().catch(async (error) => {
        for (const context of browser.contexts())
          for (const page of context.pages()) await page.screenshot({ path: `${CHECK}/failed.png` });
        throw error;
      });
      console.log(`screenshots at ${size.width}×${size.height} written to ${OUT}/`);
    }
  } finally {
    await browser.close();
  }
} finally {
  preview.kill();
}
