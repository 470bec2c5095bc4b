/**
 * The area geometry schema: a GeoJSON Polygon or MultiPolygon checked all the way down, because every
 * later step (measuring, drawing, the label point search, the analysis) takes the structure for
 * granted. A ring of `[]` ended in "e[0] is not iterable" at every start; a ring of coordinates given
 * as text sent the label point search into an endless loop.
 *
 * Checked: rings are lists of at least four positions and end where they start; positions are two or
 * three finite numbers (never text, NaN or Infinity) with the longitude within ±180° and the latitude
 * within ±90°; polygons have at least one ring and MultiPolygons at least one polygon; no more than
 * {@link MAX_AREA_VERTICES} positions in all. The vertex count is checked first, on the raw value, so a
 * hostile document is refused before its millions of positions are walked.
 *
 * Not checked here: whether rings cross themselves or each other (see `validate-area-geometry.ts`; a
 * crossing ring draws and measures, it is only not a valid pilot area).
 */
import * as v from "valibot";
import type { AreaGeometry } from "../model/plan.ts";
import { MAX_AREA_VERTICES, problemOf, type Validated } from "./validation-problem.ts";

const coordinate = v.pipe(v.number("expected-number"), v.finite("not-finite"));

/** Longitude and latitude (and an optional height), in range. */
export const PositionSchema = v.pipe(
  v.array(coordinate, "expected-list"),
  v.minLength(2, "position-length"),
  v.maxLength(3, "position-length"),
  v.check(
    (position) => Math.abs(position[0] as number) <= 180 && Math.abs(position[1] as number) <= 90,
    "position-out-of-range",
  ),
);

/** A closed ring of at least four positions. */
export const RingSchema = v.pipe(
  v.array(PositionSchema, "expected-list"),
  v.minLength(4, "ring-too-short"),
  v.check((ring) => {
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    return first[0] === last[0] && first[1] === last[1];
  }, "ring-not-closed"),
);

/** The rings of one polygon: the outer ring, then its holes. */
export const PolygonRingsSchema = v.pipe(
  v.array(RingSchema, "expected-list"),
  v.minLength(1, "polygon-without-rings"),
);

/** Positions in a raw value shaped like polygon coordinates (depth 3) or multipolygon ones (4); cheap. */
function rawPositionCount(value: unknown, depth: number): number {
  if (!Array.isArray(value)) return 0;
  if (depth === 1) return value.length;
  let n = 0;
  for (const item of value) n += rawPositionCount(item, depth - 1);
  return n;
}

const polygonSchema = v.object(
  {
    type: v.literal("Polygon", "geometry-type"),
    coordinates: PolygonRingsSchema,
  },
  "expected-object",
);

const multiPolygonSchema = v.object(
  {
    type: v.literal("MultiPolygon", "geometry-type"),
    coordinates: v.pipe(v.array(PolygonRingsSchema, "expected-list"), v.minLength(1, "multipolygon-empty")),
  },
  "expected-object",
);

/** A pilot area's geometry. The output is a fresh copy (unknown keys such as `bbox` are left out). */
export const AreaGeometrySchema: v.GenericSchema<unknown, AreaGeometry> = v.pipe(
  v.unknown(),
  v.check((value) => {
    const record = value as { type?: unknown; coordinates?: unknown } | null;
    if (typeof record !== "object" || record === null) return true;
    const depth = record.type === "MultiPolygon" ? 3 : 2;
    return rawPositionCount(record.coordinates, depth) <= MAX_AREA_VERTICES;
  }, "too-many-vertices"),
  v.variant("type", [polygonSchema, multiPolygonSchema], "geometry-type"),
);

/** A geometry checked against {@link AreaGeometrySchema}: a fresh copy, or the first problem. */
export function parseAreaGeometry(raw: unknown): Validated<AreaGeometry> {
  const result = v.safeParse(AreaGeometrySchema, raw, { abortEarly: true });
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problem: problemOf(result.issues) };
}
