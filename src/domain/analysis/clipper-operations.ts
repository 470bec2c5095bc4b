/**
 * The three clipper2-ts operations the engine uses, on integer paths with the non-zero fill rule.
 *
 * Imported from the package's engine and core modules directly: its index re-exports a `Clipper`
 * namespace that pulls in offsetting, triangulation and Minkowski sums as well, which doubled the
 * gzipped size of clipper2-ts in the worker bundle (27 kB against 13 kB with rolldown), where the
 * budget is 50 kB for everything. The package has no exports map, so these paths are its published files.
 */
import type { Paths64 } from "clipper2-ts";
import { ClipType, FillRule } from "clipper2-ts/dist/Core.js";
import { Clipper64, PolyTree64 } from "clipper2-ts/dist/Engine.js";

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

/** The union of a set of paths as a polygon tree, which tells which hole lies in which outer ring. */
export function unitePathsAsTree(subject: Paths64): PolyTree64 {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  const tree = new PolyTree64();
  clipper.execute(ClipType.Union, FillRule.NonZero, tree);
  return tree;
}
