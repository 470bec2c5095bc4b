/**
 * The one clipper2-ts operation the analysis module does not offer: difference. Imported from the
 * package's engine and core modules directly, as in `analysis/clipper-operations.ts`, to keep the
 * bundle small (see the note there).
 */
import type { Paths64 } from "clipper2-ts";
import { ClipType, FillRule } from "clipper2-ts/dist/Core.js";
import { Clipper64 } from "clipper2-ts/dist/Engine.js";

/** What of `subject` lies outside `clip` (non-zero fill rule). */
export function subtractPaths(subject: Paths64, clip: Paths64): Paths64 {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  clipper.addClip(clip);
  const solution: Paths64 = [];
  clipper.execute(ClipType.Difference, FillRule.NonZero, solution);
  return solution;
}
