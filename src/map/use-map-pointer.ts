/**
 * The planning map's pointer and its feature-state: hover highlights a district, a click does what
 * `clickAction` decides (`map-pointer.ts`), and the selected and picked districts are marked as
 * feature-state on their level's source.
 */
import type { GeoJSONSource } from "maplibre-gl";
import { type RefObject, useCallback, useEffect, useRef } from "react";
import type { MapLayerMouseEvent, MapRef } from "react-map-gl/maplibre";
import type { ReferenceLevel } from "../domain/model/catalogue.ts";
import { type PickedDistrict, type SelectedArea, useSessionStore } from "../store/session-store.ts";
import { type ClickAction, clickAction, type FacilityHit, hoverTarget } from "./map-pointer.ts";
import { layerIds } from "./map-style.ts";

/** Hover over districts: feature-state `hover`, the cursor, and the preview while picking. */
export function useDistrictHover(mapRef: RefObject<MapRef | null>, level: ReferenceLevel) {
  const hovered = useRef<{ source: string; id: number } | null>(null);

  const clearHover = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (map && hovered.current && map.getSource(hovered.current.source)) {
      map.setFeatureState(hovered.current, { hover: false });
    }
    hovered.current = null;
    if (useSessionStore.getState().pickPreview) useSessionStore.getState().setPickPreview(null);
  }, [mapRef]);

  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const map = mapRef.current?.getMap();
      if (!map) return;
      const session = useSessionStore.getState();
      const target = hoverTarget(event.features ?? [], {
        tool: session.tool,
        level,
        editingAreaId: session.editingAreaId,
      });
      if (target.pointer !== null) map.getCanvas().style.cursor = target.pointer ? "pointer" : "";
      const { district } = target;
      if (!district) {
        clearHover();
        return;
      }
      const source = layerIds.districtSource(level);
      if (hovered.current?.id === district.id && hovered.current.source === source) return;
      clearHover();
      hovered.current = { source, id: district.id };
      map.setFeatureState(hovered.current, { hover: true });
      if (session.tool === "districts") {
        const p = district.properties;
        session.setPickPreview({ name: p.name, code: p.code, areaKm2: Number(p.areaKm2) });
      }
    },
    [mapRef, level, clearHover],
  );

  return { onMouseMove, clearHover };
}

/** Clicks on the map; `setFacility` opens (or with null closes) the facility popup. */
export function useMapClick(
  mapRef: RefObject<MapRef | null>,
  level: ReferenceLevel,
  setFacility: (hit: FacilityHit | null) => void,
) {
  return useCallback(
    async (event: MapLayerMouseEvent) => {
      const map = mapRef.current?.getMap();
      if (!map) return;
      const session = useSessionStore.getState();
      const action: ClickAction = clickAction(
        event.features ?? [],
        { tool: session.tool, level, editingAreaId: session.editingAreaId },
        { lngLat: [event.lngLat.lng, event.lngLat.lat], shiftKey: event.originalEvent.shiftKey },
      );
      switch (action.kind) {
        case "none":
          return;
        case "toggle-pick":
          session.togglePicked(action.district, action.additive);
          return;
        case "clear":
          setFacility(null);
          session.selectPilotArea(null);
          return;
        case "zoom-cluster": {
          const source = map.getSource(action.sourceId) as GeoJSONSource | undefined;
          const zoom = await source?.getClusterExpansionZoom(action.clusterId);
          if (zoom !== undefined && action.center) map.easeTo({ center: action.center, zoom: zoom + 0.5 });
          return;
        }
        case "facility":
          setFacility(action.hit);
          return;
        case "select-pilot-area":
          setFacility(null);
          session.selectPilotArea(action.areaId);
          return;
        case "select-district":
          setFacility(null);
          session.selectArea({
            level: action.level,
            featureId: action.featureId,
            properties: action.properties,
          });
          return;
        case "close-popup":
          setFacility(null);
          return;
      }
    },
    [mapRef, level, setFacility],
  );
}

/** The selected district as feature-state `selected` on its level's source. */
export function useSelectedDistrictState(
  mapRef: RefObject<MapRef | null>,
  selectedArea: SelectedArea | null,
) {
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !selectedArea) return;
    const source = layerIds.districtSource(selectedArea.level);
    if (!map.getSource(source)) return;
    map.setFeatureState({ source, id: selectedArea.featureId }, { selected: true });
    return () => {
      if (map.getSource(source))
        map.setFeatureState({ source, id: selectedArea.featureId }, { selected: false });
    };
  }, [mapRef, selectedArea]);
}

/** Districts picked for "build from districts" as feature-state `picked`. */
export function usePickedDistrictsState(mapRef: RefObject<MapRef | null>, picked: readonly PickedDistrict[]) {
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    const marked: { source: string; id: number }[] = [];
    for (const d of picked) {
      const source = layerIds.districtSource(d.level);
      if (!map.getSource(source)) continue;
      map.setFeatureState({ source, id: d.featureId }, { picked: true });
      marked.push({ source, id: d.featureId });
    }
    return () => {
      for (const m of marked) if (map.getSource(m.source)) map.setFeatureState(m, { picked: false });
    };
  }, [mapRef, picked]);
}
