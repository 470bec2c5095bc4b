/** The main screen once the catalogue is loaded: sidebar (pilot areas, layers), the map with its panels. */
import "./Workspace.css";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { MapView } from "../map/MapView.tsx";
import { getCamera } from "../map/map-commands.ts";
import { visibleCredits } from "../map/map-style.ts";
import { workspace } from "../persistence/instance.ts";
import { useExchangeDialogs } from "../store/import-export-dialogs.ts";
import { useSessionStore } from "../store/session-store.ts";
import { AboutDialog } from "./AboutDialog.tsx";
import { AreaList } from "./AreaList.tsx";
import { AreaPanel } from "./AreaPanel.tsx";
import { Credits } from "./Credits.tsx";
import { DistrictPicker } from "./DistrictPicker.tsx";
import { OverlayLegend } from "./exchange/OverlayLegend.tsx";
import { FacilityPopup } from "./FacilityPopup.tsx";
import { HistoryDialog } from "./HistoryDialog.tsx";
import { KeyboardAnnouncer, KeyboardPanel } from "./keyboard/KeyboardPanel.tsx";
import { LayerPanel } from "./LayerPanel.tsx";
import { Notices } from "./Notices.tsx";
import { PlansDialog } from "./PlansDialog.tsx";
import { ResultsPanel } from "./results/ResultsPanel.tsx";
import { ShortcutsDialog } from "./ShortcutsDialog.tsx";
import { StorageBanner } from "./StorageBanner.tsx";
import { Toasts } from "./Toasts.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { useAnalysis } from "./use-analysis.ts";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts.ts";
import { VariantManager } from "./variants/VariantManager.tsx";

type Tab = "areas" | "layers";

/** Import and export (formats, workers) load when their dialog is first opened. */
const ImportDialog = lazy(() =>
  import("./exchange/ImportDialog.tsx").then((m) => ({ default: m.ImportDialog })),
);
const ExportDialog = lazy(() =>
  import("./exchange/ExportDialog.tsx").then((m) => ({ default: m.ExportDialog })),
);

/** Skip links (in App) into a sidebar tab: "#panel-areas" (the pilot areas) and "#panel-layers". */
const SKIP_TARGETS: Record<string, Tab> = { "#panel-areas": "areas", "#panel-layers": "layers" };

export function Workspace({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const basemap = useSessionStore((s) => s.basemap);
  const initVisibleLayers = useSessionStore((s) => s.initVisibleLayers);
  const [tab, setTab] = useState<Tab>("areas");
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const importOpen = useExchangeDialogs((s) => s.importOpen);
  const exportOpen = useExchangeDialogs((s) => s.exportOpen);
  useKeyboardShortcuts();
  useAnalysis(catalogue);
  useEffect(() => {
    if (selectedAreaId) setTab("areas");
  }, [selectedAreaId]);
  useEffect(() => {
    // A skip link into a hidden tab panel would go nowhere: show the tab, then focus its panel.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
      if (link?.getAttribute("href") === "#results") {
        // The results panel may be folded away: open it, then focus it.
        event.preventDefault();
        useSessionStore.getState().setResultsOpen(true);
        requestAnimationFrame(() => document.getElementById("results")?.focus());
        return;
      }
      const next = SKIP_TARGETS[link?.getAttribute("href") ?? ""];
      if (!next) return;
      event.preventDefault();
      setTab(next);
      requestAnimationFrame(() => document.getElementById(`panel-${next}`)?.focus());
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  useEffect(() => {
    workspace.setCameraProvider(() => getCamera() ?? undefined);
  }, []);

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

  const mapLabels = useMemo(
    () => ({
      zoomIn: t("map.zoomIn"),
      zoomOut: t("map.zoomOut"),
      map: t("map.label"),
      draw: {
        newAreaPrefix: t("draw.newArea"),
        drawLabel: t("draw.drawLabel"),
        editLabel: t("draw.editLabel"),
      },
    }),
    [t],
  );

  return (
    <main className="workspace">
      <aside id="layers" className="sidebar" tabIndex={-1}>
        {/* What the drawing tool in use needs (points, typed coordinates, picked districts): beside the
            map, never over it. */}
        <KeyboardPanel />
        <DistrictPicker />
        <div className="tabs" role="tablist" aria-label={t("app.title")}>
          {(["areas", "layers"] as Tab[]).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              className="tab"
              onClick={() => setTab(id)}
            >
              {t(id === "areas" ? "areas.tab" : "areas.layersTab")}
            </button>
          ))}
        </div>
        <div
          id="panel-areas"
          role="tabpanel"
          aria-labelledby="tab-areas"
          hidden={tab !== "areas"}
          tabIndex={-1}
        >
          <VariantManager />
          <AreaPanel />
          <AreaList />
        </div>
        <div
          id="panel-layers"
          role="tabpanel"
          aria-labelledby="tab-layers"
          hidden={tab !== "layers"}
          tabIndex={-1}
        >
          <LayerPanel catalogue={catalogue} />
        </div>
      </aside>
      <div className="map-column">
        <Toolbar />
        <section id="map" className="map-area" aria-label={t("map.label")} tabIndex={-1}>
          <MapView
            catalogue={catalogue}
            labels={mapLabels}
            onCameraChange={() => {
              workspace.cameraChanged();
              // The map opens here again after the compare view or the presentation.
              useSessionStore.getState().setInitialCamera(getCamera());
            }}
            renderFacility={(hit) => (
              <FacilityPopup catalogue={catalogue} entryId={hit.entryId} properties={hit.properties} />
            )}
          />
          <KeyboardAnnouncer />
          <StorageBanner />
          <Credits credits={credits} />
          <OverlayLegend />
          <Notices catalogue={catalogue} />
          <Toasts />
        </section>
      </div>
      <ResultsPanel catalogue={catalogue} />
      <AboutDialog catalogue={catalogue} />
      <ShortcutsDialog />
      <PlansDialog />
      <HistoryDialog />
      {importOpen && (
        <Suspense fallback={null}>
          <ImportDialog />
        </Suspense>
      )}
      {exportOpen && (
        <Suspense fallback={null}>
          <ExportDialog catalogue={catalogue} />
        </Suspense>
      )}
    </main>
  );
}
