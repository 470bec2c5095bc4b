import geographiclib from "geographiclib-geodesic";
import type { Position } from "geojson";

const WGS84 = geographiclib.Geodesic.WGS84;

/**
 * Radius in metres of a circle drawn from `center` to `edge` (both lon/lat): the geodesic distance on
 * the WGS84 ellipsoid (GeographicLib Inverse), for the circle tool's readout.
 */
export function geodesicRadiusM(center: Position, edge: Position): number {
  const result = WGS84.Inverse(
    center[1] as number,
    center[0] as number,
    edge[1] as number,
    edge[0] as number,
    geographiclib.Geodesic.DISTANCE,
  );
  return result.s12 ?? 0;
}
