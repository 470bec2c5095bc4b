/**
 * Global keyboard shortcuts: tools (V P R C F B), snapping (N), undo/redo, Backspace while drawing,
 * Escape, Delete and duplicate for the selected area, "?" for the cheat sheet. Ignored while typing
 * in a form field, so text editing keeps its own undo and Backspace.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AreaId } from "../domain/model/plan.ts";
import { isDrawingTool, undoLastPoint } from "../map/draw/draw-registry.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { type Tool, useSessionStore } from "../store/session-store.ts";
import { commandContext, loadCommands } from "./command-context.ts";

const TOOL_KEYS: Record<string, Tool> = {
  v: "select",
  p: "polygon",
  r: "rectangle",
  c: "circle",
  f: "freehand",
  b: "districts",
};

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
      if (isTyping(event.target) || event.altKey) return;
      const session = useSessionStore.getState();
      const documents = useDocumentStore.getState();
      const key = event.key.toLowerCase();
      const ctrl = event.ctrlKey || event.metaKey;
      // A read-only tab (another tab edits the plan) only answers the cheat sheet and Escape.
      if (documents.readOnly && event.key !== "?" && event.key !== "Escape") return;
      if (ctrl && key === "z") {
        event.preventDefault();
        if (event.shiftKey) documents.redo();
        else documents.undo();
        return;
      }
      if (ctrl && key === "y") {
        event.preventDefault();
        documents.redo();
        return;
      }
      if (ctrl && key === "d") {
        event.preventDefault();
        const selected = session.selectedAreaId;
        if (selected) {
          void loadCommands().then(({ duplicateArea }) => {
            const id = duplicateArea(
              commandContext(),
              selected as AreaId,
              t("attributes.copySuffix"),
              t("attributes.duplicateLabel"),
            );
            if (id) session.selectPilotArea(id);
          });
        }
        return;
      }
      if (ctrl) return;
      if (event.key === "Backspace" && isDrawingTool(session.tool)) {
        event.preventDefault();
        undoLastPoint();
        return;
      }
      if (event.key === "Escape") {
        // terra-draw cancels the shape being drawn itself; here the selection and the pick are cleared.
        if (session.shortcutsOpen) session.setShortcutsOpen(false);
        else if (session.tool === "districts" && session.picked.length > 0) session.clearPicked();
        else if (!isDrawingTool(session.tool)) session.selectPilotArea(null);
        return;
      }
      if ((event.key === "Delete" || event.key === "Backspace") && session.selectedAreaId) {
        event.preventDefault();
        const selected = session.selectedAreaId as AreaId;
        session.selectPilotArea(null);
        void loadCommands().then(({ deleteAreas }) => {
          deleteAreas(commandContext(), [selected], t("attributes.deleteLabel"));
          session.notify({ kind: "info", key: "attributes.deleted" });
        });
        return;
      }
      if (event.key === "?") {
        session.setShortcutsOpen(!session.shortcutsOpen);
        return;
      }
      if (key === "n" && !event.shiftKey) {
        session.setSnapping(!session.snapping);
        return;
      }
      const tool = TOOL_KEYS[key];
      if (tool && !event.shiftKey) session.setTool(tool);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [t]);
}
