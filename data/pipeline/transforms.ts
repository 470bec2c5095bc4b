/**
 * Turns checked raw layers into the clean features the app serves: normalised property names,
 * readable categories, numeric ids for map feature-state, point coordinates rounded to 6 decimals
 * (~0.1 m). Areas keep their source coordinates here: build-data.ts rounds all of them together
 * (round-areas.ts), because rounding one area alone can make it invalid or split a shared border.
 * Pure functions over parsed GeoJSON; file access lives in build-data.ts.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import polylabel from "polylabel";
import { createDecimalClipFrame, geometryToPaths } from "../../src/domain/geometry/clip-frame.ts";
import { intersectPaths } from "../../src/domain/geometry/clipper-operations.ts";
import { geodesicArea, pathsAreaM2 } from "../../src/domain/geometry/measure-area.ts";
import { unionAreas } from "../../src/domain/geometry/union-areas.ts";
import type { ReferenceAreaProperties, ReferenceLevel } from "../../src/domain/model/catalogue.ts";
import { dissolveSharedBorders } from "./dissolve-shared-borders.ts";
import { bboxOf } from "./validate.ts";

type Props = Record<string, unknown>;
type AreaGeometry = Polygon | MultiPolygon;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Rounds all coordinates to 6 decimals and drops repeated positions that rounding creates. */
export function roundGeometry<G extends Geometry>(geometry: G): G {
  const point = (p: Position): Position => [round6(p[0] ?? 0), round6(p[1] ?? 0)];
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of r) {
      const q = point(p);
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  switch (geometry.type) {
    case "Point":
      return { ...geometry, coordinates: point(geometry.coordinates) };
    case "Polygon":
      return { ...geometry, coordinates: geometry.coordinates.map(ring) };
    case "MultiPolygon":
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
    default:
      return geometry;
  }
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: "FeatureCollection", features };
}

function withIds(features: Feature[]): Feature[] {
  return features.map((f, i) => ({ ...f, id: i + 1 }));
}

/** Readable German names for the portal's `objektart` keys (data content, not UI text). */
const CATEGORY_LABELS: Record<string, string> = {
  Foerderschule: "Förderschule",
  SchuleSonstiges: "Sonstige Schule",
  Verkehrsschule: "Verkehrsschule",
  Seniorenbegegnungsstaette: "Seniorenbegegnungsstätte",
  BetreutesWohnen: "Betreutes Wohnen",
  Tagespflegeeinrichtung: "Tagespflegeeinrichtung",
  Beratungsstelle: "Beratungsstelle",
  Kindergarten: "Kindertageseinrichtung",
  Jugendzentrum: "Jugendfreizeitstätte",
  Wochenmarkt: "Wochenmarkt",
  Bibliothek: "Bibliothek",
};

/** German names of OpenStreetMap `healthcare=*` values. */
const HEALTHCARE_LABELS: Record<string, string> = {
  doctor: "Arztpraxis",
  pharmacy: "Apotheke",
  dentist: "Zahnarztpraxis",
  physiotherapist: "Physiotherapie",
  podiatrist: "Podologie",
  speech_therapist: "Logopädie",
  clinic: "Klinik / Ambulanz",
  alternative: "Alternativmedizin",
  psychotherapist: "Psychotherapie",
  occupational_therapist: "Ergotherapie",
  counselling: "Beratung",
  hospital: "Krankenhaus",
  midwife: "Hebamme",
  blood_donation: "Blutspende",
  laboratory: "Labor",
  rehabilitation: "Rehabilitation",
};

export function transformCityFacility(raw: FeatureCollection): FeatureCollection {
  return collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        const art = text(p.objektart);
        const name = [text(p.objektname), text(p.objektzusa)].filter(Boolean).join(" – ");
        const address = [text(p.strasse), text(p.hausnummer)].filter(Boolean).join(" ");
        const district = text(p.ubz) ? `${text(p.ubz)} (${text(p.ubznr)})` : "";
        return {
          type: "Feature",
          geometry: roundGeometry(f.geometry),
          properties: {
            name,
            category: CATEGORY_LABELS[art] ?? art,
            address,
            note: text(p.i_zusinfo),
            district,
            link: text(p.link),
          },
        } satisfies Feature;
      }),
    ),
  );
}

export function transformHealthcare(raw: FeatureCollection): FeatureCollection {
  return collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        const tag = text(p.healthcare);
        return {
          type: "Feature",
          geometry: roundGeometry(f.geometry),
          properties: {
            name: HEALTHCARE_LABELS[tag] ?? (tag || "unbekannt"),
            category: HEALTHCARE_LABELS[tag] ?? (tag || "unbekannt"),
            osmTag: tag,
            osmId: text(p.osm_id),
          },
        } satisfies Feature;
      }),
    ),
  );
}

/** One direction of a line at a stop, from routes_by_stop.json. */
interface RouteDirection {
  line: string;
  origin: string;
  destination: string;
}

export function transformTransitStops(
  raw: FeatureCollection,
  routesByStop: Record<string, RouteDirection[]>,
): FeatureCollection {
  return collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        const lines = (Array.isArray(p.lines) ? p.lines.map(text) : text(p.lines).split(/[,;]\s*/)).filter(
          Boolean,
        );
        const stopId = text(p.stop_id);
        const destinations = new Map<string, Set<string>>();
        for (const route of routesByStop[stopId] ?? []) {
          const set = destinations.get(route.line) ?? new Set<string>();
          set.add(text(route.destination));
          destinations.set(route.line, set);
        }
        const directions = [...destinations]
          .map(([line, set]) => `${line} → ${[...set].join(" / ")}`)
          .join("; ");
        return {
          type: "Feature",
          geometry: roundGeometry(f.geometry),
          properties: {
            name: text(p.name),
            lines: lines.join(", "),
            lineCount: numberOrNull(p.n_lines) ?? lines.length,
            directions,
            stopId,
          },
        } satisfies Feature;
      }),
    ),
  );
}

/** Keeps operating schools only: drops the school office (form 0A) and operation key 9. */
export function transformSchoolsNrw(raw: FeatureCollection): FeatureCollection {
  const kept = raw.features.filter((f) => {
    const p = (f.properties ?? {}) as Props;
    return text(p.schulform_code) !== "0A" && text(p.schulbetriebsschluessel) !== "9";
  });
  return collection(
    withIds(
      kept.map((f) => {
        const p = (f.properties ?? {}) as Props;
        return {
          type: "Feature",
          geometry: roundGeometry(f.geometry),
          properties: {
            name: text(p.name),
            category: text(p.schulform),
            address: [text(p.strasse), [text(p.plz), text(p.ort)].filter(Boolean).join(" ")]
              .filter(Boolean)
              .join(", "),
            pupils: numberOrNull(p.schueler_2024_25),
            socialIndex: numberOrNull(p.sozialindex_2025_26),
            operator: text(p.rechtsform),
            schoolNumber: text(p.schulnummer),
          },
        } satisfies Feature;
      }),
    ),
  );
}

export function transformCityRegion(raw: FeatureCollection): FeatureCollection {
  return collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        return {
          type: "Feature",
          geometry: f.geometry,
          properties: {
            name: text(p.GEN),
            ags: text(p.AGS),
            employmentRate: numberOrNull(p.employment_rate_pct),
            populationChange5y: numberOrNull(p.population_change_5y_pct),
            share65plus: numberOrNull(p.share_65plus_pct),
            longTermUnemployed: numberOrNull(p.longterm_unemployed_share_pct),
          },
        } satisfies Feature;
      }),
    ),
  );
}

export function transformBoundary(raw: FeatureCollection): FeatureCollection {
  return collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        return {
          type: "Feature",
          geometry: f.geometry,
          properties: {
            name: text(p.GEN),
            ags: text(p.AGS),
            areaKm2: geodesicArea(f.geometry as AreaGeometry) / 1e6,
          },
        } satisfies Feature;
      }),
    ),
  );
}

/**
 * The city outline as the union of the Stadtbezirke. They share borders exactly, so the outline is
 * their outer edges with every vertex kept (dissolve-shared-borders.ts), and meets the districts
 * exactly; a general union only if they do not.
 */
export function transformBoundaryFromDistricts(raw: FeatureCollection): FeatureCollection {
  const areas = raw.features.map((f) => f.geometry as AreaGeometry);
  const outline = dissolveSharedBorders(areas) ?? unionAreas(areas);
  if (!outline) return collection([]);
  return collection(
    withIds([
      {
        type: "Feature",
        geometry: outline,
        properties: { name: "Dortmund", areaKm2: geodesicArea(outline) / 1e6 },
      },
    ]),
  );
}

export interface GridCell {
  geometry: Polygon;
  residents: number | null;
  /** Residents under 15 and 65 and over (Zensus 2022 only; 0 may mean "not available"). */
  under15?: number | null;
  age65plus?: number | null;
  areaM2: number;
  bbox: [number, number, number, number];
}

export function transformPopulationGrid(raw: FeatureCollection): {
  served: FeatureCollection;
  cells: GridCell[];
} {
  const cells: GridCell[] = [];
  const served = collection(
    withIds(
      raw.features.map((f) => {
        const p = (f.properties ?? {}) as Props;
        const residents = numberOrNull(p.Einwohner);
        const geometry = f.geometry as Polygon;
        const areaM2 = geodesicArea(geometry);
        cells.push({
          geometry,
          residents,
          areaM2,
          bbox: bboxOf(collection([f])),
        });
        return {
          type: "Feature",
          geometry,
          properties: {
            cellId: text(p.gitter_id_1km),
            residents,
            /** Residents per km², from the cell's real (geodesic) area. */
            density: residents === null ? null : Math.round(residents / (areaM2 / 1e6)),
            fracInCity: numberOrNull(p.frac_in_city),
            meanAge: numberOrNull(p.Alter_D),
            shareUnder18: numberOrNull(p.unter18_A),
            share65plus: numberOrNull(p.ab65_A),
          },
        } satisfies Feature;
      }),
    ),
  );
  return { served, cells };
}

function bboxesOverlap(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The cell counts that can be summed area-weighted. */
export type GridValue = "residents" | "under15" | "age65plus";

/**
 * Figures of an area, area-weighted from the census grid: each cell contributes its value times the
 * share of the cell's area that lies inside. Cells with secret or missing counts contribute 0.
 * Clipped with the app's engine (clipper2-ts) in a decimal frame, in which the sources' 7-decimal
 * coordinates are exact, and measured with the app's one area function.
 */
export function areaWeightedSums(
  geometry: AreaGeometry,
  cells: GridCell[],
  values: readonly GridValue[] = ["residents"],
): Record<GridValue, number> {
  const bbox = bboxOf(collection([{ type: "Feature", geometry, properties: {} }]));
  const frame = createDecimalClipFrame((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
  const paths = geometryToPaths(frame, geometry);
  const totals: Record<GridValue, number> = { residents: 0, under15: 0, age65plus: 0 };
  for (const cell of cells) {
    if (!cell.residents || !bboxesOverlap(bbox, cell.bbox)) continue;
    const piece = intersectPaths(paths, geometryToPaths(frame, cell.geometry));
    if (piece.length === 0) continue;
    const share = Math.max(0, pathsAreaM2(frame, piece)) / cell.areaM2;
    for (const key of values) totals[key] += (cell[key] ?? 0) * share;
  }
  return totals;
}

/** Residents in an area, area-weighted from the census grid (see {@link areaWeightedSums}). */
export function residentsAreaWeighted(geometry: AreaGeometry, cells: GridCell[]): number {
  return areaWeightedSums(geometry, cells).residents;
}

/** A label point inside the polygon (pole of inaccessibility of its largest part). */
export function labelPoint(geometry: AreaGeometry): Position {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0] ?? [];
  let bestArea = -1;
  for (const polygon of polygons) {
    const a = geodesicArea({ type: "Polygon", coordinates: polygon });
    if (a > bestArea) {
      bestArea = a;
      best = polygon;
    }
  }
  const p = polylabel(best as [number, number][][], 0.00005);
  return [round6(p[0] ?? 0), round6(p[1] ?? 0)];
}

export interface ReferenceLevels {
  stadtbezirk: FeatureCollection;
  "statistischer-bezirk": FeatureCollection;
  unterbezirk: FeatureCollection;
}

/**
 * Normalises the three nested district layers into {@link ReferenceAreaProperties}. Residents are
 * computed for the Unterbezirke from the grid and summed upwards (the levels nest exactly).
 * `stadtbezirkCodes` maps Stadtbezirk names to the city's official numbers, read from the facility files.
 */
export function transformReferenceAreas(
  raw: ReferenceLevels,
  cells: GridCell[],
  stadtbezirkCodes: Map<string, string>,
  cells2022: GridCell[] = [],
): { served: Record<ReferenceLevel, FeatureCollection>; labels: Record<ReferenceLevel, FeatureCollection> } {
  type Figures = { r2011: number; r2022: number; under15: number; age65plus: number };
  const byUbz = new Map<string, Figures>();
  for (const f of raw.unterbezirk.features) {
    const p = (f.properties ?? {}) as Props;
    const geometry = f.geometry as AreaGeometry;
    const current = areaWeightedSums(geometry, cells2022, ["residents", "under15", "age65plus"]);
    byUbz.set(text(p.ubz_nr), {
      r2011: residentsAreaWeighted(geometry, cells),
      r2022: current.residents,
      under15: current.under15,
      age65plus: current.age65plus,
    });
  }
  const sumWhere = (predicate: (ubz: Props) => boolean): Figures => {
    const sum: Figures = { r2011: 0, r2022: 0, under15: 0, age65plus: 0 };
    for (const f of raw.unterbezirk.features) {
      const p = (f.properties ?? {}) as Props;
      const figures = byUbz.get(text(p.ubz_nr));
      if (!predicate(p) || !figures) continue;
      for (const key of Object.keys(sum) as (keyof Figures)[]) sum[key] += figures[key];
    }
    return sum;
  };
  const has2022 = cells2022.length > 0;
  /** The census figures of an area, rounded; the 2022 ones null without the 2022 grid. */
  const census = (f: Figures | undefined) => ({
    residents2011: Math.round(f?.r2011 ?? 0),
    residents2022: has2022 ? Math.round(f?.r2022 ?? 0) : null,
    under15_2022: has2022 ? Math.round(f?.under15 ?? 0) : null,
    age65plus_2022: has2022 ? Math.round(f?.age65plus ?? 0) : null,
  });
  const statbezNames = new Map<string, string>();
  for (const f of raw["statistischer-bezirk"].features) {
    const p = (f.properties ?? {}) as Props;
    statbezNames.set(text(p.statbez_nr), text(p.name));
  }

  const make = (level: ReferenceLevel, f: Feature): Feature<AreaGeometry, ReferenceAreaProperties> => {
    const p = (f.properties ?? {}) as Props;
    const geometry = f.geometry as AreaGeometry;
    let properties: ReferenceAreaProperties;
    const areaKm2 = geodesicArea(f.geometry as AreaGeometry) / 1e6;
    if (level === "stadtbezirk") {
      const name = text(p.name);
      properties = {
        code: stadtbezirkCodes.get(name) ?? "",
        name,
        level,
        parentCode: "",
        parentName: "",
        stadtbezirk: name,
        areaKm2,
        ...census(sumWhere((u) => text(u.stadtbezirk) === name)),
      };
    } else if (level === "statistischer-bezirk") {
      const code = text(p.statbez_nr);
      const sb = text(p.stadtbezirk);
      properties = {
        code,
        name: text(p.name),
        level,
        parentCode: stadtbezirkCodes.get(sb) ?? "",
        parentName: sb,
        stadtbezirk: sb,
        areaKm2,
        ...census(sumWhere((u) => text(u.statbez_nr) === code)),
      };
    } else {
      const code = text(p.ubz_nr);
      properties = {
        code,
        name: text(p.name),
        level,
        parentCode: text(p.statbez_nr),
        parentName: text(p.statbez_name) || (statbezNames.get(text(p.statbez_nr)) ?? ""),
        stadtbezirk: text(p.stadtbezirk),
        areaKm2,
        ...census(byUbz.get(code)),
      };
    }
    return { type: "Feature", geometry, properties };
  };

  const served = {} as Record<ReferenceLevel, FeatureCollection>;
  const labels = {} as Record<ReferenceLevel, FeatureCollection>;
  for (const level of ["stadtbezirk", "statistischer-bezirk", "unterbezirk"] as const) {
    const features = withIds(raw[level].features.map((f) => make(level, f)));
    served[level] = collection(features);
    labels[level] = collection(
      features.map((f) => ({
        type: "Feature",
        id: f.id,
        geometry: { type: "Point", coordinates: labelPoint(f.geometry as AreaGeometry) },
        properties: {
          code: (f.properties as ReferenceAreaProperties).code,
          name: (f.properties as ReferenceAreaProperties).name,
        },
      })),
    );
  }
  return { served, labels };
}

/** Reads the official Stadtbezirk numbers from the portal's facility records (stadtbezbe → stadtbeznr). */
export function stadtbezirkCodesFrom(facilityLayers: FeatureCollection[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const layer of facilityLayers) {
    for (const f of layer.features) {
      const p = (f.properties ?? {}) as Props;
      const name = text(p.stadtbezbe);
      const code = text(p.stadtbeznr);
      if (name && code && !codes.has(name)) codes.set(name, code);
    }
  }
  return codes;
}
