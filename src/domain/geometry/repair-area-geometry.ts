/**
 * Mends a broken area: what an import, a freehand stroke or a careless vertex drag can produce.
 *
 * Rings are cleaned first (unusable and repeated positions dropped, rings closed). If that leaves a
 * valid area (the app's own check, `validate-area-geometry.ts`), it is only rewound. Otherwise the
 * area is rebuilt with clipper2-ts under the non-zero rule, which is what the area means to whoever
 * drew it: a ring covers every region it winds around, so a bow-tie becomes its two lobes and a loop
 * drawn twice one polygon; each part is its outer ring's region minus its holes' regions, and the
 * parts are merged, which also merges overlapping parts and cuts holes back to their outer ring.
 * (Even-odd would punch a hole where a loop is drawn twice.) The result is finished as every clipping
 * result is (`clip-areas.ts`): slivers dropped, touching rings moved apart, normalised.
 */
import type { Path64, Paths64 } from "clipper2-ts";
import type { Position } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import { geometryFromParts, partsOf } from "./area-geometry-parts.ts";
import { cleanRing } from "./clean-ring.ts";
import { clipOnGrids } from "./clip-areas.ts";
import { type ClipFrame, latOf, lonOf, ringToPath } from "./clip-frame.ts";
import { clipPathsAsTree, subtractPaths, unitePaths } from "./clipper-operations.ts";
import { hasRingContacts } from "./find-ring-contacts.ts";
import { localMetresPerDegree, measurePlanarRing, measureRingWidthM } from "./measure-planar-ring.ts";
import { normalizeAreaGeometry } from "./normalize-area-geometry.ts";
import { SLIVER_WIDTH_M } from "./remove-slivers.ts";
import { isValidAreaGeometry } from "./validate-area-geometry.ts";

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

/** An integer path as an open lon/lat ring. */
function ringOfPath(frame: ClipFrame, path: Path64): Position[] {
  return path.map((p) => [lonOf(frame, p.x), latOf(frame, p.y)]);
}

/** Whether a ring crosses or touches itself (a bow-tie's centre, a pinch). */
function ringTouchesItself(ring: Position[]): boolean {
  return hasRingContacts({ type: "Polygon", coordinates: [ring] });
}

/**
 * Repairs an area so that it passes {@link isValidAreaGeometry}, and says what it changed. Never
 * changes the input.
 */
export function repairAreaGeometry(geometry: AreaGeometry): RepairResult {
  const repairs = new Set<RepairCode>();
  const parts: Position[][][] = [];
  /** Per part and kept ring: whether it crosses or touches itself. */
  const crossings: boolean[][] = [];
  let selfCrossing = false;
  for (const rings of partsOf(geometry)) {
    const kept: Position[][] = [];
    const crosses: boolean[] = [];
    for (const [i, ring] of rings.entries()) {
      const cleaned = cleanRing(ring);
      if (cleaned.removedInvalid) repairs.add("invalid-positions-removed");
      if (cleaned.removedDuplicates) repairs.add("duplicate-points-removed");
      if (cleaned.closed) repairs.add("ring-closed");
      const crossing = cleaned.ring.length >= 4 && ringTouchesItself(cleaned.ring);
      if (cleaned.ring.length < 4 || (!crossing && measureRingWidthM(cleaned.ring) < SLIVER_WIDTH_M)) {
        repairs.add("slivers-removed");
        // Without its outer ring a part's holes mean nothing.
        if (i === 0) break;
        continue;
      }
      if (crossing) {
        selfCrossing = true;
        repairs.add("self-intersection-split");
      } else if (Math.sign(measurePlanarRing(cleaned.ring).signedAreaM2) === (i === 0 ? -1 : 1)) {
        repairs.add("winding-fixed");
      }
      kept.push(cleaned.ring);
      crosses.push(crossing);
    }
    if (kept.length > 0) {
      parts.push(kept);
      crossings.push(crosses);
    }
  }

  const cleaned = geometryFromParts(parts);
  if (cleaned === null) return { geometry: null, repairs: [...repairs, "empty"] };
  const ordered = () => REPAIR_CODES.filter((code) => repairs.has(code));
  if (!selfCrossing && isValidAreaGeometry(cleaned)) {
    return { geometry: normalizeAreaGeometry(cleaned), repairs: ordered() };
  }

  const finished = clipOnGrids([cleaned], (frame) => {
    let thinLobes = 0;
    /**
     * The region a ring encloses, counter-clockwise: a ring crossing itself as the union of its lobes,
     * without lobes thinner than a sliver (as a ring that does not cross itself is dropped when thin).
     */
    const region = (ring: Position[], crossing: boolean): Paths64 => {
      const path = ringToPath(frame, ring, true);
      if (path.length === 0 || !crossing) return path.length === 0 ? [] : [path];
      const lobes = unitePaths([path]);
      const kept = lobes.filter((lobe) => measureRingWidthM(ringOfPath(frame, lobe)) >= SLIVER_WIDTH_M);
      thinLobes += lobes.length - kept.length;
      return kept;
    };
    const merged: Paths64 = [];
    parts.forEach(([outer, ...holes], k) => {
      const flags = crossings[k] as boolean[];
      const outerRegion = region(outer as Position[], flags[0] as boolean);
      const holeRegions = holes.flatMap((hole, h) => region(hole, flags[h + 1] as boolean));
      merged.push(...(holeRegions.length > 0 ? subtractPaths(outerRegion, holeRegions) : outerRegion));
    });
    return { tree: clipPathsAsTree("union", merged, [], { preserveCollinear: false }), slivers: thinLobes };
  });
  if (!selfCrossing) {
    const referenceLatitude = (parts[0]?.[0]?.[0]?.[1] as number | undefined) ?? 0;
    const before = claimedArea(parts, referenceLatitude);
    const after = finished.clipped === null ? 0 : claimedArea(partsOf(finished.clipped), referenceLatitude);
    // Clipping rounds to about 0.01 mm; a difference under 1 m² (or a millionth) is that rounding,
    // not parts that overlapped.
    if (Math.abs(before - after) > Math.max(1, 1e-6 * before)) repairs.add("overlaps-merged");
  }
  if (finished.slivers > 0) repairs.add("slivers-removed");
  if (finished.separated > 0) repairs.add("touching-rings-separated");
  if (finished.geometry === null) repairs.add("empty");
  return { geometry: finished.geometry, repairs: ordered() };
}
