/**
 * A pilot area prepared for one analysis: its rings as integer paths for clipping, as a banded edge
 * index for point tests, and as oriented flat rings for clipping against grid cells. Built per call
 * (a vertex drag changes the area), so it must be cheap: linear in the number of vertices, and lazy
 * where it can be (see {@link prepareArea}).
 */

import { type ClipFrame, geometryBox, type LonLatBox } from "../geometry/clip-frame.ts";
import type { AreaGeometry } from "../model/plan.ts";
import { flattenRing } from "./clip-to-convex.ts";
import { type ClipShape, createClipShape } from "./intersect-shapes.ts";
import { type RingIndex, ringIndexOfGeometry } from "./ring-index.ts";

/** A pilot area (or any polygon) ready for the analysis kernels. */
export interface PreparedArea {
  readonly id: string;
  readonly geometry: AreaGeometry;
  /** Lon/lat box; null for a geometry without positions. */
  readonly box: LonLatBox | null;
  /** Integer paths in the context's frame, with their area (m², ellipsoidal). */
  readonly shape: ClipShape;
  /** Edges banded by latitude, for point-in-area tests and distances. */
  readonly rings: RingIndex;
  /** Rings as flat lon/lat arrays, outer rings counter-clockwise and holes clockwise. */
  readonly flatRings: readonly Float64Array[];
}

/** Rings as flat lon/lat arrays, outer rings counter-clockwise and holes clockwise. */
function flatRingsOf(geometry: AreaGeometry): Float64Array[] {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const flatRings: Float64Array[] = [];
  for (const rings of parts) {
    rings.forEach((ring, i) => {
      const flat = flattenRing(ring, i === 0);
      if (flat.length > 0) flatRings.push(flat);
    });
  }
  return flatRings;
}

/**
 * Prepares an area. Never changes the geometry; the result shares it (treat both as read-only).
 * Only the box and the edge index are built at once; the clip paths (`shape`) and the flat rings are
 * built when first read, so a figure that needs neither (counting points) does not pay for them.
 */
export function prepareArea(frame: ClipFrame, id: string, geometry: AreaGeometry): PreparedArea {
  let shape: ClipShape | undefined;
  let flatRings: Float64Array[] | undefined;
  return {
    id,
    geometry,
    box: geometryBox(geometry),
    get shape() {
      shape ??= createClipShape(frame, geometry);
      return shape;
    },
    rings: ringIndexOfGeometry(geometry),
    get flatRings() {
      flatRings ??= flatRingsOf(geometry);
      return flatRings;
    },
  };
}
