import { describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/map/draw/KeyboardDrawState.ts";
import {
  editGeometry,
  IllegalInputError,
  type MachineState,
  modeOf,
  step,
} from "../../../src/map/draw/keyboard-draw-machine.ts";

const idle: MachineState = Object.freeze({ vertices: [], edit: null }) as MachineState;
const a: LonLat = [7.46, 51.51];
const b: LonLat = [7.47, 51.51];
const c: LonLat = [7.47, 51.52];
const d: LonLat = [7.46, 51.52];
const place = (at: LonLat, on: { first?: boolean; last?: boolean } = {}) =>
  ({ kind: "place", at, onFirst: on.first ?? false, onLast: on.last ?? false }) as const;

/** Runs inputs one after the other from a state. */
function run(state: MachineState, ...inputs: Parameters<typeof step>[1][]) {
  let current = state;
  let last = step(current, { kind: "reset", announce: false });
  for (const input of inputs) {
    last = step(current, input);
    current = last.state;
  }
  return last;
}

const square = () => run(idle, place(a), place(b), place(c)).state;
const editing = () =>
  step(idle, { kind: "start-edit", areaId: "x", name: "Nordmarkt", ring: [a, b, c, d], holes: [] }).state;

describe("keyboard drawing as a state machine", () => {
  describe("drawing", () => {
    it("places points in order and announces each", () => {
      const first = step(idle, place(a));
      expect(modeOf(first.state)).toBe("drawing");
      expect(first.event).toEqual({ kind: "vertex-added", index: 1, at: a });
      expect(run(idle, place(a), place(b)).state.vertices).toEqual([a, b]);
    });

    it("asks for the area when a point lands on the first one of three or more", () => {
      const done = step(square(), place(a, { first: true }));
      expect(done.effects).toEqual([{ kind: "create", points: [a, b, c] }]);
      // The points stay until the area exists ("created"), so a refusal loses none of them.
      expect(done.state.vertices).toEqual([a, b, c]);
      const created = step(done.state, { kind: "created", name: "Gebiet 1", areaM2: 1000 });
      expect(modeOf(created.state)).toBe("idle");
      expect(created.event).toEqual({ kind: "created", name: "Gebiet 1", areaM2: 1000 });
    });

    it("finishes with Enter twice on the same spot, but says a shape of two points is too few", () => {
      expect(step(square(), place(c, { last: true })).effects[0]?.kind).toBe("create");
      const two = run(idle, place(a), place(b));
      const again = step(two.state, place(b, { last: true }));
      expect(again.event).toEqual({ kind: "too-few", count: 2 });
      expect(again.state.vertices).toEqual([a, b]);
    });

    it("finishes from the panel only with three points", () => {
      expect(step(run(idle, place(a), place(b)).state, { kind: "finish" }).event).toEqual({
        kind: "too-few",
        count: 2,
      });
      expect(step(square(), { kind: "finish" }).effects).toEqual([{ kind: "create", points: [a, b, c] }]);
    });

    it("removes the last point, cancels, and takes over a shape started with the pointer", () => {
      const removed = step(square(), { kind: "remove-last" });
      expect(removed.state.vertices).toEqual([a, b]);
      expect(removed.event).toEqual({ kind: "vertex-removed", remaining: 2 });
      const cancelled = step(square(), { kind: "cancel" });
      expect(modeOf(cancelled.state)).toBe("idle");
      expect(cancelled.event).toEqual({ kind: "cancelled" });
      expect(step(idle, { kind: "take-over", points: [a, b] }).state.vertices).toEqual([a, b]);
    });

    it("keeps the points when the area is refused", () => {
      const refused = step(square(), { kind: "refused", reason: "too-small", areaM2: 10, minAreaM2: 500 });
      expect(refused.state.vertices).toEqual([a, b, c]);
      expect(refused.event?.kind).toBe("refused");
    });
  });

  describe("vertex editing", () => {
    it("starts on the first vertex and moves the map there", () => {
      const started = step(idle, {
        kind: "start-edit",
        areaId: "x",
        name: "Nordmarkt",
        ring: [a, b, c, d],
        holes: [],
      });
      expect(modeOf(started.state)).toBe("editing");
      expect(started.event).toEqual({ kind: "edit-started", name: "Nordmarkt", count: 4, at: a });
      expect(started.effects).toEqual([{ kind: "jump", to: a }]);
    });

    it("steps through the vertices both ways, wrapping around", () => {
      const back = step(editing(), { kind: "step-vertex", by: -1 });
      expect(back.state.edit?.current).toBe(3);
      expect(back.event).toEqual({ kind: "vertex-selected", index: 4, count: 4, at: d });
      expect(step(back.state, { kind: "step-vertex", by: 1 }).state.edit?.current).toBe(0);
    });

    it("moves, inserts and deletes vertices, each shown live", () => {
      const to: LonLat = [7.455, 51.505];
      const moved = step(editing(), { kind: "move-vertex", to });
      expect(moved.state.edit?.ring[0]).toEqual(to);
      expect(moved.state.edit?.changed).toBe(true);
      expect(moved.effects).toEqual([
        { kind: "live", areaId: "x", geometry: editGeometry([to, b, c, d], []) },
      ]);

      const inserted = step(editing(), { kind: "insert-vertex" });
      expect(inserted.state.edit?.ring).toEqual([a, [7.465, 51.51], b, c, d]);
      expect(inserted.state.edit?.current).toBe(1);
      expect(inserted.effects[0]).toEqual({ kind: "jump", to: [7.465, 51.51] });

      const deleted = step(editing(), { kind: "delete-vertex" });
      expect(deleted.state.edit?.ring).toEqual([b, c, d]);
      expect(deleted.event).toEqual({ kind: "vertex-deleted", index: 1, count: 3 });
      const refused = step(deleted.state, { kind: "delete-vertex" });
      expect(refused.event).toEqual({ kind: "cannot-delete", count: 3 });
      expect(refused.state).toBe(deleted.state);
    });

    it("stores a changed ring (one undo step, by the wiring) and ends; an unchanged one just ends", () => {
      const moved = step(editing(), { kind: "move-vertex", to: [7.455, 51.505] }).state;
      const commit = step(moved, { kind: "commit" });
      expect(commit.effects).toEqual([
        { kind: "store-edit", areaId: "x", geometry: editGeometry([[7.455, 51.505], b, c, d], []) },
      ]);
      const done = step(commit.state, { kind: "committed", areaM2: 1234 });
      expect(modeOf(done.state)).toBe("idle");
      expect(done.event).toEqual({ kind: "edit-committed", name: "Nordmarkt", areaM2: 1234 });
      expect(done.effects).toEqual([{ kind: "live", areaId: "x", geometry: null }]);

      const unchanged = step(editing(), { kind: "commit" });
      expect(unchanged.event).toEqual({ kind: "edit-cancelled" });
      expect(modeOf(unchanged.state)).toBe("idle");
    });

    it("keeps holes as they are", () => {
      const hole: LonLat[] = [
        [7.462, 51.512],
        [7.465, 51.512],
        [7.465, 51.515],
      ];
      const state = step(idle, {
        kind: "start-edit",
        areaId: "x",
        name: "N",
        ring: [a, b, c, d],
        holes: [hole],
      }).state;
      const moved = step(state, { kind: "move-vertex", to: [7.455, 51.505] });
      const live = moved.effects[0];
      expect(live?.kind === "live" && live.geometry?.coordinates[1]).toEqual([...hole, hole[0]]);
    });
  });

  describe("inputs a mode does not take are bugs and throw", () => {
    it.each([
      ["remove-last while idle", idle, { kind: "remove-last" } as const],
      ["cancel while idle", idle, { kind: "cancel" } as const],
      ["a vertex step while drawing", square(), { kind: "step-vertex", by: 1 } as const],
      ["a move while idle", idle, { kind: "move-vertex", to: a } as const],
      ["placing a point while editing", editing(), place(a)],
      [
        "starting an edit while drawing",
        square(),
        { kind: "start-edit", areaId: "y", name: "Y", ring: [a, b, c], holes: [] } as const,
      ],
      ["committing while drawing", square(), { kind: "commit" } as const],
    ])("%s", (_, state, input) => {
      expect(() => step(state, input)).toThrow(IllegalInputError);
    });
  });

  describe("reset (the tool or the selection changed)", () => {
    it("drops the points or the edit, says so if asked, and puts the stored shape back", () => {
      expect(step(square(), { kind: "reset", announce: true }).event).toEqual({ kind: "cancelled" });
      const edit = step(editing(), { kind: "reset", announce: true });
      expect(edit.event).toEqual({ kind: "edit-cancelled" });
      expect(edit.effects).toEqual([{ kind: "live", areaId: "x", geometry: null }]);
      expect(step(square(), { kind: "reset", announce: false }).event).toBeNull();
      expect(step(idle, { kind: "reset", announce: true })).toEqual({
        state: idle,
        event: null,
        effects: [],
      });
    });
  });
});
