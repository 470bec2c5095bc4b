/**
 * Builders for small, deep-frozen plans, and the checks every change-set test shares.
 *
 * Fixtures are frozen recursively, so an engine that writes into its input throws a TypeError in the
 * test instead of quietly corrupting the undo history.
 */
import type { Polygon } from "geojson";
import { expect } from "vitest";
import { applyChangeSet, type ChangeSet } from "../../../../src/domain/changes/change-set.ts";
import { asAreaId, asPlanId, asVariantId } from "../../../../src/domain/model/ids.ts";
import type { PilotArea, Plan, Variant } from "../../../../src/domain/model/plan.ts";
import { square as squareAt } from "../../../fixtures/geometry/builders.ts";

export const T0 = "2025-03-01T09:00:00.000Z";
export const T1 = "2025-03-02T10:30:00.000Z";

/** Freezes `value` and everything reachable from it; children first, so a frozen object has a frozen subtree. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return Object.freeze(value);
}

/** A closed, counter-clockwise square in Dortmund, `size` degrees wide, its corner offset by (x, y) steps. */
export function square(x: number, y: number, size = 0.002): Polygon {
  return squareAt(7.4 + x * 0.01, 51.5 + y * 0.01, size);
}

export function makeArea(id: string, overrides: Partial<Omit<PilotArea, "id">> = {}): PilotArea {
  return {
    id: asAreaId(id),
    name: `Fläche ${id}`,
    fields: ["energie"],
    partners: ["DEW21"],
    status: "idee",
    notes: "",
    colour: "#0072b2",
    createdAt: T0,
    updatedAt: T0,
    geometry: square(id.length, id.charCodeAt(0) % 7),
    origin: { kind: "drawn", tool: "rectangle" },
    ...overrides,
  };
}

export function makeVariant(id: string, areas: PilotArea[], name = `Variante ${id}`): Variant {
  return {
    id: asVariantId(id),
    name,
    areaOrder: areas.map((area) => area.id),
    areas: Object.fromEntries(areas.map((area) => [area.id, area])),
    createdAt: T0,
    updatedAt: T0,
  };
}

export function makePlan(variants: Variant[]): Plan {
  return {
    id: asPlanId("plan-1"),
    schemaVersion: 1,
    name: "Pilotgebiete 2025",
    variantOrder: variants.map((variant) => variant.id),
    variants: Object.fromEntries(variants.map((variant) => [variant.id, variant])),
    createdAt: T0,
    updatedAt: T0,
  };
}

/**
 * The standard fixture, frozen: variant "v1" with areas a1, a2, a3 and variant "v2" with area b1.
 * Area a3 comes from an older document without `partners`, so undo must not add that key back.
 */
export function samplePlan(): Plan {
  const legacy = makeArea("a3", { status: "kandidat" }) as Partial<PilotArea>;
  delete legacy.partners;
  return deepFreeze(
    makePlan([
      makeVariant("v1", [
        makeArea("a1"),
        makeArea("a2", { fields: ["mobilitaet", "mensch"] }),
        legacy as PilotArea,
      ]),
      makeVariant("v2", [makeArea("b1", { colour: "#e69f00" })]),
    ]),
  );
}

/** Every way a plan's ordered collections can disagree with their records; empty when consistent. */
export function consistencyProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const checkCollection = (
    where: string,
    order: readonly string[],
    records: Record<string, { id: string }>,
  ) => {
    if (new Set(order).size !== order.length) problems.push(`${where}: duplicate ids in order`);
    const keys = Object.keys(records);
    if (keys.length !== order.length) problems.push(`${where}: ${keys.length} records, ${order.length} ids`);
    for (const id of order) if (!Object.hasOwn(records, id)) problems.push(`${where}: ${id} has no record`);
    for (const key of keys) {
      if (!order.includes(key)) problems.push(`${where}: record ${key} is not in the order`);
      if (records[key]?.id !== key) problems.push(`${where}: record ${key} has id ${records[key]?.id}`);
    }
  };
  checkCollection("plan", plan.variantOrder, plan.variants);
  for (const id of plan.variantOrder) {
    const variant = plan.variants[id];
    if (variant) checkCollection(`variant ${id}`, variant.areaOrder, variant.areas);
  }
  return problems;
}

/**
 * Applies `changeSet` to a frozen `plan`, checks the result is consistent, that the inverse restores
 * the plan exactly and that the inverse of the inverse does the change again; returns the result.
 */
export function applyAndCheckUndo(plan: Plan, changeSet: ChangeSet) {
  const frozenPlan = deepFreeze(plan);
  const snapshot = structuredClone(frozenPlan);
  const result = applyChangeSet(frozenPlan, deepFreeze(changeSet));
  expect(consistencyProblems(result.plan)).toEqual([]);
  expect(frozenPlan).toStrictEqual(snapshot);

  const undone = applyChangeSet(deepFreeze(result.plan), deepFreeze(result.inverse));
  expect(undone.plan).toStrictEqual(frozenPlan);
  const redone = applyChangeSet(deepFreeze(undone.plan), deepFreeze(undone.inverse));
  expect(redone.plan).toStrictEqual(result.plan);
  return result;
}
