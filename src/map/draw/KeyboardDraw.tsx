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
 * layer; the finished shape goes through the same clean-up and command as a drawn polygon. This
 * component shows the preview and the crosshair; the keys are decided in `keyboard-draw-keys.ts`, the
 * drawing in `keyboard-draw-machine.ts`, and `use-keyboard-drawing.ts` wires them to the map.
 */
import "./KeyboardDraw.css";
import { useMemo } from "react";
import { Layer, Source, useMap } from "react-map-gl/maplibre";
import { DRAWING_TOOLS, useSessionStore } from "../../store/session-store.ts";
import { useKeyboardDraw } from "./KeyboardDrawState.ts";
import type { KeyboardDrawLabels } from "./keyboard-draw-driver.ts";
import { keyboardDrawPreview } from "./keyboard-draw-preview.ts";
import { useKeyboardDrawing } from "./use-keyboard-drawing.ts";

const DRAW_COLOUR = "#1d4ed8";
const EDIT_COLOUR = "#b45309";

export function KeyboardDraw({ labels }: { labels: KeyboardDrawLabels }) {
  const { current: mapRef } = useMap();
  const centre = useKeyboardDrawing(mapRef?.getMap(), labels);
  const tool = useSessionStore((s) => s.tool);
  const vertices = useKeyboardDraw((s) => s.vertices);
  const edit = useKeyboardDraw((s) => s.edit);
  const focused = useKeyboardDraw((s) => s.focused);
  const drawingTool = DRAWING_TOOLS.includes(tool);
  const active = edit !== null || (drawingTool && (focused || vertices.length > 0));
  const preview = useMemo(() => keyboardDrawPreview(edit, vertices, centre), [edit, vertices, centre]);

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
