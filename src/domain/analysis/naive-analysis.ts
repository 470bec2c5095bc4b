/**
 * The naive reference: the same figures as {@link analyseArea} and the variant overlaps, computed the
 * plain Turf way, every area against every feature, without any index: Turf `intersect` (polyclip-ts)
 * for every district, city and grid cell, `booleanPointInPolygon` for every point. Tests check the fast
 * engine against it and the benchmark measures how much faster the engine is.
 *
 * It shares only the measures with the engine (the ellipsoidal area of `geometry/measure-area.ts`, the
 * geodesic size, the local-metric distance), so that a difference points at the kernels. Dasymetric
 * weights are computed once in {@link prepareNaiveContext} by a linear scan over all grid cells,
 * because they do not depend on the pilot area.
 */
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { Position } from "geojson";
import { geometryBox } from "../geometry/clip-frame.ts";
import { geodesicArea, geodesicPerimeter } from "../geometry/measure-area.ts";
import { localMetresPerDegree } from "../geometry/measure-planar-ring.ts";
import { REFERENCE_LEVELS } from "../model/catalogue.ts";
import type { AreaGeometry } from "../model/plan.ts";
import type { AnalyseAreaOptions, AreaInput } from "./analyse-area.ts";
import type {
  AreaAnalysis,
  CellShare,
  DistrictCoverage,
  FacilityCount,
  LevelCoverage,
  PointSelection,
  ResidentsEstimate,
  ResidentsFigure,
} from "./analysis-result.ts";
import { DEFAULT_DISTANCES_M } from "./count-facilities.ts";
import { MIN_COVERED_M2, shareOf, sortCoverage } from "./measure-coverage.ts";
import type { AnalysisSource } from "./prepare-analysis-context.ts";
import type { PointLayerInput } from "./prepare-point-layer.ts";

/** The raw layers plus what the naive method computes once: areas and dasymetric weights. */
export interface NaiveContext {
  readonly source: AnalysisSource;
  readonly cityAreaM2: number;
  readonly districtAreasM2: Partial<Record<string, number[]>>;
  readonly cellAreasM2: number[];
  /** Grid cell of each address (-1: none), and addresses per cell. */
  readonly cellOfAddress: Int32Array;
  readonly addressesPerCell: Uint32Array;
  /** Each cell's share of area inside the city (1 without a city outline). */
  readonly cellShareInCity: number[];
}

/** Position i of a point layer's positions. */
function positionOf(positions: PointLayerInput["positions"], i: number): [number, number] {
  if (positions instanceof Float64Array) return [positions[2 * i] as number, positions[2 * i + 1] as number];
  const p = positions[i] as readonly number[];
  return [p[0] as number, p[1] as number];
}

function countOf(positions: PointLayerInput["positions"]): number {
  return positions instanceof Float64Array ? positions.length >> 1 : positions.length;
}

/** Whether a point is inside a geometry per Turf (border points count as inside). */
function turfContains(geometry: AreaGeometry, lon: number, lat: number): boolean {
  return booleanPointInPolygon([lon, lat], geometry);
}

/** Area in m² of the intersection of two geometries, by Turf's intersect (polyclip-ts). */
export function intersectionAreaTurfM2(a: AreaGeometry, b: AreaGeometry): number {
  const result = intersect(featureCollection([feature(a), feature(b)]));
  return result === null ? 0 : Math.max(0, geodesicArea(result.geometry));
}

/** Measures the layers once: district, cell and city areas, and each address's grid cell by linear scan. */
export function prepareNaiveContext(source: AnalysisSource): NaiveContext {
  const districtAreasM2: Partial<Record<string, number[]>> = {};
  for (const [level, areas] of Object.entries(source.referenceLevels)) {
    if (areas) districtAreasM2[level] = areas.map((a) => geodesicArea(a.geometry));
  }
  const cells = source.populationGrid?.cells ?? [];
  const boxes = cells.map((c) => geometryBox(c.geometry));
  const positions = source.addresses?.positions ?? new Float64Array(0);
  const total = countOf(positions);
  const cellOfAddress = new Int32Array(total).fill(-1);
  const addressesPerCell = new Uint32Array(cells.length);
  for (let i = 0; i < total; i++) {
    const [lon, lat] = positionOf(positions, i);
    for (let c = 0; c < cells.length; c++) {
      const box = boxes[c];
      // A box test before Turf only to keep the one-off scan bearable for 100,000 addresses.
      if (!box || lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
      if (turfContains((cells[c] as { geometry: AreaGeometry }).geometry, lon, lat)) {
        cellOfAddress[i] = c;
        addressesPerCell[c] = (addressesPerCell[c] as number) + 1;
        break;
      }
    }
  }
  const cellAreasM2 = cells.map((c) => geodesicArea(c.geometry));
  const city = source.city;
  return {
    source,
    cityAreaM2: city ? geodesicArea(city) : 0,
    districtAreasM2,
    cellAreasM2,
    cellOfAddress,
    addressesPerCell,
    cellShareInCity: cells.map((c, i) =>
      city ? Math.min(1, intersectionAreaTurfM2(c.geometry, city) / (cellAreasM2[i] as number)) : 1,
    ),
  };
}

/** Distance in metres from a point to the nearest edge of a geometry, every edge tried. */
function distanceToGeometryM(geometry: AreaGeometry, lon: number, lat: number): number {
  const scale = localMetresPerDegree(lat);
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = Number.POSITIVE_INFINITY;
  for (const rings of parts) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[(i + 1) % ring.length] as Position;
        const ax = ((a[0] as number) - lon) * scale.x;
        const ay = ((a[1] as number) - lat) * scale.y;
        const ux = ((b[0] as number) - lon) * scale.x - ax;
        const uy = ((b[1] as number) - lat) * scale.y - ay;
        const length = ux * ux + uy * uy;
        const t = length > 0 ? Math.min(1, Math.max(0, -(ax * ux + ay * uy) / length)) : 0;
        best = Math.min(best, Math.hypot(ax + t * ux, ay + t * uy));
      }
    }
  }
  return best;
}

/** Count, categories and ids of the given points (input indexes, ascending). */
function naiveSelection(layer: PointLayerInput, indexes: readonly number[]): PointSelection {
  const byCategory: Record<string, number> = {};
  for (const i of indexes) {
    const category = layer.categories?.[i] ?? "";
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  return { count: indexes.length, byCategory, ids: indexes.map((i) => String(layer.ids?.[i] ?? i)) };
}

/** Number of points of a layer inside an area, every point tested with Turf. */
export function countPointsNaive(positions: PointLayerInput["positions"], geometry: AreaGeometry): number {
  let count = 0;
  const total = countOf(positions);
  for (let i = 0; i < total; i++) {
    const [lon, lat] = positionOf(positions, i);
    if (turfContains(geometry, lon, lat)) count++;
  }
  return count;
}

function naiveFacilities(
  context: NaiveContext,
  geometry: AreaGeometry,
  distancesM: readonly number[],
): FacilityCount[] {
  return context.source.facilities.map((layer) => {
    const inside: number[] = [];
    const distances: number[] = [];
    const total = countOf(layer.positions);
    for (let i = 0; i < total; i++) {
      const [lon, lat] = positionOf(layer.positions, i);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
        distances.push(Number.POSITIVE_INFINITY);
        continue;
      }
      const isInside = turfContains(geometry, lon, lat);
      if (isInside) inside.push(i);
      distances.push(isInside ? 0 : distanceToGeometryM(geometry, lon, lat));
    }
    return {
      layerId: layer.id,
      inside: naiveSelection(layer, inside),
      near: distancesM.map((distanceM) => {
        const within = distances.flatMap((d, i) => (d <= distanceM ? [i] : []));
        return { ...naiveSelection(layer, within), distanceM };
      }),
    };
  });
}

function naiveResidents(context: NaiveContext, geometry: AreaGeometry): ResidentsEstimate | null {
  const grid = context.source.populationGrid;
  if (!grid) return null;
  const addresses = context.source.addresses;
  const cells: CellShare[] = [];
  let areaWeighted = 0;
  let unplaced = 0;
  grid.cells.forEach((cell, c) => {
    const insideM2 = intersectionAreaTurfM2(geometry, cell.geometry);
    if (insideM2 <= 0) return;
    const shareInside = shareOf(insideM2, context.cellAreasM2[c] as number);
    const residents = cell.residents !== null && Number.isFinite(cell.residents) ? cell.residents : null;
    const contribution = (residents ?? 0) * shareInside;
    const addressCount = addresses ? (context.addressesPerCell[c] as number) : null;
    areaWeighted += contribution;
    if (addressCount === 0) unplaced += contribution;
    cells.push({ cellId: cell.id, residents, shareInside, contribution, addressCount });
  });
  cells.sort((a, b) => b.contribution - a.contribution || a.cellId.localeCompare(b.cellId));
  const figures: ResidentsFigure[] = [
    { method: "area-weighted-grid", residents: areaWeighted, dataYear: grid.dataYear },
  ];
  let addressesInside: number | null = null;
  if (addresses) {
    let count = 0;
    let sum = 0;
    const total = countOf(addresses.positions);
    for (let i = 0; i < total; i++) {
      const [lon, lat] = positionOf(addresses.positions, i);
      if (!turfContains(geometry, lon, lat)) continue;
      count++;
      const cell = context.cellOfAddress[i] as number;
      if (cell >= 0) {
        const residents = grid.cells[cell]?.residents ?? 0;
        const inCity =
          (Number.isFinite(residents) ? (residents as number) : 0) *
          (context.cellShareInCity[cell] as number);
        sum += inCity / (context.addressesPerCell[cell] as number);
      }
    }
    addressesInside = count;
    figures.push({
      method: "dasymetric-addresses",
      residents: sum,
      dataYear: grid.dataYear,
      weightsDataYear: addresses.dataYear,
    });
  }
  const values = figures.map((f) => f.residents);
  return {
    figures,
    low: Math.min(...values),
    high: Math.max(...values),
    cells,
    addressesInside,
    unplacedResidents: addresses ? unplaced : null,
  };
}

/** {@link analyseArea}, the naive way (see the module comment). Same result shape and measures. */
export function analyseAreaNaive(
  context: NaiveContext,
  area: AreaInput,
  options: AnalyseAreaOptions = {},
): AreaAnalysis {
  const source = context.source;
  const geometry = area.geometry;
  const areaM2 = geodesicArea(geometry);
  const levels: LevelCoverage[] = [];
  for (const level of options.levels ?? REFERENCE_LEVELS) {
    const districts = source.referenceLevels[level];
    if (!districts) continue;
    const areas = context.districtAreasM2[level] ?? [];
    const rows: DistrictCoverage[] = [];
    let covered = 0;
    districts.forEach((district, i) => {
      const intersectionM2 = intersectionAreaTurfM2(geometry, district.geometry);
      if (intersectionM2 < MIN_COVERED_M2) return;
      covered += intersectionM2;
      rows.push({
        code: district.code,
        name: district.name,
        intersectionM2,
        shareOfDistrict: shareOf(intersectionM2, areas[i] as number),
        shareOfArea: 0,
      });
    });
    // As in the engine: shares of the area sum to at most 1 despite rounding (see measure-coverage.ts).
    for (const row of rows) row.shareOfArea = shareOf(row.intersectionM2, Math.max(areaM2, covered));
    levels.push({ level, districts: sortCoverage(rows), shareOfAreaCovered: shareOf(covered, areaM2) });
  }
  let city: AreaAnalysis["city"] = null;
  if (source.city) {
    const insideM2 = intersectionAreaTurfM2(geometry, source.city);
    city = {
      insideM2,
      shareOfCity: shareOf(insideM2, context.cityAreaM2),
      shareOfAreaInside: shareOf(insideM2, areaM2),
    };
  }
  return {
    areaId: area.id,
    areaM2: geodesicArea(geometry),
    perimeterM: geodesicPerimeter(geometry),
    city,
    levels,
    residents: naiveResidents(context, geometry),
    facilities: naiveFacilities(context, geometry, options.distancesM ?? DEFAULT_DISTANCES_M),
  };
}

/** One overlapping pair found by {@link findOverlapsNaive}: indexes into the input and the overlap in m². */
export interface NaiveOverlap {
  a: number;
  b: number;
  overlapM2: number;
}

/** Every pair of areas intersected with Turf; pairs overlapping by at least `MIN_COVERED_M2`. */
export function findOverlapsNaive(geometries: readonly AreaGeometry[]): NaiveOverlap[] {
  const overlaps: NaiveOverlap[] = [];
  for (let a = 0; a < geometries.length; a++) {
    for (let b = a + 1; b < geometries.length; b++) {
      const overlapM2 = intersectionAreaTurfM2(geometries[a] as AreaGeometry, geometries[b] as AreaGeometry);
      if (overlapM2 >= MIN_COVERED_M2) overlaps.push({ a, b, overlapM2 });
    }
  }
  return overlaps;
}
