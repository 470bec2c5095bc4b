import { loadGeneratedLayers } from "./tests/fixtures/analysis/load-generated.ts";
import { prepareAnalysisContext, analyseArea, districtOfPoint } from "./src/domain/analysis/index.ts";
let t = performance.now();
const g = loadGeneratedLayers("public/generated");
console.log("load", (performance.now()-t).toFixed(0)); t = performance.now();
const ctx = prepareAnalysisContext(g.source);
console.log("prepare", (performance.now()-t).toFixed(0));
console.log("addr prep", ctx.addresses?.residentsPlaced, ctx.addresses?.residentsUnplaced, ctx.addresses?.cellsWithoutAddresses, ctx.addresses?.addressesOutsideGrid, ctx.grid?.totalResidents);
const ubz = g.source.referenceLevels.unterbezirk!;
let aw=0, da=0; t=performance.now();
const times:number[]=[];
for (const u of ubz) { const s=performance.now(); const r = analyseArea(ctx, {id:u.code, geometry:u.geometry}); times.push(performance.now()-s); aw += r.residents!.figures[0]!.residents; da += r.residents!.figures[1]?.residents ?? 0; }
times.sort((a,b)=>a-b);
console.log("170 ubz", (performance.now()-t).toFixed(0), "median", times[85]!.toFixed(2), "max", times[169]!.toFixed(2), aw, da, g.catalogue.summary.residentsGridInCity);
const city = analyseArea(ctx, {id:"city", geometry:g.source.city!});
console.log("city", city.residents?.figures, city.city);
const level = ctx.levels.unterbezirk!;
let none=0, own=0; const pos=g.addresses.positions;
for (let i=0;i<pos.length/2;i++){ const d=districtOfPoint(level,pos[2*i]!,pos[2*i+1]!); if(d<0) none++; else if(level.codes[d]===g.addresses.districtCodes[g.addresses.districtIndex[i]!]) own++; }
console.log("addresses none", none, "own", own, pos.length/2);
