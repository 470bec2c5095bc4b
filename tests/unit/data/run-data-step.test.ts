import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { FeatureCollection, Point } from "geojson";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DataStepOptions, runDataStep } from "../../../data/build-data.ts";
import type { LayerDefinition } from "../../../data/catalogue.ts";
import { DataStepError } from "../../../data/pipeline/validate.ts";
import {
  CATALOGUE_FORMAT_VERSION,
  type GeneratedCatalogue,
  type ReferenceAreaProperties,
} from "../../../src/domain/model/catalogue.ts";
import { definition, ellipsoidRectKm2, MINI_DATA_DIR } from "./helpers.ts";

const KITAS = "city-facilities/kindergarten.geojson";
/** The city outline is dissolved from the Stadtbezirke file (see data/catalogue.ts). */
const BOUNDARY = definition("city-boundary").source;
const ROUTES = "transit-stops-vrr/routes_by_stop.json";
const ADDRESSES = "addresses/dortmund_adressen_ubz.csv";

const exactly = (n: number) => ({ expectedCount: { min: n, max: n } });

/** City boundary, one city-facility layer and the transit stops, with counts matching the fixtures. */
function minimalDefinitions(): LayerDefinition[] {
  return [
    definition("city-boundary", exactly(2)),
    definition("kitas", exactly(3)),
    definition("transit-stops", exactly(2)),
  ];
}

/** One layer of every transform the data step knows. */
function allKindsDefinitions(): LayerDefinition[] {
  return [
    definition("city-boundary", exactly(2)),
    definition("districts-stadtbezirk", exactly(2)),
    definition("districts-statistischer-bezirk", exactly(3)),
    definition("districts-unterbezirk", exactly(4)),
    definition("population-grid-2022", exactly(3)),
    definition("population-grid", exactly(3)),
    definition("addresses", exactly(8)),
    definition("kitas", exactly(3)),
    definition("schools-nrw", exactly(3)),
    definition("healthcare", exactly(2)),
    definition("transit-stops", exactly(2)),
    definition("bike-sharing", exactly(3)),
    definition("bike-parking", exactly(3)),
    definition("ev-fast-chargers", exactly(2)),
    definition("climate-stations", exactly(2)),
    definition("city-region", exactly(2)),
  ];
}

let work: string;
let dataDir: string;
let outDir: string;
let logged: string[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "pilotkarte-data-step-"));
  dataDir = join(work, "dortmund");
  // The output's parent does not exist yet: the step has to create it.
  outDir = join(work, "public", "generated");
  await cp(MINI_DATA_DIR, dataDir, { recursive: true });
  logged = [];
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function options(changes: Partial<DataStepOptions> = {}): DataStepOptions {
  return { dataDir, outDir, definitions: minimalDefinitions(), log: (m) => logged.push(m), ...changes };
}

async function readJson<T = FeatureCollection>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

/** Runs the step, expecting it to fail with a DataStepError, and returns that error. */
async function failure(opts: DataStepOptions): Promise<DataStepError> {
  try {
    await runDataStep(opts);
  } catch (error) {
    if (error instanceof DataStepError) return error;
    throw error;
  }
  return expect.fail("runDataStep succeeded, expected a DataStepError");
}

/** Everything in the output folder, path → content, to compare before and after a failed run. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path, (await readFile(path)).toString("base64"));
  }
  return files;
}

/** Leftover temporary build folders beside the output folder. */
async function leftovers(): Promise<string[]> {
  if (!existsSync(dirname(outDir))) return [];
  return (await readdir(dirname(outDir))).filter((name) => name.includes(".tmp-"));
}

describe("runDataStep", () => {
  it("writes catalogue.json and each layer's file when every source passes", async () => {
    const definitions = minimalDefinitions();
    const result = await runDataStep(options({ definitions }));
    expect(result.skipped).toBe(false);
    const { catalogue } = result;

    const onDisk = await readJson<GeneratedCatalogue>(join(outDir, "catalogue.json"));
    expect(onDisk).toEqual(catalogue);
    expect(catalogue.formatVersion).toBe(CATALOGUE_FORMAT_VERSION);
    // The folder's name only: no local path in a file the app serves.
    expect(catalogue.sourceFolder).toBe(basename(dataDir));
    expect(catalogue.entries.map((e) => [e.id, e.featureCount, e.url])).toEqual([
      ["city-boundary", 1, "generated/city-boundary.geojson"],
      ["kitas", 3, "generated/kitas.geojson"],
      ["transit-stops", 2, "generated/transit-stops.geojson"],
    ]);

    catalogue.entries.forEach((entry, i) => {
      const d = definitions[i] as LayerDefinition;
      expect(entry.licence).toEqual(d.licence);
      expect(entry.licence.url).toMatch(/^https:\/\//);
      expect(entry.credit).toBe(d.credit);
      expect(entry.credit.length).toBeGreaterThan(0);
      expect(entry).toMatchObject({
        kind: d.kind,
        title: d.title,
        publisher: d.publisher,
        dataDate: d.dataDate,
      });
    });
    const [boundary, kitas, stops] = catalogue.entries;
    expect(boundary?.sourceFiles).toEqual([BOUNDARY]);
    expect(kitas?.licence).toMatchObject({ id: "dl-de/zero-2-0", unverified: true });
    expect(kitas?.sourceFiles).toEqual([KITAS]);
    expect(kitas?.bbox).toEqual([7.405123, 51.505123, 7.46, 51.51]);
    expect(stops?.licence).toMatchObject({ id: "CC-BY-4.0", unverified: true });
    expect(stops?.credit).toBe("Datenquelle: Verkehrsverbund Rhein-Ruhr (VRR)");
    expect(stops?.sourceFiles).toEqual(["transit-stops-vrr/dortmund_stops_vrr.geojson", ROUTES]);

    // The outline of the two synthetic Stadtbezirke.
    expect(catalogue.summary.cityAreaKm2).toBeCloseTo(ellipsoidRectKm2(7.4, 51.5, 7.48, 51.52), 3);

    const servedKitas = await readJson(join(outDir, "kitas.geojson"));
    expect(servedKitas.features.map((f) => [f.id, f.properties?.name, f.properties?.category])).toEqual([
      [1, "Kita Sonnenschein", "Kindertageseinrichtung"],
      [2, "Kita Regenbogen – Familienzentrum", "Kindertageseinrichtung"],
      [3, "Kita Hafenkinder", "Kindertageseinrichtung"],
    ]);
    const servedStops = await readJson(join(outDir, "transit-stops.geojson"));
    expect(servedStops.features[0]?.properties?.directions).toBe(
      "440 → DO Hbf / DO Aplerbeck; NE40 → DO Hörde",
    );
    const servedBoundary = await readJson(join(outDir, "city-boundary.geojson"));
    expect(servedBoundary.features[0]?.properties?.name).toBe("Dortmund");

    expect(existsSync(join(outDir, "stamp.txt"))).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it("builds every kind of layer, with residents, labels and address tiles, from the synthetic folder", async () => {
    const { catalogue } = await runDataStep(options({ definitions: allKindsDefinitions() }));
    expect(catalogue.entries.map((e) => e.id)).toEqual(allKindsDefinitions().map((d) => d.id));
    // Zensus 2022 is the current figure (cells A and B: 1200 + 500); 2011 stays for comparison.
    expect(catalogue.summary.residentsGridInCity).toBe(1700);
    expect(catalogue.summary.residentsByCensus).toEqual({ "2011": 1400, "2022": 1700 });
    expect(catalogue.summary.addressCount).toBe(8);

    const byId = new Map(catalogue.entries.map((e) => [e.id, e]));
    expect(byId.get("schools-nrw")?.featureCount).toBe(1);
    expect(byId.get("addresses")).toMatchObject({
      url: "generated/tiles/{z}/{x}/{y}.pbf",
      featureCount: 8,
      kind: "basemap-points",
    });
    const ubz = byId.get("districts-unterbezirk");
    expect(ubz).toMatchObject({
      level: "unterbezirk",
      labelsUrl: "generated/districts-unterbezirk-labels.geojson",
    });

    const stadtbezirke = await readJson(join(outDir, "districts-stadtbezirk.geojson"));
    expect(
      stadtbezirke.features.map((f) => {
        const p = f.properties as ReferenceAreaProperties;
        return [p.code, p.name, p.residents2011, p.residents2022, p.under15_2022, p.age65plus_2022];
      }),
    ).toEqual([
      ["1", "Innenstadt-West", 1000, 1200, 180, 240],
      ["2", "Innenstadt-Nord", 400, 500, 100, 50],
    ]);
    const unterbezirke = await readJson(join(outDir, "districts-unterbezirk.geojson"));
    expect(
      unterbezirke.features.map((f) => {
        const p = f.properties as ReferenceAreaProperties;
        return [p.code, p.residents2022, p.under15_2022, p.age65plus_2022];
      }),
    ).toEqual([
      ["001", 300, 45, 60],
      ["002", 300, 45, 60],
      ["011", 600, 90, 120],
      ["101", 500, 100, 50],
    ]);
    const labels = await readJson<FeatureCollection<Point>>(
      join(outDir, "districts-unterbezirk-labels.geojson"),
    );
    expect(labels.features).toHaveLength(4);

    const tiles = await readdir(join(outDir, "tiles"), { recursive: true });
    const pbfs = tiles.filter((t) => t.endsWith(".pbf"));
    expect(pbfs.length).toBeGreaterThanOrEqual(5);
    expect(pbfs.every((t) => /^\d+[/\\]\d+[/\\]\d+\.pbf$/.test(t))).toBe(true);

    const grid = await readJson(join(outDir, "population-grid.geojson"));
    expect(grid.features.map((f) => f.properties?.residents)).toEqual([1000, 400, null]);
    const grid2022 = await readJson(join(outDir, "population-grid-2022.geojson"));
    expect(grid2022.features.map((f) => f.properties?.residents)).toEqual([1200, 500, 60]);
    expect(byId.get("population-grid-2022")?.censusYear).toBe(2022);
    expect(byId.get("population-grid")?.censusYear).toBe(2011);

    // Bike points: only those inside the city; the register totals become a caveat of the chargers.
    expect(byId.get("bike-sharing")?.featureCount).toBe(1);
    expect(byId.get("bike-parking")?.featureCount).toBe(1);
    expect(byId.get("climate-stations")?.featureCount).toBe(2);
    const chargers = byId.get("ev-fast-chargers");
    expect(chargers?.featureCount).toBe(2);
    expect(chargers?.sourceFiles).toEqual([
      "ev-charging-fast-2026/dortmund_fast_chargers_bnetza_2026-01.geojson",
      "ev-charging-reference/bnetza_aggregate_dortmund_2026-04.json",
    ]);
    expect(chargers?.caveats.at(-1)?.de).toContain("normale AC-Ladepunkte fehlen");
    expect(chargers?.caveats.at(-1)?.de).toContain(
      "(Stand 18.04.2026): 12 Ladeeinrichtungen mit 20 Ladepunkten",
    );
  });

  it("reuses the previous output when nothing changed", async () => {
    const first = await runDataStep(options());
    const second = await runDataStep(options());
    expect(second.skipped).toBe(true);
    expect(second.catalogue).toEqual(first.catalogue);
    expect(logged.some((m) => m.includes("data unchanged"))).toBe(true);
  });

  it("rebuilds with force: true even when nothing changed", async () => {
    await runDataStep(options());
    await rm(join(outDir, "kitas.geojson"));
    const forced = await runDataStep(options({ force: true }));
    expect(forced.skipped).toBe(false);
    expect(existsSync(join(outDir, "kitas.geojson"))).toBe(true);
  });

  it("rebuilds when a source file changed", async () => {
    const definitions = [
      definition("city-boundary", exactly(2)),
      definition("kitas", { expectedCount: { min: 2, max: 3 } }),
    ];
    await runDataStep(options({ definitions }));
    const kitas = await readJson(join(dataDir, KITAS));
    kitas.features.pop();
    await writeFile(join(dataDir, KITAS), JSON.stringify(kitas));
    const second = await runDataStep(options({ definitions }));
    expect(second.skipped).toBe(false);
    expect(second.catalogue.entries[1]?.featureCount).toBe(2);
  });

  it("rebuilds when the definitions passed in changed, instead of serving a stale catalogue", async () => {
    await runDataStep(options());
    const changed = minimalDefinitions();
    (changed[1] as LayerDefinition).credit = "Datenquelle: Test";
    const second = await runDataStep(options({ definitions: changed }));
    expect(second.skipped).toBe(false);
    expect(second.catalogue.entries[1]?.credit).toBe("Datenquelle: Test");
  });

  it("names a missing source file and leaves the previous output untouched", async () => {
    await runDataStep(options());
    const before = await snapshot(outDir);
    await rm(join(dataDir, KITAS));

    const error = await failure(options());
    const missingPath = join(dataDir, KITAS);
    expect(error.file).toContain(missingPath);
    expect(error.message).toContain(`${missingPath}: file is missing`);
    expect(error.message).not.toContain(BOUNDARY);

    expect(await snapshot(outDir)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it("names a missing routes_by_stop.json when transit stops are built", async () => {
    await rm(join(dataDir, ROUTES));
    const error = await failure(options());
    expect(error.message).toContain(`${join(dataDir, ROUTES)}: file is missing`);
    expect(existsSync(outDir)).toBe(false);
  });

  it("names a source that is not valid JSON and writes nothing", async () => {
    await writeFile(join(dataDir, KITAS), '{ "type": "FeatureCollection", "features": [');
    const error = await failure(options());
    expect(error.message).toContain(`${join(dataDir, KITAS)}: is not valid JSON`);
    expect(existsSync(outDir)).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it("names a source with a coordinate outside Dortmund, the feature and the problem, and writes nothing", async () => {
    const kitas = await readJson(join(dataDir, KITAS));
    const second = kitas.features[1]?.geometry as Point;
    second.coordinates = [51.51, 7.43];
    await writeFile(join(dataDir, KITAS), JSON.stringify(kitas));

    const error = await failure(options());
    expect(error.message).toContain(`${join(dataDir, KITAS)}: has coordinates outside the Dortmund area`);
    expect(error.message).toContain("feature #2 at [51.51, 7.43]");
    expect(existsSync(outDir)).toBe(false);
  });

  it("keeps the previous output when a source turns broken", async () => {
    await runDataStep(options());
    const before = await snapshot(outDir);
    await writeFile(join(dataDir, BOUNDARY), JSON.stringify({ type: "FeatureCollection", features: [] }));
    const error = await failure(options());
    expect(error.message).toContain(`${join(dataDir, BOUNDARY)}: has 0 features, expected 2`);
    expect(await snapshot(outDir)).toEqual(before);
  });

  it("refuses a routes file that is not an object of stop ids", async () => {
    await writeFile(join(dataDir, ROUTES), "[]");
    const error = await failure(options());
    expect(error.message).toContain(`${join(dataDir, ROUTES)}: is not an object of stop id → routes`);
  });

  it("names the line of a broken address CSV", async () => {
    const csv = await readFile(join(dataDir, ADDRESSES), "utf8");
    const lines = csv.split("\n");
    lines[2] = "AM HOMBRUCHSFELD,10001,3"; // line 3 of the file
    await writeFile(join(dataDir, ADDRESSES), lines.join("\n"));
    const error = await failure(options({ definitions: [definition("addresses", exactly(8))] }));
    expect(error.message).toContain(
      `${join(dataDir, ADDRESSES)}: has 1 lines with a wrong number of columns`,
    );
    expect(error.message).toContain("line 3");
  });

  it("reports every broken source at once, one per line", async () => {
    await rm(join(dataDir, BOUNDARY));
    await writeFile(join(dataDir, KITAS), "not json");
    const error = await failure(options());
    expect(error.file).toBe(`${join(dataDir, BOUNDARY)}, ${join(dataDir, KITAS)}`);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`${join(dataDir, BOUNDARY)}: file is missing`);
    expect(lines[1]).toContain(`${join(dataDir, KITAS)}: is not valid JSON`);
  });

  it("throws naming the data folder when it does not exist", async () => {
    const missing = join(work, "no-such-folder");
    const error = await failure(options({ dataDir: missing }));
    expect(error.file).toBe(missing);
    expect(error.message).toContain(`${missing}: data folder is missing`);
    expect(existsSync(outDir)).toBe(false);
  });
});
