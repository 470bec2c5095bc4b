/**
 * What a click or a hover on the planning map means, as pure decisions over the features under the
 * pointer (topmost first, as MapLibre lists them): open a facility's popup, zoom into a cluster,
 * select a pilot area or a district, pick a district for "build from districts", or highlight the
 * district under the pointer. MapView carries the decisions out (`use-map-pointer.ts`).
 */
import type { ReferenceAreaProperties, ReferenceLevel } from "../domain/model/catalogue.ts";
import { DRAWING_TOOLS, type PickedDistrict, type Tool } from "../store/session-store.ts";
import { layerIds } from "./map-style.ts";
import { PILOT_AREA_LAYERS } from "./pilot-areas.ts";

/** A facility the planner clicked, for the popup. */
export interface FacilityHit {
  entryId: string;
  longitude: number;
  latitude: number;
  properties: Record<string, unknown>;
}

/** As much of a rendered map feature as the decisions read. */
export interface PointerFeature {
  id?: string | number;
  layer: { id: string };
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown };
}

/** Where the pointer is and what the planner is doing. */
export interface PointerContext {
  tool: Tool;
  /** The district level the map shows (the pick level while picking). */
  level: ReferenceLevel;
  /** The pilot area whose vertices are being edited, if any. */
  editingAreaId: string | null;
}

const FACILITY_PREFIX = "facility-";

/** The catalogue entry of a facility layer (points or clusters), or null for another layer. */
export function facilityIdOf(layerId: string): string | null {
  if (!layerId.startsWith(FACILITY_PREFIX)) return null;
  return layerId.slice(FACILITY_PREFIX.length).replace(/-cluster$/, "");
}

export type ClickAction =
  /** Nothing (terra-draw has the click, or it hit nothing of ours). */
  | { kind: "none" }
  /** Pick or unpick a district for "build from districts" (Shift adds to the picked ones). */
  | { kind: "toggle-pick"; district: PickedDistrict; additive: boolean }
  /** A click on empty map: close the popup and clear the pilot area selection. */
  | { kind: "clear" }
  /** Zoom into a facility cluster of source `sourceId` around `center` (if it is a point). */
  | { kind: "zoom-cluster"; sourceId: string; clusterId: number; center: [number, number] | null }
  | { kind: "facility"; hit: FacilityHit }
  | { kind: "select-pilot-area"; areaId: string }
  | { kind: "select-district"; level: ReferenceLevel; featureId: number; properties: ReferenceAreaProperties }
  /** Close the popup only (a click inside the area being edited belongs to terra-draw). */
  | { kind: "close-popup" };

const pointOf = (feature: PointerFeature): [number, number] | null =>
  feature.geometry.type === "Point" ? (feature.geometry.coordinates as [number, number]) : null;

/** What a click on the map does, given the features under it and where it was. */
export function clickAction(
  features: readonly PointerFeature[],
  context: PointerContext,
  click: { lngLat: [number, number]; shiftKey: boolean },
): ClickAction {
  const { tool, level } = context;
  // While drawing, terra-draw has the clicks.
  if (DRAWING_TOOLS.includes(tool)) return { kind: "none" };
  if (tool === "districts") {
    const district = features.find((f) => f.layer.id === layerIds.districtFill(level));
    if (!district || typeof district.id !== "number") return { kind: "none" };
    const p = district.properties as unknown as ReferenceAreaProperties;
    return {
      kind: "toggle-pick",
      district: { level, featureId: district.id, code: p.code, name: p.name, areaKm2: Number(p.areaKm2) },
      additive: click.shiftKey,
    };
  }
  const feature = features[0];
  if (!feature) return { kind: "clear" };
  const entryId = facilityIdOf(feature.layer.id);
  if (entryId && feature.properties.cluster) {
    const clusterId = Number(feature.properties.cluster_id);
    return { kind: "zoom-cluster", sourceId: `layer-${entryId}`, clusterId, center: pointOf(feature) };
  }
  const point = pointOf(feature);
  if (entryId && point) {
    const [longitude, latitude] = point;
    return { kind: "facility", hit: { entryId, longitude, latitude, properties: feature.properties } };
  }
  if (feature.layer.id === PILOT_AREA_LAYERS.fill) {
    return { kind: "select-pilot-area", areaId: String(feature.properties.areaId) };
  }
  if (feature.layer.id === "city-region-fill") {
    const [longitude, latitude] = click.lngLat;
    return {
      kind: "facility",
      hit: { entryId: "city-region", longitude, latitude, properties: feature.properties },
    };
  }
  if (feature.layer.id === layerIds.districtFill(level) && typeof feature.id === "number") {
    if (context.editingAreaId) return { kind: "close-popup" };
    const properties = feature.properties as unknown as ReferenceAreaProperties;
    return { kind: "select-district", level, featureId: feature.id, properties };
  }
  return { kind: "none" };
}

/** What a pointer move does: the cursor and the district to highlight. */
export interface HoverTarget {
  /** Whether the cursor shows a pointer; null leaves it alone (while drawing, terra-draw's). */
  pointer: boolean | null;
  /** The district to highlight, or null to clear the highlight. */
  district: { id: number; properties: ReferenceAreaProperties } | null;
}

/** What to highlight under the pointer. */
export function hoverTarget(features: readonly PointerFeature[], context: PointerContext): HoverTarget {
  // No district highlight while drawing or editing: it would hide what is being drawn.
  if (DRAWING_TOOLS.includes(context.tool) || context.editingAreaId) return { pointer: null, district: null };
  const feature = features[0];
  const overFacility = feature !== undefined && facilityIdOf(feature.layer.id) !== null;
  // While picking districts the district under the pointer counts, even below a facility point.
  const district = features.find((f) => f.layer.id === layerIds.districtFill(context.level));
  if ((overFacility && context.tool !== "districts") || !district || typeof district.id !== "number") {
    return { pointer: feature !== undefined, district: null };
  }
  return {
    pointer: true,
    district: { id: district.id, properties: district.properties as unknown as ReferenceAreaProperties },
  };
}
