/**
 * The maps of the compare view: one small map per variant and a diff map, all moved by one camera.
 * They share a camera group: whichever map the planner pans or zooms, the others jump to the same
 * centre, zoom, bearing and pitch (a flag stops the echo of those jumps). Each map has a light style of
 * its own (city boundary, city districts, address dots; no facilities) so that five WebGL maps stay
 * fast, and draws its variant's areas exactly as the workspace does (PilotAreasLayer). No texts of its
 * own: the UI passes them in, translated.
 */
import "./CompareMaps.css";
import type { FeatureCollection, MultiPolygon } from "geojson";
import type { Map as MapLibreInstance } from "maplibre-gl";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { Layer, type MapRef, Source } from "react-map-gl/maplibre";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { Variant } from "../domain/model/plan.ts";
import { BaseMap } from "./BaseMap.tsx";
import type { Bounds } from "./compare-bounds.ts";
import { DEFAULT_BASEMAP, FONT_BOLD, type MapView as MapViewSettings, visibleCredits } from "./map-style.ts";
import { PilotAreasLayer } from "./PilotAreasLayer.tsx";

export { type Bounds, variantsBounds } from "./compare-bounds.ts";

/** Test hook (with `?e2e` in the URL): the compare maps by key ("variant:<id>", "diff"). */
declare global {
  interface Window {
    __pilotkarteCompare?: { maps: () => Record<string, MapLibreInstance> };
  }
}

/**
 * What the compare maps show of the catalogue: the city boundary on the offline city map (for
 * orientation), no facilities or census grid.
 */
export function compareMapSettings(catalogue: GeneratedCatalogue): MapViewSettings {
  return {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: new Set(
      catalogue.entries.filter((e) => e.kind === "boundary" || e.kind === "basemap-points").map((e) => e.id),
    ),
    basemap: DEFAULT_BASEMAP,
  };
}

/** Credits of everything the compare maps show. */
export function compareMapCredits(catalogue: GeneratedCatalogue): string[] {
  return visibleCredits(catalogue, compareMapSettings(catalogue));
}

interface CameraGroup {
  register(key: string, map: MapLibreInstance): void;
  unregister(key: string): void;
  /** Frames all maps on the group's bounds again. */
  fit(): void;
  bounds: Bounds;
}

const FIT_OPTIONS = { padding: 32, maxZoom: 15 } as const;

const CameraGroupContext = createContext<CameraGroup | null>(null);

/**
 * Holds the maps that move together. `bounds` frames the maps when they open (every map of the group
 * opens on the same bounds; the first one loaded sets the camera for the rest).
 */
export function CompareCameraGroup({ bounds, children }: { bounds: Bounds; children: ReactNode }) {
  const maps = useRef(new Map<string, MapLibreInstance>());
  const syncing = useRef(false);
  // Until the planner moves a map, a change of the layout (window size, columns) frames the areas again.
  const userMoved = useRef(false);
  const listeners = useRef(new Map<string, () => void>());

  const follow = useCallback((leader: MapLibreInstance) => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const camera = {
        center: leader.getCenter(),
        zoom: leader.getZoom(),
        bearing: leader.getBearing(),
        pitch: leader.getPitch(),
      };
      for (const map of maps.current.values()) if (map !== leader) map.jumpTo(camera);
    } finally {
      syncing.current = false;
    }
  }, []);

  const frameAreas = useCallback(() => {
    // Framed in the smallest map, so the areas fit in every map; the others follow by the move events.
    const size = (map: MapLibreInstance) => map.getContainer().clientWidth * map.getContainer().clientHeight;
    const smallest = [...maps.current.values()].sort((a, b) => size(a) - size(b))[0];
    smallest?.fitBounds(bounds, { ...FIT_OPTIONS, duration: 0 });
  }, [bounds]);

  const group = useMemo<CameraGroup>(
    () => ({
      bounds,
      fit: () => {
        userMoved.current = false;
        frameAreas();
      },
      register: (key, map) => {
        const first = [...maps.current.values()][0];
        maps.current.set(key, map);
        // A map joining late takes the camera the others have now.
        if (first) follow(first);
        const onMove = (event: { originalEvent?: unknown }) => {
          if (event.originalEvent) userMoved.current = true;
          follow(map);
        };
        const onResize = () => {
          if (!userMoved.current) frameAreas();
        };
        map.on("move", onMove);
        map.on("resize", onResize);
        listeners.current.set(key, () => {
          map.off("move", onMove);
          map.off("resize", onResize);
        });
        if (new URLSearchParams(window.location.search).has("e2e")) {
          window.__pilotkarteCompare = { maps: () => Object.fromEntries(maps.current) };
        }
      },
      unregister: (key) => {
        listeners.current.get(key)?.();
        listeners.current.delete(key);
        maps.current.delete(key);
      },
    }),
    // The bounds only matter for maps that open later; the group itself lives as long as the view.
    [bounds, follow, frameAreas],
  );
  return <CameraGroupContext.Provider value={group}>{children}</CameraGroupContext.Provider>;
}

/** Texts of a compare map, translated by the UI. */
export interface CompareMapLabels {
  /** Accessible name of the map canvas. */
  map: string;
  zoomIn: string;
  zoomOut: string;
}

interface BaseMapProps {
  catalogue: GeneratedCatalogue;
  /** Key in the camera group (unique among the maps shown). */
  groupKey: string;
  labels: CompareMapLabels;
  children?: ReactNode;
  /** Runs once the map's style has loaded (e.g. to add pattern images). */
  onReady?: (map: MapLibreInstance) => void;
}

/** One map of the group: light style, synced camera, zoom buttons, no clicks. */
function GroupMap({ catalogue, groupKey, labels, children, onReady }: BaseMapProps) {
  const group = useContext(CameraGroupContext);
  if (!group) throw new Error("compare maps need a CompareCameraGroup");
  const mapRef = useRef<MapRef>(null);
  const view = useMemo(() => compareMapSettings(catalogue), [catalogue]);
  const initialViewState = useMemo(
    () => ({ bounds: group.bounds, fitBoundsOptions: FIT_OPTIONS }),
    [group.bounds],
  );
  useEffect(() => () => group.unregister(groupKey), [group, groupKey]);
  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    map.getCanvas().setAttribute("aria-label", labels.map);
    onReady?.(map);
    group.register(groupKey, map);
  }, [group, groupKey, labels.map, onReady]);
  const zoom = (by: number) => {
    const map = mapRef.current?.getMap();
    // Marked as the planner's own move, so a layout change keeps this zoom.
    map?.zoomTo(map.getZoom() + by, { duration: 0 }, { originalEvent: "zoom-button" });
  };
  return (
    <BaseMap
      ref={mapRef}
      catalogue={catalogue}
      view={view}
      initialViewState={initialViewState}
      dragRotate={false}
      pitchWithRotate={false}
      onLoad={onLoad}
    >
      <div className="compare-zoom">
        <button type="button" aria-label={labels.zoomIn} title={labels.zoomIn} onClick={() => zoom(1)}>
          +
        </button>
        <button type="button" aria-label={labels.zoomOut} title={labels.zoomOut} onClick={() => zoom(-1)}>
          −
        </button>
      </div>
      {children}
    </BaseMap>
  );
}

/** A variant's areas with their colours and names, as in the workspace. */
export function CompareVariantMap({
  catalogue,
  variant,
  labels,
}: {
  catalogue: GeneratedCatalogue;
  variant: Variant;
  labels: CompareMapLabels;
}) {
  return (
    <GroupMap catalogue={catalogue} groupKey={`variant:${variant.id}`} labels={labels}>
      <PilotAreasLayer variant={variant} editingId={null} selectedId={null} />
    </GroupMap>
  );
}

/** The three parts of a diff, each with its short map label ("nur A", "nur B", "A+B"). */
export interface DiffParts {
  onlyA: MultiPolygon;
  onlyB: MultiPolygon;
  both: MultiPolygon;
  labels: { onlyA: string; onlyB: string; both: string };
}

type DiffPart = "onlyA" | "onlyB" | "both";

/** Fill and line colours of the diff parts (Okabe–Ito: vermillion, blue, bluish green). */
export const DIFF_COLOURS: Record<DiffPart, string> = {
  onlyA: "#d55e00",
  onlyB: "#0072b2",
  both: "#009e73",
};

const patternId = (part: DiffPart) => `compare-diff-${part}`;

/**
 * A pattern per part, so the parts differ without colour: "/" stripes (only A), "\" stripes (only B),
 * crossed stripes (both), each on a light tint of the part's colour.
 */
function diffPattern(part: DiffPart): ImageData | null {
  const size = 14;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.globalAlpha = 0.22;
  context.fillStyle = DIFF_COLOURS[part];
  context.fillRect(0, 0, size, size);
  context.globalAlpha = 0.95;
  context.strokeStyle = DIFF_COLOURS[part];
  context.lineWidth = 2.5;
  context.beginPath();
  for (const offset of [-size, 0, size]) {
    if (part !== "onlyB") {
      context.moveTo(offset, size);
      context.lineTo(offset + size, 0);
    }
    if (part !== "onlyA") {
      context.moveTo(offset, 0);
      context.lineTo(offset + size, size);
    }
  }
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

function addDiffPatterns(map: MapLibreInstance) {
  for (const part of ["onlyA", "onlyB", "both"] as const) {
    if (map.hasImage(patternId(part))) continue;
    const image = diffPattern(part);
    if (image) map.addImage(patternId(part), image, { pixelRatio: 1 });
  }
}

/** Pattern swatch for an HTML legend: the same stripes as on the map, as a data URL. */
export function diffPatternDataUrl(part: DiffPart): string {
  const image = diffPattern(part);
  if (!image) return "";
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext("2d")?.putImageData(image, 0, 0);
  return canvas.toDataURL("image/png");
}

/** Only A / only B / both, hatched differently, outlined (dashed / dotted / solid) and labelled. */
export function CompareDiffMap({
  catalogue,
  parts,
  labels,
}: {
  catalogue: GeneratedCatalogue;
  parts: DiffParts;
  labels: CompareMapLabels;
}) {
  const [ready, setReady] = useState(false);
  const onReady = useCallback((map: MapLibreInstance) => {
    addDiffPatterns(map);
    setReady(true);
  }, []);
  const data = useMemo<FeatureCollection<MultiPolygon, { part: DiffPart; label: string }>>(
    () => ({
      type: "FeatureCollection",
      features: (["onlyA", "onlyB", "both"] as const)
        .filter((part) => parts[part].coordinates.length > 0)
        .map((part) => ({
          type: "Feature",
          geometry: parts[part],
          properties: { part, label: parts.labels[part] },
        })),
    }),
    [parts],
  );
  const colour = [
    "match",
    ["get", "part"],
    "onlyA",
    DIFF_COLOURS.onlyA,
    "onlyB",
    DIFF_COLOURS.onlyB,
    DIFF_COLOURS.both,
  ] as const;
  return (
    <GroupMap catalogue={catalogue} groupKey="diff" labels={labels} onReady={onReady}>
      {ready && (
        <Source id="compare-diff" type="geojson" data={data}>
          <Layer
            id="compare-diff-fill"
            type="fill"
            paint={{
              "fill-pattern": [
                "match",
                ["get", "part"],
                "onlyA",
                patternId("onlyA"),
                "onlyB",
                patternId("onlyB"),
                patternId("both"),
              ],
            }}
          />
          <Layer
            id="compare-diff-line"
            type="line"
            paint={{
              "line-color": colour as unknown as string,
              "line-width": 2.5,
              "line-dasharray": [
                "match",
                ["get", "part"],
                "onlyA",
                ["literal", [3, 1.5]],
                "onlyB",
                ["literal", [1, 1.2]],
                ["literal", [1, 0]],
              ],
            }}
          />
          <Layer
            id="compare-diff-label"
            type="symbol"
            layout={{
              "text-field": ["get", "label"],
              "text-font": [FONT_BOLD],
              "text-size": 15,
              "text-max-width": 8,
            }}
            paint={{ "text-color": "#111827", "text-halo-color": "#ffffff", "text-halo-width": 2.5 }}
          />
        </Source>
      )}
    </GroupMap>
  );
}

/** Frames all maps of the surrounding camera group on its areas again ("show all areas"). */
export function useCompareFit(): () => void {
  const group = useContext(CameraGroupContext);
  return useCallback(() => group?.fit(), [group]);
}
