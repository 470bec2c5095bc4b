/**
 * GeoJSON export per RFC 7946: one FeatureCollection in WGS84, one Feature per area with the flat
 * attributes of {@link areaRecord} as properties, outer rings counter-clockwise (right-hand rule) and
 * coordinates rounded to 7 decimals (about 1 cm; RFC 7946 §11.2 recommends 6, but 1 dm would move
 * shared borders apart). A top-level `metadata` member (a foreign member, allowed by RFC 7946 §6.1)
 * names the generator, the plan and variant, the data credits, the CRS, the language of the readable
 * columns and the data dictionary (one entry per property: label, meaning, unit, source).
 */
import type { Feature, FeatureCollection } from "geojson";
import { normalizeAreaGeometry } from "../geometry/normalize-area-geometry.ts";
import { roundCoordinates } from "../geometry/round-coordinates.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { ExportLanguage } from "./attribute-labels.ts";
import { type DictionaryEntry, dataDictionary } from "./data-dictionary.ts";
import { areaRecord } from "./export-attributes.ts";
import type { ExportColumn, ExportRecord } from "./export-column.ts";
import { type ExportFile, exportFileStem } from "./export-file.ts";
import type { ExportInput } from "./export-input.ts";
import { exportColumns } from "./facility-columns.ts";

/** Decimals of exported longitudes and latitudes. */
export const GEOJSON_DECIMALS = 7;

/** The `metadata` member of an exported FeatureCollection. */
export interface ExportMetadata {
  generator: "Pilotkarte";
  version: string;
  exportedAt: string;
  plan: { id: string; name: string };
  /** Null for a whole plan (each feature's `variant` property says which variant it belongs to). */
  variant: { id: string; name: string } | null;
  credits: string[];
  crs: "EPSG:4326";
  coordinateDecimals: number;
  /** Language of the `_label` properties and of the dictionary. */
  language: ExportLanguage;
  /** One entry per property, in property order. */
  dictionary: DictionaryEntry[];
}

export type ExportFeatureCollection = FeatureCollection<AreaGeometry, ExportRecord> & {
  metadata: ExportMetadata;
};

/** The metadata written with every export (GeoJSON member, GeoPackage description, Shapefile readme). */
export function exportMetadata(
  input: ExportInput,
  columns: readonly ExportColumn[] = exportColumns(input),
): ExportMetadata {
  return {
    generator: "Pilotkarte",
    version: input.appVersion,
    exportedAt: input.exportedAt,
    plan: { ...input.plan },
    variant: input.variant ? { ...input.variant } : null,
    credits: [...input.credits],
    crs: "EPSG:4326",
    coordinateDecimals: GEOJSON_DECIMALS,
    language: input.language,
    dictionary: dataDictionary(input, columns),
  };
}

/**
 * An area's geometry rounded to {@link GEOJSON_DECIMALS} and normalised again (rounding can make two
 * vertices equal), in RFC 7946 winding. Falls back to the unrounded area in the (theoretical) case that
 * rounding leaves nothing.
 */
export function roundedGeometry(geometry: AreaGeometry): AreaGeometry {
  const rounded = roundCoordinates(geometry, 10 ** -GEOJSON_DECIMALS);
  return normalizeAreaGeometry(rounded) ?? geometry;
}

/** The export as a GeoJSON object. */
export function buildGeoJsonExport(input: ExportInput): ExportFeatureCollection {
  const columns = exportColumns(input);
  const features: Feature<AreaGeometry, ExportRecord>[] = input.areas.map((entry) => ({
    type: "Feature",
    id: entry.area.id,
    geometry: roundedGeometry(entry.area.geometry),
    properties: areaRecord(entry, columns, { language: input.language }),
  }));
  return { type: "FeatureCollection", metadata: exportMetadata(input, columns), features };
}

/** The export as a `.geojson` file (UTF-8, no BOM, as RFC 8259 asks). */
export function exportGeoJson(input: ExportInput): ExportFile {
  return {
    fileName: `${exportFileStem(input)}.geojson`,
    mimeType: "application/geo+json",
    bytes: new TextEncoder().encode(JSON.stringify(buildGeoJsonExport(input))),
  };
}
