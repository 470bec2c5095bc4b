/**
 * State of drawing and vertex editing with the keyboard: the points placed so far, the ring being
 * edited and its current vertex, whether the map has keyboard focus, and the last thing that happened
 * (for the announcement, worded by the UI). Like terra-draw's half-drawn shape this is session state
 * that the plan document never sees until the shape is finished. A tiny external store: the map's
 * KeyboardDraw changes it, the UI reads it with `useKeyboardDraw`.
 */
import { useSyncExternalStore } from "react";

export type LonLat = [number, number];

/** Id of the element (rendered by the UI) that explains the keys; the map canvas points to it. */
export const KEYBOARD_HELP_ID = "keyboard-draw-help";

/** What just happened, for the live region. Coordinates are longitude, latitude. */
export type KeyboardDrawEvent =
  | { kind: "crosshair"; at: LonLat }
  | { kind: "vertex-added"; index: number; at: LonLat }
  | { kind: "vertex-removed"; remaining: number }
  | { kind: "too-few"; count: number }
  | { kind: "cancelled" }
  | { kind: "created"; name: string; areaM2: number }
  | { kind: "refused"; reason: string; areaM2: number; minAreaM2: number }
  | { kind: "tool-not-supported" }
  | { kind: "edit-started"; name: string; count: number; at: LonLat }
  | { kind: "vertex-selected"; index: number; count: number; at: LonLat }
  | { kind: "vertex-moved"; index: number; at: LonLat }
  | { kind: "vertex-inserted"; index: number; count: number; at: LonLat }
  | { kind: "vertex-deleted"; index: number; count: number }
  | { kind: "cannot-delete"; count: number }
  | { kind: "edit-committed"; name: string; areaM2: number }
  | { kind: "edit-cancelled" }
  | { kind: "not-editable" };

export interface KeyboardEdit {
  areaId: string;
  name: string;
  /** The outer ring without its closing point. */
  ring: LonLat[];
  /** Holes and further polygons stay as they are. */
  holes: LonLat[][];
  current: number;
  /** Any vertex moved, inserted or deleted since the edit started. */
  changed: boolean;
}

export interface KeyboardDrawState {
  /** Points placed with Enter (or typed), in order. */
  vertices: LonLat[];
  /**
   * Points of a polygon being drawn with the pointer (terra-draw's sketch), as placed so far. The
   * drawing panel shows them, and the keyboard, the typed coordinates and the panel's buttons take
   * such a sketch over, so there is one shape whichever input placed its points.
   */
  pointerPoints: LonLat[];
  edit: KeyboardEdit | null;
  /** The map canvas has keyboard focus. */
  focused: boolean;
  event: KeyboardDrawEvent | null;
  /** Counts events, so that the same event twice is still announced twice. */
  seq: number;
}

let state: KeyboardDrawState = {
  vertices: [],
  pointerPoints: [],
  edit: null,
  focused: false,
  event: null,
  seq: 0,
};
const listeners = new Set<() => void>();

export function getKeyboardDraw(): KeyboardDrawState {
  return state;
}

/** Changes the state; an `event` in the patch is announced. */
export function setKeyboardDraw(patch: Partial<Omit<KeyboardDrawState, "seq">>): void {
  state = { ...state, ...patch, seq: patch.event ? state.seq + 1 : state.seq };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useKeyboardDraw<T>(select: (s: KeyboardDrawState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(state),
    () => select(state),
  );
}

/**
 * Commands the UI can send to the keyboard drawing on the map (the coordinate field, the finish and
 * cancel buttons). Registered by KeyboardDraw while the map is there.
 */
export interface KeyboardDrawCommands {
  /**
   * Moves the crosshair to a point; places a vertex there (drawing) or moves the current vertex
   * (editing). False when the point lies outside the map's bounds (nothing happens then).
   */
  placeAt(at: LonLat): boolean;
  finish(): void;
  cancel(): void;
  startEdit(): void;
  focusMap(): void;
}

let commands: KeyboardDrawCommands | null = null;

export function registerKeyboardDrawCommands(next: KeyboardDrawCommands | null): void {
  commands = next;
}

export function keyboardDrawCommands(): KeyboardDrawCommands | null {
  return commands;
}
