/**
 * A guess at the CRS of coordinates from their ranges, offered to the user when a file does not say
 * (a Shapefile without .prj, a CSV with x/y columns). Never applied without asking.
 */
import type { AssumableCrs } from "./import-result.ts";

/** Whether a position could be longitude/latitude. */
export const isLonLat = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/**
 * Whether a position could be ETRS89 / UTM 32N in or near Germany: eastings 100–900 km (the zone's
 * false easting is 500 km), northings 5,000–6,500 km (about 45° to 58.5° N).
 */
export const isUtm32 = (x: number, y: number): boolean =>
  x >= 100_000 && x <= 900_000 && y >= 5_000_000 && y <= 6_500_000;

/** "EPSG:4326" or "EPSG:25832" when every position fits it, else null. */
export function suggestCrs(positions: readonly (readonly [number, number])[]): AssumableCrs | null {
  const finite = positions.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length === 0) return null;
  if (finite.every(([x, y]) => isLonLat(x, y))) return "EPSG:4326";
  if (finite.every(([x, y]) => isUtm32(x, y))) return "EPSG:25832";
  return null;
}

/** Up to `max` positions from raw GeoJSON-like geometries (the first of each), for {@link suggestCrs}. */
export function samplePositions(geometries: readonly unknown[], max = 200): [number, number][] {
  const out: [number, number][] = [];
  const first = (value: unknown): [number, number] | null => {
    let v = value;
    while (Array.isArray(v) && Array.isArray(v[0])) v = v[0];
    return Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "number" ? [v[0], v[1]] : null;
  };
  for (const g of geometries) {
    if (out.length >= max) break;
    if (typeof g !== "object" || g === null) continue;
    const record = g as { coordinates?: unknown; geometries?: unknown[] };
    const p = first(
      record.coordinates ??
        (Array.isArray(record.geometries)
          ? (record.geometries[0] as { coordinates?: unknown })?.coordinates
          : undefined),
    );
    if (p) out.push(p);
  }
  return out;
}
