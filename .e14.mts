import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import { subtractArea, hasRingContacts } from "./src/domain/geometry/index.ts";
let bad = 0, badValid = 0, total = 0;
let s = 7; const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
for (let k = 0; k < 300; k++) {
  const tri = {type:"Polygon" as const, coordinates:[[[7.4,51.5],[7.4+0.02*rnd()+0.01,51.5+0.001*rnd()],[7.4+0.01*rnd(),51.5+0.01+0.01*rnd()],[7.4,51.5]]]};
  const x = 7.402 + 0.005*rnd();
  const band = {type:"Polygon" as const, coordinates:[[[x,51.4],[x+0.0005,51.4],[x+0.0005,51.6],[x,51.6],[x,51.4]]]};
  const r = subtractArea(tri, band);
  if (!r) continue; total++;
  if (kinks(r).features.length) bad++;
  if (!booleanValid(r)) badValid++;
}
console.log({ total, bad, badValid });
