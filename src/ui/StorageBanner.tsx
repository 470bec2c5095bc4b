/**
 * Storage faults and the read-only state, as a banner with what to do (download a backup, take over,
 * reload, restore a plan another tab moved to the trash). Every sentence says what really happens:
 * in memory-only mode nothing is retried, so the banner does not promise it.
 */
import "./StorageBanner.css";
import { useTranslation } from "react-i18next";
import { loadWorkspace } from "../persistence/load-workspace.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { downloadBackup } from "./download-backup.ts";

export function StorageBanner() {
  const { t } = useTranslation();
  const fault = useStorageStore((s) => s.fault);
  const readOnly = useStorageStore((s) => s.readOnly);
  const memoryOnly = useStorageStore((s) => s.memoryOnly);
  const trashedElsewhere = useStorageStore((s) => s.trashedElsewhere);
  const planId = useDocumentStore((s) => s.plan.id);
  const damaged = useStorageStore((s) => s.damaged);
  const damagedNoticeClosed = useStorageStore((s) => s.damagedNoticeClosed);
  const set = useStorageStore((s) => s.set);
  const damagedNotice = damaged.length > 0 && !damagedNoticeClosed;
  if (!fault && !readOnly && !trashedElsewhere && !damagedNotice) return null;
  const download = (
    <button type="button" className="button" onClick={() => void downloadBackup()}>
      {t("storage.download")}
    </button>
  );
  return (
    <div className="storage-banner" role="alert" data-testid="storage-banner">
      {memoryOnly && fault ? (
        <p data-fault={fault}>
          {t(`storage.memoryOnlyCause.${fault}`)} {t("storage.memoryOnlyBanner")} {download}
        </p>
      ) : (
        fault && (
          <p data-fault={fault}>
            {t(`storage.faults.${fault}`)}{" "}
            {fault === "upgrade-elsewhere" ? (
              <button type="button" className="button" onClick={() => window.location.reload()}>
                {t("storage.reload")}
              </button>
            ) : (
              download
            )}
          </p>
        )
      )}
      {damagedNotice && (
        <p data-testid="damaged-notice">
          {t("storage.damagedNotice", {
            count: damaged.length,
            names: damaged.map((plan) => t("plans.quoted", { name: plan.name || plan.id })).join(", "),
          })}{" "}
          <button
            type="button"
            className="button"
            onClick={() => set({ plansOpen: true, damagedNoticeClosed: true })}
          >
            {t("storage.showPlans")}
          </button>{" "}
          <button type="button" className="button" onClick={() => set({ damagedNoticeClosed: true })}>
            {t("app.close")}
          </button>
        </p>
      )}
      {trashedElsewhere && (
        <p data-testid="trashed-elsewhere">
          {t("storage.trashedElsewhere")}{" "}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void loadWorkspace().then((w) => w.restorePlan(planId))}
          >
            {t("storage.restore")}
          </button>
        </p>
      )}
      {readOnly && !fault && (
        <p>
          {t("storage.readOnlyBanner")}{" "}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void loadWorkspace().then((w) => w.takeOver())}
          >
            {t("storage.takeOver")}
          </button>
        </p>
      )}
    </div>
  );
}
