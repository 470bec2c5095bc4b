/**
 * The basemap the planning map shows for the planner's choice: the schematic map at once; basemap.de
 * once its style is fetched, OpenStreetMap once its tiles answer. When an online basemap cannot be
 * reached the session hears of it (and falls back to the schematic map).
 */
import { useEffect, useState } from "react";
import type { BasemapId } from "../store/session-store.ts";
import { useSessionStore } from "../store/session-store.ts";
import { type BasemapChoice, DEFAULT_BASEMAP } from "./map-style.ts";
import { fetchBasemapDeStyle, probeOsmTiles } from "./online-basemap.ts";

export function useOnlineBasemap(basemapId: BasemapId): BasemapChoice {
  const [basemap, setBasemap] = useState<BasemapChoice>(DEFAULT_BASEMAP);
  useEffect(() => {
    let cancelled = false;
    if (basemapId === "basemapde") {
      void fetchBasemapDeStyle().then((style) => {
        if (cancelled) return;
        if (style) setBasemap({ id: "basemapde", style });
        else useSessionStore.getState().reportBasemapFailure("basemapde");
      });
    } else if (basemapId === "osm") {
      void probeOsmTiles().then((reachable) => {
        if (cancelled) return;
        if (reachable) setBasemap({ id: "osm" });
        else useSessionStore.getState().reportBasemapFailure("osm");
      });
    } else {
      setBasemap({ id: basemapId });
    }
    return () => {
      cancelled = true;
    };
  }, [basemapId]);
  return basemap;
}
