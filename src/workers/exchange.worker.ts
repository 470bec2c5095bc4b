/**
 * The exchange worker: reads imported files and writes exports off the main thread, so that parsing a
 * 50 MB GeoJSON or building a GeoPackage never freezes the map. The facade is the object below; its
 * type is what the client sees (Comlink). sql.js's .wasm is fetched only when a GeoPackage is read or
 * written for the first time.
 *
 * Use from the UI:
 *   const exchange = wrap<ExchangeWorkerApi>(new Worker(new URL("../workers/exchange.worker.ts", import.meta.url), { type: "module" }));
 *   const result = await exchange.parseImport(transfer(bytes, [bytes.buffer]), file.name, { assumeCrs }, proxy((f, phase) => …));
 */
import { expose, transfer } from "comlink";
import wasmUrl from "sql.js/dist/sql-wasm.wasm?url";
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
  type ImportOptions,
  type ImportResult,
  parseImport,
  type SqlJsConfig,
} from "../domain/exchange/index.ts";

const sqlJsConfig: SqlJsConfig = { locateFile: () => wasmUrl };

/** Progress callback (a Comlink proxy on the caller's side): 0..1 and a phase key (`exchange.progress.*`). */
export type ProgressCallback = (fraction: number, phase: string) => void;

/** Hands the file's bytes back without copying them. */
const transferred = (file: ExportFile): ExportFile => transfer(file, [file.bytes.buffer as ArrayBuffer]);

const api = {
  /** Reads a file of areas or points (see `parseImport` in the domain). */
  parseImport(
    bytes: Uint8Array,
    fileName: string,
    options: Pick<ImportOptions, "assumeCrs" | "limits"> = {},
    onProgress?: ProgressCallback,
  ): Promise<ImportResult> {
    return parseImport(bytes, fileName, {
      ...options,
      sqlJsConfig,
      ...(onProgress
        ? { onProgress: (fraction: number, phase: string) => void onProgress(fraction, phase) }
        : {}),
    });
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
