/**
 * What the parts of the workspace (plan library, snapshots, view state) share with it: the store in
 * use, the texts for new names, and a few of its actions. The workspace (workspace.ts) builds one and
 * hands it to each part; the store can change once, at start (memory until storage is open).
 */
import type { Plan } from "../domain/model/plan.ts";
import type { ViewState } from "../domain/validation/tab-message.schema.ts";
import type { PlanStore } from "./plan-store.ts";
import type { TabCoordinator } from "./tab-coordination.ts";

/** Default names and labels, in the UI's language (see instance.ts). */
export interface WorkspaceTexts {
  newPlanName: string;
  firstVariantName: string;
  copySuffix: string;
  restoreLabel: string;
  generator: string;
}

export interface WorkspaceContext {
  /** The store in use: IndexedDB, or this tab's memory when storage cannot be used. */
  store(): PlanStore;
  /** This tab among the others (locks and messages). */
  tabs(): TabCoordinator;
  texts(): WorkspaceTexts;
  /** Writes what is pending now (before risky operations and plan switches). */
  flush(): Promise<void>;
  /** Shows a plan in this tab: loads it into the document store, saves it from now on, takes its lock. */
  open(plan: Plan, view: ViewState | undefined): void;
  /** Fills the plan list, the trash and the open plan's history. */
  refreshLists(): Promise<void>;
}

export const nowIso = () => new Date().toISOString();
