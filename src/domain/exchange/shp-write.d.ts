/**
 * Types of the one file of @mapbox/shp-write the Shapefile export uses (the package's own types cover
 * only its zip-and-download entry point, which pulls in jszip and file-saver).
 */
declare module "@mapbox/shp-write/src/write.js" {
  /** Parts of a polygon record: rings, or polygons of rings. */
  type Coordinates = number[][][] | number[][][][];
  interface Written {
    shp: DataView;
    shx: DataView;
    dbf: DataView;
    prj: string;
  }
  /**
   * Writes .shp, .shx and .dbf. `rows` become the .dbf (field names cut to 10 characters, strings
   * written one byte per UTF-16 unit, 254 bytes at most). Calls back synchronously.
   */
  function write(
    rows: Record<string, string | number | null>[],
    geometryType: "POLYGON" | "POLYLINE" | "POINT",
    geometries: Coordinates[],
    callback: (error: Error | null, files: Written) => void,
  ): void;
  export default write;
}
