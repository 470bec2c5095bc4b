/**
 * terra-draw on the MapLibre map: the drawing tools (polygon, rectangle, circle, freehand) and vertex
 * editing of the selected pilot area. terra-draw owns the half-drawn or half-dragged shape; the plan
 * document only changes when a gesture finishes (one `transact`, one undo step). Selection is ours:
 * terra-draw never selects or deselects on its own.
 *
 * The setup of terra-draw is in `terra-draw-setup.ts`, what happens on its events in `draw-events.ts`,
 * and the geometry both need in `draw-geometry.ts`.
 */

import type { Polygon } from "geojson";
import type { Map as MapLibreInstance } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { useMap } from "react-map-gl/maplibre";
import type { SnapToCustom, TerraDraw, TerraDrawSelectMode } from "terra-draw";
import type { PilotArea } from "../../domain/model/plan.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useReferenceStore } from "../../store/reference-store.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { type DrawLabels, listenToDraw } from "./draw-events.ts";
import { forTerraDraw, handlesFit, measureOf } from "./draw-geometry.ts";
import { isActiveDraw, registerDraw } from "./draw-registry.ts";
import { getKeyboardDraw, setKeyboardDraw } from "./KeyboardDrawState.ts";
import { createSnapper } from "./snapper.ts";
import { createTerraDraw, selectFlags, selectStyles, TERRA_MODE } from "./terra-draw-setup.ts";

declare global {
  interface Window {
    __pilotkarteDraw?: TerraDraw;
  }
}

/** The controller's handles on terra-draw, shared by its effects (one mutable object per controller). */
interface DrawState {
  draw: TerraDraw | null;
  /** The id of the area being edited (selected in terra-draw), or null. */
  editing: string | null;
  labels: DrawLabels;
  snapper: ReturnType<typeof createSnapper>;
  /** Shows or hides the edited area's vertex handles as they fit on screen. */
  updateHandles: (() => void) | null;
}

export function DrawController({ labels }: { labels: DrawLabels }) {
  const { current: mapRef } = useMap();
  const stateRef = useRef<DrawState | null>(null);
  stateRef.current ??= { draw: null, editing: null, labels, snapper: createSnapper(), updateHandles: null };
  stateRef.current.labels = labels;
  const tool = useSessionStore((s) => s.tool);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const variant = useDocumentStore(selectActiveVariant);
  const readOnly = useDocumentStore((s) => s.readOnly);

  // Create terra-draw once the map's style is ready.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    return startTerraDraw(map, stateRef.current as DrawState);
  }, [mapRef]);

  // Tool → terra-draw mode.
  useEffect(() => {
    const draw = stateRef.current?.draw;
    if (!draw) return;
    const mode = TERRA_MODE[tool];
    if (draw.getMode() !== mode) draw.setMode(mode);
    useSessionStore.getState().setMeasure(null);
    if (getKeyboardDraw().pointerPoints.length > 0) setKeyboardDraw({ pointerPoints: [] });
  }, [tool]);

  // The selected area → terra-draw feature for vertex editing (plain polygons only).
  useEffect(() => {
    const area = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
    const wanted = !readOnly && tool === "select" && area && area.geometry.type === "Polygon" ? area : null;
    if (stateRef.current) syncEditedArea(stateRef.current, wanted);
  }, [tool, selectedAreaId, variant, readOnly]);

  // Snap targets: district borders, the city boundary and the other pilot areas.
  const snapIndex = useReferenceStore((s) => s.snapIndex);
  useEffect(() => {
    stateRef.current?.snapper.setReference(snapIndex);
  }, [snapIndex]);
  useEffect(() => {
    stateRef.current?.snapper.setAreas(variant);
  }, [variant]);

  return null;
}

/** Starts terra-draw on `map` (once its style is loaded); returns the clean-up. */
function startTerraDraw(map: MapLibreInstance, state: DrawState): () => void {
  let draw: TerraDraw | null = null;
  let stopListening = () => {};
  const snap: SnapToCustom = (event, context) => {
    if (!useSessionStore.getState().snapping) return undefined;
    return state.snapper.snap(map, [event.lng, event.lat], state.editing ?? context.currentId);
  };
  const updateHandles = handleUpdater(map, state, snap);
  state.updateHandles = updateHandles;
  map.on("zoomend", updateHandles);
  const start = () => {
    map.off("load", start);
    map.off("idle", start);
    if (draw) return;
    draw = createTerraDraw(map, snap);
    draw.start();
    draw.setMode(TERRA_MODE[useSessionStore.getState().tool]);
    state.draw = draw;
    registerDraw(draw);
    if (new URLSearchParams(window.location.search).has("e2e")) window.__pilotkarteDraw = draw;
    stopListening = listenToDraw(draw, {
      draw: () => state.draw,
      editing: () => state.editing,
      labels: () => state.labels,
    });
  };
  // Mounted after the map's first idle the load event is past, and a style busy with a source then
  // reports not loaded: whichever of load and the next idle comes first starts terra-draw.
  if (map.isStyleLoaded()) start();
  else {
    map.on("load", start);
    map.on("idle", start);
  }
  return () => {
    map.off("load", start);
    map.off("idle", start);
    map.off("zoomend", updateHandles);
    state.updateHandles = null;
    stopListening();
    if (draw) {
      try {
        draw.stop();
      } catch {
        // The map may already be gone (page unload); nothing to clean up then.
      }
    }
    if (draw && isActiveDraw(draw)) registerDraw(null);
    state.draw = null;
    state.editing = null;
    useSessionStore.getState().setEditingAreaId(null);
  };
}

/** Shows or hides the edited area's vertex handles as they fit on screen (see `handlesFit`). */
function handleUpdater(map: MapLibreInstance, state: DrawState, snap: SnapToCustom): () => void {
  let handles = true;
  return () => {
    const d = state.draw;
    const id = state.editing;
    const feature = d && id ? d.getSnapshotFeature(id) : undefined;
    const fit =
      feature?.geometry.type === "Polygon"
        ? handlesFit((p) => map.project(p), feature.geometry as Polygon)
        : true;
    if (d && fit !== handles) {
      handles = fit;
      d.updateModeOptions<typeof TerraDrawSelectMode>("select", {
        flags: selectFlags(fit, snap),
        styles: selectStyles(fit),
      });
    }
    const session = useSessionStore.getState();
    if (session.vertexHandlesHidden !== !fit) session.setVertexHandlesHidden(!fit);
  };
}

/**
 * Puts the area to edit into terra-draw (selected, with its vertex handles), keeps its shape in step
 * with the plan (undo, another tab), and takes out the one edited before.
 */
function syncEditedArea(state: DrawState, wanted: PilotArea | null): void {
  const draw = state.draw;
  if (!draw) return;
  const session = useSessionStore.getState();
  const current = state.editing;
  if (current && current !== wanted?.id) {
    if (draw.hasFeature(current)) draw.removeFeatures([current]);
    state.editing = null;
    session.setVertexHandlesHidden(false);
    session.setEditingAreaId(null);
    session.setMeasure(null);
  }
  if (!wanted) return;
  const geometry = forTerraDraw(wanted.geometry as Polygon);
  if (state.editing === wanted.id) {
    const snapshot = draw.getSnapshotFeature(wanted.id);
    if (snapshot && JSON.stringify(snapshot.geometry.coordinates) !== JSON.stringify(geometry.coordinates)) {
      draw.updateFeatureGeometry(wanted.id, geometry);
      state.updateHandles?.();
    }
    return;
  }
  if (draw.getMode() !== "select") draw.setMode("select");
  const added = draw.addFeatures([
    { type: "Feature", id: wanted.id, geometry, properties: { mode: "polygon" } },
  ]);
  if (!added[0]?.valid) {
    session.notify({ kind: "warning", key: "draw.notEditable" });
    return;
  }
  draw.selectFeature(wanted.id);
  state.editing = wanted.id;
  state.updateHandles?.();
  session.setEditingAreaId(wanted.id);
  session.setMeasure(measureOf(draw.getSnapshotFeature(wanted.id)?.geometry, "select"));
}
