/**
 * What the keyboard drawing's preview layer shows, as a pure function of its state: while editing,
 * the edited shape and its vertices (the current one marked); while drawing, the points placed, the
 * line through them to the crosshair and, from three points on, the shape they would close. Each
 * feature carries a `role` that the layer styles by.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { KeyboardEdit, LonLat } from "./KeyboardDrawState.ts";
import { editGeometry } from "./keyboard-draw-machine.ts";

/** A feature's `role` in the preview layer. */
export type PreviewRole = "edit-shape" | "draw-shape" | "draw-line" | "vertex" | "current" | "first";

const feature = (role: PreviewRole, geometry: Feature["geometry"]): Feature => ({
  type: "Feature",
  properties: { role },
  geometry,
});

/** The preview of an edit (when there is one) or of the points drawn so far, up to the crosshair. */
export function keyboardDrawPreview(
  edit: KeyboardEdit | null,
  vertices: readonly LonLat[],
  centre: LonLat | null,
): FeatureCollection {
  const features: Feature[] = [];
  if (edit) {
    features.push(feature("edit-shape", editGeometry(edit.ring, edit.holes)));
    edit.ring.forEach((p, i) => {
      features.push(feature(i === edit.current ? "current" : "vertex", { type: "Point", coordinates: p }));
    });
  } else if (vertices.length > 0) {
    const line = centre ? [...vertices, centre] : [...vertices];
    if (line.length >= 3) {
      features.push(feature("draw-shape", { type: "Polygon", coordinates: [[...line, line[0] as LonLat]] }));
    }
    features.push(feature("draw-line", { type: "LineString", coordinates: line }));
    vertices.forEach((p, i) => {
      features.push(feature(i === 0 ? "first" : "vertex", { type: "Point", coordinates: p }));
    });
  }
  return { type: "FeatureCollection", features };
}
