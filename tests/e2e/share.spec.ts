/**
 * Share link and one-pagers: a variant travels as a link (and QR code) to a fresh browser, which shows
 * the same names and figures read-only and can adopt it; damaged links say what is wrong; a variant too
 * large for a link is offered as a file; a one-pager prints to PDF.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { createArea } from "../../src/domain/changes/create-plan.ts";
import { encodeShareLink } from "../../src/domain/share/encode-share-link.ts";
import { rectangle } from "../fixtures/geometry/builders.ts";
import { expect, test, watchSecurityPolicy } from "./fixtures.ts";

const SCREENSHOTS = "test-results/screenshots";

mkdirSync(SCREENSHOTS, { recursive: true });

interface TestArea {
  name: string;
  ring: [number, number][];
  fields?: string[];
  partners?: string[];
  status?: string;
  notes?: string;
  colour?: string;
}

/** Puts areas into the active variant through the test hook (one undo step each). */
async function addAreas(page: Page, areas: TestArea[]) {
  await page.evaluate((list: TestArea[]) => {
    const store = window.__pilotkarte?.documentStore;
    if (!store) throw new Error("no test hook");
    const now = new Date().toISOString();
    for (const a of list) {
      const state = store.getState();
      state.transact({
        label: "test",
        changes: [
          {
            type: "area/put",
            variantId: state.activeVariantId,
            area: {
              id: crypto.randomUUID(),
              name: a.name,
              fields: a.fields ?? ["energie"],
              partners: a.partners ?? [],
              status: a.status ?? "idee",
              notes: a.notes ?? "",
              colour: a.colour ?? "#1b9e77",
              createdAt: now,
              updatedAt: now,
              geometry: { type: "Polygon", coordinates: [[...a.ring, a.ring[0]]] },
              origin: { kind: "drawn", tool: "polygon" },
            },
          },
        ],
      } as never);
    }
  }, areas);
}

/** A rectangle's four corners as an open ring (the shared builder's ring without its closing point). */
const rect = (w: number, s: number, e: number, n: number) =>
  rectangle(w, s, e, n).coordinates[0]?.slice(0, -1) as [number, number][];

/** A rough circle of `points` vertices with a jagged radius, so that it compresses badly. */
function jaggedRing(cx: number, cy: number, r: number, points: number, seed: number): [number, number][] {
  const ring: [number, number][] = [];
  let x = seed;
  for (let i = 0; i < points; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const jitter = 0.75 + (x / 2147483648) * 0.25;
    const angle = (2 * Math.PI * i) / points;
    ring.push([
      Math.round((cx + r * jitter * Math.cos(angle) * 1.6) * 1e6) / 1e6,
      Math.round((cy + r * jitter * Math.sin(angle)) * 1e6) / 1e6,
    ]);
  }
  return ring;
}

/** axe-core on one part of the page: no serious or critical violations. */
async function expectNoSeriousAxeViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

async function openShareDialog(page: Page) {
  await page.getByTestId("share-open").click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A fresh browser context (empty IndexedDB) on `url`, collecting console errors. */
async function freshPage(browser: Browser, url: string) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    timezoneId: "Europe/Berlin",
  });
  const errors: string[] = [];
  await watchSecurityPolicy(context, errors);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { context, page, errors };
}

const NORD = {
  name: "Nordmarkt <Quartier>",
  ring: rect(7.455, 51.52, 7.468, 51.527),
  fields: ["energie", "mensch"],
  partners: ["DEW21", "Quartiersbüro Nord"],
  status: "kandidat",
  notes: "Erste Idee\nzweite Zeile",
  colour: "#d95f02",
};
const MITTE = {
  name: "Westpark",
  ring: rect(7.452, 51.508, 7.462, 51.514),
  fields: ["mobilitaet"],
  status: "abgestimmt",
  colour: "#7570b3",
};

/** A share link (built as the app builds it) of a one-area variant "Hafenvariante" of "Werkstattplan". */
function harbourLink(prefix: string, now: string): string {
  const area = createArea(
    {
      name: "Hafen Süd",
      fields: ["infrastruktur-sicherheit"],
      partners: ["Hafen AG"],
      status: "abgestimmt",
      colour: "#1b9e77",
      geometry: { type: "Polygon", coordinates: [[...rect(7.44, 51.525, 7.452, 51.532), [7.44, 51.525]]] },
      origin: { kind: "drawn", tool: "rectangle" },
    },
    now,
  );
  const variant = { name: "Hafenvariante", areaOrder: [area.id], areas: { [area.id]: area } };
  const encoded = encodeShareLink(
    { planName: "Werkstattplan", frozenAt: now, variant },
    { urlPrefix: prefix },
  );
  if (!encoded.ok) throw new Error("link too large");
  return prefix + encoded.fragment;
}

test.describe("Share link", () => {
  test("a variant travels to a fresh browser with the same names and figures, and can be adopted", async ({
    app,
    page,
    browser,
  }) => {
    await app.open();
    await addAreas(page, [NORD, MITTE]);

    // The sender's figures, as the coverage panel shows them for each area.
    const sender: { area: string; residents: string }[] = [];
    for (const name of [NORD.name, MITTE.name]) {
      await page.evaluate((n) => {
        const hook = window.__pilotkarte;
        const state = hook?.documentStore.getState();
        const variant = state?.plan.variants[state.activeVariantId];
        const id = variant?.areaOrder.find((a) => variant.areas[a]?.name === n);
        hook?.sessionStore.getState().selectPilotArea(id ?? null);
      }, name);
      const panel = page.getByTestId("coverage-panel");
      await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
      sender.push({
        area: ((await panel.getByTestId("figure-area").locator(".figure-value").textContent()) ?? "").trim(),
        residents: ((await panel.getByTestId("residents-range").textContent()) ?? "").trim(),
      });
    }
    await page.evaluate(() => window.__pilotkarte?.sessionStore.getState().selectPilotArea(null));

    const dialog = await openShareDialog(page);
    const link = await dialog.getByTestId("share-link").inputValue();
    expect(link).toMatch(/^http:\/\/localhost:\d+\/#pk1\.[A-Za-z0-9_-]+$/);
    const qr = dialog.getByTestId("share-qr");
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(dialog.getByTestId("share-length")).toContainText(`${link.length} Zeichen`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await dialog.getByTestId("share-copy").click();
    await expect(dialog.getByTestId("share-copy-status")).toHaveText("Der Link ist in der Zwischenablage.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.screenshot({ path: `${SCREENSHOTS}/share-dialog.png` });
    await expectNoSeriousAxeViolations(page, "[data-testid=share-dialog]");
    expect(app.errors).toEqual([]);

    // The link in a fresh browser (no plans stored).
    // `?e2e` before the fragment only turns on the test hook (for reading the plan after adopting).
    const fresh = await freshPage(browser, link.replace("/#", "/?e2e=pixels#"));
    const view = fresh.page.getByTestId("shared-view");
    await expect(view).toBeVisible({ timeout: 30_000 });
    await expect(view.getByTestId("shared-variant-name")).toContainText("Variante 1");
    await expect(view.getByTestId("shared-plan-name")).toHaveText("Neuer Plan");
    await expect(view.getByTestId("shared-stand")).toContainText("Stand:");
    const cards = view.getByTestId("shared-area");
    await expect(cards).toHaveCount(2);
    await expect(cards.getByTestId("shared-area-name")).toHaveText([NORD.name, MITTE.name]);
    await expect(cards.nth(0)).toContainText("DEW21, Quartiersbüro Nord");
    await expect(cards.nth(0)).toContainText("Kandidat");
    await expect(cards.nth(0)).toContainText("Energie-Management");
    await expect(cards.nth(1)).toContainText("abgestimmt");
    for (const [i, figures] of sender.entries()) {
      await expect(cards.nth(i).getByTestId("shared-area-area")).toHaveText(figures.area, {
        timeout: 60_000,
      });
      await expect(cards.nth(i).getByTestId("shared-area-residents")).toHaveText(figures.residents);
    }
    await expect(view.getByTestId("shared-sources")).toContainText("Zensus");
    await expect(view.getByTestId("shared-map")).toHaveAttribute("data-idle", "true", { timeout: 60_000 });
    // Nothing was written: the shared view does not open the local database.
    const databases = await fresh.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).toEqual([]);
    await fresh.page.screenshot({ path: `${SCREENSHOTS}/shared-view.png` });
    await expectNoSeriousAxeViolations(fresh.page, "[data-testid=shared-view]");

    // Adopt: a new variant in the (new) local plan, active, undoable, and the address loses the link.
    await view.getByTestId("shared-adopt").click();
    await expect(fresh.page.getByTestId("shared-view")).toHaveCount(0, { timeout: 30_000 });
    await expect.poll(() => fresh.page.evaluate(() => window.location.hash)).toBe("");
    await fresh.page.waitForFunction(() => window.__pilotkarte !== undefined, null, { timeout: 60_000 });
    const plan = () =>
      fresh.page.evaluate(() => {
        const state = window.__pilotkarte?.documentStore.getState();
        if (!state) return null;
        const variants = state.plan.variantOrder.map((id) => state.plan.variants[id]);
        const active = state.plan.variants[state.activeVariantId];
        return {
          variantNames: variants.map((v) => v?.name),
          activeName: active?.name,
          activeAreas: (active?.areaOrder ?? []).map((id) => active?.areas[id]?.name),
          origins: (active?.areaOrder ?? []).map((id) => active?.areas[id]?.origin),
        };
      });
    const after = await plan();
    // The fresh browser had no plan: a starter plan ("Variante 1") was made, the shared variant of the
    // same name is added beside it under a free name.
    expect(after?.variantNames).toEqual(["Variante 1", "Variante 1 (geteilt)"]);
    expect(after?.activeName).toBe("Variante 1 (geteilt)");
    expect(after?.activeAreas).toEqual([NORD.name, MITTE.name]);
    expect(after?.origins).toEqual([
      { kind: "imported", source: "share-link" },
      { kind: "imported", source: "share-link" },
    ]);
    // One undo step takes it out again.
    await fresh.page.evaluate(() => window.__pilotkarte?.documentStore.getState().undo());
    expect((await plan())?.variantNames).toEqual(["Variante 1"]);
    await fresh.context.close();
    expect(fresh.errors).toEqual([]);
  });

  test("a link can become a new plan of its own; the view speaks English too", async ({
    browser,
    baseURL,
  }) => {
    const now = "2026-11-26T09:30:00.000Z";
    const prefix = `${baseURL}?e2e=pixels#`;
    const fresh = await freshPage(browser, harbourLink(prefix, now));
    const view = fresh.page.getByTestId("shared-view");
    await expect(view.getByTestId("shared-area-name")).toHaveText("Hafen Süd", { timeout: 30_000 });
    await expect(view.getByTestId("shared-stand")).toContainText("26.11.2026, 10:30");
    await fresh.page.getByRole("button", { name: /EN/ }).click();
    await expect(view.getByTestId("shared-adopt")).toHaveText("Add to my plans");
    await expect(view.getByTestId("shared-area")).toContainText("Urban infrastructure and safety");
    await expect(view.getByTestId("shared-area-area")).toHaveText(/^\d+\.\d{2}\s?ha$/, { timeout: 60_000 });
    // The recipient can print the shared variant, too.
    await view.getByTestId("onepager-open-variant").click();
    const onepager = fresh.page.getByTestId("onepager-page");
    await expect(onepager).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await expect(onepager.locator("h1")).toHaveText("Variant one-pager “Hafenvariante”");
    await expect(onepager).toContainText("Plan “Werkstattplan”");
    await expect(onepager.getByTestId("onepager-areas")).toContainText("Hafen AG");
    await expectNoSeriousAxeViolations(fresh.page, "[data-testid=onepager]");
    await fresh.page.keyboard.press("Escape");
    await expect(fresh.page.getByTestId("onepager")).toHaveCount(0);
    await view.getByTestId("shared-adopt-plan").click();
    await expect(fresh.page.getByTestId("shared-view")).toHaveCount(0, { timeout: 30_000 });
    await fresh.page.waitForFunction(() => window.__pilotkarte !== undefined, null, { timeout: 60_000 });
    const plan = await fresh.page.evaluate(() => {
      const state = window.__pilotkarte?.documentStore.getState();
      const v = state?.plan.variants[state.activeVariantId];
      return {
        name: state?.plan.name,
        variants: state?.plan.variantOrder.map((id) => state.plan.variants[id]?.name),
        areas: (v?.areaOrder ?? []).map((id) => v?.areas[id]?.name),
      };
    });
    expect(plan).toEqual({ name: "Werkstattplan", variants: ["Hafenvariante"], areas: ["Hafen Süd"] });
    await fresh.context.close();
    expect(fresh.errors).toEqual([]);
  });

  test("beside a tab that edits the plan, adopting says so, and a new plan still works", async ({
    app,
    page,
    baseURL,
  }) => {
    await app.open();
    // A second tab of the same browser: the first one holds the plan for editing.
    const second = await page.context().newPage();
    await second.goto(harbourLink(`${baseURL}?e2e=pixels#`, new Date().toISOString()));
    const view = second.getByTestId("shared-view");
    await expect(view.getByTestId("shared-area-name")).toHaveText("Hafen Süd", { timeout: 30_000 });
    await view.getByTestId("shared-adopt").click();
    await expect(view.getByTestId("shared-adopt-error")).toContainText(
      "Ihr Plan „Neuer Plan“ ist in einem anderen Tab zur Bearbeitung geöffnet",
      { timeout: 30_000 },
    );
    // Nothing was added to the plan in the editing tab.
    const variants = () =>
      page.evaluate(() => {
        const state = window.__pilotkarte?.documentStore.getState();
        return state?.plan.variantOrder.map((id) => state.plan.variants[id]?.name);
      });
    expect(await variants()).toEqual(["Variante 1"]);
    await view.getByTestId("shared-adopt-plan").click();
    await expect(second.getByTestId("shared-view")).toHaveCount(0, { timeout: 30_000 });
    await second.waitForFunction(() => window.__pilotkarte !== undefined, null, { timeout: 60_000 });
    const plan = await second.evaluate(() => {
      const state = window.__pilotkarte?.documentStore.getState();
      return { name: state?.plan.name, readOnly: state?.readOnly };
    });
    expect(plan).toEqual({ name: "Werkstattplan", readOnly: false });
    expect(await variants()).toEqual(["Variante 1"]);
    await second.close();
    expect(app.errors).toEqual([]);
  });

  test("a damaged link says what is wrong with it and touches no local data", async ({
    app,
    page,
    browser,
  }) => {
    await app.open();
    await addAreas(page, [NORD]);
    const dialog = await openShareDialog(page);
    const link = await dialog.getByTestId("share-link").inputValue();
    const at = link.indexOf("#pk1.") + 20;
    const changed = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
    const cases: { url: string; code: string; text: string }[] = [
      { url: changed, code: "corrupt", text: "Der Link ist beschädigt" },
      { url: link.slice(0, link.length - 12), code: "truncated", text: "Der Link ist unvollständig" },
      {
        url: link.replace("#pk1.", "#pk7."),
        code: "newer-version",
        text: "neueren Version von Pilotkarte (Format 7)",
      },
      { url: link.replace("#pk1.", "#pkx."), code: "not-a-share-link", text: "kein Pilotkarte-Link" },
    ];
    for (const c of cases) {
      const fresh = await freshPage(browser, c.url);
      const problem = fresh.page.getByTestId("share-problem");
      await expect(problem).toBeVisible({ timeout: 30_000 });
      await expect(problem).toHaveAttribute("data-code", c.code);
      await expect(problem).toContainText(c.text);
      await expect(problem).toContainText("Ihre eigenen Pläne wurden nicht verändert.");
      expect(await fresh.page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
      if (c.code === "corrupt") {
        await fresh.page.screenshot({ path: `${SCREENSHOTS}/shared-link-corrupt.png` });
        await expectNoSeriousAxeViolations(fresh.page, "[data-testid=shared-view]");
      }
      // Back to the workspace opens the local plans (and only now the database).
      if (c.code === "truncated") {
        await fresh.page.getByRole("button", { name: "Zur Arbeitsfläche" }).click();
        await expect(fresh.page.getByTestId("share-problem")).toHaveCount(0);
        await expect(fresh.page.locator(".workspace")).toBeVisible({ timeout: 30_000 });
      }
      await fresh.context.close();
      expect(fresh.errors).toEqual([]);
    }
    expect(app.errors).toEqual([]);
  });

  test("a link too long for a QR code says so; a variant too large for a link is offered as a file", async ({
    app,
    page,
  }) => {
    await app.open();
    // Four jagged shapes: a link of a few thousand characters, too long for one QR code.
    await addAreas(
      page,
      [0, 1, 2, 3].map((i) => ({
        name: `Zacken ${i}`,
        ring: jaggedRing(7.42 + i * 0.03, 51.5, 0.008, 180, i + 1),
      })),
    );
    let dialog = await openShareDialog(page);
    await expect(dialog.getByTestId("share-no-qr")).toContainText("zu lang für einen QR-Code");
    await expect(dialog.getByTestId("share-qr")).toHaveCount(0);
    const length = (await dialog.getByTestId("share-link").inputValue()).length;
    expect(length).toBeGreaterThan(2331);
    expect(length).toBeLessThanOrEqual(8000);
    await dialog.getByRole("button", { name: "Schließen" }).click();

    // Twelve more: beyond 8,000 characters.
    await addAreas(
      page,
      Array.from({ length: 12 }, (_, i) => ({
        name: `Mehr ${i}`,
        ring: jaggedRing(7.4 + (i % 4) * 0.04, 51.47 + Math.floor(i / 4) * 0.03, 0.009, 220, 100 + i),
      })),
    );
    dialog = await openShareDialog(page);
    const tooLarge = dialog.getByTestId("share-too-large");
    await expect(tooLarge).toContainText("Diese Variante ist für einen Link zu groß");
    await expect(tooLarge).toContainText("höchstens 8.000");
    await expect(dialog.getByTestId("share-link")).toHaveCount(0);
    await tooLarge.screenshot({ path: `${SCREENSHOTS}/share-too-large.png` });
    await tooLarge.getByTestId("share-export").click();
    await expect(page.getByTestId("share-dialog")).toHaveCount(0);
    await expect(page.getByTestId("export-dialog")).toBeVisible();
    expect(app.errors).toEqual([]);
  });
});

test.describe("One-pagers", () => {
  test("an area's one-pager shows its figures, prints only the page, and makes a PDF", async ({
    app,
    page,
  }) => {
    await app.open();
    await addAreas(page, [NORD, MITTE]);
    await page.evaluate((n) => {
      const hook = window.__pilotkarte;
      const state = hook?.documentStore.getState();
      const variant = state?.plan.variants[state.activeVariantId];
      const id = variant?.areaOrder.find((a) => variant.areas[a]?.name === n);
      hook?.sessionStore.getState().selectPilotArea(id ?? null);
    }, NORD.name);
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    const areaText = (
      (await panel.getByTestId("figure-area").locator(".figure-value").textContent()) ?? ""
    ).trim();
    const residentsText = ((await panel.getByTestId("residents-range").textContent()) ?? "").trim();
    // The layers with facilities inside or near, as the results panel counts them: [title, inside, near].
    const facilityRows = (table: ReturnType<typeof panel.getByTestId>) =>
      table
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => [
            (
              row.querySelector("th button")?.textContent ??
              row.querySelector("th")?.firstChild?.textContent ??
              ""
            ).trim(),
            ...Array.from(row.querySelectorAll("td"), (td) => (td.textContent ?? "").trim()),
          ]),
        );
    const panelFacilities = (await facilityRows(panel.getByTestId("facilities-table"))).filter(
      ([, inside, near]) => inside !== "0" || near !== "0",
    );
    expect(panelFacilities.length).toBeGreaterThan(0);

    await page.getByTestId("area-panel").getByTestId("onepager-open-area").click();
    const onepager = page.getByTestId("onepager-page");
    await expect(onepager).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await expect(onepager.locator("h1")).toHaveText(`Steckbrief Pilotgebiet „${NORD.name}“`);
    await expect(onepager.getByTestId("onepager-area")).toHaveText(areaText);
    await expect(onepager.getByTestId("onepager-residents")).toHaveText(residentsText);
    await expect(onepager.getByTestId("onepager-facts")).toContainText("DEW21");
    await expect(onepager.getByTestId("onepager-facts")).toContainText("zweite Zeile");
    await expect(onepager).toContainText("flächengewichtet aus dem Zensus-2022-Raster");
    await expect(onepager.getByTestId("onepager-districts-stadtbezirk")).toContainText("Innenstadt-Nord");
    // The one-pager's facility table is the panel's table without the empty layers.
    expect(await facilityRows(onepager.getByTestId("onepager-facilities"))).toEqual(panelFacilities);
    await expect(onepager.getByTestId("onepager-map").locator("path").first()).toBeAttached();
    await expect(onepager).toContainText("Datenlizenz Deutschland");
    await expectNoSeriousAxeViolations(page, "[data-testid=onepager]");

    // Print media: only the page, no app and no buttons.
    // Print media at about the width of an A4 page (96 dpi).
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("#root")).toBeHidden();
    await expect(page.getByTestId("onepager-print")).toBeHidden();
    await expect(onepager).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/onepager-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    await page.emulateMedia({ media: "screen" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    const pdfPath = test.info().outputPath("onepager-area.pdf");
    writeFileSync(pdfPath, pdf);
    // One A4 page: Chromium writes each page object as a plain "/Type /Page" dictionary.
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length).toBe(1);
    // The text of the PDF, read with Debian's poppler-utils (`.ci/run` installs it).
    const text = execFileSync("pdftotext", [pdfPath, "-"]).toString("utf8");
    // pdftotext joins words broken at hyphens in narrow cells ("Innenstadt-|Nord" → "InnenstadtNord").
    const squash = (value: string) => value.replace(/[\s-]+/g, "");
    expect(text).toContain(NORD.name);
    expect(squash(text)).toContain(squash(areaText));
    expect(squash(text)).toContain(squash(residentsText));
    expect(squash(text)).toContain(squash("Innenstadt-Nord (20)"));
    expect(execFileSync("pdfinfo", [pdfPath]).toString()).toMatch(/Pages:\s+1\n/);

    // Closing returns to the workspace as it was.
    await page.getByTestId("onepager-close").click();
    await expect(page.getByTestId("onepager")).toHaveCount(0);
    await expect(page.getByTestId("area-panel")).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test("the variant's one-pager lists every area with its figures", async ({ app, page }) => {
    await app.open();
    await addAreas(page, [NORD, MITTE]);
    // The variant's one-pager is offered in the share dialog.
    const dialog = await openShareDialog(page);
    await dialog.getByTestId("onepager-open-variant").click();
    await expect(page.getByTestId("share-dialog")).toHaveCount(0);
    const onepager = page.getByTestId("onepager-page");
    await expect(onepager).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await expect(onepager.locator("h1")).toHaveText("Steckbrief Variante „Variante 1“");
    const rows = onepager.getByTestId("onepager-areas").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(NORD.name);
    await expect(rows.nth(1)).toContainText("Mobilität");
    await expect(onepager.getByTestId("onepager-totals")).toContainText("Fläche (Vereinigung)");
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${SCREENSHOTS}/onepager-variant-print.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("onepager")).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });
});
