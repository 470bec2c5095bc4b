#!/usr/bin/env python3
"""GEOS peer of the analysis benchmark (PERFORMANCE.md): the same seeded synthetic data, the same work.

Run by `analysis.bench.ts` (not on its own): it writes one JSON input file with the geometries it
benchmarks itself and calls `python3 geos_bench.py INPUT.json`; this prints one JSON object on stdout.
Uses the shapely 1.8 API (Debian `python3-shapely`): shapely.geometry.shape, shapely.strtree.STRtree,
shapely.prepared.prep and shapely.vectorized.contains (a C loop over points against a prepared geometry).

Coordinates of B2 and B3 arrive in an equal-area plane (longitude in radians and the authalic latitude
function, scaled to metres near the origin), so plane areas here are the ellipsoidal areas the
TypeScript side reports. B1 gets lon/lat as they are (point-in-polygon does not care about units).

- B2 coverage: for every area, the districts from an STRtree over the level, `intersection().area` of
  each (>= 1 m² counts as covered, as in ours), and the census cells from an STRtree over the grid with
  residents weighted by the share of each cell inside (as ours does); also the area's own area and
  perimeter. Trees are built once, untimed (ours prepares its context untimed too).
- B3 overlaps: an STRtree over the areas (built inside the timing, as ours builds its Flatbush), each
  pair whose envelopes meet once (i < j), intersection geometry and its area; pairs >= 1 m² count.
- B1 points: a bucket grid over the points (numpy, built untimed like ours), per area the points of
  the grid columns its envelope touches, then shapely.vectorized.contains against the prepared area.

Each case runs `warmup` times untimed and `runs` times timed (time.perf_counter); the answers of the
last run (totals, pairs, counts) go into the output for the caller to compare with its own.
"""
import json
import math
import sys
import time
import warnings

import numpy as np
import shapely
import shapely.geos
from shapely.geometry import shape
from shapely.prepared import prep
from shapely.strtree import STRtree
from shapely.vectorized import contains

MIN_COVERED_M2 = 1.0

# shapely 1.8 warns that STRtree's `items` argument goes away in 2.0; this script is written for 1.8.
warnings.filterwarnings("ignore", message="STRtree will be changed")


def polygon(coordinates):
    return shape({"type": "Polygon", "coordinates": coordinates})


def timed(fn, runs, warmup):
    for _ in range(warmup):
        fn()
    times = []
    result = None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000.0)
    return times, result


def summary(times):
    s = sorted(times)
    n = len(s)
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    p95 = s[min(n - 1, max(0, math.ceil(0.95 * n) - 1))]
    return med, p95


def coverage_case(areas, districts, district_tree, cells, cell_areas, residents, grid_tree):
    def run():
        covered_m2 = 0.0
        covered_pairs = 0
        weighted = 0.0
        own = 0.0
        for area in areas:
            own += area.area
            area.length
            for i in district_tree.query_items(area):
                m2 = area.intersection(districts[i]).area
                if m2 >= MIN_COVERED_M2:
                    covered_m2 += m2
                    covered_pairs += 1
            for c in grid_tree.query_items(area):
                m2 = area.intersection(cells[c]).area
                if m2 > 0:
                    weighted += residents[c] * min(1.0, m2 / cell_areas[c])
        return {
            "covered_m2": covered_m2,
            "covered_pairs": covered_pairs,
            "residents": weighted,
            "areas_m2": own,
        }

    return run


def overlap_case(areas):
    def run():
        tree = STRtree(areas, range(len(areas)))
        pairs = []
        total = 0.0
        for i, area in enumerate(areas):
            for j in sorted(j for j in tree.query_items(area) if j > i):
                m2 = area.intersection(areas[j]).area
                if m2 >= MIN_COVERED_M2:
                    pairs.append([i, j])
                    total += m2
        return {"pairs": pairs, "overlap_m2": total}

    return run


class PointGrid:
    """Points sorted into a bucket grid: the points of one column's run of cells are one slice."""

    def __init__(self, xy, cells=256):
        x, y = xy[:, 0], xy[:, 1]
        self.x0, self.y0 = float(x.min()), float(y.min())
        self.n = cells
        self.dx = (float(x.max()) - self.x0) / cells or 1.0
        self.dy = (float(y.max()) - self.y0) / cells or 1.0
        ix = np.clip(((x - self.x0) / self.dx).astype(np.int64), 0, cells - 1)
        iy = np.clip(((y - self.y0) / self.dy).astype(np.int64), 0, cells - 1)
        key = ix * cells + iy
        order = np.argsort(key, kind="stable")
        self.x = np.ascontiguousarray(x[order])
        self.y = np.ascontiguousarray(y[order])
        self.start = np.searchsorted(key[order], np.arange(cells * cells + 1))

    def candidates(self, box):
        clamp = lambda v: min(self.n - 1, max(0, v))  # noqa: E731
        i0 = clamp(int((box[0] - self.x0) / self.dx))
        i1 = clamp(int((box[2] - self.x0) / self.dx))
        j0 = clamp(int((box[1] - self.y0) / self.dy))
        j1 = clamp(int((box[3] - self.y0) / self.dy))
        slices = [slice(self.start[i * self.n + j0], self.start[i * self.n + j1 + 1]) for i in range(i0, i1 + 1)]
        return np.concatenate([self.x[s] for s in slices]), np.concatenate([self.y[s] for s in slices])


def points_case(grid, areas):
    def run():
        counts = []
        for area in areas:
            xs, ys = grid.candidates(area.bounds)
            counts.append(int(np.count_nonzero(contains(prep(area), xs, ys))) if len(xs) else 0)
        return {"counts": counts}

    return run


def main():
    with open(sys.argv[1], encoding="utf8") as f:
        data = json.load(f)
    runs = int(data.get("runs", 5))
    warmup = int(data.get("warmup", 2))
    started = time.perf_counter()

    areas = {k: [polygon(c) for c in v] for k, v in data["areas"].items()}
    levels = []
    for level in data["levels"]:
        districts = [polygon(c) for c in level["districts"]]
        levels.append((districts, STRtree(districts, range(len(districts)))))
    cells = [polygon(c) for c in data["grid"]["cells"]]
    cell_areas = [c.area for c in cells]
    residents = [r or 0 for r in data["grid"]["residents"]]
    grid_tree = STRtree(cells, range(len(cells)))

    results = []

    def record(case, fn, case_runs=runs, case_warmup=warmup):
        times, answer = timed(fn, case_runs, case_warmup)
        med, p95 = summary(times)
        results.append({"key": case["key"], "median_ms": med, "p95_ms": p95, "times_ms": times, "answer": answer})

    for case in data.get("b2", []):
        districts, tree = levels[case["level"]]
        record(case, coverage_case(areas[case["areas"]], districts, tree, cells, cell_areas, residents, grid_tree))
    for case in data.get("b3", []):
        record(case, overlap_case(areas[case["areas"]]))
    grids = {}
    lonlat = {k: [polygon(c) for c in v] for k, v in data.get("areas_lonlat", {}).items()}
    for case in data.get("b1", []):
        if case["points"] not in grids:
            xy = np.fromfile(data["points"][case["points"]], dtype="<f8").reshape(-1, 2)
            grids[case["points"]] = PointGrid(xy)
        record(case, points_case(grids[case["points"]], lonlat[case["areas"]]))

    print(
        json.dumps(
            {
                "shapely": shapely.__version__,
                "geos": ".".join(str(v) for v in shapely.geos.geos_version),
                "python": sys.version.split()[0],
                "runs": runs,
                "warmup": warmup,
                "seconds": time.perf_counter() - started,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
