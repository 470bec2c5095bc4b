/**
 * Exchange with partners in the browser: importing files (Shapefile with and without .prj, hostile
 * files, a GeoJSON with German labels) through the import dialog, and exporting (GeoJSON, GeoPackage,
 * CSV, PNG) through the export dialog, with the downloads read back. The Shapefiles were written by GDAL (tests/fixtures/exchange-ui/), so
 * the positions checked here do not come from Pilotkarte's own code.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import initSqlJs from "sql.js";
import { expect, test, watchSecurityPolicy } from "./fixtures.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const FIXTURES = join(root, "tests/fixtures/exchange-ui");
const WITH_PRJ = join(FIXTURES, "square-25832.zip");
const WITHOUT_PRJ = join(FIXTURES, "square-25832-no-prj.zip");
/** Two areas written by hand with German labels, arrays, lists and an unknown status. */
const LABELS_DE = join(FIXTURES, "labels-de.geojson");
const SQUARE_NAME = "Testquadrat Nordstadt";

/**
 * The square's corners E 393000–393400, N 5709000–5709400 (EPSG:25832) in WGS84, as GDAL's
 * gdaltransform gives them (ETRS89 taken as WGS84, as PROJ does).
 */
const EXPECTED_CORNERS: [number, number][] = [
  [7.45771275208495, 51.521969668667],
  [7.46347607722094, 51.5220453095946],
  [7.46335504041001, 51.5256406913804],
  [7.45759126171673, 51.5255650407697],
];
const EXPECTED_CENTRE: [number, number] = [7.46053378285816, 51.5238052132881];

/** Distance in metres between two nearby lon/lat points (local flat approximation, fine for metres). */
function metresBetween([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const dx = (lon2 - lon1) * 111_320 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dy = (lat2 - lat1) * 110_574;
  return Math.hypot(dx, dy);
}

async function openImport(page: Page) {
  await page.locator("header.app-header").getByRole("button", { name: "Importieren", exact: true }).click();
  await expect(page.getByTestId("import-dialog")).toBeVisible();
}

async function openExport(page: Page) {
  await page.locator("header.app-header").getByRole("button", { name: "Exportieren", exact: true }).click();
  await expect(page.getByTestId("export-dialog")).toBeVisible();
}

/** The active variant's areas as stored: name and outer ring of the first polygon. */
function storedAreas(page: Page) {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    if (!state) throw new Error("no test hook");
    const variant = state.plan.variants[state.activeVariantId];
    if (!variant) throw new Error("no active variant");
    return variant.areaOrder.map((id) => {
      const area = variant.areas[id];
      if (!area) throw new Error(`missing area ${id}`);
      const ring =
        area.geometry.type === "Polygon" ? area.geometry.coordinates[0] : area.geometry.coordinates[0]?.[0];
      return { id, name: area.name, ring: (ring ?? []) as [number, number][], origin: area.origin };
    });
  });
}

/** Every expected corner has a stored vertex within `toleranceM`. */
function expectCornersNear(ring: [number, number][], toleranceM: number) {
  for (const corner of EXPECTED_CORNERS) {
    const nearest = Math.min(...ring.map((p) => metresBetween(p, corner)));
    expect(nearest, `corner ${corner.join(", ")}`).toBeLessThan(toleranceM);
  }
}

/** Whether the pilot-area fill is drawn at a lon/lat position, for an area of that name. */
async function drawnAt(page: Page, lngLat: [number, number], name: string): Promise<boolean> {
  return page.evaluate(
    ({ lngLat, name }) => {
      const map = window.__pilotkarte?.map;
      if (!map) return false;
      const point = map.project(lngLat);
      return map
        .queryRenderedFeatures(point, { layers: ["pilot-areas-fill"] })
        .some((f) => f.properties?.name === name);
    },
    { lngLat, name },
  );
}

/** The active variant's areas' attributes as stored. */
function storedAttributes(page: Page) {
  return page.evaluate(() => {
    const state = window.__pilotkarte?.documentStore.getState();
    const variant = state?.plan.variants[state.activeVariantId];
    if (!variant) throw new Error("no active variant");
    return variant.areaOrder.map((id) => {
      const area = variant.areas[id];
      return { name: area?.name, fields: area?.fields, status: area?.status, partners: area?.partners };
    });
  });
}

/** A CSV file's rows (RFC 4180: quoted cells may hold the separator, doubled quotes and line breaks). */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

async function downloadText(page: Page, dialog: ReturnType<Page["getByTestId"]>): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: /^(Herunterladen|Download)$/ }).click(),
  ]);
  return readFileSync((await download.path()) as string, "utf8");
}

async function importAsAreas(page: Page, file: string) {
  await openImport(page);
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-dialog")).toBeHidden();
}

test.describe("Import", () => {
  test("a Shapefile zip in EPSG:25832 becomes a pilot area at the right place, in one undo step", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    await page.getByTestId("import-file").setInputFiles(WITH_PRJ);
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByTestId("import-format")).toHaveText("Shapefile (ZIP)");
    await expect(preview.getByTestId("import-crs")).toHaveText("EPSG:25832");
    await expect(preview.getByTestId("import-count")).toContainText("1 übernommen (Gebiete)");
    await expect(preview.getByTestId("import-names").locator("tbody td").nth(1)).toHaveText(SQUARE_NAME);
    await expect(preview.getByLabel(/Pilotgebiete in der Variante/)).toBeChecked();
    await page
      .getByTestId("import-dialog")
      .screenshot({ path: "test-results/screenshots/exchange-import-preview.png" });
    // Nothing changes before the confirmation.
    expect(await storedAreas(page)).toEqual([]);

    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-dialog")).toBeHidden();
    await expect(page.getByTestId("area-list")).toContainText(SQUARE_NAME);
    await expect(page.getByTestId("toasts")).toContainText("1 Gebiet aus „square-25832.zip“ übernommen.");
    const areas = await storedAreas(page);
    expect(areas).toHaveLength(1);
    expect(areas[0]?.origin).toEqual({ kind: "imported", source: "square-25832.zip" });
    expectCornersNear(areas[0]?.ring ?? [], 1);

    // On the map, where it belongs (the map zooms to the import).
    await app.waitForIdle();
    await expect.poll(() => drawnAt(page, EXPECTED_CENTRE, SQUARE_NAME)).toBe(true);
    await page.screenshot({ path: "test-results/screenshots/exchange-imported-area.png" });

    // A snapshot was taken before the import.
    await page.locator("header.app-header").getByRole("button", { name: "Verlauf" }).click();
    await expect(page.getByTestId("history-dialog")).toContainText("Import „square-25832.zip“");
    await page.getByTestId("history-dialog").getByRole("button", { name: "Schließen" }).click();

    // One undo removes the whole import.
    await page.locator("body").press("Control+z");
    await expect.poll(async () => (await storedAreas(page)).length).toBe(0);
    await expect(page.getByTestId("area-list")).not.toContainText(SQUARE_NAME);
    expect(app.errors).toEqual([]);
  });

  test("a Shapefile without .prj (dropped on the dialog) asks for the coordinate system and, answered, lands in the right place", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    // Dropped onto the dialog rather than picked.
    const dataTransfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], "square-25832-no-prj.zip", { type: "application/zip" }));
      return transfer;
    }, readFileSync(WITHOUT_PRJ).toString("base64"));
    await page.getByTestId("import-dialog").dispatchEvent("dragover", { dataTransfer });
    await page.getByTestId("import-dialog").dispatchEvent("drop", { dataTransfer });
    const question = page.getByTestId("import-crs-question");
    await expect(question).toBeVisible({ timeout: 30_000 });
    await expect(question).toContainText("gibt ihr Koordinatenbezugssystem nicht an");
    await expect(question).toContainText("wahrscheinlich EPSG:25832");
    const utm = question.getByLabel(/EPSG:25832/);
    await expect(utm).toBeChecked();
    // Pick the other one and back, as a planner would, then read again.
    await question.getByLabel(/EPSG:4326/).check();
    await utm.check();
    await question.getByRole("button", { name: "Mit diesem System lesen" }).click();
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByTestId("import-crs")).toHaveText("EPSG:25832");
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("area-list")).toContainText(SQUARE_NAME);
    const areas = await storedAreas(page);
    expect(areas).toHaveLength(1);
    expectCornersNear(areas[0]?.ring ?? [], 1);
    expect(app.errors).toEqual([]);
  });

  test("hostile files: broken JSON gets its own message; markup in names stays text; the plan is unchanged", async ({
    app,
    page,
  }) => {
    await app.open();
    const revisionBefore = await page.evaluate(() => window.__pilotkarte?.documentStore.getState().revision);
    const input = page.getByTestId("import-file");
    const problem = page.getByTestId("import-problem");

    // Cut off in the middle (an interrupted download), with a script tag in a name.
    const truncated =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"<script>window.__pwned=1</script>"},' +
      '"geometry":{"type":"Polygon","coordinates":[[[7.45,51.51],[7.46,51.51],[7.46';
    await openImport(page);
    await input.setInputFiles({
      name: "abgebrochen.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(truncated),
    });
    await expect(problem).toContainText("bricht mitten im Inhalt ab", { timeout: 30_000 });
    await problem.getByRole("button", { name: "Andere Datei" }).click();

    // A syntax error.
    await page.getByTestId("import-file").setInputFiles({
      name: "kaputt.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"type": "FeatureCollection" "features": []}'),
    });
    await expect(problem).toContainText("kein gültiges JSON (Fehler bei Zeichen 29)", { timeout: 30_000 });
    await problem.getByRole("button", { name: "Andere Datei" }).click();

    // Valid GeoJSON whose names are markup: shown literally, never run.
    const names = ['<img src=x onerror="window.__pwned=2">', "<script>window.__pwned=3</script>"];
    const hostile = {
      type: "FeatureCollection",
      features: names.map((name, i) => ({
        type: "Feature",
        properties: { name },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [7.45 + i * 0.01, 51.51],
              [7.455 + i * 0.01, 51.51],
              [7.455 + i * 0.01, 51.513],
              [7.45 + i * 0.01, 51.51],
            ],
          ],
        },
      })),
    };
    await page.getByTestId("import-file").setInputFiles({
      name: "markup.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(hostile)),
    });
    const cells = page.getByTestId("import-names").locator("tbody td:nth-child(2)");
    await expect(cells).toHaveText(names, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    // Cancelled: the plan never changed.
    await page.getByTestId("import-preview").getByRole("button", { name: "Abbrechen" }).click();
    await expect(page.getByTestId("import-dialog")).toBeHidden();
    expect(await storedAreas(page)).toEqual([]);
    expect(await page.evaluate(() => window.__pilotkarte?.documentStore.getState().revision)).toBe(
      revisionBefore,
    );
    expect(app.errors).toEqual([]);
  });

  /** A square in the Nordstadt as a GeoJSON text; `swap` writes latitude first. */
  const squareGeoJson = (name: string, swap = false) => {
    const ring = [
      [7.455, 51.52],
      [7.46, 51.52],
      [7.46, 51.523],
      [7.455, 51.523],
      [7.455, 51.52],
    ].map(([lon, lat]) => (swap ? [lat, lon] : [lon, lat]));
    return JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name }, geometry: { type: "Polygon", coordinates: [ring] } },
      ],
    });
  };
  const nearCorner = (ring: [number, number][], corner: [number, number]) =>
    Math.min(...ring.map((p) => metresBetween(p, corner)));

  test("a GeoJSON saved as UTF-16 (Windows “Unicode”, with byte order mark) is read, umlauts included", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    const name = "Körnerplatz Süd";
    // UTF-16 little endian with its byte order mark, as Windows Notepad saves "Unicode".
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(squareGeoJson(name), "utf16le")]);
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "unicode.geojson", mimeType: "application/geo+json", buffer });
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByTestId("import-format")).toHaveText("GeoJSON");
    await expect(preview.getByTestId("import-names").locator("tbody td").nth(1)).toHaveText(name);
    await expect(preview.getByTestId("import-axes-warning")).toHaveCount(0);
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-dialog")).toBeHidden();
    const areas = await storedAreas(page);
    expect(areas.map((a) => a.name)).toEqual([name]);
    expect(nearCorner(areas[0]?.ring ?? [], [7.455, 51.52])).toBeLessThan(0.01);
    expect(app.errors).toEqual([]);
  });

  test("a file with latitude first: the preview warns and offers to read it with the axes swapped", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    const name = "Vertauschtes Quadrat";
    await page.getByTestId("import-file").setInputFiles({
      name: "vertauscht.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(squareGeoJson(name, true), "utf8"),
    });
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    const warning = preview.getByTestId("import-axes-warning");
    await expect(warning).toContainText("weit von Dortmund entfernt");
    await expect(warning).toContainText("Länge 51,5°, Breite 7,5°");
    await page
      .getByTestId("import-dialog")
      .screenshot({ path: "test-results/screenshots/exchange-import-axes-swapped.png" });
    // Nothing is taken before the planner decides.
    expect(await storedAreas(page)).toEqual([]);

    await warning.getByRole("button", { name: "Achsen tauschen und neu lesen" }).click();
    await expect(preview.getByTestId("import-axes-swapped")).toHaveText(
      /Breite und Länge wurden beim Lesen getauscht\./,
    );
    await expect(preview.getByTestId("import-axes-warning")).toHaveCount(0);
    await expect(preview.getByTestId("import-names").locator("tbody td").nth(1)).toHaveText(name);
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-dialog")).toBeHidden();
    const areas = await storedAreas(page);
    expect(areas.map((a) => a.name)).toEqual([name]);
    // In the Nordstadt, where the file meant it.
    expect(nearCorner(areas[0]?.ring ?? [], [7.455, 51.52])).toBeLessThan(0.01);
    expect(nearCorner(areas[0]?.ring ?? [], [7.46, 51.523])).toBeLessThan(0.01);
    expect(app.errors).toEqual([]);
  });

  test("as an overlay layer: drawn on the map with a legend entry, not in the plan, kept after a reload, and removable", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    await page.getByTestId("import-file").setInputFiles(WITH_PRJ);
    await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
    await page.getByLabel(/Ebene auf der Karte/).check();
    await page.getByTestId("import-confirm").click();
    const legend = page.getByTestId("overlay-legend");
    await expect(legend).toContainText("square-25832.zip");
    await expect(legend.locator(".exchange-overlay-summary")).toHaveText("1 Gebiet");
    expect(await storedAreas(page)).toEqual([]);
    const overlayAt = (lngLat: [number, number]) =>
      page.evaluate((p) => {
        const map = window.__pilotkarte?.map;
        if (!map) return 0;
        const ids = map
          .getStyle()
          .layers.filter((l) => l.id.startsWith("imported-"))
          .map((l) => l.id);
        return ids.length === 0 ? 0 : map.queryRenderedFeatures(map.project(p), { layers: ids }).length;
      }, lngLat);
    await app.waitForIdle();
    await expect.poll(() => overlayAt(EXPECTED_CENTRE)).toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/screenshots/exchange-overlay.png" });

    // Kept in IndexedDB: after a reload the layer is back, and still not in the plan.
    const storedOverlays = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open("pilotkarte");
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction("overlays").objectStore("overlays").count();
              count.onsuccess = () => {
                resolve(count.result);
                db.close();
              };
            };
          }),
      );
    await expect.poll(storedOverlays).toBe(1);
    await app.open();
    await expect(legend).toContainText("square-25832.zip");
    await expect(legend).toContainText("In diesem Browser gespeichert");
    // "Zeigen" zooms to the layer (from wherever the map is).
    await page.evaluate(() => window.__pilotkarte?.map.jumpTo({ center: [7.3, 51.6], zoom: 10 }));
    await legend.getByRole("button", { name: "Auf Ebene „square-25832.zip“ zoomen" }).click();
    await app.waitForIdle();
    await expect.poll(() => page.evaluate(() => window.__pilotkarte?.map.getZoom() ?? 0)).toBeGreaterThan(13);
    await expect.poll(() => overlayAt(EXPECTED_CENTRE)).toBeGreaterThan(0);
    expect(await storedAreas(page)).toEqual([]);

    await legend.getByRole("button", { name: "Ebene „square-25832.zip“ entfernen" }).click();
    await expect(legend).toHaveCount(0);
    await expect.poll(() => overlayAt(EXPECTED_CENTRE)).toBe(0);
    await expect.poll(storedOverlays).toBe(0);

    // Points can only be a layer: the pilot-area choice is off and says why.
    const points = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { name: "Treffpunkt A" },
          geometry: { type: "Point", coordinates: [7.46, 51.52] },
        },
        {
          type: "Feature",
          properties: { name: "Treffpunkt B" },
          geometry: { type: "Point", coordinates: [7.47, 51.51] },
        },
      ],
    };
    await openImport(page);
    await page.getByTestId("import-file").setInputFiles({
      name: "treffpunkte.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(points)),
    });
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByLabel(/Pilotgebiete in der Variante/)).toBeDisabled({ timeout: 30_000 });
    await expect(preview).toContainText("enthält nur Punkte");
    await expect(preview.getByLabel(/Ebene auf der Karte/)).toBeChecked();
    await page.getByTestId("import-confirm").click();
    await expect(legend.locator(".exchange-overlay-summary")).toHaveText("2 Punkte");
    expect(await storedAreas(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test("a large file (2,000 areas, about 8 MB) is read and offered only as a layer", async ({
    app,
    page,
  }) => {
    await app.open();
    // Hexagon-like rings of 200 vertices on a grid over the city.
    const features = Array.from({ length: 2000 }, (_, k) => {
      const lon0 = 7.36 + (k % 50) * 0.005;
      const lat0 = 51.44 + Math.floor(k / 50) * 0.004;
      const ring = Array.from({ length: 200 }, (_, i) => {
        const angle = (i / 200) * 2 * Math.PI;
        return [
          Math.round((lon0 + 0.0018 * Math.cos(angle)) * 1e7) / 1e7,
          Math.round((lat0 + 0.0012 * Math.sin(angle)) * 1e7) / 1e7,
        ];
      });
      ring.push(ring[0] as number[]);
      return {
        type: "Feature",
        properties: { name: `Fläche ${k + 1}` },
        geometry: { type: "Polygon", coordinates: [ring] },
      };
    });
    const buffer = Buffer.from(JSON.stringify({ type: "FeatureCollection", features }));
    expect(buffer.length).toBeGreaterThan(7_000_000);
    await openImport(page);
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "gross.geojson", mimeType: "application/geo+json", buffer });
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 60_000 });
    await expect(preview.getByTestId("import-count")).toContainText(
      "2.000 übernommen (Gebiete), 0 nicht übernommen, 2.000 in der Datei",
    );
    await expect(preview.getByTestId("import-names").locator("tbody tr")).toHaveCount(10);
    await expect(preview).toContainText("… und 1.990 weitere");
    await expect(preview.getByLabel(/Pilotgebiete in der Variante/)).toBeDisabled();
    await expect(preview).toContainText("Mehr als 500 Gebiete");
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("overlay-legend").locator(".exchange-overlay-summary")).toHaveText(
      "2.000 Gebiete",
    );
    expect(await storedAreas(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test("a GeoJSON with German labels, arrays and lists: fields, status and partners arrive, and every value left out is listed", async ({
    app,
    page,
  }) => {
    await app.open();
    await openImport(page);
    await page.getByTestId("import-file").setInputFiles(LABELS_DE);
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByTestId("import-attribute-issues").locator("li")).toHaveText([
      "Westpark (Nr. 2): Feld „fields“: „Landwirtschaft“ ist kein Handlungsfeld – nicht übernommen",
      "Westpark (Nr. 2): Feld „status“: „vielleicht“ unbekannt – Idee angenommen",
    ]);
    await expect(preview.getByTestId("import-attributes-found")).toHaveText(
      "Angaben aus der Datei für Pilotgebiete: Handlungsfelder bei 2, Status bei 1, Partner bei 2, Notizen bei 1 Gebieten.",
    );
    // Not "nothing to report" while values are left out.
    await expect(preview).not.toContainText("Nichts musste repariert oder ausgelassen werden");
    await page
      .getByTestId("import-dialog")
      .screenshot({ path: "test-results/screenshots/exchange-import-labels.png" });
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-dialog")).toBeHidden();
    expect(await storedAttributes(page)).toEqual([
      {
        name: "Hafenquartier",
        fields: ["mobilitaet", "energie"],
        status: "kandidat",
        partners: ["DSW21", "TU Dortmund"],
      },
      { name: "Westpark", fields: ["mensch"], status: "idee", partners: ["DEW21", "Stadt Dortmund"] },
    ]);

    // The same report in English.
    await page.getByRole("button", { name: /EN/ }).click();
    await page.locator("header.app-header").getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("import-file").setInputFiles(LABELS_DE);
    await expect(page.getByTestId("import-attribute-issues").locator("li")).toHaveText(
      [
        "Westpark (no. 2): Field “fields”: “Landwirtschaft” is not an alliance field – left out",
        "Westpark (no. 2): Field “status”: “vielleicht” unknown – Idea assumed",
      ],
      { timeout: 30_000 },
    );
    expect(app.errors).toEqual([]);
  });

  test("the import dialog with a preview and the export dialog have no serious accessibility violations", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const cspViolations: string[] = [];
    await watchSecurityPolicy(context, cspViolations);
    const page = await context.newPage();
    await page.goto("/?e2e=pixels");
    await page.waitForFunction(() => (window.__pilotkarte?.idleCount() ?? 0) > 0, null, { timeout: 60_000 });
    await openImport(page);
    await page.getByTestId("import-file").setInputFiles(WITH_PRJ);
    await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
    const results = await new AxeBuilder({ page }).include('[data-testid="import-dialog"]').analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The export dialog too.
    await page.getByTestId("import-preview").getByRole("button", { name: "Abbrechen" }).click();
    await openExport(page);
    const exportResults = await new AxeBuilder({ page }).include('[data-testid="export-dialog"]').analyze();
    const exportSerious = exportResults.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(exportSerious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});

test.describe("Export", () => {
  test("the active variant as GeoJSON and GeoPackage: names and figures as in the panel", async ({
    app,
    page,
  }) => {
    await app.open();
    await importAsAreas(page, WITH_PRJ);
    await page.getByTestId("area-list").getByRole("button", { name: SQUARE_NAME }).click();
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    const areaText = (
      (await panel.getByTestId("figure-area").locator(".figure-value").textContent()) ?? ""
    ).trim();
    const rangeText = ((await panel.getByTestId("residents-range").textContent()) ?? "").trim();

    await openExport(page);
    const dialog = page.getByTestId("export-dialog");
    await expect(dialog.getByLabel(/Aktive Variante/)).toBeChecked();
    await expect(dialog.getByLabel("GeoJSON (WGS 84)")).toBeChecked();
    await dialog.screenshot({ path: "test-results/screenshots/exchange-export-dialog.png" });
    const [geojsonDownload] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Herunterladen" }).click(),
    ]);
    expect(geojsonDownload.suggestedFilename()).toMatch(/\.geojson$/);
    await expect(dialog.getByTestId("export-status")).toContainText("heruntergeladen");
    const geojson = JSON.parse(readFileSync((await geojsonDownload.path()) as string, "utf8")) as {
      metadata: { credits: string[]; variant: { name: string } };
      features: { properties: Record<string, unknown> }[];
    };
    expect(geojson.features).toHaveLength(1);
    const properties = geojson.features[0]?.properties ?? {};
    expect(properties.name).toBe(SQUARE_NAME);
    expect(geojson.metadata.credits.length).toBeGreaterThan(0);
    // The panel shows the area in ha with 2 decimals and residents rounded to tens.
    const de = (value: number, decimals: number) =>
      new Intl.NumberFormat("de-DE", {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }).format(value);
    expect(areaText).toBe(`${de((properties.area_m2 as number) / 10_000, 2)}\u00a0ha`);
    const tens = (value: unknown) => de(Math.round((value as number) / 10) * 10, 0);
    expect(rangeText).toBe(`${tens(properties.residents_low)} – ${tens(properties.residents_high)}`);
    expect(typeof properties.stadtbezirke).toBe("string");

    // GeoPackage in EPSG:25832.
    await dialog.getByLabel(/GeoPackage, ETRS89/).check();
    const [gpkgDownload] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Herunterladen" }).click(),
    ]);
    expect(gpkgDownload.suggestedFilename()).toMatch(/\.gpkg$/);
    const bytes = readFileSync((await gpkgDownload.path()) as string);
    expect(bytes.subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000");
    const SQL = await initSqlJs({ locateFile: (f: string) => join(root, "node_modules/sql.js/dist", f) });
    const db = new SQL.Database(new Uint8Array(bytes));
    const rows = db.exec("SELECT name, residents_low FROM pilot_areas");
    expect(rows[0]?.values).toEqual([[SQUARE_NAME, properties.residents_low]]);
    const srs = db.exec("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'pilot_areas'");
    expect(srs[0]?.values).toEqual([[25832]]);
    db.close();

    // The selected area alone, as a German spreadsheet: BOM, semicolons, decimal comma.
    await dialog.getByLabel(/Ausgewähltes Gebiet/).check();
    await dialog.getByLabel("CSV je Gebiet, deutsch (Excel)").check();
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Herunterladen" }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path()) as string, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // German headers (the readable column names); cells holding ";" or "," are quoted.
    const [columns = [], cells = []] = parseCsv(csv.slice(1), ";");
    expect(cells[columns.indexOf("Name")]).toBe(SQUARE_NAME);
    expect(cells[columns.indexOf("Fläche (ha)")]).toMatch(/^\d+,\d+$/);
    expect(app.errors).toEqual([]);
  });

  test("exports say what they hold: labels beside the codes, districts by name with both shares, facilities within 300 m and a data dictionary, German by default and English on request", async ({
    app,
    page,
  }) => {
    await app.open();
    await importAsAreas(page, LABELS_DE);
    await page.getByTestId("area-list").getByRole("button", { name: "Hafenquartier" }).click();
    const panel = page.getByTestId("coverage-panel");
    await expect(panel.getByTestId("residents-range")).toContainText("–", { timeout: 60_000 });
    // What the panel shows: the Stadtbezirke touched, and the stops inside and within 300 m.
    const panelDistricts = (
      await panel
        .getByRole("table", { name: "Stadtbezirke", exact: true })
        .locator("tbody th")
        .allTextContents()
    ).map((t) => t.replace(/\s+/g, " ").trim());
    expect(panelDistricts.length).toBeGreaterThan(0);
    const stopsRow = panel
      .getByTestId("facilities-table")
      .locator("tbody tr", { has: page.getByRole("button", { name: "Haltestellen ÖPNV (VRR)" }) });
    const [stopsInside, stopsNear] = (await stopsRow.locator("td.num").allTextContents()).map((t) =>
      Number(t.replace(/\./g, "")),
    );

    await openExport(page);
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByLabel(/Ausgewähltes Gebiet/).check();
    await expect(dialog.getByLabel("Deutsch", { exact: true })).toBeChecked();
    const geojson = JSON.parse(await downloadText(page, dialog)) as {
      metadata: {
        language: string;
        dictionary: {
          column: string;
          label: string;
          description: string;
          unit: string | null;
          source: string;
        }[];
      };
      features: { properties: Record<string, string | number | null> }[];
    };
    const properties = geojson.features[0]?.properties ?? {};
    expect(properties).toMatchObject({
      name: "Hafenquartier",
      fields: "mobilitaet;energie",
      fields_label: "Mobilität und Logistik; Energie-Management",
      status: "kandidat",
      status_label: "Kandidat",
      partners: "DSW21;TU Dortmund",
      residents_grid_year: 2022,
      residents_addresses_census_year: 2022,
      residents_2011_grid: expect.any(Number),
      residents_change_2011_2022_grid: expect.any(Number),
      under15_2022_low: expect.any(Number),
      age65plus_2022_high: expect.any(Number),
      address_points_year: 2024,
      fac_transit_stops: stopsInside,
      fac_transit_stops_300m: stopsNear,
    });
    expect(stopsNear).toBeGreaterThanOrEqual(stopsInside as number);
    // Districts by name and code, in the panel's order, each with both shares.
    const districtLabels = String(properties.stadtbezirke_label).split("; ");
    expect(districtLabels.map((entry) => entry.replace(/:.*$/, ""))).toEqual(panelDistricts);
    for (const entry of districtLabels)
      expect(entry).toMatch(/^.+ \(\d+\): [\d,<\s]+ % des Gebiets, [\d,<\s]+ % des Bezirks$/);
    expect(
      String(properties.stadtbezirke)
        .split(";")
        .map((e) => e.replace(/=.*$/, "")),
    ).toEqual(panelDistricts.map((d) => d.replace(/^.*\((\d+)\)$/, "$1")));
    // The data dictionary describes every property.
    expect(geojson.metadata.language).toBe("de");
    expect(geojson.metadata.dictionary.map((e) => e.column)).toEqual(Object.keys(properties));
    const stopsEntry = geojson.metadata.dictionary.find((e) => e.column === "fac_transit_stops_300m");
    expect(stopsEntry?.label).toBe("Haltestellen ÖPNV (VRR): bis 300 m");
    expect(stopsEntry?.source).toContain("Verkehrsverbund Rhein-Ruhr");
    expect(
      geojson.metadata.dictionary.find((e) => e.column === "address_points_year")?.description,
    ).toContain("nicht das Jahr der Einwohnerzahlen");

    // The German spreadsheet: German headers, decimal commas also inside the district list.
    await dialog.getByLabel("CSV je Gebiet, deutsch (Excel)").check();
    const [header = [], row = []] = parseCsv((await downloadText(page, dialog)).slice(1), ";");
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).toEqual(expect.arrayContaining(["Handlungsfelder (Code)", "Handlungsfelder", "Status"]));
    expect(cell("Handlungsfelder")).toBe("Mobilität und Logistik; Energie-Management");
    expect(cell("Status")).toBe("Kandidat");
    expect(cell("Haltestellen ÖPNV (VRR): bis 300 m")).toBe(String(stopsNear));
    expect(cell("Stadtbezirke")).toBe(properties.stadtbezirke_label);
    expect(cell("Stadtbezirke (Nr.=Anteil am Gebiet)")).toBe(
      String(properties.stadtbezirke).replaceAll(".", ","),
    );
    expect(cell("Stadtbezirke (Nr.=Anteil am Gebiet)")).not.toContain(".");

    // English on request: the same codes, the labels and dictionary in English.
    await dialog.getByLabel("GeoJSON (WGS 84)").check();
    await dialog.getByLabel("Englisch", { exact: true }).check();
    const english = JSON.parse(await downloadText(page, dialog)) as typeof geojson;
    const englishProperties = english.features[0]?.properties ?? {};
    expect(englishProperties).toMatchObject({
      fields: "mobilitaet;energie",
      fields_label: "Mobility and logistics; Energy management",
      status: "kandidat",
      status_label: "Candidate",
      stadtbezirke: properties.stadtbezirke,
    });
    expect(String(englishProperties.stadtbezirke_label)).toMatch(/% of the area, .*% of the district/);
    expect(english.metadata.language).toBe("en");
    expect(english.metadata.dictionary.find((e) => e.column === "fac_transit_stops_300m")?.label).toBe(
      "Public transport stops (VRR): within 300 m",
    );
    expect(app.errors).toEqual([]);
  });

  test("an empty variant: the dialog says there is nothing to export", async ({ app, page }) => {
    await app.open();
    await openExport(page);
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByRole("button", { name: "Herunterladen" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Nichts zu exportieren");
    // The same in English.
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await page.getByRole("button", { name: /EN/ }).click();
    await page.locator("header.app-header").getByRole("button", { name: "Export", exact: true }).click();
    await expect(dialog.getByRole("heading", { name: "Export for partners" })).toBeVisible();
    await dialog.getByRole("button", { name: "Download" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Nothing to export");
    expect(app.errors).toEqual([]);
  });

  test("the map picture is a PNG with the map, legend and credits", async ({ app, page }) => {
    // Without "=pixels": the map keeps no drawing buffer, as for planners, so the picture must be taken
    // in the frame's render event.
    await app.open("/?e2e");
    await importAsAreas(page, WITH_PRJ);
    await app.waitForIdle();
    const centre = await page.evaluate((p) => {
      const point = window.__pilotkarte?.map.project(p);
      return { x: Math.round(point?.x ?? 0), y: Math.round(point?.y ?? 0) };
    }, EXPECTED_CENTRE);
    await openExport(page);
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByLabel("Kartenbild (PNG)").check();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Herunterladen" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-karte\.png$/);
    const path = (await download.path()) as string;
    const png = readFileSync(path);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16 and 20. The map area is 1440 − sidebar wide.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const mapBox = await page.locator(".maplibregl-canvas").boundingBox();
    expect(width).toBe(Math.round(mapBox?.width ?? 0));
    expect(height).toBeGreaterThan(Math.round(mapBox?.height ?? 0) + 100);
    // A real picture, not a blank one: a map with labels compresses to far more than a few kB.
    expect(png.length).toBeGreaterThan(100_000);
    // The map part (below the 64 px title) has the basemap's many colours, and the imported area's
    // blue (#0072b2 at 28 % over the light basemap) at its centre.
    const seen = await page.evaluate(
      async ({ base64, top, height, centre }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d");
        if (!context) return null;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, top, image.width, height).data;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 7) {
          colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        }
        const [r = 0, g = 0, b = 0] = context.getImageData(centre.x, top + centre.y, 1, 1).data;
        return { colours: colours.size, centre: { r, g, b } };
      },
      { base64: png.toString("base64"), top: 64, height: Math.round(mapBox?.height ?? 0), centre },
    );
    expect(seen?.colours).toBeGreaterThan(20);
    expect(seen?.centre.b).toBeGreaterThan((seen?.centre.r ?? 255) + 30);
    await page.goto("about:blank");
    await page.setViewportSize({ width: Math.min(width, 1600), height: Math.min(height, 1400) });
    await page.setContent(
      `<img src="data:image/png;base64,${png.toString("base64")}" style="display:block;max-width:100%">`,
    );
    await page.screenshot({ path: "test-results/screenshots/exchange-map-image.png", fullPage: true });
    expect(app.errors).toEqual([]);
  });
});
