/** English messages of keyboard drawing, typed coordinates and the other accessibility aids (see a11y-de.ts). */
import type { a11yDe } from "./a11y-de.ts";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const a11yEn: Widen<typeof a11yDe> = {
  skipToResults: "Skip to the results",
  mapName: "Map of Dortmund",
  measureMethod: "Method",
  keyboard: {
    heading: "Drawing",
    help:
      "Arrow keys move the map under the crosshair in the centre (in fine steps with Shift or Alt), + and − zoom. " +
      "With the polygon tool (P), Enter places a point at the crosshair; Enter on the first point or twice on the same spot closes the area, " +
      "Backspace removes the last point, Escape cancels. With an area selected, Enter starts vertex editing.",
    points_one: "{{count}} point placed",
    points_other: "{{count}} points placed",
    noPoints:
      "No point yet: click on the map – or focus the map, aim with the arrow keys and press Enter – or type a coordinate below.",
    polygonOnly:
      "Rectangles, circles and freehand shapes are drawn with the mouse; the keyboard and typed coordinates draw with the polygon tool (P).",
    editing: "Point {{index}} of {{count}} of “{{name}}”",
    editHelp:
      "[ and ] (or Page Up/Down) pick a point, the arrow keys move it, Insert adds one after it, Delete removes it, Enter applies (one undo step), Escape cancels.",
    coordinate: "Enter a coordinate",
    coordinateHint:
      "WGS84 in degrees (51.5136 7.4653 or 51°30'49\"N 7°27'55\"E) or ETRS89 / UTM 32N in metres (EPSG:25832, e.g. 393000 5709000).",
    place: "Place point",
    moveVertex: "Move point here",
    finish: "Finish area",
    commit: "Apply change",
    cancel: "Cancel",
    focusMap: "To the map (arrow keys)",
    editVertices: "Edit points with the keyboard",
    position: "{{lat}} N, {{lon}} E",
    events: {
      crosshair: "Crosshair at {{position}}",
      vertexAdded: "Point {{index}} placed: {{position}}",
      vertexRemoved: "Last point removed, {{remaining}} left",
      tooFew: "An area needs at least 3 points, so far {{count}}.",
      cancelled: "Drawing cancelled.",
      created: "Area created: “{{name}}”, {{area}}. Name and details are under “Edit area” in the sidebar.",
      toolNotSupported: "Keyboard drawing uses the polygon tool (P).",
      editStarted: "Editing the points of “{{name}}”: {{count}} points, point 1 at {{position}}",
      vertexSelected: "Point {{index}} of {{count}}: {{position}}",
      vertexMoved: "Point {{index}} moved: {{position}}",
      vertexInserted: "Point {{index}} inserted, now {{count}} points: {{position}}",
      vertexDeleted: "Point {{index}} deleted, {{count}} left.",
      cannotDelete: "Not deleted: an area needs at least 3 points.",
      editCommitted: "Change to “{{name}}” applied: {{area}}.",
      editCancelled: "Point editing ended.",
      notEditable: "This area cannot be edited point by point (simple areas only, not in read-only mode).",
    },
  },
  shortcuts: {
    heading: "Drawing and editing with the keyboard (map focused)",
    keys: {
      move: "Arrow keys",
      fine: "Shift/Alt + arrow keys",
      place: "Enter",
      finish: "Enter on the first point, or twice",
      removeLast: "Backspace",
      cancel: "Esc",
      edit: "Enter or E",
      pick: "[ ] or Page Up/Down",
      moveVertex: "Arrow keys",
      insert: "Insert or I",
      deleteVertex: "Delete",
      commit: "Enter",
    },
    actions: {
      move: "Move the map under the crosshair (a tenth of the view)",
      fine: "in fine steps (a hundredth of the view)",
      place: "Place a point at the crosshair (polygon tool)",
      finish: "Finish the area",
      removeLast: "Remove the last point",
      cancel: "Cancel drawing or point editing",
      edit: "Edit the points of the selected area",
      pick: "Pick the previous or next point",
      moveVertex: "Move the picked point",
      insert: "Insert a point after it",
      deleteVertex: "Delete the picked point",
      commit: "Apply the change (one undo step)",
    },
  },
  coordinate: {
    problems: {
      empty: "Please enter a coordinate.",
      unreadable:
        "Not readable: please enter two numbers, e.g. 51.5136 7.4653 (degrees) or 393000 5709000 (metres, EPSG:25832).",
      "out-of-range":
        "Out of range: latitude up to ±90°, longitude up to ±180°, minutes and seconds below 60; metres in UTM zone 32 (easting 100,000–900,000).",
      ambiguous:
        "Ambiguous: please add the directions (51.5 N 7.4 E) or separate the two numbers with a space.",
    },
    outside: "Note: the point lies outside Dortmund.",
    outsideMap: "The point lies outside the map area and was not placed.",
    placed: "Read as {{position}} ({{crs}}).",
  },
};
