/**
 * Overlay layers imported from partners' files (see src/store/overlay-store.ts): areas as a light fill
 * with a dashed outline, points as circles, names as labels, each overlay in its own colour, drawn
 * below the pilot areas so the plan stays on top. The features come from a Blob URL that MapLibre
 * fetches and parses in its worker; the label points (one per named feature, computed by the exchange
 * worker) are a small source of their own, so a name does not repeat on every tile an area crosses.
 */
import { importScriptInWorkers } from "maplibre-gl";
import { useEffect, useState } from "react";
import { Layer, Source } from "react-map-gl/maplibre";
import { type Overlay, useOverlayStore } from "../store/overlay-store.ts";
import protocolScriptUrl from "./overlay-protocol.worker.ts?worker&url";

/** The same name as in overlay-protocol.worker.ts (which runs in MapLibre's workers, not here). */
const OVERLAY_PROTOCOL = "pilotkarte-blob";

/**
 * The protocol script in MapLibre's workers, loaded once when the first overlay is shown. Resolves
 * to whether it is there: if it cannot load (Vite's dev server serves it with an import a worker
 * cannot resolve from a Blob), overlays fall back to plain Blob URLs, which MapLibre reads through
 * the page: slower for big layers, but shown all the same.
 */
let protocolReady: Promise<boolean> | null = null;
function loadProtocol(): Promise<boolean> {
  protocolReady ??= importScriptInWorkers(protocolScriptUrl).then(
    () => true,
    () => false,
  );
  return protocolReady;
}

import { FONT_REGULAR } from "./map-style.ts";
import { PILOT_AREA_LAYERS } from "./pilot-areas.ts";

/** Map ids of an overlay's source and layers. */
export const overlayLayerIds = (id: string) => ({
  source: `imported-${id}`,
  fill: `imported-${id}-fill`,
  line: `imported-${id}-line`,
  point: `imported-${id}-point`,
  labelSource: `imported-${id}-labels`,
  label: `imported-${id}-label`,
});

function ImportedLayer({ overlay, viaProtocol }: { overlay: Overlay; viaProtocol: boolean }) {
  const ids = overlayLayerIds(overlay.id);
  const visibility = overlay.visible ? "visible" : "none";
  return (
    <>
      <Source
        id={ids.source}
        type="geojson"
        data={viaProtocol ? `${OVERLAY_PROTOCOL}://${overlay.url}` : overlay.url}
      >
        <Layer
          id={ids.fill}
          type="fill"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["!=", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{ "fill-color": overlay.colour, "fill-opacity": 0.12 }}
        />
        <Layer
          id={ids.line}
          type="line"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["!=", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{ "line-color": overlay.colour, "line-width": 2, "line-dasharray": [3, 2] }}
        />
        <Layer
          id={ids.point}
          type="circle"
          beforeId={PILOT_AREA_LAYERS.fill}
          filter={["==", ["geometry-type"], "Point"]}
          layout={{ visibility }}
          paint={{
            "circle-color": overlay.colour,
            "circle-radius": 5,
            "circle-stroke-color": "#ffffff",
            "circle-stroke-width": 1.5,
          }}
        />
      </Source>
      <Source id={ids.labelSource} type="geojson" data={overlay.labels}>
        <Layer
          id={ids.label}
          type="symbol"
          beforeId={PILOT_AREA_LAYERS.fill}
          minzoom={12}
          layout={{
            visibility,
            "text-field": ["get", "name"],
            "text-font": [FONT_REGULAR],
            "text-size": 11,
            "text-offset": ["case", ["==", ["get", "isPoint"], 1], ["literal", [0, 1]], ["literal", [0, 0]]],
            "text-max-width": 10,
          }}
          paint={{ "text-color": overlay.colour, "text-halo-color": "#ffffff", "text-halo-width": 1.5 }}
        />
      </Source>
    </>
  );
}

export function ImportedLayers() {
  const overlays = useOverlayStore((s) => s.overlays);
  const [viaProtocol, setViaProtocol] = useState<boolean | null>(null);
  const wanted = overlays.length > 0;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void loadProtocol().then((loaded) => live && setViaProtocol(loaded));
    return () => {
      live = false;
    };
  }, [wanted]);
  if (viaProtocol === null) return null;
  return (
    <>
      {overlays.map((overlay) => (
        <ImportedLayer key={overlay.id} overlay={overlay} viaProtocol={viaProtocol} />
      ))}
    </>
  );
}
