/**
 * Reading a zipped Shapefile (one or more layers) with shpjs's record readers; the zip itself is read by
 * the guarded reader of `read-zip.ts`, not by shpjs. Coordinates are reprojected here with the CRS the
 * .prj names. A layer without .prj is NOT guessed: the import asks for the CRS (`needs-crs`, with a
 * suggestion from the layer's bounding box) unless the caller passed `assumeCrs`. Text is decoded with
 * the .cpg's encoding; without one, as UTF-8 if it is valid UTF-8, else as Windows-1252 (what older
 * German Shapefiles use).
 */
import { parseDbf, parseShp } from "shpjs";
import type { RawFeature } from "./collect-import.ts";
import type { ReaderOptions, ReaderResult } from "./reader-result.ts";
import { type SourceCrs, sourceCrsFromName, sourceCrsFromWkt } from "./reproject.ts";
import { suggestCrs } from "./suggest-crs.ts";

/** The bounding box corners from a .shp header (bytes 36–67), for the CRS suggestion. */
function headerCorners(shp: Uint8Array): [number, number][] {
  if (shp.length < 100) return [];
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const [xmin, ymin, xmax, ymax] = [36, 44, 52, 60].map((o) => view.getFloat64(o, true)) as number[];
  return [
    [xmin as number, ymin as number],
    [xmax as number, ymax as number],
  ];
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Reads the layers of a Shapefile zip, given its unpacked .shp, .dbf, .prj and .cpg entries. */
export function readShapefile(files: ReadonlyMap<string, Uint8Array>, options: ReaderOptions): ReaderResult {
  const byLowerName = new Map([...files].map(([name, bytes]) => [name.toLowerCase(), bytes]));
  const bases = [...byLowerName.keys()].filter((n) => n.endsWith(".shp")).map((n) => n.slice(0, -4));
  const features: RawFeature[] = [];
  const labels: string[] = [];
  const text = (bytes: Uint8Array | undefined) =>
    bytes ? new TextDecoder().decode(bytes).trim() : undefined;
  for (const base of bases) {
    const shp = byLowerName.get(`${base}.shp`) as Uint8Array;
    const dbf = byLowerName.get(`${base}.dbf`);
    const prj = text(byLowerName.get(`${base}.prj`));
    let crs: SourceCrs | null;
    if (prj) {
      crs = sourceCrsFromWkt(prj);
      if (crs === null) return { ok: false, problem: { code: "unknown-crs", crs: prj.slice(0, 120) } };
    } else if (options.assumeCrs) {
      crs = sourceCrsFromName(options.assumeCrs);
    } else {
      return {
        ok: false,
        problem: { code: "needs-crs", format: "shapefile", suggestion: suggestCrs(headerCorners(shp)) },
      };
    }
    let geometries: unknown[];
    let rows: Record<string, unknown>[] = [];
    try {
      geometries = parseShp(view(shp));
      if (dbf) {
        const cpg = text(byLowerName.get(`${base}.cpg`)) || (isUtf8(dbf) ? "utf-8" : "windows-1252");
        rows = parseDbf(view(dbf), cpg);
      }
    } catch (error) {
      return {
        ok: false,
        problem: { code: "invalid-shapefile", detail: String((error as Error).message).slice(0, 200) },
      };
    }
    const layerCrs = crs as SourceCrs;
    labels.push(layerCrs.label);
    geometries.forEach((geometry, i) => {
      features.push({ geometry, properties: rows[i] ?? {}, crs: layerCrs });
    });
  }
  const first = features[0]?.crs;
  return {
    ok: true,
    features,
    crs: { label: [...new Set(labels)].join(", ") || "EPSG:4326", toWgs84: first?.toWgs84 ?? null },
  };
}
