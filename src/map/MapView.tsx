/**
 * The map adapter: the only component that talks to MapLibre (through react-map-gl). The style comes
 * from the pure buildMapStyle(); this file adds what must be imperative: hover and selection as
 * feature-state, clicks, cluster zoom, online-basemap fallback and the test hook on `window`.
 */

import "./MapView.css";
import type {
  GeoJSONSource,
  MapGeoJSONFeature,
  ErrorEvent as MapLibreErrorEvent,
  Map as MapLibreInstance,
} from "maplibre-gl";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type MapLayerMouseEvent, type MapRef, Popup, ScaleControl, useMap } from "react-map-gl/maplibre";
import { geodesicArea } from "../domain/geometry/measure-area.ts";
import {
  cityBoundsOf,
  type GeneratedCatalogue,
  type ReferenceAreaProperties,
  type ReferenceLevel,
} from "../domain/model/catalogue.ts";
import type { AreaGeometry } from "../domain/model/plan.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { useCatalogueStore } from "../store/catalogue-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useOverlayStore } from "../store/overlay-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useReferenceStore } from "../store/reference-store.ts";
import { DRAWING_TOOLS, useSessionStore } from "../store/session-store.ts";
import { BaseMap } from "./BaseMap.tsx";
import type { DrawLabels } from "./draw/DrawController.tsx";
import { KeyboardDraw } from "./draw/KeyboardDraw.tsx";
import { getKeyboardDraw } from "./draw/KeyboardDrawState.ts";
import { ImportedLayers } from "./ImportedLayers.tsx";
import { registerMap } from "./map-commands.ts";
import {
  BASEMAP_SOURCE_PREFIX,
  type BasemapChoice,
  DEFAULT_BASEMAP,
  interactiveLayerIds,
  isOfflineBasemap,
  layerIds,
  type MapView as MapViewSettings,
} from "./map-style.ts";
import { OverlapsLayer } from "./OverlapsLayer.tsx";
import { fetchBasemapDeStyle, probeOsmTiles } from "./online-basemap.ts";
import { PilotAreasLayer } from "./PilotAreasLayer.tsx";
import { PILOT_AREA_LAYERS } from "./pilot-areas.ts";

/** A facility the planner clicked, for the popup. */
export interface FacilityHit {
  entryId: string;
  longitude: number;
  latitude: number;
  properties: Record<string, unknown>;
}

/** Texts of the map's own controls, in the UI language (the map layer has no i18n of its own). */
export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
  map: string;
  draw: DrawLabels;
}

interface MapViewProps {
  catalogue: GeneratedCatalogue;
  labels: MapLabels;
  /** Renders the popup body for a clicked facility (from the UI layer). */
  renderFacility: (hit: FacilityHit, close: () => void) => ReactNode;
  /** Credits overlay etc., drawn over the map. */
  children?: ReactNode;
  /** Called when the camera stopped moving. */
  onCameraChange?: () => void;
}

/** Test and benchmark hook: exposes the map when the page URL has `?e2e`. */
export interface PilotkarteTestApi {
  map: MapLibreInstance;
  idleCount: () => number;
  /** performance.now() at the map's load event and at its first idle (for the benchmark). */
  timings: () => { loadMs: number; firstIdleMs: number | null };
  /** Feature ids of a reference level currently loaded in the map. */
  referenceFeatureCount: (level: ReferenceLevel) => number;
  /** The stores, so tests can read the plan and the session. */
  documentStore: typeof useDocumentStore;
  sessionStore: typeof useSessionStore;
  referenceStore: typeof useReferenceStore;
  /** The figures of the active variant (benchmarks wait for a recomputation). */
  analysisStore: typeof useAnalysisStore;
  /** Imported overlay layers. */
  overlayStore: typeof useOverlayStore;
  /** Geodesic area in m², as the app computes it. */
  measureArea: (geometry: AreaGeometry) => number;
  /** Keyboard drawing: points placed, the ring being edited (read only). */
  keyboardDraw: typeof getKeyboardDraw;
}
declare global {
  interface Window {
    __pilotkarte?: PilotkarteTestApi;
  }
}

const FACILITY_PREFIX = "facility-";

/** terra-draw and the geometry clean-up load after the map: the first paint does not wait for them. */
const DrawController = lazy(() =>
  import("./draw/DrawController.tsx").then((m) => ({ default: m.DrawController })),
);

/**
 * Tests read the canvas pixels, which needs the drawing buffer kept after each frame; that costs a copy
 * per frame, so only `?e2e=pixels` turns it on.
 */
const PRESERVE_DRAWING_BUFFER =
  typeof window !== "undefined" && new URLSearchParams(window.location.search).get("e2e") === "pixels";

function facilityIdOf(layerId: string): string | null {
  if (!layerId.startsWith(FACILITY_PREFIX)) return null;
  return layerId.slice(FACILITY_PREFIX.length).replace(/-cluster$/, "");
}

/** Zoom buttons with translated names (MapLibre's own control reads its texts once, at creation). */
function ZoomButtons({ labels }: { labels: MapLabels }) {
  const { current: map } = useMap();
  return (
    <div className="zoom-buttons">
      <button type="button" aria-label={labels.zoomIn} title={labels.zoomIn} onClick={() => map?.zoomIn()}>
        +
      </button>
      <button type="button" aria-label={labels.zoomOut} title={labels.zoomOut} onClick={() => map?.zoomOut()}>
        −
      </button>
    </div>
  );
}

export function MapView({ catalogue, labels, renderFacility, children, onCameraChange }: MapViewProps) {
  const initialCamera = useSessionStore.getState().initialCamera;
  const mapRef = useRef<MapRef>(null);
  const tool = useSessionStore((s) => s.tool);
  const picking = tool === "districts";
  const shownLevel = useSessionStore((s) => s.level);
  const pickLevel = useSessionStore((s) => s.pickLevel);
  // "Build from districts" picks from its own level, and the map shows that level while it is on.
  const level = picking ? pickLevel : shownLevel;
  const showLabels = useSessionStore((s) => s.showLabels);
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const basemapId = useSessionStore((s) => s.basemap);
  const selectedArea = useSessionStore((s) => s.selectedArea);
  const [basemap, setBasemap] = useState<BasemapChoice>(DEFAULT_BASEMAP);
  const [facility, setFacility] = useState<FacilityHit | null>(null);
  const hovered = useRef<{ source: string; id: number } | null>(null);
  const idleCount = useRef(0);
  const timings = useRef<{ loadMs: number; firstIdleMs: number | null }>({ loadMs: 0, firstIdleMs: null });

  // Online basemaps: fetch basemap.de's style; OSM needs no style. Failures fall back (see onError).
  useEffect(() => {
    let cancelled = false;
    if (basemapId === "basemapde") {
      void fetchBasemapDeStyle().then((style) => {
        if (cancelled) return;
        if (style) setBasemap({ id: "basemapde", style });
        else useSessionStore.getState().reportBasemapFailure("basemapde");
      });
    } else if (basemapId === "osm") {
      void probeOsmTiles().then((reachable) => {
        if (cancelled) return;
        if (reachable) setBasemap({ id: "osm" });
        else useSessionStore.getState().reportBasemapFailure("osm");
      });
    } else {
      setBasemap({ id: basemapId });
    }
    return () => {
      cancelled = true;
    };
  }, [basemapId]);

  const view: MapViewSettings = useMemo(
    () => ({ level, picking, showLabels, visibleLayers: new Set(visibleLayers ?? []), basemap }),
    [level, picking, showLabels, visibleLayers, basemap],
  );
  const interactive = useMemo(() => {
    const ids = interactiveLayerIds(catalogue, view);
    // Pilot areas sit between the facility points (clicked first) and the districts.
    const districtIndex = ids.indexOf(layerIds.districtFill(view.level));
    ids.splice(districtIndex < 0 ? ids.length : districtIndex, 0, PILOT_AREA_LAYERS.fill);
    return ids;
  }, [catalogue, view]);
  const variant = useDocumentStore(selectActiveVariant);
  const editingAreaId = useSessionStore((s) => s.editingAreaId);
  // Overlap shapes belong to the stored areas: hidden while a drag changes one of them.
  const liveDragging = useSessionStore((s) => s.liveGeometry !== null);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const picked = useSessionStore((s) => s.picked);
  const bounds = useMemo(() => cityBoundsOf(catalogue), [catalogue]);

  // Selection as feature-state on the active level's source.
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
  }, [selectedArea]);

  // Districts picked for "build from districts" as feature-state.
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
  }, [picked]);

  const clearHover = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (map && hovered.current && map.getSource(hovered.current.source)) {
      map.setFeatureState(hovered.current, { hover: false });
    }
    hovered.current = null;
    if (useSessionStore.getState().pickPreview) useSessionStore.getState().setPickPreview(null);
  }, []);

  const onMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      const map = mapRef.current?.getMap();
      if (!map) return;
      const session = useSessionStore.getState();
      // No district highlight while drawing or editing: it would hide what is being drawn.
      if (DRAWING_TOOLS.includes(session.tool) || session.editingAreaId) {
        clearHover();
        return;
      }
      const feature = event.features?.[0];
      const overFacility = feature && facilityIdOf(feature.layer.id) !== null;
      map.getCanvas().style.cursor = feature ? "pointer" : "";
      // While picking districts the district under the pointer counts, even below a facility point.
      const district = event.features?.find((f) => f.layer.id === layerIds.districtFill(level));
      if ((overFacility && session.tool !== "districts") || !district || typeof district.id !== "number") {
        clearHover();
        return;
      }
      const source = layerIds.districtSource(level);
      if (hovered.current?.id === district.id && hovered.current.source === source) return;
      clearHover();
      hovered.current = { source, id: district.id };
      map.setFeatureState(hovered.current, { hover: true });
      if (session.tool === "districts") {
        const p = district.properties as unknown as ReferenceAreaProperties;
        session.setPickPreview({ name: p.name, code: p.code, areaKm2: Number(p.areaKm2) });
      }
    },
    [level, clearHover],
  );

  const onClick = useCallback(
    async (event: MapLayerMouseEvent) => {
      const map = mapRef.current?.getMap();
      const session = useSessionStore.getState();
      // While drawing, terra-draw has the clicks.
      if (!map || DRAWING_TOOLS.includes(session.tool)) return;
      const features = event.features ?? [];
      if (session.tool === "districts") {
        const district = features.find((f) => f.layer.id === layerIds.districtFill(level));
        if (district && typeof district.id === "number") {
          const p = district.properties as unknown as ReferenceAreaProperties;
          session.togglePicked(
            { level, featureId: district.id, code: p.code, name: p.name, areaKm2: Number(p.areaKm2) },
            event.originalEvent.shiftKey,
          );
        }
        return;
      }
      const feature: MapGeoJSONFeature | undefined = features[0];
      if (!feature) {
        setFacility(null);
        session.selectPilotArea(null);
        return;
      }
      const entryId = facilityIdOf(feature.layer.id);
      if (entryId && feature.properties.cluster) {
        const source = map.getSource(`layer-${entryId}`) as GeoJSONSource | undefined;
        const zoom = await source?.getClusterExpansionZoom(Number(feature.properties.cluster_id));
        if (zoom !== undefined && feature.geometry.type === "Point") {
          const [lng, lat] = feature.geometry.coordinates as [number, number];
          map.easeTo({ center: [lng, lat], zoom: zoom + 0.5 });
        }
        return;
      }
      if (entryId && feature.geometry.type === "Point") {
        const [longitude, latitude] = feature.geometry.coordinates as [number, number];
        setFacility({ entryId, longitude, latitude, properties: feature.properties });
        return;
      }
      if (feature.layer.id === PILOT_AREA_LAYERS.fill) {
        setFacility(null);
        session.selectPilotArea(String(feature.properties.areaId));
        return;
      }
      if (feature.layer.id === "city-region-fill") {
        setFacility({
          entryId: "city-region",
          longitude: event.lngLat.lng,
          latitude: event.lngLat.lat,
          properties: feature.properties,
        });
        return;
      }
      if (feature.layer.id === layerIds.districtFill(level) && typeof feature.id === "number") {
        setFacility(null);
        // A click inside the area being edited belongs to terra-draw, not to the district below.
        if (session.editingAreaId) return;
        session.selectArea({
          level,
          featureId: feature.id,
          properties: feature.properties as unknown as ReferenceAreaProperties,
        });
      }
    },
    [level],
  );

  const onError = useCallback((event: MapLibreErrorEvent & { sourceId?: string }) => {
    const sourceId = event.sourceId ?? "";
    if (sourceId.startsWith(BASEMAP_SOURCE_PREFIX)) {
      const current = useSessionStore.getState().basemap;
      if (!isOfflineBasemap(current)) useSessionStore.getState().reportBasemapFailure(current);
      return;
    }
    if (sourceId.startsWith("layer-") || sourceId.startsWith("districts-")) {
      const id = sourceId.replace(/^layer-/, "").replace(/-labels$/, "");
      useCatalogueStore.getState().reportLayerFailure(id);
      return;
    }
    // Anything else is a bug: keep it visible in the console.
    console.error(event.error);
  }, []);

  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    timings.current.loadMs = performance.now();
    registerMap(map);
    map.on("idle", () => {
      idleCount.current += 1;
      if (timings.current.firstIdleMs === null) timings.current.firstIdleMs = performance.now();
    });
    if (new URLSearchParams(window.location.search).has("e2e")) {
      window.__pilotkarte = {
        map,
        idleCount: () => idleCount.current,
        documentStore: useDocumentStore,
        sessionStore: useSessionStore,
        referenceStore: useReferenceStore,
        analysisStore: useAnalysisStore,
        overlayStore: useOverlayStore,
        measureArea: geodesicArea,
        keyboardDraw: getKeyboardDraw,
        timings: () => ({ ...timings.current }),
        referenceFeatureCount: (l) => {
          const ids = new Set<number | string>();
          for (const f of map.querySourceFeatures(layerIds.districtSource(l))) {
            if (f.id !== undefined) ids.add(f.id);
          }
          return ids.size;
        },
      };
    }
  }, []);

  return (
    <BaseMap
      ref={mapRef}
      catalogue={catalogue}
      view={view}
      initialViewState={
        initialCamera
          ? {
              longitude: initialCamera.center[0],
              latitude: initialCamera.center[1],
              zoom: initialCamera.zoom,
            }
          : { bounds, fitBoundsOptions: { padding: 24 } }
      }
      onMoveEnd={onCameraChange}
      interactiveLayerIds={interactive}
      onMouseMove={onMouseMove}
      onMouseLeave={clearHover}
      onClick={onClick}
      onError={onError}
      onLoad={onLoad}
      canvasContextAttributes={{ preserveDrawingBuffer: PRESERVE_DRAWING_BUFFER }}
    >
      <ZoomButtons labels={labels} />
      <PilotAreasLayer variant={variant} editingId={editingAreaId} selectedId={selectedAreaId} />
      <ImportedLayers />
      <OverlapsLayer hidden={liveDragging} />
      <Suspense fallback={null}>
        <DrawController labels={labels.draw} />
      </Suspense>
      <KeyboardDraw labels={{ map: labels.map, ...labels.draw }} />
      <ScaleControl position="bottom-left" unit="metric" />
      {facility && (
        <Popup
          longitude={facility.longitude}
          latitude={facility.latitude}
          offset={12}
          maxWidth="340px"
          onClose={() => setFacility(null)}
          closeOnClick={false}
        >
          {renderFacility(facility, () => setFacility(null))}
        </Popup>
      )}
      {children}
    </BaseMap>
  );
}
