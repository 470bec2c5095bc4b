/**
 * The import's entry point: checks the size, recognises the format by content (the extension only
 * breaks ties), hands the bytes to the format's reader and the raw features to {@link collectImport}.
 * Never throws for a bad file: every way a file can fail is an {@link ImportProblem}.
 *
 * Recognised: zip (Shapefile layers, KMZ, or a zipped GeoJSON), SQLite (GeoPackage), JSON (GeoJSON),
 * XML (KML, GPX) and delimited text (CSV), as UTF-8, Windows-1252 or UTF-16 text. Anything else,
 * e.g. an image renamed to .geojson, is `not-geodata`.
 */
import { collectImport, type ImportProgress } from "./collect-import.ts";
import type { AssumableCrs, ImportFormat, ImportResult } from "./import-result.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./limits.ts";
import type { SqlJsConfig } from "./load-sql-js.ts";
import { readCsv } from "./read-csv.ts";
import { readGeoJson } from "./read-geojson.ts";
import { readGeoPackage } from "./read-geopackage.ts";
import { readShapefile } from "./read-shapefile.ts";
import { hasDoctype, readGpx, readKml, xmlRootName } from "./read-xml.ts";
import { looksLikeZip, readZip, ZipError, zipEntryNames } from "./read-zip.ts";
import type { ReaderOptions, ReaderResult } from "./reader-result.ts";
import { swapRawAxes } from "./swap-axes.ts";

export interface ImportOptions {
  /** The CRS to use for a file that does not say (after a `needs-crs` answer). */
  assumeCrs?: AssumableCrs;
  /** sql.js init options, for GeoPackage files (see `load-sql-js.ts`). */
  sqlJsConfig?: SqlJsConfig;
  /** Called with 0..1 and a phase ("reading", "parsing", "checking", "done"). */
  onProgress?: ImportProgress;
  /** Lower limits (tests); the defaults are in `limits.ts`. */
  limits?: Partial<ImportLimits>;
  /**
   * Swap x and y of every position before anything else (a file with latitude first; see
   * `swap-axes.ts`). The report then says `axesSwapped: true`.
   */
  swapAxes?: boolean;
}

const SQLITE_MAGIC = "SQLite format 3\0";

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The UTF-16 byte order of a text file: from its byte order mark (Windows "Unicode" files have one),
 * or, without one, from a NUL byte beside each of the first two characters of a file that starts with
 * ASCII ("{", "<", a CSV header). Null for anything else.
 */
export function utf16ByteOrder(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length < 4) return null;
  const ascii = (b: number | undefined) => b !== undefined && b >= 0x09 && b < 0x80;
  if (ascii(bytes[0]) && bytes[1] === 0 && ascii(bytes[2]) && bytes[3] === 0) return "utf-16le";
  if (bytes[0] === 0 && ascii(bytes[1]) && bytes[2] === 0 && ascii(bytes[3])) return "utf-16be";
  return null;
}

/**
 * Text of a file: UTF-16 (little or big endian, see {@link utf16ByteOrder}), UTF-8 (byte order mark
 * dropped), or Windows-1252 when it is not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16ByteOrder(bytes);
  // TextDecoder drops a UTF-16 byte order mark itself (ignoreBOM is false by default).
  if (utf16 !== null) return new TextDecoder(utf16).decode(bytes);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Whether the first kilobytes hold bytes that no text file has (NUL, most control characters). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 8 || (b >= 14 && b < 32 && b !== 27)) return true;
  }
  return false;
}

/** A reader's result with the format it read. */
type Read = ReaderResult & { format?: ImportFormat };

const extensionOf = (fileName: string) => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";

function readText(text: string, fileName: string, options: ReaderOptions): Read {
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") return { ...readGeoJson(text, options), format: "geojson" };
  if (start === "<") {
    // A DTD can declare entities (the "billion laughs") and point at other files: refused outright.
    if (hasDoctype(text)) return { ok: false, problem: { code: "xml-doctype" } };
    const root = xmlRootName(text);
    if (root === "kml") return { ...readKml(text), format: "kml" };
    if (root === "gpx") return { ...readGpx(text), format: "gpx" };
    return { ok: false, problem: { code: "not-geodata", fileName } };
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (["csv", "tsv", "txt"].includes(extensionOf(fileName)) || /[;,\t]/.test(firstLine)) {
    return { ...readCsv(text, options), format: "csv" };
  }
  return { ok: false, problem: { code: "not-geodata", fileName } };
}

async function readZipFile(bytes: Uint8Array, options: ReaderOptions): Promise<Read> {
  const names = zipEntryNames(bytes, options.limits.maxZipEntries).filter((n) => !n.startsWith("__MACOSX/"));
  const has = (ext: string) => names.some((n) => n.toLowerCase().endsWith(ext));
  const zipLimits = { maxBytes: options.limits.maxUnzippedBytes, maxEntries: options.limits.maxZipEntries };
  if (has(".shp")) {
    const files = readZip(bytes, (n) => /\.(shp|dbf|prj|cpg)$/i.test(n), zipLimits);
    return { ...readShapefile(files, options), format: "shapefile" };
  }
  if (has(".kml")) {
    const kmls = names.filter((n) => n.toLowerCase().endsWith(".kml"));
    const chosen = kmls.find((n) => n.toLowerCase().endsWith("doc.kml")) ?? (kmls[0] as string);
    const files = readZip(bytes, (n) => n === chosen, zipLimits);
    return { ...readKml(decodeText(files.get(chosen) ?? new Uint8Array())), format: "kmz" };
  }
  const json = names.find((n) => /\.(geo)?json$/i.test(n));
  if (json) {
    const files = readZip(bytes, (n) => n === json, zipLimits);
    return { ...readGeoJson(decodeText(files.get(json) ?? new Uint8Array()), options), format: "geojson" };
  }
  return { ok: false, problem: { code: "zip-without-geodata", entries: names.length } };
}

/**
 * Reads a file of areas or points from partners. `fileName` is used for messages and to break ties
 * (a CSV without separators in its header). See {@link ImportResult} for what comes back.
 */
export async function parseImport(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const progress = options.onProgress;
  progress?.(0, "reading");
  if (bytes.length > limits.maxBytes) {
    return { ok: false, problem: { code: "too-large", bytes: bytes.length, maxBytes: limits.maxBytes } };
  }
  const readerOptions: ReaderOptions = {
    limits,
    ...(options.assumeCrs ? { assumeCrs: options.assumeCrs } : {}),
    ...(options.sqlJsConfig ? { sqlJsConfig: options.sqlJsConfig } : {}),
  };
  let read: Read;
  try {
    if (looksLikeZip(bytes)) read = await readZipFile(bytes, readerOptions);
    else if (startsWith(bytes, SQLITE_MAGIC))
      read = { ...(await readGeoPackage(bytes, readerOptions)), format: "geopackage" };
    else if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset).getInt32(0) === 9994) {
      return { ok: false, problem: { code: "shapefile-not-zipped" } };
    } else if (utf16ByteOrder(bytes) === null && looksBinary(bytes))
      return { ok: false, problem: { code: "not-geodata", fileName } };
    else {
      progress?.(0.05, "parsing");
      const text = decodeText(bytes);
      if (text.trim() === "") return { ok: false, problem: { code: "empty-file" } };
      read = readText(text, fileName, readerOptions);
    }
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: error.problem };
    throw error;
  }
  if (!read.ok) return { ok: false, problem: read.problem };
  progress?.(0.5, "parsing");
  const result = collectImport(options.swapAxes ? swapRawAxes(read.features) : read.features, {
    format: read.format ?? "geojson",
    crs: read.crs,
    limits,
    progressStart: 0.5,
    ...(progress ? { onProgress: progress } : {}),
  });
  if (result.ok && options.swapAxes) result.report.axesSwapped = true;
  return result;
}
