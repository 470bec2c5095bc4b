/**
 * The banner of a shared plan: view-only and proposer roles, or why joining failed or ended (a revoked or expired
 * link, a link refused otherwise, an empty room).
 */
import { useTranslation } from "react-i18next";
import { useSharedPlanStore } from "../../store/shared-plan-store.ts";

const PROBLEM_MESSAGES = {
  refused: "share.live.refused",
  revoked: "share.live.revoked",
  expired: "share.live.expired",
  "empty-room": "share.live.emptyRoom",
} as const;

export function SharedPlanBanner() {
  const { t } = useTranslation();
  const role = useSharedPlanStore((s) => s.role);
  const problem = useSharedPlanStore((s) => s.problem);
  if (problem !== null && problem !== "no-server") {
    return (
      <div className="storage-banner" role="alert" data-testid="shared-plan-banner" data-problem={problem}>
        <p>{t(PROBLEM_MESSAGES[problem])}</p>
      </div>
    );
  }
  if (role !== "view" && role !== "propose") return null;
  return (
    <div className="storage-banner" role="status" data-testid="shared-plan-banner" data-role={role}>
      <p>{t(role === "view" ? "share.live.viewBanner" : "share.live.proposeBanner")}</p>
    </div>
  );
}
