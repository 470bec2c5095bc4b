/**
 * Exchange benchmark (Node; in the app the same code runs in the exchange worker):
 *  - import of a seeded ~50 MB GeoJSON (about 2,100 areas of 1,000 vertices), against the bare
 *    TextDecoder + JSON.parse of the same bytes as a baseline;
 *  - export of a seeded 200-area variant with analyses to every format.
 * Medians over several runs; prints a table and writes bench/results/exchange-latest.json.
 *
 *   npx tsx bench/exchange/exchange.bench.ts [--runs 5] [--import-runs 3] [--mb 50]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature, Polygon, Position } from "geojson";
import type { AreaAnalysis } from "../../src/domain/analysis/analysis-result.ts";
import { createArea } from "../../src/domain/changes/index.ts";
import {
  type ExportInput,
  exportAreasCsv,
  exportDistrictsCsv,
  exportGeoJson,
  exportGeoPackage,
  exportShapefile,
  parseImport,
} from "../../src/domain/exchange/index.ts";
import { asAreaId } from "../../src/domain/model/ids.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option("--runs", 5);
const IMPORT_RUNS = option("--import-runs", 3);
const TARGET_MB = option("--mb", 50);
const SQL_JS = { locateFile: (file: string) => join(root, "node_modules/sql.js/dist", file) };

/** Mulberry32: a small seeded generator, so every run measures the same data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A star-shaped (hence simple) polygon with `n` vertices around a random centre in Dortmund. */
function starPolygon(random: () => number, n: number, radiusM: number): Polygon {
  const lon0 = 7.35 + random() * 0.25;
  const lat0 = 51.42 + random() * 0.16;
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * 2 * Math.PI;
    const d = radiusM * (0.6 + 0.4 * random());
    ring.push([
      Math.round((lon0 + (d * Math.cos(angle)) / (111_320 * Math.cos((lat0 * Math.PI) / 180))) * 1e7) / 1e7,
      Math.round((lat0 + (d * Math.sin(angle)) / 111_320) * 1e7) / 1e7,
    ]);
  }
  ring.push((ring[0] as Position).slice());
  return { type: "Polygon", coordinates: [ring] };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function time(runs: number, task: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

// ------------------------------------------------------------------------------------------ import

const random = seeded(7);
const features: Feature<Polygon>[] = [];
let text = "";
{
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_MB * 1024 * 1024) {
    const feature: Feature<Polygon> = {
      type: "Feature",
      properties: { name: `Gebiet ${features.length + 1}`, kategorie: features.length % 5 },
      geometry: starPolygon(random, 1000, 300 + random() * 1500),
    };
    features.push(feature);
    const json = JSON.stringify(feature);
    parts.push(json);
    bytes += json.length + 1;
  }
  text = `{"type":"FeatureCollection","features":[${parts.join(",")}]}`;
}
const file = new TextEncoder().encode(text);
text = "";
console.log(
  `GeoJSON: ${(file.length / 1024 / 1024).toFixed(1)} MB, ${features.length} areas of 1,000 vertices`,
);

const parseTimes = await time(IMPORT_RUNS, () => JSON.parse(new TextDecoder().decode(file)));
let imported = 0;
const importTimes = await time(IMPORT_RUNS, async () => {
  const result = await parseImport(file, "bench.geojson");
  if (!result.ok) throw new Error(`import failed: ${result.problem.code}`);
  imported = result.features.length;
});
if (imported !== features.length) throw new Error(`imported ${imported} of ${features.length} areas`);

// ------------------------------------------------------------------------------------------ export

const exportRandom = seeded(11);
const areas = Array.from({ length: 200 }, (_, i) =>
  createArea(
    {
      geometry: starPolygon(exportRandom, 20 + Math.floor(exportRandom() * 180), 200 + exportRandom() * 800),
      origin: { kind: "drawn", tool: "polygon" },
      name: `Pilotgebiet ${i + 1} – Ärztehaus „Süd“`,
      fields: ["energie", "mobilitaet"],
      partners: ["DEW21", "TU Dortmund"],
      status: "kandidat",
      notes: "Notiz ".repeat(10),
    },
    "2025-01-01T00:00:00.000Z",
    asAreaId(`area-${i}`),
  ),
);
const analysis = (areaId: string): AreaAnalysis => ({
  areaId,
  areaM2: 1,
  perimeterM: 1,
  city: null,
  levels: (["stadtbezirk", "statistischer-bezirk", "unterbezirk"] as const).map((level, k) => ({
    level,
    shareOfAreaCovered: 1,
    districts: Array.from({ length: 2 + k }, (_, j) => ({
      code: `${k}${j}`,
      name: `Bezirk ${k}${j}`,
      intersectionM2: 1000 * (j + 1),
      shareOfDistrict: 0.01 * (j + 1),
      shareOfArea: 1 / (2 + k),
    })),
  })),
  residents: {
    figures: [
      { method: "area-weighted-grid", residents: 1200, dataYear: 2011 },
      { method: "dasymetric-addresses", residents: 1400, dataYear: 2011, weightsDataYear: 2024 },
    ],
    low: 1200,
    high: 1400,
    cells: [],
    addressesInside: 300,
    unplacedResidents: 0,
  },
  facilities: ["kitas", "schools", "transit-stops", "playgrounds"].map((layerId, j) => ({
    layerId,
    inside: { count: j, byCategory: {}, ids: [] },
    near: [],
  })),
});
const input: ExportInput = {
  plan: { id: "plan", name: "Benchmark" },
  variant: { id: "variant", name: "200 Gebiete" },
  areas: areas.map((area) => ({ area, variantName: "200 Gebiete", analysis: analysis(area.id) })),
  credits: ["© Stadt Dortmund, dl-de/by-2-0"],
  exportedAt: "2025-01-01T00:00:00.000Z",
  appVersion: "bench",
  language: "de",
};
const vertices = areas.reduce((s, a) => s + ((a.geometry as Polygon).coordinates[0]?.length ?? 0), 0);

// First GeoPackage export pays for loading sql.js; it is measured apart.
const sqlJsLoad = await time(1, () => exportGeoPackage(input, { crs: "EPSG:25832", sqlJsConfig: SQL_JS }));
const exportCases: [string, () => unknown][] = [
  ["GeoJSON", () => exportGeoJson(input)],
  ["CSV areas (de)", () => exportAreasCsv(input, "de")],
  ["CSV districts (intl)", () => exportDistrictsCsv(input, "intl")],
  ["GeoPackage 25832", () => exportGeoPackage(input, { crs: "EPSG:25832", sqlJsConfig: SQL_JS })],
  ["GeoPackage 4326", () => exportGeoPackage(input, { crs: "EPSG:4326", sqlJsConfig: SQL_JS })],
  ["Shapefile 25832", () => exportShapefile(input, { crs: "EPSG:25832" })],
  ["Shapefile 4326", () => exportShapefile(input, { crs: "EPSG:4326" })],
];
const exports: { format: string; medianMs: number; bytes: number }[] = [];
for (const [format, run] of exportCases) {
  const result = (await run()) as { bytes: Uint8Array };
  exports.push({ format, medianMs: median(await time(RUNS, run)), bytes: result.bytes.length });
}

// ------------------------------------------------------------------------------------------ report

const rows: [string, string, string][] = [
  [`JSON.parse baseline (${(file.length / 1048576).toFixed(1)} MB)`, median(parseTimes).toFixed(0), "-"],
  [`parseImport GeoJSON (${features.length} areas)`, median(importTimes).toFixed(0), "-"],
  ["first GeoPackage export incl. sql.js load", (sqlJsLoad[0] as number).toFixed(0), "-"],
  ...exports.map(
    (e) =>
      [`export ${e.format} (200 areas)`, e.medianMs.toFixed(1), `${(e.bytes / 1024).toFixed(0)} kB`] as [
        string,
        string,
        string,
      ],
  ),
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${"case".padEnd(width)}  median ms  size`);
for (const [name, ms, size] of rows) console.log(`${name.padEnd(width)}  ${ms.padStart(9)}  ${size}`);

const results = {
  benchmark: "exchange",
  date: new Date().toISOString(),
  node: process.version,
  runs: { export: RUNS, import: IMPORT_RUNS },
  import: {
    bytes: file.length,
    areas: features.length,
    verticesPerArea: 1000,
    jsonParseMedianMs: median(parseTimes),
    parseImportMedianMs: median(importTimes),
    parseImportRunsMs: importTimes,
  },
  export: { areas: 200, vertices, sqlJsFirstExportMs: sqlJsLoad[0], formats: exports },
};
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/exchange-latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nwritten bench/results/exchange-latest.json");
