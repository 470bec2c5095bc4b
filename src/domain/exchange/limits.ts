/**
 * Limits of the import, in a module of their own so that the UI can state them before a file is read.
 * Every limit guards the browser tab against a file that would exhaust its memory or time, whether by
 * accident (a whole city's parcels) or on purpose (a zip bomb).
 */

/** Largest file accepted, in bytes (100 MiB). Checked before anything is read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * Largest total a zip (Shapefile zip, KMZ) may unpack to, in bytes (256 MiB). Checked twice: against
 * the sizes the archive declares, and while inflating (an entry that inflates past its declared size is
 * refused at once), so a zip bomb is refused after a few kilobytes of output.
 */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** Most entries read from a zip. */
export const MAX_ZIP_ENTRIES = 1000;

/** Most features in one file (areas and points together). */
export const MAX_IMPORT_FEATURES = 50_000;

/** Most vertices in one file, all features together (a 50 MB GeoJSON holds about 2.2 million). */
export const MAX_IMPORT_VERTICES = 5_000_000;

/** Most vertices in one feature; repairing a broken ring costs O(n²), so larger ones are refused. */
export const MAX_FEATURE_VERTICES = 100_000;

/**
 * Most vertices of a feature that needs repair: clipping a ring costs O((n + k) log n) for k crossings,
 * and a scribbled ring of n vertices can cross itself some n² times, so larger broken features are
 * left out rather than freezing the import for minutes.
 */
export const MAX_REPAIR_VERTICES = 10_000;

/** A line whose ends lie closer than this (metres) counts as closed and is taken as an area (GPS tracks). */
export const CLOSED_LINE_TOLERANCE_M = 25;

/** All limits, as passed to the import (tests lower them). */
export interface ImportLimits {
  maxBytes: number;
  maxUnzippedBytes: number;
  maxZipEntries: number;
  maxFeatures: number;
  maxVertices: number;
  maxFeatureVertices: number;
  maxRepairVertices: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: MAX_IMPORT_BYTES,
  maxUnzippedBytes: MAX_UNZIPPED_BYTES,
  maxZipEntries: MAX_ZIP_ENTRIES,
  maxFeatures: MAX_IMPORT_FEATURES,
  maxVertices: MAX_IMPORT_VERTICES,
  maxFeatureVertices: MAX_FEATURE_VERTICES,
  maxRepairVertices: MAX_REPAIR_VERTICES,
});
