/**
 * The one registry of the planner's actions that have a key: the tools, snapping, undo and redo, and
 * the actions on the selection. The tool bar draws its tool buttons from it, the keyboard shortcuts
 * run it, the cheat sheet ("?") lists it, and each action says itself whether a read-only tab (another
 * tab edits the plan) may run it. Modelled on Excalidraw's actions: a key, a predicate, a perform.
 */
import type { TFunction } from "i18next";
import type { AreaId } from "../domain/model/plan.ts";
import { isDrawingTool, undoLastPoint } from "../map/draw/draw-registry.ts";
import type { useDocumentStore } from "../store/plan-document.ts";
import type { Tool, useSessionStore } from "../store/session-store.ts";
import { commandContext, loadCommands } from "./command-context.ts";

/** A key, as `KeyboardEvent.key` (letters lower case), with the modifiers it needs. */
export interface KeyBinding {
  key: string;
  /** Ctrl, or ⌘ on a Mac. */
  ctrl?: boolean;
  shift?: boolean;
}

export interface ActionContext {
  session: ReturnType<typeof useSessionStore.getState>;
  documents: ReturnType<typeof useDocumentStore.getState>;
  t: TFunction;
}

export interface Action {
  id: string;
  bindings: readonly KeyBinding[];
  /** Message key of the keys as the cheat sheet shows them ("Strg+Z"). */
  keysLabel: string;
  /** Message key of what it does. */
  label: string;
  /** In the cheat sheet: the tools first, then the actions on the selection and the drawing. */
  group: "tools" | "actions";
  /** Allowed in a read-only tab. */
  readOnly: boolean;
  /** Whether the key is this action's now; when false the key is left to the next action or the page. */
  when?: (context: ActionContext) => boolean;
  run: (context: ActionContext) => void;
}

/** A drawing or picking tool with its button. */
export interface ToolAction extends Action {
  tool: Tool;
  /** The button's symbol. */
  icon: string;
  /** Keeps its name in a narrow tool bar. */
  main: boolean;
}

function toolAction(tool: Tool, key: string, icon: string, main: boolean): ToolAction {
  return {
    id: `tool.${tool}`,
    tool,
    icon,
    main,
    bindings: [{ key }],
    keysLabel: `shortcuts.keys.${tool}`,
    label: `tools.${tool}`,
    group: "tools",
    // Looking is allowed in a read-only tab: the select tool; drawing is not.
    readOnly: tool === "select",
    run: ({ session }) => session.setTool(tool),
  };
}

/** The tools, in tool bar order. */
export const TOOL_ACTIONS: readonly ToolAction[] = [
  toolAction("select", "v", "↖", true),
  toolAction("polygon", "p", "⬠", true),
  toolAction("rectangle", "r", "▭", false),
  toolAction("circle", "c", "◯", false),
  toolAction("freehand", "f", "✎", false),
  toolAction("districts", "b", "⊞", true),
];

const selected = ({ session }: ActionContext) => session.selectedAreaId !== null;

/** Every action with a key; the first whose binding and predicate match a key press runs. */
export const ACTIONS: readonly Action[] = [
  ...TOOL_ACTIONS,
  {
    id: "snapping",
    bindings: [{ key: "n" }],
    keysLabel: "shortcuts.keys.snapping",
    label: "tools.snapping",
    group: "tools",
    readOnly: false,
    run: ({ session }) => session.setSnapping(!session.snapping),
  },
  {
    id: "undo",
    bindings: [{ key: "z", ctrl: true }],
    keysLabel: "shortcuts.keys.undo",
    label: "tools.undo",
    group: "tools",
    readOnly: false,
    run: ({ documents }) => documents.undo(),
  },
  {
    id: "redo",
    bindings: [
      { key: "z", ctrl: true, shift: true },
      { key: "y", ctrl: true },
    ],
    keysLabel: "shortcuts.keys.redo",
    label: "tools.redo",
    group: "tools",
    readOnly: false,
    run: ({ documents }) => documents.redo(),
  },
  {
    id: "remove-last-point",
    bindings: [{ key: "backspace" }],
    keysLabel: "shortcuts.keys.removeLast",
    label: "shortcuts.actions.removeLast",
    group: "actions",
    readOnly: false,
    when: ({ session }) => isDrawingTool(session.tool),
    run: () => void undoLastPoint(),
  },
  {
    id: "cancel",
    bindings: [{ key: "escape" }],
    keysLabel: "shortcuts.keys.cancel",
    label: "shortcuts.actions.cancel",
    group: "actions",
    readOnly: true,
    // terra-draw cancels the shape being drawn itself; here the cheat sheet, the pick and the selection.
    run: ({ session }) => {
      if (session.shortcutsOpen) session.setShortcutsOpen(false);
      else if (session.tool === "districts" && session.picked.length > 0) session.clearPicked();
      else if (!isDrawingTool(session.tool)) session.selectPilotArea(null);
    },
  },
  {
    id: "delete",
    bindings: [{ key: "delete" }, { key: "backspace" }],
    keysLabel: "shortcuts.keys.delete",
    label: "shortcuts.actions.delete",
    group: "actions",
    readOnly: false,
    when: selected,
    run: ({ session, t }) => {
      const id = session.selectedAreaId as AreaId;
      session.selectPilotArea(null);
      void loadCommands().then(({ deleteAreas }) => {
        deleteAreas(commandContext(), [id], t("attributes.deleteLabel"));
        session.notify({ kind: "info", key: "attributes.deleted" });
      });
    },
  },
  {
    id: "duplicate",
    bindings: [{ key: "d", ctrl: true }],
    keysLabel: "shortcuts.keys.duplicate",
    label: "shortcuts.actions.duplicate",
    group: "actions",
    readOnly: false,
    when: selected,
    run: ({ session, t }) => {
      const id = session.selectedAreaId as AreaId;
      void loadCommands().then(({ duplicateArea }) => {
        const copy = duplicateArea(
          commandContext(),
          id,
          t("attributes.copySuffix"),
          t("attributes.duplicateLabel"),
        );
        if (copy) session.selectPilotArea(copy);
      });
    },
  },
  {
    id: "help",
    // "?" sits on different keys per layout (Shift+ß on German keyboards): matched by the character.
    bindings: [{ key: "?", shift: true }],
    keysLabel: "shortcuts.keys.help",
    label: "shortcuts.actions.help",
    group: "actions",
    readOnly: true,
    run: ({ session }) => session.setShortcutsOpen(!session.shortcutsOpen),
  },
];

/** Whether a key press is this binding ("?" and other shifted characters count by the character). */
export function matchesBinding(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
  binding: KeyBinding,
): boolean {
  if (event.altKey) return false;
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== (binding.ctrl ?? false)) return false;
  const key = event.key.toLowerCase();
  if (key !== binding.key) return false;
  // A character that needs Shift on some layouts ("?") matches with or without it.
  if (binding.key === "?") return true;
  return event.shiftKey === (binding.shift ?? false);
}

/**
 * The action a key press runs, or null: the first action with a matching binding whose predicate holds
 * and that the tab may run (a read-only tab runs only the actions marked so).
 */
export function actionFor(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
  context: ActionContext,
  actions: readonly Action[] = ACTIONS,
): Action | null {
  for (const action of actions) {
    if (!action.bindings.some((binding) => matchesBinding(event, binding))) continue;
    if (context.documents.readOnly && !action.readOnly) continue;
    if (action.when && !action.when(context)) continue;
    return action;
  }
  return null;
}

/** The `aria-keyshortcuts` value of an action ("Control+Z", "P"). */
export function ariaKeyShortcuts(action: Action): string {
  const name = (key: string) => (key.length === 1 ? key.toUpperCase() : key[0]?.toUpperCase() + key.slice(1));
  return action.bindings
    .map((b) =>
      [b.ctrl ? "Control" : null, b.shift && b.key !== "?" ? "Shift" : null, name(b.key)]
        .filter(Boolean)
        .join("+"),
    )
    .join(" ");
}
