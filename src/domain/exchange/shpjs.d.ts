/**
 * The parts of shpjs 6.2 the Shapefile import uses (the published @types/shpjs describe an older API).
 */
declare module "shpjs" {
  /** Geometries of a .shp, as GeoJSON (null for null shapes); reprojected to WGS84 when `prj` is given. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): (unknown | null)[];
  /** Rows of a .dbf, decoded with the .cpg's encoding (UTF-8 when none is given). */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}
