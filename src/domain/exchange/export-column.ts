/**
 * What an export column is: its names in each format, its type, and the description from which the
 * data dictionary and the German CSV header are made (`data-dictionary.ts`). The columns themselves
 * are in `base-columns.ts`, `census-columns.ts` and `facility-columns.ts`; their values in `export-attributes.ts`.
 */
import type { LocalisedText } from "../model/catalogue.ts";

/** Separator of list values (fields, partners, district entries). */
export const LIST_SEPARATOR = ";";

/** How a column's values are typed in formats with types (GeoPackage, Shapefile). */
export type ColumnType = "text" | "integer" | "real";

/** Where a column's values come from, for the data dictionary's "source". */
export type ColumnSource =
  /** Entered by the planners in Pilotkarte. */
  | { kind: "plan" }
  /** Computed by Pilotkarte from the area's geometry. */
  | { kind: "geometry" }
  /** A Zensus grid (of `year`, default the current one: 2022), area-weighted. */
  | { kind: "census"; year?: number }
  /** A Zensus grid (of `year`, default 2022) spread over the city's address points. */
  | { kind: "census-addresses"; year?: number }
  /** The city's reference areas (district boundaries). */
  | { kind: "districts" }
  /** A facility layer of the catalogue. */
  | { kind: "facilities"; layerId: string };

/** One attribute column. */
export interface ExportColumn {
  /** Name in GeoJSON, GeoPackage and the international CSV (lower case, letters, digits and "_"). */
  key: string;
  /** Name in a Shapefile's .dbf: at most 10 characters. */
  shapefileName: string;
  type: ColumnType;
  /** Readable name: the German CSV's header and the dictionary's label. */
  label: LocalisedText;
  /** What a value means, for the data dictionary. */
  meaning: LocalisedText;
  /** Unit of a number, or null (text, codes, counts of nothing in particular). */
  unit: LocalisedText | null;
  source: ColumnSource;
  /** A ";"-joined list (cut after a whole entry where a format limits the length). */
  list?: boolean;
}

/** A flat attribute record: one value per column key. */
export type ExportRecord = Record<string, string | number | null>;

/** A pair of German and English texts. */
export const text = (de: string, en: string): LocalisedText => ({ de, en });
