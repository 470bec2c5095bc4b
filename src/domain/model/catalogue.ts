/**
 * The data catalogue: what each layer is, where it comes from, and under which licence.
 *
 * The definitions live in `data/catalogue.ts` (tracked). The data step checks each source and writes
 * `catalogue.json` (a {@link GeneratedCatalogue}) next to the files the app serves.
 * Field names here are part of the generated file format: DO NOT RENAME without bumping
 * {@link CATALOGUE_FORMAT_VERSION}.
 */

/**
 * Bump when the generated files change shape, so an old build folder is rebuilt, not misread.
 * 4: `summary.addressPoints` and `addresses.bin` (address points for the analysis engine).
 * 5: the offline OSM basemap (`basemap-vector` entry, tiles under `basemap/`).
 * 6: two census grids (`censusYear`: Zensus 2022 the default, 2011 for comparison), age groups,
 *    `summary.residentsByCensus`, district properties `residents2022`, `under15_2022`, `age65plus_2022`.
 */
export const CATALOGUE_FORMAT_VERSION = 6;

/** German and English text of one user-facing string that belongs to the data, not to the UI. */
export interface LocalisedText {
  de: string;
  en: string;
}

/** What kind of layer a catalogue entry is; decides how the map draws it and where the UI lists it. */
export type LayerKind =
  /** The municipal boundary (one polygon). */
  | "boundary"
  /** Nested statistical areas: Stadtbezirke, Statistische Bezirke, Unterbezirke. */
  | "reference-areas"
  /** The census population grid. */
  | "population"
  /** Facilities and stops as points. */
  | "facility-points"
  /** Polygons around the city for context (the city region). */
  | "context-areas"
  /** Address points drawn as the schematic basemap (served as vector tiles). */
  | "basemap-points"
  /** The offline OpenStreetMap basemap (vector tiles with several layers; src/map/basemap-style.ts). */
  | "basemap-vector";

/** The three levels of reference areas, from coarse to fine. */
export type ReferenceLevel = "stadtbezirk" | "statistischer-bezirk" | "unterbezirk";
export const REFERENCE_LEVELS: readonly ReferenceLevel[] = [
  "stadtbezirk",
  "statistischer-bezirk",
  "unterbezirk",
] as const;

/** The five fields of the Smart City alliance, plus a group for context layers. */
export type AllianceField =
  | "energie"
  | "mobilitaet"
  | "mensch"
  | "it-buergerservice"
  | "infrastruktur-sicherheit";
export const ALLIANCE_FIELDS: readonly AllianceField[] = [
  "energie",
  "mobilitaet",
  "mensch",
  "it-buergerservice",
  "infrastruktur-sicherheit",
] as const;

/** One attribute shown in a popup: property key in the generated file and its label. */
export interface PopupField {
  key: string;
  label: LocalisedText;
}

/** Licence of a layer, with a link to its text. */
export interface Licence {
  /** Short id, e.g. "dl-de/by-2-0". */
  id: string;
  name: string;
  /** Language the name is written in, marked in the page for screen readers (default: German). */
  lang?: "de" | "en";
  url: string;
  /** True when the licence was reported by a third party and not confirmed at the publisher. */
  unverified?: boolean;
}

/** Catalogue entry as written to `catalogue.json`: the definition plus what the data step measured. */
export interface CatalogueEntry {
  id: string;
  title: LocalisedText;
  kind: LayerKind;
  /** Alliance fields a facility layer is grouped under (facility layers only). */
  fields?: AllianceField[];
  /** Reference level (reference-area layers only). */
  level?: ReferenceLevel;
  publisher: string;
  licence: Licence;
  /** The credit line the map must show while the layer is visible. */
  credit: string;
  /** When the data describes the world, as text (e.g. "09.05.2011", "Dez. 2025"). */
  dataDate: LocalisedText;
  caveats: LocalisedText[];
  /** Symbol colour for points and outlines (CSS colour). */
  colour?: string;
  /** Points per layer clustered at low zoom. */
  cluster?: boolean;
  /** Attributes listed in the popup, in order. */
  popupFields?: PopupField[];
  /** URL path of the served file, relative to the app's base (GeoJSON, or a tile template). */
  url: string;
  /** Optional second file with label points (reference areas). */
  labelsUrl?: string;
  featureCount: number;
  /** [west, south, east, north] of the served features. */
  bbox: [number, number, number, number];
  /** The raw source files, relative to the data folder. */
  sourceFiles: string[];
  /** Whether the layer is visible when the app opens. */
  visibleByDefault: boolean;
  /** Population layers only: the census year the counts describe (2022, 2011). */
  censusYear?: number;
}

/**
 * The census grids of a catalogue: `current` is the newest (the default residents source), `comparison`
 * the one before it (shown as the change since then); either is undefined when not served.
 */
export function populationEntries(catalogue: GeneratedCatalogue): {
  current: CatalogueEntry | undefined;
  comparison: CatalogueEntry | undefined;
} {
  const grids = catalogue.entries
    .filter((e) => e.kind === "population")
    .sort((a, b) => (b.censusYear ?? 0) - (a.censusYear ?? 0));
  return { current: grids[0], comparison: grids[1] };
}

/** The whole generated catalogue. */
export interface GeneratedCatalogue {
  formatVersion: number;
  generatedAt: string;
  /** The name of the data folder the step read (for the about view; never a local path). */
  sourceFolder: string;
  entries: CatalogueEntry[];
  /** Facts computed over several layers (e.g. residents of the city from the grid). */
  summary: {
    cityAreaKm2: number;
    /** Residents inside the city from the current (newest) census grid, area-weighted. */
    residentsGridInCity: number;
    /** The same per census year, e.g. { "2011": 567929, "2022": 589000 }; absent in older builds. */
    residentsByCensus?: Record<string, number>;
    addressCount: number;
    /** The address points as a compact file for the analysis engine; absent without the address layer. */
    addressPoints?: AddressPointsSummary;
  };
}

/** Dortmund's outline box, for a catalogue without a boundary layer (west, south, east, north). */
const DORTMUND_BOX: [number, number, number, number] = [7.3, 51.41, 7.64, 51.6];

/** The box that frames the city: the boundary layer's, or Dortmund's outline box. */
export function cityBoundsOf(catalogue: GeneratedCatalogue): [number, number, number, number] {
  const boundary = catalogue.entries.find((e) => e.kind === "boundary");
  return boundary?.bbox ?? DORTMUND_BOX;
}

/**
 * Where the analysis engine finds the address points (not drawn on the map: the basemap has its own
 * tiles). The file's layout is described in `src/domain/analysis/address-points-format.ts`.
 */
export interface AddressPointsSummary {
  /** URL path of the binary file, relative to the app's base. */
  url: string;
  /** Name of the binary layout; the reader refuses others. */
  encoding: string;
  count: number;
  byteLength: number;
  /** Reference level of the recorded districts and their codes, indexed by the file's district numbers. */
  districtLevel: ReferenceLevel;
  districtCodes: string[];
  /** Year the address list describes. */
  dataYear: number;
}

/** Properties of a served reference area (all three levels share this shape). */
export interface ReferenceAreaProperties {
  /** Code as used by Stadt Dortmund: "1".."12"-ordered name for Stadtbezirke, "00".."96", "001".."960". */
  code: string;
  name: string;
  level: ReferenceLevel;
  /** Code and name of the enclosing area one level up (empty for Stadtbezirke). */
  parentCode: string;
  parentName: string;
  /** Stadtbezirk name (for all levels). */
  stadtbezirk: string;
  /** Geodesic area computed by the data step. */
  areaKm2: number;
  /** Residents from the Zensus 2011 1 km grid, area-weighted; null where not computed. */
  residents2011: number | null;
  /** Residents from the Zensus 2022 1 km grid, area-weighted; null (or absent) where not computed. */
  residents2022?: number | null;
  /** Residents under 15 (Zensus 2022), area-weighted. */
  under15_2022?: number | null;
  /** Residents 65 and over (Zensus 2022), area-weighted. */
  age65plus_2022?: number | null;
}
