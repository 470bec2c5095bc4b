/**
 * Legend of the imported overlay layers, on the map: one entry per file with its symbol, what it holds,
 * a switch to show or hide it and a button to remove it. Shown only while there are overlays.
 */
import "./OverlayLegend.css";
import { useTranslation } from "react-i18next";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { zoomToBounds } from "../../map/map-commands.ts";
import { useOverlayStore } from "../../store/overlay-store.ts";
import { useStorageStore } from "../../store/storage-store.ts";

export function OverlayLegend() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const overlays = useOverlayStore((s) => s.overlays);
  const memoryOnly = useStorageStore((s) => s.memoryOnly);
  const remove = useOverlayStore((s) => s.remove);
  const setVisible = useOverlayStore((s) => s.setVisible);
  if (overlays.length === 0) return null;
  return (
    <section
      className="exchange-overlays"
      aria-labelledby="exchange-overlays-title"
      data-testid="overlay-legend"
    >
      <h2 id="exchange-overlays-title">{t("exchange.overlays.heading")}</h2>
      <ul>
        {overlays.map((overlay) => (
          <li key={overlay.id}>
            <label className="exchange-overlay-name">
              <input
                type="checkbox"
                checked={overlay.visible}
                onChange={(e) => setVisible(overlay.id, e.currentTarget.checked)}
                aria-label={t("exchange.overlays.show", { name: overlay.fileName })}
              />
              <span
                className={
                  overlay.areaCount > 0 ? "exchange-swatch" : "exchange-swatch exchange-swatch-point"
                }
                style={{ borderColor: overlay.colour, background: `${overlay.colour}22` }}
                aria-hidden="true"
              />
              <span>
                {overlay.fileName}
                <span className="muted small exchange-overlay-summary">
                  {[
                    overlay.areaCount > 0 &&
                      t("exchange.overlays.areas", {
                        count: overlay.areaCount,
                        n: formatNumber(overlay.areaCount, language),
                      }),
                    overlay.pointCount > 0 &&
                      t("exchange.overlays.points", {
                        count: overlay.pointCount,
                        n: formatNumber(overlay.pointCount, language),
                      }),
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </span>
              </span>
            </label>
            {overlay.bbox && (
              <button
                type="button"
                className="button exchange-overlay-zoom"
                onClick={() => overlay.bbox && zoomToBounds(overlay.bbox)}
                aria-label={t("exchange.overlays.zoomLabel", { name: overlay.fileName })}
                title={t("exchange.overlays.zoomLabel", { name: overlay.fileName })}
              >
                {t("exchange.overlays.zoom")}
              </button>
            )}
            <button
              type="button"
              className="button exchange-overlay-remove"
              onClick={() => remove(overlay.id)}
              aria-label={t("exchange.overlays.removeLabel", { name: overlay.fileName })}
            >
              {t("exchange.overlays.remove")}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {memoryOnly ? t("exchange.overlays.sessionOnly") : t("exchange.overlays.kept")}
      </p>
    </section>
  );
}
