/** English messages of the map: layers and their legend, the basemap, a clicked district, a facility's popup, units and layer status; same keys and placeholders as map-de.ts. */
import type { mapDe } from "./map-de.ts";
import type { Widen } from "./types.ts";

export const mapEn: Widen<typeof mapDe> = {
  layers: {
    heading: "Layers",
    reference: "Reference areas",
    level: "Level",
    levels: {
      stadtbezirk: "City districts",
      "statistischer-bezirk": "Statistical districts",
      unterbezirk: "Sub-districts",
    },
    levelCount: "{{n}} areas",
    showLabels: "Show names",
    population: "Residents (census)",
    boundary: "City boundary",
    fields: {
      energie: "Energy management",
      mobilitaet: "Mobility and logistics",
      mensch: "People and demographic change",
      "it-buergerservice": "IT platforms and citizen services",
      "infrastruktur-sicherheit": "Urban infrastructure and safety",
    },
    context: "Context",
    features_one: "{{n}} feature",
    features_other: "{{n}} features",
    alsoIn: "also: {{fields}}",
    noLayers: "There is no open data for this field. Your own data can be imported later.",
    showAll: "All on",
    hideAll: "All off",
  },
  legend: {
    heading: "Legend",
    population: "Residents per km² (census {{year}}, 1 km grid)",
    noData: "no data",
    cluster: "Group of several features (number = count), click to zoom in",
  },
  basemap: {
    heading: "Basemap",
    citymap: "City map (offline, OpenStreetMap)",
    "citymap-dark": "City map, dark (offline, for projectors)",
    schematic: "Schematic (offline, from address points)",
    basemapde: "basemap.de (online, BKG)",
    osm: "OpenStreetMap (online)",
    loading: "Loading online basemap …",
    unreachable: "The online basemap “{{name}}” cannot be reached. The offline city map is active.",
    schematicHint: "Grey dots: addresses; street names from zoom level 14.",
    citymapHint:
      "OpenStreetMap as of February 2020, without buildings; street names from zoom level 14, main roads earlier.",
  },
  district: {
    heading: "Area",
    code: "Code",
    parent: "Parent area",
    stadtbezirk: "City district",
    area: "Area",
    residents: "Residents {{year}}",
    residentsSource: "area-weighted from the census {{year}} grid (1 km)",
    change: "Change {{from}}→{{to}}",
    changeSource: "against {{n}} residents in the {{year}} census, same method",
    under15: "under 15",
    age65plus: "65 and over",
    shareOfResidents: "{{share}} of the residents",
    ageCaveat:
      "Census values are slightly perturbed for confidentiality; a 0 in an age group can mean “not available”.",
    density: "Population density",
    areaSource: "computed geodesically",
    none: "—",
    close: "Close area",
    hint: "Click an area to see its details.",
  },
  map: {
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    label: "Map of Dortmund",
  },
  popup: {
    source: "Source",
    close: "Close",
  },
  units: {
    km2: "km²",
    ha: "ha",
    perKm2: "per km²",
  },
  status: {
    sourceFailed: "The layer “{{layer}}” could not be loaded.",
  },
};
