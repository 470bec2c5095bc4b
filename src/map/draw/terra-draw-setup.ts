/**
 * How terra-draw is set up on our map: one mode per drawing tool plus the select mode for vertex
 * editing, their colours, and the select mode's options, which switch the vertex handles off where
 * they would not fit on screen (`handlesFit` in `draw-geometry.ts`).
 */
import type { Map as MapLibreInstance } from "maplibre-gl";
import {
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
import { newId } from "../../domain/model/ids.ts";
import type { Tool } from "../../store/session-store.ts";

/** The terra-draw mode of each tool. */
export const TERRA_MODE: Record<Tool, string> = {
  select: "select",
  polygon: "polygon",
  rectangle: "rectangle",
  circle: "circle",
  freehand: "freehand",
  districts: "static",
};

const DRAW_COLOUR = "#1d4ed8";
const EDIT_COLOUR = "#b45309";

/** The select mode's flags: the polygon can be dragged; its vertices only when `handles` fit. */
export function selectFlags(handles: boolean, snap: SnapToCustom) {
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

/** The select mode's styles: handles of zero size when they do not fit. */
export function selectStyles(handles: boolean) {
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

/**
 * A terra-draw instance on `map` (not started yet) with our modes. Selection is ours: the select mode
 * never selects or deselects on its own and leaves Delete and the rotate/scale keys alone.
 */
export function createTerraDraw(map: MapLibreInstance, snap: SnapToCustom): TerraDraw {
  return new TerraDraw({
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
}
