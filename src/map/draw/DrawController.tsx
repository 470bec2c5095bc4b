/**
 * terra-draw on the MapLibre map: the drawing tools (polygon, rectangle, circle, freehand) and vertex
 * editing of the selected pilot area. terra-draw owns the half-drawn or half-dragged shape; the plan
 * document only changes when a gesture finishes (one `transact`, one undo step). Selection is ours:
 * terra-draw never selects or deselects on its own.
 */

import type { Polygon } from "geojson";
import type { Map as MapLibreInstance } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { useMap } from "react-map-gl/maplibre";
import {
  type GeoJSONStoreFeatures,
  type SnapToCustom,
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawFreehandMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
} from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import { geodesicRadiusM } from "../../domain/geometry/circle-radius.ts";
import { geodesicArea, geodesicPerimeter } from "../../domain/geometry/measure-area.ts";
import { newId } from "../../domain/model/ids.ts";
import type { AreaGeometry, AreaId } from "../../domain/model/plan.ts";
import { createArea, reportResult, setAreaGeometry } from "../../store/area-commands.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useReferenceStore } from "../../store/reference-store.ts";
import { type Tool, useSessionStore } from "../../store/session-store.ts";
import { isActiveDraw, registerDraw } from "./draw-registry.ts";
import { getKeyboardDraw, setKeyboardDraw } from "./KeyboardDrawState.ts";
import { createSnapper } from "./snapper.ts";

/** Texts the draw controller needs from the UI (it has no i18n of its own). */
export interface DrawLabels {
  newAreaPrefix: string;
  drawLabel: string;
  editLabel: string;
}

const TERRA_MODE: Record<Tool, string> = {
  select: "select",
  polygon: "polygon",
  rectangle: "rectangle",
  circle: "circle",
  freehand: "freehand",
  districts: "static",
};

const DRAW_COLOUR = "#1d4ed8";
const EDIT_COLOUR = "#b45309";

declare global {
  interface Window {
    __pilotkarteDraw?: TerraDraw;
  }
}

/** terra-draw refuses coordinates with more than 9 decimals (clipping results have more): round to ~0.1 mm. */
function forTerraDraw(geometry: Polygon): Polygon {
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  return {
    type: "Polygon",
    coordinates: geometry.coordinates.map((ring) => ring.map((p) => [round(p[0] ?? 0), round(p[1] ?? 0)])),
  };
}

/**
 * Tells the drawing panel which points of a polygon the pointer has placed so far (terra-draw's sketch
 * keeps the committed points first, then the one following the pointer).
 */
function publishPointerSketch(draw: TerraDraw, ids: (string | number)[]) {
  let points: [number, number][] | null = null;
  for (const id of ids) {
    const feature = draw.getSnapshotFeature(id);
    if (feature?.geometry.type !== "Polygon" || feature.properties.currentlyDrawing !== true) continue;
    const committed = Number(feature.properties.committedCoordinateCount ?? 0);
    const ring = (feature.geometry as Polygon).coordinates[0] ?? [];
    points = ring.slice(0, committed).map((p) => [p[0] ?? 0, p[1] ?? 0]);
  }
  if (points === null) {
    // This change did not touch the sketch; it is gone only if nothing is being drawn any more.
    if (draw.getModeState() === "drawing") return;
    points = [];
  }
  const current = getKeyboardDraw().pointerPoints;
  const same =
    current.length === points.length &&
    current.every((p, i) => p[0] === points[i]?.[0] && p[1] === points[i]?.[1]);
  if (!same) setKeyboardDraw({ pointerPoints: points });
}

/**
 * Vertex handles are shown (and can be dragged) only where they sit at least this far apart on screen
 * on average: an area built from districts has hundreds of vertices, which at city zoom would be a
 * carpet of handles. Zooming in brings them back.
 */
const HANDLE_SPACING_PX = 9;
/** Below this many vertices the handles always show. */
const ALWAYS_HANDLES = 16;

function handlesFit(map: MapLibreInstance, geometry: Polygon): boolean {
  const ring = geometry.coordinates[0] ?? [];
  const n = ring.length - 1;
  if (n <= ALWAYS_HANDLES) return true;
  let length = 0;
  let previous = map.project(ring[0] as [number, number]);
  for (let i = 1; i <= n; i++) {
    const next = map.project(ring[i] as [number, number]);
    length += Math.hypot(next.x - previous.x, next.y - previous.y);
    previous = next;
  }
  return length / n >= HANDLE_SPACING_PX;
}

function selectFlags(handles: boolean, snap: SnapToCustom) {
  return {
    polygon: {
      feature: {
        draggable: true,
        coordinates: {
          midpoints: handles,
          draggable: handles,
          deletable: handles,
          snappable: { toCustom: snap },
        },
      },
    },
  };
}

function selectStyles(handles: boolean) {
  return {
    selectedPolygonColor: EDIT_COLOUR,
    selectedPolygonFillOpacity: 0.25,
    selectedPolygonOutlineColor: EDIT_COLOUR,
    selectedPolygonOutlineWidth: 3,
    selectionPointColor: EDIT_COLOUR,
    selectionPointWidth: handles ? 6 : 0,
    selectionPointOutlineColor: "#ffffff",
    selectionPointOutlineWidth: handles ? 2 : 0,
    midPointColor: "#ffffff",
    midPointOutlineColor: EDIT_COLOUR,
    midPointWidth: handles ? 4 : 0,
    midPointOutlineWidth: handles ? 2 : 0,
  } as const;
}

function measureOf(feature: GeoJSONStoreFeatures | undefined, tool: Tool | "select") {
  if (feature?.geometry.type !== "Polygon") return null;
  const geometry = feature.geometry as Polygon;
  const ring = geometry.coordinates[0] ?? [];
  if (ring.length < 4) return null;
  const measure: { areaM2: number; perimeterM: number; radiusM?: number } = {
    areaM2: Math.abs(geodesicArea(geometry)),
    perimeterM: geodesicPerimeter(geometry),
  };
  if (tool === "circle") {
    const n = ring.length - 1;
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += ring[i]?.[0] ?? 0;
      y += ring[i]?.[1] ?? 0;
    }
    const first = ring[0];
    if (first) measure.radiusM = geodesicRadiusM([x / n, y / n], first);
  }
  return measure;
}

export function DrawController({ labels }: { labels: DrawLabels }) {
  const { current: mapRef } = useMap();
  const drawRef = useRef<TerraDraw | null>(null);
  const editingRef = useRef<string | null>(null);
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const tool = useSessionStore((s) => s.tool);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const variant = useDocumentStore(selectActiveVariant);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const snapperRef = useRef(createSnapper());
  const updateHandlesRef = useRef<(() => void) | null>(null);

  // Create terra-draw once the map's style is ready.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    let draw: TerraDraw | null = null;
    let frame = 0;
    let userChanged = false;
    const snap: SnapToCustom = (event, context) => {
      if (!useSessionStore.getState().snapping) return undefined;
      return snapperRef.current.snap(map, [event.lng, event.lat], editingRef.current ?? context.currentId);
    };
    let handles = true;
    /** Shows or hides the edited area's vertex handles as they fit on screen (see HANDLE_SPACING_PX). */
    const updateHandles = () => {
      const d = drawRef.current;
      const id = editingRef.current;
      const feature = d && id ? d.getSnapshotFeature(id) : undefined;
      const fit = feature?.geometry.type === "Polygon" ? handlesFit(map, feature.geometry as Polygon) : true;
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
    updateHandlesRef.current = updateHandles;
    map.on("zoomend", updateHandles);
    const commitContext = () => ({
      getState: useDocumentStore.getState,
      boundary: useReferenceStore.getState().boundary,
    });
    const start = () => {
      draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
        modes: [
          new TerraDrawPolygonMode({
            snapping: { toCustom: snap },
            validation: (feature) => ValidateNotSelfIntersecting(feature),
            styles: {
              fillColor: DRAW_COLOUR,
              outlineColor: DRAW_COLOUR,
              outlineWidth: 2,
              fillOpacity: 0.2,
              snappingPointColor: "#f59e0b",
              snappingPointWidth: 7,
              snappingPointOutlineColor: "#ffffff",
              snappingPointOutlineWidth: 2,
              closingPointColor: DRAW_COLOUR,
            },
          }),
          new TerraDrawRectangleMode({
            styles: { fillColor: DRAW_COLOUR, outlineColor: DRAW_COLOUR, fillOpacity: 0.2 },
          }),
          new TerraDrawCircleMode({
            styles: { fillColor: DRAW_COLOUR, outlineColor: DRAW_COLOUR, fillOpacity: 0.2 },
          }),
          new TerraDrawFreehandMode({
            styles: { fillColor: DRAW_COLOUR, outlineColor: DRAW_COLOUR, fillOpacity: 0.2 },
          }),
          new TerraDrawSelectMode({
            allowManualSelection: false,
            allowManualDeselection: false,
            keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
            flags: selectFlags(true, snap),
            styles: selectStyles(true),
          }),
        ],
        undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
        // Our area ids are UUIDs in the app, but imported plans may bring any string ids.
        idStrategy: { isValidId: (id) => typeof id === "string" && id.length > 0, getId: () => newId() },
      });
      draw.start();
      draw.setMode(TERRA_MODE[useSessionStore.getState().tool]);
      drawRef.current = draw;
      registerDraw(draw);
      if (new URLSearchParams(window.location.search).has("e2e")) window.__pilotkarteDraw = draw;

      draw.on("change", (ids, _type, context) => {
        // Changes made through the API (loading the selected area, undo) are not the planner dragging.
        // Selecting a feature changes only its properties; that is not a new shape either.
        const fromApi = context !== undefined && "origin" in context && context.origin === "api";
        if (!fromApi && context?.target !== "properties") userChanged = true;
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          const d = drawRef.current;
          if (!d) return;
          const session = useSessionStore.getState();
          const id = editingRef.current ?? ids[0];
          const feature = id === undefined ? undefined : d.getSnapshotFeature(id);
          session.setMeasure(measureOf(feature, session.tool));
          if (!editingRef.current) publishPointerSketch(d, ids);
          // While a stored area is dragged, its shape feeds the live figures in the coverage panel.
          const byPlanner = userChanged;
          userChanged = false;
          if (
            byPlanner &&
            id !== undefined &&
            id === editingRef.current &&
            feature?.geometry.type === "Polygon"
          ) {
            session.setLiveGeometry({ areaId: id, geometry: feature.geometry as AreaGeometry });
          }
        });
      });

      draw.on("finish", (id, context) => {
        const d = drawRef.current;
        if (!d) return;
        const feature = d.getSnapshotFeature(id);
        const session = useSessionStore.getState();
        if (context.mode !== "select" && context.action === "draw") {
          d.removeFeatures([id]);
          setKeyboardDraw({ pointerPoints: [] });
          if (!feature) return;
          const toolName = context.mode as "polygon" | "rectangle" | "circle" | "freehand";
          const result = createArea(
            commitContext(),
            feature.geometry as AreaGeometry,
            { kind: "drawn", tool: toolName },
            {
              namePrefix: labelsRef.current.newAreaPrefix,
              label: labelsRef.current.drawLabel,
            },
          );
          reportResult(result);
          if (result.ok) {
            session.setTool("select");
            session.selectPilotArea(result.areaId);
          }
          session.setMeasure(null);
          return;
        }
        if (context.mode === "select" && feature && id === editingRef.current) {
          session.setLiveGeometry(null);
          const result = setAreaGeometry(
            commitContext(),
            id as AreaId,
            feature.geometry as AreaGeometry,
            labelsRef.current.editLabel,
          );
          reportResult(result);
          if (!result.ok) {
            // Put the stored geometry back into terra-draw: the edit was refused.
            const stored = selectActiveVariant(useDocumentStore.getState()).areas[id as string];
            if (stored && stored.geometry.type === "Polygon")
              d.updateFeatureGeometry(id, forTerraDraw(stored.geometry));
          }
        }
      });
    };
    if (map.isStyleLoaded()) start();
    else map.once("load", start);
    return () => {
      map.off("load", start);
      map.off("zoomend", updateHandles);
      updateHandlesRef.current = null;
      if (frame) cancelAnimationFrame(frame);
      if (draw) {
        try {
          draw.stop();
        } catch {
          // The map may already be gone (page unload); nothing to clean up then.
        }
      }
      if (draw && isActiveDraw(draw)) registerDraw(null);
      drawRef.current = null;
      editingRef.current = null;
      useSessionStore.getState().setEditingAreaId(null);
    };
  }, [mapRef]);

  // Tool → terra-draw mode.
  useEffect(() => {
    const draw = drawRef.current;
    if (!draw) return;
    const mode = TERRA_MODE[tool];
    if (draw.getMode() !== mode) draw.setMode(mode);
    useSessionStore.getState().setMeasure(null);
    if (getKeyboardDraw().pointerPoints.length > 0) setKeyboardDraw({ pointerPoints: [] });
  }, [tool]);

  // The selected area → terra-draw feature for vertex editing (plain polygons only).
  useEffect(() => {
    const draw = drawRef.current;
    if (!draw) return;
    const area = selectedAreaId ? variant.areas[selectedAreaId] : undefined;
    const wanted = !readOnly && tool === "select" && area && area.geometry.type === "Polygon" ? area : null;
    const current = editingRef.current;
    if (current && current !== wanted?.id) {
      if (draw.hasFeature(current)) draw.removeFeatures([current]);
      editingRef.current = null;
      useSessionStore.getState().setVertexHandlesHidden(false);
      useSessionStore.getState().setEditingAreaId(null);
      useSessionStore.getState().setMeasure(null);
    }
    if (!wanted) return;
    if (editingRef.current === wanted.id) {
      const snapshot = draw.getSnapshotFeature(wanted.id);
      const rounded = forTerraDraw(wanted.geometry as Polygon);
      if (snapshot && JSON.stringify(snapshot.geometry.coordinates) !== JSON.stringify(rounded.coordinates)) {
        draw.updateFeatureGeometry(wanted.id, rounded);
        updateHandlesRef.current?.();
      }
      return;
    }
    if (draw.getMode() !== "select") draw.setMode("select");
    const added = draw.addFeatures([
      {
        type: "Feature",
        id: wanted.id,
        geometry: forTerraDraw(wanted.geometry as Polygon),
        properties: { mode: "polygon" },
      },
    ]);
    if (!added[0]?.valid) {
      useSessionStore.getState().notify({ kind: "warning", key: "draw.notEditable" });
      return;
    }
    draw.selectFeature(wanted.id);
    editingRef.current = wanted.id;
    updateHandlesRef.current?.();
    useSessionStore.getState().setEditingAreaId(wanted.id);
    useSessionStore.getState().setMeasure(measureOf(draw.getSnapshotFeature(wanted.id), "select"));
  }, [tool, selectedAreaId, variant, readOnly]);

  // Snap targets: district borders, the city boundary and the other pilot areas.
  const snapIndex = useReferenceStore((s) => s.snapIndex);
  useEffect(() => {
    snapperRef.current.setReference(snapIndex);
  }, [snapIndex]);
  useEffect(() => {
    snapperRef.current.setAreas(variant);
  }, [variant]);

  return null;
}
