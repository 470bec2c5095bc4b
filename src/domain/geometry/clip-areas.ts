/**
 * Polygon clipping for the editing operations (union, clip to the city, subtract, repair) with
 * clipper2-ts, the engine the analysis uses, in a decimal frame (`clip-frame.ts`): clipper computes
 * exactly on integers of 1e-10° (about 0.01 mm), and coordinates with up to 10 decimals (the served
 * districts, typed or snapped vertices) come back bit-for-bit, so shared borders stay shared.
 *
 * Then every result is finished the same way: rings start at their west-most (then south-most)
 * vertex, so that the same shape always reads the same; slivers thinner than 5 cm (`remove-slivers.ts`)
 * are dropped; rings that touch another at a point are moved apart by about a millimetre (see
 * `separate-touching-rings.ts`: clipper returns a bow-tie as two triangles meeting at its crossing,
 * and our validity check refuses such contacts); and the result is normalised (RFC 7946 winding,
 * Polygon for one part). Before that, rings that touch themselves are cut into simple loops
 * (`split-touching-loops.ts`).
 *
 * clipper2-ts truncates the points where edges cross to whole units (`getLineIntersectPt`), so in
 * rare knots of nearly coinciding edges a vertex ends up a fraction of a unit on the wrong side of an
 * edge it should only touch, and the ring crosses itself there (random tests found such knots;
 * a vertex one floating-point step from another, 7.403 beside 7.4030000000000005, is typical). A
 * result that fails the validity check is therefore snap-rounded (every edge passing within a unit of
 * a vertex is made to pass through it) and united with itself again; if that does not help, the whole
 * operation runs again on a coarser grid (see {@link GRIDS}). Coordinates with up to 7 decimals, as
 * the served districts have, come back unchanged on every grid. Over 6,000 random pairs of polygons
 * of up to 25 vertices (repair, union, difference, intersection: 30,000 operations) the first grid
 * needed a second pass three times and a coarser grid once.
 */
import type { Path64, Paths64, PolyPath64, PolyTree64 } from "clipper2-ts";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { geometryFromParts } from "./area-geometry-parts.ts";
import {
  type ClipFrame,
  createDecimalClipFrame,
  geometryBox,
  geometryToPaths,
  latOf,
  lonOf,
} from "./clip-frame.ts";
import { type ClipOperation, clipPathsAsTree } from "./clipper-operations.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { removeSlivers } from "./remove-slivers.ts";
import { separateTouchingRings } from "./separate-touching-rings.ts";
import { addVerticesOnEdges, simplePolygonsOfTree } from "./split-touching-loops.ts";
import { isValidAreaGeometry } from "./validate-area-geometry.ts";

/** The result of a clipping operation, finished. */
export interface ClippedArea {
  /** The finished area, valid and in RFC 7946 winding; null when nothing (or only slivers) is left. */
  geometry: AreaGeometry | null;
  /** What clipper returned, as GeoJSON, before slivers and touching rings were dealt with. */
  clipped: AreaGeometry | null;
  /** Rings dropped as slivers. */
  slivers: number;
  /** Vertices moved to separate touching rings. */
  separated: number;
}

/** Resolutions (units per degree) tried one after another: about 0.01 mm, 0.1 mm, 1 mm, 1 cm. */
export const GRIDS = [1e10, 1e9, 1e8, 1e7] as const;

/**
 * A decimal frame of `unitsPerDegree` centred on the joint box of the geometries (any frame when they
 * have no positions).
 */
export function editingFrameFor(
  geometries: readonly AreaGeometry[],
  unitsPerDegree: number = GRIDS[0],
): ClipFrame {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const geometry of geometries) {
    const box = geometryBox(geometry);
    if (box === null) continue;
    west = Math.min(west, box[0]);
    south = Math.min(south, box[1]);
    east = Math.max(east, box[2]);
    north = Math.max(north, box[3]);
  }
  return west <= east
    ? createDecimalClipFrame((west + east) / 2, (south + north) / 2, unitsPerDegree)
    : createDecimalClipFrame(0, 0, unitsPerDegree);
}

/** Polygons as clipper's flat list of paths (outer rings counter-clockwise, holes clockwise). */
function pathsOfTree(node: PolyPath64, out: Paths64 = []): Paths64 {
  for (let i = 0; i < node.count; i++) {
    const child = node.child(i);
    if (child.poly !== null) out.push(child.poly);
    pathsOfTree(child, out);
  }
  return out;
}

/** How often a result that fails the validity check is put through a union of its own paths again. */
const REUNIONS = 2;

/**
 * Runs `clip` in a frame around the geometries and finishes its polygon tree. A result that fails the
 * validity check is united with itself again (up to {@link REUNIONS} times), then the whole operation
 * runs again on the next coarser grid; when nothing gives a valid result, the first is returned as it is.
 * `clip` may report slivers it dropped on the way.
 */
export function clipOnGrids(
  geometries: readonly AreaGeometry[],
  clip: (frame: ClipFrame) => { tree: PolyTree64; slivers: number },
): ClippedArea {
  let first: ClippedArea | undefined;
  for (const grid of GRIDS) {
    const frame = editingFrameFor(geometries, grid);
    const raw = clip(frame);
    let tree = raw.tree;
    for (let pass = 0; ; pass++) {
      const finished = finishClipping(frame, tree);
      const result = { ...finished, slivers: finished.slivers + raw.slivers };
      if (result.geometry === null || isValidAreaGeometry(result.geometry)) return result;
      first ??= result;
      if (pass === REUNIONS) break;
      // Snap rounding: an edge that passes within a unit of a vertex goes through it, so that a vertex
      // rounded to the wrong side of an edge touches it instead of crossing it.
      tree = clipPathsAsTree("union", addVerticesOnEdges(pathsOfTree(tree), 1, false), [], {
        preserveCollinear: false,
      });
    }
  }
  return first as ClippedArea;
}

/**
 * An integer path as a closed lon/lat ring that starts at its west-most vertex (the south-most of
 * those), so that the same shape always reads the same whichever vertex clipper started at.
 */
function ringOfPath(frame: ClipFrame, path: Path64): Position[] {
  let start = 0;
  for (let i = 1; i < path.length; i++) {
    const p = path[i] as { x: number; y: number };
    const best = path[start] as { x: number; y: number };
    if (p.x < best.x || (p.x === best.x && p.y < best.y)) start = i;
  }
  const ring: Position[] = [];
  for (let k = 0; k <= path.length; k++) {
    const p = path[(start + k) % path.length] as { x: number; y: number };
    ring.push([lonOf(frame, p.x), latOf(frame, p.y)]);
  }
  return ring;
}

/** Turns clipper's polygon tree into a finished area (see the module comment). */
export function finishClipping(frame: ClipFrame, tree: PolyTree64): ClippedArea {
  const polygons = simplePolygonsOfTree(tree);
  const clipped = geometryFromParts(polygons.map((rings) => rings.map((path) => ringOfPath(frame, path))));
  if (clipped === null) return { geometry: null, clipped: null, slivers: 0, separated: 0 };
  const withoutSlivers = removeSlivers(clipped);
  if (withoutSlivers.geometry === null) {
    return { geometry: null, clipped, slivers: withoutSlivers.removed, separated: 0 };
  }
  const apart = separateTouchingRings(withoutSlivers.geometry);
  return {
    geometry: normalizeAreaGeometry(apart.geometry),
    clipped,
    slivers: withoutSlivers.removed,
    separated: apart.separated,
  };
}

/**
 * Union, intersection or difference of valid areas (`subjects` against `clips`; a union takes the
 * subjects only). Rings are read as GeoJSON means them whatever their winding: outer rings add, holes
 * take away. Never changes the inputs.
 */
export function clipAreas(
  operation: ClipOperation,
  subjects: readonly AreaGeometry[],
  clips: readonly AreaGeometry[] = [],
): ClippedArea {
  return clipOnGrids([...subjects, ...clips], (frame) => {
    const paths = (geometries: readonly AreaGeometry[]) =>
      geometries.flatMap((geometry) => geometryToPaths(frame, geometry));
    const tree = clipPathsAsTree(operation, paths(subjects), paths(clips), { preserveCollinear: false });
    return { tree, slivers: 0 };
  });
}
