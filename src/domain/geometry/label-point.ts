/**
 * Where an area's name goes on the map: the pole of inaccessibility (polylabel) of its largest part,
 * so the label sits well inside even a concave or ring-shaped area. One point per area also keeps
 * the label from repeating on every map tile the area crosses.
 */
import polylabel from "polylabel";
import type { AreaGeometry } from "../model/plan.ts";

/** Planar area of a ring in degrees², scaled by cos(latitude): enough to pick the largest part. */
function roughArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] ?? [];
    const b = ring[j] ?? [];
    sum += ((b[0] ?? 0) - (a[0] ?? 0)) * ((b[1] ?? 0) + (a[1] ?? 0));
  }
  const lat = ring[0]?.[1] ?? 0;
  return Math.abs(sum / 2) * Math.cos((lat * Math.PI) / 180);
}

/** About 1 m in degrees at Dortmund's latitude: precise enough for a label, fast for big rings. */
const PRECISION_DEGREES = 1e-5;

export function labelPoint(geometry: AreaGeometry): [number, number] {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = parts[0] ?? [];
  let bestArea = -1;
  for (const part of parts) {
    const a = roughArea(part[0] ?? []);
    if (a > bestArea) {
      bestArea = a;
      best = part;
    }
  }
  const p = polylabel(best as [number, number][][], PRECISION_DEGREES);
  return [p[0] ?? 0, p[1] ?? 0];
}
