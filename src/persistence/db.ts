/**
 * The IndexedDB database (Dexie): the only place that knows table and index names.
 *
 * Plans are stored in three tables so that an autosave writes only what changed: plan metadata,
 * variants (metadata and area order), and one row per pilot area. Snapshots keep whole plan documents.
 * Table names, key paths and index names are persisted: DO NOT RENAME WITHOUT A NEW DEXIE VERSION
 * with an upgrade function.
 */
import Dexie, { type Table } from "dexie";
import type { PilotArea, Plan, Variant } from "../domain/model/plan.ts";
import type { OverlayRecord } from "../store/overlay-store.ts";

export const DB_NAME = "pilotkarte";

/** Plan metadata; `deletedAt` set means "in the trash". */
export interface PlanRow {
  id: string;
  name: string;
  schemaVersion: number;
  variantOrder: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

/** A variant without its areas. */
export interface VariantRow {
  planId: string;
  id: string;
  name: string;
  areaOrder: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AreaRow {
  planId: string;
  variantId: string;
  id: string;
  area: PilotArea;
}

export type SnapshotKind = "auto" | "named" | "before-risky";

/** A whole plan document at one moment. */
export interface SnapshotRow {
  id: string;
  planId: string;
  createdAt: string;
  kind: SnapshotKind;
  /** Name given by the planner (named snapshots) or the risky operation (before-risky). */
  name: string;
  schemaVersion: number;
  document: Plan;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** An imported overlay layer: kept per browser, for every plan (see src/persistence/overlay-sync.ts). */
export type OverlayRow = OverlayRecord;

export class PilotkarteDb extends Dexie {
  plans!: Table<PlanRow, string>;
  variants!: Table<VariantRow, [string, string]>;
  areas!: Table<AreaRow, [string, string, string]>;
  snapshots!: Table<SnapshotRow, string>;
  settings!: Table<SettingRow, string>;
  overlays!: Table<OverlayRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      plans: "id, updatedAt, deletedAt",
      variants: "[planId+id], planId",
      areas: "[planId+variantId+id], planId, [planId+variantId]",
      snapshots: "id, planId, [planId+createdAt]",
      settings: "key",
    });
    // Version 2 adds the overlay layers (a new table; nothing to migrate).
    this.version(2).stores({ overlays: "id, addedAt" });
  }
}

/** Variant rows and area rows of a plan, for writing. */
export function rowsOf(plan: Plan): { plan: PlanRow; variants: VariantRow[]; areas: AreaRow[] } {
  const variants: VariantRow[] = [];
  const areas: AreaRow[] = [];
  for (const variantId of plan.variantOrder) {
    const variant = plan.variants[variantId] as Variant;
    variants.push(variantRowOf(plan.id, variant));
    for (const areaId of variant.areaOrder) {
      areas.push({ planId: plan.id, variantId, id: areaId, area: variant.areas[areaId] as PilotArea });
    }
  }
  return { plan: planRowOf(plan), variants, areas };
}

export function planRowOf(plan: Plan): PlanRow {
  return {
    id: plan.id,
    name: plan.name,
    schemaVersion: plan.schemaVersion,
    variantOrder: [...plan.variantOrder],
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

export function variantRowOf(planId: string, variant: Variant): VariantRow {
  return {
    planId,
    id: variant.id,
    name: variant.name,
    areaOrder: [...variant.areaOrder],
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
  };
}
