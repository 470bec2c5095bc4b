/** The keyboard cheat sheet ("?"). */
import "./ShortcutsDialog.css";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../store/session-store.ts";
import { useModal } from "./use-dialog.ts";

const TOOL_ROWS = [
  "select",
  "polygon",
  "rectangle",
  "circle",
  "freehand",
  "districts",
  "snapping",
  "undo",
  "redo",
] as const;
const ACTION_ROWS = ["removeLast", "cancel", "delete", "duplicate", "help"] as const;
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
          {TOOL_ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">
                <kbd>{t(`shortcuts.keys.${row}`)}</kbd>
              </th>
              <td>{t(`tools.${row}`)}</td>
            </tr>
          ))}
          {ACTION_ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">
                <kbd>{t(`shortcuts.keys.${row}`)}</kbd>
              </th>
              <td>{t(`shortcuts.actions.${row}`)}</td>
            </tr>
          ))}
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
