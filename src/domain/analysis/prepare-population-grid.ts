/**
 * A census population grid (Zensus 2022 or 2011, 1 km cells) prepared once: a Flatbush index over the cells,
 * each cell as a convex quadrilateral for fast clipping (falling back to clipper2-ts for a cell that
 * is not convex), and a banded edge index to place address points in cells.
 */
import Flatbush from "flatbush";
import { type ClipFrame, geometryBox, type LonLatBox } from "../geometry/clip-frame.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { AgeGroup } from "./analysis-result.ts";
import { type ConvexPolygon, createConvexPolygon } from "./clip-to-convex.ts";
import { type ClipShape, createClipShape } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { containsPoint, type RingIndex, ringIndexOfGeometry } from "./ring-index.ts";

/** One grid cell as the engine needs it. */
export interface GridCellInput {
  /** Cell id, e.g. "1kmN3147E4146". */
  id: string;
  /** Residents; null where the census keeps the count secret or has none (counted as 0). */
  residents: number | null;
  geometry: AreaGeometry;
  /** Residents per age group (Zensus 2022); absent or null where the grid has none (counted as 0). */
  groups?: Partial<Record<AgeGroup, number | null>>;
}

/** A prepared grid. Build with {@link preparePopulationGrid}; treat as read-only. */
export interface PreparedPopulationGrid {
  /** Year the counts describe (2022 or 2011). */
  readonly dataYear: number;
  /** Residents per age group and cell (0 where unknown), for the groups some cell has. */
  readonly groups: Partial<Record<AgeGroup, Float64Array>>;
  readonly ids: readonly string[];
  /** Residents per cell, 0 where unknown. */
  readonly residents: Float64Array;
  /** Whether the cell's count is known (not secret or missing). */
  readonly known: Uint8Array;
  /** The cell as a convex polygon, or null when it is not convex (then `shapes` is used). */
  readonly convex: readonly (ConvexPolygon | null)[];
  readonly shapes: readonly ClipShape[];
  /** Area of each cell in m² (ellipsoidal, the same measure as the clipped pieces). */
  readonly areasM2: Float64Array;
  readonly rings: readonly RingIndex[];
  readonly boxes: readonly LonLatBox[];
  readonly index: Flatbush | null;
  /** Sum of all known counts. */
  readonly totalResidents: number;
}

/** Prepares the grid cells in the given frame. */
export function preparePopulationGrid(
  frame: ClipFrame,
  cells: readonly GridCellInput[],
  dataYear: number,
): PreparedPopulationGrid {
  const boxes = cells.map((c) => geometryBox(c.geometry) ?? ([0, 0, 0, 0] as LonLatBox));
  let index: Flatbush | null = null;
  if (cells.length > 0) {
    index = new Flatbush(cells.length);
    for (const box of boxes) index.add(box[0], box[1], box[2], box[3]);
    index.finish();
  }
  const convex = cells.map((c) =>
    c.geometry.type === "Polygon" && c.geometry.coordinates.length === 1
      ? createConvexPolygon(c.geometry.coordinates[0] ?? [])
      : null,
  );
  const shapes = cells.map((c) => createClipShape(frame, c.geometry));
  const residents = new Float64Array(cells.length);
  const known = new Uint8Array(cells.length);
  let totalResidents = 0;
  cells.forEach((c, i) => {
    if (c.residents !== null && Number.isFinite(c.residents)) {
      residents[i] = c.residents;
      known[i] = 1;
      totalResidents += c.residents;
    }
  });
  const groups: Partial<Record<AgeGroup, Float64Array>> = {};
  for (const group of ["under15", "age65plus"] as const) {
    if (!cells.some((c) => typeof c.groups?.[group] === "number")) continue;
    groups[group] = Float64Array.from(cells, (c) => {
      const value = c.groups?.[group];
      return typeof value === "number" && Number.isFinite(value) ? value : 0;
    });
  }
  return {
    dataYear,
    groups,
    ids: cells.map((c) => c.id),
    residents,
    known,
    convex,
    shapes,
    areasM2: Float64Array.from(cells, (_, i) => convex[i]?.areaM2 ?? (shapes[i] as ClipShape).areaM2),
    rings: cells.map((c) => ringIndexOfGeometry(c.geometry)),
    boxes,
    index,
    totalResidents,
  };
}

/** Index of the cell that contains the point, or -1 (a border point belongs to exactly one cell). */
export function cellOfPoint(grid: PreparedPopulationGrid, lon: number, lat: number): number {
  if (grid.index === null) return -1;
  let found = -1;
  grid.index.search(lon, lat, lon, lat, (i) => {
    if (found < 0 && containsPoint(grid.rings[i] as RingIndex, lon, lat)) found = i;
    return false;
  });
  return found;
}

/** Each cell's share of area inside a boundary (e.g. the city outline, with its edges for point tests), 0..1. */
export function cellSharesInside(
  frame: ClipFrame,
  grid: PreparedPopulationGrid,
  boundary: ClipShape,
  boundaryRings: RingIndex,
): Float64Array {
  const contains = { b: (lon: number, lat: number) => containsPoint(boundaryRings, lon, lat) };
  return Float64Array.from(grid.shapes, (shape, cell) => {
    const whole = grid.areasM2[cell] as number;
    return whole > 0 ? Math.min(1, intersectionAreaM2(frame, shape, boundary, contains) / whole) : 0;
  });
}
