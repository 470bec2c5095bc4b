/**
 * Drawing and vertex editing with the keyboard as a pure state machine: (state, input) → (next state,
 * what to announce, what the map should do). No MapLibre here: inputs that depend on the screen (is
 * this point on the first one, in pixels?) arrive already decided by the wiring in
 * keyboard-draw-driver.ts, and the effects (jump the map, show a shape live, create the area, store
 * the edit) are carried out there. Three modes, derived from the state: idle, drawing (points placed) and editing (a ring being
 * edited). An input the mode does not allow is a bug in the wiring and throws.
 */
import type { Polygon } from "geojson";
import type { KeyboardDrawEvent, KeyboardEdit, LonLat } from "./KeyboardDrawState.ts";

export interface MachineState {
  /** Points of the shape being drawn, in order. */
  vertices: LonLat[];
  /** The ring being edited, or null. */
  edit: KeyboardEdit | null;
}

export type Mode = "idle" | "drawing" | "editing";

export function modeOf(state: MachineState): Mode {
  if (state.edit) return "editing";
  return state.vertices.length > 0 ? "drawing" : "idle";
}

export type MachineInput =
  /**
   * A point at the crosshair or typed. On the first point, or on the last one again, it finishes a
   * shape of three or more points (the wiring decides "on" in screen pixels).
   */
  | { kind: "place"; at: LonLat; onFirst: boolean; onLast: boolean }
  /** Finish the shape (the panel's button): three points or more make an area. */
  | { kind: "finish" }
  | { kind: "remove-last" }
  | { kind: "cancel" }
  /** Points of a shape started with the pointer, taken over to go on with the keyboard. */
  | { kind: "take-over"; points: readonly LonLat[] }
  /** The area was created from the points (or refused: the points stay). */
  | { kind: "created"; name: string; areaM2: number }
  | { kind: "refused"; reason: string; areaM2: number; minAreaM2: number }
  | { kind: "start-edit"; areaId: string; name: string; ring: readonly LonLat[]; holes: readonly LonLat[][] }
  | { kind: "step-vertex"; by: 1 | -1 }
  | { kind: "move-vertex"; to: LonLat }
  | { kind: "insert-vertex" }
  | { kind: "delete-vertex" }
  /** Enter while editing: store the edit (or leave it when nothing changed). */
  | { kind: "commit" }
  | { kind: "committed"; areaM2: number }
  | { kind: "cancel-edit" }
  /** The tool or the selection changed under the machine: drop what is open, quietly or not. */
  | { kind: "reset"; announce: boolean };

/** What the map should do after a step. */
export type MachineEffect =
  | { kind: "jump"; to: LonLat }
  /** The edited shape, for the live figures and measures; null: back to the stored shape. */
  | { kind: "live"; areaId: string; geometry: Polygon | null }
  /** Create an area from these points (the wiring answers with "created" or "refused"). */
  | { kind: "create"; points: LonLat[] }
  /** Store this shape of the area (the wiring answers with "committed" or "refused"). */
  | { kind: "store-edit"; areaId: string; geometry: Polygon };

export interface MachineStep {
  state: MachineState;
  event: KeyboardDrawEvent | null;
  effects: MachineEffect[];
}

/** The polygon of an edited ring with its holes (rings closed). */
export function editGeometry(ring: readonly LonLat[], holes: readonly (readonly LonLat[])[]): Polygon {
  const close = (r: readonly LonLat[]) => [...r, r[0] as LonLat];
  return { type: "Polygon", coordinates: [close(ring), ...holes.map(close)] };
}

/** Thrown for an input the current mode does not take (a wiring bug, not a planner's mistake). */
export class IllegalInputError extends Error {
  constructor(input: MachineInput, mode: Mode) {
    super(`keyboard drawing: "${input.kind}" is not allowed while ${mode}`);
    this.name = "IllegalInputError";
  }
}

const MIN_POINTS = 3;

function only(state: MachineState, input: MachineInput, modes: readonly Mode[]): void {
  const mode = modeOf(state);
  if (!modes.includes(mode)) throw new IllegalInputError(input, mode);
}

function editStep(
  edit: KeyboardEdit,
  ring: LonLat[],
  current: number,
  event: KeyboardDrawEvent,
): MachineStep {
  const next = { ...edit, ring, current, changed: true };
  return {
    state: { vertices: [], edit: next },
    event,
    effects: [{ kind: "live", areaId: edit.areaId, geometry: editGeometry(ring, edit.holes) }],
  };
}

export function step(state: MachineState, input: MachineInput): MachineStep {
  const same = (event: KeyboardDrawEvent | null, effects: MachineEffect[] = []): MachineStep => ({
    state,
    event,
    effects,
  });
  switch (input.kind) {
    case "place": {
      only(state, input, ["idle", "drawing"]);
      const points = state.vertices;
      if (points.length >= MIN_POINTS && (input.onFirst || input.onLast))
        return same(null, [{ kind: "create", points: [...points] }]);
      if (points.length > 0 && input.onLast) return same({ kind: "too-few", count: points.length });
      return {
        state: { ...state, vertices: [...points, input.at] },
        event: { kind: "vertex-added", index: points.length + 1, at: input.at },
        effects: [],
      };
    }
    case "finish":
      only(state, input, ["idle", "drawing"]);
      return state.vertices.length >= MIN_POINTS
        ? same(null, [{ kind: "create", points: [...state.vertices] }])
        : same({ kind: "too-few", count: state.vertices.length });
    case "take-over":
      only(state, input, ["idle", "drawing"]);
      return {
        state: { ...state, vertices: [...state.vertices, ...input.points] },
        event: null,
        effects: [],
      };
    case "remove-last": {
      only(state, input, ["drawing"]);
      const remaining = state.vertices.slice(0, -1);
      return {
        state: { ...state, vertices: remaining },
        event: { kind: "vertex-removed", remaining: remaining.length },
        effects: [],
      };
    }
    case "cancel":
      only(state, input, ["drawing"]);
      return { state: { ...state, vertices: [] }, event: { kind: "cancelled" }, effects: [] };
    case "created":
      only(state, input, ["drawing"]);
      return {
        state: { ...state, vertices: [] },
        event: { kind: "created", name: input.name, areaM2: input.areaM2 },
        effects: [],
      };
    case "refused":
      only(state, input, ["drawing", "editing"]);
      return same({
        kind: "refused",
        reason: input.reason,
        areaM2: input.areaM2,
        minAreaM2: input.minAreaM2,
      });
    case "start-edit":
    case "step-vertex":
    case "move-vertex":
    case "insert-vertex":
    case "delete-vertex":
    case "commit":
    case "committed":
    case "cancel-edit":
      return vertexEditStep(state, input);
    case "reset": {
      const mode = modeOf(state);
      if (mode === "idle") return same(null);
      const event: KeyboardDrawEvent | null = input.announce
        ? mode === "editing"
          ? { kind: "edit-cancelled" }
          : { kind: "cancelled" }
        : null;
      const effects: MachineEffect[] =
        mode === "editing"
          ? [{ kind: "live", areaId: (state.edit as KeyboardEdit).areaId, geometry: null }]
          : [];
      return { state: { vertices: [], edit: null }, event, effects };
    }
  }
}

type VertexEditInput = Extract<
  MachineInput,
  {
    kind:
      | "start-edit"
      | "step-vertex"
      | "move-vertex"
      | "insert-vertex"
      | "delete-vertex"
      | "commit"
      | "committed"
      | "cancel-edit";
  }
>;

/** The steps of editing an existing area's vertices. */
function vertexEditStep(state: MachineState, input: VertexEditInput): MachineStep {
  const same = (event: KeyboardDrawEvent | null, effects: MachineEffect[] = []): MachineStep => ({
    state,
    event,
    effects,
  });
  switch (input.kind) {
    case "start-edit": {
      only(state, input, ["idle"]);
      const at = input.ring[0] as LonLat;
      const edit: KeyboardEdit = {
        areaId: input.areaId,
        name: input.name,
        ring: [...input.ring],
        holes: input.holes.map((h) => [...h]),
        current: 0,
        changed: false,
      };
      return {
        state: { vertices: [], edit },
        event: { kind: "edit-started", name: input.name, count: input.ring.length, at },
        effects: [{ kind: "jump", to: at }],
      };
    }
    case "step-vertex": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      const n = edit.ring.length;
      const current = (edit.current + input.by + n) % n;
      const at = edit.ring[current] as LonLat;
      return {
        state: { ...state, edit: { ...edit, current } },
        event: { kind: "vertex-selected", index: current + 1, count: n, at },
        effects: [{ kind: "jump", to: at }],
      };
    }
    case "move-vertex": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      const ring = edit.ring.map((p, i) => (i === edit.current ? input.to : p));
      return editStep(edit, ring, edit.current, {
        kind: "vertex-moved",
        index: edit.current + 1,
        at: input.to,
      });
    }
    case "insert-vertex": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      const n = edit.ring.length;
      const a = edit.ring[edit.current] as LonLat;
      const b = edit.ring[(edit.current + 1) % n] as LonLat;
      const at: LonLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const ring = [...edit.ring.slice(0, edit.current + 1), at, ...edit.ring.slice(edit.current + 1)];
      const inserted = editStep(edit, ring, edit.current + 1, {
        kind: "vertex-inserted",
        index: edit.current + 2,
        count: ring.length,
        at,
      });
      return { ...inserted, effects: [{ kind: "jump", to: at }, ...inserted.effects] };
    }
    case "delete-vertex": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      const n = edit.ring.length;
      if (n <= MIN_POINTS) return same({ kind: "cannot-delete", count: n });
      const ring = edit.ring.filter((_, i) => i !== edit.current);
      const current = edit.current % ring.length;
      const deleted = editStep(edit, ring, current, {
        kind: "vertex-deleted",
        index: edit.current + 1,
        count: ring.length,
      });
      return { ...deleted, effects: [{ kind: "jump", to: ring[current] as LonLat }, ...deleted.effects] };
    }
    case "commit": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      if (!edit.changed) return endEdit(state, { kind: "edit-cancelled" });
      return same(null, [
        { kind: "store-edit", areaId: edit.areaId, geometry: editGeometry(edit.ring, edit.holes) },
      ]);
    }
    case "committed": {
      only(state, input, ["editing"]);
      const edit = state.edit as KeyboardEdit;
      return endEdit(state, { kind: "edit-committed", name: edit.name, areaM2: input.areaM2 });
    }
    case "cancel-edit":
      only(state, input, ["editing"]);
      return endEdit(state, { kind: "edit-cancelled" });
  }
}

function endEdit(state: MachineState, event: KeyboardDrawEvent): MachineStep {
  const edit = state.edit as KeyboardEdit;
  return {
    state: { ...state, edit: null },
    event,
    effects: [{ kind: "live", areaId: edit.areaId, geometry: null }],
  };
}
