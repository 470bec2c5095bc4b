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
    population: "Einwohner (Zensus)",
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
    noLayers:
      "Für dieses Handlungsfeld liegen keine offenen Daten vor. Eigene Daten können später importiert werden.",
    showAll: "Alle an",
    hideAll: "Alle aus",
  },
  legend: {
    heading: "Legende",
    population: "Einwohner je km² (Zensus {{year}}, 1-km-Raster)",
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
    residents: "Einwohner {{year}}",
    residentsSource: "flächengewichtet aus dem Zensus-{{year}}-Raster (1 km)",
    change: "Veränderung {{from}}→{{to}}",
    changeSource: "gegenüber {{n}} Einwohnern laut Zensus {{year}}, dieselbe Methode",
    under15: "unter 15 Jahre",
    age65plus: "65 Jahre und älter",
    shareOfResidents: "{{share}} der Einwohner",
    ageCaveat:
      "Zensus-Werte sind zur Geheimhaltung leicht verändert; eine 0 in einer Altersgruppe kann „nicht verfügbar“ bedeuten.",
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
