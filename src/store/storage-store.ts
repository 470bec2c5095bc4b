/**
 * What the planner needs to know about storage: save status, whether this tab may edit the plan,
 * faults (quota, unavailable, another tab upgraded the database), usage. Written by the persistence
 * layer, read by the UI.
 */
import { create } from "zustand";
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";

export type SaveState = "idle" | "saving" | "saved" | "error";
export type StorageFault = "quota" | "unavailable" | "blocked" | "corrupt" | "unknown" | "upgrade-elsewhere";

export interface PlanSummary {
  id: string;
  name: string;
  updatedAt: string;
  deletedAt?: string;
  variantCount: number;
}

export interface SnapshotSummary {
  id: string;
  createdAt: string;
  kind: "auto" | "named" | "before-risky";
  name: string;
  areaCount: number;
}

/** A stored plan that could not be read (it stays stored; the planner can export or trash it). */
export interface DamagedPlanSummary {
  id: string;
  name: string;
  problem: ValidationProblem;
}

interface StorageState {
  ready: boolean;
  saveState: SaveState;
  savedAt: number | null;
  /** Storage is not usable: the session works in memory only. */
  memoryOnly: boolean;
  fault: StorageFault | null;
  /** Another tab edits this plan; this one follows it read-only. */
  readOnly: boolean;
  /**
   * Opening the database waits for another tab that holds an older version of it open (the upgrade
   * cannot start until that tab closes or reloads).
   */
  openBlocked: boolean;
  /** The open plan was moved to the trash in another tab. */
  trashedElsewhere: boolean;
  /** Stored plans that could not be read, found so far. */
  damaged: DamagedPlanSummary[];
  /** The planner closed the banner about damaged plans (they stay listed in the plans dialog). */
  damagedNoticeClosed: boolean;
  persisted: boolean | null;
  usage: { usedBytes: number; quotaBytes: number } | null;
  plans: PlanSummary[];
  trash: PlanSummary[];
  snapshots: SnapshotSummary[];
  plansOpen: boolean;
  historyOpen: boolean;
  set(patch: Partial<Omit<StorageState, "set">>): void;
}

export const useStorageStore = create<StorageState>()((set) => ({
  ready: false,
  saveState: "idle",
  savedAt: null,
  memoryOnly: false,
  fault: null,
  readOnly: false,
  openBlocked: false,
  trashedElsewhere: false,
  damaged: [],
  damagedNoticeClosed: false,
  persisted: null,
  usage: null,
  plans: [],
  trash: [],
  snapshots: [],
  plansOpen: false,
  historyOpen: false,
  set: (patch) => set(patch),
}));
