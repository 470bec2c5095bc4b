/**
 * Pilotkarte on the command line: export a plan from a backup file with its figures, and preview what
 * an import of a partner's file would bring. Reuses the domain code the app runs in its workers; the
 * figures come from the analysis engine over the data step's served files.
 *
 *   npm run cli -- --help
 *
 * Exit codes: 0 done, 1 wrong usage, 2 the input cannot be used (unreadable backup, unknown plan,
 * import problem, coordinates that look swapped), 3 the output could not be written. With --json,
 * errors are printed as JSON too: { "ok": false, "error": { "code", "message" } }.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join } from "node:path";
import type { FeatureCollection } from "geojson";
import {
  type AnalysisContext,
  type AnalysisSource,
  type AreaAnalysis,
  analyseArea,
  cityFromCollection,
  decodeAddressPoints,
  gridCellsFromCollection,
  pointLayerFromCollection,
  prepareAnalysisContext,
  referenceAreasFromCollection,
} from "../src/domain/analysis/index.ts";
import {
  attributeIssuesOf,
  type ExportCrs,
  type ExportFile,
  type ExportLayer,
  type ExportScope,
  exportAreasCsv,
  exportDistrictsCsv,
  exportGeoJson,
  exportGeoPackage,
  exportLayersOf,
  exportShapefile,
  type ImportProblem,
  parseImport,
  previewImport,
  type SqlJsConfig,
  selectExport,
} from "../src/domain/exchange/index.ts";
import { geodesicArea } from "../src/domain/geometry/measure-area.ts";
import { migrateDocument } from "../src/domain/migrations/index.ts";
import type { GeneratedCatalogue, ReferenceLevel } from "../src/domain/model/catalogue.ts";
import type { AreaGeometry, Plan } from "../src/domain/model/plan.ts";
import { describeProblem as describeValidationProblem } from "../src/domain/validation/validation-problem.ts";
import { exchangeDe } from "../src/i18n/messages/exchange-de.ts";

const HELP = `Pilotkarte – Export und Import auf der Kommandozeile

Aufruf:
  npm run cli -- export <backup.json> --format <format> --out <datei> [Optionen]
  npm run cli -- import <datei> [--crs 4326|25832] [--swap-axes|--keep-axes] [--json]
  npm run cli -- --help

export: schreibt Gebiete eines Plans aus einer Sicherungsdatei (Pilotkarte-Backup) mit ihren Kennzahlen.
  --format geojson|gpkg|shp|csv|csv-intl
                      geojson: RFC 7946, immer EPSG:4326; gpkg: GeoPackage 1.3; shp: Shapefile als ZIP;
                      csv / csv-intl: Tabelle je Gebiet (deutsches Excel: ";" und Dezimalkomma /
                      international: "," und Punkt); die Tabelle je Gebiet und Bezirk wird daneben als
                      <out>-bezirke.csv geschrieben.
  --crs 25832|4326    Koordinatenbezugssystem für gpkg und shp (Standard 25832, ETRS89 / UTM 32N)
  --lang de|en        Sprache der Klartext-Spalten (…_label) und der Datenbeschreibung (Standard de);
                      die Codes bleiben gleich, das deutsche CSV hat immer deutsche Spaltenköpfe
  --out <datei>       Zieldatei
  --plan <name|id>    Plan (nötig, wenn die Sicherung mehrere Pläne enthält)
  --variant <name|id> nur diese Variante (sonst alle Varianten des Plans)
  --data <ordner>     Dateien des Datenschritts (Standard public/generated; npm run data)
  --no-analysis       ohne Kennzahlen (Fläche und Umfang werden trotzdem berechnet)

import: liest eine Datei wie der Import der App und zeigt, was übernommen würde.
  --crs 4326|25832    Koordinatenbezugssystem für Dateien ohne Angabe (z. B. Shapefile ohne .prj)
  --swap-axes         Breite und Länge tauschen (Dateien mit Breite zuerst)
  --keep-axes         Lage weit weg von Dortmund ist gewollt: nicht warnen
  --json              das Ergebnis als JSON ausgeben (auch Fehler: {"ok": false, "error": {...}})
  Liegen die Gebiete weit weg von Dortmund, mit getauschten Achsen aber bei Dortmund, warnt import
  (stderr, in JSON unter "warnings") und endet mit Exit-Code 2, außer mit --swap-axes oder --keep-axes.

Exit-Codes: 0 fertig, 1 falscher Aufruf, 2 Eingabe nicht verwendbar, 3 Ausgabe nicht schreibbar.
`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** A stable code for --json output ("usage", "file-not-found", an import problem's code, ...). */
    readonly code: string = exitCode === 1 ? "usage" : exitCode === 3 ? "not-writable" : "unusable-input",
  ) {
    super(message);
  }
}

const usage = (message: string) => new CliError(`${message}\nHilfe: npm run cli -- --help`, 1);
const fileNotFound = (path: string) => new CliError(`${path}: Datei nicht gefunden`, 2, "file-not-found");

/** Options after the command: flags with values and switches. */
function parseArgs(args: string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const switches = new Set(["--no-analysis", "--json", "--swap-axes", "--keep-axes", "--help", "-h"]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (switches.has(arg)) options.set(arg, true);
    else if (arg.startsWith("--")) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) throw usage(`${arg} braucht einen Wert.`);
      options.set(arg, value);
      i++;
    } else positional.push(arg);
  }
  return { positional, options };
}

const SQL_JS: SqlJsConfig = {
  locateFile: (file: string) => join(dirname(createRequire(import.meta.url).resolve("sql.js")), file),
};

/** A message of the exchange namespace with its placeholders filled. */
function message(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ""));
}

function describeProblem(problem: ImportProblem): string {
  const text = message(exchangeDe.problems[problem.code], problem as unknown as Record<string, unknown>);
  const hint =
    problem.code === "needs-crs" && problem.suggestion
      ? ` ${message(exchangeDe.problems["needs-crs-suggestion"], problem)} Erneut mit --crs ${problem.suggestion.slice(5)} aufrufen.`
      : "";
  return `${text}${hint} [${problem.code}]`;
}

// ---------------------------------------------------------------------------------------------- export

/** The plans of a backup file, migrated to the current schema. */
function readBackupPlans(path: string): { plan: Plan; deleted: boolean }[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`${path}: keine lesbare JSON-Datei (${(error as Error).message})`, 2);
  }
  const file = raw as { format?: unknown; plans?: unknown };
  if (file?.format !== "pilotkarte-backup" || !Array.isArray(file.plans)) {
    throw new CliError(`${path}: keine Pilotkarte-Sicherung (format "pilotkarte-backup" fehlt)`, 2);
  }
  return file.plans.map((entry: { plan?: unknown; deletedAt?: unknown }, index: number) => {
    const migrated = migrateDocument(entry?.plan);
    if (!migrated.ok)
      throw new CliError(
        `${path}: Plan ${index + 1} ist nicht lesbar (${describeValidationProblem(migrated.problem)})`,
        2,
      );
    return { plan: migrated.plan, deleted: typeof entry.deletedAt === "string" };
  });
}

const matches = (wanted: string, id: string, name: string) =>
  wanted === id || wanted.toLocaleLowerCase("de") === name.toLocaleLowerCase("de");

function choosePlan(plans: { plan: Plan; deleted: boolean }[], wanted: string | undefined): Plan {
  const list = plans
    .map((p) => `  ${p.plan.name} (${p.plan.id})${p.deleted ? " – im Papierkorb" : ""}`)
    .join("\n");
  if (wanted === undefined) {
    const active = plans.filter((p) => !p.deleted);
    if (active.length === 1) return (active[0] as { plan: Plan }).plan;
    throw new CliError(`Die Sicherung enthält ${active.length} Pläne; bitte --plan angeben:\n${list}`, 2);
  }
  const found = plans.filter((p) => matches(wanted, p.plan.id, p.plan.name));
  if (found.length !== 1) {
    throw new CliError(
      `Plan „${wanted}“ ${found.length === 0 ? "nicht gefunden" : "ist nicht eindeutig"}. Pläne:\n${list}`,
      2,
    );
  }
  return (found[0] as { plan: Plan }).plan;
}

/** The served layers of the data step, as the analysis worker loads them, their credits and descriptions. */
function loadServedData(dir: string): { context: AnalysisContext; credits: string[]; layers: ExportLayer[] } {
  const cataloguePath = join(dir, "catalogue.json");
  if (!existsSync(cataloguePath)) {
    throw new CliError(
      `${dir}: keine Daten des Datenschritts (catalogue.json fehlt; npm run data oder --no-analysis)`,
      2,
    );
  }
  const catalogue = JSON.parse(readFileSync(cataloguePath, "utf8")) as GeneratedCatalogue;
  const file = (url: string) => join(dir, url.replace(/^generated\//, ""));
  const read = (url: string) => JSON.parse(readFileSync(file(url), "utf8")) as FeatureCollection;
  const used = catalogue.entries.filter((e) =>
    ["boundary", "reference-areas", "population", "facility-points"].includes(e.kind),
  );
  const referenceLevels: AnalysisSource["referenceLevels"] = {};
  for (const entry of used.filter((e) => e.kind === "reference-areas")) {
    referenceLevels[entry.level as ReferenceLevel] = referenceAreasFromCollection(read(entry.url));
  }
  const boundary = used.find((e) => e.kind === "boundary");
  const grid = used.find((e) => e.kind === "population");
  const summary = catalogue.summary.addressPoints;
  const addresses =
    summary && existsSync(file(summary.url))
      ? {
          positions: decodeAddressPoints(
            readFileSync(file(summary.url)),
            summary.count,
            summary.districtCodes,
          ).positions,
          dataYear: summary.dataYear,
        }
      : null;
  const context = prepareAnalysisContext({
    city: boundary ? cityFromCollection(read(boundary.url)) : null,
    referenceLevels,
    populationGrid: grid ? { cells: gridCellsFromCollection(read(grid.url)), dataYear: 2011 } : null,
    addresses,
    facilities: used
      .filter((e) => e.kind === "facility-points")
      .map((e) => pointLayerFromCollection(e.id, read(e.url))),
  });
  return {
    context,
    credits: [...new Set(used.map((e) => e.credit).filter((c) => c !== ""))],
    layers: exportLayersOf(catalogue.entries),
  };
}

const FORMATS = ["geojson", "gpkg", "shp", "csv", "csv-intl"] as const;
type Format = (typeof FORMATS)[number];

async function runExport(positional: string[], options: Map<string, string | true>): Promise<void> {
  const backupPath = positional[0];
  if (!backupPath) throw usage("export braucht eine Sicherungsdatei.");
  const format = options.get("--format");
  if (typeof format !== "string" || !(FORMATS as readonly string[]).includes(format)) {
    throw usage(`--format muss eines von ${FORMATS.join(", ")} sein.`);
  }
  const out = options.get("--out");
  if (typeof out !== "string") throw usage("--out fehlt.");
  const crsOption = options.get("--crs") ?? "25832";
  if (crsOption !== "25832" && crsOption !== "4326") throw usage("--crs muss 25832 oder 4326 sein.");
  if (format === "geojson" && options.has("--crs") && crsOption !== "4326") {
    throw usage("GeoJSON ist nach RFC 7946 immer EPSG:4326; --crs 25832 gilt nur für gpkg und shp.");
  }
  const crs: ExportCrs = crsOption === "4326" ? "EPSG:4326" : "EPSG:25832";
  const language = options.get("--lang") ?? "de";
  if (language !== "de" && language !== "en") throw usage("--lang muss de oder en sein.");
  if (!existsSync(backupPath)) throw fileNotFound(backupPath);

  const plan = choosePlan(readBackupPlans(backupPath), options.get("--plan") as string | undefined);
  let scope: ExportScope = { kind: "plan" };
  const wantedVariant = options.get("--variant");
  if (typeof wantedVariant === "string") {
    const found = plan.variantOrder.filter((id) => matches(wantedVariant, id, plan.variants[id]?.name ?? ""));
    if (found.length !== 1) {
      const list = plan.variantOrder.map((id) => `  ${plan.variants[id]?.name} (${id})`).join("\n");
      throw new CliError(
        `Variante „${wantedVariant}“ nicht gefunden oder nicht eindeutig. Varianten:\n${list}`,
        2,
      );
    }
    scope = { kind: "variant", variantId: found[0] as string };
  }

  const analyses = new Map<string, AreaAnalysis>();
  let credits: string[] = [];
  let layers: ExportLayer[] = [];
  if (!options.has("--no-analysis")) {
    const started = performance.now();
    const served = loadServedData(
      (options.get("--data") as string | undefined) ?? join("public", "generated"),
    );
    credits = served.credits;
    layers = served.layers;
    const variantIds = scope.kind === "plan" ? plan.variantOrder : [scope.variantId];
    for (const variantId of variantIds) {
      const variant = plan.variants[variantId];
      for (const id of variant?.areaOrder ?? []) {
        const area = variant?.areas[id];
        if (area)
          analyses.set(
            id,
            analyseArea(served.context, { id, geometry: area.geometry }, { distancesM: [300] }),
          );
      }
    }
    console.error(
      `Kennzahlen für ${analyses.size} Gebiete berechnet (${Math.round(performance.now() - started)} ms).`,
    );
  }
  const input = selectExport(plan, scope, analyses, {
    credits,
    language,
    layers,
    exportedAt: new Date().toISOString(),
    appVersion: (
      JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    ).version,
  });
  if (input === null) throw new CliError("Die gewählte Variante gibt es im Plan nicht.", 2);
  if (input.areas.length === 0)
    throw new CliError("Der gewählte Plan oder die Variante enthält keine Gebiete.", 2);

  const target: string = out;
  const chosen = input;
  const files: [string, ExportFile][] = [];
  const csvPair = (dialect: "de" | "intl") => {
    const stem = extname(target).toLowerCase() === ".csv" ? target.slice(0, -4) : target;
    files.push(
      [target, exportAreasCsv(chosen, dialect)],
      [`${stem}-bezirke.csv`, exportDistrictsCsv(chosen, dialect)],
    );
  };
  const writers: Record<Format, () => Promise<void> | void> = {
    geojson: () => void files.push([target, exportGeoJson(chosen)]),
    gpkg: async () => void files.push([target, await exportGeoPackage(chosen, { crs, sqlJsConfig: SQL_JS })]),
    shp: () => void files.push([target, exportShapefile(chosen, { crs })]),
    csv: () => csvPair("de"),
    "csv-intl": () => csvPair("intl"),
  };
  await writers[format as Format]();
  for (const [path, file] of files) {
    try {
      writeFileSync(path, file.bytes);
    } catch (error) {
      throw new CliError(`${path}: nicht schreibbar (${(error as Error).message})`, 3);
    }
    console.log(`${path}: ${input.areas.length} Gebiete, ${file.bytes.length} Byte (${file.mimeType})`);
  }
}

// ---------------------------------------------------------------------------------------------- import

async function runImport(positional: string[], options: Map<string, string | true>): Promise<void> {
  const path = positional[0];
  if (!path) throw usage("import braucht eine Datei.");
  const crsOption = options.get("--crs");
  if (crsOption !== undefined && crsOption !== "25832" && crsOption !== "4326") {
    throw usage("--crs muss 25832 oder 4326 sein.");
  }
  if (options.has("--swap-axes") && options.has("--keep-axes"))
    throw usage("--swap-axes und --keep-axes schließen sich aus.");
  if (!existsSync(path)) throw fileNotFound(path);
  const result = await parseImport(new Uint8Array(readFileSync(path)), basename(path), {
    sqlJsConfig: SQL_JS,
    ...(crsOption ? { assumeCrs: crsOption === "4326" ? "EPSG:4326" : "EPSG:25832" } : {}),
    ...(options.has("--swap-axes") ? { swapAxes: true } : {}),
  });
  // Areas far from Dortmund that would lie near it with the axes swapped: warn, and fail unless the
  // caller said what to do (--swap-axes or --keep-axes), so that a script does not take them silently.
  const preview = result.ok ? previewImport(result) : null;
  const warnings: { code: string; message: string; bbox: [number, number, number, number] | null }[] = [];
  if (preview?.axesLookSwapped && !options.has("--keep-axes")) {
    const [west, south, east, north] = preview.bbox ?? [0, 0, 0, 0];
    const centre = { lon: ((west + east) / 2).toFixed(1), lat: ((south + north) / 2).toFixed(1) };
    warnings.push({
      code: "axes-look-swapped",
      message: `${message(exchangeDe.import.axesLookSwapped, centre)} ${
        options.has("--swap-axes") ? "" : exchangeDe.import.cliSwapHint
      }`.trim(),
      bbox: preview.bbox,
    });
  }
  if (options.has("--json")) {
    console.log(JSON.stringify(result.ok ? { ...result, warnings } : result, null, 2));
    if (!result.ok || warnings.length > 0) process.exitCode = 2;
    for (const warning of warnings) console.error(`Warnung: ${warning.message} [${warning.code}]`);
    return;
  }
  if (!result.ok) throw new CliError(describeProblem(result.problem), 2, result.problem.code);
  const { report, features } = result;
  console.log(
    `${basename(path)}: ${exchangeDe.formats[report.format]}, ${report.sourceCrs}, ` +
      `${features.length} ${exchangeDe.kinds[result.kind]} aus ${report.featureCount} Objekten`,
  );
  for (const f of features) {
    const name = f.name ?? message(exchangeDe.unnamedArea, { n: f.index + 1 });
    const size =
      f.geometry.type === "Point"
        ? `Punkt ${f.geometry.coordinates.map((c) => c.toFixed(6)).join(", ")}`
        : `${f.geometry.type}, ${(geodesicArea(f.geometry as AreaGeometry) / 10_000).toFixed(2)} ha`;
    console.log(`  ${f.index + 1}. ${name} – ${size}`);
  }
  const label = (index: number, name: string | null) =>
    name ?? message(exchangeDe.unnamedArea, { n: index + 1 });
  if (report.repaired.length > 0) console.log(`${exchangeDe.report.repairedHeading}:`);
  for (const r of report.repaired)
    console.log(`  ${r.index + 1}. ${label(r.index, r.name)}: ${exchangeDe.repairs[r.what]} [${r.what}]`);
  if (report.dropped.length > 0) console.log(`${exchangeDe.report.droppedHeading}:`);
  for (const d of report.dropped) {
    console.log(
      `  ${d.index + 1}. ${label(d.index, d.name)}: ${message(exchangeDe.dropped[d.reason], d.params ?? {})} [${d.reason}]`,
    );
  }
  const { issues } = attributeIssuesOf(features);
  if (issues.length > 0) console.log(`${exchangeDe.import.attributeIssuesHeading}:`);
  for (const issue of issues) {
    console.log(
      `  ${issue.index + 1}. ${label(issue.index, issue.name)}: ${message(exchangeDe.attributeIssues[issue.code], { key: issue.key, value: issue.value })} [${issue.code}]`,
    );
  }
  if (report.axesSwapped) console.log(`${exchangeDe.import.axesSwapped} [axes-swapped]`);
  for (const warning of warnings) console.error(`Warnung: ${warning.message} [${warning.code}]`);
  if (warnings.length > 0) process.exitCode = 2;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP);
    return;
  }
  const { positional, options } = parseArgs(rest);
  if (options.has("--help") || options.has("-h")) {
    console.log(HELP);
    return;
  }
  if (command === "export") return runExport(positional, options);
  if (command === "import") return runImport(positional, options);
  throw usage(`Unbekannter Befehl „${command}“.`);
}

const json = process.argv.includes("--json");
main(process.argv.slice(2)).catch((error: unknown) => {
  const failure =
    error instanceof CliError
      ? error
      : new CliError(error instanceof Error ? error.message : String(error), 2, "internal-error");
  if (json) {
    // A caller that asked for JSON gets JSON on stdout, also when the run fails.
    console.log(
      JSON.stringify({ ok: false, error: { code: failure.code, message: failure.message } }, null, 2),
    );
  } else {
    console.error(error instanceof CliError ? error.message : error);
  }
  process.exit(failure.exitCode);
});
