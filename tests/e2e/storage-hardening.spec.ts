/**
 * Issue 15: what storage, backups, tabs and share links must survive. Each test reproduces a finding
 * of the review (they fail on the code before the fix): the quota rescue backup, an old trashed plan
 * in a backup, malformed backups and stored plans, trashing from a read-only tab, the comb share link,
 * and the smaller messages (blocked upgrade, memory-only mode, read-only "Übernehmen").
 */
import type { Download, Page } from "@playwright/test";
import { combLinkFragment } from "../fixtures/share/comb-link.ts";
import { areaNames, drawRectangleAround, expect, test, waitForMap } from "./fixtures.ts";

const openPlanId = (page: Page) => page.evaluate(() => window.__pilotkarte?.documentStore.getState().plan.id);

async function jsonOf(download: Download): Promise<BackupJson> {
  const chunks = await (await download.createReadStream()).toArray();
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

interface BackupJson {
  format: string;
  plans: { plan: PlanJson; deletedAt?: string }[];
  snapshots: unknown[];
  [key: string]: unknown;
}
interface PlanJson {
  id: string;
  name: string;
  variantOrder: string[];
  variants: Record<
    string,
    { areaOrder: string[]; areas: Record<string, { geometry: { coordinates: unknown } }> }
  >;
}

const areaCount = (plan: PlanJson) =>
  plan.variantOrder.reduce((sum, id) => sum + (plan.variants[id]?.areaOrder.length ?? 0), 0);

async function openPlans(page: Page) {
  await page.getByRole("button", { name: "Pläne", exact: true }).click();
  await expect(page.getByTestId("plans-dialog")).toBeVisible();
}

async function downloadBackupFromPlans(page: Page): Promise<BackupJson> {
  if (!(await page.getByTestId("plans-dialog").isVisible())) await openPlans(page);
  const download = page.waitForEvent("download");
  await page.getByTestId("plans-dialog").getByRole("button", { name: "Sicherung herunterladen" }).click();
  return jsonOf(await download);
}

async function readBackup(page: Page, backup: BackupJson) {
  await page.getByTestId("backup-file").setInputFiles({
    name: "sicherung.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(backup)),
  });
}

/** A GeoJSON of `count` star-shaped areas of `vertices` vertices, side by side in the city centre. */
function starAreas(count: number, vertices: number): Buffer {
  const features = Array.from({ length: count }, (_, i) => {
    const lon = 7.4 + (i % 10) * 0.012;
    const lat = 51.49 + Math.floor(i / 10) * 0.008;
    const ring = Array.from({ length: vertices }, (_, k) => {
      const angle = (k / vertices) * 2 * Math.PI;
      const r = k % 2 === 0 ? 0.004 : 0.003;
      return [lon + Math.cos(angle) * r, lat + Math.sin(angle) * r * 0.62];
    });
    ring.push([...(ring[0] as number[])]);
    return {
      type: "Feature",
      properties: { name: `Stern ${i + 1}` },
      geometry: { type: "Polygon", coordinates: [ring] },
    };
  });
  return Buffer.from(JSON.stringify({ type: "FeatureCollection", features }));
}

test.describe("Issue 15: storage that does not lose or lock up work", () => {
  test("with the storage quota full, the backup the banner offers holds every area in memory (62 of 62)", async ({
    app,
    page,
  }) => {
    // 600 KB for the whole origin, before the app starts (a static file of the origin, not the app).
    await page.goto("/generated/catalogue.json");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", {
      origin: new URL(page.url()).origin,
      quotaSize: 600 * 1024,
    });
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await drawRectangleAround(page, 7.49, 51.51);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1", "Gebiet 2"]);
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

    await page.locator("header.app-header").getByRole("button", { name: "Importieren", exact: true }).click();
    await page.getByTestId("import-file").setInputFiles({
      name: "sechzig.geojson",
      mimeType: "application/geo+json",
      buffer: starAreas(60, 400),
    });
    await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("import-confirm").click();
    await expect(page.getByTestId("import-dialog")).toBeHidden({ timeout: 60_000 });
    await expect.poll(async () => (await areaNames(page)).length, { timeout: 30_000 }).toBe(62);

    // The storage is full: the banner says so and offers the backup.
    const banner = page.getByTestId("storage-banner");
    await expect(banner).toContainText("Der Speicher des Browsers ist voll", { timeout: 30_000 });
    const download = page.waitForEvent("download");
    await banner.getByRole("button", { name: "Sicherung herunterladen" }).click();
    const backup = await jsonOf(await download);

    expect(backup.plans).toHaveLength(1);
    expect(areaCount(backup.plans[0]?.plan as PlanJson)).toBe(62);
  });

  test("restoring a backup of a plan that was in the trash long ago never purges it, and keeps the safety snapshot", async ({
    app,
    page,
  }) => {
    page.on("dialog", (dialog) => void dialog.accept());
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const planId = await openPlanId(page);
    const backup = await downloadBackupFromPlans(page);
    // The plan was in the trash when the backup was made, a year ago.
    const entry = backup.plans.find((p) => p.plan.id === planId);
    if (!entry) throw new Error("the open plan is not in the backup");
    entry.deletedAt = "2025-01-01T00:00:00.000Z";

    await readBackup(page, backup);
    const preview = page.getByTestId("backup-preview");
    // Said before anything is written (soft: the checks after the restart are the point of this test).
    await expect.soft(preview).toContainText("lag in der Sicherung im Papierkorb");
    await preview.getByRole("combobox").selectOption("replace");
    await preview.getByRole("button", { name: "Einlesen" }).click();
    await expect(preview).toBeHidden();

    // The next start purges the trash: the plan, its areas and its history must still be there.
    await page.reload();
    await waitForMap(page);
    expect(await openPlanId(page)).toBe(planId);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await page.getByRole("button", { name: "Verlauf" }).click();
    await expect(page.getByTestId("history-dialog")).toContainText("Sicherung einlesen");
    expect(app.errors).toEqual([]);
  });

  test("a backup with a malformed area is refused with what is wrong and where, and the app still starts", async ({
    app,
    page,
  }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const backup = await downloadBackupFromPlans(page);
    const good = backup.plans[0]?.plan as PlanJson;
    // A second plan whose area has `"coordinates": []` (it locked the app at every start), and a third
    // with coordinates as text (the tab froze at every start).
    const broken = structuredClone(good);
    broken.id = "kaputt-leer";
    broken.name = "Leerer Ring";
    const variant = Object.values(broken.variants)[0];
    const area = variant ? Object.values(variant.areas)[0] : undefined;
    if (!area) throw new Error("no area in the backup");
    area.geometry.coordinates = [];
    backup.plans.push({ plan: broken });

    await readBackup(page, backup);
    const dialog = page.getByTestId("plans-dialog");
    await expect(dialog.getByRole("alert")).toContainText(
      "Plan Nr. 2 „Leerer Ring“ in der Sicherung ist beschädigt",
    );
    await expect(dialog.getByRole("alert")).toContainText("ein Polygon hat keinen Ring");
    await expect(page.getByTestId("backup-preview")).toHaveCount(0);

    const textual = structuredClone(good);
    textual.id = "kaputt-text";
    const textArea = Object.values(Object.values(textual.variants)[0]?.areas ?? {})[0];
    if (!textArea) throw new Error("no area");
    textArea.geometry.coordinates = (textArea.geometry.coordinates as number[][][]).map((ring) =>
      ring.map((position) => position.map(String)),
    );
    backup.plans[1] = { plan: textual };
    await readBackup(page, backup);
    await expect(dialog.getByRole("alert")).toContainText("eine Zahl fehlt oder ist keine Zahl");

    // Nothing was imported; the app starts as before.
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    await openPlans(page);
    await expect(dialog.locator("tbody").first().locator("tr")).toHaveCount(1);
    expect(app.errors).toEqual([]);
  });

  test("a damaged plan in storage does not lock the app: the others open, it is listed as damaged and can be exported", async ({
    app,
    page,
  }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const goodId = (await openPlanId(page)) as string;
    // Another plan, stored with an empty ring (as another app version or a bug could leave it) and
    // opened last: the next start tries it first.
    await page.evaluate(async (planId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("pilotkarte");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(["plans", "variants", "areas", "settings"], "readwrite");
      const get = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve) => {
          request.onsuccess = () => resolve(request.result);
        });
      const row = await get(tx.objectStore("plans").get(planId));
      const variants = await get(tx.objectStore("variants").index("planId").getAll(planId));
      const areas = await get(tx.objectStore("areas").index("planId").getAll(planId));
      tx.objectStore("plans").put({ ...row, id: "damaged", name: "Beschädigter Plan" });
      for (const v of variants) tx.objectStore("variants").put({ ...v, planId: "damaged" });
      for (const a of areas)
        tx.objectStore("areas").put({
          ...a,
          planId: "damaged",
          area: { ...a.area, geometry: { type: "Polygon", coordinates: [] } },
        });
      tx.objectStore("settings").put({ key: "lastPlanId", value: "damaged" });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
    }, goodId);

    await page.reload();
    await waitForMap(page);
    expect(await openPlanId(page)).toBe(goodId);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const notice = page.getByTestId("damaged-notice");
    await expect(notice).toContainText("Der gespeicherte Plan „Beschädigter Plan“ ist beschädigt");
    await notice.getByRole("button", { name: "Pläne zeigen" }).click();
    await expect(page.getByTestId("plans-dialog")).toBeVisible();
    const damaged = page.getByTestId("plans-damaged");
    await expect(damaged).toContainText("Beschädigter Plan");
    await expect(damaged).toContainText("ein Polygon hat keinen Ring");
    const download = page.waitForEvent("download");
    await damaged.getByRole("button", { name: "Rohdaten herunterladen" }).click();
    const raw = JSON.parse(
      Buffer.concat(await (await (await download).createReadStream()).toArray()).toString(),
    );
    expect(raw.document.id).toBe("damaged");
    // The whole backup still works, and keeps the damaged plan as it is stored.
    const backup = await downloadBackupFromPlans(page);
    expect(backup.plans.map((p) => p.plan.id)).toEqual([goodId]);
    expect((backup.damaged as { id: string }[]).map((d) => d.id)).toEqual(["damaged"]);
    expect(app.errors).toEqual([]);
  });
});

test.describe("Issue 15: two tabs", () => {
  test("a read-only tab cannot move the plan another tab edits to the trash", async ({
    app,
    page,
    context,
  }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const second = await context.newPage();
    second.on("dialog", (dialog) => void dialog.accept());
    await second.goto("/?e2e");
    await waitForMap(second);
    await expect(second.getByTestId("save-status")).toHaveAttribute("data-state", "read-only");

    await openPlans(second);
    const plans = second.getByTestId("plans-dialog");
    await plans.locator("tbody").first().getByRole("button", { name: "In den Papierkorb" }).click();
    await expect(second.getByTestId("plans-error")).toContainText(
      "wird gerade in einem anderen Tab bearbeitet",
    );
    await expect(plans.locator("tbody").first().locator("tr")).toHaveCount(1);
    await expect(plans).toContainText("Der Papierkorb ist leer");

    // The editing tab goes on as before, with nothing to report.
    await drawRectangleAround(page, 7.49, 51.51);
    await expect.poll(() => areaNames(second)).toEqual(["Gebiet 1", "Gebiet 2"]);
    await expect(page.getByTestId("trashed-elsewhere")).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });

  test("a tab without Web Locks that trashes the plan tells the editing tab at once, which can restore it", async ({
    app,
    page,
    context,
  }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const second = await context.newPage();
    second.on("dialog", (dialog) => void dialog.accept());
    // A browser without Web Locks cannot tell who edits: the refusal cannot apply, the message must.
    await second.addInitScript(() => {
      Object.defineProperty(navigator, "locks", { value: undefined, configurable: true });
    });
    await second.goto("/?e2e");
    await waitForMap(second);
    await openPlans(second);
    await second
      .getByTestId("plans-dialog")
      .locator("tbody")
      .first()
      .getByRole("button", { name: "In den Papierkorb" })
      .click();

    const told = page.getByTestId("trashed-elsewhere");
    await expect(told).toContainText("in einem anderen Tab in den Papierkorb gelegt");
    await told.getByRole("button", { name: "Wiederherstellen" }).click();
    await expect(told).toHaveCount(0);
    await openPlans(page);
    await expect(page.getByTestId("plans-dialog")).toContainText("Der Papierkorb ist leer");
  });

  test("in a read-only tab the area form cannot be applied, and nothing throws", async ({
    app,
    page,
    context,
  }) => {
    await app.open();
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const second = await context.newPage();
    const errors: string[] = [];
    second.on("pageerror", (error) => errors.push(error.message));
    await second.goto("/?e2e");
    await waitForMap(second);
    await expect(second.getByTestId("save-status")).toHaveAttribute("data-state", "read-only");
    await second
      .getByTestId("area-list")
      .getByRole("button", { name: /Gebiet 1/ })
      .click();
    const panel = second.getByTestId("area-panel");
    await expect(panel.getByTestId("area-read-only")).toBeVisible();
    await expect(panel.getByLabel("Name")).toBeDisabled();
    await expect(panel.getByRole("button", { name: "Übernehmen" })).toBeDisabled();
    await expect(panel.getByRole("button", { name: "Löschen" })).toBeDisabled();
    expect(errors).toEqual([]);
  });
});

test.describe("Issue 15: share links and the smaller messages", () => {
  test("the comb link (20,000 self-crossing vertices) is refused before any repair, and the page answers while a link is read", async ({
    app,
    page,
  }) => {
    await app.open();
    // The 20,000-vertex comb is refused before any repair, in a worker (the page never freezes). How fast
    // is a budget for the benchmark, not for this test (no timed assertions): the code says which check.
    await page.evaluate((fragment) => {
      window.location.hash = fragment;
    }, combLinkFragment(20_000));
    const problem = page.getByTestId("share-problem");
    await expect(problem).toHaveAttribute("data-code", "too-complex");
    await expect(problem).toContainText("20.001 Stützpunkte");

    // A 1,000-vertex comb is repaired in the worker: the page answers a click while (or right after) it
    // is read, whichever comes first on this machine; the outcome then speaks the language chosen.
    await page.evaluate((fragment) => {
      window.location.hash = fragment;
    }, combLinkFragment(1_000));
    const outcome = page.getByTestId("shared-area").or(page.getByTestId("share-problem"));
    await expect(page.getByTestId("share-reading").or(outcome).first()).toBeVisible();
    await page.locator(".language-switch").getByRole("button", { name: /^EN/ }).click();
    await expect(page.locator(".language-switch").getByRole("button", { name: /^EN/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(outcome.first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("shared-view")).toContainText(/Shared variant|This link cannot be opened/);
  });

  test("a link longer than any the app writes says so, not that it was changed on the way", async ({
    page,
  }) => {
    await page.goto(`/?e2e#pk1.${"A".repeat(70_000)}`);
    const problem = page.getByTestId("share-problem");
    await expect(problem).toHaveAttribute("data-code", "too-long");
    await expect(problem).toContainText("Der Link ist zu lang");
    await expect(problem).not.toContainText("unterwegs verändert");
  });

  test("a backup from a newer version says so in one language", async ({ app, page }) => {
    await app.open();
    const backup = await downloadBackupFromPlans(page);
    (backup.plans[0]?.plan as unknown as { schemaVersion: number }).schemaVersion = 99;
    await readBackup(page, backup);
    const alert = page.getByTestId("plans-dialog").getByRole("alert");
    await expect(alert).toHaveText(
      "Die Sicherung stammt aus einer neueren Pilotkarte-Version. Bitte zuerst Pilotkarte aktualisieren (neu laden). Es wurde nichts eingelesen.",
    );
  });

  test("memory-only mode says that nothing is retried, and asks before the tab closes", async ({
    app,
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
    await app.open();
    const banner = page.getByTestId("storage-banner");
    await expect(banner).toContainText("kein weiterer Versuch");
    await expect(banner).not.toContainText("erneut versucht");
    await drawRectangleAround(page, 7.47, 51.5);
    await expect.poll(() => areaNames(page)).toEqual(["Gebiet 1"]);
    const asked = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
  });

  test("a database upgrade blocked by an older tab explains itself, and goes on once that tab closes", async ({
    app,
    page,
    context,
  }) => {
    // An "old tab": the database at an older version, held open without giving way to an upgrade.
    const old = await context.newPage();
    await old.goto("/generated/catalogue.json");
    await old.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("pilotkarte", 10);
        request.onupgradeneeded = () => {
          const created = request.result;
          const plans = created.createObjectStore("plans", { keyPath: "id" });
          plans.createIndex("updatedAt", "updatedAt");
          plans.createIndex("deletedAt", "deletedAt");
          const variants = created.createObjectStore("variants", { keyPath: ["planId", "id"] });
          variants.createIndex("planId", "planId");
          const areas = created.createObjectStore("areas", { keyPath: ["planId", "variantId", "id"] });
          areas.createIndex("planId", "planId");
          areas.createIndex("[planId+variantId]", ["planId", "variantId"]);
          const snapshots = created.createObjectStore("snapshots", { keyPath: "id" });
          snapshots.createIndex("planId", "planId");
          snapshots.createIndex("[planId+createdAt]", ["planId", "createdAt"]);
          created.createObjectStore("settings", { keyPath: "key" });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      (window as unknown as { oldDb: IDBDatabase }).oldDb = db;
    });

    await page.goto("/?e2e");
    await expect(page.getByTestId("storage-open-blocked")).toContainText(
      "Bitte alle anderen Pilotkarte-Tabs schließen",
    );
    await old.evaluate(() => (window as unknown as { oldDb: IDBDatabase }).oldDb.close());
    await app.waitForIdle();
    await expect(page.getByTestId("storage-open-blocked")).toHaveCount(0);
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  });
});
