/**
 * What the draw controller does when terra-draw reports: on each change (once per frame) the tool
 * bar's measures, the pointer sketch's points for the drawing panel and, while the planner drags a
 * stored area, its live shape for the coverage panel; on finish a new area from the drawn shape, or
 * the edited area's new shape, each through one command (one undo step).
 */
import type { Polygon } from "geojson";
import type { TerraDraw } from "terra-draw";
import type { AreaGeometry, AreaId } from "../../domain/model/plan.ts";
import { createArea, reportResult, setAreaGeometry } from "../../store/area-commands.ts";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { useReferenceStore } from "../../store/reference-store.ts";
import { useSessionStore } from "../../store/session-store.ts";
import { forTerraDraw, measureOf, samePoints, sketchPoints } from "./draw-geometry.ts";
import { getKeyboardDraw, setKeyboardDraw } from "./KeyboardDrawState.ts";

/** Texts the draw controller needs from the UI (it has no i18n of its own). */
export interface DrawLabels {
  newAreaPrefix: string;
  drawLabel: string;
  editLabel: string;
}

/** What the handlers read from the controller when an event comes. */
export interface DrawEventContext {
  /** The running instance; null once the controller is gone. */
  draw: () => TerraDraw | null;
  /** The id of the area being edited, or null. */
  editing: () => string | null;
  labels: () => DrawLabels;
}

type DrawnTool = "polygon" | "rectangle" | "circle" | "freehand";

const commitContext = () => ({
  getState: useDocumentStore.getState,
  boundary: useReferenceStore.getState().boundary,
});

/** Listens to `draw`'s change and finish events; returns a function that drops a pending frame. */
export function listenToDraw(draw: TerraDraw, context: DrawEventContext): () => void {
  let frame = 0;
  let userChanged = false;
  draw.on("change", (ids, _type, change) => {
    // Changes made through the API (loading the selected area, undo) are not the planner dragging.
    // Selecting a feature changes only its properties; that is not a new shape either.
    const fromApi = change !== undefined && "origin" in change && change.origin === "api";
    if (!fromApi && change?.target !== "properties") userChanged = true;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const byPlanner = userChanged;
      userChanged = false;
      showChange(context, ids, byPlanner);
    });
  });
  draw.on("finish", (id, finish) => {
    const d = context.draw();
    if (!d) return;
    if (finish.mode !== "select" && finish.action === "draw")
      createDrawn(d, id, finish.mode as DrawnTool, context);
    else if (finish.mode === "select" && id === context.editing()) storeEdit(d, id, context);
  });
  return () => {
    if (frame) cancelAnimationFrame(frame);
  };
}

/** A frame's worth of changes: measures, the pointer sketch, and the live shape of a dragged area. */
function showChange(context: DrawEventContext, ids: (string | number)[], byPlanner: boolean): void {
  const d = context.draw();
  if (!d) return;
  const session = useSessionStore.getState();
  const editing = context.editing();
  const id = editing ?? ids[0];
  const feature = id === undefined ? undefined : d.getSnapshotFeature(id);
  session.setMeasure(measureOf(feature?.geometry, session.tool));
  if (!editing) publishPointerSketch(d, ids);
  // While a stored area is dragged, its shape feeds the live figures in the coverage panel.
  if (byPlanner && id !== undefined && id === editing && feature?.geometry.type === "Polygon") {
    session.setLiveGeometry({ areaId: id, geometry: feature.geometry as AreaGeometry });
  }
}

/** Tells the drawing panel which points of a polygon the pointer has placed so far. */
function publishPointerSketch(draw: TerraDraw, ids: (string | number)[]): void {
  let points = sketchPoints(ids.map((id) => draw.getSnapshotFeature(id)));
  if (points === null) {
    // This change did not touch the sketch; it is gone only if nothing is being drawn any more.
    if (draw.getModeState() === "drawing") return;
    points = [];
  }
  if (!samePoints(getKeyboardDraw().pointerPoints, points)) setKeyboardDraw({ pointerPoints: points });
}

/** A shape drawn with a tool becomes a new area (terra-draw's copy is dropped either way). */
function createDrawn(draw: TerraDraw, id: string | number, tool: DrawnTool, context: DrawEventContext): void {
  const feature = draw.getSnapshotFeature(id);
  const session = useSessionStore.getState();
  draw.removeFeatures([id]);
  setKeyboardDraw({ pointerPoints: [] });
  if (!feature) return;
  const labels = context.labels();
  const result = createArea(
    commitContext(),
    feature.geometry as AreaGeometry,
    { kind: "drawn", tool },
    { namePrefix: labels.newAreaPrefix, label: labels.drawLabel },
  );
  reportResult(result);
  if (result.ok) {
    session.setTool("select");
    session.selectPilotArea(result.areaId);
  }
  session.setMeasure(null);
}

/** The edited area's dragged shape is stored; when refused, terra-draw gets the stored shape back. */
function storeEdit(draw: TerraDraw, id: string | number, context: DrawEventContext): void {
  const feature = draw.getSnapshotFeature(id);
  if (!feature) return;
  useSessionStore.getState().setLiveGeometry(null);
  const result = setAreaGeometry(
    commitContext(),
    id as AreaId,
    feature.geometry as AreaGeometry,
    context.labels().editLabel,
  );
  reportResult(result);
  if (!result.ok) {
    const stored = selectActiveVariant(useDocumentStore.getState()).areas[id as string];
    if (stored && stored.geometry.type === "Polygon")
      draw.updateFeatureGeometry(id, forTerraDraw(stored.geometry as Polygon));
  }
}
