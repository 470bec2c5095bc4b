import { describe, expect, it } from "vitest";
import { de } from "../../../src/i18n/messages/de.ts";
import { en } from "../../../src/i18n/messages/en.ts";
import { useDocumentStore } from "../../../src/store/plan-document.ts";
import { useSessionStore } from "../../../src/store/session-store.ts";
import {
  ACTIONS,
  type ActionContext,
  actionFor,
  ariaKeyShortcuts,
  matchesBinding,
  TOOL_ACTIONS,
} from "../../../src/ui/actions.ts";

const t = ((key: string) => key) as unknown as ActionContext["t"];

function context(
  session: Partial<ReturnType<typeof useSessionStore.getState>> = {},
  readOnly = false,
): ActionContext {
  return {
    session: { ...useSessionStore.getState(), ...session },
    documents: { ...useDocumentStore.getState(), readOnly },
    t,
  };
}

const press = (
  key: string,
  mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {},
) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

/** A message by dotted key, or undefined. */
function message(tree: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe("the action registry", () => {
  it("gives every action a name and its keys in German and English", () => {
    for (const action of ACTIONS) {
      for (const messages of [de, en]) {
        expect(typeof message(messages, action.label), `${action.id} label`).toBe("string");
        expect(typeof message(messages, action.keysLabel), `${action.id} keys`).toBe("string");
      }
    }
  });

  it("has one tool action per tool, in tool bar order", () => {
    expect(TOOL_ACTIONS.map((a) => a.tool)).toEqual([
      "select",
      "polygon",
      "rectangle",
      "circle",
      "freehand",
      "districts",
    ]);
  });

  describe("matching a key press", () => {
    it("matches letters without modifiers and ignores them with Shift, Alt or Ctrl", () => {
      expect(actionFor(press("p"), context())?.id).toBe("tool.polygon");
      expect(actionFor(press("P"), context())?.id).toBe("tool.polygon");
      expect(actionFor(press("P", { shift: true }), context())).toBeNull();
      expect(actionFor(press("p", { alt: true }), context())).toBeNull();
      expect(actionFor(press("p", { ctrl: true }), context())).toBeNull();
    });

    it("tells undo from redo by Shift, and takes ⌘ for Ctrl", () => {
      expect(actionFor(press("z", { ctrl: true }), context())?.id).toBe("undo");
      expect(actionFor(press("Z", { ctrl: true, shift: true }), context())?.id).toBe("redo");
      expect(actionFor(press("y", { meta: true }), context())?.id).toBe("redo");
    });

    it("matches ? with or without Shift (its key differs per keyboard layout)", () => {
      expect(matchesBinding(press("?", { shift: true }), { key: "?", shift: true })).toBe(true);
      expect(matchesBinding(press("?"), { key: "?", shift: true })).toBe(true);
    });

    it("gives Backspace to the shape being drawn first, then to the selected area, else to nobody", () => {
      expect(actionFor(press("Backspace"), context({ tool: "polygon", selectedAreaId: "a" }))?.id).toBe(
        "remove-last-point",
      );
      expect(actionFor(press("Backspace"), context({ tool: "select", selectedAreaId: "a" }))?.id).toBe(
        "delete",
      );
      expect(actionFor(press("Backspace"), context({ tool: "select", selectedAreaId: null }))).toBeNull();
      expect(actionFor(press("d", { ctrl: true }), context({ selectedAreaId: null }))).toBeNull();
    });
  });

  describe("in a read-only tab", () => {
    it("runs only looking, the cheat sheet and Escape", () => {
      const allowed = ACTIONS.filter((a) => a.readOnly).map((a) => a.id);
      expect(allowed.sort()).toEqual(["cancel", "help", "tool.select"]);
      expect(actionFor(press("p"), context({}, true))).toBeNull();
      expect(actionFor(press("z", { ctrl: true }), context({}, true))).toBeNull();
      expect(actionFor(press("Delete"), context({ selectedAreaId: "a" }, true))).toBeNull();
      expect(actionFor(press("?"), context({}, true))?.id).toBe("help");
      expect(actionFor(press("Escape"), context({}, true))?.id).toBe("cancel");
    });
  });

  it("names the keys for assistive technology", () => {
    const byId = (id: string) => ACTIONS.find((a) => a.id === id);
    expect(ariaKeyShortcuts(byId("tool.polygon") as (typeof ACTIONS)[number])).toBe("P");
    expect(ariaKeyShortcuts(byId("redo") as (typeof ACTIONS)[number])).toBe("Control+Shift+Z Control+Y");
    expect(ariaKeyShortcuts(byId("delete") as (typeof ACTIONS)[number])).toBe("Delete Backspace");
  });
});
