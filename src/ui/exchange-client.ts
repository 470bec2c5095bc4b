/**
 * The main thread's side of the exchange worker (import and export of partner files). The worker is
 * started on first use, not with the app: most sessions never import or export, and sql.js's wasm is
 * fetched only when a GeoPackage is read or written.
 *
 * A worker that dies (out of memory on a huge file) rejects the call; the next call starts a fresh one.
 */
import { proxy, transfer, wrap } from "comlink";
import type {
  AssumableCrs,
  CsvDialect,
  ExportCrs,
  ExportFile,
  ExportInput,
  PreparedImportArea,
  RefusedImportArea,
} from "../domain/exchange/index.ts";
import { appBaseUrl } from "../map/app-url.ts";
import { useCatalogueStore } from "../store/catalogue-store.ts";
import type { ExchangeWorkerApi, ImportPreviewResult, OverlayPayload } from "../workers/exchange.worker.ts";

export type { ImportPreviewResult, OverlayPayload };

type Api = ReturnType<typeof wrap<ExchangeWorkerApi>>;

let worker: Worker | null = null;
let api: Api | null = null;

function exchangeApi(): Api {
  if (!api) {
    worker = new Worker(new URL("../workers/exchange.worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("error", () => stopExchangeWorker());
    api = wrap<ExchangeWorkerApi>(worker);
  }
  return api;
}

/** Ends the worker (after a failure, or when the app no longer needs it). */
export function stopExchangeWorker(): void {
  worker?.terminate();
  worker = null;
  api = null;
}

/** Runs a call; a failure ends the worker so the next call starts afresh. */
async function call<T>(run: (api: Api) => Promise<T>): Promise<T> {
  try {
    return await run(exchangeApi());
  } catch (error) {
    stopExchangeWorker();
    throw error;
  }
}

/** Progress of a long call: 0..1 and a phase key (`exchange.progress.*`). */
export type OnProgress = (fraction: number, phase: string) => void;

/**
 * Reads a file in the worker, which keeps it; the answer is its preview and a token for the calls
 * below. The bytes are handed over (the caller's buffer is emptied).
 */
export function parseImportFile(
  bytes: Uint8Array,
  fileName: string,
  how: ReadingChoices,
  onProgress: OnProgress,
): Promise<ImportPreviewResult> {
  return call<ImportPreviewResult>((remote) =>
    remote.parseImport(
      transfer(bytes, [bytes.buffer as ArrayBuffer]),
      fileName,
      {
        ...(how.assumeCrs ? { assumeCrs: how.assumeCrs } : {}),
        ...(how.swapAxes ? { swapAxes: true } : {}),
      },
      proxy(onProgress),
    ),
  );
}

/** What the planner answered about a file: its coordinate system, and whether to swap its axes. */
export interface ReadingChoices {
  assumeCrs?: AssumableCrs;
  swapAxes?: boolean;
}

/** The kept import as an overlay layer (a GeoJSON Blob for MapLibre, and label points). */
export function importedOverlay(token: number): Promise<OverlayPayload> {
  return call((remote) => remote.overlayOf(token));
}

/** Where the worker reads the city outline itself (it is not sent along with every import). */
function cityBoundaryUrl(): string | null {
  const status = useCatalogueStore.getState().status;
  if (status.state !== "ready") return null;
  const entry = status.catalogue.entries.find((e) => e.kind === "boundary");
  return entry ? new URL(entry.url.replace(/^\//, ""), appBaseUrl()).href : null;
}

/** Areas per message: about 25,000 vertices at 1,000 per area, received within a frame. */
const AREA_BATCH = 25;

/**
 * The kept import's areas, checked as pilot areas in the worker and fetched in small batches, so the
 * page stays responsive while hundreds of large areas come over. Progress: 0..1 with the phase
 * "checking" then "transferring".
 */
export async function importedAreas(
  token: number,
  onProgress: OnProgress,
): Promise<{ areas: PreparedImportArea[]; refused: RefusedImportArea[] }> {
  return call(async (remote) => {
    const { count, refused } = await remote.prepareAreas(
      token,
      cityBoundaryUrl(),
      proxy((done: number, total: number) => onProgress(total > 0 ? done / total : 1, "checking")),
    );
    const areas: PreparedImportArea[] = [];
    for (let start = 0; start < count; start += AREA_BATCH) {
      areas.push(...(await remote.takeAreas(token, start, AREA_BATCH)));
      onProgress(Math.min(1, (start + AREA_BATCH) / count), "transferring");
    }
    return { areas, refused };
  });
}

/** Lets the worker drop a kept import (nothing happens when the worker is not running). */
export function releaseImport(token: number): void {
  if (api) void api.release(token).catch(() => undefined);
}

/** What the export dialog can write. */
export type ExportRequest =
  | { format: "geojson" }
  | { format: "geopackage"; crs: ExportCrs }
  | { format: "shapefile"; crs: ExportCrs }
  | { format: "csv"; table: "areas" | "districts"; dialect: CsvDialect };

/** Writes an export in the worker. */
export function writeExport(input: ExportInput, request: ExportRequest): Promise<ExportFile> {
  return call<ExportFile>((remote) => {
    switch (request.format) {
      case "geojson":
        return remote.exportGeoJson(input);
      case "geopackage":
        return remote.exportGeoPackage(input, request.crs);
      case "shapefile":
        return remote.exportShapefile(input, request.crs);
      case "csv":
        return remote.exportCsv(input, request.table, request.dialect);
    }
  });
}
