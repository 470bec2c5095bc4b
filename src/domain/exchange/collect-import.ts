/**
 * The common second half of every import: the format readers hand over raw features (geometry in the
 * file's CRS, raw properties), and this checks the limits, runs each geometry through
 * {@link importGeometry}, takes names and flattens properties, and writes the report.
 *
 * Names and property values are kept as plain text, never interpreted: "<script>" stays "<script>",
 * and it is the UI's job to show text as text (React does).
 */

import { type GeometryOutcome, importGeometry } from "./import-geometry.ts";
import type {
  DropReasonCode,
  ImportedFeature,
  ImportedValue,
  ImportFormat,
  ImportReport,
  ImportResult,
} from "./import-result.ts";
import type { ImportLimits } from "./limits.ts";
import type { SourceCrs } from "./reproject.ts";

/** A feature as a format reader found it. */
export interface RawFeature {
  /** GeoJSON-like geometry in the file's CRS, unchecked. */
  geometry: unknown;
  properties: Record<string, unknown>;
  /** The feature's own CRS, where a file mixes several (Shapefile layers, GeoPackage tables). */
  crs?: SourceCrs;
  /** Set by a reader that could not read the feature at all (an unreadable CSV row). */
  dropReason?: DropReasonCode;
}

/** Progress of an import: 0..1 and the phase ("reading", "parsing", "checking", "done"). */
export type ImportProgress = (fraction: number, phase: string) => void;

/** Property keys taken as the feature's name, in order of preference (compared without case). */
export const NAME_KEYS = ["name", "titel", "title", "bezeichnung", "bez", "gebiet", "label", "nam"];

/** A property value as text or a finite number; null for values that carry nothing. */
export function plainValue(value: unknown): ImportedValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

/** The feature's name: the first non-empty text (or number) under one of {@link NAME_KEYS}. */
export function featureName(properties: Record<string, ImportedValue>): string | null {
  const keys = Object.keys(properties);
  for (const wanted of NAME_KEYS) {
    const key = keys.find((k) => k.toLowerCase() === wanted);
    const value = key === undefined ? undefined : properties[key];
    if (value !== undefined && String(value).trim() !== "") return String(value).trim();
  }
  return null;
}

/** Options of {@link collectImport}. */
export interface CollectOptions {
  format: ImportFormat;
  crs: SourceCrs;
  limits: ImportLimits;
  onProgress?: ImportProgress;
  /** Share of the progress bar already used by reading and parsing (0..1). */
  progressStart?: number;
}

/** Builds the import result from the raw features of a file. */
export function collectImport(raw: readonly RawFeature[], options: CollectOptions): ImportResult {
  const { limits } = options;
  if (raw.length > limits.maxFeatures) {
    return {
      ok: false,
      problem: { code: "too-many-features", count: raw.length, maxFeatures: limits.maxFeatures },
    };
  }
  const report: ImportReport = {
    format: options.format,
    sourceCrs: options.crs.label,
    featureCount: raw.length,
    repaired: [],
    dropped: [],
  };
  const features: ImportedFeature[] = [];
  const start = options.progressStart ?? 0.5;
  const every = Math.max(1, Math.floor(raw.length / 50));
  let vertices = 0;
  for (const [index, feature] of raw.entries()) {
    if (index % every === 0) options.onProgress?.(start + ((1 - start) * index) / raw.length, "checking");
    const properties: Record<string, ImportedValue> = {};
    for (const [key, value] of Object.entries(feature.properties)) {
      const plain = plainValue(value);
      if (plain !== null) properties[key] = plain;
    }
    const name = featureName(properties);
    const outcome: GeometryOutcome = feature.dropReason
      ? { ok: false, reason: feature.dropReason, vertices: 0 }
      : importGeometry(feature.geometry, (feature.crs ?? options.crs).toWgs84, limits);
    vertices += outcome.vertices;
    if (vertices > limits.maxVertices) {
      return { ok: false, problem: { code: "too-many-vertices", vertices, maxVertices: limits.maxVertices } };
    }
    if (!outcome.ok) {
      report.dropped.push({
        index,
        name,
        reason: outcome.reason,
        ...(outcome.params ? { params: outcome.params } : {}),
      });
      continue;
    }
    for (const what of outcome.notes) report.repaired.push({ index, name, what });
    for (const geometry of outcome.geometries)
      features.push({ index, name, geometry, properties: { ...properties } });
  }
  options.onProgress?.(1, "done");
  if (features.length === 0) return { ok: false, problem: { code: "no-features", dropped: report.dropped } };
  const points = features.filter((f) => f.geometry.type === "Point").length;
  const kind = points === 0 ? "areas" : points === features.length ? "points" : "mixed";
  return { ok: true, features, kind, report };
}
