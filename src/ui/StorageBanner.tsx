/** Storage faults and the read-only state, as a banner with what to do (download a backup, take over, reload). */
import "./StorageBanner.css";
import { useTranslation } from "react-i18next";
import { workspace } from "../persistence/instance.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { downloadBackup } from "./download-backup.ts";

export function StorageBanner() {
  const { t } = useTranslation();
  const fault = useStorageStore((s) => s.fault);
  const readOnly = useStorageStore((s) => s.readOnly);
  if (!fault && !readOnly) return null;
  return (
    <div className="storage-banner" role="alert" data-testid="storage-banner">
      {fault && (
        <p>
          {t(`storage.faults.${fault}`)}{" "}
          {fault === "upgrade-elsewhere" ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t("storage.reload")}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void downloadBackup()}>
              {t("storage.download")}
            </button>
          )}
        </p>
      )}
      {readOnly && !fault && (
        <p>
          {t("storage.readOnlyBanner")}{" "}
          <button type="button" className="button button-primary" onClick={() => void workspace.takeOver()}>
            {t("storage.takeOver")}
          </button>
        </p>
      )}
    </div>
  );
}
