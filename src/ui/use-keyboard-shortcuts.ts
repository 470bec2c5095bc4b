/**
 * Global keyboard shortcuts: the key press runs the first matching action of the registry
 * (`actions.ts`). Ignored while typing in a form field, so text editing keeps its own undo and
 * Backspace.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { actionFor } from "./actions.ts";

/** Input types where a letter key is a shortcut, not text (a focused checkbox or radio button). */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "color", "range"]);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable;
}

export function useKeyboardShortcuts() {
  const { t } = useTranslation();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const context = { session: useSessionStore.getState(), documents: useDocumentStore.getState(), t };
      const action = actionFor(event, context);
      if (!action) return;
      // The browser's own meaning of these keys (back, bookmark, …) would follow otherwise.
      if (event.ctrlKey || event.metaKey || event.key === "Backspace" || event.key === "Delete")
        event.preventDefault();
      action.run(context);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [t]);
}
