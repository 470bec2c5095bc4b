/**
 * The union of a variant's areas, cut into fixed square tiles of the clip frame, with the figures
 * that depend on it (union area, residents in the union by the current and the comparison census grid,
 * with age groups) kept per tile.
 *
 * Why tiles and not the connected groups of overlapping areas: clustered plans link almost everything.
 * The synthetic 1,000-area plan of the bench is one group of 1,000 areas (13,180 overlapping pairs),
 * 200 areas have a group of 124, so re-uniting "the edited area's group" is nearly a full recompute.
 * A tile's part of the union depends only on the areas whose boxes reach into the tile, so an edit
 * makes only the tiles under the area's old and new box stale (see `incremental-variant.ts`).
 *
 * Both the full recompute (`analyse-variant.ts`) and the incremental one compute each tile with
 * {@link measureTile} from the same members in the same order (sorted by id) and add the tiles up in
 * the same order with {@link totalsOfTiles}, so their figures are equal to the last bit.
 */
import type { Path64, Paths64 } from "clipper2-ts";
import { type ClipFrame, latOf, lonOf } from "../geometry/clip-frame.ts";
import { intersectPaths } from "../geometry/clipper-operations.ts";
import { pathsAreaM2 } from "../geometry/measure-area.ts";
import { pathsToMultiPolygon } from "../geometry/paths-to-geometry.ts";
import type { AgeGroup, ResidentsEstimate } from "./analysis-result.ts";
import type { FrameBounds } from "./intersect-shapes.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";
import { containsPoint } from "./ring-index.ts";
import { measurePopulation, residentsOfTiles } from "./tile-residents.ts";
import { trimToBox } from "./trim-to-box.ts";

/** Side of a tile in frame units (500 m; the frame has 1e5 units per metre). */
export const TILE_UNITS = 500 * 1e5;

/** Offset that keeps tile columns and rows positive in a key. */
const KEY_OFFSET = 2 ** 20;

/** A tile's key: sorts by row, then column. */
export type TileKey = number;

/** The tile keys a frame box reaches into with a positive area, row by row. */
export function tilesOfBounds(bounds: FrameBounds | null): TileKey[] {
  if (bounds === null) return [];
  const keys: TileKey[] = [];
  const firstColumn = Math.floor(bounds[0] / TILE_UNITS);
  const lastColumn = Math.ceil(bounds[2] / TILE_UNITS) - 1;
  const firstRow = Math.floor(bounds[1] / TILE_UNITS);
  const lastRow = Math.ceil(bounds[3] / TILE_UNITS) - 1;
  for (let row = firstRow; row <= lastRow; row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      keys.push((row + KEY_OFFSET) * 2 ** 21 + (column + KEY_OFFSET));
    }
  }
  return keys;
}

/** The frame box of a tile. */
export function boundsOfTile(key: TileKey): FrameBounds {
  const row = Math.floor(key / 2 ** 21) - KEY_OFFSET;
  const column = (key % 2 ** 21) - KEY_OFFSET;
  return [column * TILE_UNITS, row * TILE_UNITS, (column + 1) * TILE_UNITS, (row + 1) * TILE_UNITS];
}

/** What one tile adds to the residents estimate of one census grid. */
export interface TilePopulation {
  /** Census cells (indexes into the grid) and the union's area inside each within this tile, m². */
  cells: [number, number][];
  /**
   * Address points inside the union within this tile, the sum of their weights, and the sum of their
   * weights per age group the grid has.
   */
  addresses: { count: number; sum: number; groups: Partial<Record<AgeGroup, number>> } | null;
}

/** What one tile adds to the union's figures: the current census grid's part and the comparison's. */
export interface TileFigures extends TilePopulation {
  /** Area of the union inside the tile, m². */
  areaM2: number;
  /** The same for the earlier census grid; null without one. */
  comparison: TilePopulation | null;
}

function rectanglePath(box: FrameBounds): Path64 {
  return [
    { x: box[0], y: box[1] },
    { x: box[2], y: box[1] },
    { x: box[2], y: box[3] },
    { x: box[0], y: box[3] },
  ];
}

/**
 * What the members contribute inside a tile: their trimmed paths (see `trim-to-box.ts`; the trimmed
 * paths wind around every point of the tile as the areas do), or "full" when one area holds the whole
 * tile. The tile's figures depend on nothing else, so equal pieces mean equal figures.
 */
export type TilePieces = Paths64 | "full";

/** The members' pieces in one tile; `members` sorted by id (see {@link measureTile}). */
export function piecesInTile(frame: ClipFrame, key: TileKey, members: readonly PreparedArea[]): TilePieces {
  const box = boundsOfTile(key);
  const pieces: Paths64 = [];
  const centreLon = lonOf(frame, (box[0] + box[2]) / 2);
  const centreLat = latOf(frame, (box[1] + box[3]) / 2);
  for (const member of members) {
    const trimmed = trimToBox(member.shape.paths, box);
    if (trimmed.paths.length === 0) continue;
    if (!trimmed.meetsBox) {
      // The border misses the tile: the tile is wholly inside this area or wholly outside it.
      if (containsPoint(member.rings, centreLon, centreLat)) return "full";
      continue;
    }
    for (const path of trimmed.paths) pieces.push(path);
  }
  return pieces;
}

/** Whether two tiles' pieces are the same, point for point. */
export function samePieces(a: TilePieces, b: TilePieces): boolean {
  if (a === "full" || b === "full") return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as Paths64[number];
    const q = b[i] as Paths64[number];
    if (p === q) continue;
    if (p.length !== q.length) return false;
    for (let j = 0; j < p.length; j++) {
      const u = p[j] as { x: number; y: number };
      const v = q[j] as { x: number; y: number };
      if (u.x !== v.x || u.y !== v.y) return false;
    }
  }
  return true;
}

/**
 * The union's figures in one tile from its pieces ({@link piecesInTile}). Null when the union has no
 * area in the tile.
 */
export function measurePieces(
  context: AnalysisContext,
  key: TileKey,
  pieces: TilePieces,
): TileFigures | null {
  const frame = context.frame;
  const box = boundsOfTile(key);
  const paths =
    pieces === "full"
      ? [rectanglePath(box)]
      : pieces.length === 0
        ? []
        : intersectPaths(pieces, [rectanglePath(box)]);
  if (paths.length === 0) return null;
  const areaM2 = pathsAreaM2(frame, paths);
  if (!(areaM2 > 0)) return null;
  if (context.grid === null) return { areaM2, cells: [], addresses: null, comparison: null };
  const piece = prepareArea(frame, "union", pathsToMultiPolygon(frame, paths));
  const current = measurePopulation(frame, { grid: context.grid, addresses: context.addresses }, piece);
  const comparison = context.comparison ? measurePopulation(frame, context.comparison, piece) : null;
  return { areaM2, ...current, comparison };
}

/**
 * The union's figures in one tile. `members` are the areas whose boxes reach into the tile, sorted
 * by id (the order matters for the last bits of clipper's answer, so every caller must keep it).
 * Null when the union has no area in the tile.
 */
export function measureTile(
  context: AnalysisContext,
  key: TileKey,
  members: readonly PreparedArea[],
): TileFigures | null {
  return measurePieces(context, key, piecesInTile(context.frame, key, members));
}

/** Orders area ids as both recomputes do (code units, not locale). */
export function byId(a: PreparedArea, b: PreparedArea): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Union area and residents in the union (current and comparison grid) from the tiles' figures, given in ascending key order. */
export function totalsOfTiles(
  context: AnalysisContext,
  tiles: readonly TileFigures[],
): {
  unionAreaM2: number;
  residents: ResidentsEstimate | null;
  residentsComparison: ResidentsEstimate | null;
} {
  let unionAreaM2 = 0;
  for (const tile of tiles) unionAreaM2 += tile.areaM2;
  const residents =
    context.grid === null
      ? null
      : residentsOfTiles({ grid: context.grid, addresses: context.addresses }, tiles);
  const residentsComparison =
    context.comparison === null
      ? null
      : residentsOfTiles(
          context.comparison,
          tiles.map((tile) => tile.comparison ?? { cells: [], addresses: null }),
        );
  return { unionAreaM2, residents, residentsComparison };
}
