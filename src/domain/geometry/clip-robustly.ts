/**
 * Runs a polygon-clipping operation (Turf's union, intersect or difference, all polyclip-ts) so that
 * its result is valid. polyclip-ts 0.16 can return a ring that touches itself when input coordinates
 * lie one floating-point step apart (7.4 and 7.400000000000001), and can throw on near-degenerate
 * input. Then the inputs are rounded to ever coarser grids (0.1 mm, 1 mm, 1 cm) and the operation run
 * again; inputs that work the first time are used exactly as given.
 */
import type { AreaGeometry } from "../model/plan.ts";
import { hasRingContacts } from "./find-ring-contacts.ts";
import { finishAreaGeometry } from "./finish-area-geometry.ts";
import { roundCoordinates } from "./round-coordinates.ts";

/** Grids tried one after another, in degrees; 0 means the inputs as given. */
const GRIDS = [0, 1e-9, 1e-8, 1e-7] as const;

export interface ClippingResult {
  geometry: AreaGeometry | null;
  /** What the operation returned, before slivers, contacts and normalisation were dealt with. */
  clipped: AreaGeometry | null;
  /** Rings dropped as slivers. */
  slivers: number;
  /** Touching rings moved apart. */
  separated: number;
  /** The grid (degrees) the inputs had to be rounded to; 0 when they were used as given. */
  grid: number;
}

/**
 * Applies `operation` to `inputs` and finishes the result (slivers dropped, touching rings moved
 * apart, normalised). A result counts as good when no rings meet and `accept` (if given) agrees;
 * otherwise the next grid is tried, and if none gives a good result the first usable one is
 * returned. Throws what the operation threw only if it failed on every grid.
 */
export function clipRobustly(
  inputs: readonly AreaGeometry[],
  operation: (inputs: readonly AreaGeometry[]) => AreaGeometry | null,
  accept: (geometry: AreaGeometry) => boolean = () => true,
): ClippingResult {
  let fallback: ClippingResult | null = null;
  let failure: unknown = null;
  for (const grid of GRIDS) {
    let raw: AreaGeometry | null;
    try {
      raw = operation(grid === 0 ? inputs : inputs.map((input) => roundCoordinates(input, grid)));
    } catch (error) {
      failure ??= error;
      continue;
    }
    const finished = { ...finishAreaGeometry(raw), clipped: raw, grid };
    const geometry = finished.geometry;
    if (geometry === null || (!hasRingContacts(geometry) && accept(geometry))) return finished;
    fallback ??= finished;
  }
  if (fallback !== null) return fallback;
  throw failure;
}
