/**
 * German messages of the map: layers and their legend, the basemap, a clicked district, a facility's popup, units and layer status.
 * Keys are shared with map-en.ts.
 */
export const mapDe = {
  layers: {
    heading: "Ebenen",
    reference: "Bezugsräume",
    level: "Gliederungsebene",
    levels: {
      stadtbezirk: "Stadtbezirke",
      "statistischer-bezirk": "Statistische Bezirke",
      unterbezirk: "Unterbezirke",
    },
    levelCount: "{{n}} Gebiete",
    showLabels: "Namen anzeigen",
    population: "Einwohner (Zensus 2011)",
    boundary: "Stadtgrenze",
    fields: {
      energie: "Energie-Management",
      mobilitaet: "Mobilität und Logistik",
      mensch: "Mensch und demografischer Wandel",
      "it-buergerservice": "IT-Plattformen und Bürgerservices",
      "infrastruktur-sicherheit": "Städtische Infrastruktur und Sicherheit",
    },
    context: "Kontext",
    features_one: "{{n}} Objekt",
    features_other: "{{n}} Objekte",
    alsoIn: "auch: {{fields}}",
    outdated: "veraltet",
    noLayers:
      "Für dieses Handlungsfeld liegen keine offenen Daten vor. Eigene Daten können später importiert werden.",
    showAll: "Alle an",
    hideAll: "Alle aus",
  },
  legend: {
    heading: "Legende",
    population: "Einwohner je km² (Zensus 2011, 1-km-Raster)",
    noData: "keine Angabe",
    cluster: "Gruppe mehrerer Objekte (Zahl = Anzahl), Klick zoomt hinein",
  },
  basemap: {
    heading: "Grundkarte",
    citymap: "Stadtplan (offline, OpenStreetMap)",
    "citymap-dark": "Stadtplan dunkel (offline, für Beamer)",
    schematic: "Schematisch (offline, aus Adresspunkten)",
    basemapde: "basemap.de (online, BKG)",
    osm: "OpenStreetMap (online)",
    loading: "Lade Online-Grundkarte …",
    unreachable: "Die Online-Grundkarte „{{name}}“ ist nicht erreichbar. Der Offline-Stadtplan ist aktiv.",
    schematicHint: "Graue Punkte: Adressen; Straßennamen ab Zoomstufe 14.",
    citymapHint:
      "OpenStreetMap, Stand Februar 2020, ohne Gebäude; Straßennamen ab Zoomstufe 14, Hauptstraßen früher.",
  },
  district: {
    heading: "Gebiet",
    code: "Kennziffer",
    parent: "Übergeordnet",
    stadtbezirk: "Stadtbezirk",
    area: "Fläche",
    residents: "Einwohner 2011",
    residentsSource: "flächengewichtet aus dem Zensus-2011-Raster (1 km)",
    density: "Einwohnerdichte",
    areaSource: "geodätisch berechnet",
    none: "—",
    close: "Gebiet schließen",
    hint: "Gebiet anklicken, um Angaben zu sehen.",
  },
  map: {
    zoomIn: "Hineinzoomen",
    zoomOut: "Herauszoomen",
    label: "Karte von Dortmund",
  },
  popup: {
    source: "Quelle",
    close: "Schließen",
  },
  units: {
    km2: "km²",
    ha: "ha",
    perKm2: "je km²",
  },
  status: {
    sourceFailed: "Die Ebene „{{layer}}“ konnte nicht geladen werden.",
  },
};
