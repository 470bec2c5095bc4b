/**
 * The map as a picture (PNG) for slides and letters: the current view, a title, a scale bar, a legend
 * and the credits and licences below the map, composed on a 2D canvas.
 *
 * The map's WebGL canvas is not kept after a frame (preserveDrawingBuffer is off, it costs a copy per
 * frame), so the picture is copied inside the `render` event of a repaint we ask for: at that moment the
 * frame is still in the drawing buffer.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { currentMap } from "./map-commands.ts";

/** How a legend entry is drawn. */
export type LegendSymbol =
  | { kind: "area"; colour: string; dashed?: boolean; opacity?: number }
  | { kind: "outline"; colour: string }
  | { kind: "point"; colour: string };

export interface LegendItem {
  label: string;
  symbol: LegendSymbol;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

/** Everything written around the map, in the UI language (this module has no texts of its own). */
export interface MapImageContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendSection[];
  creditsTitle: string;
  credits: string[];
  /** Formats the scale bar's length, e.g. "500 m", "2 km". */
  formatDistance: (metres: number) => string;
}

const WAIT_MS = 15_000;

function once(map: MapLibreMap, event: "idle" | "render"): Promise<void> {
  return new Promise((resolve) => map.once(event, () => resolve()));
}

/** A copy of the map's current frame, after tiles have loaded; null without a map. */
export async function captureMapCanvas(): Promise<HTMLCanvasElement | null> {
  const map = currentMap();
  if (!map) return null;
  if (!map.loaded() || !map.areTilesLoaded()) {
    await Promise.race([once(map, "idle"), new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
  }
  return new Promise<HTMLCanvasElement | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), WAIT_MS);
    map.once("render", () => {
      clearTimeout(timer);
      const source = map.getCanvas();
      const copy = document.createElement("canvas");
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext("2d");
      if (!context) return resolve(null);
      context.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** Metres per CSS pixel at the map's centre (MapLibre's 512-pixel tiles, spherical Mercator). */
function metresPerPixel(map: MapLibreMap): number {
  const latitude = map.getCenter().lat;
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

/** A round length (1, 2 or 5 × 10^n metres) no longer than `metres`. */
function roundLength(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(metres));
  const first = metres / power;
  return (first >= 5 ? 5 : first >= 2 ? 2 : 1) * power;
}

/** Words of `text` in lines no wider than `width`. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut with "…" to fit `width`. */
function fitText(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 0 && context.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

function drawSymbol(
  context: CanvasRenderingContext2D,
  symbol: LegendSymbol,
  x: number,
  y: number,
  s: number,
) {
  context.save();
  if (symbol.kind === "point") {
    context.fillStyle = symbol.colour;
    context.strokeStyle = "#ffffff";
    context.lineWidth = 1.5 * s;
    context.beginPath();
    context.arc(x + 9 * s, y + 8 * s, 5 * s, 0, Math.PI * 2);
    context.fill();
    context.stroke();
  } else {
    if (symbol.kind === "area") {
      context.globalAlpha = symbol.opacity ?? 0.28;
      context.fillStyle = symbol.colour;
      context.fillRect(x, y + 1 * s, 18 * s, 14 * s);
      context.globalAlpha = 1;
      if (symbol.dashed) context.setLineDash([4 * s, 3 * s]);
    }
    context.strokeStyle = symbol.colour;
    context.lineWidth = 2 * s;
    context.strokeRect(x + 1 * s, y + 2 * s, 16 * s, 12 * s);
  }
  context.restore();
}

/**
 * The map picture as PNG: title, the map with a scale bar, the legend in columns, the credits.
 * Null when there is no map or its frame could not be read.
 */
export async function renderMapImage(content: MapImageContent): Promise<Blob | null> {
  const map = currentMap();
  const frame = await captureMapCanvas();
  if (!map || !frame) return null;
  const s = frame.width / Math.max(1, map.getCanvas().clientWidth);
  const width = frame.width;
  const margin = 16 * s;
  const font = getComputedStyle(document.body).fontFamily || "sans-serif";
  const canvas = document.createElement("canvas");
  const measure = canvas.getContext("2d");
  if (!measure) return null;

  // Layout pass: the legend flows into columns, section by section; then the credits.
  const columnWidth = 360 * s;
  const columns = Math.max(1, Math.floor((width - 2 * margin) / columnWidth));
  const row = 20 * s;
  const titleHeight = 64 * s;
  const legendRows = content.legend.reduce(
    (sum, section) => sum + 1 + Math.ceil(section.items.length / columns) + 0.5,
    1.5,
  );
  measure.font = `${12 * s}px ${font}`;
  const creditLines = wrap(measure, content.credits.join(" · "), width - 2 * margin);
  const legendHeight = legendRows * row;
  const creditsHeight = (creditLines.length + 1.5) * 16 * s;
  canvas.width = width;
  canvas.height = Math.ceil(titleHeight + frame.height + legendHeight + creditsHeight + margin);
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = "top";

  // Title.
  context.fillStyle = "#111827";
  context.font = `700 ${20 * s}px ${font}`;
  context.fillText(fitText(context, content.title, width - 2 * margin), margin, 12 * s);
  context.fillStyle = "#4b5563";
  context.font = `${13 * s}px ${font}`;
  context.fillText(fitText(context, content.subtitle, width - 2 * margin), margin, 40 * s);

  // The map and a scale bar on it.
  const mapTop = titleHeight;
  context.drawImage(frame, 0, mapTop);
  context.strokeStyle = "#d1d5db";
  context.lineWidth = 1;
  context.strokeRect(0.5, mapTop + 0.5, width - 1, frame.height - 1);
  const length = roundLength(metresPerPixel(map) * 120);
  const barWidth = (length / metresPerPixel(map)) * s;
  const barX = margin;
  const barY = mapTop + frame.height - 28 * s;
  context.fillStyle = "rgba(255,255,255,0.85)";
  context.fillRect(barX - 6 * s, barY - 18 * s, barWidth + 12 * s, 30 * s);
  context.fillStyle = "#111827";
  context.fillRect(barX, barY + 4 * s, barWidth, 4 * s);
  context.font = `${12 * s}px ${font}`;
  context.fillText(content.formatDistance(length), barX, barY - 14 * s);

  // Legend.
  let y = mapTop + frame.height + 10 * s;
  context.fillStyle = "#111827";
  context.font = `700 ${14 * s}px ${font}`;
  context.fillText(content.legendTitle, margin, y);
  y += row * 1.2;
  for (const section of content.legend) {
    context.fillStyle = "#111827";
    context.font = `700 ${12 * s}px ${font}`;
    context.fillText(section.title, margin, y + 2 * s);
    y += row;
    context.font = `${12 * s}px ${font}`;
    section.items.forEach((item, index) => {
      const x = margin + (index % columns) * columnWidth;
      const itemY = y + Math.floor(index / columns) * row;
      drawSymbol(context, item.symbol, x, itemY, s);
      context.fillStyle = "#111827";
      context.fillText(fitText(context, item.label, columnWidth - 32 * s), x + 26 * s, itemY + 2 * s);
    });
    y += Math.ceil(section.items.length / columns) * row + row * 0.5;
  }

  // Credits and licences.
  y += 4 * s;
  context.fillStyle = "#111827";
  context.font = `700 ${12 * s}px ${font}`;
  context.fillText(content.creditsTitle, margin, y);
  y += 16 * s;
  context.fillStyle = "#374151";
  context.font = `${12 * s}px ${font}`;
  for (const line of creditLines) {
    context.fillText(line, margin, y);
    y += 16 * s;
  }
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), "image/png"));
}
