/**
 * Page helpers for the end-to-end tests: open the app with its test hook, wait for the map to be idle,
 * read map state, and collect console errors and Content-Security-Policy violations.
 */
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

/**
 * Adds every Content-Security-Policy violation in the context (its pages, popups such as the audience
 * window, and their workers) to `errors`, which the tests assert empty. The page's
 * `securitypolicyviolation` event is the reliable signal; the console line "Refused to ..." that
 * Chromium also logs is caught as a console error where a test collects those.
 */
export async function watchSecurityPolicy(context: BrowserContext, errors: string[]): Promise<void> {
  await context.exposeBinding("__pilotkarteReportCspViolation", (_source, text: string) => {
    errors.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __pilotkarteReportCspViolation?: (text: string) => void })
        .__pilotkarteReportCspViolation;
      report?.(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`,
      );
    });
  });
  // Workers get their own policy (from the server's header); their violations reach only the console.
  const watchPage = (page: Page) =>
    page.on("worker", (worker) =>
      worker.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) errors.push(`worker: ${message.text()}`);
      }),
    );
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
}

export interface AppPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  open(path?: string): Promise<void>;
  waitForIdle(): Promise<void>;
  /** Distinct colours in a sample of the map canvas (a blank map has one or two). */
  canvasColourCount(): Promise<number>;
  /** A hash of the map canvas pixels, to tell whether the drawing changed. */
  canvasSignature(): Promise<string>;
}

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    await watchSecurityPolicy(page.context(), errors);
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    const waitForIdle = async () => {
      // Wait until the map has loaded and nothing is pending: the style, all sources and tiles.
      await page.waitForFunction(
        () => {
          const api = window.__pilotkarte;
          return api !== undefined && api.idleCount() > 0 && api.map.loaded() && api.map.areTilesLoaded();
        },
        null,
        { timeout: 60_000 },
      );
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const map = window.__pilotkarte?.map;
            if (!map) return resolve();
            map.once("idle", () => resolve());
            map.triggerRepaint();
          }),
      );
    };
    const app: AppPage = {
      page,
      errors,
      open: async (path = "/?e2e=pixels") => {
        await page.goto(path);
        await waitForIdle();
        // On the planning map the drawing tools load once the map is first idle: wait for them too.
        await page.waitForFunction(
          () => window.__pilotkarteDraw !== undefined || document.querySelector("main.workspace") === null,
          null,
          { timeout: 30_000 },
        );
      },
      waitForIdle,
      canvasColourCount: () =>
        page.evaluate(() => {
          const source = window.__pilotkarte?.map.getCanvas();
          if (!source) return 0;
          const canvas = document.createElement("canvas");
          canvas.width = 200;
          canvas.height = 200;
          const context = canvas.getContext("2d");
          if (!context) return 0;
          context.drawImage(source, 0, 0, 200, 200);
          const data = context.getImageData(0, 0, 200, 200).data;
          const colours = new Set<number>();
          for (let i = 0; i < data.length; i += 4) {
            colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
          }
          return colours.size;
        }),
      canvasSignature: () =>
        page.evaluate(async () => {
          const canvas = window.__pilotkarte?.map.getCanvas();
          if (!canvas) return "";
          const bytes = new TextEncoder().encode(canvas.toDataURL("image/png"));
          const digest = await crypto.subtle.digest("SHA-256", bytes);
          return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
        }),
    };
    await use(app);
  },
});

/** Screen position (page pixels) of a lon/lat on the main map. */
export async function toScreen(page: Page, lngLat: [number, number]) {
  return page.evaluate((p) => {
    const map = window.__pilotkarte?.map;
    if (!map) throw new Error("no map");
    const point = map.project(p);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lngLat);
}

/** Draws a rectangle between two lon/lat corners with the rectangle tool (R). */
export async function drawRectangle(page: Page, from: [number, number], to: [number, number]) {
  await page.locator("body").press("r");
  const a = await toScreen(page, from);
  const b = await toScreen(page, to);
  await page.mouse.click(a.x, a.y);
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.click(b.x, b.y);
}

/** Jumps to zoom 13 at a lon/lat and draws a rectangle around it (about 700 m x 450 m). */
export async function drawRectangleAround(page: Page, lng: number, lat: number) {
  await page.evaluate((center) => window.__pilotkarte?.map.jumpTo({ center, zoom: 13 }), [lng, lat] as [
    number,
    number,
  ]);
  await drawRectangle(page, [lng - 0.005, lat - 0.002], [lng + 0.005, lat + 0.002]);
}

/** Names of the active variant's areas, in order. */
export async function areaNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    const variant = state ? state.plan.variants[state.activeVariantId] : undefined;
    return (variant?.areaOrder ?? []).map((id) => variant?.areas[id]?.name ?? "");
  });
}

/** Waits until a page's map (not opened through the `app` fixture, e.g. a second tab) was idle once. */
export async function waitForMap(page: Page) {
  await page.waitForFunction(() => (window.__pilotkarte?.idleCount() ?? 0) > 0, null, { timeout: 60_000 });
}

export { expect };
