/**
 * Presentation mode: keyboard-only navigation over variants and areas with frozen figures equal to the
 * workspace's, the presenter window driving an audience window, accessibility, and how it looks at
 * 1920x1080 and 1280x720.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { formatNumber, formatResidents } from "../../src/i18n/format.ts";
import { rectangle } from "../fixtures/geometry/builders.ts";
import { expect, test, watchSecurityPolicy } from "./fixtures.ts";

interface Setup {
  variants: { id: string; name: string; areas: { id: string; name: string }[] }[];
}

/**
 * Three variants through the test hook: "Nordstadt" with two overlapping areas, "Innenstadt" with
 * one, "Hörde" with one. Each variant is one change set (one undo step), as the app would make it.
 */
async function setUpVariants(page: Page): Promise<Setup> {
  const spec = [
    {
      name: "Nordstadt",
      areas: [
        { name: "Hafen", notes: "Logistik am Hafen zuerst zeigen.", box: [7.44, 51.525, 7.465, 51.54] },
        { name: "Borsigplatz", notes: "", box: [7.455, 51.52, 7.49, 51.533] },
      ],
    },
    { name: "Innenstadt", areas: [{ name: "Westpark", notes: "", box: [7.445, 51.505, 7.465, 51.515] }] },
    { name: "Hörde", areas: [{ name: "Phoenix-See", notes: "", box: [7.5, 51.485, 7.525, 51.495] }] },
  ].map((v) => ({
    ...v,
    areas: v.areas.map((a) => {
      const [west = 0, south = 0, east = 0, north = 0] = a.box;
      return { ...a, geometry: rectangle(west, south, east, north) };
    }),
  }));
  await page.waitForFunction(() => window.__pilotkarte?.documentStore.getState().readOnly === false);
  return page.evaluate((variants) => {
    const api = window.__pilotkarte;
    if (!api) throw new Error("no test hook");
    const store = api.documentStore;
    const now = new Date().toISOString();
    const colours = ["#0072b2", "#e69f00"];
    const made: Setup["variants"] = [];
    const firstId = store.getState().plan.variantOrder[0];
    variants.forEach((v, vi) => {
      const areas = v.areas.map((a, ai) => ({
        id: crypto.randomUUID(),
        name: a.name,
        fields: ai === 0 ? ["mobilitaet"] : ["energie", "mensch"],
        partners: ai === 0 ? ["Dortmunder Hafen AG"] : [],
        status: "kandidat",
        notes: a.notes,
        colour: colours[ai % 2],
        createdAt: now,
        updatedAt: now,
        geometry: a.geometry,
        origin: { kind: "drawn", tool: "rectangle" },
      }));
      const id = vi === 0 && firstId ? firstId : crypto.randomUUID();
      const variant = {
        id,
        name: v.name,
        areaOrder: areas.map((a) => a.id),
        areas: Object.fromEntries(areas.map((a) => [a.id, a])),
        createdAt: now,
        updatedAt: now,
      };
      // biome-ignore lint/suspicious/noExplicitAny: plain JSON through the test hook
      store.getState().transact({ label: "Testaufbau", changes: [{ type: "variant/put", variant } as any] });
      made.push({ id, name: v.name, areas: areas.map((a) => ({ id: a.id, name: a.name })) });
    });
    return { variants: made };
  }, spec);
}

interface WorkspaceFigures {
  union: string;
  residents: string;
  areas: { area: string; residents: string }[];
}

/** As the app writes an area (src/ui/Toolbar.tsx formatAreaM2), in German. */
function areaText(m2: number): string {
  if (m2 < 10_000) return `${formatNumber(m2, "de")}\u00a0m²`;
  if (m2 < 1_000_000) return `${formatNumber(m2 / 10_000, "de", 2)}\u00a0ha`;
  return `${formatNumber(m2 / 1_000_000, "de", 3)}\u00a0km² (${formatNumber(m2 / 10_000, "de", 1)}\u00a0ha)`;
}
const rangeText = (r: { low: number; high: number }) =>
  `${formatResidents(r.low, "de")} – ${formatResidents(r.high, "de")}`;

/**
 * The figures the workspace shows for a variant (summary) and each of its areas (coverage panel).
 * Switches to the variant and waits for a finished analysis run of exactly its areas (a run for the
 * variant shown before may still finish after the switch), then checks that the panels show those
 * figures and returns the panels' texts.
 */
async function workspaceFigures(page: Page, setup: Setup, index: number): Promise<WorkspaceFigures> {
  const variant = setup.variants[index];
  const other = setup.variants[(index + 1) % setup.variants.length];
  if (!variant || !other) throw new Error("setup failed");
  const result = await page.evaluate(
    async ({ id, other }) => {
      const api = window.__pilotkarte;
      if (!api) throw new Error("no test hook");
      const documents = api.documentStore;
      api.sessionStore.getState().selectPilotArea(null);
      // biome-ignore lint/suspicious/noExplicitAny: branded ids through the test hook
      const select = (variantId: string) => documents.getState().setActiveVariant(variantId as any);
      if (documents.getState().activeVariantId === id) select(other);
      const target = documents.getState().plan.variants[id];
      if (!target) throw new Error("unknown variant");
      const ids = target.areaOrder as string[];
      const done = new Promise<ReturnType<typeof api.analysisStore.getState>>((resolve) => {
        const unsubscribe = api.analysisStore.subscribe((state, previous) => {
          const complete =
            state.variant !== null &&
            state.variant !== previous.variant &&
            Object.keys(state.byArea).length === ids.length &&
            ids.every(
              (k) => state.byArea[k]?.analysis && state.byArea[k]?.geometry === target.areas[k]?.geometry,
            );
          if (complete) {
            unsubscribe();
            resolve(state);
          }
        });
      });
      select(id);
      const state = await done;
      const variantResult = state.variant;
      if (!variantResult?.totals.residents) throw new Error("no variant figures");
      return {
        union: variantResult.totals.unionAreaM2,
        residents: { low: variantResult.totals.residents.low, high: variantResult.totals.residents.high },
        areas: ids.map((k) => {
          const analysis = state.byArea[k]?.analysis;
          if (!analysis?.residents) throw new Error("no area figures");
          return { areaM2: analysis.areaM2, low: analysis.residents.low, high: analysis.residents.high };
        }),
      };
    },
    { id: variant.id, other: other.id },
  );
  const summary = page.getByTestId("variant-summary");
  await expect(summary.locator("h3").first()).toContainText(variant.name, { timeout: 60_000 });
  const unionCell = page.getByTestId("variant-totals").locator("tbody tr").nth(1).locator("td");
  await expect(unionCell).toHaveText(areaText(result.union), { timeout: 60_000 });
  await expect(summary.getByTestId("variant-residents")).toHaveText(rangeText(result.residents));
  const figures: WorkspaceFigures = {
    union: (await unionCell.textContent()) ?? "",
    residents: (await summary.getByTestId("variant-residents").textContent()) ?? "",
    areas: [],
  };
  for (const [index, area] of variant.areas.entries()) {
    const expected = result.areas[index];
    if (!expected) throw new Error("missing area figures");
    await page.evaluate((id) => window.__pilotkarte?.sessionStore.getState().selectPilotArea(id), area.id);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel).toContainText(area.name, { timeout: 60_000 });
    const areaValue = panel.getByTestId("figure-area").locator(".figure-value");
    await expect(areaValue).toHaveText(areaText(expected.areaM2), { timeout: 60_000 });
    await expect(panel.getByTestId("residents-range")).toHaveText(rangeText(expected));
    figures.areas.push({
      area: (await areaValue.textContent()) ?? "",
      residents: (await panel.getByTestId("residents-range").textContent()) ?? "",
    });
  }
  await page.evaluate(() => window.__pilotkarte?.sessionStore.getState().selectPilotArea(null));
  return figures;
}

const figure = (scope: Page | Locator, name: string) =>
  scope.getByTestId(`present-figure-${name}`).locator(".present-figure-value");

async function expectSlide(
  scope: Page | Locator,
  indicator: string,
  title: string,
  figures?: { area: string; residents: string },
) {
  await expect(scope.getByTestId("present-indicator")).toHaveText(indicator);
  await expect(scope.getByTestId("present-title")).toHaveText(title);
  if (figures) {
    await expect(figure(scope, "area")).toHaveText(figures.area);
    await expect(figure(scope, "residents")).toHaveText(figures.residents);
  }
}

/** Waits until the slide's map has drawn (for screenshots). */
async function mapDrawn(page: Page, testId = "presentation") {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-map-idle", "true", { timeout: 60_000 });
}

test.describe("Presentation mode", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("keyboard only: arrows, Page Down, number keys, Home, End, spotlight, Escape; figures as in the workspace, frozen", async ({
    app,
    page,
  }) => {
    // Figures for three variants and four areas are computed once in the workspace, once for the slides.
    test.setTimeout(300_000);
    await app.open();
    const setup = await setUpVariants(page);
    const [nord, innen, hoerde] = setup.variants;
    if (!nord || !innen || !hoerde) throw new Error("setup failed");
    const nordFigures = await workspaceFigures(page, setup, 0);
    const innenFigures = await workspaceFigures(page, setup, 1);
    const hoerdeFigures = await workspaceFigures(page, setup, 2);
    // The two Nordstadt areas overlap: the union is smaller than their sum, and the summary says so.
    expect(nordFigures.union).not.toBe(nordFigures.areas[0]?.area);

    await page.getByTestId("present-start").click();
    const presentation = page.getByTestId("presentation");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt", {
      area: nordFigures.union,
      residents: nordFigures.residents,
    });
    await expect(presentation.getByTestId("present-frozen")).toHaveText(
      /^Stand: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    );
    await expect(presentation.getByTestId("present-legend-title")).toHaveText("Pilotgebiete (2)");
    await expect(figure(presentation, "overlaps")).toContainText("1 ·");
    await expect(presentation.getByTestId("present-announce")).toContainText("Nordstadt, Übersicht");
    // The app beneath is inert: Tab stays on the presentation's own controls.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => document.activeElement?.closest("[data-testid=presentation]") !== null),
    ).toBe(true);
    await expect(page.getByTestId("present-start")).not.toBeFocused();

    await page.keyboard.press("ArrowRight");
    await expectSlide(presentation, "Variante 1 von 3 · Fläche 1 von 2", "Hafen", nordFigures.areas[0]);
    await expect(presentation.getByTestId("present-announce")).toContainText("Hafen, Nordstadt");
    await page.keyboard.press("PageDown");
    await expectSlide(presentation, "Variante 1 von 3 · Fläche 2 von 2", "Borsigplatz", nordFigures.areas[1]);
    await page.keyboard.press("2");
    await expectSlide(presentation, "Variante 2 von 3 · Übersicht", "Innenstadt", {
      area: innenFigures.union,
      residents: innenFigures.residents,
    });
    await page.keyboard.press("End");
    await expectSlide(
      presentation,
      "Variante 3 von 3 · Fläche 1 von 1",
      "Phoenix-See",
      hoerdeFigures.areas[0],
    );
    // Next on the last slide stays there instead of jumping back to the start.
    await page.keyboard.press("ArrowRight");
    await expectSlide(presentation, "Variante 3 von 3 · Fläche 1 von 1", "Phoenix-See");
    await page.keyboard.press("Home");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    await page.keyboard.press("PageUp");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    await page.keyboard.press("9");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    // A clicker's start button sends F5: it must not reload the page in the middle of a presentation.
    await page.keyboard.press("F5");
    await page.keyboard.press("ArrowRight");
    await expectSlide(presentation, "Variante 1 von 3 · Fläche 1 von 2", "Hafen");
    await page.keyboard.press("Home");
    // "B" (or ".") blanks the screen and brings the slide back.
    await page.keyboard.press("b");
    await expect(presentation.getByTestId("present-blank")).toBeVisible();
    await page.keyboard.press(".");
    await expect(presentation.getByTestId("present-blank")).toHaveCount(0);

    // Frozen: renaming an area in the plan does not change the running presentation.
    await page.evaluate(
      ({ variantId, areaId }) =>
        window.__pilotkarte?.documentStore.getState().transact({
          label: "Umbenennen",
          // biome-ignore lint/suspicious/noExplicitAny: branded ids through the test hook
          changes: [{ type: "area/patch", variantId, areaId, patch: { name: "Umbenannt" } } as any],
        }),
      { variantId: nord.id, areaId: nord.areas[0]?.id ?? "" },
    );
    await page.keyboard.press("ArrowRight");
    await expectSlide(presentation, "Variante 1 von 3 · Fläche 1 von 2", "Hafen");

    // Spotlight: key S and the button.
    await expect(presentation.getByTestId("present-spotlight")).toHaveCount(0);
    await page.keyboard.press("s");
    await expect(presentation.getByTestId("present-spotlight")).toBeVisible();
    const box = await presentation.locator(".present-map-wrap").boundingBox();
    if (!box) throw new Error("no map box");
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await expect(presentation.getByTestId("present-spotlight")).toHaveAttribute(
      "style",
      /at 25(\.\d+)?% 25(\.\d+)?%/,
    );
    await page.keyboard.press("S");
    await expect(presentation.getByTestId("present-spotlight")).toHaveCount(0);

    // Body text is at least 20 px at 1920x1080.
    const sizes = await presentation.evaluate((root) =>
      [
        ".present-figure dt",
        ".present-indicator",
        ".present-frozen",
        ".present-kicker",
        ".present-legend li",
      ].map((selector) => {
        const element = root.querySelector(selector);
        return { selector, size: element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0 };
      }),
    );
    for (const { selector, size } of sizes) expect(size, selector).toBeGreaterThanOrEqual(20);
    const valueSize = await figure(presentation, "area").evaluate((e) =>
      Number.parseFloat(getComputedStyle(e).fontSize),
    );
    expect(valueSize).toBeGreaterThanOrEqual(40);

    await mapDrawn(page);
    await page.screenshot({ path: "test-results/screenshots/present-1920.png" });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press("Home");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    await mapDrawn(page);
    await page.screenshot({ path: "test-results/screenshots/present-1280.png" });

    await page.keyboard.press("Escape");
    await expect(presentation).toHaveCount(0);
    await expect(page.getByTestId("variant-summary")).toBeVisible({ timeout: 30_000 });
    expect(app.errors).toEqual([]);
  });

  test("the presenter window drives the audience window; notes and the next slide stay with the presenter", async ({
    app,
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    await app.open();
    const setup = await setUpVariants(page);
    const nord = setup.variants[0];
    if (!nord) throw new Error("setup failed");
    const nordFigures = await workspaceFigures(page, setup, 0);
    // An audience window opened by hand before the presentation starts waits, then joins.
    const planId = await page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.id ?? "");
    const early = await context.newPage();
    await early.goto(`/?audience=${encodeURIComponent(planId)}`);
    await expect(early.getByTestId("audience-waiting")).toContainText("Warte auf die Präsentation");
    await page.bringToFront();

    await page.getByTestId("present-start").click();
    const presentation = page.getByTestId("presentation");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    await expectSlide(early.getByTestId("audience"), "Variante 1 von 3 · Übersicht", "Nordstadt");
    await early.close();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe("HTML");
    const [audiencePage] = await Promise.all([
      context.waitForEvent("page"),
      presentation.getByRole("button", { name: "Publikumsfenster" }).click(),
    ]);
    const audienceErrors: string[] = [];
    audiencePage.on("console", (m) => {
      if (m.type() === "error") audienceErrors.push(m.text());
    });
    await audiencePage.setViewportSize({ width: 1920, height: 1080 });
    expect(new URL(audiencePage.url()).searchParams.get("audience")).toBeTruthy();
    const audience = audiencePage.getByTestId("audience");
    await expectSlide(audience, "Variante 1 von 3 · Übersicht", "Nordstadt", {
      area: nordFigures.union,
      residents: nordFigures.residents,
    });
    // The same frozen time in both windows.
    const frozen = await presentation.getByTestId("present-frozen").textContent();
    await expect(audience.getByTestId("present-frozen")).toHaveText(frozen ?? "");
    // The audience sees no controls, no notes.
    await expect(audience.getByRole("button")).toHaveCount(0);
    await expect(audience.getByTestId("present-notes")).toHaveCount(0);

    // The presenter window has turned into the presenter view and left full screen on purpose, without
    // ending the presentation.
    await expect(presentation.getByTestId("present-presenter")).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect(presentation).toBeVisible();
    await expect(presentation.getByTestId("present-audience-status")).toHaveText(
      "Publikumsfenster verbunden",
    );
    await expect(presentation.getByTestId("present-next")).toContainText("Hafen");

    await page.keyboard.press("ArrowRight");
    await expectSlide(audience, "Variante 1 von 3 · Fläche 1 von 2", "Hafen", nordFigures.areas[0]);
    await expect(presentation.getByTestId("present-notes")).toContainText("Logistik am Hafen zuerst zeigen.");
    await expect(presentation.getByTestId("present-notes")).toContainText("Dortmunder Hafen AG");
    await expect(presentation.getByTestId("present-notes")).toContainText("Mobilität und Logistik");
    await expect(presentation.getByTestId("present-next")).toContainText("Borsigplatz");
    await page.keyboard.press("3");
    await expectSlide(audience, "Variante 3 von 3 · Übersicht", "Hörde");
    await page.keyboard.press("ArrowLeft");
    await expectSlide(audience, "Variante 2 von 3 · Fläche 1 von 1", "Westpark");
    // A clicker typing into the audience window (it has the focus on the projector) drives the presenter.
    await audiencePage.keyboard.press("PageUp");
    await expectSlide(presentation, "Variante 2 von 3 · Übersicht", "Innenstadt");
    await expectSlide(audience, "Variante 2 von 3 · Übersicht", "Innenstadt");
    await audiencePage.keyboard.press("PageDown");
    await expectSlide(audience, "Variante 2 von 3 · Fläche 1 von 1", "Westpark");
    await expectSlide(presentation, "Variante 2 von 3 · Fläche 1 von 1", "Westpark");

    // The presenter's spotlight shows in the audience window at the same place.
    await presentation.getByTestId("present-spotlight-toggle").click();
    const box = await presentation.locator(".present-map-wrap").boundingBox();
    if (!box) throw new Error("no map box");
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await expect(audience.getByTestId("present-spotlight")).toHaveAttribute(
      "style",
      /at 60(\.\d+)?% 40(\.\d+)?%/,
    );

    // Blanking in the presenter window turns the audience window black; the presenter sees a note.
    await page.keyboard.press("b");
    await expect(audience.getByTestId("present-blank")).toBeVisible();
    await expect(audience.getByTestId("present-blank")).toHaveText("");
    await expect(presentation.getByTestId("present-blank")).toContainText("Bildschirm schwarz");
    await page.keyboard.press("b");
    await expect(audience.getByTestId("present-blank")).toHaveCount(0);
    await expect(presentation.getByTestId("present-elapsed")).toHaveText(/^Dauer \d{2}:\d{2}$/);

    await mapDrawn(audiencePage, "audience");
    await audiencePage.screenshot({ path: "test-results/screenshots/present-audience.png" });
    await mapDrawn(page);
    await page.screenshot({ path: "test-results/screenshots/present-presenter.png" });

    // A second audience window (reopened, or opened by hand) catches up at once.
    const late = await context.newPage();
    await late.goto(audiencePage.url());
    await expectSlide(late.getByTestId("audience"), "Variante 2 von 3 · Fläche 1 von 1", "Westpark");
    await late.close();

    await page.keyboard.press("Escape");
    await expect(audience.getByTestId("audience-ended")).toBeVisible();
    expect(app.errors).toEqual([]);
    expect(audienceErrors).toEqual([]);
  });

  test("leaving full screen (the browser's own Escape) ends the presentation, and the map is where it was", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.431, 51.529], zoom: 15.2 }));
    await page.getByTestId("present-start").click();
    await expect(page.getByTestId("presentation")).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe("HTML");
    await page.evaluate(() => document.exitFullscreen());
    await expect(page.getByTestId("presentation")).toHaveCount(0);
    await expect(page.getByTestId("present-start")).toBeVisible();
    // The editing map comes back at the planner's place, not framing the whole city.
    await app.waitForIdle();
    const camera = await page.evaluate(() => {
      const map = window.__pilotkarte?.map;
      return map ? { lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() } : null;
    });
    expect(camera?.lng).toBeCloseTo(7.431, 4);
    expect(camera?.lat).toBeCloseTo(51.529, 4);
    expect(camera?.zoom).toBeCloseTo(15.2, 2);
    expect(app.errors).toEqual([]);
  });

  test("presentation and presenter view have no serious or critical accessibility violations", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const cspViolations: string[] = [];
    await watchSecurityPolicy(context, cspViolations);
    const page = await context.newPage();
    await page.goto("/?e2e=pixels");
    await page.waitForFunction(() => (window.__pilotkarte?.idleCount() ?? 0) > 0, null, { timeout: 60_000 });
    await setUpVariants(page);
    // In English this time: every text of the presentation has its translation.
    await page.getByRole("button", { name: "EN – English" }).click();
    await page.getByTestId("present-start").click();
    const presentation = page.getByTestId("presentation");
    await expectSlide(presentation, "Variant 1 of 3 · Overview", "Nordstadt");
    await expect(presentation.getByTestId("present-frozen")).toHaveText(
      /^As of: \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
    await page.keyboard.press("ArrowRight");
    await expectSlide(presentation, "Variant 1 of 3 · Area 1 of 2", "Hafen");
    await expect(presentation.getByTestId("present-figure-residents")).toContainText("Residents reached");
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await serious()).toEqual([]);
    await presentation.getByRole("button", { name: "Presenter view" }).click();
    await expect(presentation.getByTestId("present-notes")).toBeVisible();
    expect(await serious()).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
