/**
 * Where two variants differ on the ground: the land only variant A covers, only B covers, and both
 * cover, each as one MultiPolygon with its geodesic area. Each variant is first merged into the union
 * of its areas, so overlaps inside one variant count once. Clipping runs on clipper2-ts's exact
 * integers in the analysis's frame (0.01 mm units, `geometry/clip-frame.ts`), fast and free of
 * floating-point failures on shared borders, which variants copied from each other are full of.
 */
import type { MultiPolygon } from "geojson";
import { createClipFrame, geometryBox, geometryToPaths } from "../geometry/clip-frame.ts";
import { intersectPaths, subtractPaths, unitePaths } from "../geometry/clipper-operations.ts";
import { geodesicArea } from "../geometry/measure-area.ts";
import { pathsToMultiPolygon } from "../geometry/paths-to-geometry.ts";
import type { AreaGeometry, Variant } from "../model/plan.ts";

export interface VariantDiff {
  onlyA: MultiPolygon;
  onlyB: MultiPolygon;
  both: MultiPolygon;
  /** Geodesic areas (WGS84) in m², of the three parts and of each variant's union. */
  areaM2: { onlyA: number; onlyB: number; both: number; unionA: number; unionB: number };
}

const EMPTY: MultiPolygon = { type: "MultiPolygon", coordinates: [] };

/** The difference of two sets of areas (each given as its geometries). */
export function diffAreaSets(a: readonly AreaGeometry[], b: readonly AreaGeometry[]): VariantDiff {
  const boxes = [...a, ...b].map(geometryBox).filter((box) => box !== null);
  if (boxes.length === 0) {
    return {
      onlyA: EMPTY,
      onlyB: EMPTY,
      both: EMPTY,
      areaM2: { onlyA: 0, onlyB: 0, both: 0, unionA: 0, unionB: 0 },
    };
  }
  // Origin in the middle of everything keeps the integer differences small (clipper's fast path).
  const west = Math.min(...boxes.map((box) => box[0]));
  const south = Math.min(...boxes.map((box) => box[1]));
  const east = Math.max(...boxes.map((box) => box[2]));
  const north = Math.max(...boxes.map((box) => box[3]));
  const frame = createClipFrame((west + east) / 2, (south + north) / 2);
  const union = (geometries: readonly AreaGeometry[]) => {
    const paths = geometries.flatMap((geometry) => geometryToPaths(frame, geometry));
    return paths.length === 0 ? [] : unitePaths(paths);
  };
  const unionA = union(a);
  const unionB = union(b);
  const onlyA = pathsToMultiPolygon(frame, subtractPaths(unionA, unionB));
  const onlyB = pathsToMultiPolygon(frame, subtractPaths(unionB, unionA));
  const both = pathsToMultiPolygon(frame, intersectPaths(unionA, unionB));
  return {
    onlyA,
    onlyB,
    both,
    areaM2: {
      onlyA: geodesicArea(onlyA),
      onlyB: geodesicArea(onlyB),
      both: geodesicArea(both),
      unionA: geodesicArea(pathsToMultiPolygon(frame, unionA)),
      unionB: geodesicArea(pathsToMultiPolygon(frame, unionB)),
    },
  };
}

/** The difference of two variants of a plan. */
export function diffVariants(
  a: Pick<Variant, "areaOrder" | "areas">,
  b: Pick<Variant, "areaOrder" | "areas">,
): VariantDiff {
  const geometries = (variant: Pick<Variant, "areaOrder" | "areas">) =>
    variant.areaOrder.flatMap((id) => {
      const area = variant.areas[id];
      return area === undefined ? [] : [area.geometry];
    });
  return diffAreaSets(geometries(a), geometries(b));
}
