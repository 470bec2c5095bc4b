/**
 * Small builders for synthetic GeoJSON in the data-step tests, plus two independent yardsticks
 * (spherical rectangle area, point in polygon) so the tests do not check Turf against itself.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature, FeatureCollection, Geometry, Point, Position } from "geojson";
import { LAYER_DEFINITIONS, type LayerDefinition } from "../../../data/catalogue.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** The synthetic data folder, laid out like the real one. */
export const MINI_DATA_DIR = resolve(here, "..", "..", "fixtures", "data", "dortmund-mini");

export function readFixture<T = FeatureCollection>(relativePath: string): T {
  return JSON.parse(readFileSync(join(MINI_DATA_DIR, relativePath), "utf8")) as T;
}

/** A copy of a catalogue definition, with the given fields replaced. */
export function definition(id: string, changes: Partial<LayerDefinition> = {}): LayerDefinition {
  const original = LAYER_DEFINITIONS.find((d) => d.id === id);
  if (!original) throw new Error(`no layer definition ${id}`);
  return { ...structuredClone(original), ...changes };
}

export function point(lon: number, lat: number): Point {
  return { type: "Point", coordinates: [lon, lat] };
}

export function feature<G extends Geometry | null>(
  geometry: G,
  properties: Record<string, unknown> = {},
): Feature<G extends null ? never : G> {
  return { type: "Feature", geometry, properties } as Feature<G extends null ? never : G>;
}

export function collection<F extends Feature>(features: F[]): FeatureCollection<F["geometry"]> {
  return { type: "FeatureCollection", features } as FeatureCollection<F["geometry"]>;
}

const WGS84_A = 6378137;
const WGS84_F = 1 / 298.257223563;

/**
 * Area of a lon/lat rectangle bounded by meridians and parallels on the WGS84 ellipsoid, in km²
 * (closed form via the authalic latitude). For boxes a few km across it differs from a polygon with
 * geodesic edges by about 1e-7, while the sphere is about 3e-3 off.
 */
export function ellipsoidRectKm2(west: number, south: number, east: number, north: number): number {
  const e2 = WGS84_F * (2 - WGS84_F);
  const e = Math.sqrt(e2);
  const b = WGS84_A * (1 - WGS84_F);
  const strip = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return ((b * b) / 2) * (s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e));
  };
  return ((((east - west) * Math.PI) / 180) * (strip(north) - strip(south))) / 1e6;
}

/** Mean Earth radius Turf uses (metres). */
const EARTH_RADIUS = 6371008.8;

/** Exact area of a lon/lat rectangle on Turf's sphere, in km²: R² · Δλ · (sin φ2 − sin φ1). */
export function sphericalRectKm2(west: number, south: number, east: number, north: number): number {
  const rad = Math.PI / 180;
  return (EARTH_RADIUS ** 2 * (east - west) * rad * (Math.sin(north * rad) - Math.sin(south * rad))) / 1e6;
}

/** Even-odd ray casting over all rings; true for points strictly inside (boundary cases undefined). */
export function insidePolygon(p: Position, rings: Position[][]): boolean {
  const [x = Number.NaN, y = Number.NaN] = p;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The item at `index`, failing the test clearly when it is not there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected an item at index ${index}, the list has ${list.length}`);
  return item;
}
