/** Plans: open, create, rename, duplicate, move to the trash and back; backup download and import. */
import "./dialog.css";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../domain/model/plan.ts";
import { formatDateTime, formatNumber, type Language } from "../i18n/index.ts";
import type { BackupPreview, ConflictChoice } from "../persistence/backup.ts";
import { workspace } from "../persistence/instance.ts";
import { TRASH_DAYS } from "../persistence/plan-repository.ts";
import { createStarterPlan, useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { DamagedPlans } from "./DamagedPlans.tsx";
import { downloadBackup } from "./download-backup.ts";
import { useModal } from "./use-dialog.ts";
import { problemText } from "./validation-message.ts";

const MB = 1024 * 1024;

export function PlansDialog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const open = useStorageStore((s) => s.plansOpen);
  const setStorage = useStorageStore((s) => s.set);
  const plans = useStorageStore((s) => s.plans);
  const trash = useStorageStore((s) => s.trash);
  const usage = useStorageStore((s) => s.usage);
  const persisted = useStorageStore((s) => s.persisted);
  const currentId = useDocumentStore((s) => s.plan.id);
  const [planError, setPlanError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useModal(dialog, open);
  const close = () => setStorage({ plansOpen: false });
  const starter = () => createStarterPlan(t("plans.newPlanName"), t("plans.firstVariantName"));
  const trashPlan = async (id: string, name: string) => {
    setPlanError(null);
    const result = await workspace.trashPlan(id, starter);
    if (!result.ok) setPlanError(t(`plans.trashRefused.${result.reason}`, { name }));
  };
  const openPlan = async (id: string, name: string) => {
    setPlanError(null);
    if (await workspace.openPlan(id)) close();
    else setPlanError(t("plans.openFailed", { name }));
  };

  return (
    <dialog
      ref={dialog}
      className="wide-dialog"
      aria-labelledby="plans-title"
      onClose={close}
      data-testid="plans-dialog"
    >
      <header>
        <h2 id="plans-title">{t("plans.heading")}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t("app.close")}>
          ×
        </button>
      </header>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void workspace.createPlan(starter).then(close)}
        >
          {t("plans.newPlan")}
        </button>
      </div>
      <PlanTable plans={plans} currentId={currentId} onOpen={openPlan} onTrash={trashPlan} />
      {planError && (
        <p className="notice notice-error" role="alert" data-testid="plans-error">
          {planError}
        </p>
      )}
      <DamagedPlans plans={plans} onTrash={trashPlan} />

      <h3>{t("plans.trashHeading")}</h3>
      <p className="muted small">{t("plans.trashHint", { days: TRASH_DAYS })}</p>
      <TrashTable trash={trash} />

      <BackupSection />
      {usage && (
        <p className="muted small">
          {t("plans.storageUsage", {
            used: `${formatNumber(usage.usedBytes / MB, language, 1)} MB`,
            quota: `${formatNumber(usage.quotaBytes / MB, language)} MB`,
          })}{" "}
          {persisted === true ? t("plans.persisted") : persisted === false ? t("plans.notPersisted") : ""}
        </p>
      )}
    </dialog>
  );
}

type PlanSummary = ReturnType<typeof useStorageStore.getState>["plans"][number];

/** The plans with open, rename, duplicate and move to the trash. */
function PlanTable({
  plans,
  currentId,
  onOpen,
  onTrash,
}: {
  plans: PlanSummary[];
  currentId: string;
  /** Opens a plan (and closes the dialog), or says why it cannot be opened. */
  onOpen: (id: string, name: string) => Promise<void>;
  /** Moves a plan to the trash, or says why it cannot be moved. */
  onTrash: (id: string, name: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <table className="data-table">
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id} className={plan.id === currentId ? "selected" : ""}>
            <th scope="row">
              {plan.name}
              {plan.id === currentId && <span className="badge badge-info">{t("plans.current")}</span>}
              <div className="muted small">
                {t("plans.updated", { date: formatDateTime(plan.updatedAt, language) })} ·{" "}
                {t("plans.variants", { count: plan.variantCount })}
              </div>
            </th>
            <td className="actions">
              {plan.id !== currentId && (
                <button type="button" className="button" onClick={() => void onOpen(plan.id, plan.name)}>
                  {t("plans.openPlan")}
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => {
                  const name = window.prompt(t("plans.renamePrompt", { name: plan.name }), plan.name);
                  if (name?.trim()) void workspace.renamePlan(plan.id, name.trim());
                }}
              >
                {t("plans.rename")}
              </button>
              <button type="button" className="button" onClick={() => void workspace.duplicatePlan(plan.id)}>
                {t("plans.duplicate")}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  if (window.confirm(t("plans.trashConfirm", { name: plan.name })))
                    void onTrash(plan.id, plan.name);
                }}
              >
                {t("plans.trash")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plans in the trash, with restore and delete for ever. */
function TrashTable({ trash }: { trash: PlanSummary[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return trash.length === 0 ? (
    <p className="muted">{t("plans.emptyTrash")}</p>
  ) : (
    <table className="data-table">
      <tbody>
        {trash.map((plan) => (
          <tr key={plan.id}>
            <th scope="row">
              {plan.name}
              <div className="muted small">
                {t("plans.deletedOn", { date: formatDateTime(plan.deletedAt ?? "", language) })}
              </div>
            </th>
            <td className="actions">
              <button type="button" className="button" onClick={() => void workspace.restorePlan(plan.id)}>
                {t("plans.restore")}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  if (window.confirm(t("plans.deleteForeverConfirm", { name: plan.name })))
                    void workspace.deletePlanForever(plan.id);
                }}
              >
                {t("plans.deleteForever")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Download a backup of every plan, or read one in: a preview first, a choice per plan that exists. */
function BackupSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const memoryOnly = useStorageStore((s) => s.memoryOnly);
  const notify = useSessionStore((s) => s.notify);
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [backupError, setBackupError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = "";
    setBackupError(null);
    setPreview(null);
    if (!file) return;
    const result = await workspace.readBackupFile(await file.text());
    if (!result.ok) {
      const p = result.problem;
      setBackupError(
        t(`plans.backupErrors.${p.code}`, {
          size: "bytes" in p ? formatNumber(p.bytes / MB, language, 1) : "",
          max: "maxBytes" in p ? formatNumber(p.maxBytes / MB, language) : "",
          index: "index" in p ? p.index + 1 : "",
          name: "name" in p && p.name ? `${t("plans.quoted", { name: p.name })} ` : "",
          problem: "problem" in p ? problemText(t, language, p.problem) : "",
        }),
      );
      return;
    }
    setPreview(result.preview);
    setChoices(
      Object.fromEntries(
        result.preview.plans.filter((p) => p.exists).map((p) => [p.plan.id, "copy" as const]),
      ),
    );
  };

  const applyImport = async () => {
    if (!preview) return;
    const result = await workspace.importBackup(preview, (plan: Plan) => choices[plan.id] ?? "copy");
    setPreview(null);
    if (result) notify({ kind: "info", key: "plans.backupDone", values: result });
  };

  return (
    <>
      <h3>{t("plans.backupHeading")}</h3>
      <p className="muted small">{t("plans.backupHint")}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void downloadBackup()}>
          {t("plans.backupDownload")}
        </button>
        {!memoryOnly && (
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t("plans.backupImport")}
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void onFile(e)}
          data-testid="backup-file"
        />
      </div>
      {backupError && (
        <p className="notice notice-error" role="alert">
          {backupError}
        </p>
      )}
      {preview && (
        <div className="backup-preview" data-testid="backup-preview">
          <p>
            {t("plans.backupPreview", {
              date: formatDateTime(preview.exportedAt, language),
              n: preview.plans.length,
            })}
          </p>
          {preview.damagedPlans.length > 0 && (
            <p className="notice notice-warning small">
              {t("plans.backupDamaged", {
                count: preview.damagedPlans.length,
                names: preview.damagedPlans.map((name) => t("plans.quoted", { name })).join(", "),
              })}
            </p>
          )}
          <BackupPlanChoices preview={preview} choices={choices} onChoices={setChoices} />
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => void applyImport()}>
              {t("plans.backupApply")}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t("plans.backupCancel")}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** The plans of a backup about to be read in: which were in the trash, and a choice for each that exists. */
function BackupPlanChoices({
  preview,
  choices,
  onChoices: setChoices,
}: {
  preview: BackupPreview;
  choices: Record<string, ConflictChoice>;
  onChoices: (choices: Record<string, ConflictChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul>
      {preview.plans.map(({ plan, exists, existsInTrash, trashed }) => (
        <li key={plan.id}>
          {plan.name}
          {trashed && (
            <span className="muted small">
              {" "}
              (
              {exists && !existsInTrash
                ? t("plans.backupTrashedReplace")
                : t("plans.backupTrashed", { days: TRASH_DAYS })}
              )
            </span>
          )}
          {exists && (
            <>
              {" "}
              – {t("plans.backupExists", { name: plan.name })}{" "}
              <select
                aria-label={t("plans.backupExists", { name: plan.name })}
                value={choices[plan.id] ?? "copy"}
                onChange={(e) =>
                  setChoices({ ...choices, [plan.id]: e.currentTarget.value as ConflictChoice })
                }
              >
                <option value="copy">{t("plans.choiceCopy")}</option>
                <option value="skip">{t("plans.choiceSkip")}</option>
                <option value="replace">{t("plans.choiceReplace")}</option>
              </select>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
