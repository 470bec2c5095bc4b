/**
 * Reading CSV with coordinates: a WKT column (wkt, geometry, geom, the_geom, wkt_geom, or any column
 * whose first value is WKT), longitude/latitude columns (lon, lng, longitude, länge, lat, latitude,
 * breite, ...), ETRS89 / UTM 32N columns (rechtswert/hochwert, rechts/hoch, ostwert/nordwert,
 * easting/northing; a zone prefix "32" before a 6-digit easting is removed) or x/y columns.
 *
 * Lon/lat columns are WGS84 and UTM columns EPSG:25832 by their names. x/y and WKT columns do not say
 * which system they use (unless EWKT's "SRID=n;"), so the import asks (`needs-crs`, with a suggestion)
 * unless the caller passed `assumeCrs`. The separator (";", "," or tab) is taken from the header line;
 * "7,4512" and "1.234,5" are read as German numbers. Every other column is kept as text.
 */
import type { RawFeature } from "./collect-import.ts";
import { looksLikeWkt, parseWkt } from "./parse-wkt.ts";
import type { ReaderOptions, ReaderResult } from "./reader-result.ts";
import { type SourceCrs, sourceCrsFromEpsg, sourceCrsFromName, WGS84_SOURCE } from "./reproject.ts";
import { suggestCrs } from "./suggest-crs.ts";

/** Records of a CSV text per RFC 4180 (quoted fields may hold separators, quotes and line breaks). */
export function parseCsvRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      if (record.length > 1 || record[0] !== "") records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The separator used in a header line: whichever of ";", "," and tab occurs most outside quotes. */
export function detectSeparator(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((s) => [s, outside.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ",";
}

/**
 * A number from a CSV cell: "7.4512", "7,4512" (decimal comma), "1.234,5" (German thousands) or
 * "1e3". NaN for anything else.
 */
export function parseCsvNumber(text: string): number {
  let t = text.trim().replace(/[\s\u00a0]/g, "");
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replaceAll(".", "").replace(",", ".");
  else if (/^[-+]?\d*,\d+$/.test(t)) t = t.replace(",", ".");
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replace(/[\s-]+/g, "_");

const COLUMN_NAMES = {
  wkt: ["wkt", "geometry", "geometrie", "geom", "the_geom", "wkt_geom", "shape"],
  lon: ["lon", "lng", "long", "longitude", "laenge", "laengengrad", "lon_wgs84", "x_wgs84"],
  lat: ["lat", "latitude", "breite", "breitengrad", "lat_wgs84", "y_wgs84"],
  east: ["rechtswert", "rechts", "ostwert", "easting", "east", "utm_x", "x_utm", "e_utm"],
  north: ["hochwert", "hoch", "nordwert", "northing", "north", "utm_y", "y_utm", "n_utm"],
  x: ["x"],
  y: ["y"],
} as const;

type Layout = { kind: "wkt"; column: number } | { kind: "lonlat" | "utm" | "xy"; x: number; y: number };

function findLayout(header: readonly string[], firstRow: readonly string[] | undefined): Layout | null {
  const names = header.map(normalise);
  const find = (candidates: readonly string[]) => names.findIndex((n) => candidates.includes(n));
  const wkt = find(COLUMN_NAMES.wkt);
  if (wkt >= 0) return { kind: "wkt", column: wkt };
  const byValue = firstRow?.findIndex((v) => looksLikeWkt(v)) ?? -1;
  if (byValue >= 0) return { kind: "wkt", column: byValue };
  for (const [kind, xNames, yNames] of [
    ["lonlat", COLUMN_NAMES.lon, COLUMN_NAMES.lat],
    ["utm", COLUMN_NAMES.east, COLUMN_NAMES.north],
    ["xy", COLUMN_NAMES.x, COLUMN_NAMES.y],
  ] as const) {
    const x = find(xNames);
    const y = find(yNames);
    if (x >= 0 && y >= 0) return { kind, x, y };
  }
  return null;
}

/** Reads CSV text. */
export function readCsv(text: string, options: ReaderOptions): ReaderResult {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const records = parseCsvRecords(text, detectSeparator(firstLine));
  const header = records[0] ?? [];
  const rows = records.slice(1);
  const layout = findLayout(header, rows[0]);
  if (layout === null) {
    return {
      ok: false,
      problem: { code: "csv-without-coordinates", columns: header.join(", ").slice(0, 200) },
    };
  }
  if (rows.length > options.limits.maxFeatures) {
    return {
      ok: false,
      problem: { code: "too-many-features", count: rows.length, maxFeatures: options.limits.maxFeatures },
    };
  }
  const geometryColumns = layout.kind === "wkt" ? [layout.column] : [layout.x, layout.y];
  const features: RawFeature[] = [];
  let srid: number | null = null;
  for (const row of rows) {
    const properties: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (!geometryColumns.includes(i) && row[i] !== undefined && row[i] !== "")
        properties[name.trim()] = row[i];
    });
    if (layout.kind === "wkt") {
      const cell = row[layout.column] ?? "";
      if (cell.trim() === "") {
        features.push({ geometry: null, properties });
        continue;
      }
      const parsed = parseWkt(cell);
      if (parsed === null) features.push({ geometry: null, properties, dropReason: "unreadable-row" });
      else {
        srid ??= parsed.srid;
        features.push({ geometry: parsed.geometry, properties });
      }
      continue;
    }
    const xText = row[layout.x] ?? "";
    const yText = row[layout.y] ?? "";
    if (xText.trim() === "" && yText.trim() === "") {
      features.push({ geometry: null, properties });
      continue;
    }
    let x = parseCsvNumber(xText);
    const y = parseCsvNumber(yText);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      features.push({ geometry: null, properties, dropReason: "unreadable-row" });
      continue;
    }
    // Eastings written with their zone number in front (32 391234.5) are common in German data.
    if (layout.kind === "utm" && x >= 32_000_000 && x < 33_000_000) x -= 32_000_000;
    features.push({ geometry: { type: "Point", coordinates: [x, y] }, properties });
  }
  let crs: SourceCrs | null;
  if (layout.kind === "lonlat") crs = WGS84_SOURCE;
  else if (layout.kind === "utm") crs = sourceCrsFromEpsg(25832);
  else if (srid !== null) {
    crs = sourceCrsFromEpsg(srid);
    if (crs === null) return { ok: false, problem: { code: "unknown-crs", crs: `EPSG:${srid}` } };
  } else if (options.assumeCrs) crs = sourceCrsFromName(options.assumeCrs);
  else {
    const sample: [number, number][] = [];
    for (const f of features) {
      let c = (f.geometry as { coordinates?: unknown } | null)?.coordinates;
      while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
      if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") sample.push([c[0], c[1]]);
      if (sample.length >= 200) break;
    }
    return { ok: false, problem: { code: "needs-crs", format: "csv", suggestion: suggestCrs(sample) } };
  }
  return { ok: true, features, crs: crs ?? WGS84_SOURCE };
}
