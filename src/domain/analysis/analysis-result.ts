/**
 * The shapes of analysis results: plain, JSON-serialisable objects (no class instances, no typed
 * arrays, no Maps), so that they cross the worker boundary and can be stored or compared as they are.
 * The UI formats them; every figure carries enough detail to explain how it was obtained.
 */

import type { MultiPolygon } from "geojson";
import type { AllianceField, ReferenceLevel } from "../model/catalogue.ts";

/** How residents were estimated. Persisted in results: DO NOT RENAME. */
export type ResidentsMethod =
  /** Each census cell contributes its residents times the share of its area inside the pilot area. */
  | "area-weighted-grid"
  /** Each cell's residents spread evenly over its address points, summed over the addresses inside. */
  | "dasymetric-addresses";

/** Age groups the census grid gives per cell (Zensus 2022). Persisted in results: DO NOT RENAME. */
export type AgeGroup = "under15" | "age65plus";
export const AGE_GROUPS: readonly AgeGroup[] = ["under15", "age65plus"];

/** One residents estimate with its method and the years of the data behind it. */
export interface ResidentsFigure {
  method: ResidentsMethod;
  residents: number;
  /** Year the resident counts describe (2022 or 2011 for the Zensus grids). */
  dataYear: number;
  /** Dasymetric only: year of the address points used as weights. */
  weightsDataYear?: number;
}

/** A census cell touched by an area, for explaining the area-weighted figure. */
export interface CellShare {
  cellId: string;
  /** The cell's residents; null where the census keeps them secret (counted as 0). */
  residents: number | null;
  /** Share of the cell's area inside the pilot area, 0..1. */
  shareInside: number;
  /** Residents the cell contributes to the area-weighted figure. */
  contribution: number;
  /** Address points in the whole cell (0: the dasymetric method cannot place its residents). */
  addressCount: number | null;
  /** The cell's count per age group, where the grid has them (0 may mean "not available"). */
  groups?: Partial<Record<AgeGroup, number>>;
}

/** Residents of one age group, by the same methods as the total, as a range. */
export interface AgeGroupEstimate {
  group: AgeGroup;
  /** Same methods and order as the total's figures. */
  figures: ResidentsFigure[];
  low: number;
  high: number;
}

/** Residents reached, by every method available, shown as a range. */
export interface ResidentsEstimate {
  /** In the order of {@link ResidentsMethod}: area-weighted first, dasymetric when addresses are loaded. */
  figures: ResidentsFigure[];
  /** Smallest and largest figure. */
  low: number;
  high: number;
  /** Cells touched, largest contribution first. */
  cells: CellShare[];
  /** Address points inside the area; null without address points. */
  addressesInside: number | null;
  /**
   * Area-weighted residents inside the area that live in cells without address points: the part the
   * dasymetric method cannot place. Null without address points.
   */
  unplacedResidents: number | null;
  /** Residents per age group, where the grid has age groups (Zensus 2022); absent otherwise. */
  ageGroups?: AgeGroupEstimate[];
}

/** How much of one district an area covers. */
export interface DistrictCoverage {
  code: string;
  name: string;
  /** Area of the intersection in m² (WGS84 ellipsoid). */
  intersectionM2: number;
  /** Share of the district covered by the area, 0..1. */
  shareOfDistrict: number;
  /** Share of the area that lies in this district, 0..1. */
  shareOfArea: number;
}

/** The districts of one reference level that an area touches. */
export interface LevelCoverage {
  level: ReferenceLevel;
  /** Largest intersection first; only intersections of at least `MIN_COVERED_M2`. */
  districts: DistrictCoverage[];
  /** Share of the area inside some district of this level (less than 1 where it leaves the city). */
  shareOfAreaCovered: number;
}

/** Points of a layer selected by an area: how many, per category, and which. */
export interface PointSelection {
  count: number;
  /** Count per category ("" for points without one). */
  byCategory: Record<string, number>;
  /** Ids of the points, in the layer's order. */
  ids: string[];
}

/** Facilities of one layer inside an area and within walking distances of it. */
export interface FacilityCount {
  layerId: string;
  inside: PointSelection;
  /** One entry per requested distance; points inside count as within every distance. */
  near: (PointSelection & { distanceM: number })[];
}

/** The part of an area inside the city. */
export interface CityShare {
  /** Area inside the city boundary in m². */
  insideM2: number;
  /** That area as a share of the city's area, 0..1. */
  shareOfCity: number;
  /** Share of the pilot area inside the city, 0..1. */
  shareOfAreaInside: number;
}

/** Everything about one pilot area. */
export interface AreaAnalysis {
  areaId: string;
  /** Geodesic area (GeographicLib, WGS84) in m². */
  areaM2: number;
  /** Geodesic perimeter in m, holes included. */
  perimeterM: number;
  /** Null when no city outline is loaded. */
  city: CityShare | null;
  /** One entry per prepared reference level, coarse to fine. */
  levels: LevelCoverage[];
  /** Null when no census grid is loaded. From the current census (2022). */
  residents: ResidentsEstimate | null;
  /** The same from the earlier census (2011), for the change since; absent without a comparison grid. */
  residentsComparison?: ResidentsEstimate | null;
  facilities: FacilityCount[];
}

/** The overlap of two areas of a variant. */
export interface AreaOverlap {
  /** The two areas, in variant order (a before b). */
  areaIdA: string;
  areaIdB: string;
  overlapM2: number;
  overlapHa: number;
  /** Overlap as a share of each area, 0..1. */
  shareOfA: number;
  shareOfB: number;
  /** The overlap itself, for highlighting on the map. */
  geometry: MultiPolygon;
}

/** De-duplicated facilities of one layer over all areas of a variant. */
export interface UniqueFacilities {
  layerId: string;
  count: number;
  byCategory: Record<string, number>;
}

/** Totals over a variant with overlaps counted once. */
export interface VariantTotals {
  /** Sum of the areas' own areas in m² (overlaps counted twice). */
  sumOfAreasM2: number;
  /** Area of their union in m² (overlaps counted once). */
  unionAreaM2: number;
  /** Residents in the union, by every method; null when no census grid is loaded. */
  residents: ResidentsEstimate | null;
  /** The same from the earlier census (2011); absent without a comparison grid. */
  residentsComparison?: ResidentsEstimate | null;
  facilities: UniqueFacilities[];
}

/** Districts of one level that no area of a variant touches. */
export interface UncoveredDistricts {
  level: ReferenceLevel;
  codes: string[];
  names: string[];
}

/** Areas per alliance field (an area with several fields counts in each). */
export interface FieldCount {
  field: AllianceField;
  areaCount: number;
  /** Sum of those areas' geodesic areas in m² (overlaps counted twice). */
  areaM2: number;
}

/** Everything about one variant. */
export interface VariantAnalysis {
  areaCount: number;
  /** Every pair of areas that overlaps by at least `MIN_COVERED_M2`, in variant order. */
  overlaps: AreaOverlap[];
  totals: VariantTotals;
  uncoveredDistricts: UncoveredDistricts[];
  fields: FieldCount[];
}
