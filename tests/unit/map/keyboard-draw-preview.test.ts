import { describe, expect, it } from "vitest";
import type { KeyboardEdit, LonLat } from "../../../src/map/draw/KeyboardDrawState.ts";
import { keyboardDrawPreview } from "../../../src/map/draw/keyboard-draw-preview.ts";

const a: LonLat = [7.46, 51.51];
const b: LonLat = [7.47, 51.51];
const c: LonLat = [7.47, 51.52];
const rolesOf = (collection: ReturnType<typeof keyboardDrawPreview>) =>
  collection.features.map((f) => f.properties?.role);

describe("keyboardDrawPreview", () => {
  it("is empty with nothing drawn or edited", () => {
    expect(keyboardDrawPreview(null, [], a).features).toEqual([]);
  });

  it("draws the line from the points to the crosshair, and the first point apart", () => {
    const preview = keyboardDrawPreview(null, [a], b);
    expect(rolesOf(preview)).toEqual(["draw-line", "first"]);
    expect(preview.features[0]?.geometry).toEqual({ type: "LineString", coordinates: [a, b] });
  });

  it("shows the closed shape from three positions on, the crosshair counting as one", () => {
    const preview = keyboardDrawPreview(null, [a, b], c);
    expect(rolesOf(preview)).toEqual(["draw-shape", "draw-line", "first", "vertex"]);
    expect(preview.features[0]?.geometry).toEqual({ type: "Polygon", coordinates: [[a, b, c, a]] });
  });

  it("leaves the crosshair out when there is none", () => {
    expect(rolesOf(keyboardDrawPreview(null, [a, b], null))).toEqual(["draw-line", "first", "vertex"]);
  });

  it("shows an edit's shape and marks its current vertex, whatever was drawn", () => {
    const edit: KeyboardEdit = {
      areaId: "a1",
      name: "A",
      ring: [a, b, c],
      holes: [],
      current: 1,
      changed: false,
    };
    const preview = keyboardDrawPreview(edit, [a], b);
    expect(rolesOf(preview)).toEqual(["edit-shape", "vertex", "current", "vertex"]);
    expect(preview.features[0]?.geometry).toEqual({ type: "Polygon", coordinates: [[a, b, c, a]] });
  });
});
