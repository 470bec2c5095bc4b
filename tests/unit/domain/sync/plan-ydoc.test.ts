/**
 * The plan ⇄ Y.Doc mapping of shared plans. Property tests: any sequence of change sets applied to a
 * plan locally and mirrored into a Y.Doc gives, on a second document synced by Yjs updates, the same
 * plan; two replicas editing at once converge to one consistent plan; and `diffPlans` turns any plan
 * into any other of the same id.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyChangeSet, type Change, type ChangeSet } from "../../../../src/domain/changes/change-set.ts";
import { ALLIANCE_FIELDS } from "../../../../src/domain/model/catalogue.ts";
import { AREA_STATUSES, type PilotArea, type Plan } from "../../../../src/domain/model/plan.ts";
import {
  applyChangeSetToDoc,
  diffPlans,
  readPlan,
  writePlan,
} from "../../../../src/domain/sync/plan-ydoc.ts";
import { consistencyProblems, makeArea, makeVariant, samplePlan, square } from "../changes/plan-fixtures.ts";

const SEED = 20_261_206;

/** A step described by numbers, turned into a change valid for the plan it meets. */
interface Step {
  op: number;
  variant: number;
  area: number;
  index: number;
  name: string;
  x: number;
  status: number;
  field: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  op: fc.nat({ max: 9 }),
  variant: fc.nat({ max: 20 }),
  area: fc.nat({ max: 20 }),
  index: fc.integer({ min: -1, max: 8 }),
  name: fc.string({ maxLength: 8 }),
  x: fc.nat({ max: 15 }),
  status: fc.nat({ max: AREA_STATUSES.length - 1 }),
  field: fc.nat({ max: ALLIANCE_FIELDS.length - 1 }),
});

let counter = 0;
/** The change a step makes on `plan`, or null when the plan has nothing it could act on. */
function changeFor(plan: Plan, step: Step): Change | null {
  const variantId = plan.variantOrder[step.variant % Math.max(1, plan.variantOrder.length)];
  const variant = variantId ? plan.variants[variantId] : undefined;
  const areaId = variant ? variant.areaOrder[step.area % Math.max(1, variant.areaOrder.length)] : undefined;
  switch (step.op) {
    case 0:
    case 1: {
      if (!variant) return null;
      counter += 1;
      const area = makeArea(`n${counter}-${step.x}`, {
        name: step.name,
        geometry: square(step.x, step.area % 9),
      });
      return {
        type: "area/put",
        variantId: variant.id,
        area,
        ...(step.index >= 0 ? { index: step.index } : {}),
      };
    }
    case 2:
      return variant && areaId ? { type: "area/delete", variantId: variant.id, areaId } : null;
    case 3:
      return variant && areaId
        ? {
            type: "area/patch",
            variantId: variant.id,
            areaId,
            patch: { name: step.name, status: AREA_STATUSES[step.status] as PilotArea["status"] },
          }
        : null;
    case 4:
      return variant && areaId
        ? {
            type: "area/patch",
            variantId: variant.id,
            areaId,
            patch: {
              geometry: square(step.x, 3),
              fields: [ALLIANCE_FIELDS[step.field] as PilotArea["fields"][number]],
            },
          }
        : null;
    case 5:
      return variant && areaId && variant.areaOrder.length > 0
        ? {
            type: "area/move",
            variantId: variant.id,
            areaId,
            index: Math.max(0, step.index) % variant.areaOrder.length,
          }
        : null;
    case 6: {
      counter += 1;
      return {
        type: "variant/put",
        variant: makeVariant(`w${counter}`, [makeArea(`m${counter}`)], step.name),
      };
    }
    case 7:
      return variant && plan.variantOrder.length > 1
        ? { type: "variant/delete", variantId: variant.id }
        : null;
    case 8:
      return variant ? { type: "variant/patch", variantId: variant.id, patch: { name: step.name } } : null;
    default:
      return { type: "plan/patch", patch: { name: step.name } };
  }
}

/** Builds change sets of up to three steps each, applying them to `plan` as it goes. */
function run(plan: Plan, steps: Step[][], apply: (set: ChangeSet) => void): Plan {
  let current = plan;
  for (const group of steps) {
    const changes: Change[] = [];
    let working = current;
    for (const step of group) {
      const change = changeFor(working, step);
      if (!change) continue;
      working = applyChangeSet(working, { label: "step", changes: [change] }).plan;
      changes.push(change);
    }
    if (changes.length === 0) continue;
    const set = { label: "edit", changes };
    current = applyChangeSet(current, set).plan;
    apply(set);
  }
  return current;
}

/** Two documents wired to exchange every update, as a server would. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(b, update, "remote");
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(a, update, "remote");
  });
  return { a, b };
}

const groups = fc.array(fc.array(stepArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });

describe("a plan as a Y.Doc", () => {
  it("reads back exactly what was written", () => {
    const doc = new Y.Doc();
    expect(readPlan(doc)).toBeNull();
    writePlan(doc, samplePlan());
    expect(readPlan(doc)).toEqual(samplePlan());
  });

  it("keeps a second replica equal to the local plan through any sequence of change sets", () => {
    fc.assert(
      fc.property(groups, (steps) => {
        const { a, b } = pair();
        const start = samplePlan();
        writePlan(a, start);
        const local = run(start, steps, (set) => applyChangeSetToDoc(a, set));
        expect(readPlan(a)).toEqual(local);
        expect(readPlan(b)).toEqual(local);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("converges when two replicas edit at once, to one consistent plan", () => {
    fc.assert(
      fc.property(groups, groups, (stepsA, stepsB) => {
        const start = samplePlan();
        const a = new Y.Doc();
        writePlan(a, start);
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        // Offline from each other: each edits its own copy, then they exchange what they did.
        run(start, stepsA, (set) => applyChangeSetToDoc(a, set));
        run(start, stepsB, (set) => applyChangeSetToDoc(b, set));
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        const merged = readPlan(a);
        expect(readPlan(b)).toEqual(merged);
        expect(consistencyProblems(merged as Plan)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("turns a remote update into a change set that brings the local plan to the shared one", () => {
    fc.assert(
      fc.property(groups, (steps) => {
        const start = samplePlan();
        const after = run(start, steps, () => undefined);
        const diff = diffPlans(start, after, "remote");
        expect(applyChangeSet(start, diff).plan).toEqual(after);
        // Nothing changed: nothing to apply.
        expect(diffPlans(after, after, "remote").changes).toEqual([]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("keeps both planners' edits of different fields of one area", () => {
    const start = samplePlan();
    const a = new Y.Doc();
    writePlan(a, start);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const area = start.variantOrder[0] ? start.variants[start.variantOrder[0]]?.areaOrder[0] : undefined;
    const variantId = start.variantOrder[0];
    if (!area || !variantId) throw new Error("fixture");
    applyChangeSetToDoc(a, {
      label: "name",
      changes: [{ type: "area/patch", variantId, areaId: area, patch: { name: "Hafen" } }],
    });
    applyChangeSetToDoc(b, {
      label: "status",
      changes: [{ type: "area/patch", variantId, areaId: area, patch: { status: "kandidat" } }],
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    const merged = readPlan(a)?.variants[variantId]?.areas[area];
    expect(merged?.name).toBe("Hafen");
    expect(merged?.status).toBe("kandidat");
    expect(readPlan(b)).toEqual(readPlan(a));
  });
});
