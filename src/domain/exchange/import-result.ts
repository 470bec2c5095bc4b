/**
 * The result of reading a file of someone else's areas: the features, in WGS84, with a report of what
 * was mended and what was left out, or one problem that stopped the import. Every problem, repair and
 * reason is a stable code with parameters that the UI translates (`src/i18n/messages/exchange-*.ts`).
 * Codes are part of the worker's interface: DO NOT RENAME without updating the messages.
 */
import type { Point } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";

/** Formats the import understands. */
export type ImportFormat = "geojson" | "kml" | "kmz" | "gpx" | "shapefile" | "geopackage" | "csv";

/** The two coordinate reference systems a caller may pick when a file does not say which it uses. */
export type AssumableCrs = "EPSG:4326" | "EPSG:25832";

/** A property value as imported: plain text or a finite number, never interpreted. */
export type ImportedValue = string | number;

/** One feature read from the file, in WGS84 (RFC 7946 winding for areas). */
export interface ImportedFeature {
  /** Position of the feature in the file (0-based); parts of one feature share it. */
  index: number;
  /** The feature's name as text, or null when it has none (the UI names it "Importiertes Gebiet n"). */
  name: string | null;
  geometry: AreaGeometry | Point;
  /** The feature's attributes, flattened to text and numbers. */
  properties: Record<string, ImportedValue>;
}

/** What was mended on a feature that was kept. */
export type RepairNoteCode =
  /** Heights (a third coordinate other than 0) were dropped. */
  | "3d-coordinates-dropped"
  /** A ring that did not end where it started was closed. */
  | "unclosed-ring-closed"
  /** A ring that crossed itself was split into simple parts. */
  | "self-intersection-repaired"
  /** Overlapping parts were merged or holes cut back to their outer ring. */
  | "overlaps-merged"
  /** Parts that touched at a point were moved apart by about a millimetre. */
  | "touching-rings-separated"
  /** Slivers (rings thinner than a few centimetres) were dropped. */
  | "slivers-removed"
  /** Positions without two usable coordinates were dropped. */
  | "invalid-positions-removed"
  /** A closed line (a GPS track walked round an area) was taken as the area it encloses. */
  | "line-closed-to-area"
  /** The polygons of a GeometryCollection were taken as one area; its other members were left out. */
  | "geometry-collection-split";

/** Why a feature was left out. */
export type DropReasonCode =
  /** The feature has no geometry. */
  | "null-geometry"
  /** The geometry has no coordinates, or nothing was left of it after repair. */
  | "empty-geometry"
  /** Coordinates are not numbers, or are nested wrongly for the geometry type. */
  | "invalid-coordinates"
  /** Coordinates are infinite or outside longitude ±180° / latitude ±90° after reprojection. */
  | "coordinates-out-of-range"
  /** A GeometryCollection without any polygon. */
  | "geometry-collection"
  /** A line whose ends do not meet: it encloses no area. */
  | "open-line"
  /** A geometry type the import does not know. */
  | "unsupported-geometry"
  /** Smaller than the smallest pilot area. */
  | "too-small"
  /** More vertices than one feature may have. */
  | "too-many-vertices"
  /** Broken and too large to mend in reasonable time (more than MAX_REPAIR_VERTICES vertices). */
  | "too-complex-to-repair"
  /** A CSV row whose coordinates or WKT could not be read. */
  | "unreadable-row";

/** A mended feature, for the report. */
export interface RepairNote {
  index: number;
  name: string | null;
  what: RepairNoteCode;
}

/** A feature left out, with the reason and the figures that explain it. */
export interface DroppedFeature {
  index: number;
  name: string | null;
  reason: DropReasonCode;
  /** e.g. { type: "TIN" } for unsupported-geometry, { areaM2, minAreaM2 } for too-small. */
  params?: Record<string, string | number>;
}

/** What the import did. */
export interface ImportReport {
  format: ImportFormat;
  /** The coordinate reference system the file was read in, e.g. "EPSG:25832", "EPSG:4326". */
  sourceCrs: string;
  /** Features in the file before anything was dropped. */
  featureCount: number;
  repaired: RepairNote[];
  dropped: DroppedFeature[];
  /** Set when the file was read with x and y swapped on request (`ImportOptions.swapAxes`). */
  axesSwapped?: boolean;
}

/** One problem that stopped the import. */
export type ImportProblem =
  /** The file is larger than {@link MAX_IMPORT_BYTES}. */
  | { code: "too-large"; bytes: number; maxBytes: number }
  /** The file holds nothing (0 bytes or only white space). */
  | { code: "empty-file" }
  /** Not a format the import reads (an image, a PDF, a spreadsheet, plain text). */
  | { code: "not-geodata"; fileName: string }
  /** JSON that ends in the middle (an interrupted download). */
  | { code: "truncated-json" }
  /** JSON with a syntax error. */
  | { code: "invalid-json"; position: number }
  /** JSON, but not GeoJSON (no Feature, FeatureCollection or geometry at the top). */
  | { code: "not-geojson" }
  /** XML that cannot be read. */
  | { code: "invalid-xml" }
  /** XML with a document type declaration (DTD), refused for safety (entity expansion, external files). */
  | { code: "xml-doctype" }
  /** A zip that cannot be read (damaged, encrypted, ZIP64 or an unknown compression). */
  | { code: "invalid-zip"; detail: string }
  /** A zip that would unpack to more than the limit. */
  | { code: "zip-bomb"; declaredBytes: number; maxBytes: number }
  /** A zip holding nothing the import reads. */
  | { code: "zip-without-geodata"; entries: number }
  /** A bare .shp: its attributes and CRS live in sibling files, so a zip of all of them is needed. */
  | { code: "shapefile-not-zipped" }
  /** A Shapefile zip whose .shp has no .dbf or whose .shp is damaged. */
  | { code: "invalid-shapefile"; detail: string }
  /** A SQLite file that is not a GeoPackage, or a damaged one. */
  | { code: "invalid-geopackage"; detail: string }
  /** A CSV without coordinate columns (lon/lat, easting/northing, x/y) or a WKT column. */
  | { code: "csv-without-coordinates"; columns: string }
  /** The file names a coordinate reference system the import does not know. */
  | { code: "unknown-crs"; crs: string }
  /**
   * The file does not say which coordinate reference system it uses: ask the user, offering the
   * suggestion (from the coordinates' ranges, or null when they fit neither), then call again with
   * `options.assumeCrs`.
   */
  | { code: "needs-crs"; format: ImportFormat; suggestion: AssumableCrs | null }
  /** Nothing usable was found; `dropped` says why each feature was left out. */
  | { code: "no-features"; dropped: DroppedFeature[] }
  /** More features than {@link MAX_IMPORT_FEATURES}. */
  | { code: "too-many-features"; count: number; maxFeatures: number }
  /** More vertices than {@link MAX_IMPORT_VERTICES}. */
  | { code: "too-many-vertices"; vertices: number; maxVertices: number };

export type ImportProblemCode = ImportProblem["code"];

/** What {@link parseImport} returns. */
export type ImportResult =
  | {
      ok: true;
      features: ImportedFeature[];
      /** "areas" when every feature is an area, "points" when every one is a point, else "mixed". */
      kind: "areas" | "points" | "mixed";
      report: ImportReport;
    }
  | { ok: false; problem: ImportProblem };

/** Every problem code, for the message files' completeness test. */
export const IMPORT_PROBLEM_CODES: readonly ImportProblemCode[] = [
  "too-large",
  "empty-file",
  "not-geodata",
  "truncated-json",
  "invalid-json",
  "not-geojson",
  "invalid-xml",
  "xml-doctype",
  "invalid-zip",
  "zip-bomb",
  "zip-without-geodata",
  "shapefile-not-zipped",
  "invalid-shapefile",
  "invalid-geopackage",
  "csv-without-coordinates",
  "unknown-crs",
  "needs-crs",
  "no-features",
  "too-many-features",
  "too-many-vertices",
];

/** Every repair code. */
export const REPAIR_NOTE_CODES: readonly RepairNoteCode[] = [
  "3d-coordinates-dropped",
  "unclosed-ring-closed",
  "self-intersection-repaired",
  "overlaps-merged",
  "touching-rings-separated",
  "slivers-removed",
  "invalid-positions-removed",
  "line-closed-to-area",
  "geometry-collection-split",
];

/** Every drop reason code. */
export const DROP_REASON_CODES: readonly DropReasonCode[] = [
  "null-geometry",
  "empty-geometry",
  "invalid-coordinates",
  "coordinates-out-of-range",
  "geometry-collection",
  "open-line",
  "unsupported-geometry",
  "too-small",
  "too-many-vertices",
  "too-complex-to-repair",
  "unreadable-row",
];
