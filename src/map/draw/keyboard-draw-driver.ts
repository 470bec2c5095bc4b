/**
 * Carries out keyboard drawing on one map: feeds the pure machine (`keyboard-draw-machine.ts`) its
 * inputs, writes its state to the keyboard-draw store, and performs its effects on the map and the
 * plan (jump the map, show a shape live, create an area, store an edit), answering the machine with
 * the outcome. Key actions (`keyboard-draw-keys.ts`) and the UI's commands (coordinate field, finish
 * and cancel buttons) come in here. No React: the hook in `use-keyboard-drawing.ts` creates one driver
 * per map.
 */
import type { Map as MapLibreInstance } from "maplibre-gl";
import { geodesicArea, geodesicPerimeter } from "../../domain/geometry/measure-area.ts";
import type { AreaGeometry, AreaId } from "../../domain/model/plan.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useReferenceStore } from "../../store/reference-store.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { cancelPointerSketch, pointerDrawingInProgress } from "./draw-registry.ts";
import {
  getKeyboardDraw,
  type KeyboardDrawCommands,
  type KeyboardDrawEvent,
  type LonLat,
  setKeyboardDraw,
} from "./KeyboardDrawState.ts";
import { decideKey, type KeyAction, type KeyPress, panOffset } from "./keyboard-draw-keys.ts";
import { type MachineEffect, type MachineInput, step } from "./keyboard-draw-machine.ts";

/** Texts the keyboard drawing needs (the map layer has no i18n of its own). */
export interface KeyboardDrawLabels {
  /** Accessible name of the map canvas. */
  map: string;
  newAreaPrefix: string;
  drawLabel: string;
  editLabel: string;
}

/** Enter this close (in pixels) to the first point closes the polygon. */
const CLOSE_PX = 6;

/** Keyboard drawing on one map. */
export interface KeyboardDrawDriver {
  dispatch(input: MachineInput): void;
  /** The input that places a point, with "on the first / last point" decided in screen pixels. */
  placeInput(at: LonLat): MachineInput;
  /** Handles a key on the map canvas; false when the key is not keyboard drawing's. */
  handleKey(press: KeyPress): boolean;
  /** The commands the UI sends (registered with `registerKeyboardDrawCommands`). */
  commands: KeyboardDrawCommands;
}

interface Context {
  map: MapLibreInstance;
  dispatch: (input: MachineInput) => void;
  labels: () => KeyboardDrawLabels;
}

export const centreOf = (map: MapLibreInstance): LonLat => {
  const c = map.getCenter();
  return [c.lng, c.lat];
};

const pixelDistance = (map: MapLibreInstance, a: LonLat, b: LonLat) => {
  const p = map.project(a);
  const q = map.project(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
};

const announce = (event: KeyboardDrawEvent) => setKeyboardDraw({ event });

const commitContext = () => ({
  getState: useDocumentStore.getState,
  boundary: useReferenceStore.getState().boundary,
});

/** Geodesic area and perimeter, for the toolbar's live readout. */
const measureOf = (geometry: AreaGeometry) => ({
  areaM2: Math.abs(geodesicArea(geometry)),
  perimeterM: geodesicPerimeter(geometry),
});

/** The plain lon/lat of a stored ring position. */
const lonLat = (p: number[]): LonLat => [p[0] ?? 0, p[1] ?? 0];

const storedArea = (areaId: string) => selectActiveVariant(useDocumentStore.getState()).areas[areaId];

/** Creates the driver of keyboard drawing on `map`; `labels` reads the current texts. */
export function createKeyboardDrawDriver(
  map: MapLibreInstance,
  labels: () => KeyboardDrawLabels,
): KeyboardDrawDriver {
  const dispatch = (input: MachineInput) => {
    const current = getKeyboardDraw();
    const next = step({ vertices: current.vertices, edit: current.edit }, input);
    setKeyboardDraw({
      vertices: next.state.vertices,
      edit: next.state.edit,
      ...(next.event ? { event: next.event } : {}),
    });
    for (const effect of next.effects) void performEffect(context, effect);
  };
  const context: Context = { map, dispatch, labels };
  return {
    dispatch,
    placeInput: (at) => placeInput(map, at),
    handleKey: (press) => {
      const action = decideKey(press, {
        editing: getKeyboardDraw().edit !== null,
        drawing: getKeyboardDraw().vertices.length > 0,
        pointerDrawing: pointerDrawingInProgress(),
        readOnly: useDocumentStore.getState().readOnly,
        tool: useSessionStore.getState().tool,
        selectedAreaId: useSessionStore.getState().selectedAreaId,
      });
      if (!action) return false;
      runKeyAction(context, action);
      return true;
    },
    commands: commandsOf(context),
  };
}

function placeInput(map: MapLibreInstance, at: LonLat): MachineInput {
  const points = getKeyboardDraw().vertices;
  const first = points[0];
  const last = points.at(-1);
  return {
    kind: "place",
    at,
    onFirst: first !== undefined && pixelDistance(map, at, first) <= CLOSE_PX,
    onLast: last !== undefined && pixelDistance(map, at, last) < 1,
  };
}

function runKeyAction({ map, dispatch }: Context, action: KeyAction): void {
  switch (action.kind) {
    case "input":
      dispatch(action.input);
      return;
    case "pan": {
      const canvas = map.getCanvas();
      map.panBy(panOffset(action.key, canvas.clientWidth, canvas.clientHeight, action.fine), { duration: 0 });
      const at = centreOf(map);
      if (action.after === "move-vertex") dispatch({ kind: "move-vertex", to: at });
      else announce({ kind: "crosshair", at });
      return;
    }
    case "place-at-centre":
      dispatch(placeInput(map, centreOf(map)));
      return;
    case "announce":
      announce(action.event);
      return;
    case "start-edit":
      startEdit(dispatch);
      return;
  }
}

/** Starts editing the selected area's outer ring, or says that it cannot be edited. */
function startEdit(dispatch: (input: MachineInput) => void): void {
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

function commandsOf({ map, dispatch }: Context): KeyboardDrawCommands {
  const canvas = map.getCanvas();
  return {
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
      dispatch(placeInput(map, at));
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
      startEdit(dispatch);
      canvas.focus();
    },
    focusMap: () => canvas.focus(),
  };
}

async function performEffect(context: Context, effect: MachineEffect): Promise<void> {
  switch (effect.kind) {
    case "jump":
      context.map.jumpTo({ center: effect.to });
      return;
    case "live":
      showLive(effect.areaId, effect.geometry);
      return;
    case "create":
      return createFromPoints(context, effect.points);
    case "store-edit":
      return storeEdit(context, effect.areaId as AreaId, effect.geometry);
  }
}

/** Shows an edited shape's live figures and measures, or (null) goes back to the stored shape. */
function showLive(areaId: string, geometry: AreaGeometry | null): void {
  const session = useSessionStore.getState();
  if (geometry) {
    session.setLiveGeometry({ areaId, geometry });
    session.setMeasure(measureOf(geometry));
    return;
  }
  // Back to the stored shape (a commit updates it through terra-draw too).
  session.setLiveGeometry(null);
  const stored = storedArea(areaId);
  if (stored) session.setMeasure(measureOf(stored.geometry));
}

async function createFromPoints({ dispatch, labels }: Context, points: LonLat[]): Promise<void> {
  if (useDocumentStore.getState().readOnly) {
    announce({ kind: "not-editable" });
    return;
  }
  const geometry: AreaGeometry = { type: "Polygon", coordinates: [[...points, points[0] as LonLat]] };
  const { createArea, reportResult } = await import("../../store/area-commands.ts");
  const result = createArea(
    commitContext(),
    geometry,
    { kind: "drawn", tool: "polygon" },
    { namePrefix: labels().newAreaPrefix, label: labels().drawLabel },
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
  const area = storedArea(result.areaId);
  dispatch({
    kind: "created",
    name: area?.name ?? "",
    areaM2: area ? Math.abs(geodesicArea(area.geometry)) : 0,
  });
  const session = useSessionStore.getState();
  session.setTool("select");
  session.selectPilotArea(result.areaId);
}

async function storeEdit(
  { dispatch, labels }: Context,
  areaId: AreaId,
  geometry: AreaGeometry,
): Promise<void> {
  if (useDocumentStore.getState().readOnly) {
    dispatch({ kind: "cancel-edit" });
    announce({ kind: "not-editable" });
    return;
  }
  const { setAreaGeometry, reportResult } = await import("../../store/area-commands.ts");
  const result = setAreaGeometry(commitContext(), areaId, geometry, labels().editLabel);
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
  const stored = storedArea(areaId);
  dispatch({ kind: "committed", areaM2: stored ? Math.abs(geodesicArea(stored.geometry)) : 0 });
}
