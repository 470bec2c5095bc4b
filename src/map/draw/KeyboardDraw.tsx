/**
 * Drawing and vertex editing with the keyboard on the focused map. A crosshair marks the map centre;
 * the arrow keys pan the map under it (a tenth of the view per press, a hundredth with Shift or Alt,
 * so the step follows the zoom). With the polygon tool Enter places a point at the crosshair and Enter
 * on the first point (or twice on the same spot) finishes; Backspace removes the last point, Escape
 * cancels. With an area selected, Enter (or E) starts vertex editing: [ and ] (or Page Up/Down) pick
 * a vertex, the arrows move it, Insert adds one after it, Delete removes it, Enter commits (one undo
 * step), Escape cancels.
 *
 * terra-draw reacts to pointer events only, so the points are collected here and shown as a preview
 * layer; the finished shape goes through the same clean-up and command as a drawn polygon.
 */
import "./KeyboardDraw.css";
import type { Feature, FeatureCollection } from "geojson";
import type { Map as MapLibreInstance } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Layer, Source, useMap } from "react-map-gl/maplibre";
import { geodesicArea, geodesicPerimeter } from "../../domain/geometry/measure-area.ts";
import type { AreaGeometry, AreaId } from "../../domain/model/plan.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useReferenceStore } from "../../store/reference-store.ts";
import { DRAWING_TOOLS, useSessionStore } from "../../store/session-store.ts";
import { cancelPointerSketch, pointerDrawingInProgress } from "./draw-registry.ts";
import {
  getKeyboardDraw,
  KEYBOARD_HELP_ID,
  type KeyboardDrawEvent,
  type LonLat,
  registerKeyboardDrawCommands,
  setKeyboardDraw,
  useKeyboardDraw,
} from "./KeyboardDrawState.ts";
import { editGeometry, type MachineEffect, type MachineInput, step } from "./keyboard-draw-machine.ts";

/** Texts the keyboard drawing needs (the map layer has no i18n of its own). */
export interface KeyboardDrawLabels {
  /** Accessible name of the map canvas. */
  map: string;
  newAreaPrefix: string;
  drawLabel: string;
  editLabel: string;
}

const DRAW_COLOUR = "#1d4ed8";
const EDIT_COLOUR = "#b45309";
/** Enter this close (in pixels) to the first point closes the polygon. */
const CLOSE_PX = 6;

const commitContext = () => ({
  getState: useDocumentStore.getState,
  boundary: useReferenceStore.getState().boundary,
});

const centreOf = (map: MapLibreInstance): LonLat => {
  const c = map.getCenter();
  return [c.lng, c.lat];
};

const pixelDistance = (map: MapLibreInstance, a: LonLat, b: LonLat) => {
  const p = map.project(a);
  const q = map.project(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
};

function announce(event: KeyboardDrawEvent) {
  setKeyboardDraw({ event });
}

/**
 * Takes the points of a polygon started with the pointer over into the keyboard's shape (and drops
 * terra-draw's sketch), so that a typed coordinate or the panel's buttons carry on with the same shape.
 */
function takeOverPointerSketch(dispatch: (input: MachineInput) => void) {
  const { pointerPoints } = getKeyboardDraw();
  if (pointerPoints.length === 0) return;
  cancelPointerSketch();
  setKeyboardDraw({ pointerPoints: [] });
  dispatch({ kind: "take-over", points: pointerPoints });
}

/** Geodesic area and perimeter, for the toolbar's live readout. */
const measureOf = (geometry: AreaGeometry) => ({
  areaM2: Math.abs(geodesicArea(geometry)),
  perimeterM: geodesicPerimeter(geometry),
});

/** Keys of vertex editing besides the arrows (which move the vertex with the map). */
const EDIT_KEYS: Record<string, MachineInput> = {
  "[": { kind: "step-vertex", by: -1 },
  PageUp: { kind: "step-vertex", by: -1 },
  "]": { kind: "step-vertex", by: 1 },
  PageDown: { kind: "step-vertex", by: 1 },
  Insert: { kind: "insert-vertex" },
  i: { kind: "insert-vertex" },
  I: { kind: "insert-vertex" },
  Delete: { kind: "delete-vertex" },
  Backspace: { kind: "delete-vertex" },
  Enter: { kind: "commit" },
  Escape: { kind: "cancel-edit" },
};

/** The plain lon/lat of a stored ring position. */
const lonLat = (p: number[]): LonLat => [p[0] ?? 0, p[1] ?? 0];

export function KeyboardDraw({ labels }: { labels: KeyboardDrawLabels }) {
  const { current: mapRef } = useMap();
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const tool = useSessionStore((s) => s.tool);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const vertices = useKeyboardDraw((s) => s.vertices);
  const edit = useKeyboardDraw((s) => s.edit);
  const focused = useKeyboardDraw((s) => s.focused);
  const [centre, setCentre] = useState<LonLat | null>(null);
  const pointerPoints = useKeyboardDraw((s) => s.pointerPoints);
  /** The machine's dispatch and a point's input, set by the wiring effect below. */
  const dispatchRef = useRef<((input: MachineInput) => void) | null>(null);
  const placeInputRef = useRef<((at: LonLat) => MachineInput) | null>(null);
  const drawingTool = DRAWING_TOOLS.includes(tool);
  const active = edit !== null || (drawingTool && (focused || vertices.length > 0));

  // The canvas: a translated name, the key help, and whether it has focus.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const canvas = map.getCanvas();
    canvas.setAttribute("aria-label", labels.map);
    canvas.setAttribute("aria-describedby", KEYBOARD_HELP_ID);
  }, [mapRef, labels.map]);

  // Keys on the focused canvas, taken before MapLibre, terra-draw and the global shortcuts see them.
  // The decisions are the pure machine's (keyboard-draw-machine.ts); this wiring turns keys into its
  // inputs and carries out its effects on the map and the plan.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const canvas = map.getCanvas();
    const container = map.getCanvasContainer();

    const stepPx = (fine: boolean) => {
      const base = Math.min(canvas.clientWidth, canvas.clientHeight);
      return fine ? Math.max(1, Math.round(base / 100)) : Math.round(base / 10);
    };
    const pan = (key: string, fine: boolean): LonLat => {
      const s = stepPx(fine);
      const offset: [number, number] =
        key === "ArrowLeft" ? [-s, 0] : key === "ArrowRight" ? [s, 0] : key === "ArrowUp" ? [0, -s] : [0, s];
      map.panBy(offset, { duration: 0 });
      return centreOf(map);
    };
    /** A point to place, with "on the first / last point" decided in screen pixels. */
    const placeInput = (at: LonLat): MachineInput => {
      const points = getKeyboardDraw().vertices;
      const first = points[0];
      const last = points.at(-1);
      return {
        kind: "place",
        at,
        onFirst: first !== undefined && pixelDistance(map, at, first) <= CLOSE_PX,
        onLast: last !== undefined && pixelDistance(map, at, last) < 1,
      };
    };

    const dispatch = (input: MachineInput) => {
      const current = getKeyboardDraw();
      const next = step({ vertices: current.vertices, edit: current.edit }, input);
      setKeyboardDraw({
        vertices: next.state.vertices,
        edit: next.state.edit,
        ...(next.event ? { event: next.event } : {}),
      });
      for (const effect of next.effects) void perform(effect);
    };

    const perform = async (effect: MachineEffect) => {
      const session = useSessionStore.getState();
      switch (effect.kind) {
        case "jump":
          map.jumpTo({ center: effect.to });
          return;
        case "live": {
          if (effect.geometry) {
            session.setLiveGeometry({ areaId: effect.areaId, geometry: effect.geometry });
            session.setMeasure(measureOf(effect.geometry));
            return;
          }
          // Back to the stored shape (a commit updates it through terra-draw too).
          session.setLiveGeometry(null);
          const stored = selectActiveVariant(useDocumentStore.getState()).areas[effect.areaId];
          if (stored) session.setMeasure(measureOf(stored.geometry));
          return;
        }
        case "create": {
          if (useDocumentStore.getState().readOnly) {
            announce({ kind: "not-editable" });
            return;
          }
          const geometry: AreaGeometry = {
            type: "Polygon",
            coordinates: [[...effect.points, effect.points[0] as LonLat]],
          };
          const { createArea, reportResult } = await import("../../store/area-commands.ts");
          const result = createArea(
            commitContext(),
            geometry,
            { kind: "drawn", tool: "polygon" },
            { namePrefix: labelsRef.current.newAreaPrefix, label: labelsRef.current.drawLabel },
          );
          reportResult(result);
          if (!result.ok) {
            dispatch({
              kind: "refused",
              reason: result.reason,
              areaM2: result.areaM2 ?? 0,
              minAreaM2: result.minAreaM2,
            });
            return;
          }
          const area = selectActiveVariant(useDocumentStore.getState()).areas[result.areaId];
          dispatch({
            kind: "created",
            name: area?.name ?? "",
            areaM2: area ? Math.abs(geodesicArea(area.geometry)) : 0,
          });
          session.setTool("select");
          session.selectPilotArea(result.areaId);
          return;
        }
        case "store-edit": {
          if (useDocumentStore.getState().readOnly) {
            dispatch({ kind: "cancel-edit" });
            announce({ kind: "not-editable" });
            return;
          }
          const { setAreaGeometry, reportResult } = await import("../../store/area-commands.ts");
          const result = setAreaGeometry(
            commitContext(),
            effect.areaId as AreaId,
            effect.geometry,
            labelsRef.current.editLabel,
          );
          reportResult(result);
          if (!result.ok) {
            dispatch({
              kind: "refused",
              reason: result.reason,
              areaM2: result.areaM2 ?? 0,
              minAreaM2: result.minAreaM2,
            });
            return;
          }
          const stored = selectActiveVariant(useDocumentStore.getState()).areas[effect.areaId];
          dispatch({ kind: "committed", areaM2: stored ? Math.abs(geodesicArea(stored.geometry)) : 0 });
          return;
        }
      }
    };

    const startEdit = () => {
      const session = useSessionStore.getState();
      const documents = useDocumentStore.getState();
      const id = session.selectedAreaId;
      const area = id ? selectActiveVariant(documents).areas[id] : undefined;
      if (!area || documents.readOnly || area.geometry.type !== "Polygon") {
        announce({ kind: "not-editable" });
        return;
      }
      if (session.tool !== "select") session.setTool("select");
      const [outer = [], ...holes] = area.geometry.coordinates;
      dispatch({
        kind: "start-edit",
        areaId: area.id,
        name: area.name,
        ring: outer.slice(0, -1).map(lonLat),
        holes: holes.map((h) => h.slice(0, -1).map(lonLat)),
      });
    };

    const editKey = (key: string, fine: boolean): boolean => {
      if (key.startsWith("Arrow")) {
        dispatch({ kind: "move-vertex", to: pan(key, fine) });
        return true;
      }
      const input = EDIT_KEYS[key];
      if (!input) return false;
      dispatch(input);
      return true;
    };

    const drawKey = (key: string, fine: boolean): boolean => {
      const session = useSessionStore.getState();
      const drawing = getKeyboardDraw().vertices.length > 0;
      switch (key) {
        case "ArrowLeft":
        case "ArrowRight":
        case "ArrowUp":
        case "ArrowDown":
          announce({ kind: "crosshair", at: pan(key, fine) });
          return true;
        case "Enter":
          // A shape started with the mouse is finished by terra-draw, not turned into keyboard points.
          if (!drawing && pointerDrawingInProgress()) return false;
          if (session.tool !== "polygon") announce({ kind: "tool-not-supported" });
          else dispatch(placeInput(centreOf(map)));
          return true;
        case "Backspace":
          if (!drawing) return false;
          dispatch({ kind: "remove-last" });
          return true;
        case "Escape":
          if (!drawing) return false;
          dispatch({ kind: "cancel" });
          return true;
        default:
          return false;
      }
    };

    const handle = (event: KeyboardEvent): boolean => {
      if (event.target !== canvas || event.ctrlKey || event.metaKey) return false;
      const fine = event.shiftKey || event.altKey;
      if (getKeyboardDraw().edit) return editKey(event.key, fine);
      const session = useSessionStore.getState();
      if (useDocumentStore.getState().readOnly) return false;
      if (DRAWING_TOOLS.includes(session.tool)) return drawKey(event.key, fine);
      if (session.tool === "select" && session.selectedAreaId) {
        if (event.key === "Enter" || event.key === "e" || event.key === "E") {
          startEdit();
          return true;
        }
      }
      return false;
    };

    const swallowed = new Set<string>();
    const onKeyDown = (event: KeyboardEvent) => {
      // The crosshair is for the keyboard: it shows once a key is pressed on the map.
      if (event.target === canvas && !getKeyboardDraw().focused) setKeyboardDraw({ focused: true });
      if (!handle(event)) return;
      event.preventDefault();
      event.stopPropagation();
      swallowed.add(event.key);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (!swallowed.delete(event.key)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Focus by Tab (":focus-visible") shows the crosshair; a mouse click that focuses the map does not.
    const onFocus = () => setKeyboardDraw({ focused: canvas.matches(":focus-visible") });
    const onBlur = () => setKeyboardDraw({ focused: false });
    const onPointerDown = () => {
      if (getKeyboardDraw().focused) setKeyboardDraw({ focused: false });
    };
    const onMove = () => setCentre(centreOf(map));
    container.addEventListener("keydown", onKeyDown, { capture: true });
    container.addEventListener("keyup", onKeyUp, { capture: true });
    canvas.addEventListener("focus", onFocus);
    canvas.addEventListener("blur", onBlur);
    canvas.addEventListener("pointerdown", onPointerDown);
    map.on("move", onMove);
    setCentre(centreOf(map));
    setKeyboardDraw({ focused: document.activeElement === canvas && canvas.matches(":focus-visible") });
    dispatchRef.current = dispatch;
    placeInputRef.current = placeInput;

    registerKeyboardDrawCommands({
      placeAt: (at) => {
        const bounds = map.getMaxBounds();
        if (bounds && !bounds.contains(at)) return false;
        map.jumpTo({ center: at });
        if (getKeyboardDraw().edit) {
          dispatch({ kind: "move-vertex", to: at });
          return true;
        }
        const session = useSessionStore.getState();
        if (session.tool !== "polygon") session.setTool("polygon");
        takeOverPointerSketch(dispatch);
        dispatch(placeInput(at));
        return true;
      },
      finish: () => {
        if (getKeyboardDraw().edit) {
          dispatch({ kind: "commit" });
          return;
        }
        takeOverPointerSketch(dispatch);
        dispatch({ kind: "finish" });
      },
      cancel: () => {
        if (getKeyboardDraw().edit) {
          dispatch({ kind: "cancel-edit" });
          return;
        }
        takeOverPointerSketch(dispatch);
        if (getKeyboardDraw().vertices.length > 0) dispatch({ kind: "cancel" });
      },
      startEdit: () => {
        startEdit();
        canvas.focus();
      },
      focusMap: () => canvas.focus(),
    });

    return () => {
      container.removeEventListener("keydown", onKeyDown, { capture: true });
      container.removeEventListener("keyup", onKeyUp, { capture: true });
      canvas.removeEventListener("focus", onFocus);
      canvas.removeEventListener("blur", onBlur);
      canvas.removeEventListener("pointerdown", onPointerDown);
      map.off("move", onMove);
      registerKeyboardDrawCommands(null);
      dispatchRef.current = null;
      placeInputRef.current = null;
    };
  }, [mapRef]);

  // A click on the map while the keyboard's shape is open adds its point to that shape (terra-draw's
  // new sketch is taken over at once), so keyboard and mouse build one shape together.
  useEffect(() => {
    if (pointerPoints.length === 0 || getKeyboardDraw().vertices.length === 0) return;
    const dispatch = dispatchRef.current;
    const placeInput = placeInputRef.current;
    if (!dispatch || !placeInput) return;
    cancelPointerSketch();
    setKeyboardDraw({ pointerPoints: [] });
    for (const point of pointerPoints) dispatch(placeInput(point));
  }, [pointerPoints]);

  // Leaving the drawing tools drops the points; another selection or tool ends vertex editing.
  useEffect(() => {
    const current = getKeyboardDraw();
    const drawingLeft = !DRAWING_TOOLS.includes(tool) && current.vertices.length > 0;
    const editLeft = current.edit !== null && (tool !== "select" || selectedAreaId !== current.edit.areaId);
    if (!drawingLeft && !editLeft) return;
    const next = step({ vertices: current.vertices, edit: current.edit }, { kind: "reset", announce: true });
    if (editLeft) useSessionStore.getState().setLiveGeometry(null);
    setKeyboardDraw({
      vertices: next.state.vertices,
      edit: next.state.edit,
      ...(next.event ? { event: next.event } : {}),
    });
  }, [tool, selectedAreaId]);

  const preview = useMemo<FeatureCollection>(() => {
    const features: Feature[] = [];
    if (edit) {
      features.push({
        type: "Feature",
        properties: { role: "edit-shape" },
        geometry: editGeometry(edit.ring, edit.holes),
      });
      edit.ring.forEach((p, i) => {
        features.push({
          type: "Feature",
          properties: { role: i === edit.current ? "current" : "vertex" },
          geometry: { type: "Point", coordinates: p },
        });
      });
    } else if (vertices.length > 0) {
      const line = centre ? [...vertices, centre] : vertices;
      if (line.length >= 3) {
        features.push({
          type: "Feature",
          properties: { role: "draw-shape" },
          geometry: { type: "Polygon", coordinates: [[...line, line[0] as LonLat]] },
        });
      }
      features.push({
        type: "Feature",
        properties: { role: "draw-line" },
        geometry: { type: "LineString", coordinates: line },
      });
      vertices.forEach((p, i) => {
        features.push({
          type: "Feature",
          properties: { role: i === 0 ? "first" : "vertex" },
          geometry: { type: "Point", coordinates: p },
        });
      });
    }
    return { type: "FeatureCollection", features };
  }, [edit, vertices, centre]);

  const colour = edit ? EDIT_COLOUR : DRAW_COLOUR;
  return (
    <>
      <Source id="keyboard-draw" type="geojson" data={preview}>
        <Layer
          id="keyboard-draw-fill"
          type="fill"
          filter={["==", ["geometry-type"], "Polygon"]}
          paint={{ "fill-color": colour, "fill-opacity": 0.15 }}
        />
        <Layer
          id="keyboard-draw-line"
          type="line"
          filter={["!=", ["geometry-type"], "Point"]}
          paint={{ "line-color": colour, "line-width": 2.5, "line-dasharray": [2, 1] }}
        />
        <Layer
          id="keyboard-draw-points"
          type="circle"
          filter={["==", ["geometry-type"], "Point"]}
          paint={{
            "circle-radius": ["match", ["get", "role"], "current", 8, "first", 7, 5],
            "circle-color": ["match", ["get", "role"], "current", "#fde047", "#ffffff"],
            "circle-stroke-color": colour,
            "circle-stroke-width": ["match", ["get", "role"], "current", 3, "first", 3, 2],
          }}
        />
      </Source>
      {active && (
        <div
          className={`keyboard-crosshair${edit ? " keyboard-crosshair-edit" : ""}`}
          data-testid="keyboard-crosshair"
          aria-hidden="true"
        />
      )}
    </>
  );
}
