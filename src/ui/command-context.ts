/** The context the area commands need, from the app's stores. */
import { useDocumentStore } from "../store/plan-document.ts";
import { useReferenceStore } from "../store/reference-store.ts";

export function commandContext() {
  return { getState: useDocumentStore.getState, boundary: useReferenceStore.getState().boundary };
}

/** The area commands carry the clipping code (Turf); they load on first use, not with the page. */
export const loadCommands = () => import("../store/area-commands.ts");
