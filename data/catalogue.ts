/**
 * Catalogue definitions: every layer Pilotkarte serves, where its raw file lives in the data folder
 * (by default ../shared/data/dortmund), what the data step must find in it, and how it is credited.
 *
 * Sources, licences and dates follow the data folder's PROVENANCE.md. Licences marked `unverified` were
 * reported by a third party and not confirmed at the publisher's portal; the app says so.
 */
import type {
  AllianceField,
  LayerKind,
  Licence,
  LocalisedText,
  PopupField,
  ReferenceLevel,
} from "../src/domain/model/catalogue.ts";

/** How the data step turns the raw file into what the app serves. */
export type TransformId =
  | "boundary"
  | "boundary-from-districts"
  | "reference-areas"
  | "population-grid"
  | "city-facility"
  | "healthcare"
  | "transit-stops"
  | "schools-nrw"
  | "city-region"
  | "addresses"
  | "census-grid-2022"
  | "fast-chargers"
  | "bike-sharing"
  | "bike-parking"
  | "climate-stations"
  | "basemap-osm";

export interface LayerDefinition {
  id: string;
  title: LocalisedText;
  kind: LayerKind;
  fields?: AllianceField[];
  level?: ReferenceLevel;
  publisher: string;
  licence: Licence;
  credit: string;
  dataDate: LocalisedText;
  caveats: LocalisedText[];
  colour?: string;
  cluster?: boolean;
  popupFields?: PopupField[];
  visibleByDefault: boolean;
  /** Raw file, relative to the data folder. */
  source: string;
  /** Further raw files the transform reads (they count for "inputs changed"). */
  extraSources?: string[];
  transform: TransformId;
  /** Allowed number of features in the raw file. */
  expectedCount: { min: number; max: number };
  /** Geometry types allowed in the raw file. */
  geometryTypes: string[];
  /** Every feature must carry these properties (the value may be null unless listed in `nonNull`). */
  requiredProperties: string[];
  nonNull?: string[];
  /** All coordinates must lie inside this box [west, south, east, north]. */
  bboxLimit: [number, number, number, number];
  /** Population layers: the census year the counts describe. */
  censusYear?: number;
  /** A second raw file the transform reads (e.g. the register totals), relative to the data folder. */
  supplement?: string;
  /** Points only: at least this share of the served points must lie inside the city outline (0..1). */
  minShareInCity?: number;
}

/** Dortmund is about lon 7.30-7.64, lat 51.41-51.60; this box adds a margin of a few kilometres. */
export const DORTMUND_ENVELOPE: [number, number, number, number] = [7.2, 51.35, 7.75, 51.66];
/** The city region (Dortmund and its 32 neighbours). */
const REGION_ENVELOPE: [number, number, number, number] = [6.7, 51.1, 8.0, 51.95];

const DL_ZERO: Licence = {
  id: "dl-de/zero-2-0",
  name: "Datenlizenz Deutschland – Zero – Version 2.0",
  url: "https://www.govdata.de/dl-de/zero-2-0",
  unverified: true,
};
const DL_BY: Licence = {
  id: "dl-de/by-2-0",
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
  url: "https://www.govdata.de/dl-de/by-2-0",
};
const ODBL: Licence = {
  id: "ODbL-1.0",
  name: "Open Database License 1.0",
  lang: "en",
  url: "https://opendatacommons.org/licenses/odbl/1-0/",
};
const CC_BY_4: Licence = {
  id: "CC-BY-4.0",
  name: "Creative Commons Namensnennung 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
};

const CITY_CREDIT = "Datenquelle: Stadt Dortmund";
const MOBILITY_SOURCE = "mobility-osm2020/dortmund_osm2020_bicycle_rental_parking.geojson";
const OSM_EXTRACT_CAVEAT: LocalisedText = {
  de: "OSM-Daten unter ODbL; die Nutzungsbedingungen des MapTiler-Auszugs, aus dem sie stammen, sind nicht geprüft.",
  en: "OSM data under the ODbL; the terms of the MapTiler extract they come from are not verified.",
};
/** The credit the extract's provenance asks for (OSM data, OpenMapTiles schema, MapTiler's extract). */
export const OSM_BASEMAP_CREDIT = "© OpenStreetMap-Mitwirkende (ODbL) · © OpenMapTiles · © MapTiler";
const CITY_FACILITY_DATE: LocalisedText = { de: "2026 (Open-Data-Portal)", en: "2026 (open data portal)" };
const CITY_FACILITY_PROPS = ["objektart", "objektname", "strasse", "hausnummer"];
const CITY_POPUP: PopupField[] = [
  { key: "name", label: { de: "Name", en: "Name" } },
  { key: "category", label: { de: "Art", en: "Type" } },
  { key: "address", label: { de: "Adresse", en: "Address" } },
  { key: "note", label: { de: "Hinweis", en: "Note" } },
  { key: "district", label: { de: "Unterbezirk", en: "Sub-district" } },
  { key: "link", label: { de: "Webseite", en: "Website" } },
];
const UNVERIFIED_LICENCE: LocalisedText = {
  de: "Lizenz vom Portal berichtet (dl-de/zero-2-0), nicht beim Herausgeber geprüft.",
  en: "Licence as reported for the portal (dl-de/zero-2-0), not confirmed with the publisher.",
};

function cityFacility(
  id: string,
  file: string,
  title: LocalisedText,
  fields: AllianceField[],
  colour: string,
  count: number,
  options: { cluster?: boolean; visible?: boolean } = {},
): LayerDefinition {
  return {
    id,
    title,
    kind: "facility-points",
    fields,
    publisher: "Stadt Dortmund",
    licence: DL_ZERO,
    credit: CITY_CREDIT,
    dataDate: CITY_FACILITY_DATE,
    caveats: [UNVERIFIED_LICENCE],
    colour,
    cluster: options.cluster ?? false,
    popupFields: CITY_POPUP,
    visibleByDefault: options.visible ?? false,
    source: `city-facilities/${file}`,
    transform: "city-facility",
    expectedCount: { min: Math.max(1, Math.floor(count * 0.5)), max: Math.ceil(count * 2) },
    geometryTypes: ["Point"],
    requiredProperties: CITY_FACILITY_PROPS,
    nonNull: ["objektname"],
    bboxLimit: DORTMUND_ENVELOPE,
  };
}

const DISTRICT_CAVEATS: LocalisedText[] = [
  {
    de: "Grenzen aus der Datei der Stadt (hochgeladen 06.05.2026), topologisch bereinigt; Lizenz nicht beim Portal geprüft.",
    en: "Boundaries from the city's file (uploaded 6 May 2026), topologically cleaned; licence not confirmed at the portal.",
  },
];

const DISTRICT_POPUP: PopupField[] = [];

export const LAYER_DEFINITIONS: LayerDefinition[] = [
  {
    id: "city-boundary",
    title: { de: "Stadtgrenze Dortmund", en: "Dortmund city boundary" },
    kind: "boundary",
    publisher: "Stadt Dortmund (Umriss der 12 Stadtbezirke)",
    licence: DL_ZERO,
    credit: CITY_CREDIT,
    dataDate: { de: "Stand 06.05.2026", en: "as of 6 May 2026" },
    caveats: [
      {
        de: "Umriss aus den 12 Stadtbezirken gebildet, damit Grenze und Bezirke genau zusammenpassen; weicht von der generalisierten VG250-Grenze des BKG um wenige Meter ab.",
        en: "Outline dissolved from the 12 city districts so that boundary and districts match exactly; differs by a few metres from the BKG's generalised VG250 boundary.",
      },
    ],
    colour: "#1f2937",
    visibleByDefault: true,
    source: "districts/dortmund_stadtbezirke.geojson",
    transform: "boundary-from-districts",
    expectedCount: { min: 12, max: 12 },
    geometryTypes: ["Polygon", "MultiPolygon"],
    requiredProperties: ["name"],
    nonNull: ["name"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  ...(
    [
      [
        "stadtbezirk",
        "dortmund_stadtbezirke.geojson",
        12,
        ["name", "statbez"],
        "Stadtbezirke",
        "City districts",
      ],
      [
        "statistischer-bezirk",
        "dortmund_statistische_bezirke.geojson",
        62,
        ["statbez_nr", "name", "stadtbezirk"],
        "Statistische Bezirke",
        "Statistical districts",
      ],
      [
        "unterbezirk",
        "dortmund_statistische_unterbezirke.geojson",
        170,
        ["ubz_nr", "name", "statbez_nr", "statbez_name", "stadtbezirk"],
        "Statistische Unterbezirke",
        "Statistical sub-districts",
      ],
    ] as const
  ).map(
    ([level, file, count, props, de, en]): LayerDefinition => ({
      id: `districts-${level}`,
      title: { de, en },
      kind: "reference-areas",
      level,
      publisher: "Stadt Dortmund (Dortmunder Statistik, Vermessungs- und Katasteramt)",
      licence: DL_ZERO,
      credit: CITY_CREDIT,
      dataDate: { de: "Stand 06.05.2026", en: "as of 6 May 2026" },
      caveats:
        level === "statistischer-bezirk"
          ? [
              ...DISTRICT_CAVEATS,
              {
                de: "Namen der Statistischen Bezirke aus einer Liste Dritter, nicht amtlich geprüft.",
                en: "Names of the statistical districts from a third-party list, not checked officially.",
              },
            ]
          : DISTRICT_CAVEATS,
      colour: "#4b5563",
      popupFields: DISTRICT_POPUP,
      visibleByDefault: true,
      source: `districts/${file}`,
      transform: "reference-areas",
      expectedCount: { min: count, max: count },
      geometryTypes: ["Polygon", "MultiPolygon"],
      requiredProperties: [...props],
      nonNull: [...props],
      bboxLimit: DORTMUND_ENVELOPE,
    }),
  ),
  {
    id: "population-grid-2022",
    title: { de: "Einwohner 2022 (Zensus, 1-km-Raster)", en: "Residents 2022 (census, 1 km grid)" },
    kind: "population",
    publisher: "Eurostat (Zensus-2021-Raster der EU); Statistische Ämter des Bundes und der Länder",
    licence: {
      id: "Eurostat / dl-de/by-2-0",
      name: "Eurostat-Weiterverwendung mit Quellenangabe; Zensus 2022: Datenlizenz Deutschland – Namensnennung – Version 2.0",
      url: "https://www.govdata.de/dl-de/by-2-0",
      unverified: true,
    },
    credit:
      "Eurostat, Bevölkerungsraster Zensus 2021; Zensus 2022 © Statistische Ämter des Bundes und der Länder",
    dataDate: { de: "Zensus 2022, Stichtag 15.05.2022", en: "Census 2022, reference date 15 May 2022" },
    caveats: [
      {
        de: "Bevölkerung: Zensus 2022 (EU-Zensusrunde 2021), 1-km-Raster; Werte der Zellen am Stadtrand zählen auch Einwohner außerhalb der Stadt.",
        en: "Population: Census 2022 (EU census round 2021), 1 km grid; cells on the edge also count residents outside the city.",
      },
      {
        de: "Die Werte sind zur Geheimhaltung leicht verändert (Summe Männer + Frauen weicht von der Gesamtzahl ab); bei Altersgruppen kann 0 auch „nicht verfügbar“ bedeuten.",
        en: 'Values are slightly perturbed for confidentiality (men + women differ from the total); in the age groups 0 can also mean "not available".',
      },
      {
        de: "Lizenz: Eurostat erlaubt Weiterverwendung mit Quellenangabe, das nationale Raster steht unter dl-de/by-2-0 – beim Herausgeber nicht geprüft.",
        en: "Licence: Eurostat allows reuse with credit, the national grid is dl-de/by-2-0 – not confirmed with the publisher.",
      },
    ],
    visibleByDefault: false,
    source: "population-census2021-grid/dortmund_census2021_grid_1km.geojson",
    transform: "census-grid-2022",
    censusYear: 2022,
    expectedCount: { min: 300, max: 400 },
    geometryTypes: ["Polygon"],
    requiredProperties: ["grd_id", "T", "Y_LT15", "Y_GE65", "frac_in_city"],
    nonNull: ["grd_id", "T", "frac_in_city"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  {
    id: "population-grid",
    title: {
      de: "Einwohner 2011 (Zensus, 1-km-Raster, zum Vergleich)",
      en: "Residents 2011 (census, 1 km grid, for comparison)",
    },
    kind: "population",
    publisher: "Statistische Ämter des Bundes und der Länder",
    licence: DL_BY,
    credit: "© Statistische Ämter des Bundes und der Länder, Zensus 2011",
    dataDate: { de: "Zensus 2011, Stichtag 09.05.2011", en: "Census 2011, reference date 9 May 2011" },
    caveats: [
      {
        de: "Bevölkerung: Zensus 2011, 1-km-Raster – abgelöst durch den Zensus 2022, nur noch zum Vergleich (Veränderung 2011→2022); Werte der Zellen am Stadtrand zählen auch Einwohner außerhalb der Stadt.",
        en: "Population: Census 2011, 1 km grid – superseded by the 2022 census, kept for comparison (change 2011→2022); cells on the edge also count residents outside the city.",
      },
      {
        de: "In 9 Zellen ist die Einwohnerzahl geheim oder fehlt (leer).",
        en: "In 9 cells the resident count is secret or missing (empty).",
      },
    ],
    visibleByDefault: false,
    source: "census2011-grid-1km/dortmund_zensus2011_grid_1km.geojson",
    transform: "population-grid",
    censusYear: 2011,
    expectedCount: { min: 300, max: 400 },
    geometryTypes: ["Polygon"],
    requiredProperties: ["gitter_id_1km", "Einwohner", "frac_in_city"],
    nonNull: ["gitter_id_1km", "frac_in_city"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  {
    id: "addresses",
    title: { de: "Adresspunkte (schematische Grundkarte)", en: "Address points (schematic basemap)" },
    kind: "basemap-points",
    publisher: "Stadt Dortmund (über das R-Paket KOR.addrlink 1.0.1)",
    licence: {
      id: "GPL-3.0 / Portal",
      name: "Stadt Dortmund Open Data; verbreitet im R-Paket KOR.addrlink (GPL-3)",
      url: "https://www.gnu.org/licenses/gpl-3.0.html",
      unverified: true,
    },
    credit: CITY_CREDIT,
    dataDate: { de: "Anfang 2024", en: "early 2024" },
    caveats: [
      {
        de: "Straßennamen werden aus den Adressen abgeleitet und am mittleren Adresspunkt beschriftet; es gibt keine Straßengeometrie.",
        en: "Street names are derived from the addresses and placed at a middle address point; there is no street geometry.",
      },
    ],
    colour: "#9ca3af",
    visibleByDefault: true,
    source: "addresses/dortmund_adressen_ubz.csv",
    transform: "addresses",
    expectedCount: { min: 100000, max: 130000 },
    geometryTypes: ["Point"],
    requiredProperties: ["strname", "hnr", "lon", "lat", "ubz_nr"],
    nonNull: ["strname", "lon", "lat", "ubz_nr"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  {
    id: "basemap-osm",
    title: { de: "OpenStreetMap-Grundkarte (offline)", en: "OpenStreetMap basemap (offline)" },
    kind: "basemap-vector",
    publisher: "OpenStreetMap-Mitwirkende; Auszug von OpenMapTiles / MapTiler",
    // The data's licence; the extract's own terms (MapTiler) are unchecked: see the caveats.
    licence: { ...ODBL, unverified: true },
    credit: OSM_BASEMAP_CREDIT,
    dataDate: { de: "OSM-Stand 10.02.2020", en: "OSM as of 10 Feb 2020" },
    caveats: [
      {
        de: "Stand Februar 2020: neuere Straßen, Radwege und Baugebiete (z. B. Phoenix-West) fehlen oder sind veraltet.",
        en: "As of February 2020: newer roads, cycleways and developments (e.g. Phoenix-West) are missing or outdated.",
      },
      {
        de: "Lizenz zu prüfen: Die Daten sind OSM (ODbL); der Kachel-Auszug stammt von MapTiler/OpenMapTiles (CC BY 4.0 für das Schema), dessen Nutzungsbedingungen für den Auszug nicht geprüft sind. Bei Zweifel aus einem frischen OSM-Auszug neu erzeugen.",
        en: "Licence to verify: the data is OSM (ODbL); the tile extract comes from MapTiler/OpenMapTiles (schema CC BY 4.0), whose terms for the extract were not checked. If in doubt, regenerate from a fresh OSM extract.",
      },
      {
        de: "Ohne Gebäude. Abgekürzte Straßennamen („Str.“, „Pl.“, „G.“) sind aus dem Adressverzeichnis oder nach der Regel ausgeschrieben.",
        en: "Without buildings. Abbreviated street names (“Str.”, “Pl.”, “G.”) are written out from the address register or by rule.",
      },
    ],
    visibleByDefault: true,
    source: "basemap-osm/dortmund_osm_roads.geojson",
    extraSources: [
      "basemap-osm/dortmund_osm_paths.geojson",
      "basemap-osm/dortmund_osm_rail.geojson",
      "basemap-osm/dortmund_osm_waterways.geojson",
      "basemap-osm/dortmund_osm_water.geojson",
      "basemap-osm/dortmund_osm_landuse_landcover.geojson",
      "basemap-osm/dortmund_osm_street_names.geojson",
    ],
    transform: "basemap-osm",
    expectedCount: { min: 30000, max: 60000 },
    geometryTypes: ["LineString", "MultiLineString"],
    requiredProperties: ["class"],
    nonNull: ["class"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  // Mensch und demografischer Wandel
  cityFacility(
    "kitas",
    "kindergarten.geojson",
    { de: "Kitas", en: "Day-care centres (Kitas)" },
    ["mensch"],
    "#d97706",
    333,
    { cluster: true },
  ),
  cityFacility(
    "playgrounds",
    "playgrounds.geojson",
    { de: "Spielplätze", en: "Playgrounds" },
    ["mensch"],
    "#65a30d",
    366,
    { cluster: true },
  ),
  cityFacility(
    "schools",
    "schools.geojson",
    { de: "Schulen (Stadt Dortmund)", en: "Schools (City of Dortmund)" },
    ["mensch"],
    "#2563eb",
    183,
  ),
  cityFacility(
    "youth-centres",
    "youth_centers.geojson",
    { de: "Jugendfreizeitstätten", en: "Youth centres" },
    ["mensch"],
    "#7c3aed",
    83,
  ),
  cityFacility(
    "senior-meetings",
    "senior_meetings.geojson",
    { de: "Seniorenbegegnungsstätten", en: "Senior meeting places" },
    ["mensch"],
    "#be185d",
    53,
  ),
  cityFacility(
    "senior-daycare",
    "senior_daycare.geojson",
    { de: "Tagespflege für Senioren", en: "Senior day care" },
    ["mensch"],
    "#9d174d",
    26,
  ),
  cityFacility(
    "assisted-living",
    "assisted_living.geojson",
    { de: "Betreutes Wohnen", en: "Assisted living" },
    ["mensch"],
    "#db2777",
    31,
  ),
  {
    id: "schools-nrw",
    title: {
      de: "Schulen NRW (Schülerzahlen, Sozialindex)",
      en: "Schools NRW (pupils, social index)",
    },
    kind: "facility-points",
    fields: ["mensch"],
    publisher: "Ministerium für Schule und Bildung NRW; IT.NRW",
    licence: DL_BY,
    credit: "Ministerium für Schule und Bildung NRW; IT.NRW, dl-de/by-2-0",
    dataDate: {
      de: "Stammdaten 09/2021, Schüler 2024/25, Sozialindex 2025/26",
      en: "master data 09/2021, pupils 2024/25, social index 2025/26",
    },
    caveats: [
      {
        de: "Schulamt und Schulen mit Betriebsschlüssel 9 (vermutlich nicht in Betrieb) sind ausgefiltert.",
        en: "The school office and schools with operation key 9 (probably not in operation) are filtered out.",
      },
      {
        de: "Sozialindex: 1 = geringe bis 9 = hohe soziale Belastung; für 133 Schulen vorhanden.",
        en: "Social index: 1 = low to 9 = high social burden; available for 133 schools.",
      },
    ],
    colour: "#1d4ed8",
    popupFields: [
      { key: "name", label: { de: "Name", en: "Name" } },
      { key: "category", label: { de: "Schulform", en: "School type" } },
      { key: "address", label: { de: "Adresse", en: "Address" } },
      { key: "pupils", label: { de: "Schüler 2024/25", en: "Pupils 2024/25" } },
      { key: "socialIndex", label: { de: "Sozialindex 2025/26", en: "Social index 2025/26" } },
      { key: "operator", label: { de: "Träger", en: "Operator" } },
      { key: "schoolNumber", label: { de: "Schulnummer", en: "School number" } },
    ],
    visibleByDefault: false,
    source: "schools-nrw/dortmund_schools.geojson",
    transform: "schools-nrw",
    expectedCount: { min: 100, max: 400 },
    geometryTypes: ["Point"],
    requiredProperties: ["schulnummer", "name", "schulform", "schulform_code", "schulbetriebsschluessel"],
    nonNull: ["schulnummer", "name"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  // IT-Plattformen und Bürgerservices
  cityFacility(
    "libraries",
    "libraries.geojson",
    { de: "Bibliotheken", en: "Libraries" },
    ["it-buergerservice"],
    "#0f766e",
    30,
  ),
  cityFacility(
    "seniors-offices",
    "seniors_office.geojson",
    { de: "Seniorenbüros", en: "Seniors' offices" },
    ["it-buergerservice", "mensch"],
    "#a21caf",
    14,
  ),
  // Städtische Infrastruktur und Sicherheit
  {
    id: "healthcare",
    title: { de: "Gesundheitsversorgung (OSM)", en: "Healthcare (OSM)" },
    kind: "facility-points",
    fields: ["infrastruktur-sicherheit"],
    publisher: "OpenStreetMap-Mitwirkende",
    licence: ODBL,
    credit: "© OpenStreetMap-Mitwirkende",
    dataDate: { de: "OSM-Abruf 2026", en: "OSM extract 2026" },
    caveats: [
      {
        de: "Aus OpenStreetMap, ohne Namen; Vollständigkeit nicht geprüft.",
        en: "From OpenStreetMap, without names; completeness not checked.",
      },
    ],
    colour: "#dc2626",
    cluster: true,
    popupFields: [
      { key: "category", label: { de: "Art", en: "Type" } },
      { key: "osmId", label: { de: "OSM-ID", en: "OSM id" } },
    ],
    visibleByDefault: false,
    source: "city-facilities/healthcare.geojson",
    transform: "healthcare",
    expectedCount: { min: 300, max: 1500 },
    geometryTypes: ["Point"],
    requiredProperties: ["osm_id", "healthcare"],
    nonNull: ["osm_id"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  cityFacility(
    "pools",
    "pools.geojson",
    { de: "Schwimmbäder", en: "Swimming pools" },
    ["infrastruktur-sicherheit"],
    "#0284c7",
    17,
  ),
  cityFacility(
    "weekly-markets",
    "weekly_markets.geojson",
    { de: "Wochenmärkte", en: "Weekly markets" },
    ["infrastruktur-sicherheit", "mobilitaet"],
    "#ca8a04",
    14,
  ),
  // Mobilität und Logistik
  {
    id: "transit-stops",
    title: { de: "Haltestellen ÖPNV (VRR)", en: "Public transport stops (VRR)" },
    kind: "facility-points",
    fields: ["mobilitaet"],
    publisher: "Verkehrsverbund Rhein-Ruhr (VRR)",
    licence: { ...CC_BY_4, unverified: true },
    credit: "Datenquelle: Verkehrsverbund Rhein-Ruhr (VRR)",
    dataDate: { de: "GTFS-Stand etwa Dez. 2025", en: "GTFS as of about Dec 2025" },
    caveats: [
      {
        de: "Haltestellenbereiche (nicht Steige); CC-BY-Version nicht angegeben (vermutlich 4.0).",
        en: "Stop areas (not platforms); CC BY version not stated (probably 4.0).",
      },
    ],
    colour: "#0891b2",
    cluster: true,
    popupFields: [
      { key: "name", label: { de: "Haltestelle", en: "Stop" } },
      { key: "lines", label: { de: "Linien", en: "Lines" } },
      { key: "lineCount", label: { de: "Anzahl Linien", en: "Number of lines" } },
      { key: "directions", label: { de: "Richtungen", en: "Directions" } },
      { key: "stopId", label: { de: "Haltestellen-ID", en: "Stop id" } },
    ],
    visibleByDefault: false,
    source: "transit-stops-vrr/dortmund_stops_vrr.geojson",
    transform: "transit-stops",
    expectedCount: { min: 800, max: 1500 },
    geometryTypes: ["Point"],
    requiredProperties: ["stop_id", "name", "lines", "n_lines"],
    nonNull: ["stop_id", "name"],
    bboxLimit: DORTMUND_ENVELOPE,
  },
  {
    id: "bike-sharing",
    title: { de: "Fahrradverleih-Stationen (OSM 2020)", en: "Bike-sharing stations (OSM 2020)" },
    kind: "facility-points",
    fields: ["mobilitaet"],
    publisher: "OpenStreetMap-Mitwirkende (über OpenMapTiles)",
    licence: ODBL,
    credit: "© OpenStreetMap-Mitwirkende",
    dataDate: { de: "OSM-Stand 10.02.2020", en: "OSM data of 10 Feb 2020" },
    caveats: [
      {
        de: "Stationen von metropolradruhr, wie sie 2020 in OpenStreetMap erfasst waren – keine amtliche Stationsliste; nur Punkte innerhalb der Stadtgrenze.",
        en: "metropolradruhr stations as mapped in OpenStreetMap in 2020 – not an official station list; points inside the city boundary only.",
      },
      OSM_EXTRACT_CAVEAT,
    ],
    colour: "#e11d48",
    popupFields: [
      { key: "name", label: { de: "Name", en: "Name" } },
      { key: "category", label: { de: "Art", en: "Type" } },
    ],
    visibleByDefault: false,
    source: MOBILITY_SOURCE,
    transform: "bike-sharing",
    // The raw file holds both kinds (758 points); the served layer 30–80 stations.
    expectedCount: { min: 600, max: 1000 },
    geometryTypes: ["Point"],
    requiredProperties: ["class", "subclass", "inside_city_boundary"],
    nonNull: ["subclass", "inside_city_boundary"],
    bboxLimit: DORTMUND_ENVELOPE,
    minShareInCity: 0.95,
  },
  {
    id: "bike-parking",
    title: { de: "Fahrradabstellanlagen (OSM 2020)", en: "Bike parking (OSM 2020)" },
    kind: "facility-points",
    fields: ["mobilitaet"],
    publisher: "OpenStreetMap-Mitwirkende (über OpenMapTiles)",
    licence: ODBL,
    credit: "© OpenStreetMap-Mitwirkende",
    dataDate: { de: "OSM-Stand 10.02.2020", en: "OSM data of 10 Feb 2020" },
    caveats: [
      {
        de: "Fahrradabstellanlagen, wie sie 2020 in OpenStreetMap erfasst waren; Vollständigkeit nicht geprüft; nur Punkte innerhalb der Stadtgrenze.",
        en: "Bike parking as mapped in OpenStreetMap in 2020; completeness not checked; points inside the city boundary only.",
      },
      OSM_EXTRACT_CAVEAT,
    ],
    colour: "#be123c",
    cluster: true,
    popupFields: [{ key: "category", label: { de: "Art", en: "Type" } }],
    visibleByDefault: false,
    source: MOBILITY_SOURCE,
    transform: "bike-parking",
    expectedCount: { min: 600, max: 1000 },
    geometryTypes: ["Point"],
    requiredProperties: ["class", "subclass", "inside_city_boundary"],
    nonNull: ["subclass", "inside_city_boundary"],
    bboxLimit: DORTMUND_ENVELOPE,
    minShareInCity: 0.95,
  },
  // Energie-Management
  {
    id: "ev-fast-chargers",
    title: {
      de: "Schnellladepunkte ≥ 50 kW (BNetzA 2026)",
      en: "Fast chargers ≥ 50 kW (BNetzA 2026)",
    },
    kind: "facility-points",
    fields: ["energie", "mobilitaet"],
    publisher: "Bundesnetzagentur, Ladesäulenregister",
    licence: CC_BY_4,
    credit: "Bundesnetzagentur, Ladesäulenregister (CC BY 4.0)",
    dataDate: { de: "Register vom 28.01.2026", en: "register of 28 Jan 2026" },
    caveats: [
      {
        de: "Öffentliche Schnellladestandorte in Betrieb (Ladeeinrichtung ≥ 50 kW), je Standort und Betreiber zusammengefasst; ersetzt die Ladesäulenliste von 2019.",
        en: "Public fast-charging locations in operation (charging unit ≥ 50 kW), grouped per location and operator; replaces the 2019 charger list.",
      },
      // The register totals (AC chargers not included) are added by the data step from `supplement`.
    ],
    colour: "#16a34a",
    popupFields: [
      { key: "operator", label: { de: "Betreiber", en: "Operator" } },
      { key: "address", label: { de: "Adresse", en: "Address" } },
      { key: "points", label: { de: "Ladepunkte", en: "Charging points" } },
      {
        key: "powerKw",
        label: { de: "Max. Leistung je Ladeeinrichtung (kW)", en: "Max. power per unit (kW)" },
      },
      { key: "maxPlugKw", label: { de: "Max. Leistung je Stecker (kW)", en: "Max. power per plug (kW)" } },
      { key: "category", label: { de: "Leistungsklasse", en: "Power class" } },
    ],
    visibleByDefault: false,
    source: "ev-charging-fast-2026/dortmund_fast_chargers_bnetza_2026-01.geojson",
    supplement: "ev-charging-reference/bnetza_aggregate_dortmund_2026-04.json",
    transform: "fast-chargers",
    expectedCount: { min: 60, max: 300 },
    geometryTypes: ["Point"],
    requiredProperties: ["station_id", "operator", "max_power_kw", "charging_points_count", "address"],
    nonNull: ["station_id", "operator", "max_power_kw", "charging_points_count"],
    bboxLimit: DORTMUND_ENVELOPE,
    minShareInCity: 1,
  },
  // Städtische Infrastruktur und Sicherheit: Hitzevorsorge
  {
    id: "climate-stations",
    title: {
      de: "Klimamessstationen (Data2Resilience)",
      en: "Climate measuring stations (Data2Resilience)",
    },
    kind: "facility-points",
    fields: ["infrastruktur-sicherheit"],
    publisher: "Data2Resilience (Ruhr-Universität Bochum, Klimatologie; Smart City Dortmund)",
    licence: {
      id: "MIT",
      name: "MIT License (Repository RUBclim/d2r-api)",
      lang: "en",
      url: "https://opensource.org/license/mit",
      unverified: true,
    },
    credit: "Data2Resilience (RUB Klimatologie / Stadt Dortmund)",
    dataDate: { de: "Stationsliste 2025", en: "station list of 2025" },
    caveats: [
      {
        de: "Messnetz zur Hitzebelastung; die Liste stammt aus Testdaten des Projekts (2025) und kann vom heutigen Messnetz abweichen. Eigene Datenlizenz nicht angegeben.",
        en: "Heat-monitoring network; the list comes from the project's test data (2025) and may differ from today's network. No separate data licence stated.",
      },
    ],
    colour: "#ea580c",
    popupFields: [
      { key: "name", label: { de: "Station", en: "Station" } },
      { key: "category", label: { de: "Art", en: "Type" } },
      { key: "address", label: { de: "Adresse", en: "Address" } },
      { key: "district", label: { de: "Stadtteil", en: "District" } },
      { key: "stationId", label: { de: "Stations-ID", en: "Station id" } },
    ],
    visibleByDefault: false,
    source: "smart-city-climate-stations/dortmund_data2resilience_stations.geojson",
    transform: "climate-stations",
    expectedCount: { min: 77, max: 77 },
    geometryTypes: ["Point"],
    requiredProperties: ["station_id", "long_name", "station_type"],
    nonNull: ["station_id", "long_name", "station_type"],
    bboxLimit: DORTMUND_ENVELOPE,
    minShareInCity: 1,
  },
  {
    id: "city-region",
    title: { de: "Stadtregion Dortmund (INKAR 2023)", en: "Dortmund city region (INKAR 2023)" },
    kind: "context-areas",
    publisher: "BBSR Bonn (INKAR); BKG (VG250)",
    licence: DL_BY,
    credit: "© BBSR Bonn; © GeoBasis-DE / BKG",
    dataDate: { de: "Datenjahr 2023 (INKAR 2025)", en: "data year 2023 (INKAR 2025)" },
    caveats: [
      {
        de: "Gemeinden der Stadtregion mit vier Kennzahlen; nur zur Einordnung.",
        en: "Municipalities of the city region with four indicators; for context only.",
      },
    ],
    colour: "#6b7280",
    popupFields: [
      { key: "name", label: { de: "Gemeinde", en: "Municipality" } },
      { key: "employmentRate", label: { de: "Beschäftigtenquote (%)", en: "Employment rate (%)" } },
      {
        key: "populationChange5y",
        label: { de: "Bevölkerungsentwicklung 5 J. (%)", en: "Population change 5 y (%)" },
      },
      { key: "share65plus", label: { de: "Anteil 65+ (%)", en: "Share 65+ (%)" } },
      {
        key: "longTermUnemployed",
        label: { de: "Anteil Langzeitarbeitslose (%)", en: "Long-term unemployed share (%)" },
      },
    ],
    visibleByDefault: false,
    source: "city-region-inkar/stadtregion_dortmund_inkar2023.geojson",
    transform: "city-region",
    expectedCount: { min: 33, max: 33 },
    geometryTypes: ["Polygon", "MultiPolygon"],
    requiredProperties: ["AGS", "GEN", "employment_rate_pct", "share_65plus_pct"],
    nonNull: ["AGS", "GEN"],
    bboxLimit: REGION_ENVELOPE,
  },
];
