/**
 * Well-known binary (OGC Simple Features / ISO 13249-3) for the GeoPackage: writing polygons as
 * little-endian 2D WKB, reading every 2D, Z, M and ZM geometry type (ISO codes +1000/+2000/+3000 and the
 * EWKB high-bit flags) in either byte order. Heights and measures are read and dropped.
 */
import type { Geometry, Position } from "geojson";

/** WKB geometry type codes (2D). */
const TYPES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
} as const;

/** Bytes of a little-endian 2D MultiPolygon. */
function multiPolygonSize(parts: Position[][][]): number {
  let size = 9;
  for (const rings of parts) {
    size += 9;
    for (const ring of rings) size += 4 + ring.length * 16;
  }
  return size;
}

/** A MultiPolygon (x, y) as little-endian WKB. Every area is written as a MultiPolygon. */
export function encodeMultiPolygonWkb(parts: Position[][][]): Uint8Array {
  const bytes = new Uint8Array(multiPolygonSize(parts));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  const header = (type: number, count: number) => {
    view.setUint8(offset, 1);
    view.setUint32(offset + 1, type, true);
    view.setUint32(offset + 5, count, true);
    offset += 9;
  };
  header(TYPES.MultiPolygon, parts.length);
  for (const rings of parts) {
    header(TYPES.Polygon, rings.length);
    for (const ring of rings) {
      view.setUint32(offset, ring.length, true);
      offset += 4;
      for (const p of ring) {
        view.setFloat64(offset, p[0] as number, true);
        view.setFloat64(offset + 8, p[1] as number, true);
        offset += 16;
      }
    }
  }
  return bytes;
}

/** Thrown on WKB that ends early or holds an unknown type; callers turn it into a drop reason. */
export class WkbError extends Error {}

/**
 * Reads one WKB geometry starting at `start`; returns it as GeoJSON (x, y only) and where it ended.
 * An empty point (NaN coordinates) comes back with empty coordinates.
 */
export function decodeWkb(bytes: Uint8Array, start = 0): { geometry: Geometry; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = start;
  const need = (n: number) => {
    if (offset + n > bytes.byteLength) throw new WkbError("WKB ends early");
  };
  function read(): Geometry {
    need(5);
    const little = view.getUint8(offset) === 1;
    let code = view.getUint32(offset + 1, little);
    offset += 5;
    let dims = 2;
    // EWKB: flags in the high bits (Z 0x80000000, M 0x40000000, SRID 0x20000000).
    if (code & 0xe0000000) {
      if (code & 0x80000000) dims++;
      if (code & 0x40000000) dims++;
      if (code & 0x20000000) {
        need(4);
        offset += 4;
      }
      code &= 0x0fffffff;
    } else if (code >= 1000) {
      const family = Math.floor(code / 1000);
      dims = family === 3 ? 4 : 3;
      code %= 1000;
    }
    const uint = () => {
      need(4);
      const value = view.getUint32(offset, little);
      offset += 4;
      return value;
    };
    const position = (): Position => {
      need(8 * dims);
      const x = view.getFloat64(offset, little);
      const y = view.getFloat64(offset + 8, little);
      offset += 8 * dims;
      return [x, y];
    };
    const positions = () => {
      const n = uint();
      // A count larger than the bytes left is a damaged file, not a reason to allocate gigabytes.
      need(n * 8 * dims);
      return Array.from({ length: n }, position);
    };
    const members = <T>(readOne: () => T) => {
      const n = uint();
      need(n * 5);
      return Array.from({ length: n }, readOne);
    };
    const inner = (type: number): Geometry => {
      const geometry = read();
      if (TYPES[geometry.type as keyof typeof TYPES] !== type)
        throw new WkbError("WKB member of a wrong type");
      return geometry;
    };
    switch (code) {
      case TYPES.Point: {
        const p = position();
        return { type: "Point", coordinates: Number.isNaN(p[0]) && Number.isNaN(p[1]) ? [] : p };
      }
      case TYPES.LineString:
        return { type: "LineString", coordinates: positions() };
      case TYPES.Polygon:
        return { type: "Polygon", coordinates: members(positions) };
      case TYPES.MultiPoint:
        return {
          type: "MultiPoint",
          coordinates: members(() => (inner(TYPES.Point) as { coordinates: Position }).coordinates),
        };
      case TYPES.MultiLineString:
        return {
          type: "MultiLineString",
          coordinates: members(() => (inner(TYPES.LineString) as { coordinates: Position[] }).coordinates),
        };
      case TYPES.MultiPolygon:
        return {
          type: "MultiPolygon",
          coordinates: members(() => (inner(TYPES.Polygon) as { coordinates: Position[][] }).coordinates),
        };
      case TYPES.GeometryCollection:
        return { type: "GeometryCollection", geometries: members(read) };
      default:
        throw new WkbError(`WKB type ${code} is not supported`);
    }
  }
  const geometry = read();
  return { geometry, end: offset };
}
