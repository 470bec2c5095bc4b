/**
 * The shapes in which plans, snapshots and settings are stored, and how a plan becomes rows and rows
 * become a plan document again. Pure: no Dexie, so the memory store (`memory-plan-store.ts`) and the
 * tests use them without IndexedDB.
 *
 * Plans are stored as three kinds of rows so that an autosave writes only what changed: plan metadata,
 * variants (metadata and area order), and one row per pilot area. Snapshots keep whole plan documents.
 * Field names are persisted: DO NOT RENAME WITHOUT A NEW DEXIE VERSION with an upgrade function.
 */
import type { PilotArea, Plan, Variant } from "../domain/model/plan.ts";

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

export const isPlanRow = (row: unknown): row is PlanRow =>
  typeof row === "object" && row !== null && typeof (row as PlanRow).id === "string";

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A plan's rows put together as a document, as stored: not migrated, not checked. Never throws on
 * what the rows hold (a damaged row gives a document that the plan schema refuses). The order lists
 * are the truth; rows without an order entry are kept at the end (never lost), order entries without
 * a row are dropped.
 */
export function documentOfRows(
  row: PlanRow,
  variantRows: readonly unknown[],
  areaRows: readonly unknown[],
): Record<string, unknown> {
  const areasByVariant = new Map<string, Map<string, unknown>>();
  for (const a of areaRows as Partial<AreaRow>[]) {
    if (typeof a?.variantId !== "string" || typeof a.id !== "string") continue;
    const map = areasByVariant.get(a.variantId) ?? new Map<string, unknown>();
    map.set(a.id, a.area);
    areasByVariant.set(a.variantId, map);
  }
  const variants: Record<string, unknown> = {};
  for (const v of variantRows as Partial<VariantRow>[]) {
    if (typeof v?.id !== "string") continue;
    const stored = areasByVariant.get(v.id) ?? new Map<string, unknown>();
    const areas: Record<string, unknown> = {};
    const order = listOf(v.areaOrder).filter(
      (areaId): areaId is string => typeof areaId === "string" && stored.has(areaId),
    );
    for (const areaId of stored.keys()) if (!order.includes(areaId)) order.push(areaId);
    for (const areaId of order) areas[areaId] = stored.get(areaId);
    variants[v.id] = {
      id: v.id,
      name: v.name,
      areaOrder: order,
      areas,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    };
  }
  const variantOrder = listOf(row.variantOrder).filter(
    (vid): vid is string => typeof vid === "string" && Object.hasOwn(variants, vid),
  );
  for (const vid of Object.keys(variants)) if (!variantOrder.includes(vid)) variantOrder.push(vid);
  return {
    id: row.id,
    schemaVersion: row.schemaVersion,
    name: row.name,
    variantOrder,
    variants,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
