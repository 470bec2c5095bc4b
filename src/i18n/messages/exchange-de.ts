/**
 * German messages of the exchange (import and export with partners), wired in as the `exchange`
 * namespace. Problem, repair and drop codes come from `src/domain/exchange/import-result.ts`;
 * placeholders are the codes' parameters. Keys are shared with exchange-en.ts.
 */
export const exchangeDe = {
  formats: {
    geojson: "GeoJSON",
    kml: "KML (Google Earth)",
    kmz: "KMZ (Google Earth, gepackt)",
    gpx: "GPX (GPS-Daten)",
    shapefile: "Shapefile (ZIP)",
    geopackage: "GeoPackage",
    csv: "CSV-Tabelle (Excel, deutsch)",
    "csv-intl": "CSV-Tabelle (international)",
  },
  kinds: {
    areas: "Gebiete",
    points: "Punkte",
    mixed: "Gebiete und Punkte",
  },
  progress: {
    reading: "Datei wird gelesen …",
    parsing: "Inhalt wird ausgewertet …",
    checking: "Geometrien werden geprüft …",
    transferring: "Gebiete werden übernommen …",
    layer: "Ebene wird vorbereitet …",
    done: "Fertig",
  },
  unnamedArea: "Importiertes Gebiet {{n}}",
  problems: {
    "too-large": "Die Datei ist zu groß ({{bytes}} Byte). Es sind höchstens {{maxBytes}} Byte möglich.",
    "empty-file": "Die Datei ist leer.",
    "not-geodata":
      "„{{fileName}}“ enthält keine lesbaren Geodaten. Möglich sind GeoJSON, KML, KMZ, GPX, Shapefile (als ZIP), GeoPackage und CSV mit Koordinaten.",
    "truncated-json":
      "Die GeoJSON-Datei bricht mitten im Inhalt ab, vermutlich ein unvollständiger Download. Bitte die Datei erneut herunterladen.",
    "invalid-json": "Die Datei ist kein gültiges JSON (Fehler bei Zeichen {{position}}).",
    "invalid-json-somewhere": "Die Datei ist kein gültiges JSON.",
    "not-geojson":
      "Die Datei ist JSON, aber kein GeoJSON: Es fehlt ein Feature, eine FeatureCollection oder eine Geometrie.",
    "invalid-xml": "Die KML- oder GPX-Datei ist beschädigt und kann nicht gelesen werden.",
    "xml-doctype":
      "Die Datei enthält eine Dokumenttyp-Deklaration (<!DOCTYPE …>, DTD). Solche Deklarationen werden aus Sicherheitsgründen nicht gelesen, weil sie Entitäten definieren können, die zu riesigen Datenmengen anwachsen, oder auf andere Dateien verweisen. KML und GPX brauchen keine DTD: Bitte die DOCTYPE-Zeile entfernen und die Datei erneut importieren.",
    "invalid-zip": "Das ZIP-Archiv kann nicht gelesen werden ({{detail}}).",
    "zip-bomb":
      "Das ZIP-Archiv würde beim Entpacken {{declaredBytes}} Byte oder mehr belegen, erlaubt sind {{maxBytes}} Byte. Es wird aus Sicherheitsgründen nicht geöffnet.",
    "zip-without-geodata":
      "Das ZIP-Archiv ({{entries}} Dateien) enthält weder ein Shapefile noch KML noch GeoJSON.",
    "shapefile-not-zipped":
      "Ein Shapefile besteht aus mehreren Dateien (.shp, .dbf, .prj …). Bitte alle zusammen als ZIP-Archiv importieren.",
    "invalid-shapefile": "Das Shapefile ist beschädigt ({{detail}}).",
    "invalid-geopackage": "Die Datei ist kein lesbares GeoPackage ({{detail}}).",
    "csv-without-coordinates":
      "Die CSV-Tabelle hat keine Koordinatenspalten. Erwartet werden lon/lat, Rechtswert/Hochwert, x/y oder eine WKT-Spalte. Gefundene Spalten: {{columns}}.",
    "unknown-crs": "Das Koordinatenbezugssystem der Datei ist unbekannt: {{crs}}.",
    "needs-crs":
      "Die Datei gibt ihr Koordinatenbezugssystem nicht an. Bitte auswählen: WGS 84 (Längen-/Breitengrad, EPSG:4326) oder ETRS89 / UTM 32N (Meter, EPSG:25832).",
    "needs-crs-suggestion": "Nach den Koordinaten zu urteilen ist es wahrscheinlich {{suggestion}}.",
    "no-features": "Die Datei enthält kein verwendbares Gebiet und keinen Punkt.",
    "too-many-features": "Die Datei enthält {{count}} Objekte; höchstens {{maxFeatures}} sind möglich.",
    "too-many-vertices":
      "Die Datei enthält {{vertices}} Stützpunkte; höchstens {{maxVertices}} sind möglich.",
  },
  repairs: {
    "3d-coordinates-dropped": "Höhenangaben wurden entfernt.",
    "unclosed-ring-closed": "Ein nicht geschlossener Umring wurde geschlossen.",
    "self-intersection-repaired": "Ein sich selbst schneidender Umring wurde in einfache Teile zerlegt.",
    "overlaps-merged": "Überlappende Teile wurden zusammengeführt.",
    "touching-rings-separated": "Sich berührende Teile wurden um etwa einen Millimeter getrennt.",
    "slivers-removed": "Schmale Splitterflächen wurden entfernt.",
    "invalid-positions-removed": "Unbrauchbare Koordinaten wurden entfernt.",
    "line-closed-to-area": "Eine geschlossene Linie wurde als Fläche übernommen.",
    "geometry-collection-split": "Aus einer Geometriesammlung wurden nur die Flächen übernommen.",
  },
  dropped: {
    "null-geometry": "Ohne Geometrie.",
    "empty-geometry": "Die Geometrie ist leer.",
    "invalid-coordinates": "Die Koordinaten sind keine Zahlen oder falsch verschachtelt.",
    "coordinates-out-of-range":
      "Die Koordinaten liegen außerhalb des gültigen Bereichs (Länge ±180°, Breite ±90°) – falsches Koordinatenbezugssystem?",
    "geometry-collection": "Eine Geometriesammlung ohne Fläche.",
    "open-line": "Eine offene Linie umschließt keine Fläche.",
    "unsupported-geometry": "Der Geometrietyp „{{type}}“ wird nicht unterstützt.",
    "too-small": "Mit {{areaM2}} m² kleiner als die Mindestgröße von {{minAreaM2}} m².",
    "too-many-vertices": "Mehr als {{maxVertices}} Stützpunkte.",
    "too-complex-to-repair":
      "Fehlerhaft und mit {{vertices}} Stützpunkten zu groß für eine Reparatur (höchstens {{maxVertices}}).",
    "unreadable-row": "Die Koordinaten dieser Zeile sind nicht lesbar.",
  },
  attributeIssues: {
    "unknown-field": "Feld „{{key}}“: „{{value}}“ ist kein Handlungsfeld – nicht übernommen",
    "unknown-status": "Feld „{{key}}“: „{{value}}“ unbekannt – Idee angenommen",
    "unreadable-value": "Feld „{{key}}“: „{{value}}“ nicht lesbar – nicht übernommen",
  },
  report: {
    summary: "{{count}} von {{total}} Objekten übernommen ({{format}}, {{crs}}).",
    repairedHeading: "Repariert",
    droppedHeading: "Nicht übernommen",
    item: "{{name}} (Nr. {{n}}): {{message}}",
  },
  openExport: "Exportieren",
  openImport: "Importieren",
  export: {
    heading: "Exportieren für Partner",
    scopeLegend: "Was exportieren?",
    scopes: {
      areas: "Ausgewähltes Gebiet „{{name}}“",
      areasNone: "Ausgewähltes Gebiet (keines ausgewählt)",
      variant_one: "Aktive Variante „{{name}}“ ({{count}} Gebiet)",
      variant_other: "Aktive Variante „{{name}}“ ({{count}} Gebiete)",
      plan_one: "Ganzer Plan „{{name}}“ (alle Varianten, {{count}} Gebiet)",
      plan_other: "Ganzer Plan „{{name}}“ (alle Varianten, {{count}} Gebiete)",
    },
    formatLegend: "Format",
    formatChoices: {
      geojson: "GeoJSON (WGS 84)",
      "gpkg-25832": "GeoPackage, ETRS89 / UTM 32N (EPSG:25832)",
      "gpkg-4326": "GeoPackage, WGS 84 (EPSG:4326)",
      "shp-25832": "Shapefile als ZIP, ETRS89 / UTM 32N (EPSG:25832)",
      "csv-areas-de": "CSV je Gebiet, deutsch (Excel)",
      "csv-areas-intl": "CSV je Gebiet, international",
      "csv-districts-de": "CSV je Gebiet und Bezirk, deutsch (Excel)",
      "csv-districts-intl": "CSV je Gebiet und Bezirk, international",
      png: "Kartenbild (PNG)",
    },
    formatHints: {
      geojson: "Für Webkarten und Entwickler: Geometrie und alle Kennzahlen in einer Datei.",
      "gpkg-25832": "Für GIS-Fachleute (QGIS, ArcGIS) und Vermessung: metrisch, wie bei Behörden üblich.",
      "gpkg-4326": "Für GIS-Programme, die Längen-/Breitengrad erwarten.",
      "shp-25832":
        "Für ältere GIS-Programme; Feldnamen auf 10 Zeichen gekürzt (siehe LIESMICH.txt und DATENBESCHREIBUNG.txt).",
      "csv-areas-de":
        "Für Tabellen in deutschem Excel: Semikolon, Dezimalkomma, ohne Geometrie, eine Zeile je Gebiet.",
      "csv-areas-intl": "Für Tabellen in englischen Programmen: Komma, Dezimalpunkt, eine Zeile je Gebiet.",
      "csv-districts-de":
        "Für Auswertungen je Bezirk in deutschem Excel: eine Zeile je Gebiet und berührtem Bezirk.",
      "csv-districts-intl":
        "Für Auswertungen je Bezirk in englischen Programmen: eine Zeile je Gebiet und Bezirk.",
      png: "Für Folien und Briefe: der aktuelle Kartenausschnitt mit Legende und Quellenangaben.",
    },
    languageLegend: "Sprache der Klartext-Spalten",
    languageHint:
      "Codes bleiben gleich; Spalten „…_label“ (Handlungsfelder, Status, Bezirke) und die Datenbeschreibung erscheinen in dieser Sprache. Das deutsche CSV hat immer deutsche Spaltenköpfe.",
    languages: { de: "Deutsch", en: "Englisch" },
    download: "Herunterladen",
    cancel: "Abbrechen",
    close: "Schließen",
    working: "Export wird erstellt …",
    figures: "Kennzahlen werden berechnet …",
    figuresProgress: "{{done}} von {{total}} Gebieten",
    nothing:
      "Nichts zu exportieren: {{scope}} enthält keine Gebiete. Bitte zuerst ein Gebiet zeichnen oder eine andere Auswahl treffen.",
    nothingSelected:
      "Es ist kein Gebiet ausgewählt. Bitte ein Gebiet in der Liste oder auf der Karte anklicken.",
    failed: "Der Export ist fehlgeschlagen: {{detail}}",
    imageFailed: "Das Kartenbild konnte nicht erstellt werden: Die Karte ist noch nicht geladen.",
    figuresMissing:
      "Für {{count}} Gebiete liegen keine Kennzahlen vor; sie werden mit leeren Werten exportiert.",
    done: "„{{fileName}}“ wurde heruntergeladen ({{size}}).",
    planScopeName: "der Plan",
    variantScopeName: "die Variante „{{name}}“",
  },
  mapImage: {
    subtitle: "{{plan}} – {{variant}} · Stand {{date}}",
    legend: "Legende",
    pilotAreas: "Pilotgebiete",
    layers: "Sichtbare Ebenen",
    overlays: "Importierte Ebenen",
    population: "Einwohner je km² (Zensus {{year}})",
    credits: "Quellen und Lizenzen",
    incomplete: "gestrichelt: noch ohne Handlungsfeld",
    noFields: "ohne Handlungsfeld",
  },
  import: {
    heading: "Importieren",
    intro:
      "GeoJSON, KML/KMZ, GPX, Shapefile (als ZIP), GeoPackage oder CSV mit Koordinaten. Es ändert sich nichts, bevor Sie bestätigen.",
    choose: "Datei auswählen",
    drop: "… oder Datei hierher ziehen",
    limits: "Höchstens {{maxMb}} MB und {{maxFeatures}} Objekte.",
    reading: "„{{fileName}}“ wird gelesen …",
    previewHeading: "Vorschau: {{fileName}}",
    format: "Format",
    crs: "Koordinatenbezugssystem",
    count: "Objekte",
    countValue: "{{count}} übernommen ({{kind}}), {{dropped}} nicht übernommen, {{total}} in der Datei",
    namesCaption: "Namen in der Datei",
    columnNumber: "Nr.",
    columnName: "Name",
    columnType: "Art",
    typeArea: "Gebiet",
    typePoint: "Punkt",
    more: "… und {{count}} weitere",
    noRepairs: "Nichts musste repariert oder ausgelassen werden.",
    attributesFound:
      "Angaben aus der Datei für Pilotgebiete: Handlungsfelder bei {{fields}}, Status bei {{status}}, Partner bei {{partners}}, Notizen bei {{notes}} Gebieten.",
    attributeIssuesHeading: "Angaben, die nicht übernommen werden",
    asLegend: "Übernehmen als",
    asAreas: "Pilotgebiete in der Variante „{{variant}}“",
    asAreasHint:
      "Werden Teil des Plans (ein Schritt, rückgängig zu machen; vorher wird eine Sicherung angelegt).",
    asAreasNoAreas: "Die Datei enthält nur Punkte; Punkte können nur als Ebene angezeigt werden.",
    asAreasTooMany:
      "Mehr als {{max}} Gebiete sind als Pilotgebiete nicht sinnvoll; bitte als Ebene anzeigen.",
    asAreasPointsSkipped: "{{count}} Punkte werden dabei nicht übernommen.",
    asOverlay: "Ebene auf der Karte (nur zum Vergleich)",
    asOverlayHint:
      "Wird nicht Teil des Plans; die Ebene bleibt in diesem Browser gespeichert und erscheint in jedem Plan, bis sie entfernt wird.",
    confirm: "Importieren",
    committing: "Gebiete werden geprüft und übernommen …",
    cancel: "Abbrechen",
    another: "Andere Datei",
    crsHeading: "Koordinatenbezugssystem angeben",
    crsLegend: "In welchem System sind die Koordinaten?",
    crsChoices: {
      "epsg-25832": "ETRS89 / UTM Zone 32N (EPSG:25832), Meter – üblich bei Behörden in NRW",
      "epsg-4326": "WGS 84 (EPSG:4326), Längen-/Breitengrad – GPS, Webkarten",
    },
    suggested: "(vorgeschlagen)",
    crsApply: "Mit diesem System lesen",
    snapshot: "Import „{{fileName}}“",
    undoLabel: "Import „{{fileName}}“",
    importedAreas_one: "{{count}} Gebiet aus „{{fileName}}“ übernommen.",
    importedAreas_other: "{{count}} Gebiete aus „{{fileName}}“ übernommen.",
    importedOverlay: "„{{fileName}}“ wird als Ebene angezeigt.",
    refused_one: "{{count}} Gebiet wurde bei der Prüfung abgelehnt (leer, zu klein oder ungültig).",
    refused_other: "{{count}} Gebiete wurden bei der Prüfung abgelehnt (leer, zu klein oder ungültig).",
    outsideCity_one: "{{count}} Gebiet liegt teilweise außerhalb der Stadtgrenze.",
    outsideCity_other: "{{count}} Gebiete liegen teilweise außerhalb der Stadtgrenze.",
    failed: "Die Datei konnte nicht gelesen werden: {{detail}}",
    readOnly: "Dieser Tab kann den Plan nicht ändern (er wird in einem anderen Tab bearbeitet).",
    axesLookSwapped:
      "Die Koordinaten liegen weit von Dortmund entfernt (Mitte bei Länge {{lon}}°, Breite {{lat}}°). Vermutlich stehen Breite und Länge vertauscht in der Datei: Mit getauschten Achsen lägen sie bei Dortmund.",
    swapAxes: "Achsen tauschen und neu lesen",
    axesSwapped: "Breite und Länge wurden beim Lesen getauscht.",
    swapAxesBack: "Wieder wie in der Datei lesen",
    cliSwapHint:
      "Erneut mit --swap-axes aufrufen, um die Achsen zu tauschen, oder mit --keep-axes, wenn die Lage stimmt.",
  },
  overlays: {
    heading: "Importierte Ebenen",
    areas_one: "{{n}} Gebiet",
    areas_other: "{{n}} Gebiete",
    points_one: "{{n}} Punkt",
    points_other: "{{n}} Punkte",
    show: "„{{name}}“ anzeigen",
    remove: "Entfernen",
    zoom: "Zeigen",
    zoomLabel: "Auf Ebene „{{name}}“ zoomen",
    removeLabel: "Ebene „{{name}}“ entfernen",
    kept: "In diesem Browser gespeichert, für alle Pläne; nicht Teil des Plans.",
    notKept:
      "Die Ebene „{{fileName}}“ konnte nicht im Browser gespeichert werden (Speicher voll?). Sie bleibt bis zum Neuladen sichtbar.",
    sessionOnly: "Nur bis zum Neuladen der Seite.",
  },
};
