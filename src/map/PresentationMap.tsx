/**
 * The read-only map of presentation mode: no editing chrome, no clicks, just the city, its
 * Stadtbezirke and the presented areas in a colour-blind-safe palette (Okabe–Ito) with a hatching
 * pattern per area as a second cue, thick outlines with a dark casing (the light colours stay visible
 * on the light base) and big labels. An area slide frames its area and fades the others; an overview
 * frames the whole variant. The palette and features are in `presentation-style.ts`, the hatching
 * images in `presentation-patterns.ts`, the layers in `PresentationAreaLayers.tsx`.
 */

import { useCallback, useEffect, useMemo, useRef } from "react";
import type { MapRef } from "react-map-gl/maplibre";
import { cityBoundsOf, type GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { BaseMap } from "./BaseMap.tsx";
import { PresentationAreaLayers } from "./PresentationAreaLayers.tsx";
import { addPatterns, installPatterns } from "./presentation-patterns.ts";
import {
  type PresentationMapArea,
  presentationAreaFeatures,
  presentationLabelFeatures,
  presentationMapView,
  presentationTarget,
} from "./presentation-style.ts";

interface PresentationMapProps {
  catalogue: GeneratedCatalogue;
  areas: readonly PresentationMapArea[];
  /** The area the slide is about (others fade); null for a variant overview. */
  focusAreaId: string | null;
  /** Accessible name of the map image. */
  label: string;
  /** Called each time the map has finished drawing (for "ready" markers and screenshots). */
  onIdle?: () => void;
}

const reducedMotion = () =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

export function PresentationMap({ catalogue, areas, focusAreaId, label, onIdle }: PresentationMapProps) {
  const mapRef = useRef<MapRef>(null);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const view = useMemo(() => presentationMapView(catalogue), [catalogue]);
  const cityBounds = useMemo(() => cityBoundsOf(catalogue), [catalogue]);
  const data = useMemo(() => presentationAreaFeatures(areas), [areas]);
  const labels = useMemo(() => presentationLabelFeatures(areas), [areas]);
  const target = useMemo(
    () => presentationTarget(areas, focusAreaId) ?? cityBounds,
    [areas, focusAreaId, cityBounds],
  );

  const frame = useCallback(
    (animate: boolean) => {
      const map = mapRef.current?.getMap();
      if (!map) return;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const padding = Math.max(24, Math.round(Math.min(w, h) * 0.12));
      map.fitBounds(target, { padding, maxZoom: 15.5, duration: animate && !reducedMotion() ? 600 : 0 });
    },
    [target],
  );

  useEffect(() => {
    frame(true);
  }, [frame]);

  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (map?.isStyleLoaded()) addPatterns(map, areas.length);
  }, [areas.length]);

  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    installPatterns(map, areas.length);
    map.on("idle", () => onIdleRef.current?.());
    frame(false);
  }, [areas.length, frame]);

  return (
    <div className="present-map" role="img" aria-label={label}>
      <BaseMap
        ref={mapRef}
        catalogue={catalogue}
        view={view}
        initialViewState={{ bounds: target, fitBoundsOptions: { padding: 40 } }}
        interactive={false}
        onLoad={onLoad}
      >
        <PresentationAreaLayers areas={data} labels={labels} focusAreaId={focusAreaId} />
      </BaseMap>
    </div>
  );
}
