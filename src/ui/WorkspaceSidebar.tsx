/**
 * The sidebar beside the map: what the drawing tool in use needs (points, typed coordinates, picked
 * districts), then two tabs: the pilot areas (variants, the selected area, the list) and the layers.
 * Selecting an area shows its tab; the skip links reach into a tab (and to the results).
 */
import "./WorkspaceSidebar.css";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { useSessionStore } from "../store/session-store.ts";
import { AreaList } from "./AreaList.tsx";
import { DistrictPicker } from "./DistrictPicker.tsx";
import { KeyboardPanel } from "./keyboard/KeyboardPanel.tsx";
import { LayerPanel } from "./LayerPanel.tsx";
import { VariantManager } from "./variants/VariantManager.tsx";

/** The selected area's form, measures and actions load when an area is first selected. */
const AreaPanel = lazy(() => import("./AreaPanel.tsx").then((m) => ({ default: m.AreaPanel })));

type Tab = "areas" | "layers";

/** Skip links (in App) into a sidebar tab: "#panel-areas" (the pilot areas) and "#panel-layers". */
const SKIP_TARGETS: Record<string, Tab> = { "#panel-areas": "areas", "#panel-layers": "layers" };

/** The sidebar with its two tabs; the areas tab is shown when an area is selected. */
export function WorkspaceSidebar({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("areas");
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
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

  return (
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
        {selectedAreaId && (
          <Suspense fallback={null}>
            <AreaPanel />
          </Suspense>
        )}
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
  );
}
