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
import type { Feature, FeatureCollection, Polygon } from "geojson";
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
function adoptPointerSketch() {
  const { vertices, pointerPoints } = getKeyboardDraw();
  if (pointerPoints.length === 0) return;
  cancelPointerSketch();
  setKeyboardDraw({ vertices: [...vertices, ...pointerPoints], pointerPoints: [] });
}

function editGeometry(ring: LonLat[], holes: LonLat[][]): Polygon {
  const close = (r: LonLat[]) => [...r, r[0] as LonLat];
  return { type: "Polygon", coordinates: [close(ring), ...holes.map(close)] };
}

/** Geodesic area and perimeter, for the toolbar's live readout. */
const measureOf = (geometry: AreaGeometry) => ({
  areaM2: Math.abs(geodesicArea(geometry)),
  perimeterM: geodesicPerimeter(geometry),
});

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
  /** Places a point of the keyboard's shape, or finishes it on its first point (set by the effect below). */
  const placeRef = useRef<((at: LonLat) => void) | null>(null);
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
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const canvas = map.getCanvas();
    const container = map.getCanvasContainer();

    const step = (fine: boolean) => {
      const base = Math.min(canvas.clientWidth, canvas.clientHeight);
      return fine ? Math.max(1, Math.round(base / 100)) : Math.round(base / 10);
    };
    const pan = (key: string, fine: boolean): LonLat => {
      const s = step(fine);
      const offset: [number, number] =
        key === "ArrowLeft" ? [-s, 0] : key === "ArrowRight" ? [s, 0] : key === "ArrowUp" ? [0, -s] : [0, s];
      map.panBy(offset, { duration: 0 });
      return centreOf(map);
    };
    const jumpTo = (at: LonLat) => map.jumpTo({ center: at });

    const finish = async () => {
      if (useDocumentStore.getState().readOnly) {
        announce({ kind: "not-editable" });
        return;
      }
      const points = getKeyboardDraw().vertices;
      if (points.length < 3) {
        announce({ kind: "too-few", count: points.length });
        return;
      }
      const geometry: AreaGeometry = {
        type: "Polygon",
        coordinates: [[...points, points[0] as LonLat]],
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
        announce({
          kind: "refused",
          reason: result.reason,
          areaM2: result.areaM2 ?? 0,
          minAreaM2: result.minAreaM2,
        });
        return;
      }
      const area = selectActiveVariant(useDocumentStore.getState()).areas[result.areaId];
      setKeyboardDraw({
        vertices: [],
        event: {
          kind: "created",
          name: area?.name ?? "",
          areaM2: area ? Math.abs(geodesicArea(area.geometry)) : 0,
        },
      });
      const session = useSessionStore.getState();
      session.setTool("select");
      session.selectPilotArea(result.areaId);
    };

    const placeOrFinish = (at: LonLat) => {
      const points = getKeyboardDraw().vertices;
      const last = points.at(-1);
      const first = points[0];
      if (points.length >= 3 && first && last) {
        if (pixelDistance(map, at, first) <= CLOSE_PX || pixelDistance(map, at, last) < 1) {
          void finish();
          return;
        }
      }
      if (last && pixelDistance(map, at, last) < 1) {
        announce({ kind: "too-few", count: points.length });
        return;
      }
      setKeyboardDraw({
        vertices: [...points, at],
        event: { kind: "vertex-added", index: points.length + 1, at },
      });
    };

    placeRef.current = placeOrFinish;

    const cancelDrawing = () => {
      if (getKeyboardDraw().vertices.length === 0) return false;
      setKeyboardDraw({ vertices: [], event: { kind: "cancelled" } });
      return true;
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
      const ring = outer.slice(0, -1).map(lonLat);
      const at = ring[0] as LonLat;
      setKeyboardDraw({
        vertices: [],
        edit: {
          areaId: area.id,
          name: area.name,
          ring,
          holes: holes.map((h) => h.slice(0, -1).map(lonLat)),
          current: 0,
          changed: false,
        },
        event: { kind: "edit-started", name: area.name, count: ring.length, at },
      });
      jumpTo(at);
    };

    const stopEdit = (event: KeyboardDrawEvent) => {
      const session = useSessionStore.getState();
      session.setLiveGeometry(null);
      // The live measure goes back to the stored shape (a commit updates it through terra-draw too).
      const id = getKeyboardDraw().edit?.areaId;
      const stored = id ? selectActiveVariant(useDocumentStore.getState()).areas[id] : undefined;
      if (stored) session.setMeasure(measureOf(stored.geometry));
      setKeyboardDraw({ edit: null, event });
    };

    const commitEdit = async () => {
      const current = getKeyboardDraw().edit;
      if (!current) return;
      if (!current.changed || useDocumentStore.getState().readOnly) {
        stopEdit({ kind: current.changed ? "not-editable" : "edit-cancelled" });
        return;
      }
      const { setAreaGeometry, reportResult } = await import("../../store/area-commands.ts");
      const result = setAreaGeometry(
        commitContext(),
        current.areaId as AreaId,
        editGeometry(current.ring, current.holes),
        labelsRef.current.editLabel,
      );
      reportResult(result);
      if (!result.ok) {
        announce({
          kind: "refused",
          reason: result.reason,
          areaM2: result.areaM2 ?? 0,
          minAreaM2: result.minAreaM2,
        });
        return;
      }
      const stored = selectActiveVariant(useDocumentStore.getState()).areas[current.areaId];
      stopEdit({
        kind: "edit-committed",
        name: current.name,
        areaM2: stored ? Math.abs(geodesicArea(stored.geometry)) : 0,
      });
    };

    /** Changes the edited ring and shows it live in the coverage figures. */
    const updateEdit = (ring: LonLat[], current: number, event: KeyboardDrawEvent) => {
      const edit = getKeyboardDraw().edit;
      if (!edit) return;
      const next = { ...edit, ring, current, changed: true };
      setKeyboardDraw({ edit: next, event });
      const geometry = editGeometry(ring, edit.holes);
      const session = useSessionStore.getState();
      session.setLiveGeometry({ areaId: edit.areaId, geometry });
      session.setMeasure(measureOf(geometry));
    };

    const editKey = (key: string, fine: boolean): boolean => {
      const edit = getKeyboardDraw().edit;
      if (!edit) return false;
      const n = edit.ring.length;
      switch (key) {
        case "[":
        case "]":
        case "PageUp":
        case "PageDown": {
          const current = (edit.current + (key === "[" || key === "PageUp" ? n - 1 : 1)) % n;
          const at = edit.ring[current] as LonLat;
          setKeyboardDraw({
            edit: { ...edit, current },
            event: { kind: "vertex-selected", index: current + 1, count: n, at },
          });
          jumpTo(at);
          return true;
        }
        case "ArrowLeft":
        case "ArrowRight":
        case "ArrowUp":
        case "ArrowDown": {
          const at = pan(key, fine);
          const ring = edit.ring.map((p, i) => (i === edit.current ? at : p));
          updateEdit(ring, edit.current, { kind: "vertex-moved", index: edit.current + 1, at });
          return true;
        }
        case "Insert":
        case "i":
        case "I": {
          const a = edit.ring[edit.current] as LonLat;
          const b = edit.ring[(edit.current + 1) % n] as LonLat;
          const at: LonLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
          const ring = [...edit.ring.slice(0, edit.current + 1), at, ...edit.ring.slice(edit.current + 1)];
          updateEdit(ring, edit.current + 1, {
            kind: "vertex-inserted",
            index: edit.current + 2,
            count: ring.length,
            at,
          });
          jumpTo(at);
          return true;
        }
        case "Delete":
        case "Backspace": {
          if (n <= 3) {
            announce({ kind: "cannot-delete", count: n });
            return true;
          }
          const ring = edit.ring.filter((_, i) => i !== edit.current);
          const current = edit.current % ring.length;
          updateEdit(ring, current, { kind: "vertex-deleted", index: edit.current + 1, count: ring.length });
          jumpTo(ring[current] as LonLat);
          return true;
        }
        case "Enter":
          void commitEdit();
          return true;
        case "Escape":
          stopEdit({ kind: "edit-cancelled" });
          return true;
        default:
          return false;
      }
    };

    const drawKey = (key: string, fine: boolean): boolean => {
      const session = useSessionStore.getState();
      switch (key) {
        case "ArrowLeft":
        case "ArrowRight":
        case "ArrowUp":
        case "ArrowDown":
          announce({ kind: "crosshair", at: pan(key, fine) });
          return true;
        case "Enter":
          // A shape started with the mouse is finished by terra-draw, not turned into keyboard points.
          if (getKeyboardDraw().vertices.length === 0 && pointerDrawingInProgress()) return false;
          if (session.tool !== "polygon") announce({ kind: "tool-not-supported" });
          else placeOrFinish(centreOf(map));
          return true;
        case "Backspace": {
          const points = getKeyboardDraw().vertices;
          if (points.length === 0) return false;
          setKeyboardDraw({
            vertices: points.slice(0, -1),
            event: { kind: "vertex-removed", remaining: points.length - 1 },
          });
          return true;
        }
        case "Escape":
          return cancelDrawing();
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

    registerKeyboardDrawCommands({
      placeAt: (at) => {
        const bounds = map.getMaxBounds();
        if (bounds && !bounds.contains(at)) return false;
        jumpTo(at);
        const edit = getKeyboardDraw().edit;
        if (edit) {
          const ring = edit.ring.map((p, i) => (i === edit.current ? at : p));
          updateEdit(ring, edit.current, { kind: "vertex-moved", index: edit.current + 1, at });
          return true;
        }
        const session = useSessionStore.getState();
        if (session.tool !== "polygon") session.setTool("polygon");
        adoptPointerSketch();
        placeOrFinish(at);
        return true;
      },
      finish: () => {
        if (getKeyboardDraw().edit) {
          void commitEdit();
          return;
        }
        adoptPointerSketch();
        void finish();
      },
      cancel: () => {
        if (getKeyboardDraw().edit) {
          stopEdit({ kind: "edit-cancelled" });
          return;
        }
        adoptPointerSketch();
        cancelDrawing();
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
      placeRef.current = null;
    };
  }, [mapRef]);

  // A click on the map while the keyboard's shape is open adds its point to that shape (terra-draw's
  // new sketch is taken over at once), so keyboard and mouse build one shape together.
  useEffect(() => {
    if (pointerPoints.length === 0 || getKeyboardDraw().vertices.length === 0) return;
    const place = placeRef.current;
    if (!place) return;
    cancelPointerSketch();
    setKeyboardDraw({ pointerPoints: [] });
    for (const point of pointerPoints) place(point);
  }, [pointerPoints]);

  // Leaving the polygon tool drops the points; another selection or tool ends vertex editing.
  useEffect(() => {
    const current = getKeyboardDraw();
    if (!DRAWING_TOOLS.includes(tool) && current.vertices.length > 0) {
      setKeyboardDraw({ vertices: [], event: { kind: "cancelled" } });
    }
    if (current.edit && (tool !== "select" || selectedAreaId !== current.edit.areaId)) {
      useSessionStore.getState().setLiveGeometry(null);
      setKeyboardDraw({ edit: null, event: { kind: "edit-cancelled" } });
    }
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
