/**
 * Mends a broken area: what an import, a freehand stroke or a careless vertex drag can produce.
 * A self-crossing ring is split into simple rings with `@turf/unkink-polygon`, and the area covers
 * every region the ring encloses: a bow-tie becomes its two lobes, a loop drawn twice one polygon.
 * The pieces are then merged by polygon clipping, which also merges overlapping parts and cuts holes
 * to their outer ring.
 *
 * Why not let polyclip-ts resolve crossings itself (its README promises the non-zero rule)? Because
 * polyclip-ts 0.16.8 loops forever, allocating gigabytes, on some self-crossing rings of ten
 * vertices (see the report in the tests' pinned cases); on simple rings it has not done so here.
 */
import { difference } from "@turf/difference";
import { feature, featureCollection, lineString, multiPolygon, polygon } from "@turf/helpers";
import { kinks } from "@turf/kinks";
import { union } from "@turf/union";
import { unkinkPolygon } from "@turf/unkink-polygon";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { partsOf } from "./area-geometry-parts.ts";
import { cleanRing } from "./clean-ring.ts";
import { clipRobustly } from "./clip-robustly.ts";
import { localMetresPerDegree, measurePlanarRing, measureRingWidthM } from "./measure-planar-ring.ts";
import { SLIVER_WIDTH_M } from "./remove-slivers.ts";
import { passesTurfChecks } from "./validate-area-geometry.ts";

/**
 * What a repair changed, as a code for the UI to translate. Listed in this order.
 * DO NOT RENAME: codes may be stored with an area's history.
 */
export const REPAIR_CODES = [
  /** Positions without two finite coordinates were dropped. */
  "invalid-positions-removed",
  /** Repeated consecutive positions were dropped. */
  "duplicate-points-removed",
  /** A ring that did not end where it started was closed. */
  "ring-closed",
  /** Rings were turned to RFC 7946 winding (outer counter-clockwise, holes clockwise). */
  "winding-fixed",
  /** A ring that crossed or touched itself was split into simple parts (a bow-tie into two). */
  "self-intersection-split",
  /** Overlapping parts were merged, or holes cut back to their outer ring. */
  "overlaps-merged",
  /** Parts or holes that touched at a point were moved apart by about a millimetre. */
  "touching-rings-separated",
  /** Rings with no area or thinner than a few centimetres (slivers) were dropped. */
  "slivers-removed",
  /** Nothing usable was left. */
  "empty",
] as const;

export type RepairCode = (typeof REPAIR_CODES)[number];

export interface RepairResult {
  /** The repaired area, valid and in RFC 7946 winding; null when nothing was left. */
  geometry: AreaGeometry | null;
  /** What changed, in {@link REPAIR_CODES} order; empty when the area was fine. */
  repairs: RepairCode[];
}

function ringCrossesItself(ring: Position[]): boolean {
  return kinks(lineString(ring)).features.length > 0;
}

/** Area in the plane (m²) as the rings claim it, outer rings minus holes; meaningless if rings cross. */
function claimedArea(parts: Position[][][], referenceLatitude: number): number {
  // One plane for every ring (at a fixed latitude), so the same shape starting at another vertex after
  // clipping gives the same area: a plane at each ring's own first vertex differs by up to 0.02 %.
  const scale = localMetresPerDegree(referenceLatitude);
  let total = 0;
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      let twice = 0;
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
        const a = ring[k] as Position;
        const b = ring[j] as Position;
        twice += ((b[0] as number) - (a[0] as number)) * ((b[1] as number) + (a[1] as number));
      }
      const area = Math.abs(twice / 2) * scale.x * scale.y;
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

/**
 * The simple rings a self-crossing ring falls into. `@turf/unkink-polygon` throws on a ring that
 * passes through one vertex twice; such a ring is handed on as it is.
 */
function splitRing(ring: Position[]): Position[][] {
  try {
    // unkink-polygon closes rings in place, so it gets a copy.
    const pieces = unkinkPolygon(polygon([ring.map((p) => p.slice())])).features;
    return pieces.map((piece) => piece.geometry.coordinates[0] as Position[]);
  } catch {
    return [ring];
  }
}

const asMultiPolygon = (rings: Position[][]): AreaGeometry => ({
  type: "MultiPolygon",
  coordinates: rings.map((ring) => [ring]),
});

/**
 * Merges parts given as pairs of (outer pieces, hole pieces): each part is its outer pieces minus its
 * hole pieces, and the result the union of the parts.
 */
function mergeParts(inputs: readonly AreaGeometry[]): AreaGeometry | null {
  const empty = multiPolygon([]) as never;
  const merged: AreaGeometry[] = [];
  for (let k = 0; k < inputs.length; k += 2) {
    const outers = feature(inputs[k] as AreaGeometry);
    const holes = inputs[k + 1] as AreaGeometry;
    const part =
      partsOf(holes).length > 0
        ? difference(featureCollection([outers, feature(holes)]))
        : union(featureCollection([outers, empty]));
    if (part !== null) merged.push(part.geometry);
  }
  if (merged.length <= 1) return merged[0] ?? null;
  return union(featureCollection(merged.map((part) => feature(part))))?.geometry ?? null;
}

/**
 * Repairs an area so that it passes {@link isValidAreaGeometry}, `@turf/boolean-valid` and
 * `@turf/kinks`, and says what it changed. Never changes the input.
 */
export function repairAreaGeometry(geometry: AreaGeometry): RepairResult {
  const repairs = new Set<RepairCode>();
  const parts: Position[][][] = [];
  /** Per part: its outer ring split into simple rings, and its holes split likewise. */
  const pieces: AreaGeometry[] = [];
  let selfCrossing = false;
  for (const rings of partsOf(geometry)) {
    const kept: Position[][] = [];
    const outerPieces: Position[][] = [];
    const holePieces: Position[][] = [];
    for (const [i, ring] of rings.entries()) {
      const cleaned = cleanRing(ring);
      if (cleaned.removedInvalid) repairs.add("invalid-positions-removed");
      if (cleaned.removedDuplicates) repairs.add("duplicate-points-removed");
      if (cleaned.closed) repairs.add("ring-closed");
      const crosses = cleaned.ring.length >= 4 && ringCrossesItself(cleaned.ring);
      if (cleaned.ring.length < 4 || (!crosses && measureRingWidthM(cleaned.ring) < SLIVER_WIDTH_M)) {
        repairs.add("slivers-removed");
        // Without its outer ring a part's holes mean nothing.
        if (i === 0) break;
        continue;
      }
      if (crosses) {
        selfCrossing = true;
        repairs.add("self-intersection-split");
      } else if (Math.sign(measurePlanarRing(cleaned.ring).signedAreaM2) === (i === 0 ? -1 : 1)) {
        repairs.add("winding-fixed");
      }
      kept.push(cleaned.ring);
      (i === 0 ? outerPieces : holePieces).push(...(crosses ? splitRing(cleaned.ring) : [cleaned.ring]));
    }
    if (kept.length > 0) {
      parts.push(kept);
      pieces.push(asMultiPolygon(outerPieces), asMultiPolygon(holePieces));
    }
  }

  if (parts.length === 0) return { geometry: null, repairs: [...repairs, "empty"] };
  // Clipping output winds the RFC 7946 way. Turf's own checks are the yardstick the result must
  // meet; they cost O(n²), so they run here only.
  const finished = clipRobustly(pieces, mergeParts, passesTurfChecks);
  if (!selfCrossing) {
    const referenceLatitude = (parts[0]?.[0]?.[0]?.[1] as number | undefined) ?? 0;
    const before = claimedArea(parts, referenceLatitude);
    const after = finished.clipped === null ? 0 : claimedArea(partsOf(finished.clipped), referenceLatitude);
    // Clipping rounds to about a millimetre; a difference under 1 m² (or a millionth) is that rounding,
    // not parts that overlapped.
    if (Math.abs(before - after) > Math.max(1, 1e-6 * before)) repairs.add("overlaps-merged");
  }
  if (finished.slivers > 0) repairs.add("slivers-removed");
  if (finished.separated > 0) repairs.add("touching-rings-separated");
  if (finished.geometry === null) repairs.add("empty");
  return { geometry: finished.geometry, repairs: REPAIR_CODES.filter((code) => repairs.has(code)) };
}
