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
