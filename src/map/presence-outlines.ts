/**
 * What the map shows of the others in a shared plan: the areas they have selected in the open variant,
 * as outlines in their colour (pure). Several participants on one area are drawn side by side, each
 * further inside the area (`rank`), so every colour stays visible.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";

export interface PresenceOutlineProperties {
  areaId: string;
  colour: string;
  clientId: number;
  /** 0 for the first participant on an area, 1 for the second, … */
  rank: number;
}

export const PRESENCE_LAYERS = {
  source: "presence-selections",
  casing: "presence-selections-casing",
  line: "presence-selections-line",
} as const;

/** The most outlines drawn on one area (more participants on it share the last place). */
const MAX_RANK = 3;

export function presenceOutlines(
  variant: Variant,
  others: readonly { clientId: number; variantId: string | null; areaId: string | null; colour: string }[],
): FeatureCollection<AreaGeometry, PresenceOutlineProperties> {
  const ranks = new Map<string, number>();
  const features: Feature<AreaGeometry, PresenceOutlineProperties>[] = [];
  for (const other of others) {
    if (other.variantId !== variant.id || other.areaId === null) continue;
    const area = variant.areas[other.areaId];
    if (!area) continue;
    const rank = ranks.get(area.id) ?? 0;
    ranks.set(area.id, rank + 1);
    features.push({
      type: "Feature",
      geometry: area.geometry,
      properties: {
        areaId: area.id,
        colour: other.colour,
        clientId: other.clientId,
        rank: Math.min(rank, MAX_RANK),
      },
    });
  }
  return { type: "FeatureCollection", features };
}
