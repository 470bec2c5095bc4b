import { prepareAnalysisContext, analyseArea, unionOfShapes, pathsToMultiPolygon, createClipShape, prepareArea, measureCoverage, estimateResidents, countFacilities, measureCityShare, measureGeodesic } from "./src/domain/analysis/index.ts";
import { dortmundLikeLevels, syntheticGrid, syntheticPoints, syntheticAreas, areaPolygon, dragVertex } from "./tests/fixtures/analysis/synthetic-dortmund.ts";
let t = performance.now();
const levels = dortmundLikeLevels(1);
console.log("levels", (performance.now()-t).toFixed(0), levels.stadtbezirk[0]!.geometry.type === "Polygon" && (levels.stadtbezirk[0]!.geometry as any).coordinates[0].length, (levels["statistischer-bezirk"][0]!.geometry as any).coordinates[0].length, (levels.unterbezirk[0]!.geometry as any).coordinates[0].length);
const base = prepareAnalysisContext({ city: null, referenceLevels: { unterbezirk: levels.unterbezirk }, populationGrid: null, addresses: null, facilities: [] });
const city = pathsToMultiPolygon(base.frame, unionOfShapes(base.levels.unterbezirk!.shapes));
console.log("city parts", city.coordinates.length, city.coordinates[0]!.length);
t = performance.now();
const ctx = prepareAnalysisContext({
  city,
  referenceLevels: { "statistischer-bezirk": levels["statistischer-bezirk"] },
  populationGrid: { cells: syntheticGrid(2), dataYear: 2011 },
  addresses: { positions: syntheticPoints(100_000, 3), dataYear: 2024 },
  facilities: [1, 2, 3].map((k) => ({ id: `f${k}`, positions: syntheticPoints(1000, 10 + k), categories: Array.from({ length: 1000 }, (_, i) => `c${i % 5}`) })),
});
console.log("prepare", (performance.now()-t).toFixed(0));
const areas = syntheticAreas(50, 4);
const T: Record<string, number[]> = {};
const time = (k: string, f: () => unknown) => { const s = performance.now(); f(); (T[k] ??= []).push(performance.now() - s); };
for (let round = 0; round < 4; round++) {
  for (const k of Object.keys(T)) T[k] = [];
  areas.forEach((a, i) => {
    const g = areaPolygon(dragVertex(a, i % a.radii.length, 20 * round));
    let p!: ReturnType<typeof prepareArea>;
    time("total", () => analyseArea(ctx, { id: a.id, geometry: g }));
    time("prepare", () => { p = prepareArea(ctx.frame, a.id, g); });
    time("geodesic", () => measureGeodesic(g));
    time("city", () => measureCityShare(ctx, p));
    time("coverage", () => measureCoverage(ctx, ctx.levels["statistischer-bezirk"]!, p));
    time("residents", () => estimateResidents(ctx, p));
    time("facilities", () => countFacilities(ctx, p));
  });
  const q = (xs: number[], f: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * f))]!;
  console.log(round, Object.entries(T).map(([k, v]) => `${k} med ${q(v, 0.5).toFixed(2)} p95 ${q(v, 0.95).toFixed(2)} max ${Math.max(...v).toFixed(1)}`).join(" | "));
}
