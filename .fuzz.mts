import fc from "fast-check";
import { repairAreaGeometry, unionAreas, subtractArea, clipToBoundary, geodesicArea, geodesicPerimeter, isValidAreaGeometry, passesTurfChecks } from "./src/domain/geometry/index.ts";
const coordinate = (o: number) => fc.oneof(fc.integer({min:0,max:20}).map(k=>o+k/1000), fc.double({min:o,max:o+0.02,noNaN:true}), fc.integer({min:0,max:4}).map(k=>o+k*0.005+1e-15*k));
const poly = fc.array(fc.tuple(coordinate(7.4), coordinate(51.5)), {minLength:3,maxLength:10}).map(pts=>({type:"Polygon" as const, coordinates:[[...pts, pts[0]]]}));
const seed = Number(process.argv[2] ?? 1);
const stats = { repairTurf: 0, opsTurf: 0, runs: 0 };
const res = fc.check(fc.property(poly, poly, poly, (p, q, r) => {
  stats.runs++;
  const rs = [p,q,r].map(x => repairAreaGeometry(x));
  for (const x of rs) { if (x.geometry === null) { if (!x.repairs.includes("empty")) throw new Error("null without empty"); continue; }
    if (!isValidAreaGeometry(x.geometry)) throw new Error("repair invalid (own) " + JSON.stringify(x.geometry));
    if (!passesTurfChecks(x.geometry)) throw new Error("repair fails turf " + JSON.stringify(x.geometry)); }
  const [a,b,c] = rs.map(x=>x.geometry);
  if (!a || !b || !c) return true;
  const outs = { u: unionAreas([a,b,c]), s: subtractArea(a,b), i: clipToBoundary(a,b) };
  for (const [k, g] of Object.entries(outs)) { if (g && !isValidAreaGeometry(g)) throw new Error(k + " invalid (own) " + JSON.stringify([a,b,c])); if (g && !passesTurfChecks(g)) stats.opsTurf++; }
  const A = geodesicArea(a); const diff = Math.abs((outs.s?geodesicArea(outs.s):0)+(outs.i?geodesicArea(outs.i):0)-A);
  if (diff > 1e-5*A + 0.05*(geodesicPerimeter(a)+geodesicPerimeter(b))) throw new Error("area mismatch " + diff + " of " + A);
  return true;
}), { seed, numRuns: Number(process.argv[3] ?? 500) });
console.log(res.failed ? "FAIL seed " + seed + " " + String((res as any).errorInstance?.message ?? "").slice(0, 1500) : "ok " + seed + " " + JSON.stringify(stats));
