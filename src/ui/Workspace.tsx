/** The main screen once the catalogue is loaded: layers on the left, the map with its panels on the right. */
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { MapView } from "../map/MapView.tsx";
import { visibleCredits } from "../map/map-style.ts";
import { useSessionStore } from "../store/session-store.ts";
import { AboutDialog } from "./AboutDialog.tsx";
import { Credits } from "./Credits.tsx";
import { DistrictPanel } from "./DistrictPanel.tsx";
import { FacilityPopup } from "./FacilityPopup.tsx";
import { LayerPanel } from "./LayerPanel.tsx";
import { Notices } from "./Notices.tsx";

export function Workspace({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const basemap = useSessionStore((s) => s.basemap);
  const initVisibleLayers = useSessionStore((s) => s.initVisibleLayers);

  useEffect(() => {
    initVisibleLayers(catalogue.entries.filter((e) => e.visibleByDefault).map((e) => e.id));
  }, [catalogue, initVisibleLayers]);

  const credits = useMemo(
    () =>
      visibleCredits(catalogue, {
        level: "stadtbezirk",
        showLabels: true,
        visibleLayers: new Set(visibleLayers ?? []),
        // Credits only need to know which basemap; a fetched style is not needed here.
        basemap:
          basemap === "basemapde"
            ? { id: "basemapde", style: { version: 8, sources: {}, layers: [] } }
            : { id: basemap },
      }),
    [catalogue, visibleLayers, basemap],
  );

  return (
    <main className="workspace">
      <aside id="layers" className="sidebar" tabIndex={-1}>
        <LayerPanel catalogue={catalogue} />
      </aside>
      <section id="map" className="map-area" aria-label={t("map.label")} tabIndex={-1}>
        <MapView
          catalogue={catalogue}
          labels={{ zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut"), map: t("map.label") }}
          renderFacility={(hit) => (
            <FacilityPopup catalogue={catalogue} entryId={hit.entryId} properties={hit.properties} />
          )}
        />
        <Credits credits={credits} />
        <DistrictPanel />
        <Notices catalogue={catalogue} />
      </section>
      <AboutDialog catalogue={catalogue} />
    </main>
  );
}
