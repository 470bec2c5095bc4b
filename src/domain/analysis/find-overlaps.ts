/**
 * Pairwise overlaps between the areas of a variant. Only pairs whose boxes meet are measured
 * (Flatbush over the areas' boxes), each pair once, so the result is symmetric by construction.
 * The area comes from the cheap area-only kernel; the overlap's shape, wanted for the map, is clipped
 * only for the pairs that do overlap.
 */
import type { Paths64 } from "clipper2-ts";
import Flatbush from "flatbush";
import type { ClipFrame } from "../geometry/clip-frame.ts";
import { intersectShapes } from "./intersect-shapes.ts";
import { intersectionAreaM2 } from "./intersection-area.ts";
import { MIN_COVERED_M2 } from "./measure-coverage.ts";
import type { PreparedArea } from "./prepare-area.ts";
import { containsPoint } from "./ring-index.ts";

/** One overlapping pair: indexes into the input (a < b), the overlap in m² and, if asked for, its paths. */
export interface OverlapPair {
  a: number;
  b: number;
  overlapM2: number;
  /** Integer paths of the overlap; empty unless `withPaths` was set. */
  paths: Paths64;
}

/** Options of {@link findOverlaps}. */
export interface FindOverlapsOptions {
  /** Smallest overlap reported, m²; default `MIN_COVERED_M2`. 0 reports every pair with any overlap. */
  minM2?: number;
  /** Whether to clip the overlaps' shapes too; default false. */
  withPaths?: boolean;
}

/** Every pair of areas overlapping by at least `minM2`, sorted by a, then b. */
export function findOverlaps(
  frame: ClipFrame,
  areas: readonly PreparedArea[],
  options: FindOverlapsOptions = {},
): OverlapPair[] {
  const minM2 = options.minM2 ?? MIN_COVERED_M2;
  const withBox = areas.flatMap((area, i) => (area.box === null ? [] : [i]));
  if (withBox.length < 2) return [];
  const index = new Flatbush(withBox.length);
  for (const i of withBox) {
    const box = (areas[i] as PreparedArea).box as [number, number, number, number];
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  const pairs: OverlapPair[] = [];
  withBox.forEach((a, k) => {
    const area = areas[a] as PreparedArea;
    const box = area.box as [number, number, number, number];
    const others = index
      .search(box[0], box[1], box[2], box[3])
      .filter((j) => j > k)
      .map((j) => withBox[j] as number)
      .sort((x, y) => x - y);
    for (const b of others) {
      const other = areas[b] as PreparedArea;
      const contains = {
        a: (lon: number, lat: number) => containsPoint(area.rings, lon, lat),
        b: (lon: number, lat: number) => containsPoint(other.rings, lon, lat),
      };
      // With shapes wanted, one clip gives both; without, the area-only kernel is cheaper.
      const found = options.withPaths
        ? intersectShapes(frame, area.shape, other.shape, contains)
        : { areaM2: intersectionAreaM2(frame, area.shape, other.shape, contains), paths: [] };
      if (found.areaM2 <= 0 || found.areaM2 < minM2) continue;
      pairs.push({ a, b, overlapM2: found.areaM2, paths: found.paths });
    }
  });
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}
