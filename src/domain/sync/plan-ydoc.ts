/**
 * A plan as a Yjs document, for shared plans: the change sets that change a plan locally are mirrored
 * into the Y.Doc (one Y transaction per change set), and what arrives from others is read back as a
 * plan and turned into a change set (`diffPlans`) that the document store applies as remote, outside
 * the local undo history. Yjs merges concurrent edits; this module only maps between the two shapes.
 *
 * Layout of the Y.Doc (persisted on the server and in browsers: DO NOT RENAME WITHOUT A MIGRATION):
 * - `plan`        Y.Map: id, schemaVersion, name, createdAt, updatedAt
 * - `variantOrder` Y.Array<string> of variant ids
 * - `variants`    Y.Map<variantId, Y.Map>: id, name, createdAt, updatedAt,
 *                 `areaOrder` Y.Array<string>, `areas` Y.Map<areaId, Y.Map>
 * - an area       Y.Map: one entry per attribute (edited field by field; two planners changing the name
 *                 and the status of one area both keep their change), `geometry` and `origin` as
 *                 whole JSON values (a shape is replaced as a whole, never merged vertex by vertex).
 *
 * Orders are Y.Arrays of ids. Two planners moving the same area at once can leave an id twice, and an
 * id can miss from the order when its area was put concurrently: reading normalises both (first
 * occurrence wins, ids without a place go to the end in id order), so every replica reads the same.
 */
import * as Y from "yjs";
import type { Change, ChangeSet } from "../changes/change-set.ts";
import type { AreaId, PilotArea, Plan, Variant, VariantId } from "../model/plan.ts";

const PLAN = "plan";
const VARIANT_ORDER = "variantOrder";
const VARIANTS = "variants";
const AREA_ORDER = "areaOrder";
const AREAS = "areas";

type YRecord = Y.Map<unknown>;

const PLAN_KEYS = ["id", "schemaVersion", "name", "createdAt", "updatedAt"] as const;
const VARIANT_KEYS = ["id", "name", "createdAt", "updatedAt"] as const;

/** A JSON value as stored in a Y.Map (Yjs keeps plain JSON values as they are). */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function areaMap(area: PilotArea): YRecord {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(area)) {
    if (value !== undefined) map.set(key, value as Json);
  }
  return map;
}

function variantMap(variant: Variant): YRecord {
  const map = new Y.Map<unknown>();
  for (const key of VARIANT_KEYS) map.set(key, variant[key]);
  const order = new Y.Array<string>();
  order.push([...variant.areaOrder]);
  map.set(AREA_ORDER, order);
  const areas = new Y.Map<YRecord>();
  for (const id of variant.areaOrder) {
    const area = variant.areas[id];
    if (area) areas.set(id, areaMap(area));
  }
  map.set(AREAS, areas);
  return map;
}

/** Fills an empty document with a plan (the first replica of a shared plan). */
export function writePlan(doc: Y.Doc, plan: Plan, origin?: unknown): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(PLAN);
    for (const key of PLAN_KEYS) meta.set(key, plan[key]);
    const order = doc.getArray<string>(VARIANT_ORDER);
    order.delete(0, order.length);
    order.push([...plan.variantOrder]);
    const variants = doc.getMap<YRecord>(VARIANTS);
    for (const key of [...variants.keys()]) variants.delete(key);
    for (const id of plan.variantOrder) {
      const variant = plan.variants[id];
      if (variant) variants.set(id, variantMap(variant));
    }
  }, origin);
}

/** The ids of `order` that exist in `present`, each once, then those `order` lacks (sorted). */
function normaliseOrder(order: readonly string[], present: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of order) {
    if (present.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  const missing = [...present].filter((id) => !seen.has(id)).sort();
  return [...out, ...missing];
}

function readArea(map: YRecord): PilotArea {
  return map.toJSON() as PilotArea;
}

function readVariant(map: YRecord): Variant {
  const areasMap = map.get(AREAS) as Y.Map<YRecord> | undefined;
  const orderArray = map.get(AREA_ORDER) as Y.Array<string> | undefined;
  const areas: Record<string, PilotArea> = {};
  for (const [id, area] of areasMap?.entries() ?? []) areas[id] = readArea(area);
  const areaOrder = normaliseOrder(orderArray?.toArray() ?? [], new Set(Object.keys(areas))) as AreaId[];
  return {
    id: map.get("id") as VariantId,
    name: map.get("name") as string,
    createdAt: map.get("createdAt") as string,
    updatedAt: map.get("updatedAt") as string,
    areaOrder,
    areas,
  };
}

/** The plan the document holds, or null while it is empty (not yet filled by anyone). */
export function readPlan(doc: Y.Doc): Plan | null {
  const meta = doc.getMap<unknown>(PLAN);
  if (!meta.has("id")) return null;
  const variantsMap = doc.getMap<YRecord>(VARIANTS);
  const variants: Record<string, Variant> = {};
  for (const [id, variant] of variantsMap.entries()) variants[id] = readVariant(variant);
  const variantOrder = normaliseOrder(
    doc.getArray<string>(VARIANT_ORDER).toArray(),
    new Set(Object.keys(variants)),
  ) as VariantId[];
  return {
    id: meta.get("id") as Plan["id"],
    schemaVersion: meta.get("schemaVersion") as number,
    name: meta.get("name") as string,
    createdAt: meta.get("createdAt") as string,
    updatedAt: meta.get("updatedAt") as string,
    variantOrder,
    variants,
  };
}

function removeId(order: Y.Array<string>, id: string): void {
  // Every occurrence: concurrent moves can leave one id twice.
  for (let i = order.length - 1; i >= 0; i--) if (order.get(i) === id) order.delete(i, 1);
}

/** Inserts at `index` clamped to the order's length, or at the end without one. */
function insertId(order: Y.Array<string>, id: string, index: number | undefined): void {
  const at = index === undefined ? order.length : Math.min(Math.max(0, index), order.length);
  order.insert(at, [id]);
}

function variantOf(doc: Y.Doc, variantId: string): YRecord {
  const variant = doc.getMap<YRecord>(VARIANTS).get(variantId);
  if (!variant) throw new Error(`shared plan: no variant ${variantId}`);
  return variant;
}

function putArea(doc: Y.Doc, variantId: string, area: PilotArea, index: number | undefined): void {
  const variant = variantOf(doc, variantId);
  const areas = variant.get(AREAS) as Y.Map<YRecord>;
  const order = variant.get(AREA_ORDER) as Y.Array<string>;
  const existing = areas.get(area.id);
  if (existing) {
    // Replace whole, field by field, so that a concurrent edit of another field survives.
    for (const key of [...existing.keys()]) if (!(key in area)) existing.delete(key);
    for (const [key, value] of Object.entries(area)) {
      if (value === undefined) existing.delete(key);
      else if (JSON.stringify(existing.get(key)) !== JSON.stringify(value)) existing.set(key, value as Json);
    }
    if (index !== undefined) {
      removeId(order, area.id);
      insertId(order, area.id, index);
    }
    return;
  }
  areas.set(area.id, areaMap(area));
  removeId(order, area.id);
  insertId(order, area.id, index);
}

function applyChange(doc: Y.Doc, change: Change): void {
  switch (change.type) {
    case "area/put":
      putArea(doc, change.variantId, change.area, change.index);
      return;
    case "area/delete": {
      const variant = variantOf(doc, change.variantId);
      (variant.get(AREAS) as Y.Map<YRecord>).delete(change.areaId);
      removeId(variant.get(AREA_ORDER) as Y.Array<string>, change.areaId);
      return;
    }
    case "area/patch": {
      const area = (variantOf(doc, change.variantId).get(AREAS) as Y.Map<YRecord>).get(change.areaId);
      if (!area) throw new Error(`shared plan: no area ${change.areaId}`);
      for (const [key, value] of Object.entries(change.patch)) {
        if (value === undefined) area.delete(key);
        else area.set(key, value as Json);
      }
      return;
    }
    case "area/move": {
      const order = variantOf(doc, change.variantId).get(AREA_ORDER) as Y.Array<string>;
      removeId(order, change.areaId);
      insertId(order, change.areaId, change.index);
      return;
    }
    case "variant/put": {
      const variants = doc.getMap<YRecord>(VARIANTS);
      const order = doc.getArray<string>(VARIANT_ORDER);
      const existed = variants.has(change.variant.id);
      variants.set(change.variant.id, variantMap(change.variant));
      if (!existed || change.index !== undefined) {
        removeId(order, change.variant.id);
        insertId(order, change.variant.id, change.index);
      }
      return;
    }
    case "variant/delete":
      doc.getMap<YRecord>(VARIANTS).delete(change.variantId);
      removeId(doc.getArray<string>(VARIANT_ORDER), change.variantId);
      return;
    case "variant/patch": {
      const variant = variantOf(doc, change.variantId);
      for (const [key, value] of Object.entries(change.patch)) {
        if (value === undefined) variant.delete(key);
        else variant.set(key, value);
      }
      return;
    }
    case "variant/move": {
      const order = doc.getArray<string>(VARIANT_ORDER);
      removeId(order, change.variantId);
      insertId(order, change.variantId, change.index);
      return;
    }
    case "plan/patch": {
      const meta = doc.getMap<unknown>(PLAN);
      for (const [key, value] of Object.entries(change.patch)) {
        if (value === undefined) meta.delete(key);
        else meta.set(key, value);
      }
      return;
    }
  }
}

/** Mirrors a change set (already applied to the local plan) into the document, in one transaction. */
export function applyChangeSetToDoc(doc: Y.Doc, changeSet: ChangeSet, origin?: unknown): void {
  doc.transact(() => {
    for (const change of changeSet.changes) applyChange(doc, change);
  }, origin);
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The patch that turns `before` into `after` (changed keys; removed keys as undefined), or null. */
function patchOf<T extends object>(before: T, after: T, skip: readonly string[]): Partial<T> | null {
  const patch: Record<string, unknown> = {};
  let changed = false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (skip.includes(key)) continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!sameValue(a, b)) {
      patch[key] = b;
      changed = true;
    }
  }
  return changed ? (patch as Partial<T>) : null;
}

/** Moves that turn the order `from` (after puts and deletes) into `to`, simulated as they go. */
function movesFor(from: readonly string[], to: readonly string[]): { id: string; index: number }[] {
  const current = [...from];
  const moves: { id: string; index: number }[] = [];
  to.forEach((id, index) => {
    if (current[index] === id) return;
    const at = current.indexOf(id);
    if (at >= 0) current.splice(at, 1);
    current.splice(index, 0, id);
    moves.push({ id, index });
  });
  return moves;
}

/**
 * The change set that turns plan `before` into plan `after` (both valid plans of the same id): how a
 * remote update reaches the document store. Unchanged areas and variants produce no change, so the
 * store keeps their identity and the map and the analysis redo only what changed.
 */
export function diffPlans(before: Plan, after: Plan, label: string): ChangeSet {
  const changes: Change[] = [];
  const planPatch = patchOf(
    { name: before.name, updatedAt: before.updatedAt },
    { name: after.name, updatedAt: after.updatedAt },
    [],
  );
  if (planPatch) changes.push({ type: "plan/patch", patch: planPatch });

  for (const id of before.variantOrder) {
    if (!Object.hasOwn(after.variants, id)) changes.push({ type: "variant/delete", variantId: id });
  }
  for (const id of after.variantOrder) {
    const next = after.variants[id] as Variant;
    const previous = Object.hasOwn(before.variants, id) ? before.variants[id] : undefined;
    if (!previous) {
      changes.push({ type: "variant/put", variant: next });
      continue;
    }
    if (previous === next) continue;
    const variantPatch = patchOf(
      { name: previous.name, updatedAt: previous.updatedAt },
      { name: next.name, updatedAt: next.updatedAt },
      [],
    );
    if (variantPatch) changes.push({ type: "variant/patch", variantId: id, patch: variantPatch });
    for (const areaId of previous.areaOrder) {
      if (!Object.hasOwn(next.areas, areaId)) changes.push({ type: "area/delete", variantId: id, areaId });
    }
    for (const areaId of next.areaOrder) {
      const area = next.areas[areaId] as PilotArea;
      const old = Object.hasOwn(previous.areas, areaId) ? previous.areas[areaId] : undefined;
      if (!old) {
        changes.push({ type: "area/put", variantId: id, area });
        continue;
      }
      const patch = patchOf(old, area, ["id"]);
      if (patch) changes.push({ type: "area/patch", variantId: id, areaId, patch });
    }
    const kept = previous.areaOrder.filter((a) => Object.hasOwn(next.areas, a));
    const added = next.areaOrder.filter((a) => !Object.hasOwn(previous.areas, a));
    for (const move of movesFor([...kept, ...added], next.areaOrder)) {
      changes.push({ type: "area/move", variantId: id, areaId: move.id as AreaId, index: move.index });
    }
  }
  const keptVariants = before.variantOrder.filter((v) => Object.hasOwn(after.variants, v));
  const addedVariants = after.variantOrder.filter((v) => !Object.hasOwn(before.variants, v));
  for (const move of movesFor([...keptVariants, ...addedVariants], after.variantOrder)) {
    changes.push({ type: "variant/move", variantId: move.id as VariantId, index: move.index });
  }
  return { label, changes };
}
