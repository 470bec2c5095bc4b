/**
 * The columns every export writes per area, whatever the facility layers: the plan's attributes, the
 * geometry's measures, the resident estimates and the district lists of each reference level
 * (`docs/export-format.md` documents each one). Codes stay machine-readable (`fields`, `status`, the
 * district lists `code=share`); beside each a `_label` column says the same in words.
 *
 * Column keys and Shapefile names are a file format partners rely on: DO NOT RENAME. (One was renamed
 * on purpose: `residents_addresses_year`, which held the address points' year and read as if the
 * residents were counted then; see `address_points_year`.) Residents columns: Zensus 2022; the 2011
 * comparison and the age groups: `census-columns.ts`.
 */
import type { LocalisedText, ReferenceLevel } from "../model/catalogue.ts";
import { type ColumnSource, type ExportColumn, text } from "./export-column.ts";

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
