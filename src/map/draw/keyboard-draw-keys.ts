/**
 * Which key on the focused map does what in keyboard drawing, as a pure decision: (key, modifiers,
 * the situation) → an action for the wiring (`keyboard-draw-driver.ts`) to carry out, or null when the
 * key is not ours (then MapLibre, terra-draw and the global shortcuts get it). The arrows pan the map
 * under the crosshair by a tenth of the view per press, a hundredth with Shift or Alt.
 */
import { DRAWING_TOOLS, type Tool } from "../../store/session-store.ts";
import type { KeyboardDrawEvent } from "./KeyboardDrawState.ts";
import type { MachineInput } from "./keyboard-draw-machine.ts";

/** A key press on the map canvas, as much of it as the decision reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What the decision needs to know besides the key. */
export interface KeySituation {
  /** A ring is being edited. */
  editing: boolean;
  /** Points of a keyboard shape are placed. */
  drawing: boolean;
  /** A shape is being drawn with the pointer (its Enter is terra-draw's). */
  pointerDrawing: boolean;
  readOnly: boolean;
  tool: Tool;
  selectedAreaId: string | null;
}

export type ArrowKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

export type KeyAction =
  /** Give the machine this input. */
  | { kind: "input"; input: MachineInput }
  /** Pan the map; then move the edited vertex to the new centre, or announce the crosshair's place. */
  | { kind: "pan"; key: ArrowKey; fine: boolean; after: "move-vertex" | "announce-crosshair" }
  /** Place a point at the crosshair (the map centre). */
  | { kind: "place-at-centre" }
  | { kind: "announce"; event: KeyboardDrawEvent }
  /** Start editing the selected area's vertices. */
  | { kind: "start-edit" };

/** Keys of vertex editing besides the arrows (which move the vertex with the map). */
const EDIT_KEYS: Readonly<Record<string, MachineInput>> = {
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

const isArrow = (key: string): key is ArrowKey =>
  key === "ArrowLeft" || key === "ArrowRight" || key === "ArrowUp" || key === "ArrowDown";

/** What a key press does, or null when keyboard drawing leaves it alone. */
export function decideKey(press: KeyPress, situation: KeySituation): KeyAction | null {
  if (press.ctrlKey || press.metaKey) return null;
  const fine = press.shiftKey || press.altKey;
  if (situation.editing) return editKey(press.key, fine);
  if (situation.readOnly) return null;
  if (DRAWING_TOOLS.includes(situation.tool)) return drawKey(press.key, fine, situation);
  if (situation.tool === "select" && situation.selectedAreaId) {
    if (press.key === "Enter" || press.key === "e" || press.key === "E") return { kind: "start-edit" };
  }
  return null;
}

function editKey(key: string, fine: boolean): KeyAction | null {
  if (isArrow(key)) return { kind: "pan", key, fine, after: "move-vertex" };
  const input = EDIT_KEYS[key];
  return input ? { kind: "input", input } : null;
}

function drawKey(key: string, fine: boolean, situation: KeySituation): KeyAction | null {
  if (isArrow(key)) return { kind: "pan", key, fine, after: "announce-crosshair" };
  switch (key) {
    case "Enter":
      // A shape started with the mouse is finished by terra-draw, not turned into keyboard points.
      if (!situation.drawing && situation.pointerDrawing) return null;
      if (situation.tool !== "polygon") return { kind: "announce", event: { kind: "tool-not-supported" } };
      return { kind: "place-at-centre" };
    case "Backspace":
      return situation.drawing ? { kind: "input", input: { kind: "remove-last" } } : null;
    case "Escape":
      return situation.drawing ? { kind: "input", input: { kind: "cancel" } } : null;
    default:
      return null;
  }
}

/**
 * How far an arrow pans the map, in pixels: a tenth of the view's shorter side, a hundredth (at
 * least one pixel) when `fine`, so the step in metres follows the zoom.
 */
export function panOffset(key: ArrowKey, width: number, height: number, fine: boolean): [number, number] {
  const base = Math.min(width, height);
  const s = fine ? Math.max(1, Math.round(base / 100)) : Math.round(base / 10);
  switch (key) {
    case "ArrowLeft":
      return [-s, 0];
    case "ArrowRight":
      return [s, 0];
    case "ArrowUp":
      return [0, -s];
    case "ArrowDown":
      return [0, s];
  }
}
