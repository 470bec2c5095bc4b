/**
 * Turning coordinates from one system into another with proj4, and the geometry walks around it.
 * Converters are built once per definition and cached.
 */
import type { Position } from "geojson";
import proj4, { type Converter } from "proj4";
import type { AreaGeometry } from "../model/plan.ts";
import { type ExportCrs, epsgFromName, epsgFromWkt, KNOWN_CRS } from "./crs.ts";

/** Turns one position (x, y in the source system) into longitude and latitude. */
export type ToWgs84 = (x: number, y: number) => [number, number];

/** The system a file's coordinates are in, and how to get from there to WGS84. */
export interface SourceCrs {
  /** For the report: "EPSG:25832", or the name in the file's WKT. */
  label: string;
  /** Null for longitude/latitude on WGS84 or ETRS89: nothing to convert. */
  toWgs84: ToWgs84 | null;
}

const WGS84 = KNOWN_CRS.get(4326)?.proj4 as string;
const converters = new Map<string, Converter>();

function converter(definition: string): Converter {
  let found = converters.get(definition);
  if (found === undefined) {
    found = proj4(definition, WGS84);
    converters.set(definition, found);
  }
  return found;
}

function fromDefinition(label: string, definition: string, geographicIdentity: boolean): SourceCrs {
  if (geographicIdentity) return { label, toWgs84: null };
  const convert = converter(definition);
  return { label, toWgs84: (x, y) => convert.forward([x, y]) as [number, number] };
}

/** WGS84 longitude/latitude: what GeoJSON, KML and GPX use. */
export const WGS84_SOURCE: SourceCrs = { label: "EPSG:4326", toWgs84: null };

/** The source system for an EPSG code, or null when the exchange does not know the code. */
export function sourceCrsFromEpsg(epsg: number): SourceCrs | null {
  const known = KNOWN_CRS.get(epsg);
  if (!known) return null;
  return fromDefinition(`EPSG:${epsg}`, known.proj4, epsg === 4326 || epsg === 4258);
}

/** The source system a CRS name stands for ("urn:ogc:def:crs:EPSG::25832", ...), or null. */
export function sourceCrsFromName(name: string): SourceCrs | null {
  const epsg = epsgFromName(name);
  return epsg === null ? null : sourceCrsFromEpsg(epsg);
}

/**
 * The source system a WKT (a .prj, a GeoPackage definition) describes: a known system by its EPSG code
 * or ESRI name, else whatever proj4 makes of the WKT; null when proj4 cannot read it either.
 */
export function sourceCrsFromWkt(wkt: string): SourceCrs | null {
  const epsg = epsgFromWkt(wkt);
  const known = epsg === null ? null : sourceCrsFromEpsg(epsg);
  if (known) return known;
  // A datum other than WGS84/ETRS89/GRS80 without TOWGS84 parameters would be converted without the
  // datum shift: about 150 m off for DHDN. Better to say the CRS is unknown than to be silently wrong.
  if (!/TOWGS84/i.test(wkt) && !/WGS_?(19)?84|ETRS|GRS_?(19)?80/i.test(wkt)) return null;
  try {
    const name = /^\s*\w+\s*\[\s*"([^"]+)"/.exec(wkt)?.[1] ?? "WKT";
    const convert = proj4(wkt, WGS84);
    // proj4 accepts some nonsense without complaint; a converter that yields no numbers is no converter.
    const probe = convert.forward([500000, 5700000]);
    if (!probe.every((v) => typeof v === "number")) return null;
    return { label: name, toWgs84: (x, y) => convert.forward([x, y]) as [number, number] };
  } catch {
    return null;
  }
}

/** Turns longitude and latitude into the export system. */
export function fromWgs84(crs: ExportCrs): (position: Position) => Position {
  if (crs === "EPSG:4326") return (p) => [p[0] as number, p[1] as number];
  const convert = proj4(WGS84, KNOWN_CRS.get(25832)?.proj4 as string);
  return (p) => convert.forward([p[0] as number, p[1] as number]);
}

/** A copy of an area with every position mapped. */
export function mapAreaPositions(geometry: AreaGeometry, map: (p: Position) => Position): AreaGeometry {
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map((ring) => ring.map(map)) }
    : {
        type: "MultiPolygon",
        coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(map))),
      };
}
