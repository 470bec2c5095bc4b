/**
 * The map adapter: the only component that talks to MapLibre (through react-map-gl). The style comes
 * from the pure buildMapStyle(); this component adds what must be imperative, each in its own module:
 * hover, clicks and feature-state (`use-map-pointer.ts`, decisions in `map-pointer.ts`), the online
 * basemap (`use-online-basemap.ts`), and load, errors and the test hook on `window` (`map-lifecycle.ts`).
 */

import "./MapView.css";
import { lazy, type ReactNode, Suspense, useMemo, useRef, useState } from "react";
import { type MapRef, Popup, ScaleControl } from "react-map-gl/maplibre";
import { cityBoundsOf, type GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { DRAWING_TOOLS, useSessionStore } from "../store/session-store.ts";
import { BaseMap } from "./BaseMap.tsx";
import type { DrawLabels } from "./draw/draw-events.ts";
import { ImportedLayers } from "./ImportedLayers.tsx";
import { onPlanningMapError, onPlanningMapLoad } from "./map-lifecycle.ts";
import type { FacilityHit } from "./map-pointer.ts";
import { interactiveLayerIds, layerIds, type MapView as MapViewSettings } from "./map-style.ts";
import { OverlapsLayer } from "./OverlapsLayer.tsx";
import { PilotAreasLayer } from "./PilotAreasLayer.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { PILOT_AREA_LAYERS } from "./pilot-areas.ts";
import { useFirstIdle } from "./use-first-idle.ts";
import {
  useDistrictHover,
  useMapClick,
  usePickedDistrictsState,
  useSelectedDistrictState,
} from "./use-map-pointer.ts";
import { useOnlineBasemap } from "./use-online-basemap.ts";
import { ZoomButtons } from "./ZoomButtons.tsx";

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

/**
 * terra-draw, the geometry clean-up and keyboard drawing load once the map is idle: the first screen
 * neither waits for them nor downloads them.
 */
const DrawController = lazy(() =>
  import("./draw/DrawController.tsx").then((m) => ({ default: m.DrawController })),
);
const KeyboardDraw = lazy(() => import("./draw/KeyboardDraw.tsx").then((m) => ({ default: m.KeyboardDraw })));

/**
 * Tests read the canvas pixels, which needs the drawing buffer kept after each frame; that costs a copy
 * per frame, so only `?e2e=pixels` turns it on.
 */
const PRESERVE_DRAWING_BUFFER =
  typeof window !== "undefined" && new URLSearchParams(window.location.search).get("e2e") === "pixels";

export function MapView({ catalogue, labels, renderFacility, children, onCameraChange }: MapViewProps) {
  const initialCamera = useSessionStore.getState().initialCamera;
  const mapRef = useRef<MapRef>(null);
  const firstIdle = useFirstIdle();
  const tool = useSessionStore((s) => s.tool);
  const picking = tool === "districts";
  // Picking a drawing tool before the first idle loads the drawing at once.
  const drawingTool = DRAWING_TOOLS.includes(tool);
  const shownLevel = useSessionStore((s) => s.level);
  const pickLevel = useSessionStore((s) => s.pickLevel);
  // "Build from districts" picks from its own level, and the map shows that level while it is on.
  const level = picking ? pickLevel : shownLevel;
  const showLabels = useSessionStore((s) => s.showLabels);
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const basemap = useOnlineBasemap(useSessionStore((s) => s.basemap));
  const [facility, setFacility] = useState<FacilityHit | null>(null);

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
  const bounds = useMemo(() => cityBoundsOf(catalogue), [catalogue]);

  useSelectedDistrictState(
    mapRef,
    useSessionStore((s) => s.selectedArea),
  );
  usePickedDistrictsState(
    mapRef,
    useSessionStore((s) => s.picked),
  );
  const { onMouseMove, clearHover } = useDistrictHover(mapRef, level);
  const onClick = useMapClick(mapRef, level, setFacility);

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
      onError={onPlanningMapError}
      onLoad={(event) => {
        onPlanningMapLoad(event.target);
        firstIdle.watch(event.target);
      }}
      canvasContextAttributes={{ preserveDrawingBuffer: PRESERVE_DRAWING_BUFFER }}
    >
      <ZoomButtons labels={labels} />
      <PilotAreasLayer variant={variant} editingId={editingAreaId} selectedId={selectedAreaId} />
      <PresenceLayer variant={variant} />
      <ImportedLayers />
      <OverlapsLayer hidden={liveDragging} />
      {(firstIdle.idle || drawingTool) && (
        <Suspense fallback={null}>
          <DrawController labels={labels.draw} />
          <KeyboardDraw labels={{ map: labels.map, ...labels.draw }} />
        </Suspense>
      )}
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
