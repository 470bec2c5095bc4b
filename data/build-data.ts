/**
 * The data step (`npm run data`): reads the raw open data for Dortmund, checks every layer against
 * data/catalogue.ts, and writes what the app serves plus `catalogue.json` into an ignored folder.
 *
 * - Input folder: $PILOTKARTE_DATA_DIR, default ../shared/data/dortmund beside the repository.
 * - Output folder: $PILOTKARTE_OUT_DIR, default public/generated.
 * - Nothing is written unless every layer passes: output is built in a temporary folder and swapped
 *   in at the end, so the app never starts on half-loaded data.
 * - When the inputs and the step's own code are unchanged, the step reuses the previous output.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection, Point } from "geojson";
import {
  type AddressPointsSummary,
  CATALOGUE_FORMAT_VERSION,
  type CatalogueEntry,
  type GeneratedCatalogue,
  type ReferenceLevel,
} from "../src/domain/model/catalogue.ts";
import { LAYER_DEFINITIONS, type LayerDefinition } from "./catalogue.ts";
import { ADDRESS_POINTS_FILE, buildAddressPoints } from "./pipeline/address-points.ts";
import { buildAddressTiles, parseAddressCsv, streetLabels } from "./pipeline/addresses.ts";
import { BASEMAP_FILES, buildOsmBasemap } from "./pipeline/basemap-osm.ts";
import { checkServedLayers } from "./pipeline/check-served.ts";
import {
  readRegisterTotals,
  registerTotalsCaveat,
  transformBikePoints,
  transformCensus2022Grid,
  transformClimateStations,
  transformFastChargers,
} from "./pipeline/layers-2026.ts";
import { roundAreasKeepingValid } from "./pipeline/round-areas.ts";
import {
  type ReferenceLevels,
  stadtbezirkCodesFrom,
  transformBoundary,
  transformBoundaryFromDistricts,
  transformCityFacility,
  transformCityRegion,
  transformHealthcare,
  transformPopulationGrid,
  transformReferenceAreas,
  transformSchoolsNrw,
  transformTransitStops,
} from "./pipeline/transforms.ts";
import { bboxOf, DataStepError, validateLayer } from "./pipeline/validate.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");

export const DEFAULT_DATA_DIR = resolve(repoRoot, "..", "shared", "data", "dortmund");
export const DEFAULT_OUT_DIR = resolve(repoRoot, "public", "generated");
/** URL prefix under which the app fetches the generated files (relative to the app's base). */
const URL_PREFIX = "generated";
const TRANSIT_ROUTES_FILE = "transit-stops-vrr/routes_by_stop.json";

export interface DataStepOptions {
  dataDir: string;
  outDir: string;
  /** Rebuild even if the inputs are unchanged. */
  force?: boolean;
  /** Only these layer definitions (tests use a subset); default: all. */
  definitions?: LayerDefinition[];
  log?: (message: string) => void;
}

export interface DataStepResult {
  skipped: boolean;
  catalogue: GeneratedCatalogue;
}

async function readSource(dataDir: string, file: string): Promise<string> {
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    throw new DataStepError(path, "file is missing (is the data folder right? set PILOTKARTE_DATA_DIR)");
  }
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new DataStepError(path, `cannot be read: ${(error as Error).message}`);
  }
}

async function readJson(dataDir: string, file: string): Promise<unknown> {
  const raw = await readSource(dataDir, file);
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new DataStepError(join(dataDir, file), `is not valid JSON: ${(error as Error).message}`);
  }
}

/** A fingerprint of everything the output depends on: definitions, sources (size + mtime), this step's code. */
async function fingerprint(dataDir: string, definitions: LayerDefinition[]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`format ${CATALOGUE_FORMAT_VERSION}\n${dataDir}\n`);
  // The definitions themselves: a caller may pass its own (tests do), which the code files below miss.
  hash.update(`${JSON.stringify(definitions)}\n`);
  const files = [
    ...new Set([
      ...definitions.flatMap((d) => [
        d.source,
        ...(d.supplement ? [d.supplement] : []),
        ...(d.extraSources ?? []),
      ]),
      TRANSIT_ROUTES_FILE,
    ]),
  ].sort();
  for (const file of files) {
    const path = join(dataDir, file);
    if (!existsSync(path)) {
      hash.update(`${file} missing\n`);
      continue;
    }
    const s = await stat(path);
    hash.update(`${file} ${s.size} ${s.mtimeMs}\n`);
  }
  const codeFiles = [
    join(here, "catalogue.ts"),
    join(here, "build-data.ts"),
    ...(await readdir(join(here, "pipeline"))).map((f) => join(here, "pipeline", f)),
    join(repoRoot, "src", "domain", "model", "catalogue.ts"),
    join(repoRoot, "src", "domain", "analysis", "address-points-format.ts"),
    // The validity check that rounding must pass (pipeline/round-areas.ts).
    ...(await readdir(join(repoRoot, "src", "domain", "geometry"))).map((f) =>
      join(repoRoot, "src", "domain", "geometry", f),
    ),
  ];
  for (const file of codeFiles.sort()) hash.update(await readFile(file));
  return hash.digest("hex");
}

function entryFor(
  definition: LayerDefinition,
  url: string,
  served: FeatureCollection,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry {
  return {
    id: definition.id,
    title: definition.title,
    kind: definition.kind,
    ...(definition.fields ? { fields: definition.fields } : {}),
    ...(definition.level ? { level: definition.level } : {}),
    publisher: definition.publisher,
    licence: definition.licence,
    credit: definition.credit,
    dataDate: definition.dataDate,
    caveats: definition.caveats,
    ...(definition.colour ? { colour: definition.colour } : {}),
    ...(definition.cluster ? { cluster: true } : {}),
    ...(definition.popupFields ? { popupFields: definition.popupFields } : {}),
    url,
    featureCount: served.features.length,
    bbox: bboxOf(served),
    sourceFiles: [definition.source],
    visibleByDefault: definition.visibleByDefault,
    ...(definition.censusYear ? { censusYear: definition.censusYear } : {}),
    ...extra,
  };
}

/** Whether `outDir` holds the output of this code on these sources (what a run would reuse). */
export async function isOutputCurrent(dataDir: string, outDir: string): Promise<boolean> {
  const stampPath = join(resolve(outDir), "stamp.txt");
  if (!existsSync(stampPath) || !existsSync(join(resolve(outDir), "catalogue.json"))) return false;
  const print = await fingerprint(resolve(dataDir), LAYER_DEFINITIONS);
  return (await readFile(stampPath, "utf8")).trim() === print;
}

/** Runs the data step. Throws {@link DataStepError} naming the file and the problem. */
export async function runDataStep(options: DataStepOptions): Promise<DataStepResult> {
  const log = options.log ?? (() => {});
  const definitions = options.definitions ?? LAYER_DEFINITIONS;
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir);
  if (!existsSync(dataDir)) {
    throw new DataStepError(dataDir, "data folder is missing (set PILOTKARTE_DATA_DIR to the Dortmund data)");
  }
  const print = await fingerprint(dataDir, definitions);
  const stampPath = join(outDir, "stamp.txt");
  const cataloguePath = join(outDir, "catalogue.json");
  if (!options.force && existsSync(stampPath) && existsSync(cataloguePath)) {
    const previous = (await readFile(stampPath, "utf8")).trim();
    if (previous === print) {
      log(
        `Daten unverändert, nutze ${relative(process.cwd(), outDir) || outDir} / data unchanged, reusing output`,
      );
      return { skipped: true, catalogue: JSON.parse(await readFile(cataloguePath, "utf8")) };
    }
  }

  // 1. Read and check every source before anything is written.
  const raw = new Map<string, unknown>();
  let addressCollection: FeatureCollection<Point> | null = null;
  const failures: DataStepError[] = [];
  for (const definition of definitions) {
    const path = join(dataDir, definition.source);
    try {
      let data: unknown;
      if (definition.transform === "addresses") {
        const parsed = parseAddressCsv(await readSource(dataDir, definition.source));
        if (parsed.problems.length > 0) throw new DataStepError(path, parsed.problems.join("; "));
        addressCollection = parsed.collection;
        data = parsed.collection;
      } else {
        data = await readJson(dataDir, definition.source);
      }
      const problems = validateLayer(definition, data);
      if (problems.length > 0) throw new DataStepError(path, problems.join("; "));
      raw.set(definition.id, data);
      log(`  ✓ ${definition.id}: ${(data as FeatureCollection).features.length} features`);
    } catch (error) {
      if (error instanceof DataStepError) failures.push(error);
      else throw error;
    }
  }
  // Second files some transforms read (the register totals beside the fast chargers).
  const supplements = new Map<string, unknown>();
  for (const definition of definitions) {
    if (!definition.supplement) continue;
    try {
      supplements.set(definition.id, await readJson(dataDir, definition.supplement));
    } catch (error) {
      if (error instanceof DataStepError) failures.push(error);
      else throw error;
    }
  }
  let routesByStop: Record<string, never[]> = {};
  if (definitions.some((d) => d.transform === "transit-stops")) {
    try {
      const routes = await readJson(dataDir, TRANSIT_ROUTES_FILE);
      if (typeof routes !== "object" || routes === null || Array.isArray(routes)) {
        throw new DataStepError(join(dataDir, TRANSIT_ROUTES_FILE), "is not an object of stop id → routes");
      }
      routesByStop = routes as Record<string, never[]>;
    } catch (error) {
      if (error instanceof DataStepError) failures.push(error);
      else throw error;
    }
  }
  if (failures.length > 0) {
    const error = new DataStepError(
      failures.map((f) => f.file).join(", "),
      failures.map((f) => f.message).join("\n"),
    );
    error.message = failures.map((f) => f.message).join("\n");
    throw error;
  }

  // 2. Transform into what the app serves. Layers are collected first and written after their areas
  // were rounded together (pipeline/round-areas.ts: valid, shared borders identical across layers).
  const files = new Map<string, string | Uint8Array>();
  const entries: CatalogueEntry[] = [];
  const layers: {
    definition: LayerDefinition;
    url: string;
    collection: FeatureCollection;
    extra: Partial<CatalogueEntry>;
  }[] = [];
  const get = (id: string) => raw.get(id) as FeatureCollection;
  const cityFacilityLayers = definitions.filter((d) => d.transform === "city-facility").map((d) => get(d.id));
  const gridDefinition = definitions.find((d) => d.transform === "population-grid");
  const grid = gridDefinition ? transformPopulationGrid(get(gridDefinition.id)) : null;
  const grid2022Definition = definitions.find((d) => d.transform === "census-grid-2022");
  const grid2022 = grid2022Definition ? transformCensus2022Grid(get(grid2022Definition.id)) : null;
  const residentsByCensus: Record<string, number> = {};
  let residentsGridInCity = 0;
  let cityAreaKm2 = 0;
  let addressPoints: AddressPointsSummary | undefined;

  const levelDefinitions = definitions.filter((d) => d.transform === "reference-areas");
  if (levelDefinitions.length > 0) {
    const byLevel = (level: ReferenceLevel) => {
      const d = levelDefinitions.find((x) => x.level === level);
      if (!d) throw new DataStepError("data/catalogue.ts", `no reference-area layer for level ${level}`);
      return d;
    };
    const rawLevels: ReferenceLevels = {
      stadtbezirk: get(byLevel("stadtbezirk").id),
      "statistischer-bezirk": get(byLevel("statistischer-bezirk").id),
      unterbezirk: get(byLevel("unterbezirk").id),
    };
    log("  … Einwohner je Gebiet aus dem Zensus-Raster / residents per area from the census grid");
    const { served, labels } = transformReferenceAreas(
      rawLevels,
      grid?.cells ?? [],
      stadtbezirkCodesFrom(cityFacilityLayers),
      grid2022?.cells ?? [],
    );
    for (const d of levelDefinitions) {
      const level = d.level as ReferenceLevel;
      const url = `${URL_PREFIX}/${d.id}.geojson`;
      const labelsUrl = `${URL_PREFIX}/${d.id}-labels.geojson`;
      files.set(`${d.id}-labels.geojson`, JSON.stringify(labels[level]));
      layers.push({ definition: d, url, collection: served[level], extra: { labelsUrl } });
    }
    const sumOf = (key: "residents2011" | "residents2022") =>
      Math.round(served.unterbezirk.features.reduce((sum, f) => sum + Number(f.properties?.[key] ?? 0), 0));
    if (grid) residentsByCensus["2011"] = sumOf("residents2011");
    if (grid2022) residentsByCensus["2022"] = sumOf("residents2022");
    // The current figure: the newest census served.
    residentsGridInCity = residentsByCensus["2022"] ?? residentsByCensus["2011"] ?? 0;
  }

  for (const d of definitions) {
    if (d.transform === "reference-areas") continue;
    const url = `${URL_PREFIX}/${d.id}.geojson`;
    let served: FeatureCollection;
    switch (d.transform) {
      case "boundary":
        served = transformBoundary(get(d.id));
        cityAreaKm2 = Number(served.features[0]?.properties?.areaKm2 ?? 0);
        break;
      case "boundary-from-districts":
        served = transformBoundaryFromDistricts(get(d.id));
        cityAreaKm2 = Number(served.features[0]?.properties?.areaKm2 ?? 0);
        break;
      case "population-grid":
        served = (grid as NonNullable<typeof grid>).served;
        break;
      case "city-facility":
        served = transformCityFacility(get(d.id));
        break;
      case "healthcare":
        served = transformHealthcare(get(d.id));
        break;
      case "transit-stops":
        served = transformTransitStops(get(d.id), routesByStop);
        break;
      case "schools-nrw":
        served = transformSchoolsNrw(get(d.id));
        break;
      case "census-grid-2022":
        served = (grid2022 as NonNullable<typeof grid2022>).served;
        break;
      case "fast-chargers": {
        served = transformFastChargers(get(d.id));
        const totals = readRegisterTotals(supplements.get(d.id));
        if (!totals) {
          throw new DataStepError(join(dataDir, d.supplement ?? ""), "has no register totals for Dortmund");
        }
        layers.push({
          definition: d,
          url,
          collection: served,
          extra: {
            caveats: [...d.caveats, registerTotalsCaveat(totals)],
            sourceFiles: d.supplement ? [d.source, d.supplement] : [d.source],
          },
        });
        continue;
      }
      case "bike-sharing":
        served = transformBikePoints(get(d.id), "bicycle_rental");
        break;
      case "bike-parking":
        served = transformBikePoints(get(d.id), "bicycle_parking");
        break;
      case "climate-stations":
        served = transformClimateStations(get(d.id));
        break;
      case "city-region":
        served = transformCityRegion(get(d.id));
        break;
      case "addresses": {
        const addresses = addressCollection as FeatureCollection<Point>;
        log("  … Adress-Kacheln / address tiles");
        const tiles = buildAddressTiles(addresses, streetLabels(addresses), bboxOf(addresses));
        for (const [path, bytes] of tiles) files.set(`tiles/${path}`, bytes);
        // The same points, compact and unrounded, for the analysis engine (not drawn).
        const points = buildAddressPoints(addresses, URL_PREFIX);
        files.set(ADDRESS_POINTS_FILE, points.bytes);
        addressPoints = points.summary;
        entries.push(
          entryFor(d, `${URL_PREFIX}/tiles/{z}/{x}/{y}.pbf`, addresses, {
            sourceFiles: [d.source],
          }),
        );
        continue;
      }
      case "basemap-osm": {
        log("  … OSM-Grundkarte als Kacheln / OSM basemap tiles");
        const addresses = addressCollection as FeatureCollection<Point> | null;
        const basemap = await buildOsmBasemap({
          roads: get(d.id),
          read: (file) => readJson(dataDir, file),
          addressStreetNames: new Set(addresses?.features.map((f) => String(f.properties?.strname)) ?? []),
          envelope: d.bboxLimit,
        });
        if (!basemap.ok) {
          const problems = basemap.problems.map((p) => `${join(dataDir, p.file)} ${p.problem}`);
          throw new DataStepError(join(dataDir, "basemap-osm"), problems.join("\n"));
        }
        for (const [path, bytes] of basemap.tiles) files.set(`basemap/${path}`, bytes);
        entries.push(
          entryFor(d, `${URL_PREFIX}/basemap/{z}/{x}/{y}.pbf`, get(d.id), {
            featureCount: basemap.featureCount,
            sourceFiles: Object.values(BASEMAP_FILES),
          }),
        );
        log(`  ✓ ${d.id}: ${basemap.tiles.size} Kacheln / tiles`);
        continue;
      }
      default:
        throw new DataStepError("data/catalogue.ts", `unknown transform ${d.transform}`);
    }
    layers.push({
      definition: d,
      url,
      collection: served,
      extra: d.transform === "transit-stops" ? { sourceFiles: [d.source, TRANSIT_ROUTES_FILE] } : {},
    });
  }

  // Areas to 6 decimals (about 0.1 m), keeping source coordinates where rounding would make an area
  // invalid; points were rounded by their transforms.
  let rounded: ReturnType<typeof roundAreasKeepingValid>;
  try {
    rounded = roundAreasKeepingValid(layers.map((layer) => layer.collection));
  } catch (error) {
    throw new DataStepError("data/pipeline/round-areas.ts", (error as Error).message);
  }
  if (rounded.repairedAreas > 0) {
    log(
      `  … ${rounded.repairedAreas} Flächen blieben nur mit ${rounded.preciseVertices} ungerundeten Stützpunkten gültig ` +
        `/ ${rounded.repairedAreas} areas kept valid by leaving ${rounded.preciseVertices} of ${rounded.totalVertices} vertices unrounded`,
    );
  }
  // Every written geometry must still be valid, and Dortmund's point layers inside Dortmund.
  const boundaryIndex = layers.findIndex((layer) => layer.definition.kind === "boundary");
  const cityOutline = rounded.collections[boundaryIndex]?.features[0]?.geometry;
  const servedProblems = checkServedLayers(
    layers.map((layer, i) => ({
      id: layer.definition.id,
      collection: rounded.collections[i] as FeatureCollection,
      ...(layer.definition.minShareInCity !== undefined
        ? { minShareInCity: layer.definition.minShareInCity }
        : {}),
    })),
    cityOutline?.type === "Polygon" || cityOutline?.type === "MultiPolygon" ? cityOutline : null,
  );
  if (servedProblems.length > 0) {
    throw new DataStepError("data/build-data.ts", servedProblems.join("\n"));
  }
  layers.forEach((layer, i) => {
    const collection = rounded.collections[i] as FeatureCollection;
    files.set(`${layer.definition.id}.geojson`, JSON.stringify(collection));
    entries.push(entryFor(layer.definition, layer.url, collection, layer.extra));
  });

  // Keep the catalogue in definition order.
  const order = new Map(definitions.map((d, i) => [d.id, i]));
  entries.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const catalogue: GeneratedCatalogue = {
    formatVersion: CATALOGUE_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    // Only the folder's name: the app serves this file, and a local path is nobody else's business.
    sourceFolder: basename(dataDir),
    entries,
    summary: {
      cityAreaKm2,
      residentsGridInCity,
      ...(Object.keys(residentsByCensus).length > 0 ? { residentsByCensus } : {}),
      addressCount: (addressCollection as FeatureCollection<Point> | null)?.features.length ?? 0,
      ...(addressPoints ? { addressPoints } : {}),
    },
  };

  // 3. Write into a temporary folder, then swap it in.
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  for (const [path, content] of files) {
    const target = join(tmpDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  await writeFile(join(tmpDir, "catalogue.json"), JSON.stringify(catalogue, null, 1));
  await writeFile(join(tmpDir, "stamp.txt"), `${print}\n`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  await rename(tmpDir, outDir);
  log(`  ✓ ${files.size + 1} Dateien geschrieben / files written to ${outDir}`);
  return { skipped: false, catalogue };
}

async function main(): Promise<void> {
  const dataDir = process.env.PILOTKARTE_DATA_DIR ?? DEFAULT_DATA_DIR;
  const outDir = process.env.PILOTKARTE_OUT_DIR ?? DEFAULT_OUT_DIR;
  const force = process.argv.includes("--force");
  console.log(`Pilotkarte Datenschritt / data step: ${dataDir}`);
  const started = Date.now();
  try {
    const { catalogue, skipped } = await runDataStep({ dataDir, outDir, force, log: console.log });
    if (!skipped) {
      console.log(
        `Fertig in ${((Date.now() - started) / 1000).toFixed(1)} s: ${catalogue.entries.length} Ebenen, ` +
          `Einwohner flächengewichtet / residents area-weighted: ` +
          Object.entries(catalogue.summary.residentsByCensus ?? {})
            .map(([year, n]) => `Zensus ${year}: ${n}`)
            .join(", "),
      );
    }
  } catch (error) {
    if (error instanceof DataStepError) {
      console.error("\nDatenschritt fehlgeschlagen / data step failed:");
      console.error(error.message);
      console.error(
        "Die App wird nicht mit unvollständigen Daten gestartet. / The app will not start on incomplete data.",
      );
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
