/**
 * A read-only map of a variant that is not the open plan's (a shared link): the offline base with the
 * city boundary and the city districts, the variant's areas on top, framed on them. Pan and zoom
 * work; nothing can be clicked or drawn. `data-idle` turns "true" once the map has rendered.
 */

import { useMemo, useState } from "react";
import { ScaleControl } from "react-map-gl/maplibre";
import { cityBoundsOf, type GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { Variant } from "../domain/model/plan.ts";
import { BaseMap } from "./BaseMap.tsx";
import { geometriesBbox } from "./geometry-bounds.ts";
import { DEFAULT_BASEMAP, type MapView as MapViewSettings, visibleCredits } from "./map-style.ts";
import { PilotAreasLayer } from "./PilotAreasLayer.tsx";

/** Layers shown under the shared areas: the base and the boundary, no facility layers. */
function sharedView(catalogue: GeneratedCatalogue): MapViewSettings {
  const visible = catalogue.entries
    .filter((e) => e.kind === "boundary" || e.kind === "basemap-points")
    .map((e) => e.id);
  return {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: new Set(visible),
    basemap: DEFAULT_BASEMAP,
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
  const view = useMemo(() => sharedView(catalogue), [catalogue]);
  const bounds = useMemo(() => {
    const areas = variant.areaOrder.flatMap((id) => (variant.areas[id] ? [variant.areas[id].geometry] : []));
    return geometriesBbox(areas) ?? cityBoundsOf(catalogue);
  }, [variant, catalogue]);

  return (
    <section className="shared-map" aria-label={label} data-testid="shared-map" data-idle={idle}>
      <BaseMap
        catalogue={catalogue}
        view={view}
        initialViewState={{ bounds, fitBoundsOptions: { padding: 48, maxZoom: 15 } }}
        onIdle={() => setIdle(true)}
      >
        <PilotAreasLayer variant={variant} editingId={null} selectedId={null} />
        <ScaleControl position="bottom-left" unit="metric" />
      </BaseMap>
    </section>
  );
}
