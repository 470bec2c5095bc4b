/**
 * Files whose coordinates have latitude first and longitude second. Nothing in a GeoJSON, KML or CSV
 * file says which order was used, and such a file reads without error: Dortmund (7.4° E, 51.5° N)
 * then lands at 51.5° E, 7.4° N, in Somalia. The import preview warns when the features lie far from
 * Dortmund but would lie near it with the axes swapped, and offers to read the file again swapped.
 */
import type { RawFeature } from "./collect-import.ts";

/**
 * Where imported features are expected, [west, south, east, north] in degrees: North Rhine-Westphalia
 * and its neighbours, generous enough for any partner's file about Dortmund and its region.
 */
export const EXPECTED_REGION: readonly [number, number, number, number] = [5, 49.5, 10.5, 53.5];

const inRegion = (lon: number, lat: number) => {
  const [west, south, east, north] = EXPECTED_REGION;
  return lon >= west && lon <= east && lat >= south && lat <= north;
};

/**
 * Whether features with this bounding box ([west, south, east, north], WGS84) look as if their axes
 * were swapped: the middle of the box lies outside {@link EXPECTED_REGION}, and with longitude and
 * latitude swapped it would lie inside.
 */
export function axesLookSwapped(bbox: readonly [number, number, number, number] | null): boolean {
  if (bbox === null) return false;
  const [west, south, east, north] = bbox;
  const lon = (west + east) / 2;
  const lat = (south + north) / 2;
  return !inRegion(lon, lat) && inRegion(lat, lon);
}

/** A copy of GeoJSON-like coordinates with the first two numbers of every position swapped. */
function swapCoordinates(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (typeof value[0] === "number" && typeof value[1] === "number")
    return [value[1], value[0], ...value.slice(2)];
  return value.map(swapCoordinates);
}

function swapGeometry(geometry: unknown): unknown {
  if (typeof geometry !== "object" || geometry === null) return geometry;
  const g = geometry as { coordinates?: unknown; geometries?: unknown };
  return {
    ...g,
    ...("coordinates" in g ? { coordinates: swapCoordinates(g.coordinates) } : {}),
    ...(Array.isArray(g.geometries) ? { geometries: g.geometries.map(swapGeometry) } : {}),
  };
}

/** The features with x and y of every position swapped (before reprojection, in the file's CRS). */
export function swapRawAxes(features: readonly RawFeature[]): RawFeature[] {
  return features.map((feature) => ({ ...feature, geometry: swapGeometry(feature.geometry) }));
}
