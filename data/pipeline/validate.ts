/**
 * Checks one raw layer against its catalogue definition: feature count, bounding box, geometry
 * validity and expected properties. Pure: takes parsed JSON, returns the problems found.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { findRingContact } from "../../src/domain/geometry/find-ring-contacts.ts";
import { isValidAreaGeometry } from "../../src/domain/geometry/validate-area-geometry.ts";
import type { LayerDefinition } from "../catalogue.ts";

/** A failure of the data step, naming the file and what is wrong with it. */
export class DataStepError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "DataStepError";
  }
}

/** At most this many examples of one problem are listed, so a broken file gives a readable message. */
const MAX_EXAMPLES = 3;

function forEachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case "Point":
      visit(geometry.coordinates);
      return;
    case "MultiPoint":
    case "LineString":
      for (const p of geometry.coordinates) visit(p);
      return;
    case "MultiLineString":
    case "Polygon":
      for (const ring of geometry.coordinates) for (const p of ring) visit(p);
      return;
    case "MultiPolygon":
      for (const polygon of geometry.coordinates) for (const ring of polygon) for (const p of ring) visit(p);
      return;
    case "GeometryCollection":
      for (const g of geometry.geometries) forEachPosition(g, visit);
      return;
  }
}

/** True when the value is a GeoJSON FeatureCollection with a features array. */
export function isFeatureCollection(value: unknown): value is FeatureCollection {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "FeatureCollection" &&
    Array.isArray((value as { features?: unknown }).features)
  );
}

function describeFeature(index: number): string {
  return `feature #${index + 1}`;
}

/**
 * Checks a parsed layer. Returns problems as sentences; an empty list means the layer is usable.
 * Polygons are checked with the app's own validity check (`validate-area-geometry.ts`: rings closed,
 * no ring crossing or touching itself or another, holes inside their outer ring), the one the app
 * and the import use; a crossing or contact is named by where it is.
 */
export function validateLayer(definition: LayerDefinition, data: unknown): string[] {
  if (!isFeatureCollection(data)) {
    return ["is not a GeoJSON FeatureCollection"];
  }
  const problems: string[] = [];
  const { min, max } = definition.expectedCount;
  const count = data.features.length;
  if (count < min || count > max) {
    problems.push(
      min === max
        ? `has ${count} features, expected ${min}`
        : `has ${count} features, expected between ${min} and ${max}`,
    );
  }
  const [west, south, east, north] = definition.bboxLimit;
  const outside: string[] = [];
  const badGeometry: string[] = [];
  const invalid: string[] = [];
  const missing = new Map<string, string[]>();
  const nulls = new Map<string, string[]>();
  data.features.forEach((feature: Feature, index) => {
    const geometry = feature?.geometry;
    if (!geometry || !definition.geometryTypes.includes(geometry.type)) {
      badGeometry.push(`${describeFeature(index)} (${geometry ? geometry.type : "no geometry"})`);
      return;
    }
    let firstOutside: Position | null = null;
    let nonNumeric = false;
    forEachPosition(geometry, (p) => {
      const [x, y] = p;
      if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
        nonNumeric = true;
        return;
      }
      if (!firstOutside && (x < west || x > east || y < south || y > north)) firstOutside = p;
    });
    if (nonNumeric) {
      invalid.push(`${describeFeature(index)} has non-numeric coordinates`);
    } else if (firstOutside) {
      const [x, y] = firstOutside as Position;
      outside.push(`${describeFeature(index)} at [${x}, ${y}]`);
    } else if (
      (geometry.type === "Polygon" || geometry.type === "MultiPolygon") &&
      !isValidAreaGeometry(geometry)
    ) {
      const crossing = findRingContact(geometry);
      invalid.push(
        `${describeFeature(index)} is not a valid ${geometry.type}` +
          (crossing ? ` (self-intersection at [${crossing.join(", ")}])` : ""),
      );
    }
    const properties = feature.properties ?? {};
    for (const key of definition.requiredProperties) {
      if (!(key in properties)) {
        const list = missing.get(key) ?? [];
        list.push(describeFeature(index));
        missing.set(key, list);
      } else if (definition.nonNull?.includes(key) && (properties[key] === null || properties[key] === "")) {
        const list = nulls.get(key) ?? [];
        list.push(describeFeature(index));
        nulls.set(key, list);
      }
    }
  });
  const summarise = (items: string[]) =>
    items.slice(0, MAX_EXAMPLES).join(", ") +
    (items.length > MAX_EXAMPLES ? ` and ${items.length - MAX_EXAMPLES} more` : "");
  if (badGeometry.length > 0) {
    problems.push(
      `has geometries other than ${definition.geometryTypes.join("/")}: ${summarise(badGeometry)}`,
    );
  }
  if (outside.length > 0) {
    problems.push(
      `has coordinates outside the Dortmund area [${definition.bboxLimit.join(", ")}] (wrong CRS or axis order?): ${summarise(outside)}`,
    );
  }
  if (invalid.length > 0) problems.push(`has invalid geometries: ${summarise(invalid)}`);
  for (const [key, list] of missing) {
    problems.push(`lacks the property "${key}" in ${list.length} features: ${summarise(list)}`);
  }
  for (const [key, list] of nulls) {
    problems.push(`has an empty "${key}" in ${list.length} features: ${summarise(list)}`);
  }
  return problems;
}

/** Bounding box of all positions of a collection, [west, south, east, north]. */
export function bboxOf(collection: FeatureCollection): [number, number, number, number] {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    forEachPosition(feature.geometry, ([x, y]) => {
      if (x === undefined || y === undefined) return;
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    });
  }
  return [west, south, east, north];
}
