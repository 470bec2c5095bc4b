/**
 * Area geometry to and from the link's integer form: coordinates rounded to the 1e-6° grid and each
 * position written as the step from the one before, so most numbers have two to four digits and
 * deflate finds repeats. See {@link WireAreaV1.g}.
 */
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { COORDINATE_SCALE, MAX_SHARE_AREA_VERTICES } from "./share-format.ts";

/** The running position of a delta encoding, shared by all areas of one link. */
export interface DeltaCursor {
  x: number;
  y: number;
}

/**
 * A geometry as parts → rings → deltas, moving `cursor` along. Rings that keep fewer than three
 * distinct positions on the grid are dropped (a part with its holes when it is the outer ring);
 * the result is empty for an area that vanishes entirely, which only a sub-decimetre sliver can.
 */
export function encodeGeometry(geometry: AreaGeometry, cursor: DeltaCursor): number[][][] {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const encoded: number[][][] = [];
  for (const rings of parts) {
    const encodedRings: number[][] = [];
    for (const [i, ring] of rings.entries()) {
      const grid = gridRing(ring);
      if (grid.length < 3) {
        if (i === 0) break;
        continue;
      }
      const flat: number[] = [];
      for (const [x, y] of grid) {
        flat.push(x - cursor.x, y - cursor.y);
        cursor.x = x;
        cursor.y = y;
      }
      encodedRings.push(flat);
    }
    if (encodedRings.length > 0) encoded.push(encodedRings);
  }
  return encoded;
}

/** A ring on the integer grid, open, without repeated consecutive positions. */
function gridRing(ring: readonly Position[]): [number, number][] {
  const grid: [number, number][] = [];
  for (const position of ring) {
    const x = Math.round((position[0] as number) * COORDINATE_SCALE);
    const y = Math.round((position[1] as number) * COORDINATE_SCALE);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const last = grid.at(-1);
    if (last !== undefined && last[0] === x && last[1] === y) continue;
    grid.push([x, y]);
  }
  const first = grid[0];
  const last = grid.at(-1);
  if (
    grid.length > 1 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  )
    grid.pop();
  return grid;
}

/**
 * Parts → rings → deltas back to a geometry (closed rings, as written; not yet normalised), moving
 * `cursor` along. Null, with the reason, when the shape is not what a link holds: not arrays of
 * integers, an odd count, fewer than three positions, or a position off the globe.
 */
export function decodeGeometry(
  encoded: unknown,
  cursor: DeltaCursor,
): { ok: true; geometry: AreaGeometry } | { ok: false; detail: string; vertices?: number } {
  if (!Array.isArray(encoded) || encoded.length === 0) return { ok: false, detail: "no parts" };
  // Counted before anything is built: a hostile link must not make the tab build millions of positions.
  let vertices = 0;
  for (const rings of encoded) {
    if (!Array.isArray(rings)) continue;
    for (const flat of rings) if (Array.isArray(flat)) vertices += flat.length / 2;
  }
  if (vertices > MAX_SHARE_AREA_VERTICES) return { ok: false, detail: "too many vertices", vertices };
  const parts: Position[][][] = [];
  for (const rings of encoded) {
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, detail: "a part without rings" };
    const decodedRings: Position[][] = [];
    for (const flat of rings) {
      if (!Array.isArray(flat) || flat.length < 6 || flat.length % 2 !== 0) {
        return { ok: false, detail: "a ring with fewer than three positions" };
      }
      const ring: Position[] = [];
      for (let k = 0; k < flat.length; k += 2) {
        const dx = flat[k];
        const dy = flat[k + 1];
        if (!Number.isSafeInteger(dx) || !Number.isSafeInteger(dy)) {
          return { ok: false, detail: "a coordinate that is not an integer" };
        }
        cursor.x += dx as number;
        cursor.y += dy as number;
        if (Math.abs(cursor.x) > 180 * COORDINATE_SCALE || Math.abs(cursor.y) > 90 * COORDINATE_SCALE) {
          return { ok: false, detail: "a position off the globe" };
        }
        ring.push([cursor.x / COORDINATE_SCALE, cursor.y / COORDINATE_SCALE]);
      }
      ring.push([...(ring[0] as Position)]);
      decodedRings.push(ring);
    }
    parts.push(decodedRings);
  }
  return {
    ok: true,
    geometry:
      parts.length === 1
        ? { type: "Polygon", coordinates: parts[0] as Position[][] }
        : { type: "MultiPolygon", coordinates: parts },
  };
}
