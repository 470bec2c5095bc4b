/**
 * Imperative camera commands the UI may call (zoom to an area). The map registers itself on load;
 * before that the commands do nothing.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { AreaGeometry } from "../domain/model/plan.ts";

let current: MapLibreMap | null = null;

export function registerMap(map: MapLibreMap | null): void {
  current = map;
}

/** Bounding box [west, south, east, north] of a polygon or multipolygon. */
export function boundsOf(geometry: AreaGeometry): [number, number, number, number] {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x = 0, y = 0] of ring) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
  }
  return [west, south, east, north];
}

export function zoomToGeometry(geometry: AreaGeometry): void {
  current?.fitBounds(boundsOf(geometry), { padding: 80, maxZoom: 16, duration: 400 });
}

/** The current camera, for "reopen where I left off"; null before the map exists. */
export function getCamera(): { center: [number, number]; zoom: number } | null {
  if (!current) return null;
  const c = current.getCenter();
  return { center: [c.lng, c.lat], zoom: current.getZoom() };
}

/** The map instance, for code in src/map that needs more than the camera (the map image); null before load. */
export function currentMap(): MapLibreMap | null {
  return current;
}

/** Frames a box [west, south, east, north] (e.g. what was just imported). */
export function zoomToBounds(bounds: [number, number, number, number]): void {
  current?.fitBounds(bounds, { padding: 80, maxZoom: 16, duration: 400 });
}
