/**
 * The geometry of a one-pager's SVG map, pure: the frame (one area with its surroundings, or the
 * city), the projection from longitude/latitude to SVG units (equirectangular at the frame's middle
 * latitude, which is true enough at city scale), SVG paths of areas, and the scale bar's length.
 */
import type { Position } from "geojson";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { geometriesBbox } from "./geometry-bounds.ts";

/** West, south, east, north in degrees. */
export type Bbox = [number, number, number, number];

export const METRES_PER_DEGREE = 111_320;

/** The frame: the focus area with its surroundings (at least 4 km across, 4:3), or the city. */
export function frameOf(focus: AreaGeometry | null, city: Bbox): Bbox {
  if (!focus) return city;
  const [w, s, e, n] = geometriesBbox([focus]) ?? city;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const cos = Math.cos((cy * Math.PI) / 180);
  // Half extents in metres, with a margin, at least 1 km, then widened to 4:3.
  let hx = Math.max(((e - w) / 2) * cos * METRES_PER_DEGREE * 2.2, 2000);
  let hy = Math.max(((n - s) / 2) * METRES_PER_DEGREE * 2.2, 1500);
  if (hx / hy < 4 / 3) hx = (hy * 4) / 3;
  else hy = (hx * 3) / 4;
  const dx = hx / (cos * METRES_PER_DEGREE);
  const dy = hy / METRES_PER_DEGREE;
  return [cx - dx, cy - dy, cx + dx, cy + dy];
}

/** A frame drawn `width` SVG units wide. */
export interface SvgProjection {
  /** Height in SVG units (the frame's aspect). */
  height: number;
  /** How many metres the width spans (for the scale bar). */
  metresAcross: number;
  x(lon: number): number;
  y(lat: number): number;
  /** The SVG path of an area (every ring, holes included; fill it with the even-odd rule). */
  pathOf(geometry: AreaGeometry): string;
  /** Whether a point lies strictly inside the frame. */
  inside(point: Position): boolean;
}

export function svgProjection(frame: Bbox, width: number): SvgProjection {
  const [west, south, east, north] = frame;
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const k = width / ((east - west) * cos);
  const x = (lon: number) => (lon - west) * cos * k;
  const y = (lat: number) => (north - lat) * k;
  const ringPath = (ring: Position[]) =>
    `M${ring.map(([lon, lat]) => `${x(lon as number).toFixed(1)},${y(lat as number).toFixed(1)}`).join("L")}Z`;
  return {
    height: Math.round((north - south) * k),
    metresAcross: (east - west) * cos * METRES_PER_DEGREE,
    x,
    y,
    pathOf: (geometry) =>
      (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
        .flatMap((rings) => rings.map(ringPath))
        .join(""),
    inside: (point) => {
      const [lon, lat] = point as [number, number];
      return lon > west && lon < east && lat > south && lat < north;
    },
  };
}

/** A round scale bar length, in metres, near a fifth of the width. */
export function scaleBarMetres(metresAcross: number): number {
  return [100, 200, 500, 1000, 2000, 5000, 10000].reduce((best, m) =>
    Math.abs(m - metresAcross / 5) < Math.abs(best - metresAcross / 5) ? m : best,
  );
}
