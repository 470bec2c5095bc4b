/**
 * Whether the page shows a shared variant: the share link's fragment ("#pk1.…") in the address. Read
 * once at start and again when a pasted link changes the fragment; left only through
 * {@link leaveSharedView} (an in-page anchor such as the skip links' "#map" does not leave it).
 */
import { useSyncExternalStore } from "react";

/** Fragments that the shared view handles (a damaged one, too, so that it can say what is wrong). */
export function isShareHash(hash: string): boolean {
  return /^#pk/i.test(hash);
}

let current: string | null =
  typeof window !== "undefined" && isShareHash(window.location.hash) ? window.location.hash : null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

if (typeof window !== "undefined") {
  window.addEventListener("hashchange", () => {
    if (isShareHash(window.location.hash) && window.location.hash !== current) {
      current = window.location.hash;
      emit();
    }
  });
}

/** The share fragment being shown (with "#"), or null for the workspace. */
export function useShareFragment(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}

/** Whether the page was opened on (or switched to) a share link. */
export function showingSharedView(): boolean {
  return current !== null;
}

/** Back to the workspace: removes the fragment from the address (no new history entry). */
export function leaveSharedView(): void {
  if (current === null) return;
  current = null;
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  emit();
}
