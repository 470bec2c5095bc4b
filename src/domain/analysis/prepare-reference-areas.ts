/**
 * One level of reference areas (Stadtbezirke, Statistische Bezirke or Unterbezirke) prepared once for
 * coverage queries: a Flatbush index over their boxes, each district's rings as integer paths for
 * clipper2-ts with its area measured once, and a banded edge index for point membership.
 */
import Flatbush from "flatbush";
import { type ClipFrame, geometryBox, type LonLatBox } from "../geometry/clip-frame.ts";
import type { ReferenceLevel } from "../model/catalogue.ts";
import type { AreaGeometry } from "../model/plan.ts";
import { type ClipShape, createClipShape } from "./intersect-shapes.ts";
import { containsPoint, type RingIndex, ringIndexOfGeometry } from "./ring-index.ts";

/** One reference area as the engine needs it. */
export interface ReferenceAreaInput {
  code: string;
  name: string;
  /** Code of the enclosing area one level up ("" for none). */
  parentCode?: string;
  geometry: AreaGeometry;
}

/** A prepared level. Build with {@link prepareReferenceLevel}; treat as read-only. */
export interface PreparedReferenceLevel {
  readonly level: ReferenceLevel;
  readonly codes: readonly string[];
  readonly names: readonly string[];
  readonly parentCodes: readonly string[];
  /** Clipping shape per district, with its area in m² (ellipsoidal, same measure as intersections). */
  readonly shapes: readonly ClipShape[];
  readonly rings: readonly RingIndex[];
  readonly boxes: readonly LonLatBox[];
  /** Index over the districts' lon/lat boxes; null for an empty level. */
  readonly index: Flatbush | null;
}

/** Prepares one level of reference areas in the given frame. Districts without area are kept with area 0. */
export function prepareReferenceLevel(
  frame: ClipFrame,
  level: ReferenceLevel,
  areas: readonly ReferenceAreaInput[],
): PreparedReferenceLevel {
  const boxes = areas.map((a) => geometryBox(a.geometry) ?? ([0, 0, 0, 0] as LonLatBox));
  let index: Flatbush | null = null;
  if (areas.length > 0) {
    index = new Flatbush(areas.length);
    for (const box of boxes) index.add(box[0], box[1], box[2], box[3]);
    index.finish();
  }
  return {
    level,
    codes: areas.map((a) => a.code),
    names: areas.map((a) => a.name),
    parentCodes: areas.map((a) => a.parentCode ?? ""),
    shapes: areas.map((a) => createClipShape(frame, a.geometry)),
    rings: areas.map((a) => ringIndexOfGeometry(a.geometry)),
    boxes,
    index,
  };
}

/** Indexes of the districts whose boxes meet the given box. */
export function districtsNear(level: PreparedReferenceLevel, box: LonLatBox): number[] {
  return level.index === null ? [] : level.index.search(box[0], box[1], box[2], box[3]);
}

/**
 * Index of the district that contains the point, or -1. In a tessellation whose neighbours share
 * their borders exactly, a border point belongs to exactly one district (see `ring-index.ts`).
 */
export function districtOfPoint(level: PreparedReferenceLevel, lon: number, lat: number): number {
  if (level.index === null) return -1;
  let found = -1;
  level.index.search(lon, lat, lon, lat, (i) => {
    if (found < 0 && containsPoint(level.rings[i] as RingIndex, lon, lat)) found = i;
    return false;
  });
  return found;
}
