/**
 * The exchange worker: reads imported files and writes exports off the main thread, so that parsing a
 * 50 MB GeoJSON or building a GeoPackage never freezes the map. The facade is the object below; its
 * type is what the client sees (Comlink). sql.js's .wasm is fetched only when a GeoPackage is read or
 * written for the first time.
 *
 * Use from the UI:
 *   const exchange = wrap<ExchangeWorkerApi>(new Worker(new URL("../workers/exchange.worker.ts", import.meta.url), { type: "module" }));
 *   const preview = await exchange.parseImport(transfer(bytes, [bytes.buffer]), file.name, { assumeCrs }, proxy((f, phase) => …));
 *
 * An import is read once and kept here; the page gets only its preview (a 50 MB file's features would
 * take the main thread most of a second just to receive). On confirmation the page asks for the layer
 * (`overlayOf`, one GeoJSON text as a Blob for MapLibre's own worker) or for the prepared pilot areas
 * (`prepareAreas`, then `takeAreas` in batches small enough to arrive within a frame).
 */
import { expose, transfer } from "comlink";
import type { FeatureCollection, Point } from "geojson";
import wasmUrl from "sql.js/dist/sql-wasm.wasm?url";
import { cityFromCollection } from "../domain/analysis/read-served-layers.ts";
import {
  type CsvDialect,
  type ExportCrs,
  type ExportFile,
  type ExportInput,
  exportAreasCsv,
  exportDistrictsCsv,
  exportGeoJson,
  exportGeoPackage,
  exportShapefile,
  type ImportedFeature,
  type ImportOptions,
  type ImportPreview,
  type ImportProblem,
  type OverlayLabelProperties,
  overlayLayerData,
  type PreparedImportArea,
  parseImport,
  prepareImportedAreas,
  previewImport,
  type RefusedImportArea,
  type SqlJsConfig,
} from "../domain/exchange/index.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";

const sqlJsConfig: SqlJsConfig = { locateFile: () => wasmUrl };

/** Progress callback (a Comlink proxy on the caller's side): 0..1 and a phase key (`exchange.progress.*`). */
export type ProgressCallback = (fraction: number, phase: string) => void;

/** Hands the file's bytes back without copying them. */
const transferred = (file: ExportFile): ExportFile => transfer(file, [file.bytes.buffer as ArrayBuffer]);

/** What `parseImport` answers: the preview and the token to ask for the features with, or the problem. */
export type ImportPreviewResult = (ImportPreview & { token: number }) | { ok: false; problem: ImportProblem };

/** The overlay layer of a kept import. */
export interface OverlayPayload {
  /** A GeoJSON FeatureCollection (names only as properties), for MapLibre to fetch and parse. */
  geojson: Blob;
  labels: FeatureCollection<Point, OverlayLabelProperties>;
}

/** The last file read (one at a time: a 50 MB file's features take a few hundred MB). */
let kept: { token: number; features: ImportedFeature[]; prepared?: PreparedImportArea[] } | null = null;

/** The city outline, read once from the served file (the page does not send it with every import). */
let boundaryRead: { url: string; geometry: Promise<AreaGeometry | null> } | null = null;
function cityBoundary(url: string): Promise<AreaGeometry | null> {
  if (boundaryRead?.url !== url) {
    const geometry = fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<FeatureCollection>) : null))
      .then((collection) => (collection ? cityFromCollection(collection) : null))
      .catch(() => null);
    boundaryRead = { url, geometry };
  }
  return boundaryRead.geometry;
}
let tokens = 0;

function keptFeatures(token: number): NonNullable<typeof kept> {
  if (!kept || kept.token !== token)
    throw new Error("The import is no longer available; read the file again.");
  return kept;
}

const api = {
  /** Reads a file of areas or points (see `parseImport` in the domain), keeps it and returns its preview. */
  async parseImport(
    bytes: Uint8Array,
    fileName: string,
    options: Pick<ImportOptions, "assumeCrs" | "limits" | "swapAxes"> = {},
    onProgress?: ProgressCallback,
  ): Promise<ImportPreviewResult> {
    kept = null;
    const result = await parseImport(bytes, fileName, {
      ...options,
      sqlJsConfig,
      ...(onProgress
        ? { onProgress: (fraction: number, phase: string) => void onProgress(fraction, phase) }
        : {}),
    });
    if (!result.ok) return result;
    tokens += 1;
    kept = { token: tokens, features: result.features };
    return { ...previewImport(result), token: tokens };
  },

  /** The kept import as an overlay layer. */
  overlayOf(token: number): OverlayPayload {
    const { collection, labels } = overlayLayerData(keptFeatures(token).features);
    return {
      geojson: new Blob([JSON.stringify(collection)], { type: "application/geo+json" }),
      labels,
    };
  },

  /**
   * Checks the kept import's areas as pilot areas (see `prepareImportedAreas`); the areas stay here
   * for `takeAreas`. Progress: areas checked so far, of all.
   */
  async prepareAreas(
    token: number,
    boundaryUrl: string | null,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ count: number; refused: RefusedImportArea[] }> {
    const entry = keptFeatures(token);
    const boundary = boundaryUrl ? await cityBoundary(boundaryUrl) : null;
    let last = 0;
    const { areas, refused } = prepareImportedAreas(entry.features, boundary, (done, total) => {
      // A message per area would flood the page: about every 2 %.
      if (onProgress && (done === total || done - last >= Math.max(1, total / 50))) {
        last = done;
        void onProgress(done, total);
      }
    });
    entry.prepared = areas;
    return { count: areas.length, refused };
  },

  /** A batch of the prepared areas: `[start, start + count)`. */
  takeAreas(token: number, start: number, count: number): PreparedImportArea[] {
    const prepared = keptFeatures(token).prepared;
    if (!prepared) throw new Error("prepareAreas first");
    return prepared.slice(start, start + count);
  },

  /** Lets the kept import go (the dialog closed). */
  release(token: number): void {
    if (kept?.token === token) kept = null;
  },

  exportGeoJson(input: ExportInput): ExportFile {
    return transferred(exportGeoJson(input));
  },

  /** Areas table ("areas") or area × district table ("districts"), in the German or international dialect. */
  exportCsv(input: ExportInput, table: "areas" | "districts", dialect: CsvDialect): ExportFile {
    return transferred(
      table === "areas" ? exportAreasCsv(input, dialect) : exportDistrictsCsv(input, dialect),
    );
  },

  async exportGeoPackage(input: ExportInput, crs: ExportCrs): Promise<ExportFile> {
    return transferred(await exportGeoPackage(input, { crs, sqlJsConfig }));
  },

  exportShapefile(input: ExportInput, crs: ExportCrs): ExportFile {
    return transferred(exportShapefile(input, { crs }));
  },
};

export type ExchangeWorkerApi = typeof api;

expose(api);
