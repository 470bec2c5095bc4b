/**
 * Exchange with partners: export of areas with their figures (GeoJSON, CSV, GeoPackage, Shapefile) and
 * import of other people's areas and points (GeoJSON, KML/KMZ, GPX, Shapefile, GeoPackage, CSV).
 * Pure: no UI, no storage; the worker (`src/workers/exchange.worker.ts`) and the command line
 * (`scripts/cli.ts`) call it. The file format is documented in `docs/export-format.md`.
 */

export {
  EXPORT_LANGUAGES,
  type ExportLanguage,
  FIELD_LABELS,
  fieldFromText,
  LEVEL_LABELS,
  normaliseLabel,
  STATUS_LABELS,
  statusFromText,
} from "./attribute-labels.ts";
export { BASE_COLUMNS, LEVEL_COLUMNS } from "./base-columns.ts";
export type { ImportProgress } from "./collect-import.ts";
export type { ExportCrs } from "./crs.ts";
export type { CsvDialect } from "./csv-format.ts";
export {
  DICTIONARY_TABLE,
  type DictionaryEntry,
  dataDictionary,
  dictionaryFileName,
} from "./data-dictionary.ts";
export { areaRecord } from "./export-attributes.ts";
export type { ExportColumn, ExportRecord } from "./export-column.ts";
export {
  DISTRICT_CSV_COLUMNS,
  DISTRICT_CSV_HEADERS_DE,
  exportAreasCsv,
  exportDistrictsCsv,
} from "./export-csv.ts";
export { type ExportFile, exportFileStem } from "./export-file.ts";
export {
  buildGeoJsonExport,
  type ExportFeatureCollection,
  type ExportMetadata,
  exportGeoJson,
  GEOJSON_DECIMALS,
} from "./export-geojson.ts";
export { exportGeoPackage, GEOPACKAGE_TABLE, type GeoPackageExportOptions } from "./export-geopackage.ts";
export type { ExportArea, ExportInput, ExportLayer, ExportMeta, ExportScope } from "./export-input.ts";
export { exportLayersOf, selectExport } from "./export-input.ts";
export { exportShapefile, type ShapefileExportOptions } from "./export-shapefile.ts";
export { exportColumns, facilityKey, facilityNearKey } from "./facility-columns.ts";
export {
  type AttributesFound,
  attributeIssuesOf,
  type FeatureAttributeIssue,
  type ImportPreview,
  type ImportPreviewRow,
  type OverlayFeatureProperties,
  type OverlayLabelProperties,
  overlayLayerData,
  previewImport,
} from "./import-preview.ts";
export * from "./import-result.ts";
export * from "./limits.ts";
export type { SqlJsConfig } from "./load-sql-js.ts";
export { type ImportOptions, parseImport } from "./parse-import.ts";
export {
  type PreparedImportArea,
  prepareImportedAreas,
  type RefusedImportArea,
} from "./prepare-imported-areas.ts";
export {
  ATTRIBUTE_ISSUE_CODES,
  type AttributeIssue,
  type AttributeIssueCode,
  readAreaAttributes,
  readExportedAttributes,
} from "./read-exported-attributes.ts";
export { axesLookSwapped, EXPECTED_REGION } from "./swap-axes.ts";
