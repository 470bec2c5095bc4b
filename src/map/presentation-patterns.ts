/**
 * The hatching patterns of presentation mode as images in the map's style: drawn on a canvas in each
 * area's colour and added as the areas need them (and again should the style drop them).
 */
import type { Map as MapLibreInstance } from "maplibre-gl";
import { type PresentationPattern, patternId, presentationAreaStyle } from "./presentation-style.ts";

const PATTERN_SIZE = 24;

/** A hatching tile in the area's colour on transparent, as MapLibre image data. */
function patternImage(pattern: PresentationPattern, colour: string): ImageData | null {
  const canvas = document.createElement("canvas");
  canvas.width = PATTERN_SIZE;
  canvas.height = PATTERN_SIZE;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const s = PATTERN_SIZE;
  context.strokeStyle = colour;
  context.fillStyle = colour;
  context.lineWidth = 3;
  context.lineCap = "square";
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    context.beginPath();
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
    context.stroke();
  };
  switch (pattern) {
    case "diagonal":
      line(0, s, s, 0);
      line(-s / 2, s / 2, s / 2, -s / 2);
      line(s / 2, s * 1.5, s * 1.5, s / 2);
      break;
    case "back-diagonal":
      line(0, 0, s, s);
      line(-s / 2, s / 2, s / 2, s * 1.5);
      line(s / 2, -s / 2, s * 1.5, s / 2);
      break;
    case "horizontal":
      line(0, s / 2, s, s / 2);
      break;
    case "vertical":
      line(s / 2, 0, s / 2, s);
      break;
    case "cross":
      line(0, s / 2, s, s / 2);
      line(s / 2, 0, s / 2, s);
      break;
    case "dots":
      context.beginPath();
      context.arc(s / 4, s / 4, 3.5, 0, Math.PI * 2);
      context.arc((s * 3) / 4, (s * 3) / 4, 3.5, 0, Math.PI * 2);
      context.fill();
      break;
  }
  return context.getImageData(0, 0, s, s);
}

/** Adds the hatching images of the first `count` areas the map does not have yet. */
export function addPatterns(map: MapLibreInstance, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const id = patternId(i);
    if (map.hasImage(id)) continue;
    const { colour, pattern } = presentationAreaStyle(i);
    const image = patternImage(pattern, colour);
    if (image) map.addImage(id, image, { pixelRatio: 2 });
  }
}

/** Adds the images of the first `count` areas, and any the style later reports missing. */
export function installPatterns(map: MapLibreInstance, count: number): void {
  addPatterns(map, count);
  // Images go with the style: a style change (never in this map, but cheap to guard) drops them.
  map.on("styleimagemissing", (event: { id: string }) => {
    const match = /^present-pattern-(\d+)$/.exec(event.id);
    if (match) addPatterns(map, Number(match[1]) + 1);
  });
}
