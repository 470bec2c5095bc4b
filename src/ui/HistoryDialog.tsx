/** History: named and automatic snapshots of the open plan; preview and restore (undoable). */
import "./dialog.css";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../domain/model/plan.ts";
import { formatDateTime, type Language } from "../i18n/index.ts";
import { workspace } from "../persistence/instance.ts";
import { AUTO_SNAPSHOT_MINUTES } from "../persistence/workspace.ts";
import { useSessionStore } from "../store/session-store.ts";
import { useStorageStore } from "../store/storage-store.ts";
import { useModal } from "./use-dialog.ts";

/** What kind of snapshot it is: its own name, "before …" what, or automatic. */
function kindLabel(
  kind: string,
  snapshotName: string,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  return kind === "named"
    ? snapshotName
    : kind === "before-risky"
      ? `${t("history.kinds.before-risky")}: ${t(`history.risky.${snapshotName}`, { defaultValue: snapshotName })}`
      : t("history.kinds.auto");
}

export function HistoryDialog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const open = useStorageStore((s) => s.historyOpen);
  const setStorage = useStorageStore((s) => s.set);
  const snapshots = useStorageStore((s) => s.snapshots);
  const readOnly = useStorageStore((s) => s.readOnly);
  const notify = useSessionStore((s) => s.notify);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  useModal(dialog, open);
  const close = () => {
    setStorage({ historyOpen: false });
    setPreview(null);
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void workspace.namedSnapshot(name.trim());
    setName("");
  };

  return (
    <dialog
      ref={dialog}
      className="wide-dialog"
      aria-labelledby="history-title"
      onClose={close}
      data-testid="history-dialog"
    >
      <header>
        <h2 id="history-title">{t("history.heading")}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t("app.close")}>
          ×
        </button>
      </header>
      <form className="button-row" onSubmit={onSave}>
        <label className="visually-hidden" htmlFor="snapshot-name">
          {t("history.saveNamed")}
        </label>
        <input
          id="snapshot-name"
          type="text"
          value={name}
          placeholder={t("history.namedPlaceholder")}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {t("history.saveNamed")}
        </button>
      </form>
      {snapshots.length === 0 ? (
        <p className="muted">{t("history.empty", { minutes: AUTO_SNAPSHOT_MINUTES })}</p>
      ) : (
        <table className="data-table">
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id} className={preview?.id === s.id ? "selected" : ""}>
                <th scope="row">
                  {formatDateTime(s.createdAt, language)}
                  <div className="muted small">
                    {kindLabel(s.kind, s.name, t)} · {t("history.areas", { count: s.areaCount })}
                  </div>
                </th>
                <td className="actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void workspace
                        .loadSnapshot(s.id)
                        .then((plan) =>
                          plan
                            ? setPreview({ id: s.id, plan, createdAt: s.createdAt })
                            : notify({ kind: "error", key: "history.unreadable" }),
                        )
                    }
                  >
                    {t("history.preview")}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={readOnly}
                    onClick={() =>
                      void workspace.restoreSnapshot(s.id).then((ok) => {
                        if (ok) {
                          notify({ kind: "info", key: "history.restored" });
                          close();
                        } else notify({ kind: "error", key: "history.unreadable" });
                      })
                    }
                  >
                    {t("history.restore")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview && <SnapshotPreview preview={preview} />}
    </dialog>
  );
}

type Preview = { id: string; plan: Plan; createdAt: string };

/** A snapshot's variants and their areas by name, before restoring it. */
function SnapshotPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section className="snapshot-preview" data-testid="snapshot-preview">
      <h3>{t("history.previewHeading", { date: formatDateTime(preview.createdAt, language) })}</h3>
      <ul>
        {preview.plan.variantOrder.map((id) => {
          const variant = preview.plan.variants[id];
          if (!variant) return null;
          return (
            <li key={id}>
              {t("history.previewVariant", {
                name: variant.name,
                areas: variant.areaOrder.map((a) => variant.areas[a]?.name ?? "").join(", ") || "—",
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
