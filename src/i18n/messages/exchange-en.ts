/** English messages of the exchange; same keys and placeholders as exchange-de.ts. */
import type { exchangeDe } from "./exchange-de.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const exchangeEn: Widen<typeof exchangeDe> = {
  formats: {
    geojson: "GeoJSON",
    kml: "KML (Google Earth)",
    kmz: "KMZ (Google Earth, zipped)",
    gpx: "GPX (GPS data)",
    shapefile: "Shapefile (zip)",
    geopackage: "GeoPackage",
    csv: "CSV table (German Excel)",
    "csv-intl": "CSV table (international)",
  },
  kinds: {
    areas: "areas",
    points: "points",
    mixed: "areas and points",
  },
  progress: {
    reading: "Reading the file …",
    parsing: "Reading its content …",
    checking: "Checking geometries …",
    done: "Done",
  },
  unnamedArea: "Imported area {{n}}",
  problems: {
    "too-large": "The file is too large ({{bytes}} bytes). At most {{maxBytes}} bytes are possible.",
    "empty-file": "The file is empty.",
    "not-geodata":
      "“{{fileName}}” holds no readable geodata. Possible are GeoJSON, KML, KMZ, GPX, Shapefile (as a zip), GeoPackage and CSV with coordinates.",
    "truncated-json":
      "The GeoJSON file breaks off in the middle, probably an incomplete download. Please download it again.",
    "invalid-json": "The file is not valid JSON (error at character {{position}}).",
    "not-geojson": "The file is JSON but not GeoJSON: there is no Feature, FeatureCollection or geometry.",
    "invalid-xml": "The KML or GPX file is damaged and cannot be read.",
    "invalid-zip": "The zip archive cannot be read ({{detail}}).",
    "zip-bomb":
      "The zip archive would take {{declaredBytes}} bytes or more when unpacked; {{maxBytes}} bytes are allowed. It is not opened, for safety.",
    "zip-without-geodata": "The zip archive ({{entries}} files) holds no Shapefile, KML or GeoJSON.",
    "shapefile-not-zipped":
      "A Shapefile consists of several files (.shp, .dbf, .prj …). Please import them together as a zip archive.",
    "invalid-shapefile": "The Shapefile is damaged ({{detail}}).",
    "invalid-geopackage": "The file is not a readable GeoPackage ({{detail}}).",
    "csv-without-coordinates":
      "The CSV table has no coordinate columns. Expected are lon/lat, easting/northing, x/y or a WKT column. Columns found: {{columns}}.",
    "unknown-crs": "The file's coordinate reference system is unknown: {{crs}}.",
    "needs-crs":
      "The file does not state its coordinate reference system. Please choose: WGS 84 (longitude/latitude, EPSG:4326) or ETRS89 / UTM 32N (metres, EPSG:25832).",
    "needs-crs-suggestion": "Judging by the coordinates it is probably {{suggestion}}.",
    "no-features": "The file holds no usable area and no point.",
    "too-many-features": "The file holds {{count}} features; at most {{maxFeatures}} are possible.",
    "too-many-vertices": "The file holds {{vertices}} vertices; at most {{maxVertices}} are possible.",
  },
  repairs: {
    "3d-coordinates-dropped": "Heights were removed.",
    "unclosed-ring-closed": "A ring that was not closed was closed.",
    "self-intersection-repaired": "A ring crossing itself was split into simple parts.",
    "overlaps-merged": "Overlapping parts were merged.",
    "touching-rings-separated": "Parts touching each other were moved apart by about a millimetre.",
    "slivers-removed": "Thin slivers were removed.",
    "invalid-positions-removed": "Unusable coordinates were removed.",
    "line-closed-to-area": "A closed line was taken as an area.",
    "geometry-collection-split": "Only the areas of a geometry collection were taken.",
  },
  dropped: {
    "null-geometry": "No geometry.",
    "empty-geometry": "The geometry is empty.",
    "invalid-coordinates": "The coordinates are not numbers or are nested wrongly.",
    "coordinates-out-of-range":
      "The coordinates lie outside the valid range (longitude ±180°, latitude ±90°) – wrong coordinate reference system?",
    "geometry-collection": "A geometry collection without an area.",
    "open-line": "An open line encloses no area.",
    "unsupported-geometry": "The geometry type “{{type}}” is not supported.",
    "too-small": "At {{areaM2}} m² smaller than the minimum size of {{minAreaM2}} m².",
    "too-many-vertices": "More than {{maxVertices}} vertices.",
    "too-complex-to-repair":
      "Broken, and with {{vertices}} vertices too large to repair (at most {{maxVertices}}).",
    "unreadable-row": "The coordinates of this row cannot be read.",
  },
  report: {
    summary: "{{count}} of {{total}} features taken ({{format}}, {{crs}}).",
    repairedHeading: "Repaired",
    droppedHeading: "Not taken",
    item: "{{name}} (no. {{n}}): {{message}}",
  },
};
