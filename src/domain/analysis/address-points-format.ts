/**
 * The compact file of address points the data step writes (`addresses.bin`) and the analysis reads:
 * 109,700 points as GeoJSON would be about 10 MB of text to parse; as binary they load in a few
 * milliseconds straight into the typed arrays the engine works on.
 *
 * Layout (all little-endian), for `count` points:
 * - `count` pairs of Float64: longitude, latitude (WGS84, as in the source, not rounded);
 * - `count` Uint16: index of the point's own Unterbezirk in `districtCodes` (as recorded in the
 *   city's address list), 0xFFFF when it has none.
 * The catalogue's summary (`addressPoints`) carries `count`, the byte length and the district codes.
 * Changing the layout changes the generated files' shape: bump CATALOGUE_FORMAT_VERSION and
 * {@link ADDRESS_POINTS_ENCODING}.
 */

/** Name of the layout above, stored in the catalogue; DO NOT CHANGE without changing the layout. */
export const ADDRESS_POINTS_ENCODING = "f64le-lon-lat+u16le-district";

/** Marks a point without a recorded district. */
export const NO_DISTRICT = 0xffff;

/** Address points in memory. */
export interface AddressPoints {
  /** Interleaved lon, lat per point. */
  positions: Float64Array;
  /** Index into `districtCodes` per point, {@link NO_DISTRICT} for none. */
  districtIndex: Uint16Array;
  districtCodes: string[];
}

/** Byte length of the file for `count` points. */
export function addressPointsByteLength(count: number): number {
  return count * 18;
}

/**
 * Encodes points (lon, lat and the district code as recorded; "" for none) into the file's bytes.
 * District codes are listed in order of first appearance. At most 65,535 distinct codes.
 */
export function encodeAddressPoints(points: readonly { lon: number; lat: number; district: string }[]): {
  bytes: Uint8Array;
  districtCodes: string[];
} {
  const count = points.length;
  const bytes = new Uint8Array(addressPointsByteLength(count));
  const view = new DataView(bytes.buffer);
  const districtCodes: string[] = [];
  const indexOf = new Map<string, number>();
  points.forEach((point, i) => {
    view.setFloat64(16 * i, point.lon, true);
    view.setFloat64(16 * i + 8, point.lat, true);
    let district = NO_DISTRICT;
    if (point.district !== "") {
      const known = indexOf.get(point.district);
      if (known !== undefined) district = known;
      else {
        district = districtCodes.length;
        if (district >= NO_DISTRICT) throw new RangeError("more than 65,535 district codes");
        districtCodes.push(point.district);
        indexOf.set(point.district, district);
      }
    }
    view.setUint16(16 * count + 2 * i, district, true);
  });
  return { bytes, districtCodes };
}

/**
 * Decodes the file's bytes. Throws a RangeError when the length does not match `count` (a truncated
 * download or a file from another format version).
 */
export function decodeAddressPoints(
  buffer: ArrayBuffer | Uint8Array,
  count: number,
  districtCodes: readonly string[],
): AddressPoints {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.byteLength !== addressPointsByteLength(count)) {
    throw new RangeError(
      `address points: expected ${addressPointsByteLength(count)} bytes for ${count} points, got ${bytes.byteLength}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const positions = new Float64Array(2 * count);
  const districtIndex = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = view.getFloat64(16 * i, true);
    positions[2 * i + 1] = view.getFloat64(16 * i + 8, true);
    districtIndex[i] = view.getUint16(16 * count + 2 * i, true);
  }
  return { positions, districtIndex, districtCodes: [...districtCodes] };
}
