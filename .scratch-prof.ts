import { loadGeneratedLayers } from "./tests/fixtures/analysis/load-generated.ts";
import { prepareAnalysisContext, prepareArea, measureCoverage, estimateResidents, countFacilities, measureCityShare } from "./src/domain/analysis/index.ts";
import { geodesicArea, geodesicPerimeter } from "./src/domain/geometry/measure-area.ts";
const g = loadGeneratedLayers("public/generated");
const ctx = prepareAnalysisContext(g.source);
const ubz = g.source.referenceLevels.unterbezirk!;
const T: Record<string, number[]> = {};
const time = (k: string, f: () => unknown) => { const s = performance.now(); f(); (T[k] ??= []).push(performance.now() - s); };
for (let round = 0; round < 3; round++) {
  for (const k of Object.keys(T)) T[k] = [];
  for (const u of ubz) {
    let a!: ReturnType<typeof prepareArea>;
    time("prepare", () => { a = prepareArea(ctx.frame, u.code, u.geometry); });
    time("geodesic", () => { geodesicArea(u.geometry); geodesicPerimeter(u.geometry); });
    time("city", () => measureCityShare(ctx, a));
    for (const l of ["stadtbezirk", "statistischer-bezirk", "unterbezirk"] as const) time(l, () => measureCoverage(ctx, ctx.levels[l]!, a));
    time("residents", () => estimateResidents(ctx, a));
    time("facilities", () => countFacilities(ctx, a));
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  console.log(round, Object.entries(T).map(([k, v]) => `${k} med ${med(v).toFixed(2)} max ${Math.max(...v).toFixed(1)} sum ${v.reduce((s, x) => s + x, 0).toFixed(0)}`).join("\n"));
}
console.log(ubz.map(u => u.geometry.type === "Polygon" ? u.geometry.coordinates[0]!.length : -1).sort((a,b)=>a-b)[85]);
