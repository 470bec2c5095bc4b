/**
 * Builders for share link tests: star-shaped (hence simple) polygons around points in Dortmund,
 * optionally with a hole or a second part, as plain data and as fast-check arbitraries.
 */
import fc from "fast-check";
import type { Position } from "geojson";
import { normalizeAreaGeometry } from "../../../src/domain/geometry/normalize-area-geometry.ts";
import { ALLIANCE_FIELDS, type AllianceField } from "../../../src/domain/model/catalogue.ts";
import { asAreaId } from "../../../src/domain/model/ids.ts";
import {
  AREA_STATUSES,
  type AreaGeometry,
  type PilotArea,
  type Variant,
} from "../../../src/domain/model/plan.ts";

export const NOW = "2026-11-26T10:00:00.000Z";
const METRES_PER_DEGREE_LAT = 111_250;
const METRES_PER_DEGREE_LON = 69_400;

/** A closed counter-clockwise star around (lon, lat): vertex k at angle ≈ k/n·2π, radius factors in 0.5–1. */
export function starRing(lon: number, lat: number, radiusM: number, factors: readonly number[]): Position[] {
  const n = factors.length;
  const ring: Position[] = factors.map((factor, k) => {
    const angle = (k / n) * 2 * Math.PI;
    const r = radiusM * factor;
    return [
      lon + (Math.cos(angle) * r) / METRES_PER_DEGREE_LON,
      lat + (Math.sin(angle) * r) / METRES_PER_DEGREE_LAT,
    ];
  });
  ring.push([...(ring[0] as Position)]);
  return ring;
}

/** Distance in metres between two nearby positions (local flat approximation, good to 0.1 % here). */
export function distanceM(a: Position, b: Position): number {
  const dx = ((a[0] as number) - (b[0] as number)) * METRES_PER_DEGREE_LON;
  const dy = ((a[1] as number) - (b[1] as number)) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

export function makeArea(id: string, geometry: AreaGeometry, attributes: Partial<PilotArea> = {}): PilotArea {
  return {
    id: asAreaId(id),
    name: `Gebiet ${id}`,
    fields: ["energie"],
    partners: [],
    status: "idee",
    notes: "",
    colour: "#0072b2",
    createdAt: NOW,
    updatedAt: NOW,
    geometry,
    origin: { kind: "drawn", tool: "polygon" },
    ...attributes,
  };
}

export function makeVariant(
  name: string,
  areas: readonly PilotArea[],
): Pick<Variant, "name" | "areaOrder" | "areas"> {
  return {
    name,
    areaOrder: areas.map((area) => area.id),
    areas: Object.fromEntries(areas.map((area) => [area.id, area])),
  };
}

/** Texts that have broken encoders before: umlauts, emoji, markup, quotes, control characters. */
export const AWKWARD_TEXTS = [
  "Hörde-Süd, Straße ß ÄÖÜ",
  "🚲🌳 Klimaquartier 👩‍👩‍👧",
  "<script>alert('x')</script>",
  '"; DROP TABLE plans; --',
  "Zeile 1\nZeile 2\tTab\u0000Null",
  "",
  "   ",
  "\u202eRechts-nach-links",
];

const text = fc.oneof(fc.constantFrom(...AWKWARD_TEXTS), fc.string({ unit: "binary", maxLength: 30 }));

const star = fc.record({
  lon: fc.double({ min: 7.35, max: 7.6, noNaN: true }),
  lat: fc.double({ min: 51.42, max: 51.58, noNaN: true }),
  radiusM: fc.double({ min: 150, max: 1500, noNaN: true }),
  factors: fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 3, maxLength: 18 }),
});

/** A valid geometry: one star, a star with a hole, or two stars far apart. */
export const geometryArbitrary: fc.Arbitrary<AreaGeometry> = fc
  .tuple(
    star,
    fc.constantFrom("plain", "hole", "two-parts"),
    fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 3, maxLength: 8 }),
  )
  .map(([s, kind, holeFactors]) => {
    const outer = starRing(s.lon, s.lat, s.radiusM, s.factors);
    let geometry: AreaGeometry;
    if (kind === "hole") {
      // Hole radius at most 0.3 of the outer radius; the outer ring never comes closer than 0.5.
      const hole = starRing(s.lon, s.lat, s.radiusM * 0.3, holeFactors).reverse();
      geometry = { type: "Polygon", coordinates: [outer, hole] };
    } else if (kind === "two-parts") {
      const other = starRing(s.lon + 0.05, s.lat + 0.03, s.radiusM, holeFactors);
      geometry = { type: "MultiPolygon", coordinates: [[outer], [other]] };
    } else {
      geometry = { type: "Polygon", coordinates: [outer] };
    }
    return normalizeAreaGeometry(geometry) as AreaGeometry;
  });

const areaArbitrary = fc.record({
  name: text,
  fields: fc.subarray([...ALLIANCE_FIELDS] as AllianceField[]),
  partners: fc.array(text, { maxLength: 3 }),
  status: fc.constantFrom(...AREA_STATUSES),
  notes: text,
  colour: fc
    .integer({ min: 0, max: 0xffffff })
    .chain((value) =>
      fc.constantFrom(
        `#${value.toString(16).padStart(6, "0")}`,
        `#${value.toString(16).padStart(6, "0").toUpperCase()}`,
      ),
    ),
  geometry: geometryArbitrary,
});

/** A variant of up to 15 areas with awkward texts. */
export const variantArbitrary = fc.record({
  planName: text,
  variantName: text,
  areas: fc.array(areaArbitrary, { maxLength: 15 }),
});
