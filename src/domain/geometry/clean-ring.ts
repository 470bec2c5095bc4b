import type { Position } from "geojson";
import { samePosition } from "./area-geometry-parts.ts";

/** A ring after {@link cleanRing}, with what had to change. */
export interface CleanedRing {
  /** Closed ring of copied positions; may hold fewer than 4 positions if little was left. */
  ring: Position[];
  /** Positions without two finite coordinates were dropped. */
  removedInvalid: boolean;
  /** Repeated consecutive positions were dropped. */
  removedDuplicates: boolean;
  /** The ring did not end where it started and was closed. */
  closed: boolean;
}

function isUsable(position: unknown): position is Position {
  return (
    Array.isArray(position) &&
    position.length >= 2 &&
    Number.isFinite(position[0]) &&
    Number.isFinite(position[1])
  );
}

export interface CleanRingOptions {
  /**
   * Consecutive positions whose longitudes and latitudes each differ by no more than this (degrees)
   * count as repeats, and a vertex where the ring turns back on itself along a spike no wider than
   * this is dropped; 0 (the default) drops exact repeats only.
   */
  mergeWithinDegrees?: number;
}

/**
 * Whether the ring turns back at b (a, b, c) along a spike no wider than `tolerance`: the shorter
 * leg's far end lies within `tolerance` of the longer leg's line.
 */
function isSpike(a: Position, b: Position, c: Position, tolerance: number): boolean {
  const ux = (b[0] as number) - (a[0] as number);
  const uy = (b[1] as number) - (a[1] as number);
  const vx = (c[0] as number) - (b[0] as number);
  const vy = (c[1] as number) - (b[1] as number);
  if (ux * vx + uy * vy >= 0) return false;
  return Math.abs(ux * vy - uy * vx) <= tolerance * Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy));
}

/** Drops spike vertices from an open ring in place, until none is left (one removal can make another). */
function removeSpikes(ring: Position[], tolerance: number): void {
  let changed = true;
  while (changed && ring.length >= 3) {
    changed = false;
    for (let i = 0; i < ring.length && ring.length >= 3; i++) {
      const n = ring.length;
      if (
        isSpike(
          ring[(i - 1 + n) % n] as Position,
          ring[i] as Position,
          ring[(i + 1) % n] as Position,
          tolerance,
        )
      ) {
        ring.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
}

/**
 * Copies a ring without unusable positions and repeated consecutive positions, and closes it.
 * Never changes the input.
 */
export function cleanRing(ring: readonly Position[], options: CleanRingOptions = {}): CleanedRing {
  const tolerance = options.mergeWithinDegrees ?? 0;
  const repeats = (a: Position, b: Position) =>
    samePosition(a, b) ||
    (Math.abs((a[0] as number) - (b[0] as number)) <= tolerance &&
      Math.abs((a[1] as number) - (b[1] as number)) <= tolerance);
  const usable = ring.filter(isUsable);
  const removedInvalid = usable.length !== ring.length;
  const first = usable[0];
  const last = usable.at(-1);
  const closed = !(
    usable.length > 1 &&
    first !== undefined &&
    last !== undefined &&
    samePosition(first, last)
  );
  const open = closed ? usable : usable.slice(0, -1);
  const kept: Position[] = [];
  for (const position of open) {
    const previous = kept.at(-1);
    if (previous === undefined || !repeats(previous, position)) kept.push(position.slice());
  }
  // The ring wraps around: a last position equal to the first is a repeat too.
  while (kept.length > 1 && repeats(kept[0] as Position, kept.at(-1) as Position)) kept.pop();
  if (tolerance > 0) removeSpikes(kept, tolerance);
  const removedDuplicates = kept.length !== open.length;
  const start = kept[0];
  return {
    ring: start === undefined ? [] : [...kept, start.slice()],
    removedInvalid,
    removedDuplicates,
    closed: closed && usable.length > 0,
  };
}
