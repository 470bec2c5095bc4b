/**
 * The address points as the analysis engine loads them: a compact binary file (`addresses.bin`, the
 * layout is in src/domain/analysis/address-points-format.ts) and its entry in the catalogue's summary.
 * Coordinates are kept exactly as in the source, not rounded, so that the check "each address lies in
 * its own Unterbezirk" sees the same points as the data's provenance notes.
 */
import type { FeatureCollection, Point } from "geojson";
import {
  ADDRESS_POINTS_ENCODING,
  encodeAddressPoints,
} from "../../src/domain/analysis/address-points-format.ts";
import type { AddressPointsSummary } from "../../src/domain/model/catalogue.ts";

/** File name of the address points in the output folder. */
export const ADDRESS_POINTS_FILE = "addresses.bin";

/** Year the city's address list describes (package date 2024-03-02, see addresses/PROVENANCE.md). */
export const ADDRESS_DATA_YEAR = 2024;

/** Encodes the parsed address points; `urlPrefix` is where the app fetches generated files. */
export function buildAddressPoints(
  addresses: FeatureCollection<Point>,
  urlPrefix: string,
): { bytes: Uint8Array; summary: AddressPointsSummary } {
  const { bytes, districtCodes } = encodeAddressPoints(
    addresses.features.map((f) => ({
      lon: f.geometry.coordinates[0] as number,
      lat: f.geometry.coordinates[1] as number,
      district: String(f.properties?.ubz_nr ?? ""),
    })),
  );
  return {
    bytes,
    summary: {
      url: `${urlPrefix}/${ADDRESS_POINTS_FILE}`,
      encoding: ADDRESS_POINTS_ENCODING,
      count: addresses.features.length,
      byteLength: bytes.byteLength,
      districtLevel: "unterbezirk",
      districtCodes,
      dataYear: ADDRESS_DATA_YEAR,
    },
  };
}
