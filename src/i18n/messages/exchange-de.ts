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
    "not-geojson":
      "Die Datei ist JSON, aber kein GeoJSON: Es fehlt ein Feature, eine FeatureCollection oder eine Geometrie.",
    "invalid-xml": "Die KML- oder GPX-Datei ist beschädigt und kann nicht gelesen werden.",
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
  report: {
    summary: "{{count}} von {{total}} Objekten übernommen ({{format}}, {{crs}}).",
    repairedHeading: "Repariert",
    droppedHeading: "Nicht übernommen",
    item: "{{name}} (Nr. {{n}}): {{message}}",
  },
};
