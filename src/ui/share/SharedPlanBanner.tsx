/** The banner of a shared plan: view-only role, or why joining failed (refused link, empty room). */
import { useTranslation } from "react-i18next";
import { useSharedPlanStore } from "../../store/shared-plan-store.ts";

export function SharedPlanBanner() {
  const { t } = useTranslation();
  const role = useSharedPlanStore((s) => s.role);
  const problem = useSharedPlanStore((s) => s.problem);
  if (problem === "refused" || problem === "empty-room") {
    return (
      <div className="storage-banner" role="alert" data-testid="shared-plan-banner" data-problem={problem}>
        <p>{t(problem === "refused" ? "share.live.refused" : "share.live.emptyRoom")}</p>
      </div>
    );
  }
  if (role !== "view") return null;
  return (
    <div className="storage-banner" role="status" data-testid="shared-plan-banner" data-role={role}>
      <p>{t("share.live.viewBanner")}</p>
    </div>
  );
}
