/**
 * What a change set touches, as keys, so that a step of the local undo history can be checked against
 * the changes others made to a shared plan since: undoing a step whose areas someone else changed in
 * the meantime would overwrite their work, so such a step is skipped instead (see document-store.ts).
 *
 * Keys: `area:<variant>/<area>` for anything done to one area (its order included), `variant:<id>` for
 * a variant created, replaced or deleted whole (which touches all its areas), `variant-meta:<id>` for
 * its name, time or place, and `plan` for the plan's name and time.
 */
import type { Change, ChangeSet } from "./change-set.ts";

function keysOfChange(change: Change): string[] {
  switch (change.type) {
    case "area/put":
      return [`area:${change.variantId}/${change.area.id}`];
    case "area/delete":
    case "area/patch":
    case "area/move":
      return [`area:${change.variantId}/${change.areaId}`];
    case "variant/put":
      return [`variant:${change.variant.id}`];
    case "variant/delete":
      return [`variant:${change.variantId}`];
    case "variant/patch":
    case "variant/move":
      return [`variant-meta:${change.variantId}`];
    case "plan/patch":
      return ["plan"];
  }
}

/** The keys a change set touches (each once). */
export function touchedKeys(changeSet: ChangeSet): string[] {
  return [...new Set(changeSet.changes.flatMap(keysOfChange))];
}

/** The variant a key belongs to, if any. */
function variantOf(key: string): string | undefined {
  const match = /^(?:area|variant|variant-meta):([^/]+)/.exec(key);
  return match?.[1];
}

/** Whether two key lists touch something in common (a whole variant touches everything in it). */
export function touchesSame(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  if (b.some((key) => set.has(key))) return true;
  const wholeA = new Set(a.filter((key) => key.startsWith("variant:")).map(variantOf));
  const wholeB = new Set(b.filter((key) => key.startsWith("variant:")).map(variantOf));
  return b.some((key) => wholeA.has(variantOf(key))) || a.some((key) => wholeB.has(variantOf(key)));
}
