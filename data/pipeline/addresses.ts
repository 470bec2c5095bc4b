/**
 * Address points: parsed from the city's CSV, checked like any layer, and cut into vector tiles for the
 * schematic basemap (dots where people live, street names at a middle address of each street).
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import GeoJSONVT from "geojson-vt";
import vtpbf from "vt-pbf";

const REQUIRED_COLUMNS = ["strname", "strsl", "hnr", "hnrz", "lon", "lat", "ubz_nr"] as const;

/**
 * Parses the address CSV (comma-separated, header line, no quoting) into point features.
 * Returns problems instead of throwing, naming the line.
 */
export function parseAddressCsv(csv: string): { collection: FeatureCollection<Point>; problems: string[] } {
  // Keep each line's number in the file (1-based) so problems name the right line despite blank lines.
  const lines = csv
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.length > 0);
  const header = (lines[0]?.line ?? "").split(",");
  const problems: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      collection: { type: "FeatureCollection", features: [] },
      problems: [`lacks the columns ${missing.join(", ")} (header: ${header.join(",")})`],
    };
  }
  const index = Object.fromEntries(header.map((h, i) => [h, i])) as Record<string, number>;
  const features: Feature<Point>[] = [];
  const badLines: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i]?.line ?? "").split(",");
    if (cells.length !== header.length) {
      badLines.push(lines[i]?.number ?? i + 1);
      continue;
    }
    const get = (name: string) => cells[index[name] ?? -1] ?? "";
    const lon = Number(get("lon"));
    const lat = Number(get("lat"));
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: {
        strname: get("strname"),
        strsl: get("strsl"),
        hnr: get("hnr"),
        hnrz: get("hnrz"),
        lon: get("lon"),
        lat: get("lat"),
        ubz_nr: get("ubz_nr"),
      },
    });
  }
  if (badLines.length > 0) {
    problems.push(
      `has ${badLines.length} lines with a wrong number of columns (first: line ${badLines.slice(0, 3).join(", ")})`,
    );
  }
  return { collection: { type: "FeatureCollection", features }, problems };
}

/** Articles and prepositions that German street names write in lower case after the first word. */
const LOWER_CASE_WORDS = new Set([
  "am",
  "an",
  "auf",
  "bei",
  "dem",
  "den",
  "der",
  "des",
  "die",
  "das",
  "im",
  "in",
  "und",
  "unter",
  "von",
  "vom",
  "zu",
  "zum",
  "zur",
  "über",
  "vor",
  "hinter",
]);

/** "AM HOMBRUCHSFELD" → "Am Hombruchsfeld"; "PLATZ DER DEUTSCHEN EINHEIT" → "Platz der Deutschen Einheit". */
export function titleCaseStreet(name: string): string {
  const capitalised = name
    .toLocaleLowerCase("de-DE")
    .replace(
      /(^|[\s\-(./])(\p{L})/gu,
      (_, sep: string, letter: string) => sep + letter.toLocaleUpperCase("de-DE"),
    );
  return capitalised
    .split(" ")
    .map((word, i) =>
      i > 0 && LOWER_CASE_WORDS.has(word.toLocaleLowerCase("de-DE")) ? word.toLocaleLowerCase("de-DE") : word,
    )
    .join(" ");
}

/** One label point per street: the address nearest to the mean of the street's addresses. */
export function streetLabels(addresses: FeatureCollection<Point>): FeatureCollection<Point> {
  const byStreet = new Map<string, { name: string; points: number[][] }>();
  for (const f of addresses.features) {
    const p = f.properties as Record<string, string>;
    const key = p.strsl || p.strname || "";
    const entry = byStreet.get(key) ?? { name: p.strname ?? "", points: [] };
    entry.points.push(f.geometry.coordinates);
    byStreet.set(key, entry);
  }
  const features: Feature<Point>[] = [];
  for (const { name, points } of byStreet.values()) {
    let mx = 0;
    let my = 0;
    for (const [x = 0, y = 0] of points) {
      mx += x;
      my += y;
    }
    mx /= points.length;
    my /= points.length;
    let best = points[0] ?? [mx, my];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const p of points) {
      const d = ((p[0] ?? 0) - mx) ** 2 + ((p[1] ?? 0) - my) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: best },
      properties: { name: titleCaseStreet(name), addresses: points.length },
    });
  }
  return { type: "FeatureCollection", features };
}

function tileRange(z: number, bbox: [number, number, number, number]) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(bbox[0]), x1: x(bbox[2]), y0: y(bbox[3]), y1: y(bbox[1]) };
}

export const ADDRESS_TILE_MIN_ZOOM = 10;
export const ADDRESS_TILE_MAX_ZOOM = 14;

/**
 * At low zoom a dot is smaller than a pixel and 110,000 of them only cost drawing time, so only every
 * k-th address goes into the tile (the file is ordered by street, so the sample stays even).
 */
export function addressSampleStep(zoom: number): number {
  if (zoom <= 10) return 4;
  if (zoom === 11) return 3;
  if (zoom === 12) return 2;
  return 1;
}

/**
 * Cuts addresses and street labels into Mapbox Vector Tiles (layers "addresses" and "streets").
 * Returns path → bytes for every non-empty tile from zoom 10 to 14.
 */
export function buildAddressTiles(
  addresses: FeatureCollection<Point>,
  streets: FeatureCollection<Point>,
  bbox: [number, number, number, number],
): Map<string, Uint8Array> {
  const options = { maxZoom: ADDRESS_TILE_MAX_ZOOM, indexMaxZoom: 5, buffer: 32 };
  const indexes = new Map<number, GeoJSONVT>();
  const addressIndex = (zoom: number) => {
    const step = addressSampleStep(zoom);
    let index = indexes.get(step);
    if (!index) {
      const sample: FeatureCollection<Point> = {
        type: "FeatureCollection",
        features: addresses.features
          .filter((_, i) => i % step === 0)
          .map((f) => ({ type: "Feature", geometry: f.geometry, properties: {} })),
      };
      index = new GeoJSONVT(sample, options);
      indexes.set(step, index);
    }
    return index;
  };
  const streetIndex = new GeoJSONVT(streets, options);
  const tiles = new Map<string, Uint8Array>();
  for (let z = ADDRESS_TILE_MIN_ZOOM; z <= ADDRESS_TILE_MAX_ZOOM; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, bbox);
    const index = addressIndex(z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const a = index.getTile(z, x, y);
        const s = streetIndex.getTile(z, x, y);
        if (!a && !s) continue;
        const bytes = vtpbf.fromGeojsonVt(
          { addresses: a ?? { features: [] }, streets: s ?? { features: [] } },
          { version: 2 },
        );
        tiles.set(`${z}/${x}/${y}.pbf`, bytes);
      }
    }
  }
  return tiles;
}
