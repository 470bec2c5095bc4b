/**
 * Reading GeoJSON: a FeatureCollection, a single Feature or a bare geometry. RFC 7946 says WGS84; the
 * legacy `crs` member (GeoJSON 2008: `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}}`
 * or `{"type":"EPSG","properties":{"code":25832}}`) is honoured and the coordinates reprojected. A file
 * without `crs` whose coordinates cannot be longitude/latitude asks for the CRS instead of failing.
 */
import type { RawFeature } from "./collect-import.ts";
import type { ReaderOptions, ReaderResult } from "./reader-result.ts";
import { type SourceCrs, sourceCrsFromEpsg, sourceCrsFromName, WGS84_SOURCE } from "./reproject.ts";
import { isLonLat, samplePositions, suggestCrs } from "./suggest-crs.ts";

const GEOMETRY_TYPES = new Set([
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
]);

/**
 * Whether JSON text that failed to parse ends inside a string or an open object or array, i.e. was
 * cut off rather than written wrong. One linear pass.
 */
export function isTruncatedJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}

/** JSON text parsed, or the problem with it. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: ReaderResult & { ok: false } } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (isTruncatedJson(text))
      return { ok: false, problem: { ok: false, problem: { code: "truncated-json" } } };
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? -1);
    return { ok: false, problem: { ok: false, problem: { code: "invalid-json", position } } };
  }
}

/** The CRS a legacy `crs` member names: a SourceCrs, "unknown" with its text, or null when there is none. */
function crsMember(crs: unknown): SourceCrs | { unknown: string } | null {
  if (crs === undefined || crs === null) return null;
  const member = crs as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  const name = member.properties?.name;
  if (typeof name === "string") return sourceCrsFromName(name) ?? { unknown: name.slice(0, 120) };
  const code = member.properties?.code;
  if (member.type === "EPSG" && (typeof code === "number" || typeof code === "string")) {
    return sourceCrsFromEpsg(Number(code)) ?? { unknown: `EPSG:${code}` };
  }
  return { unknown: JSON.stringify(crs).slice(0, 120) };
}

/** Raw features of a parsed GeoJSON value, or null when it is not GeoJSON. */
function featuresOf(value: unknown): RawFeature[] | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const object = value as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown };
  const feature = (f: unknown): RawFeature => {
    const record = (typeof f === "object" && f !== null ? f : {}) as {
      geometry?: unknown;
      properties?: unknown;
    };
    const properties = record.properties;
    return {
      geometry: record.geometry ?? null,
      properties:
        typeof properties === "object" && properties !== null && !Array.isArray(properties)
          ? (properties as Record<string, unknown>)
          : {},
    };
  };
  if (object.type === "FeatureCollection")
    return Array.isArray(object.features) ? object.features.map(feature) : null;
  if (object.type === "Feature") return [feature(object)];
  if (typeof object.type === "string" && GEOMETRY_TYPES.has(object.type))
    return [{ geometry: object, properties: {} }];
  return null;
}

/** Reads GeoJSON text. */
export function readGeoJson(text: string, options: ReaderOptions): ReaderResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.problem;
  const features = featuresOf(parsed.value);
  if (features === null) return { ok: false, problem: { code: "not-geojson" } };
  const declared = crsMember((parsed.value as { crs?: unknown }).crs);
  if (declared && "unknown" in declared)
    return { ok: false, problem: { code: "unknown-crs", crs: declared.unknown } };
  if (declared) return { ok: true, features, crs: declared };
  if (options.assumeCrs)
    return { ok: true, features, crs: sourceCrsFromName(options.assumeCrs) ?? WGS84_SOURCE };
  // No crs member: WGS84 by RFC 7946, unless no coordinate could be longitude/latitude and all look UTM.
  const sample = samplePositions(features.map((f) => f.geometry));
  if (sample.length > 0 && !sample.some(([x, y]) => isLonLat(x, y)) && suggestCrs(sample) === "EPSG:25832") {
    return { ok: false, problem: { code: "needs-crs", format: "geojson", suggestion: "EPSG:25832" } };
  }
  return { ok: true, features, crs: WGS84_SOURCE };
}
