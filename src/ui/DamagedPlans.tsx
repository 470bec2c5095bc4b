/** Plans that are stored but cannot be read, in the plans dialog. */
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/index.ts";
import { workspace } from "../persistence/instance.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { problemText } from "./validation-message.ts";

type PlanSummary = ReturnType<typeof useStorageStore.getState>["plans"][number];

/** Plans that are stored but cannot be read: download their raw data, or move them to the trash. */
export function DamagedPlans({
  plans,
  onTrash,
}: {
  plans: PlanSummary[];
  onTrash: (id: string, name: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const damaged = useStorageStore((s) => s.damaged);
  if (damaged.length === 0) return null;
  const exportDamaged = async (id: string, name: string) => {
    const text = await workspace.exportDamagedPlan(id);
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `pilotkarte-beschaedigt-${(name || id).replace(/[^\p{L}\p{N}-]+/gu, "-").slice(0, 60)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section aria-labelledby="plans-damaged-title" data-testid="plans-damaged">
      <h3 id="plans-damaged-title">{t("plans.damagedHeading")}</h3>
      <p className="muted small">{t("plans.damagedHint")}</p>
      <table className="data-table">
        <tbody>
          {damaged.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                {plan.name || plan.id}
                <div className="small">
                  {t("plans.damagedProblem", { problem: problemText(t, language, plan.problem) })}
                </div>
              </th>
              <td className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => void exportDamaged(plan.id, plan.name)}
                >
                  {t("plans.damagedExport")}
                </button>
                {plans.some((p) => p.id === plan.id) && (
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => {
                      if (window.confirm(t("plans.trashConfirm", { name: plan.name || plan.id })))
                        void onTrash(plan.id, plan.name || plan.id);
                    }}
                  >
                    {t("plans.trash")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
