/**
 * What the import dialog needs of a file that was read, without the features themselves: the exchange
 * worker keeps the (possibly 50 MB of) parsed features and sends the page only this summary, so the
 * main thread never has to receive them just to show a preview. The features follow on confirmation:
 * an overlay as one GeoJSON text (MapLibre parses it in its own worker) with label points, pilot areas
 * prepared and in batches.
 *
 * The preview also reads each area's attributes as the import as pilot areas will
 * ({@link readAreaAttributes}) and lists every value that cannot be taken over, so that "nothing to
 * report" is never said of a file whose status or fields would be dropped.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { labelPoint } from "../geometry/label-point.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { ImportedFeature, ImportReport, ImportResult } from "./import-result.ts";
import { type AttributeIssue, readAreaAttributes } from "./read-exported-attributes.ts";

/** A value of a feature that will not be taken over as an attribute of a pilot area. */
export interface FeatureAttributeIssue extends AttributeIssue {
  /** Position of the feature in the file (0-based). */
  index: number;
  name: string | null;
}

/** How many of the areas bring each attribute (a value present and at least partly taken over). */
export interface AttributesFound {
  fields: number;
  status: number;
  partners: number;
  notes: number;
}

/**
 * The attributes of a file's areas as the import will read them: every value left out, and how many
 * areas bring each attribute. Each feature counts once (its parts share the properties); points are
 * not pilot areas and are left out.
 */
export function attributeIssuesOf(features: readonly ImportedFeature[]): {
  issues: FeatureAttributeIssue[];
  found: AttributesFound;
} {
  const issues: FeatureAttributeIssue[] = [];
  const found: AttributesFound = { fields: 0, status: 0, partners: 0, notes: 0 };
  const seen = new Set<number>();
  for (const feature of features) {
    if (feature.geometry.type === "Point" || seen.has(feature.index)) continue;
    seen.add(feature.index);
    const read = readAreaAttributes(feature.properties);
    for (const issue of read.issues) issues.push({ index: feature.index, name: feature.name, ...issue });
    const { attributes } = read;
    if (attributes.fields && attributes.fields.length > 0) found.fields += 1;
    if (attributes.status) found.status += 1;
    if (attributes.partners && attributes.partners.length > 0) found.partners += 1;
    if (attributes.notes && attributes.notes.trim() !== "") found.notes += 1;
  }
  return { issues, found };
}

import { axesLookSwapped } from "./swap-axes.ts";

/** One row of the preview table: a feature of the file (its parts counted once). */
export interface ImportPreviewRow {
  index: number;
  name: string | null;
  point: boolean;
}

export interface ImportPreview {
  ok: true;
  kind: "areas" | "points" | "mixed";
  /** The report, its lists cut to the first `reportItems` entries (counts below are complete). */
  report: ImportReport;
  repairedCount: number;
  droppedCount: number;
  /** The first `rows` features. */
  rows: ImportPreviewRow[];
  /** Features kept (parts of one feature counted once). */
  rowCount: number;
  /** Areas and points kept (each part of a split feature counted). */
  areaCount: number;
  pointCount: number;
  /** [west, south, east, north] of everything kept, in degrees. */
  bbox: [number, number, number, number] | null;
  /** Values that will not be taken over as attributes of pilot areas, the first `reportItems` of them. */
  attributeIssues: FeatureAttributeIssue[];
  attributeIssueCount: number;
  /** How many areas bring each attribute. */
  attributesFound: AttributesFound;
  /**
   * The features lie far from Dortmund but would lie near it with longitude and latitude swapped
   * (`swap-axes.ts`): the dialog warns and offers to read the file again with `swapAxes`.
   */
  axesLookSwapped: boolean;
}

export function previewImport(
  result: Extract<ImportResult, { ok: true }>,
  options: { rows?: number; reportItems?: number } = {},
): ImportPreview {
  const maxRows = options.rows ?? 10;
  const maxItems = options.reportItems ?? 50;
  const rows: ImportPreviewRow[] = [];
  const seen = new Set<number>();
  let areaCount = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const extend = (position: readonly number[]) => {
    const [x = Number.NaN, y = Number.NaN] = position;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  };
  for (const feature of result.features) {
    const point = feature.geometry.type === "Point";
    if (!point) areaCount += 1;
    if (!seen.has(feature.index)) {
      seen.add(feature.index);
      if (rows.length < maxRows) rows.push({ index: feature.index, name: feature.name, point });
    }
    const geometry = feature.geometry;
    if (geometry.type === "Point") extend(geometry.coordinates);
    else {
      // Outer rings bound a valid area.
      const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      for (const part of parts) for (const position of part[0] ?? []) extend(position);
    }
  }
  const { report } = result;
  const attributes = attributeIssuesOf(result.features);
  const bbox: [number, number, number, number] | null = [west, south, east, north].every(Number.isFinite)
    ? [west, south, east, north]
    : null;
  return {
    ok: true,
    kind: result.kind,
    report: {
      ...report,
      repaired: report.repaired.slice(0, maxItems),
      dropped: report.dropped.slice(0, maxItems),
    },
    repairedCount: report.repaired.length,
    droppedCount: report.dropped.length,
    rows,
    rowCount: seen.size,
    areaCount,
    pointCount: result.features.length - areaCount,
    bbox,
    axesLookSwapped: axesLookSwapped(bbox),
    attributeIssues: attributes.issues.slice(0, maxItems),
    attributeIssueCount: attributes.issues.length,
    attributesFound: attributes.found,
  };
}

/** Properties of an overlay feature on the map: the name from the file (text only) or "". */
export interface OverlayFeatureProperties {
  name: string;
}

/** Properties of an overlay's label point. */
export interface OverlayLabelProperties extends OverlayFeatureProperties {
  /** 1 for a point feature (the label goes below it), 0 for an area (the label sits inside). */
  isPoint: number;
}

/**
 * An imported file as an overlay layer: its features with only their names, and one label point per
 * named feature (polylabel inside an area, so a label sits inside even a concave area and does not
 * repeat on every map tile).
 */
export function overlayLayerData(features: readonly ImportedFeature[]): {
  collection: FeatureCollection<AreaGeometry | Point, OverlayFeatureProperties>;
  labels: FeatureCollection<Point, OverlayLabelProperties>;
} {
  const labels: Feature<Point, OverlayLabelProperties>[] = [];
  for (const feature of features) {
    if (!feature.name) continue;
    const geometry = feature.geometry;
    labels.push({
      type: "Feature",
      geometry: {
        type: "Point",
        coordinates: geometry.type === "Point" ? geometry.coordinates : labelPoint(geometry),
      },
      properties: { name: feature.name, isPoint: geometry.type === "Point" ? 1 : 0 },
    });
  }
  return {
    collection: {
      type: "FeatureCollection",
      features: features.map((f) => ({
        type: "Feature",
        geometry: f.geometry,
        properties: { name: f.name ?? "" },
      })),
    },
    labels: { type: "FeatureCollection", features: labels },
  };
}
