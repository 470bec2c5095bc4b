/**
 * The GEOS peer of the analysis benchmark: finds a Python with shapely (Debian `python3-shapely`),
 * writes the benchmark's own synthetic geometries to one JSON input file and runs `geos_bench.py` on it.
 *
 * Coverage and overlap geometries are written in an equal-area plane: x = longitude in radians and
 * y = the authalic latitude function q, scaled so that both read as metres near the origin and their
 * product is the ellipsoid's area element (b²/2 dλ dq). Plane areas in GEOS are then the ellipsoidal
 * areas that our `geometry/measure-area.ts` reports (it runs the shoelace formula on the same (λ, q)), so
 * totals can be compared to 1e-3 and GEOS does the same intersection work in metre-sized coordinates.
 * Points and the areas they are counted in stay in lon/lat (containment needs no metric).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Position } from "geojson";
import { authalicQ } from "../../src/domain/geometry/measure-area.ts";
import type { AreaGeometry } from "../../src/domain/model/plan.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** A Python interpreter that imports shapely, with the versions it reports. */
export interface GeosPython {
  python: string;
  shapely: string;
  geos: string;
}

/** The first of $PYTHON, python3 and /usr/bin/python3 that imports shapely; null if none does. */
export function findGeosPython(): GeosPython | null {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3"].filter(
    (c, i, all): c is string => !!c && all.indexOf(c) === i,
  );
  for (const python of candidates) {
    const probe = spawnSync(
      python,
      [
        "-c",
        "import shapely, shapely.geos, shapely.vectorized; print(shapely.__version__, '.'.join(map(str, shapely.geos.geos_version)))",
      ],
      { encoding: "utf8", timeout: 20_000 },
    );
    if (probe.status === 0) {
      const [shapely = "?", geos = "?"] = probe.stdout.trim().split(/\s+/);
      return { python, shapely, geos };
    }
  }
  return null;
}

const RADIANS = Math.PI / 180;
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
/** b²/2, the factor of the area element in (λ, q). */
const HALF_B2 = (A * A * (1 - E2)) / 2;

/** An equal-area map of lon/lat to metre-like plane coordinates around `origin` (see the header). */
export function equalAreaPlane(origin: [number, number]): (p: Position) => [number, number] {
  const [lon0, lat0] = origin;
  const sin = Math.sin(lat0 * RADIANS);
  /** Metres per radian of longitude at the origin (N cos φ). */
  const k = (A * Math.cos(lat0 * RADIANS)) / Math.sqrt(1 - E2 * sin * sin);
  const q0 = authalicQ(lat0);
  return (p) => [((p[0] as number) - lon0) * RADIANS * k, ((authalicQ(p[1] as number) - q0) * HALF_B2) / k];
}

function polygonCoordinates(geometry: AreaGeometry, map?: (p: Position) => Position): Position[][] {
  if (geometry.type !== "Polygon") throw new Error("the GEOS peer takes single polygons only");
  return geometry.coordinates.map((ring) => (map ? ring.map(map) : ring));
}

/** Everything the peer runs: geometries by name and the cases to time (keys chosen by the caller). */
export interface GeosInput {
  runs: number;
  warmup: number;
  origin: [number, number];
  /** Area sets by name (e.g. "50"), lon/lat. */
  areaSets: Map<string, AreaGeometry[]>;
  /** District levels, lon/lat; cases refer to them by index. */
  levels: AreaGeometry[][];
  grid: { geometry: AreaGeometry; residents: number | null }[];
  b2: { key: string; level: number; areas: string }[];
  b3: { key: string; areas: string }[];
  /** Point layers by name, interleaved lon, lat. */
  points: Map<string, Float64Array>;
  b1: { key: string; points: string; areas: string }[];
}

/** One timed case of the peer with the answers of its last run. */
export interface GeosResult {
  key: string;
  median_ms: number;
  p95_ms: number;
  times_ms: number[];
  answer: {
    covered_m2?: number;
    covered_pairs?: number;
    residents?: number;
    areas_m2?: number;
    pairs?: [number, number][];
    overlap_m2?: number;
    counts?: number[];
  };
}

export interface GeosOutput {
  shapely: string;
  geos: string;
  python: string;
  runs: number;
  warmup: number;
  seconds: number;
  results: GeosResult[];
}

/** Writes the input to a temporary directory, runs geos_bench.py and returns its output (throws on failure). */
export function runGeosPeer(python: string, input: GeosInput, timeoutMs = 150_000): GeosOutput {
  const dir = mkdtempSync(join(tmpdir(), "geos-bench-"));
  try {
    const plane = equalAreaPlane(input.origin);
    // Point layers as raw little-endian doubles, interleaved lon, lat (read with numpy.fromfile).
    if (new Uint8Array(Float64Array.of(1).buffer)[7] !== 0x3f) throw new Error("big-endian host");
    const pointFiles: Record<string, string> = {};
    for (const name of new Set(input.b1.map((c) => c.points))) {
      const positions = input.points.get(name);
      if (!positions) throw new Error(`no point layer ${name}`);
      const file = join(dir, `points-${Object.keys(pointFiles).length}.f64`);
      writeFileSync(file, new Uint8Array(positions.buffer, positions.byteOffset, positions.byteLength));
      pointFiles[name] = file;
    }
    const json = {
      runs: input.runs,
      warmup: input.warmup,
      areas: Object.fromEntries(
        [...input.areaSets].map(([name, gs]) => [name, gs.map((g) => polygonCoordinates(g, plane))]),
      ),
      areas_lonlat: Object.fromEntries(
        [...new Set(input.b1.map((c) => c.areas))].map((name) => [
          name,
          (input.areaSets.get(name) ?? []).map((g) => polygonCoordinates(g)),
        ]),
      ),
      levels: input.levels.map((districts) => ({
        districts: districts.map((g) => polygonCoordinates(g, plane)),
      })),
      grid: {
        cells: input.grid.map((c) => polygonCoordinates(c.geometry, plane)),
        residents: input.grid.map((c) => c.residents),
      },
      b2: input.b2,
      b3: input.b3,
      points: pointFiles,
      b1: input.b1,
    };
    const file = join(dir, "input.json");
    writeFileSync(file, JSON.stringify(json));
    const run = spawnSync(python, [join(here, "geos_bench.py"), file], {
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    if (run.status !== 0)
      throw new Error(`geos_bench.py exited ${run.status}: ${run.stderr.trim().slice(-2000)}`);
    return JSON.parse(run.stdout) as GeosOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
