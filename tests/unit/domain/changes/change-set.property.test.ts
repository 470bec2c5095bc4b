/**
 * Seeded property tests over random chains of edits.
 *
 * fast-check generates "commands" (pick the n-th area, move it to index i, ...) rather than changes,
 * and each command is turned into a change against the current plan, so every generated change is
 * valid for the state it is applied to. Change sets hold 1 to 3 changes, each built against the plan
 * as the earlier ones left it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChangeSet, type Change, type ChangeSet } from "../../../../src/domain/changes/change-set.ts";
import { ALLIANCE_FIELDS } from "../../../../src/domain/model/catalogue.ts";
import { AREA_COLOURS, AREA_STATUSES, type PilotArea, type Plan } from "../../../../src/domain/model/plan.ts";
import {
  consistencyProblems,
  deepFreeze,
  makeArea,
  makeVariant,
  samplePlan,
  square,
} from "./plan-fixtures.ts";

const SEED = 20_250_301;
const NUM_RUNS = 200;

// ---------------------------------------------------------------------------------------------------
// Commands: what to do, with list positions taken modulo the current list's length

type AreaPatch = Partial<Omit<PilotArea, "id">>;
type NamePatch = { name?: string; updatedAt?: string };

type Command =
  | {
      kind: "addArea";
      variant: number;
      index: number | undefined;
      x: number;
      y: number;
      borrowId: number | undefined;
    }
  | { kind: "replaceArea"; variant: number; area: number; index: number | undefined; name: string; x: number }
  | { kind: "deleteArea"; variant: number; area: number }
  | { kind: "patchArea"; variant: number; area: number; patch: AreaPatch }
  | { kind: "moveArea"; variant: number; area: number; to: number }
  | { kind: "addVariant"; index: number | undefined; name: string; copyFrom: number | undefined }
  | { kind: "replaceVariant"; variant: number; keep: number; index: number | undefined }
  | { kind: "deleteVariant"; variant: number }
  | { kind: "patchVariant"; variant: number; patch: NamePatch }
  | { kind: "moveVariant"; variant: number; to: number }
  | { kind: "patchPlan"; patch: NamePatch };

const position = fc.nat({ max: 50 });
/** Put indexes run past both ends on purpose, to exercise clamping. */
const putIndex = fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined });
const isoTime = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const squareArb = fc
  .tuple(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 20 }),
    fc.constantFrom(0.001, 0.002, 0.005),
  )
  .map(([x, y, size]) => square(x, y, size));
const namePatch: fc.Arbitrary<NamePatch> = fc.record(
  { name: fc.string({ maxLength: 10 }), updatedAt: isoTime },
  { requiredKeys: [] },
);
const areaPatch: fc.Arbitrary<AreaPatch> = fc.record(
  {
    name: fc.string({ maxLength: 10 }),
    fields: fc.subarray([...ALLIANCE_FIELDS], { minLength: 1 }),
    // Adds the key to the legacy area a3, which has none, so undo has to take it away again.
    partners: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    status: fc.constantFrom(...AREA_STATUSES),
    // Sometimes undefined, which removes the key; undo has to bring it back.
    notes: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    colour: fc.constantFrom(...AREA_COLOURS),
    updatedAt: isoTime,
    geometry: squareArb,
  },
  { requiredKeys: [] },
);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant("addArea"),
    variant: position,
    index: putIndex,
    x: fc.nat({ max: 20 }),
    y: fc.nat({ max: 20 }),
    borrowId: fc.option(position, { nil: undefined, freq: 3 }),
  }),
  fc.record({
    kind: fc.constant("replaceArea"),
    variant: position,
    area: position,
    index: putIndex,
    name: fc.string({ maxLength: 10 }),
    x: fc.nat({ max: 20 }),
  }),
  fc.record({ kind: fc.constant("deleteArea"), variant: position, area: position }),
  fc.record({ kind: fc.constant("patchArea"), variant: position, area: position, patch: areaPatch }),
  fc.record({ kind: fc.constant("moveArea"), variant: position, area: position, to: position }),
  fc.record({
    kind: fc.constant("addVariant"),
    index: putIndex,
    name: fc.string({ maxLength: 10 }),
    copyFrom: fc.option(position, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("replaceVariant"), variant: position, keep: position, index: putIndex }),
  fc.record({ kind: fc.constant("deleteVariant"), variant: position }),
  fc.record({ kind: fc.constant("patchVariant"), variant: position, patch: namePatch }),
  fc.record({ kind: fc.constant("moveVariant"), variant: position, to: position }),
  fc.record({ kind: fc.constant("patchPlan"), patch: namePatch }),
) as fc.Arbitrary<Command>;

/** A history: up to 20 change sets of 1 to 3 commands each. */
const history = fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { maxLength: 20 });

function nth<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Turns a command into a change valid for `plan`, or undefined when it cannot apply (no variant yet). */
function toChange(plan: Plan, command: Command, freshId: () => string): Change | undefined {
  if (command.kind === "addVariant") {
    const source = command.copyFrom === undefined ? undefined : nth(plan.variantOrder, command.copyFrom);
    const areas =
      source === undefined
        ? []
        : (plan.variants[source]?.areaOrder ?? []).map((id) => plan.variants[source]?.areas[id] as PilotArea);
    return {
      type: "variant/put",
      variant: makeVariant(freshId(), areas, command.name),
      index: command.index,
    };
  }
  if (command.kind === "patchPlan") return { type: "plan/patch", patch: command.patch };

  const variantId = nth(plan.variantOrder, command.variant);
  if (variantId === undefined) return undefined;
  const variant = plan.variants[variantId];
  if (variant === undefined) throw new Error(`fixture bug: no variant ${variantId}`);

  switch (command.kind) {
    case "addArea": {
      // Sometimes reuse an id from another variant: the same id in two variants is allowed.
      const elsewhere = plan.variantOrder
        .filter((id) => id !== variantId)
        .flatMap((id) => plan.variants[id]?.areaOrder ?? [])
        .filter((id) => !Object.hasOwn(variant.areas, id));
      const borrowed = command.borrowId === undefined ? undefined : nth(elsewhere, command.borrowId);
      const area = makeArea(borrowed ?? freshId(), { geometry: square(command.x, command.y) });
      return { type: "area/put", variantId, area, index: command.index };
    }
    case "replaceVariant": {
      const kept = variant.areaOrder.slice(0, command.keep % (variant.areaOrder.length + 1)).reverse();
      const replacement = makeVariant(
        variantId,
        kept.map((id) => variant.areas[id] as PilotArea),
        "Ersatz",
      );
      return { type: "variant/put", variant: replacement, index: command.index };
    }
    case "deleteVariant":
      return { type: "variant/delete", variantId };
    case "patchVariant":
      return { type: "variant/patch", variantId, patch: command.patch };
    case "moveVariant":
      return { type: "variant/move", variantId, index: command.to % plan.variantOrder.length };
    default:
      break;
  }

  const areaId = nth(variant.areaOrder, command.area);
  if (areaId === undefined) return undefined;
  switch (command.kind) {
    case "replaceArea": {
      const area = makeArea(areaId, { name: command.name, geometry: square(command.x, 0) });
      return { type: "area/put", variantId, area, index: command.index };
    }
    case "deleteArea":
      return { type: "area/delete", variantId, areaId };
    case "patchArea":
      return { type: "area/patch", variantId, areaId, patch: command.patch };
    case "moveArea":
      return { type: "area/move", variantId, areaId, index: command.to % variant.areaOrder.length };
  }
}

interface Step {
  before: Plan;
  changeSet: ChangeSet;
  after: Plan;
  inverse: ChangeSet;
}

/** One change applied on its own, recorded while change sets are built. */
interface SingleChange {
  before: Plan;
  change: Change;
  after: Plan;
}

/** Plays a history from the sample plan; every plan and change set is deep-frozen before use. */
function play(commandSets: Command[][]): { initial: Plan; steps: Step[]; singles: SingleChange[] } {
  let counter = 0;
  const freshId = () => `new-${++counter}`;
  const initial = samplePlan();
  const steps: Step[] = [];
  const singles: SingleChange[] = [];
  let plan = initial;
  for (const [number, commands] of commandSets.entries()) {
    const changes: Change[] = [];
    let scratch = plan;
    for (const next of commands) {
      const change = toChange(scratch, next, freshId);
      if (change === undefined) continue;
      changes.push(deepFreeze(change));
      const after = deepFreeze(applyChangeSet(scratch, { label: "scratch", changes: [change] }).plan);
      singles.push({ before: scratch, change, after });
      scratch = after;
    }
    const changeSet = deepFreeze({ label: `Schritt ${number + 1}`, changes });
    const result = applyChangeSet(plan, changeSet);
    steps.push({
      before: plan,
      changeSet,
      after: deepFreeze(result.plan),
      inverse: deepFreeze(result.inverse),
    });
    plan = result.plan;
  }
  return { initial, steps, singles };
}

/** The variants a change set names; all others must come through untouched. */
function namedVariants(changeSet: ChangeSet): Set<string> {
  return new Set(
    changeSet.changes.flatMap((change) => {
      if (change.type === "plan/patch") return [];
      if (change.type === "variant/put") return [change.variant.id];
      return [change.variantId];
    }),
  );
}

/**
 * What each change must do, written out independently of the engine (round trips alone cannot see a
 * change that does the wrong thing in a reversible way, such as ignoring a put's index).
 */
function expectChangeDone({ before, change, after }: SingleChange): void {
  const without = (order: readonly string[], id: string) => order.filter((other) => other !== id);
  const placed = (order: readonly string[], id: string, index: number) => {
    const rest = without(order, id);
    const at = Math.min(Math.max(index, 0), rest.length);
    return [...rest.slice(0, at), id, ...rest.slice(at)];
  };
  const expectPatched = (old: object, next: object, patch: object) => {
    const changedKeys = new Set(Object.keys(patch));
    const rest = (value: object) =>
      Object.fromEntries(Object.entries(value).filter(([key]) => !changedKeys.has(key)));
    expect(rest(next)).toStrictEqual(rest(old));
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) expect(Object.hasOwn(next, key)).toBe(false);
      else expect((next as Record<string, unknown>)[key]).toBe(value);
    }
  };

  if (change.type === "plan/patch") {
    expectPatched(before, after, change.patch);
    return;
  }
  if (change.type.startsWith("variant/")) {
    const id =
      change.type === "variant/put" ? change.variant.id : (change as { variantId: string }).variantId;
    const oldIndex = before.variantOrder.indexOf(id as never);
    if (change.type === "variant/put") {
      expect(after.variants[id]).toBe(change.variant);
      const index = change.index ?? (oldIndex === -1 ? before.variantOrder.length : oldIndex);
      expect(after.variantOrder).toEqual(placed(before.variantOrder, id, index));
    } else if (change.type === "variant/delete") {
      expect(Object.hasOwn(after.variants, id)).toBe(false);
      expect(after.variantOrder).toEqual(without(before.variantOrder, id));
    } else if (change.type === "variant/move") {
      expect(after.variantOrder).toEqual(placed(before.variantOrder, id, change.index));
      expect(after.variants[id]).toBe(before.variants[id]);
    } else if (change.type === "variant/patch") {
      expectPatched(before.variants[id] as object, after.variants[id] as object, change.patch);
    }
    return;
  }

  const { variantId } = change as { variantId: string };
  const old = before.variants[variantId];
  const next = after.variants[variantId];
  if (old === undefined || next === undefined) throw new Error(`variant ${variantId} vanished`);
  switch (change.type) {
    case "area/put": {
      const oldIndex = old.areaOrder.indexOf(change.area.id);
      const index = change.index ?? (oldIndex === -1 ? old.areaOrder.length : oldIndex);
      expect(next.areas[change.area.id]).toBe(change.area);
      expect(next.areaOrder).toEqual(placed(old.areaOrder, change.area.id, index));
      break;
    }
    case "area/delete":
      expect(Object.hasOwn(next.areas, change.areaId)).toBe(false);
      expect(next.areaOrder).toEqual(without(old.areaOrder, change.areaId));
      break;
    case "area/move":
      expect(next.areaOrder).toEqual(placed(old.areaOrder, change.areaId, change.index));
      expect(next.areas).toBe(old.areas);
      break;
    case "area/patch":
      expectPatched(old.areas[change.areaId] as object, next.areas[change.areaId] as object, change.patch);
      expect(next.areaOrder).toBe(old.areaOrder);
      break;
  }
}

// ---------------------------------------------------------------------------------------------------
// Properties

function expectUndoAllRestoresTheOriginal(commandSets: Command[][]): void {
  const { initial, steps } = play(commandSets);
  let plan = steps.at(-1)?.after ?? initial;
  for (const step of [...steps].reverse()) {
    plan = deepFreeze(applyChangeSet(plan, step.inverse).plan);
    expect(plan).toStrictEqual(step.before);
  }
  expect(plan).toStrictEqual(initial);
}
const undoAllRestoresTheOriginal = fc.property(history, expectUndoAllRestoresTheOriginal);

const undoThenRedoIsTheIdentity = fc.property(history, (commandSets) => {
  for (const step of play(commandSets).steps) {
    const undone = applyChangeSet(step.after, step.inverse);
    expect(undone.plan).toStrictEqual(step.before);
    const redone = applyChangeSet(deepFreeze(undone.plan), deepFreeze(undone.inverse));
    expect(redone.plan).toStrictEqual(step.after);
    expect(redone.inverse.label).toBe(step.changeSet.label);
  }
});

const ordersMatchRecords = fc.property(history, (commandSets) => {
  const { initial, steps } = play(commandSets);
  expect(consistencyProblems(initial)).toEqual([]);
  for (const step of steps) {
    expect(consistencyProblems(step.after)).toEqual([]);
  }
});

const untouchedVariantsKeepIdentity = fc.property(history, (commandSets) => {
  for (const step of play(commandSets).steps) {
    const named = namedVariants(step.changeSet);
    for (const id of step.after.variantOrder) {
      if (!named.has(id)) expect(step.after.variants[id]).toBe(step.before.variants[id]);
    }
  }
});

const everyChangeDoesWhatItSays = fc.property(history, (commandSets) => {
  for (const single of play(commandSets).singles) expectChangeDone(single);
});

/**
 * Found by seed 20250301 when undo of a patch left `partners: undefined` on the legacy area a3 instead
 * of removing the key: patch a3 (adds `partners`), then delete the whole variant in the same set. Undo
 * puts the variant back and then must take the key away again. `path` replays that exact case.
 */
const REGRESSION = { seed: 20_250_301, path: "22:1:2:2:6:7:7:7:7:7:7:7" };
const REGRESSION_CASE: Command[][] = [
  [
    { kind: "patchArea", variant: 0, area: 8, patch: { partners: [] } },
    { kind: "deleteVariant", variant: 0 },
  ],
];

describe("applyChangeSet over random histories", () => {
  it("gives back exactly the original plan when every change set is undone in reverse order", () => {
    fc.assert(undoAllRestoresTheOriginal, { seed: SEED, numRuns: NUM_RUNS });
  });

  it("returns to the same plan after undo followed by redo, at every step", () => {
    fc.assert(undoThenRedoIsTheIdentity, { seed: SEED + 1, numRuns: NUM_RUNS });
  });

  it("keeps every order list and its record holding the same ids after every step", () => {
    fc.assert(ordersMatchRecords, { seed: SEED + 2, numRuns: NUM_RUNS });
  });

  it("keeps the identity of variants that a change set does not name", () => {
    fc.assert(untouchedVariantsKeepIdentity, { seed: SEED + 3, numRuns: NUM_RUNS });
  });

  it("generates histories that really edit the plan, so the properties above are not vacuous", () => {
    const samples = fc.sample(history, { seed: SEED, numRuns: NUM_RUNS });
    const types = new Set<string>();
    let changed = 0;
    for (const commandSets of samples) {
      const { initial, steps } = play(commandSets);
      for (const step of steps) for (const change of step.changeSet.changes) types.add(change.type);
      if (JSON.stringify(steps.at(-1)?.after ?? initial) !== JSON.stringify(initial)) changed++;
    }
    expect([...types].sort()).toEqual([
      "area/delete",
      "area/move",
      "area/patch",
      "area/put",
      "plan/patch",
      "variant/delete",
      "variant/move",
      "variant/patch",
      "variant/put",
    ]);
    expect(changed).toBeGreaterThan(NUM_RUNS / 2);
  });

  it("makes every single change do what its type says, checked against a separate model", () => {
    fc.assert(everyChangeDoesWhatItSays, { seed: SEED + 4, numRuns: NUM_RUNS });
  });

  it("removes a key added to a legacy area even when its variant was deleted and restored (seed 20250301)", () => {
    // Two separate checks on purpose: fast-check counts `examples` into the run index that `path`
    // points at, so giving both in one call silently replays a different case.
    fc.assert(undoAllRestoresTheOriginal, REGRESSION);
    expectUndoAllRestoresTheOriginal(REGRESSION_CASE);
  });
});
