/**
 * The tab's persistence session, loaded on first use. Dexie, the repositories and the stored-data schemas
 * are not part of the first download: the entry asks for them when it starts the session, in parallel with
 * the map, and every later caller gets the same module.
 */
import type { Workspace, WorkspaceTexts } from "./workspace.ts";

type Instance = typeof import("./instance.ts");

let loading: Promise<Instance> | undefined;

function instance(): Promise<Instance> {
  loading ??= import("./instance.ts");
  return loading;
}

/** The one session of the tab (loads the persistence code on the first call). */
export async function loadWorkspace(): Promise<Workspace> {
  return (await instance()).workspace;
}

/** Default names follow the UI language; applied once the session's code is there. */
export function setWorkspaceTexts(texts: WorkspaceTexts): void {
  void instance().then((m) => m.setWorkspaceTexts(texts));
}
