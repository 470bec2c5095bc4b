/**
 * Presentation mode: keyboard-only navigation over variants and areas with frozen figures equal to the
 * workspace's, the presenter window driving an audience window, accessibility, and how it looks at
 * 1920x1080 and 1280x720.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

interface Setup {
  variants: { id: string; name: string; areas: { id: string; name: string }[] }[];
}

const rect = (west: number, south: number, east: number, north: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

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
      return { ...a, geometry: rect(west, south, east, north) };
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

/** The figures the workspace shows for a variant (summary) and each of its areas (coverage panel). */
async function workspaceFigures(page: Page, variant: Setup["variants"][number]): Promise<WorkspaceFigures> {
  await page.evaluate((id) => {
    const api = window.__pilotkarte;
    // biome-ignore lint/suspicious/noExplicitAny: branded id through the test hook
    api?.documentStore.getState().setActiveVariant(id as any);
    api?.sessionStore.getState().selectPilotArea(null);
  }, variant.id);
  const summary = page.getByTestId("variant-summary");
  await expect(summary).toContainText(variant.name, { timeout: 60_000 });
  await expect(summary.getByTestId("variant-residents")).toContainText("–", { timeout: 60_000 });
  const union =
    (await page.getByTestId("variant-totals").locator("tbody tr").nth(1).locator("td").textContent()) ?? "";
  const residents = (await summary.getByTestId("variant-residents").textContent()) ?? "";
  const areas: WorkspaceFigures["areas"] = [];
  for (const area of variant.areas) {
    await page.evaluate((id) => window.__pilotkarte?.sessionStore.getState().selectPilotArea(id), area.id);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel).toContainText(area.name, { timeout: 60_000 });
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    areas.push({
      area: (await panel.getByTestId("figure-area").locator(".figure-value").textContent()) ?? "",
      residents: (await panel.getByTestId("residents-range").textContent()) ?? "",
    });
  }
  await page.evaluate(() => window.__pilotkarte?.sessionStore.getState().selectPilotArea(null));
  return { union, residents, areas };
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
    test.setTimeout(240_000);
    await app.open();
    const setup = await setUpVariants(page);
    const [nord, innen, hoerde] = setup.variants;
    if (!nord || !innen || !hoerde) throw new Error("setup failed");
    const nordFigures = await workspaceFigures(page, nord);
    const innenFigures = await workspaceFigures(page, innen);
    const hoerdeFigures = await workspaceFigures(page, hoerde);
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
    test.setTimeout(240_000);
    await app.open();
    const setup = await setUpVariants(page);
    const nord = setup.variants[0];
    if (!nord) throw new Error("setup failed");
    const nordFigures = await workspaceFigures(page, nord);
    // An audience window opened by hand before the presentation starts waits, then joins.
    const planId = await page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.id ?? "");
    const early = await context.newPage();
    await early.goto(`/?audience=${encodeURIComponent(planId)}`);
    await expect(early.getByTestId("audience-waiting")).toContainText("Warte auf die Präsentation");

    await page.getByTestId("present-start").click();
    const presentation = page.getByTestId("presentation");
    await expectSlide(presentation, "Variante 1 von 3 · Übersicht", "Nordstadt");
    await expectSlide(early.getByTestId("audience"), "Variante 1 von 3 · Übersicht", "Nordstadt");
    await early.close();
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

    // The presenter window has turned into the presenter view.
    await expect(presentation.getByTestId("present-presenter")).toBeVisible();
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

  test("presentation and presenter view have no serious or critical accessibility violations", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
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
    await context.close();
  });
});
