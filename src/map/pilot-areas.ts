/**
 * What the map shows of the plan: the active variant's pilot areas as one FeatureCollection (pure).
 * The area being edited in terra-draw is left out, so it is not drawn twice.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { labelPoint } from "../domain/geometry/label-point.ts";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";
import { diffFeatures, type FeatureDiff, stableFeatureIds } from "./incremental-source.ts";

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
  labelSource: "pilot-area-labels",
  fill: "pilot-areas-fill",
  line: "pilot-areas-line",
  label: "pilot-areas-label",
} as const;

/** Stable numeric feature ids per area (for MapLibre's incremental updates and feature state). */
const featureIdOf = stableFeatureIds();

export function pilotAreaFeatures(
  variant: Variant,
  excludeId: string | null,
): FeatureCollection<AreaGeometry, PilotAreaFeatureProperties> {
  const features: Feature<AreaGeometry, PilotAreaFeatureProperties>[] = [];
  for (const id of variant.areaOrder) {
    const area = variant.areas[id];
    if (!area || id === excludeId) continue;
    features.push({
      type: "Feature",
      // Numeric, stable per area: MapLibre updates changed features only and keeps feature state.
      id: featureIdOf(area.id),
      geometry: area.geometry,
      properties: {
        areaId: area.id,
        name: area.name,
        colour: area.colour,
        status: area.status,
        incomplete: area.name.trim() === "" || area.fields.length === 0 ? 1 : 0,
      },
    });
  }
  return { type: "FeatureCollection", features };
}

type PilotAreaFeature = Feature<AreaGeometry, PilotAreaFeatureProperties>;

/**
 * Whether an area is drawn the same. Geometries are compared by identity: the document store replaces
 * the geometry object of an edited area only.
 */
export function samePilotAreaFeature(a: PilotAreaFeature, b: PilotAreaFeature): boolean {
  const p = a.properties;
  const q = b.properties;
  return (
    a.geometry === b.geometry &&
    p.name === q.name &&
    p.colour === q.colour &&
    p.status === q.status &&
    p.incomplete === q.incomplete
  );
}

/** The change between two renderings of the areas (see incremental-source.ts); null: send all. */
export function diffPilotAreaFeatures(
  previous: FeatureCollection<AreaGeometry, PilotAreaFeatureProperties>,
  next: FeatureCollection<AreaGeometry, PilotAreaFeatureProperties>,
): FeatureDiff<PilotAreaFeature> | null {
  return diffFeatures(previous.features, next.features, samePilotAreaFeature);
}

const labelCache = new WeakMap<AreaGeometry, [number, number]>();

/** One label point per area (see label-point.ts), cached by geometry object. */
export function pilotAreaLabels(
  areas: FeatureCollection<AreaGeometry, PilotAreaFeatureProperties>,
): FeatureCollection<Point, PilotAreaFeatureProperties> {
  return {
    type: "FeatureCollection",
    features: areas.features.map((feature) => {
      let point = labelCache.get(feature.geometry);
      if (!point) {
        point = labelPoint(feature.geometry);
        labelCache.set(feature.geometry, point);
      }
      return {
        type: "Feature" as const,
        id: feature.id,
        geometry: { type: "Point" as const, coordinates: point },
        properties: feature.properties,
      };
    }),
  };
}
