/**
 * Fetches the basemap.de vector style for the online basemap. Returns null (never throws) when it cannot
 * be reached in time or is not a style, so the caller falls back to the schematic basemap and says so.
 */
import type { StyleSpecification } from "maplibre-gl";
import { BASEMAPDE_STYLE_URL } from "./map-style.ts";

const TIMEOUT_MS = 8000;

export async function fetchBasemapDeStyle(
  fetchImpl: typeof fetch = fetch,
): Promise<StyleSpecification | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchImpl(BASEMAPDE_STYLE_URL, { signal: controller.signal });
    if (!response.ok) return null;
    const style = (await response.json()) as Partial<StyleSpecification>;
    if (style.version !== 8 || !style.sources || !Array.isArray(style.layers)) return null;
    return style as StyleSpecification;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** One OpenStreetMap tile over Dortmund (zoom 10), fetched to see whether the tile server is reachable. */
const OSM_PROBE_TILE = "https://tile.openstreetmap.org/10/533/342.png";

/**
 * True when the OpenStreetMap tile server answers. Probing one tile first means an offline planner gets
 * one failed request and a notice, not a pile of failed tile requests.
 */
export async function probeOsmTiles(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    await fetchImpl(OSM_PROBE_TILE, { mode: "no-cors", signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
