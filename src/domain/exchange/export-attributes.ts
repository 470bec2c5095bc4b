/**
 * The flat attributes every export writes per area, the same in GeoJSON, GeoPackage, Shapefile and CSV
 * (`docs/export-format.md` documents each one). Codes stay machine-readable (`fields`, `status`, the
 * district lists `code=share`); beside each a `_label` column says the same in words, in the export's
 * language. Lists are joined with ";", figures the analysis did not provide are null, and nothing about
 * styling (no colour) is written.
 *
 * Each column carries its own description (readable name, meaning, unit, source), from which the data
 * dictionary travelling with every file and the German CSV header are made (`data-dictionary.ts`).
 *
 * Residents columns: Zensus 2022; the 2011 comparison and age groups: `census-columns.ts`. Keys and
 * Shapefile names are a file format: DO NOT RENAME (`residents_addresses_year` was; see `address_points_year`).
 */
import type { AreaAnalysis } from "../analysis/analysis-result.ts";
import { geodesicArea, geodesicPerimeter } from "../geometry/measure-area.ts";
import type { LocalisedText, ReferenceLevel } from "../model/catalogue.ts";
import {
  type ExportLanguage,
  fieldsLabel,
  formatShare,
  LABEL_SEPARATOR,
  LEVEL_LABELS,
  statusLabel,
} from "./attribute-labels.ts";
import { CENSUS_COLUMNS, censusValues } from "./census-columns.ts";
import type { ExportArea, ExportInput } from "./export-input.ts";

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

const text = (de: string, en: string): LocalisedText => ({ de, en });
const PLAN: ColumnSource = { kind: "plan" };
const GEOMETRY: ColumnSource = { kind: "geometry" };
const RESIDENTS = text("Einwohner", "residents");
const YEAR = text("Jahr", "year");

/** Columns of each reference level: the code list and the readable list. */
export const LEVEL_COLUMNS: Readonly<
  Record<ReferenceLevel, { key: string; shapefileName: string; labelKey: string; labelShapefileName: string }>
> = {
  stadtbezirk: {
    key: "stadtbezirke",
    shapefileName: "stadtbez",
    labelKey: "stadtbezirke_label",
    labelShapefileName: "stadtbez_l",
  },
  "statistischer-bezirk": {
    key: "statistische_bezirke",
    shapefileName: "stat_bez",
    labelKey: "statistische_bezirke_label",
    labelShapefileName: "stat_bez_l",
  },
  unterbezirk: {
    key: "unterbezirke",
    shapefileName: "unterbez",
    labelKey: "unterbezirke_label",
    labelShapefileName: "unterbez_l",
  },
};

const LEVEL_PLURALS: Readonly<Record<ReferenceLevel, LocalisedText>> = {
  stadtbezirk: text("Stadtbezirke", "City districts"),
  "statistischer-bezirk": text("Statistische Bezirke", "Statistical districts"),
  unterbezirk: text("Statistische Unterbezirke", "Statistical sub-districts"),
};

function levelColumns(level: ReferenceLevel): ExportColumn[] {
  const names = LEVEL_COLUMNS[level];
  const plural = LEVEL_PLURALS[level];
  const source: ColumnSource = { kind: "districts" };
  return [
    {
      key: names.key,
      shapefileName: names.shapefileName,
      type: "text",
      label: text(`${plural.de} (Nr.=Anteil am Gebiet)`, `${plural.en} (code=share of area)`),
      meaning: text(
        `${plural.de}, die das Gebiet berührt, maschinenlesbar: Einträge „Nummer=Anteil“ mit ; getrennt, größter Anteil zuerst; Anteil = Teil der Gebietsfläche in diesem Bezirk, 0 bis 1 mit 4 Nachkommastellen (im deutschen CSV mit Dezimalkomma)`,
        `${plural.en} the area touches, machine-readable: "code=share" entries joined with ;, largest share first; share = part of the area's surface in that district, 0 to 1 with 4 decimals (decimal comma in the German CSV)`,
      ),
      unit: text("Anteil 0–1", "share 0–1"),
      source,
      list: true,
    },
    {
      key: names.labelKey,
      shapefileName: names.labelShapefileName,
      type: "text",
      label: text(plural.de, plural.en),
      meaning: text(
        `${plural.de} mit Namen und beiden Anteilen: „Name (Nr.): x % des Gebiets, y % des Bezirks“ – x = Teil der Gebietsfläche in diesem Bezirk, y = Teil des Bezirks, den das Gebiet abdeckt; mit ; getrennt, größter Anteil am Gebiet zuerst`,
        `${plural.en} with names and both shares: "name (code): x% of the area, y% of the district" – x = part of the area's surface in that district, y = part of the district the area covers; joined with ;, largest share of the area first`,
      ),
      unit: text("Prozent", "percent"),
      source,
      list: true,
    },
  ];
}

/** The columns that do not depend on the facility layers, in file order. */
export const BASE_COLUMNS: readonly ExportColumn[] = [
  {
    key: "id",
    shapefileName: "id",
    type: "text",
    label: text("Kennung", "ID"),
    meaning: text(
      "Kennung des Gebiets in Pilotkarte; bleibt über Exporte hinweg gleich",
      "the area's ID in Pilotkarte; stays the same across exports",
    ),
    unit: null,
    source: PLAN,
  },
  {
    key: "name",
    shapefileName: "name",
    type: "text",
    label: text("Name", "Name"),
    meaning: text("Name des Gebiets", "name of the area"),
    unit: null,
    source: PLAN,
  },
  {
    key: "fields",
    shapefileName: "fields",
    type: "text",
    label: text("Handlungsfelder (Code)", "Fields (code)"),
    meaning: text(
      "Handlungsfelder der Allianz als Codes, mit ; getrennt: energie, mobilitaet, mensch, it-buergerservice, infrastruktur-sicherheit",
      "the alliance's fields as codes, joined with ;: energie, mobilitaet, mensch, it-buergerservice, infrastruktur-sicherheit",
    ),
    unit: null,
    source: PLAN,
    list: true,
  },
  {
    key: "fields_label",
    shapefileName: "fields_l",
    type: "text",
    label: text("Handlungsfelder", "Fields"),
    meaning: text(
      "dieselben Handlungsfelder mit ihren Namen, mit ; getrennt",
      "the same fields by name, joined with ;",
    ),
    unit: null,
    source: PLAN,
    list: true,
  },
  {
    key: "partners",
    shapefileName: "partners",
    type: "text",
    label: text("Partner", "Partners"),
    meaning: text(
      "Partnerorganisationen, mit ; getrennt (ein ; im Namen steht als ,)",
      "partner organisations, joined with ; (a ; inside a name is written as ,)",
    ),
    unit: null,
    source: PLAN,
    list: true,
  },
  {
    key: "status",
    shapefileName: "status",
    type: "text",
    label: text("Status (Code)", "Status (code)"),
    meaning: text(
      "Stand der Abstimmung als Code: idee, kandidat, abgestimmt oder verworfen",
      "state of agreement as a code: idee, kandidat, abgestimmt or verworfen",
    ),
    unit: null,
    source: PLAN,
  },
  {
    key: "status_label",
    shapefileName: "status_l",
    type: "text",
    label: text("Status", "Status"),
    meaning: text(
      "derselbe Status in Worten (Idee, Kandidat, abgestimmt, verworfen)",
      "the same status in words (Idea, Candidate, Agreed, Rejected)",
    ),
    unit: null,
    source: PLAN,
  },
  {
    key: "notes",
    shapefileName: "notes",
    type: "text",
    label: text("Notizen", "Notes"),
    meaning: text("Notizen der Planenden", "the planners' notes"),
    unit: null,
    source: PLAN,
  },
  {
    key: "variant",
    shapefileName: "variant",
    type: "text",
    label: text("Variante", "Variant"),
    meaning: text("Name der Variante, zu der das Gebiet gehört", "name of the variant the area belongs to"),
    unit: null,
    source: PLAN,
  },
  {
    key: "created",
    shapefileName: "created",
    type: "text",
    label: text("Angelegt", "Created"),
    meaning: text(
      "Zeitpunkt, zu dem das Gebiet angelegt wurde (ISO 8601, UTC); die Kopie einer Variante behält ihn",
      "when the area was created (ISO 8601, UTC); a copied variant keeps it",
    ),
    unit: text("Zeitpunkt (ISO 8601)", "time (ISO 8601)"),
    source: PLAN,
  },
  {
    key: "updated",
    shapefileName: "updated",
    type: "text",
    label: text("Zuletzt geändert", "Last changed"),
    meaning: text(
      "Zeitpunkt der letzten Änderung des Gebiets (ISO 8601, UTC)",
      "when the area was last changed (ISO 8601, UTC)",
    ),
    unit: text("Zeitpunkt (ISO 8601)", "time (ISO 8601)"),
    source: PLAN,
  },
  {
    key: "area_m2",
    shapefileName: "area_m2",
    type: "real",
    label: text("Fläche (m²)", "Area (m²)"),
    meaning: text(
      "Fläche, geodätisch auf dem WGS84-Ellipsoid, 1 Nachkommastelle",
      "area, geodesic on the WGS84 ellipsoid, 1 decimal",
    ),
    unit: text("m²", "m²"),
    source: GEOMETRY,
  },
  {
    key: "area_ha",
    shapefileName: "area_ha",
    type: "real",
    label: text("Fläche (ha)", "Area (ha)"),
    meaning: text("dieselbe Fläche in Hektar, 4 Nachkommastellen", "the same area in hectares, 4 decimals"),
    unit: text("ha", "ha"),
    source: GEOMETRY,
  },
  {
    key: "perimeter_m",
    shapefileName: "perim_m",
    type: "real",
    label: text("Umfang (m)", "Perimeter (m)"),
    meaning: text(
      "Umfang, geodätisch, Ränder von Löchern eingeschlossen, 1 Nachkommastelle",
      "perimeter, geodesic, edges of holes included, 1 decimal",
    ),
    unit: text("m", "m"),
    source: GEOMETRY,
  },
  {
    key: "residents_low",
    shapefileName: "res_low",
    type: "integer",
    label: text("Einwohner, untere Schätzung (Zensus 2022)", "Residents, low estimate (census 2022)"),
    meaning: text(
      "kleinere der beiden Schätzungen der Einwohner im Gebiet (residents_grid, residents_addresses); Einwohnerzahlen von 2022",
      "the smaller of the two estimates of residents in the area (residents_grid, residents_addresses); resident counts of 2022",
    ),
    unit: RESIDENTS,
    source: { kind: "census-addresses" },
  },
  {
    key: "residents_high",
    shapefileName: "res_high",
    type: "integer",
    label: text("Einwohner, obere Schätzung (Zensus 2022)", "Residents, high estimate (census 2022)"),
    meaning: text(
      "größere der beiden Schätzungen der Einwohner im Gebiet; Einwohnerzahlen von 2022",
      "the larger of the two estimates of residents in the area; resident counts of 2022",
    ),
    unit: RESIDENTS,
    source: { kind: "census-addresses" },
  },
  {
    key: "residents_grid",
    shapefileName: "res_grid",
    type: "integer",
    label: text("Einwohner, flächengewichtet (Zensus 2022)", "Residents, area-weighted (census 2022)"),
    meaning: text(
      "Einwohner nach dem 1-km-Raster des Zensus 2022: jede Rasterzelle trägt ihre Einwohner mal dem Anteil ihrer Fläche im Gebiet bei (Methode area-weighted-grid)",
      "residents from the census 2022 1 km grid: each cell contributes its residents times the share of its area inside the area (method area-weighted-grid)",
    ),
    unit: RESIDENTS,
    source: { kind: "census" },
  },
  {
    key: "residents_grid_year",
    shapefileName: "res_grid_y",
    type: "integer",
    label: text(
      "Einwohner flächengewichtet: Stand der Einwohnerzahlen",
      "Residents area-weighted: year counted",
    ),
    meaning: text(
      "Jahr, in dem die Einwohner gezählt wurden (2022, Zensus-Stichtag 15. Mai 2022)",
      "year the residents were counted (2022, census day 15 May 2022)",
    ),
    unit: YEAR,
    source: { kind: "census" },
  },
  {
    key: "residents_addresses",
    shapefileName: "res_addr",
    type: "integer",
    label: text("Einwohner über Adresspunkte (Zensus 2022)", "Residents via address points (census 2022)"),
    meaning: text(
      "Einwohner des Zensus 2022, je Rasterzelle gleichmäßig auf deren Adresspunkte verteilt und über die Adresspunkte im Gebiet summiert (Methode dasymetric-addresses); die Adresspunkte sind von 2024, die Einwohnerzahlen von 2022",
      "census 2022 residents, each grid cell's spread evenly over its address points and summed over the address points inside the area (method dasymetric-addresses); the address points are of 2024, the resident counts of 2022",
    ),
    unit: RESIDENTS,
    source: { kind: "census-addresses" },
  },
  {
    key: "residents_addresses_census_year",
    shapefileName: "res_addr_c",
    type: "integer",
    label: text(
      "Einwohner über Adresspunkte: Stand der Einwohnerzahlen",
      "Residents via address points: year counted",
    ),
    meaning: text(
      "Jahr, in dem die verteilten Einwohner gezählt wurden (2022, Zensus)",
      "year the residents spread over the address points were counted (2022, census)",
    ),
    unit: YEAR,
    source: { kind: "census" },
  },
  {
    key: "address_points_year",
    shapefileName: "addr_pts_y",
    type: "integer",
    label: text(
      "Einwohner über Adresspunkte: Stand der Adresspunkte",
      "Residents via address points: year of the address points",
    ),
    meaning: text(
      "Stand der Adresspunkte, die als Gewichte dienen (2024); nicht das Jahr der Einwohnerzahlen. Früher residents_addresses_year (Shapefile res_addr_y)",
      "year of the address points used as weights (2024); not the year of the resident counts. Formerly residents_addresses_year (Shapefile res_addr_y)",
    ),
    unit: YEAR,
    source: { kind: "census-addresses" },
  },
  ...levelColumns("stadtbezirk"),
  ...levelColumns("statistischer-bezirk"),
  ...levelColumns("unterbezirk"),
];

/** Column key of a facility layer: "fac_" and the layer id with "-" as "_" (e.g. fac_transit_stops). */
export function facilityKey(layerId: string): string {
  return `fac_${layerId.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

/** Column key of a layer's facilities within a distance: e.g. fac_transit_stops_300m. */
export function facilityNearKey(layerId: string, distanceM: number): string {
  return `${facilityKey(layerId)}_${distanceM}m`;
}

/**
 * The facility layers of an export, in the order the first analysis lists them, then any others the
 * later analyses add.
 */
export function facilityLayerIds(input: Pick<ExportInput, "areas">): string[] {
  const ids: string[] = [];
  for (const { analysis } of input.areas) {
    for (const facility of analysis?.facilities ?? []) {
      if (!ids.includes(facility.layerId)) ids.push(facility.layerId);
    }
  }
  return ids;
}

/** The walking distances of the analyses ("within 300 m"), in the order first seen. */
export function facilityDistances(input: Pick<ExportInput, "areas">): number[] {
  const distances: number[] = [];
  for (const { analysis } of input.areas) {
    for (const facility of analysis?.facilities ?? []) {
      for (const near of facility.near)
        if (!distances.includes(near.distanceM)) distances.push(near.distanceM);
    }
  }
  return distances;
}

/**
 * A Shapefile name: `prefix` and the first letters and digits of the layer id up to 10 characters
 * (f_transits for transit-stops); where it is taken, the end is replaced by a digit.
 */
function uniqueShapefileName(prefix: string, layerId: string, taken: Set<string>): string {
  const stem = `${prefix}${layerId.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 10);
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem.slice(0, 10 - String(n).length)}${n}`;
  taken.add(name);
  return name;
}

/**
 * All columns of an export: the base columns, then per facility layer the count inside and the counts
 * within each walking distance of the analyses. Shapefile names: "f_" (inside) and "n_" (within the
 * first distance; "n<k>_" for a k-th) with the layer id's first letters and digits.
 */
export function exportColumns(input: Pick<ExportInput, "areas" | "layers">): ExportColumn[] {
  const layerIds = facilityLayerIds(input);
  const distances = facilityDistances(input);
  const columns = [...BASE_COLUMNS, ...CENSUS_COLUMNS];
  const taken = new Set(columns.map((c) => c.shapefileName));
  for (const id of layerIds) {
    const title = input.layers?.find((l) => l.id === id)?.title ?? text(id, id);
    const source: ColumnSource = { kind: "facilities", layerId: id };
    const unit = text("Anzahl", "count");
    columns.push({
      key: facilityKey(id),
      shapefileName: uniqueShapefileName("f_", id, taken),
      type: "integer",
      label: text(`${title.de}: im Gebiet`, `${title.en}: inside`),
      meaning: text(
        `Anzahl der Einrichtungen der Ebene „${title.de}“ im Gebiet`,
        `number of facilities of the layer "${title.en}" inside the area`,
      ),
      unit,
      source,
    });
    distances.forEach((distanceM, k) => {
      columns.push({
        key: facilityNearKey(id, distanceM),
        shapefileName: uniqueShapefileName(k === 0 ? "n_" : `n${k + 1}_`, id, taken),
        type: "integer",
        label: text(`${title.de}: bis ${distanceM} m`, `${title.en}: within ${distanceM} m`),
        meaning: text(
          `Anzahl der Einrichtungen der Ebene „${title.de}“ im Gebiet und bis ${distanceM} m Luftlinie von seinem Rand (geodätisch; die im Gebiet zählen mit)`,
          `number of facilities of the layer "${title.en}" inside the area or within ${distanceM} m of its edge as the crow flies (geodesic; those inside are included)`,
        ),
        unit,
        source,
      });
    });
  }
  return columns;
}

/** Rounds to `decimals` places (half away from zero as `toFixed` does, without its string detour). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A list value as written: entries joined with ";", a ";" inside an entry written as ",". */
export function joinList(values: readonly string[]): string {
  return values.map((v) => v.replaceAll(LIST_SEPARATOR, ",")).join(LIST_SEPARATOR);
}

/**
 * The districts of one level an area covers, machine-readable: "code=share" entries joined with ";",
 * largest share first, share = the part of the area inside that district, 0..1 with 4 decimals
 * ("05=0.4213;06=0.5787"; with `decimalComma` "05=0,4213;06=0,5787" for the German CSV). Not
 * "code:share": GDAL (GeoJSON and CSV drivers) and spreadsheets take "05:1" for a time of day. Null
 * when the analysis has no such level.
 */
export function districtList(
  analysis: AreaAnalysis | null | undefined,
  level: ReferenceLevel,
  decimalComma = false,
): string | null {
  const coverage = analysis?.levels.find((l) => l.level === level);
  if (!coverage) return null;
  return coverage.districts
    .map((d) => {
      const share = String(roundTo(d.shareOfArea, 4));
      return `${d.code}=${decimalComma ? share.replace(".", ",") : share}`;
    })
    .join(LIST_SEPARATOR);
}

/**
 * The districts of one level in words, with both shares: "Innenstadt-Nord (05): 60 % des Gebiets,
 * 1,23 % des Bezirks; …" (English: "…: 60% of the area, 1.23% of the district"), in the order of
 * {@link districtList}. Null when the analysis has no such level.
 */
export function districtLabel(
  analysis: AreaAnalysis | null | undefined,
  level: ReferenceLevel,
  language: ExportLanguage,
): string | null {
  const coverage = analysis?.levels.find((l) => l.level === level);
  if (!coverage) return null;
  return coverage.districts
    .map((d) => {
      const name = d.name.replaceAll(LIST_SEPARATOR, ",");
      const ofArea = formatShare(d.shareOfArea, language);
      const ofDistrict = formatShare(d.shareOfDistrict, language);
      return language === "de"
        ? `${name} (${d.code}): ${ofArea} des Gebiets, ${ofDistrict} des Bezirks`
        : `${name} (${d.code}): ${ofArea} of the area, ${ofDistrict} of the district`;
    })
    .join(LABEL_SEPARATOR);
}

/** How the record's words and lists are written. */
export interface RecordOptions {
  /** Language of the `_label` columns (default German). */
  language?: ExportLanguage;
  /** Decimal comma inside the district code lists (the German CSV). */
  decimalComma?: boolean;
}

/** The attribute record of one area. */
export function areaRecord(
  entry: ExportArea,
  columns: readonly ExportColumn[],
  options: RecordOptions = {},
): ExportRecord {
  const language = options.language ?? "de";
  const { area, analysis } = entry;
  const areaM2 = geodesicArea(area.geometry);
  const residents = analysis?.residents ?? null;
  const figure = (method: string) => residents?.figures.find((f) => f.method === method) ?? null;
  const grid = figure("area-weighted-grid");
  const addresses = figure("dasymetric-addresses");
  const record: ExportRecord = {
    id: area.id,
    name: area.name,
    fields: joinList(area.fields),
    fields_label: fieldsLabel(area.fields, language),
    partners: joinList(area.partners),
    status: area.status,
    status_label: statusLabel(area.status, language),
    notes: area.notes,
    variant: entry.variantName,
    created: area.createdAt,
    updated: area.updatedAt,
    area_m2: roundTo(areaM2, 1),
    area_ha: roundTo(areaM2 / 10_000, 4),
    perimeter_m: roundTo(geodesicPerimeter(area.geometry), 1),
    residents_low: residents ? Math.round(residents.low) : null,
    residents_high: residents ? Math.round(residents.high) : null,
    residents_grid: grid ? Math.round(grid.residents) : null,
    residents_grid_year: grid ? grid.dataYear : null,
    residents_addresses: addresses ? Math.round(addresses.residents) : null,
    residents_addresses_census_year: addresses ? addresses.dataYear : null,
    address_points_year: addresses?.weightsDataYear ?? null,
  };
  for (const [level, column] of Object.entries(LEVEL_COLUMNS) as [
    ReferenceLevel,
    (typeof LEVEL_COLUMNS)[ReferenceLevel],
  ][]) {
    record[column.key] = districtList(analysis, level, options.decimalComma);
    record[column.labelKey] = districtLabel(analysis, level, language);
  }
  for (const facility of analysis?.facilities ?? []) {
    record[facilityKey(facility.layerId)] = facility.inside.count;
    for (const near of facility.near) record[facilityNearKey(facility.layerId, near.distanceM)] = near.count;
  }
  Object.assign(record, censusValues(analysis));
  return Object.fromEntries(columns.map((c) => [c.key, record[c.key] ?? null]));
}

/** The readable name of a reference level (one district), for the district table. */
export function levelLabel(level: ReferenceLevel, language: ExportLanguage): string {
  return LEVEL_LABELS[level][language];
}
