/** The keyboard cheat sheet ("?"): the registry's actions, then the keys of keyboard drawing. */
import "./ShortcutsDialog.css";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../store/session-store.ts";
import { ACTIONS } from "./actions.ts";
import { useModal } from "./use-dialog.ts";

const KEYBOARD_ROWS = [
  "move",
  "fine",
  "place",
  "finish",
  "removeLast",
  "cancel",
  "edit",
  "pick",
  "moveVertex",
  "insert",
  "deleteVertex",
  "commit",
] as const;

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useSessionStore((s) => s.shortcutsOpen);
  const setOpen = useSessionStore((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useModal(dialog, open);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
    >
      <header>
        <h2 id="shortcuts-title">{t("shortcuts.heading")}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => setOpen(false)}
          aria-label={t("app.close")}
        >
          ×
        </button>
      </header>
      <table className="data-table">
        <tbody>
          {(["tools", "actions"] as const).flatMap((group) =>
            ACTIONS.filter((action) => action.group === group).map((action) => (
              <tr key={action.id}>
                <th scope="row">
                  <kbd>{t(action.keysLabel)}</kbd>
                </th>
                <td>{t(action.label)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <table className="data-table" data-testid="keyboard-shortcuts">
        <caption>{t("a11y.shortcuts.heading")}</caption>
        <tbody>
          {KEYBOARD_ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">
                <kbd>{t(`a11y.shortcuts.keys.${row}`)}</kbd>
              </th>
              <td>{t(`a11y.shortcuts.actions.${row}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
