/**
 * A read-only map of a variant that is not the open plan's (a shared link): the offline base with the
 * city boundary and the city districts, the variant's areas on top, framed on them. Pan and zoom
 * work; nothing can be clicked or drawn. `data-idle` turns "true" once the map has rendered.
 */

import fontRegular from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import fontBold from "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url";
import fontRegularExt from "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url";
import * as maplibre from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { useMemo, useState } from "react";
import { Map as MapLibreMap, ScaleControl } from "react-map-gl/maplibre";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { AreaGeometry, Variant } from "../domain/model/plan.ts";
import { buildMapStyle, type MapView as MapViewSettings, visibleCredits } from "./map-style.ts";
import { PilotAreasLayer } from "./PilotAreasLayer.tsx";

/** West, south, east, north of the geometries, or null when there are none. */
export function geometriesBbox(geometries: readonly AreaGeometry[]): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) {
      for (const [x, y] of rings[0] ?? []) {
        if (x === undefined || y === undefined) continue;
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** Layers shown under the shared areas: the base and the boundary, no facility layers. */
function sharedView(catalogue: GeneratedCatalogue): MapViewSettings {
  const visible = catalogue.entries
    .filter((e) => e.kind === "boundary" || e.kind === "basemap-points")
    .map((e) => e.id);
  return {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: new Set(visible),
    basemap: { id: "schematic" },
  };
}

/** Credits of what {@link SharedMap} shows. */
export function sharedMapCredits(catalogue: GeneratedCatalogue): string[] {
  return visibleCredits(catalogue, sharedView(catalogue));
}

export function SharedMap({
  catalogue,
  variant,
  label,
}: {
  catalogue: GeneratedCatalogue;
  variant: Variant;
  /** Accessible name of the map region. */
  label: string;
}) {
  const [idle, setIdle] = useState(false);
  const base = useMemo(() => new URL(import.meta.env.BASE_URL, window.location.href).href, []);
  const style = useMemo(
    () =>
      buildMapStyle(catalogue, sharedView(catalogue), base, {
        regular: fontRegular,
        regularExt: fontRegularExt,
        bold: fontBold,
      }),
    [catalogue, base],
  );
  const bounds = useMemo(() => {
    const areas = variant.areaOrder.flatMap((id) => (variant.areas[id] ? [variant.areas[id].geometry] : []));
    const boundary = catalogue.entries.find((e) => e.kind === "boundary");
    return (geometriesBbox(areas) ?? boundary?.bbox ?? [7.3, 51.41, 7.64, 51.6]) as [
      number,
      number,
      number,
      number,
    ];
  }, [variant, catalogue]);

  return (
    <section className="shared-map" aria-label={label} data-testid="shared-map" data-idle={idle}>
      <MapLibreMap
        mapLib={maplibre}
        mapStyle={style}
        workerUrl={workerUrl}
        initialViewState={{ bounds, fitBoundsOptions: { padding: 48, maxZoom: 15 } }}
        minZoom={8}
        maxZoom={19}
        maxBounds={[6.6, 51.1, 8.2, 51.95]}
        attributionControl={false}
        boxZoom={false}
        onIdle={() => setIdle(true)}
        style={{ position: "absolute", inset: 0 }}
      >
        <PilotAreasLayer variant={variant} editingId={null} selectedId={null} />
        <ScaleControl position="bottom-left" unit="metric" />
      </MapLibreMap>
    </section>
  );
}
