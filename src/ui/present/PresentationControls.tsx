/** The presentation's buttons: previous, next, spotlight, blank, audience window, view, exit. */
import { useTranslation } from "react-i18next";
import type { PresentationAction } from "../../domain/workshop/presentation.ts";

/** The toolbar; `onAct` moves through the slides. */
export function PresentationControls({
  index,
  count,
  spotlightOn,
  blank,
  presenterLayout,
  onAct,
  onSpotlight,
  onBlank,
  onAudience,
  onLayout,
  onExit,
}: {
  index: number;
  count: number;
  spotlightOn: boolean;
  blank: boolean;
  presenterLayout: boolean;
  onAct: (action: PresentationAction) => void;
  onSpotlight: () => void;
  onBlank: () => void;
  onAudience: () => void;
  onLayout: () => void;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="present-controls" role="toolbar" aria-label={t("present.controls.toolbar")}>
      <button type="button" onClick={() => onAct({ type: "previous" })} disabled={index === 0}>
        ← {t("present.controls.previous")}
      </button>
      <button type="button" onClick={() => onAct({ type: "next" })} disabled={index >= count - 1}>
        {t("present.controls.next")} →
      </button>
      <button
        type="button"
        aria-pressed={spotlightOn}
        onClick={onSpotlight}
        data-testid="present-spotlight-toggle"
      >
        {t("present.controls.spotlight")}
      </button>
      <button type="button" aria-pressed={blank} onClick={onBlank}>
        {t("present.controls.blank")}
      </button>
      <button type="button" onClick={onAudience} title={t("present.controls.audienceTitle")}>
        {t("present.controls.audience")}
      </button>
      <button type="button" aria-pressed={presenterLayout} onClick={onLayout}>
        {presenterLayout ? t("present.controls.slideView") : t("present.controls.presenterView")}
      </button>
      <button type="button" onClick={onExit} data-testid="present-exit">
        {t("present.controls.exit")}
      </button>
    </div>
  );
}
