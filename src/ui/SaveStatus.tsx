/** The save indicator in the header: gespeichert / speichert … / error / memory only / view only. */
import "./SaveStatus.css";
import { useTranslation } from "react-i18next";
import { sharedSaveState, useSharedPlanStore } from "../store/shared-plan-store.ts";
import { useStorageStore } from "../store/storage-store.ts";

/** The indicator of a shared plan: synchronisiert / verbunden / offline – wird nachgereicht (N). */
function SharedSaveStatus() {
  const { t } = useTranslation();
  const connection = useSharedPlanStore((s) => s.connection);
  const unsynced = useSharedPlanStore((s) => s.unsynced);
  const state = sharedSaveState(connection, unsynced);
  const label = t(`share.live.status_${state}`, { count: unsynced });
  const tone = state === "offline" ? "warn" : "ok";
  return (
    <span
      className={`save-status save-${tone}`}
      role="status"
      title={label}
      data-testid="save-status"
      data-state={`shared-${state}`}
    >
      <span aria-hidden="true" className="dot" />
      {label}
    </span>
  );
}

export function SaveStatus() {
  const shared = useSharedPlanStore((s) => s.role !== null);
  return shared ? <SharedSaveStatus /> : <LocalSaveStatus />;
}

function LocalSaveStatus() {
  const { t, i18n } = useTranslation();
  const saveState = useStorageStore((s) => s.saveState);
  const savedAt = useStorageStore((s) => s.savedAt);
  const memoryOnly = useStorageStore((s) => s.memoryOnly);
  const readOnly = useStorageStore((s) => s.readOnly);
  const label = memoryOnly
    ? t("storage.memoryOnly")
    : readOnly
      ? t("storage.readOnly")
      : saveState === "saving"
        ? t("storage.saving")
        : saveState === "error"
          ? t("storage.error")
          : t("storage.saved");
  const title =
    savedAt && saveState === "saved"
      ? t("storage.savedAt", {
          time: new Intl.DateTimeFormat(i18n.language === "de" ? "de-DE" : "en-GB", {
            timeStyle: "medium",
          }).format(savedAt),
        })
      : label;
  const tone = memoryOnly || saveState === "error" ? "bad" : readOnly ? "warn" : "ok";
  return (
    <span
      className={`save-status save-${tone}`}
      role="status"
      title={title}
      data-testid="save-status"
      data-state={memoryOnly ? "memory" : readOnly ? "read-only" : saveState}
    >
      <span aria-hidden="true" className="dot" />
      {label}
    </span>
  );
}
