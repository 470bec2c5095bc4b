/** The main screen once the catalogue is loaded: sidebar (pilot areas, layers), the map with its panels. */
import "./Workspace.css";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { MapView } from "../map/MapView.tsx";
import { getCamera } from "../map/map-commands.ts";
import { visibleCredits } from "../map/map-style.ts";
import { loadWorkspace } from "../persistence/load-workspace.ts";
import { useExchangeDialogs } from "../store/import-export-dialogs.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { Credits } from "./Credits.tsx";
import { OverlayLegend } from "./exchange/OverlayLegend.tsx";
import { FacilityPopup } from "./FacilityPopup.tsx";
import { KeyboardAnnouncer } from "./keyboard/KeyboardPanel.tsx";
import { Notices } from "./Notices.tsx";
import { ResultsPanel } from "./results/ResultsPanel.tsx";
import { StorageBanner } from "./StorageBanner.tsx";
import { PresenceList } from "./share/PresenceList.tsx";
import { SharedPlanBanner } from "./share/SharedPlanBanner.tsx";
import { Toasts } from "./Toasts.tsx";
import { Toolbar } from "./Toolbar.tsx";
import { useAnalysis } from "./use-analysis.ts";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts.ts";
import { WorkspaceSidebar } from "./WorkspaceSidebar.tsx";

/** Import and export (formats, workers) load when their dialog is first opened. */
const ImportDialog = lazy(() =>
  import("./exchange/ImportDialog.tsx").then((m) => ({ default: m.ImportDialog })),
);
/** About and the shortcut list load when first opened. */
const AboutDialog = lazy(() => import("./AboutDialog.tsx").then((m) => ({ default: m.AboutDialog })));
const ShortcutsDialog = lazy(() =>
  import("./ShortcutsDialog.tsx").then((m) => ({ default: m.ShortcutsDialog })),
);
/** Plans and history (the stored plans, snapshots, backups) load when first opened. */
const PlansDialog = lazy(() => import("./PlansDialog.tsx").then((m) => ({ default: m.PlansDialog })));
const HistoryDialog = lazy(() => import("./HistoryDialog.tsx").then((m) => ({ default: m.HistoryDialog })));
const ExportDialog = lazy(() =>
  import("./exchange/ExportDialog.tsx").then((m) => ({ default: m.ExportDialog })),
);

export function Workspace({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const basemap = useSessionStore((s) => s.basemap);
  const initVisibleLayers = useSessionStore((s) => s.initVisibleLayers);
  const importOpen = useExchangeDialogs((s) => s.importOpen);
  const exportOpen = useExchangeDialogs((s) => s.exportOpen);
  const aboutOpen = useSessionStore((s) => s.aboutOpen);
  const shortcutsOpen = useSessionStore((s) => s.shortcutsOpen);
  const plansOpen = useStorageStore((s) => s.plansOpen);
  const historyOpen = useStorageStore((s) => s.historyOpen);
  useKeyboardShortcuts();
  useAnalysis(catalogue);
  useEffect(() => {
    void loadWorkspace().then((workspace) => workspace.setCameraProvider(() => getCamera() ?? undefined));
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
      <WorkspaceSidebar catalogue={catalogue} />
      <div className="map-column">
        <Toolbar />
        <section id="map" className="map-area" aria-label={t("map.label")} tabIndex={-1}>
          <MapView
            catalogue={catalogue}
            labels={mapLabels}
            onCameraChange={() => {
              void loadWorkspace().then((workspace) => workspace.cameraChanged());
              // The map opens here again after the compare view or the presentation.
              useSessionStore.getState().setInitialCamera(getCamera());
            }}
            renderFacility={(hit) => (
              <FacilityPopup catalogue={catalogue} entryId={hit.entryId} properties={hit.properties} />
            )}
          />
          <KeyboardAnnouncer />
          <StorageBanner />
          <SharedPlanBanner />
          <PresenceList />
          <Credits credits={credits} />
          <OverlayLegend />
          <Notices catalogue={catalogue} />
          <Toasts />
        </section>
      </div>
      <ResultsPanel catalogue={catalogue} />
      {aboutOpen && (
        <Suspense fallback={null}>
          <AboutDialog catalogue={catalogue} />
        </Suspense>
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
      {plansOpen && (
        <Suspense fallback={null}>
          <PlansDialog />
        </Suspense>
      )}
      {historyOpen && (
        <Suspense fallback={null}>
          <HistoryDialog />
        </Suspense>
      )}
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
