/**
 * The hooks that wire keyboard drawing into a map: keys and focus on the canvas (taken before
 * MapLibre, terra-draw and the global shortcuts see them), the UI's commands, the crosshair's
 * position, points clicked with the pointer into the keyboard's shape, and the reset when the tool or
 * the selection changes. The decisions are pure (`keyboard-draw-keys.ts`, `keyboard-draw-machine.ts`);
 * the driver (`keyboard-draw-driver.ts`) carries them out.
 */
import type { Map as MapLibreInstance } from "maplibre-gl";
import { type RefObject, useEffect, useRef, useState } from "react";
import { DRAWING_TOOLS, useSessionStore } from "../../store/session-store.ts";
import { cancelPointerSketch } from "./draw-registry.ts";
import {
  getKeyboardDraw,
  KEYBOARD_HELP_ID,
  type LonLat,
  registerKeyboardDrawCommands,
  setKeyboardDraw,
  useKeyboardDraw,
} from "./KeyboardDrawState.ts";
import {
  centreOf,
  createKeyboardDrawDriver,
  type KeyboardDrawDriver,
  type KeyboardDrawLabels,
} from "./keyboard-draw-driver.ts";
import { step } from "./keyboard-draw-machine.ts";

/**
 * Wires keyboard drawing into `map` while it is there; returns the map centre (the crosshair), kept up
 * to date as the map moves.
 */
export function useKeyboardDrawing(
  map: MapLibreInstance | undefined,
  labels: KeyboardDrawLabels,
): LonLat | null {
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const [centre, setCentre] = useState<LonLat | null>(null);
  const driverRef = useRef<KeyboardDrawDriver | null>(null);

  // The canvas: a translated name and the key help.
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    canvas.setAttribute("aria-label", labels.map);
    canvas.setAttribute("aria-describedby", KEYBOARD_HELP_ID);
  }, [map, labels.map]);

  useEffect(() => {
    if (!map) return;
    const driver = createKeyboardDrawDriver(map, () => labelsRef.current);
    driverRef.current = driver;
    const unlisten = listenOnCanvas(map, driver, setCentre);
    registerKeyboardDrawCommands(driver.commands);
    return () => {
      unlisten();
      registerKeyboardDrawCommands(null);
      driverRef.current = null;
    };
  }, [map]);

  useTakeOverPointerPoints(driverRef);
  useResetOnToolChange();
  return centre;
}

/**
 * Keys, focus and moves on the map: the keys keyboard drawing handles are swallowed (keydown and
 * their keyup); focus by Tab shows the crosshair, a pointer press hides it. Returns the unsubscribe.
 */
function listenOnCanvas(
  map: MapLibreInstance,
  driver: KeyboardDrawDriver,
  setCentre: (centre: LonLat) => void,
): () => void {
  const canvas = map.getCanvas();
  const container = map.getCanvasContainer();
  const swallowed = new Set<string>();
  const onKeyDown = (event: KeyboardEvent) => {
    // The crosshair is for the keyboard: it shows once a key is pressed on the map.
    if (event.target === canvas && !getKeyboardDraw().focused) setKeyboardDraw({ focused: true });
    if (event.target !== canvas || !driver.handleKey(event)) return;
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
  return () => {
    container.removeEventListener("keydown", onKeyDown, { capture: true });
    container.removeEventListener("keyup", onKeyUp, { capture: true });
    canvas.removeEventListener("focus", onFocus);
    canvas.removeEventListener("blur", onBlur);
    canvas.removeEventListener("pointerdown", onPointerDown);
    map.off("move", onMove);
  };
}

/**
 * A click on the map while the keyboard's shape is open adds its point to that shape (terra-draw's
 * new sketch is taken over at once), so keyboard and mouse build one shape together.
 */
function useTakeOverPointerPoints(driverRef: RefObject<KeyboardDrawDriver | null>): void {
  const pointerPoints = useKeyboardDraw((s) => s.pointerPoints);
  useEffect(() => {
    if (pointerPoints.length === 0 || getKeyboardDraw().vertices.length === 0) return;
    const driver = driverRef.current;
    if (!driver) return;
    cancelPointerSketch();
    setKeyboardDraw({ pointerPoints: [] });
    for (const point of pointerPoints) driver.dispatch(driver.placeInput(point));
  }, [pointerPoints, driverRef]);
}

/** Leaving the drawing tools drops the points; another selection or tool ends vertex editing. */
function useResetOnToolChange(): void {
  const tool = useSessionStore((s) => s.tool);
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
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
}
