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

/**
 * Copies a ring without unusable positions and repeated consecutive positions, and closes it.
 * Never changes the input.
 */
export function cleanRing(ring: readonly Position[]): CleanedRing {
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
    if (previous === undefined || !samePosition(previous, position)) kept.push(position.slice());
  }
  // The ring wraps around: a last position equal to the first is a repeat too.
  while (kept.length > 1 && samePosition(kept[0] as Position, kept.at(-1) as Position)) kept.pop();
  const removedDuplicates = kept.length !== open.length;
  const start = kept[0];
  return {
    ring: start === undefined ? [] : [...kept, start.slice()],
    removedInvalid,
    removedDuplicates,
    closed: closed && usable.length > 0,
  };
}
