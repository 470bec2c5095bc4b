/**
 * The offline OpenStreetMap basemap: reads the GeoJSON layers of `basemap-osm/` (OSM of February 2020,
 * via an OpenMapTiles extract), checks them, and cuts them into one set of vector tiles (zoom 8-14,
 * overzoomed above) that the app serves from its own origin and the service worker precaches.
 *
 * Why tiles from the GeoJSON and not the PMTiles archive of the same folder (docs/basemap.md): the
 * archive is 24 MB, mostly buildings, house numbers and POIs a planning map does not draw, and a
 * service worker would have to precache it whole and answer range requests; the tiles cut here carry
 * only what the style draws, each feature only from the zoom where it is drawn, in a few MB of plain
 * files that precache like the address tiles, and they let the step write full street names.
 *
 * Each tile has the layers `landuse`, `water`, `waterway`, `roads`, `rail`, `paths` and `names`
 * (attributes in BASEMAP_TILE_LAYERS below; the style in src/map/basemap-style.ts reads them).
 */
import type { Feature, FeatureCollection } from "geojson";
import GeoJSONVT from "geojson-vt";
import vtpbf from "vt-pbf";
import { titleCaseStreet } from "./addresses.ts";

/** Zoom levels of the tiles; the style overzooms the last one. */
export const BASEMAP_MIN_ZOOM = 8;
export const BASEMAP_MAX_ZOOM = 14;

/** The folder's files besides the roads (the catalogue definition's own source). */
export const BASEMAP_FILES = {
  roads: "basemap-osm/dortmund_osm_roads.geojson",
  paths: "basemap-osm/dortmund_osm_paths.geojson",
  rail: "basemap-osm/dortmund_osm_rail.geojson",
  waterways: "basemap-osm/dortmund_osm_waterways.geojson",
  water: "basemap-osm/dortmund_osm_water.geojson",
  landuse: "basemap-osm/dortmund_osm_landuse_landcover.geojson",
  names: "basemap-osm/dortmund_osm_street_names.geojson",
} as const;
export type BasemapFile = keyof typeof BASEMAP_FILES;

const LINES = ["LineString", "MultiLineString"];
const AREAS = ["Polygon", "MultiPolygon"];

/** What each file must hold: feature counts (the 2020 extract's, with room), geometry, a property. */
export const BASEMAP_CHECKS: Record<
  BasemapFile,
  { min: number; max: number; geometryTypes: string[]; property: string }
> = {
  roads: { min: 30000, max: 60000, geometryTypes: LINES, property: "class" },
  paths: { min: 25000, max: 55000, geometryTypes: LINES, property: "subclass" },
  rail: { min: 2500, max: 5000, geometryTypes: LINES, property: "class" },
  waterways: { min: 2000, max: 4000, geometryTypes: LINES, property: "class" },
  water: { min: 500, max: 1200, geometryTypes: AREAS, property: "class" },
  landuse: { min: 10000, max: 20000, geometryTypes: AREAS, property: "class" },
  names: { min: 12000, max: 22000, geometryTypes: LINES, property: "name" },
};

/**
 * Checks one basemap file: a FeatureCollection, the expected count, the geometry types, the property
 * (on at least 99 % of the features), every coordinate inside `envelope`. Polygon validity is not checked: the basemap is only drawn, and
 * the source itself reports one landuse polygon it could not repair. Returns problems as sentences.
 */
export function checkBasemapFile(
  file: BasemapFile,
  data: unknown,
  envelope: [number, number, number, number],
  checks: typeof BASEMAP_CHECKS = BASEMAP_CHECKS,
): string[] {
  const check = checks[file];
  const collection = data as FeatureCollection;
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    return ["is not a GeoJSON FeatureCollection"];
  }
  const problems: string[] = [];
  const count = collection.features.length;
  if (count < check.min || count > check.max) {
    problems.push(`has ${count} features, expected between ${check.min} and ${check.max}`);
  }
  const [west, south, east, north] = envelope;
  let wrongType = 0;
  let outside = 0;
  let withoutProperty = 0;
  for (const feature of collection.features) {
    const geometry = feature?.geometry;
    if (!geometry || !check.geometryTypes.includes(geometry.type)) {
      wrongType++;
      continue;
    }
    const flat = (geometry as { coordinates: unknown }).coordinates;
    const stack: unknown[] = [flat];
    let isOutside = false;
    while (stack.length > 0 && !isOutside) {
      const item = stack.pop() as unknown[];
      if (typeof item[0] === "number") {
        const [x, y] = item as number[];
        if (!(x !== undefined && y !== undefined && x >= west && x <= east && y >= south && y <= north)) {
          isOutside = true;
        }
      } else {
        for (const child of item) stack.push(child);
      }
    }
    if (isOutside) outside++;
    // The names file labels by name or by road number (ref): either will do.
    const properties = feature.properties ?? {};
    const value = properties[check.property] ?? (file === "names" ? properties.ref : undefined);
    if (value === undefined || value === null || value === "") withoutProperty++;
  }
  if (wrongType > 0) problems.push(`has ${wrongType} features that are not ${check.geometryTypes.join("/")}`);
  if (outside > 0) {
    problems.push(`has ${outside} features outside the Dortmund area [${envelope.join(", ")}]`);
  }
  // A few features without the class are drawn as the most common kind (14 of 39,818 paths in 2020).
  if (withoutProperty > count / 100) {
    problems.push(`has ${withoutProperty} features without "${check.property}" (more than 1 %)`);
  }
  return problems;
}

/** A feature as it goes into the tiles: geometry, the few attributes the style reads, its first zoom. */
interface TileFeature {
  layer: string;
  minzoom: number;
  feature: Feature;
}

/** Landuse and landcover classes grouped into what the style colours; missing classes are left out. */
const LANDUSE_GROUPS: Record<string, { kind: string; minzoom: number }> = {
  wood: { kind: "wood", minzoom: 8 },
  grass: { kind: "grass", minzoom: 11 },
  park: { kind: "park", minzoom: 8 },
  recreation_ground: { kind: "park", minzoom: 10 },
  farmland: { kind: "farmland", minzoom: 9 },
  wetland: { kind: "grass", minzoom: 11 },
  cemetery: { kind: "cemetery", minzoom: 11 },
  residential: { kind: "residential", minzoom: 10 },
  industrial: { kind: "industrial", minzoom: 10 },
  commercial: { kind: "industrial", minzoom: 11 },
  retail: { kind: "industrial", minzoom: 11 },
  garages: { kind: "industrial", minzoom: 13 },
  railway: { kind: "railway", minzoom: 11 },
  pitch: { kind: "sport", minzoom: 12 },
  playground: { kind: "sport", minzoom: 13 },
  stadium: { kind: "sport", minzoom: 11 },
  school: { kind: "public", minzoom: 12 },
  kindergarten: { kind: "public", minzoom: 13 },
  hospital: { kind: "public", minzoom: 12 },
  university: { kind: "public", minzoom: 11 },
  college: { kind: "public", minzoom: 12 },
  library: { kind: "public", minzoom: 13 },
  zoo: { kind: "park", minzoom: 11 },
  sand: { kind: "sand", minzoom: 12 },
};

/** First zoom of each road class (major roads first: the city zoom shows only the network). */
const ROAD_MIN_ZOOM: Record<string, number> = {
  motorway: 8,
  trunk: 8,
  primary: 9,
  secondary: 10,
  tertiary: 11,
  minor: 12,
  service: 14,
  track: 14,
};

/** First zoom of a road's name label, by class; unnamed classes are not labelled. */
const NAME_MIN_ZOOM: Record<string, number> = {
  motorway: 10,
  trunk: 10,
  primary: 12,
  secondary: 12,
  tertiary: 13,
  minor: 14,
  service: 14,
  track: 14,
  path: 14,
};

const normaliseStreet = (name: string) =>
  name
    .toLocaleLowerCase("de-DE")
    .replace(/strasse\b/g, "straße")
    .replace(/str\.$/, "straße")
    .replace(/str\.(?=[\s-])/g, "straße")
    .replace(/pl\.(?=$|[\s/-])/g, "platz")
    .replace(/(?<=\S)g\.(?=$|[\s/-])/g, "gasse")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Full street names for the abbreviated ones of the OpenMapTiles extract ("Emil-Figge-Str." →
 * "Emil-Figge-Straße"): the address register's name when it has the street, else "Str.", "Pl." and "G."
 * (Gasse) written out.
 * Names without an abbreviation stay as OSM writes them (its capitals are right; the register's are
 * upper case and only title-cased here).
 */
export function streetNameExpander(addressStreetNames: Iterable<string>): (name: string) => string {
  const full = new Map<string, string>();
  for (const raw of addressStreetNames) {
    const name = titleCaseStreet(raw);
    full.set(normaliseStreet(name), name);
  }
  return (name: string) => {
    if (!name.includes(".")) return name;
    const known = full.get(normaliseStreet(name));
    if (known) return known;
    // "Str." / "Pl." / "G." as a word of their own or after a hyphen, "-str." / "-pl." / "-g." at the end
    // of a compound ("Freiligrathpl.", "Nagelschmiedeg."); "St." (Sankt) and "II." stay.
    return name
      .replace(/(?<=^|[\s/-])Str\.(?=$|[\s/-])/g, "Straße")
      .replace(/(?<=\p{Ll})str\.(?=$|[\s/-])/gu, "straße")
      .replace(/(?<=^|[\s/-])Pl\.(?=$|[\s/-])/g, "Platz")
      .replace(/(?<=\p{Ll})pl\.(?=$|[\s/-])/gu, "platz")
      .replace(/(?<=[\s-])G\.(?=$|[\s/-])/g, "Gasse")
      .replace(/(?<=\p{Ll})g\.(?=$|[\s/-])/gu, "gasse");
  };
}

const line = (f: Feature) => f.geometry;

/** Every basemap feature with its tile layer, the attributes the style reads, and its first zoom. */
export function basemapTileFeatures(
  files: Record<BasemapFile, FeatureCollection>,
  expandName: (name: string) => string,
): TileFeature[] {
  const out: TileFeature[] = [];
  const push = (layer: string, minzoom: number, f: Feature, properties: Record<string, unknown>) => {
    if (!f.geometry) return;
    out.push({ layer, minzoom, feature: { type: "Feature", geometry: line(f), properties } });
  };
  for (const f of files.landuse.features) {
    const group = LANDUSE_GROUPS[String(f.properties?.class)];
    if (group) push("landuse", group.minzoom, f, { kind: group.kind });
  }
  for (const f of files.water.features) push("water", 8, f, {});
  for (const f of files.waterways.features) {
    const kind = String(f.properties?.class);
    const minzoom = kind === "river" || kind === "canal" ? 8 : kind === "stream" ? 12 : 13;
    push("waterway", minzoom, f, { kind, ...(f.properties?.brunnel === "tunnel" ? { tunnel: 1 } : {}) });
  }
  for (const f of files.roads.features) {
    const kind = String(f.properties?.class).replace(/_construction$/, "");
    const minzoom = ROAD_MIN_ZOOM[kind];
    if (minzoom === undefined) continue;
    const brunnel = f.properties?.brunnel;
    push("roads", minzoom, f, {
      kind,
      ...(brunnel === "tunnel" || brunnel === "bridge" ? { brunnel } : {}),
    });
  }
  for (const f of files.rail.features) {
    const transit = f.properties?.class === "transit";
    const service = Boolean(f.properties?.service);
    const minzoom = service ? 13 : transit ? 11 : 8;
    push("rail", minzoom, f, {
      kind: transit ? "transit" : "rail",
      ...(service ? { service: 1 } : {}),
      ...(f.properties?.brunnel === "tunnel" ? { tunnel: 1 } : {}),
    });
  }
  for (const f of files.paths.features) {
    const subclass = String(f.properties?.subclass);
    push("paths", 14, f, { kind: subclass === "cycleway" ? "cycleway" : "path" });
  }
  for (const f of files.names.features) {
    const kind = String(f.properties?.class ?? "minor").replace(/_construction$/, "");
    const minzoom = NAME_MIN_ZOOM[kind];
    if (minzoom === undefined) continue;
    const name = f.properties?.name ? expandName(String(f.properties.name)) : "";
    const ref = f.properties?.ref ? String(f.properties.ref) : "";
    if (!name && !ref) continue;
    push("names", minzoom, f, {
      kind,
      ...(name ? { name } : {}),
      ...(ref ? { ref } : {}),
      ...(kind === "motorway" || kind === "trunk" || kind === "primary" ? { major: 1 } : {}),
    });
  }
  return out;
}

/** The tile layers, in the order they are written. */
export const BASEMAP_TILE_LAYERS = ["landuse", "water", "waterway", "roads", "rail", "paths", "names"];

function tileRange(z: number, bbox: [number, number, number, number]) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(bbox[0]), x1: x(bbox[2]), y0: y(bbox[3]), y1: y(bbox[1]) };
}

/**
 * Cuts the features into Mapbox Vector Tiles: path → bytes for every non-empty tile from zoom 8 to 14
 * inside `bbox`. A feature goes into tiles from its first zoom on (the `mz` attribute is used for that
 * and not written).
 */
export function buildBasemapTiles(
  features: TileFeature[],
  bbox: [number, number, number, number],
): Map<string, Uint8Array> {
  const indexes = new Map<string, GeoJSONVT>();
  for (const layer of BASEMAP_TILE_LAYERS) {
    const collection: FeatureCollection = {
      type: "FeatureCollection",
      features: features
        .filter((f) => f.layer === layer)
        .map((f) => ({ ...f.feature, properties: { ...f.feature.properties, mz: f.minzoom } })),
    };
    // Tolerance in 1/4096 of a tile: 2 keeps lines smooth at 1:1; areas take 4, which drops the
    // smallest patches at low zoom (they would be under a pixel) and saves a third of their bytes.
    const tolerance = layer === "landuse" || layer === "water" ? 4 : 2;
    indexes.set(
      layer,
      new GeoJSONVT(collection, { maxZoom: BASEMAP_MAX_ZOOM, indexMaxZoom: 6, buffer: 64, tolerance }),
    );
  }
  const tiles = new Map<string, Uint8Array>();
  for (let z = BASEMAP_MIN_ZOOM; z <= BASEMAP_MAX_ZOOM; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, bbox);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const layers: Record<string, { features: unknown[] }> = {};
        let any = false;
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          const kept = (tile?.features ?? [])
            .filter((f) => Number((f.tags as Record<string, unknown>).mz) <= z)
            .map((f) => {
              const { mz: _mz, ...tags } = f.tags as Record<string, unknown>;
              return { ...f, tags };
            });
          layers[name] = { features: kept };
          if (kept.length > 0) any = true;
        }
        if (!any) continue;
        tiles.set(`${z}/${x}/${y}.pbf`, vtpbf.fromGeojsonVt(layers as never, { version: 2 }));
      }
    }
  }
  return tiles;
}

/**
 * The whole basemap step: reads and checks the folder's other files (`read` parses one file of the
 * data folder; the roads come already read and checked as the catalogue layer's own source), then cuts
 * the tiles. Problems name the file; when there are any, no tiles are made.
 */
export async function buildOsmBasemap(options: {
  roads: FeatureCollection;
  read: (file: string) => Promise<unknown>;
  addressStreetNames: Iterable<string>;
  envelope: [number, number, number, number];
  /** Other expected counts (tests use small files). */
  checks?: typeof BASEMAP_CHECKS;
}): Promise<
  | { ok: true; tiles: Map<string, Uint8Array>; featureCount: number }
  | { ok: false; problems: { file: string; problem: string }[] }
> {
  const files = { roads: options.roads } as Record<BasemapFile, FeatureCollection>;
  const problems: { file: string; problem: string }[] = [];
  for (const key of Object.keys(BASEMAP_FILES) as BasemapFile[]) {
    if (key === "roads") continue;
    const data = await options.read(BASEMAP_FILES[key]);
    for (const problem of checkBasemapFile(key, data, options.envelope, options.checks)) {
      problems.push({ file: BASEMAP_FILES[key], problem });
    }
    files[key] = data as FeatureCollection;
  }
  if (problems.length > 0) return { ok: false, problems };
  const features = basemapTileFeatures(files, streetNameExpander(options.addressStreetNames));
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  for (const { feature } of features) {
    const stack: unknown[] = [(feature.geometry as { coordinates: unknown }).coordinates];
    while (stack.length > 0) {
      const item = stack.pop() as unknown[];
      if (typeof item[0] === "number") {
        const [x = 0, y = 0] = item as number[];
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      } else for (const child of item) stack.push(child);
    }
  }
  const tiles = buildBasemapTiles(features, [west, south, east, north]);
  return { ok: true, tiles, featureCount: features.length };
}
