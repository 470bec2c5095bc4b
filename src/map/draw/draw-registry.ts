/**
 * The running terra-draw instance, registered by the (lazily loaded) draw controller, so that the
 * keyboard shortcuts can remove the last point without loading terra-draw themselves.
 */
import type { Tool } from "../../store/session-store.ts";
import { DRAWING_TOOLS } from "../../store/session-store.ts";

interface DrawHandle {
  getModeState(): string;
  getMode(): string;
  setMode(mode: string): void;
  undo(): boolean;
}

let active: DrawHandle | null = null;

export function registerDraw(draw: DrawHandle | null): void {
  active = draw;
}

export function isActiveDraw(draw: DrawHandle): boolean {
  return active === draw;
}

/** Whether the current tool is one of the drawing tools (for keyboard handling). */
export function isDrawingTool(tool: Tool): boolean {
  return DRAWING_TOOLS.includes(tool);
}

/** Removes the last placed point of the shape being drawn (Backspace). */
export function undoLastPoint(): boolean {
  if (active?.getModeState() !== "drawing") return false;
  return active.undo();
}

/** Whether a shape is being drawn with the pointer right now (its Enter, Backspace and Escape are terra-draw's). */
export function pointerDrawingInProgress(): boolean {
  return active?.getModeState() === "drawing";
}

/** Drops the shape being drawn with the pointer (its points are taken over elsewhere, or cancelled). */
export function cancelPointerSketch(): void {
  const draw = active;
  if (draw?.getModeState() !== "drawing") return;
  const mode = draw.getMode();
  // Leaving a mode cleans up its half-drawn shape; coming back starts afresh.
  draw.setMode("static");
  draw.setMode(mode);
}
