/**
 * GeoPackage geometry blobs (GeoPackage 1.3, §2.1.3): the "GP" header (version 0, flags, srs_id, an
 * envelope) followed by WKB. Written little-endian with an xy envelope; read with any envelope and
 * either byte order.
 */
import type { Geometry, Position } from "geojson";
import { decodeWkb, encodeMultiPolygonWkb, WkbError } from "./wkb.ts";

/** Envelope [minX, maxX, minY, maxY] of polygon parts, in the order GeoPackage stores it. */
export function envelopeOf(parts: Position[][][]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of parts) {
    for (const p of rings[0] ?? []) {
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, maxX, minY, maxY];
}

/** A MultiPolygon (in the table's CRS) as a GeoPackage geometry blob with an xy envelope. */
export function encodeGeoPackageGeometry(parts: Position[][][], srsId: number): Uint8Array {
  const wkb = encodeMultiPolygonWkb(parts);
  const bytes = new Uint8Array(8 + 32 + wkb.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x47; // "G"
  bytes[1] = 0x50; // "P"
  bytes[2] = 0; // version 1 (stored as 0)
  // Flags: bit 0 little-endian, bits 1-3 envelope kind 1 (minx, maxx, miny, maxy), not empty, standard.
  bytes[3] = 0b0000_0011;
  view.setInt32(4, srsId, true);
  envelopeOf(parts).forEach((value, i) => {
    view.setFloat64(8 + i * 8, value, true);
  });
  bytes.set(wkb, 40);
  return bytes;
}

/** Bytes of the envelope for each envelope indicator (0 none, 1 xy, 2 xyz, 3 xym, 4 xyzm). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** Reads a GeoPackage geometry blob; `geometry` is null for an empty geometry. Throws WkbError. */
export function decodeGeoPackageGeometry(blob: Uint8Array): { srsId: number; geometry: Geometry | null } {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new WkbError("not a GeoPackage geometry");
  const flags = blob[3] as number;
  const little = (flags & 1) === 1;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new WkbError("unknown envelope");
  if ((flags >> 5) & 1) throw new WkbError("extended GeoPackage geometry");
  const srsId = new DataView(blob.buffer, blob.byteOffset + 4, 4).getInt32(0, little);
  if ((flags >> 4) & 1) return { srsId, geometry: null };
  return { srsId, geometry: decodeWkb(blob, 8 + envelope).geometry };
}
