/** Offers a newly deployed version of the app; the planner decides when to reload. */
import "./UpdatePrompt.css";
import { useTranslation } from "react-i18next";
import { useAppUpdateStore } from "../store/app-update-store.ts";

export function UpdatePrompt() {
  const { t } = useTranslation();
  const needRefresh = useAppUpdateStore((s) => s.needRefresh);
  const update = useAppUpdateStore((s) => s.update);
  const set = useAppUpdateStore((s) => s.set);
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t("app.updateAvailable")}</span>
      <button type="button" className="button button-primary" onClick={() => void update?.()}>
        {t("app.updateNow")}
      </button>
      <button type="button" className="button" onClick={() => set({ needRefresh: false })}>
        {t("app.updateLater")}
      </button>
    </div>
  );
}
