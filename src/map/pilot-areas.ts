/**
 * What the map shows of the plan: the active variant's pilot areas as one FeatureCollection (pure).
 * The area being edited in terra-draw is left out, so it is not drawn twice.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";

export interface PilotAreaFeatureProperties {
  areaId: string;
  name: string;
  colour: string;
  status: string;
  /** 1 when the area has no field or name yet (drawn dashed until the attributes are filled). */
  incomplete: number;
}

export const PILOT_AREA_LAYERS = {
  source: "pilot-areas",
  fill: "pilot-areas-fill",
  line: "pilot-areas-line",
  label: "pilot-areas-label",
} as const;

export function pilotAreaFeatures(
  variant: Variant,
  excludeId: string | null,
): FeatureCollection<AreaGeometry, PilotAreaFeatureProperties> {
  const features: Feature<AreaGeometry, PilotAreaFeatureProperties>[] = [];
  variant.areaOrder.forEach((id, index) => {
    const area = variant.areas[id];
    if (!area || id === excludeId) return;
    features.push({
      type: "Feature",
      // Numeric ids let MapLibre keep hover state per feature; the order index is stable per render.
      id: index + 1,
      geometry: area.geometry,
      properties: {
        areaId: area.id,
        name: area.name,
        colour: area.colour,
        status: area.status,
        incomplete: area.name.trim() === "" || area.fields.length === 0 ? 1 : 0,
      },
    });
  });
  return { type: "FeatureCollection", features };
}
