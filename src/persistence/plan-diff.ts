/**
 * What a diff save writes: the rows that differ between two versions of the same plan. Relies on the
 * document being immutable with structural sharing (an unchanged variant or area is the same object),
 * so that finding them costs a few comparisons per variant, not a walk over every geometry.
 */
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import type { PilotArea, Plan, Variant } from "../domain/model/plan.ts";
import { type AreaRow, type PlanRow, planRowOf, type VariantRow, variantRowOf } from "./rows.ts";

/** The rows a diff save writes and deletes. */
export interface RowChanges {
  /** The new plan row, when it differs from the old one (name, times, variant order); else null. */
  planRow: PlanRow | null;
  /** Variants that are gone (their rows and their area rows are deleted). */
  deletedVariants: string[];
  variantPuts: VariantRow[];
  areaPuts: AreaRow[];
  /** Keys `[planId, variantId, areaId]` of area rows to delete. */
  areaDeletes: [string, string, string][];
  /** Vertices of the area rows to write. */
  vertices: number;
}

/** Rows written and deleted by a save; -1 for both when it was a full save. */
export interface WriteCounts {
  written: number;
  deleted: number;
}

/** Whether two versions of a variant have the same row (name, times, area order). */
function sameVariantRow(a: Variant, b: Variant): boolean {
  return (
    a.name === b.name &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    (a.areaOrder === b.areaOrder ||
      (a.areaOrder.length === b.areaOrder.length && a.areaOrder.every((id, i) => id === b.areaOrder[i])))
  );
}

/** Whether two plan rows hold the same values (a diff save then leaves the stored row alone). */
function samePlanRow(a: PlanRow, b: PlanRow): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.schemaVersion === b.schemaVersion &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.variantOrder.length === b.variantOrder.length &&
    a.variantOrder.every((id, i) => id === b.variantOrder[i])
  );
}

/** The rows that differ between two versions of the same plan (`previous.id === next.id`). */
export function rowChangesOf(previous: Plan, next: Plan): RowChanges {
  const nextRow = planRowOf(next);
  const planRow = samePlanRow(planRowOf(previous), nextRow) ? null : nextRow;
  const variantPuts: VariantRow[] = [];
  const areaPuts: AreaRow[] = [];
  const areaDeletes: [string, string, string][] = [];
  for (const variantId of next.variantOrder) {
    const before = previous.variants[variantId];
    const after = next.variants[variantId] as Variant;
    if (before === after) continue;
    // An area edit changes the variant object, rarely its row (name, area order, times).
    if (!before || !sameVariantRow(before, after)) variantPuts.push(variantRowOf(next.id, after));
    for (const areaId of after.areaOrder) {
      const area = after.areas[areaId] as PilotArea;
      if (before?.areas[areaId] !== area) areaPuts.push({ planId: next.id, variantId, id: areaId, area });
    }
    for (const areaId of before?.areaOrder ?? []) {
      if (!after.areas[areaId]) areaDeletes.push([next.id, variantId, areaId]);
    }
  }
  const deletedVariants = previous.variantOrder.filter((variantId) => !next.variants[variantId]);
  const vertices = areaPuts.reduce((sum, row) => sum + vertexCount(row.area.geometry), 0);
  return { planRow, deletedVariants, variantPuts, areaPuts, areaDeletes, vertices };
}

/** What a diff save with these changes reports. */
export function countsOf(changes: RowChanges): WriteCounts {
  return {
    written: (changes.planRow ? 1 : 0) + changes.variantPuts.length + changes.areaPuts.length,
    deleted: changes.deletedVariants.length + changes.areaDeletes.length,
  };
}
