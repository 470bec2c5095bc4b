/**
 * Turns one geometry from a file (any GeoJSON geometry type, in the file's CRS, not yet trusted) into
 * what the app can hold: valid areas in WGS84 with RFC 7946 winding, or points. Steps, each reported:
 *
 * 1. structure: coordinates must be numbers nested as the type says (else `invalid-coordinates`),
 *    finite (else `coordinates-out-of-range`); heights are dropped (`3d-coordinates-dropped` when any
 *    height is not 0);
 * 2. reprojection to WGS84, then a range check (longitude ±180°, latitude ±90°);
 * 3. type: polygons are areas; a line whose ends meet (within {@link CLOSED_LINE_TOLERANCE_M}) is the area
 *    it encloses, an open line is dropped (`open-line`); a GeometryCollection gives the union of its
 *    polygons (`geometry-collection-split`) or is dropped (`geometry-collection`);
 * 4. areas go through the app's own normalisation and, when still invalid, its repair
 *    (`repairAreaGeometry`); areas below MIN_AREA_M2 are dropped (`too-small`).
 */
import type { Point, Position } from "geojson";
import { partsOf } from "../geometry/area-geometry-parts.ts";
import { MIN_AREA_M2 } from "../geometry/limits.ts";
import { geodesicArea } from "../geometry/measure-area.ts";
import { measurePlanarRing } from "../geometry/measure-planar-ring.ts";
import { normalizeAreaGeometry } from "../geometry/normalize-area-geometry.ts";
import { type RepairCode, repairAreaGeometry } from "../geometry/repair-area-geometry.ts";
import { isValidAreaGeometry } from "../geometry/validate-area-geometry.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { DropReasonCode, RepairNoteCode } from "./import-result.ts";
import { CLOSED_LINE_TOLERANCE_M, type ImportLimits } from "./limits.ts";
import type { ToWgs84 } from "./reproject.ts";

/** What became of one geometry. */
export type GeometryOutcome =
  | { ok: true; geometries: (AreaGeometry | Point)[]; notes: RepairNoteCode[]; vertices: number }
  | { ok: false; reason: DropReasonCode; params?: Record<string, string | number>; vertices: number };

/** Nesting depth of positions per geometry type. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  Polygon: 2,
  MultiLineString: 2,
  MultiPolygon: 3,
};

/** Repairs worth telling the user; winding and repeated points are routine and left out. */
const REPAIR_NOTES: Partial<Record<RepairCode, RepairNoteCode>> = {
  "invalid-positions-removed": "invalid-positions-removed",
  "self-intersection-split": "self-intersection-repaired",
  "overlaps-merged": "overlaps-merged",
  "touching-rings-separated": "touching-rings-separated",
  "slivers-removed": "slivers-removed",
};

class Drop extends Error {
  constructor(
    readonly reason: DropReasonCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(reason);
  }
}

interface Walk {
  toWgs84: ToWgs84 | null;
  vertices: number;
  heights: boolean;
  maxVertices: number;
}

/** Checks and converts one position; throws Drop. */
function convertPosition(value: unknown, walk: Walk): Position {
  if (Array.isArray(value) && value.length === 0) throw new Drop("empty-geometry");
  if (!Array.isArray(value) || value.length < 2) throw new Drop("invalid-coordinates");
  for (const v of value) if (typeof v !== "number") throw new Drop("invalid-coordinates");
  const [x, y, z] = value as number[];
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Drop("coordinates-out-of-range");
  if (z !== undefined && z !== 0 && Number.isFinite(z)) walk.heights = true;
  if (++walk.vertices > walk.maxVertices) {
    throw new Drop("too-many-vertices", { maxVertices: walk.maxVertices });
  }
  const [lon, lat] = walk.toWgs84 ? walk.toWgs84(x as number, y as number) : [x as number, y as number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new Drop("coordinates-out-of-range");
  }
  return [lon, lat];
}

/** Checks and converts nested coordinates of the given depth; throws Drop. */
function convertNested(value: unknown, depth: number, walk: Walk): unknown {
  if (depth === 0) return convertPosition(value, walk);
  if (!Array.isArray(value)) throw new Drop("invalid-coordinates");
  return value.map((inner) => convertNested(inner, depth - 1, walk));
}

/** Rough ground distance in metres between two nearby lon/lat positions (equirectangular). */
function distanceM(a: Position, b: Position): number {
  const k = Math.cos((((a[1] as number) + (b[1] as number)) / 2) * (Math.PI / 180));
  const dx = ((b[0] as number) - (a[0] as number)) * k;
  const dy = (b[1] as number) - (a[1] as number);
  return Math.hypot(dx, dy) * 111_320;
}

/** A line as a ring when its ends meet, else null. */
function lineAsRing(line: Position[]): Position[] | null {
  const first = line[0];
  const last = line.at(-1);
  if (line.length < 4 || !first || !last || distanceM(first, last) > CLOSED_LINE_TOLERANCE_M) return null;
  return first[0] === last[0] && first[1] === last[1] ? line : [...line, first];
}

const isClosed = (ring: Position[]) =>
  ring.length > 0 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1];

/** A raw geometry's members, flattened out of nested GeometryCollections. */
function members(geometry: Record<string, unknown>): Record<string, unknown>[] {
  if (geometry.type !== "GeometryCollection") return [geometry];
  if (!Array.isArray(geometry.geometries)) throw new Drop("invalid-coordinates");
  return geometry.geometries.flatMap((g) =>
    typeof g === "object" && g !== null ? members(g as Record<string, unknown>) : [],
  );
}

/** Area in m² in local tangent planes: outer rings minus holes. */
function planarAreaM2(area: AreaGeometry): number {
  let total = 0;
  for (const rings of partsOf(area)) {
    rings.forEach((ring, i) => {
      const m2 = Math.abs(measurePlanarRing(ring).signedAreaM2);
      total += i === 0 ? m2 : -m2;
    });
  }
  return total;
}

/** Makes a valid area of polygon parts (in WGS84), or throws Drop. */
function finishArea(parts: Position[][][], notes: Set<RepairNoteCode>, limits: ImportLimits): AreaGeometry {
  if (parts.length === 0) throw new Drop("empty-geometry");
  const raw: AreaGeometry =
    parts.length === 1
      ? { type: "Polygon", coordinates: parts[0] as Position[][] }
      : { type: "MultiPolygon", coordinates: parts };
  if (parts.some((rings) => rings.some((ring) => ring.length > 1 && !isClosed(ring)))) {
    notes.add("unclosed-ring-closed");
  }
  const normalized = normalizeAreaGeometry(raw);
  let area: AreaGeometry | null = normalized;
  if (normalized === null) throw new Drop("empty-geometry");
  if (!isValidAreaGeometry(normalized)) {
    const vertices = parts.flat(2).length;
    if (vertices > limits.maxRepairVertices) {
      throw new Drop("too-complex-to-repair", { vertices, maxVertices: limits.maxRepairVertices });
    }
    const repaired = repairAreaGeometry(raw);
    for (const code of repaired.repairs) {
      const note = REPAIR_NOTES[code];
      if (note) notes.add(note);
    }
    area = repaired.geometry;
  }
  if (area === null) throw new Drop("empty-geometry");
  // The geodesic area costs about 2 µs a vertex; the planar one in a local tangent plane (within a
  // fraction of a percent at this size) tells first whether the area is anywhere near the minimum.
  if (planarAreaM2(area) > 2 * MIN_AREA_M2) return area;
  const areaM2 = geodesicArea(area);
  if (areaM2 < MIN_AREA_M2)
    throw new Drop("too-small", { areaM2: Math.round(areaM2 * 10) / 10, minAreaM2: MIN_AREA_M2 });
  return area;
}

/**
 * Checks, converts and mends one geometry from a file. `toWgs84` is null when the file is in WGS84
 * already. Never throws; never changes the input.
 */
export function importGeometry(
  geometry: unknown,
  toWgs84: ToWgs84 | null,
  limits: ImportLimits,
): GeometryOutcome {
  const walk: Walk = { toWgs84, vertices: 0, heights: false, maxVertices: limits.maxFeatureVertices };
  const notes = new Set<RepairNoteCode>();
  try {
    if (geometry === null || geometry === undefined) throw new Drop("null-geometry");
    if (typeof geometry !== "object" || Array.isArray(geometry)) throw new Drop("invalid-coordinates");
    const root = geometry as Record<string, unknown>;
    const type = String(root.type);
    const list = members(root);
    if (type === "GeometryCollection" && list.length === 0) throw new Drop("empty-geometry");
    const polygons: Position[][][] = [];
    const points: Point[] = [];
    let lines = 0;
    for (const member of list) {
      const memberType = String(member.type);
      const depth = DEPTH[memberType];
      if (depth === undefined) {
        if (type !== "GeometryCollection")
          throw new Drop("unsupported-geometry", { type: memberType.slice(0, 40) });
        continue;
      }
      const coordinates = convertNested(member.coordinates, depth, walk);
      switch (memberType) {
        case "Polygon":
          polygons.push(coordinates as Position[][]);
          break;
        case "MultiPolygon":
          polygons.push(...(coordinates as Position[][][]));
          break;
        case "LineString":
        case "MultiLineString": {
          const lineList =
            memberType === "LineString" ? [coordinates as Position[]] : (coordinates as Position[][]);
          for (const line of lineList) {
            const ring = lineAsRing(line);
            if (ring) polygons.push([ring]);
            else lines++;
          }
          break;
        }
        case "Point":
          points.push({ type: "Point", coordinates: coordinates as Position });
          break;
        case "MultiPoint":
          for (const p of coordinates as Position[]) points.push({ type: "Point", coordinates: p });
          break;
      }
    }
    if (walk.heights) notes.add("3d-coordinates-dropped");
    if (type === "GeometryCollection") {
      if (polygons.length === 0) throw new Drop("geometry-collection");
      notes.add("geometry-collection-split");
    } else if (type === "LineString" || type === "MultiLineString") {
      if (polygons.length === 0) throw new Drop(lines > 0 ? "open-line" : "empty-geometry");
      notes.add("line-closed-to-area");
    }
    if (polygons.length > 0) {
      return {
        ok: true,
        geometries: [finishArea(polygons, notes, limits)],
        notes: [...notes],
        vertices: walk.vertices,
      };
    }
    if (points.length === 0) throw new Drop("empty-geometry");
    return { ok: true, geometries: points, notes: [...notes], vertices: walk.vertices };
  } catch (error) {
    if (error instanceof Drop) {
      return {
        ok: false,
        reason: error.reason,
        ...(error.params ? { params: error.params } : {}),
        vertices: walk.vertices,
      };
    }
    throw error;
  }
}
