/**
 * Pure geometry for the terra-draw controller: coordinates terra-draw accepts, the measures the tool
 * bar shows while drawing or editing, whether an area's vertex handles fit on screen, and the points a
 * pointer sketch has placed. No terra-draw or MapLibre objects here (screen positions come in through a
 * `project` function), so all of it is unit-tested in node.
 */
import type { Polygon } from "geojson";
import { geodesicRadiusM } from "../../domain/geometry/circle-radius.ts";
import { geodesicArea, geodesicPerimeter } from "../../domain/geometry/measure-area.ts";
import type { LonLat } from "./KeyboardDrawState.ts";

/** terra-draw refuses coordinates with more than 9 decimals (clipping results have more): round to ~0.1 mm. */
export function forTerraDraw(geometry: Polygon): Polygon {
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  return {
    type: "Polygon",
    coordinates: geometry.coordinates.map((ring) => ring.map((p) => [round(p[0] ?? 0), round(p[1] ?? 0)])),
  };
}

/** The tool bar's live readout; the radius only for the circle tool. */
export interface DrawMeasure {
  areaM2: number;
  perimeterM: number;
  radiusM?: number;
}

/**
 * The measures of a drawn or edited shape, or null while it is no polygon of three corners yet. For
 * the circle tool also the radius, from the centre of its corners to the first one.
 */
export function measureOf(geometry: { type: string } | undefined, tool: string): DrawMeasure | null {
  if (geometry?.type !== "Polygon") return null;
  const polygon = geometry as Polygon;
  const ring = polygon.coordinates[0] ?? [];
  if (ring.length < 4) return null;
  const measure: DrawMeasure = {
    areaM2: Math.abs(geodesicArea(polygon)),
    perimeterM: geodesicPerimeter(polygon),
  };
  if (tool === "circle") {
    const n = ring.length - 1;
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += ring[i]?.[0] ?? 0;
      y += ring[i]?.[1] ?? 0;
    }
    const first = ring[0];
    if (first) measure.radiusM = geodesicRadiusM([x / n, y / n], first);
  }
  return measure;
}

/**
 * Vertex handles are shown (and can be dragged) only where they sit at least this far apart on screen
 * on average: an area built from districts has hundreds of vertices, which at city zoom would be a
 * carpet of handles. Zooming in brings them back.
 */
export const HANDLE_SPACING_PX = 9;
/** Below this many vertices the handles always show. */
export const ALWAYS_HANDLES = 16;

/** Whether the outer ring's vertex handles fit on screen (see {@link HANDLE_SPACING_PX}). */
export function handlesFit(
  project: (at: [number, number]) => { x: number; y: number },
  geometry: Polygon,
): boolean {
  const ring = geometry.coordinates[0] ?? [];
  const n = ring.length - 1;
  if (n <= ALWAYS_HANDLES) return true;
  let length = 0;
  let previous = project(ring[0] as [number, number]);
  for (let i = 1; i <= n; i++) {
    const next = project(ring[i] as [number, number]);
    length += Math.hypot(next.x - previous.x, next.y - previous.y);
    previous = next;
  }
  return length / n >= HANDLE_SPACING_PX;
}

/** What the draw controller reads of a terra-draw feature for the pointer sketch. */
export interface SketchFeature {
  geometry: { type: string; coordinates?: unknown };
  properties: { currentlyDrawing?: unknown; committedCoordinateCount?: unknown };
}

/**
 * The points a pointer has placed in a polygon sketch among `features` (terra-draw's sketch keeps the
 * committed points first, then the one following the pointer), or null when none of them is a sketch.
 */
export function sketchPoints(features: readonly (SketchFeature | undefined)[]): LonLat[] | null {
  let points: LonLat[] | null = null;
  for (const feature of features) {
    if (feature?.geometry.type !== "Polygon" || feature.properties.currentlyDrawing !== true) continue;
    const committed = Number(feature.properties.committedCoordinateCount ?? 0);
    const ring = (feature.geometry as Polygon).coordinates[0] ?? [];
    points = ring.slice(0, committed).map((p) => [p[0] ?? 0, p[1] ?? 0]);
  }
  return points;
}

/** Whether two point lists hold the same points in the same order. */
export function samePoints(a: readonly LonLat[], b: readonly LonLat[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]);
}
