/**
 * The clipper2-ts operations of the whole app (analysis, editing, variant comparison), on integer
 * paths (see `clip-frame.ts`) with the non-zero fill rule: a point is inside where the paths wind
 * around it any number of times, so a ring crossing itself covers every region it encloses.
 *
 * Imported from the package's engine and core modules directly: its index re-exports a `Clipper`
 * namespace that pulls in offsetting, triangulation and Minkowski sums as well, which doubled the
 * gzipped size of clipper2-ts in the worker bundle (27 kB against 13 kB with rolldown), where the
 * budget is 50 kB for everything. The package has no exports map, so these paths are its published files.
 */
import type { Paths64 } from "clipper2-ts";
import { ClipType, FillRule } from "clipper2-ts/dist/Core.js";
import { Clipper64, PolyTree64 } from "clipper2-ts/dist/Engine.js";

export { PolyTree64 };

/** The intersection of two sets of paths. */
export function intersectPaths(subject: Paths64, clip: Paths64): Paths64 {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  clipper.addClip(clip);
  const solution: Paths64 = [];
  clipper.execute(ClipType.Intersection, FillRule.NonZero, solution);
  return solution;
}

/** The union of a set of paths (overlaps counted once). */
export function unitePaths(subject: Paths64): Paths64 {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  const solution: Paths64 = [];
  clipper.execute(ClipType.Union, FillRule.NonZero, solution);
  return solution;
}

/** What of `subject` lies outside `clip`. */
export function subtractPaths(subject: Paths64, clip: Paths64): Paths64 {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  clipper.addClip(clip);
  const solution: Paths64 = [];
  clipper.execute(ClipType.Difference, FillRule.NonZero, solution);
  return solution;
}

/** The union of a set of paths as a polygon tree, which tells which hole lies in which outer ring. */
export function unitePathsAsTree(subject: Paths64): PolyTree64 {
  return clipPathsAsTree("union", subject, []);
}

/** The operations of {@link clipPathsAsTree}. */
export type ClipOperation = "union" | "intersection" | "difference";

const CLIP_TYPES: Record<ClipOperation, ClipType> = {
  union: ClipType.Union,
  intersection: ClipType.Intersection,
  difference: ClipType.Difference,
};

/**
 * Any of the three operations as a polygon tree (outer rings counter-clockwise, holes clockwise, each
 * hole under its outer ring). Unless `preserveCollinear` is set, vertices on a straight run (the seams
 * of merged districts) are dropped, and so are spikes of zero width.
 */
export function clipPathsAsTree(
  operation: ClipOperation,
  subject: Paths64,
  clip: Paths64,
  options: { preserveCollinear?: boolean } = {},
): PolyTree64 {
  const clipper = new Clipper64();
  clipper.preserveCollinear = options.preserveCollinear ?? true;
  clipper.addSubject(subject);
  if (clip.length > 0) clipper.addClip(clip);
  const tree = new PolyTree64();
  clipper.execute(CLIP_TYPES[operation], FillRule.NonZero, tree);
  return tree;
}
