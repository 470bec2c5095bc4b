/** Notices over the map: an unreachable online basemap, a layer that failed to load. */
import "./Notices.css";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../domain/model/catalogue.ts";
import { useCatalogueStore } from "../store/catalogue-store.ts";
import { useSessionStore } from "../store/session-store.ts";

export function Notices({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const failure = useSessionStore((s) => s.basemapFailure);
  const dismiss = useSessionStore((s) => s.dismissBasemapFailure);
  const failedLayers = useCatalogueStore((s) => s.failedLayers);
  return (
    <div className="notices" aria-live="polite">
      {failure && (
        <div className="notice notice-warning" role="status" data-testid="basemap-notice">
          <span>{t("basemap.unreachable", { name: t(`basemap.${failure}`) })}</span>
          <button type="button" className="icon-button" onClick={dismiss} aria-label={t("app.close")}>
            ×
          </button>
        </div>
      )}
      {failedLayers.map((id) => {
        const entry = catalogue.entries.find((e) => e.id === id || `districts-${e.level}` === id);
        return (
          <div className="notice notice-error" role="alert" key={id}>
            {t("status.sourceFailed", { layer: entry ? entry.title[language] : id })}
          </div>
        );
      })}
    </div>
  );
}
