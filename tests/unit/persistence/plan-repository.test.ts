/**
 * PlanRepository on a fake IndexedDB, where it goes beyond the plan store contract that both stores
 * pass (plan-store-contract.ts, run by plan-store.test.ts): which rows full and diff saves write,
 * loading rows that disagree, purging rows and snapshots, snapshot pruning, storage errors. Every test
 * uses its own empty database.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Change } from "../../../src/domain/changes/index.ts";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import type { Plan } from "../../../src/domain/model/plan.ts";
import type { AreaRow } from "../../../src/persistence/db.ts";
import {
  AUTO_SNAPSHOTS_KEPT,
  type PlanRepository,
  StorageError,
  TRASH_DAYS,
} from "../../../src/persistence/plan-repository.ts";
import {
  buildArea,
  buildPlan,
  deleteFreshDatabases,
  edit,
  freshRepository,
  outline,
  putIds,
  recordWrites,
  standardPlan,
  T0,
  T1,
  T2,
} from "./helpers.ts";

afterEach(async () => {
  vi.restoreAllMocks();
  await deleteFreshDatabases();
});

const DAY = 86_400_000;
const v1 = asVariantId("v1");
const v2 = asVariantId("v2");

/** Area rows stored for a plan, as "variantId/areaId", sorted. */
async function storedAreaKeys(repository: PlanRepository, planId: string): Promise<string[]> {
  const rows = await repository.db.areas.where("planId").equals(planId).toArray();
  return rows.map((row) => `${row.variantId}/${row.id}`).sort();
}

async function storedVariantIds(repository: PlanRepository, planId: string): Promise<string[]> {
  const rows = await repository.db.variants.where("planId").equals(planId).toArray();
  return rows.map((row) => row.id).sort();
}

describe("full saves", () => {
  it("the stored rows are one plan row, one row per variant and one row per area", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan());

    expect(await repository.db.plans.count()).toBe(1);
    expect(await storedVariantIds(repository, "plan-1")).toEqual(["v1", "v2"]);
    expect(await storedAreaKeys(repository, "plan-1")).toEqual(["v1/a1", "v1/a2", "v1/a3", "v2/b1"]);
  });

  it("a full save replaces every row stored for the plan, leaving no rows of deleted variants or areas", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    const smaller = edit(
      plan,
      { type: "variant/delete", variantId: v2 },
      { type: "area/delete", variantId: v1, areaId: asAreaId("a2") },
    );

    await repository.savePlanFull(smaller);

    expect(await repository.loadPlan(plan.id)).toStrictEqual(smaller);
    expect(await storedVariantIds(repository, plan.id)).toEqual(["v1"]);
    expect(await storedAreaKeys(repository, plan.id)).toEqual(["v1/a1", "v1/a3"]);
  });

  it("saving one plan in full leaves the rows of other plans alone", async () => {
    const { repository } = freshRepository();
    const other = standardPlan("plan-2");
    await repository.savePlanFull(other);
    await repository.savePlanFull(standardPlan("plan-1"));
    await repository.savePlanFull(edit(standardPlan("plan-1"), { type: "variant/delete", variantId: v2 }));

    expect(await repository.loadPlan("plan-2")).toStrictEqual(other);
  });

  it("listPlans lists the plans that are not in the trash, most recently updated first", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(buildPlan({ id: "old", variants: [{ id: "v", areas: [] }], now: T0 }));
    await repository.savePlanFull(buildPlan({ id: "new", variants: [{ id: "v", areas: [] }], now: T2 }));
    await repository.savePlanFull(buildPlan({ id: "mid", variants: [{ id: "v", areas: [] }], now: T1 }));
    await repository.savePlanFull(buildPlan({ id: "gone", variants: [{ id: "v", areas: [] }], now: T2 }));
    await repository.trashPlan("gone", T2);

    expect((await repository.listPlans()).map((row) => row.id)).toEqual(["new", "mid", "old"]);
    expect((await repository.listTrash()).map((row) => row.id)).toEqual(["gone"]);
  });
});

describe("diff saves", () => {
  it("adding, patching and deleting areas: the stored plan equals the edited one and only changed rows are written", async () => {
    const { db, repository } = freshRepository();
    const log = recordWrites(db);
    const previous = standardPlan();
    await repository.savePlanFull(previous);
    log.length = 0;
    const next = edit(
      previous,
      { type: "area/put", variantId: v1, area: buildArea({ id: "a4", x: 5, y: 5 }, T1) },
      {
        type: "area/patch",
        variantId: v1,
        areaId: asAreaId("a2"),
        patch: { name: "Hafen Nord", updatedAt: T1 },
      },
      { type: "area/delete", variantId: v1, areaId: asAreaId("a3") },
      { type: "plan/patch", patch: { updatedAt: T1 } },
    );

    const counts = await repository.savePlanDiff(previous, next);

    expect(await repository.loadPlan(next.id)).toStrictEqual(next);
    // The plan row, variant v1 (its area order changed) and the two areas that changed.
    expect(counts).toEqual({ written: 4, deleted: 1 });
    expect(putIds(log, "plans")).toEqual(["plan-1"]);
    expect(putIds(log, "variants")).toEqual(["v1"]);
    expect(putIds(log, "areas")).toEqual(["a2", "a4"]);
    const areaDeletes = log.filter((w) => w.table === "areas" && w.type !== "put");
    expect(areaDeletes.flatMap((w) => w.keys)).toEqual([["plan-1", "v1", "a3"]]);
    // Untouched rows (a1 in v1, all of v2) were neither rewritten nor deleted.
    expect(log.filter((w) => w.table === "variants" && w.type !== "put")).toEqual([]);
    expect(await storedAreaKeys(repository, next.id)).toEqual(["v1/a1", "v1/a2", "v1/a4", "v2/b1"]);
  });

  it("an untouched area row keeps the very row object stored before the diff save", async () => {
    const { repository } = freshRepository();
    const previous = standardPlan();
    await repository.savePlanFull(previous);
    // Mark the stored row of a1; a rewrite of that row would lose the mark.
    const before = (await repository.db.areas.get(["plan-1", "v1", "a1"])) as AreaRow;
    await repository.db.areas.put({ ...before, marker: "untouched" } as AreaRow);
    const bulkPut = vi.spyOn(repository.db.areas, "bulkPut");
    const next = edit(previous, {
      type: "area/patch",
      variantId: v1,
      areaId: asAreaId("a2"),
      patch: { colour: "#009e73" },
    });

    await repository.savePlanDiff(previous, next);

    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(((bulkPut.mock.calls[0]?.[0] ?? []) as AreaRow[]).map((row) => row.id)).toEqual(["a2"]);
    expect(await repository.db.areas.get(["plan-1", "v1", "a1"])).toHaveProperty("marker", "untouched");
    expect((await repository.loadPlan("plan-1"))?.variants.v1?.areas.a2?.colour).toBe("#009e73");
  });

  it("adding a variant and deleting another writes the new variant's rows and removes the old variant's rows", async () => {
    const { db, repository } = freshRepository();
    const log = recordWrites(db);
    const previous = standardPlan();
    await repository.savePlanFull(previous);
    log.length = 0;
    const next = edit(
      previous,
      {
        type: "variant/put",
        variant: buildPlan({
          id: "x",
          variants: [
            {
              id: "v3",
              areas: [
                { id: "c1", x: 7 },
                { id: "c2", x: 8 },
              ],
            },
          ],
        }).variants.v3 as Plan["variants"][string],
      },
      { type: "variant/delete", variantId: v2 },
    );

    const counts = await repository.savePlanDiff(previous, next);

    expect(await repository.loadPlan(next.id)).toStrictEqual(next);
    expect(counts).toEqual({ written: 4, deleted: 1 });
    expect(putIds(log, "variants")).toEqual(["v3"]);
    expect(putIds(log, "areas")).toEqual(["c1", "c2"]);
    expect(await storedVariantIds(repository, next.id)).toEqual(["v1", "v3"]);
    expect(await storedAreaKeys(repository, next.id)).toEqual(["v1/a1", "v1/a2", "v1/a3", "v3/c1", "v3/c2"]);
  });

  it("reordering areas and variants writes the order rows and no area row", async () => {
    const { db, repository } = freshRepository();
    const log = recordWrites(db);
    const previous = standardPlan();
    await repository.savePlanFull(previous);
    log.length = 0;
    const next = edit(
      previous,
      { type: "area/move", variantId: v1, areaId: asAreaId("a3"), index: 0 },
      { type: "variant/move", variantId: v2, index: 0 },
    );

    const counts = await repository.savePlanDiff(previous, next);

    const loaded = await repository.loadPlan(next.id);
    expect(loaded).toStrictEqual(next);
    expect(loaded && outline(loaded)).toEqual({ v2: ["b1"], v1: ["a3", "a1", "a2"] });
    expect(loaded?.variantOrder).toEqual(["v2", "v1"]);
    expect(counts).toEqual({ written: 2, deleted: 0 });
    expect(putIds(log, "areas")).toEqual([]);
    expect(putIds(log, "variants")).toEqual(["v1"]);
  });

  it("a diff save of a plan that did not change writes nothing", async () => {
    const { db, repository } = freshRepository();
    const log = recordWrites(db);
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    log.length = 0;

    expect(await repository.savePlanDiff(plan, plan)).toEqual({ written: 0, deleted: 0 });
    expect(log).toEqual([]);
  });

  it("an area edit is written without touching the plan or variant row, in one transaction committed at once", async () => {
    const { db, repository } = freshRepository();
    const log = recordWrites(db);
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    await repository.trashPlan(plan.id, T1);
    log.length = 0;
    const commit = vi.spyOn(IDBTransaction.prototype, "commit");
    const next = edit(plan, {
      type: "area/patch",
      variantId: asVariantId("v1"),
      areaId: asAreaId("a1"),
      patch: { notes: "neu" },
    });

    // The variant's row (name, area order, times) did not change either: only the area row is written.
    expect(await repository.savePlanDiff(plan, next)).toEqual({ written: 1, deleted: 0 });
    expect(log.map((w) => w.table)).toEqual(["areas"]);
    expect(commit).toHaveBeenCalledTimes(1);
    // The plan row was not rewritten, so a trash state set by another tab stays.
    expect((await repository.listTrash()).map((row) => row.deletedAt)).toEqual([T1]);
    expect(await repository.loadPlan(plan.id)).toStrictEqual(next);
    commit.mockRestore();
  });

  it("a diff save between two different plans falls back to a full save of the new one", async () => {
    const { repository } = freshRepository();
    const first = standardPlan("plan-1");
    const second = standardPlan("plan-2");
    await repository.savePlanFull(first);

    expect(await repository.savePlanDiff(first, second)).toEqual({ written: -1, deleted: -1 });
    expect(await repository.loadPlan("plan-2")).toStrictEqual(second);
    expect(await repository.loadPlan("plan-1")).toStrictEqual(first);
  });

  it("a diff save keeps a plan that is in the trash in the trash, like a full save does", async () => {
    const { repository } = freshRepository();
    const previous = standardPlan();
    await repository.savePlanFull(previous);
    await repository.trashPlan(previous.id, T1);
    const next = edit(previous, { type: "plan/patch", patch: { name: "Umbenannt" } });

    await repository.savePlanDiff(previous, next);

    expect((await repository.listTrash()).map((row) => [row.id, row.deletedAt, row.name])).toEqual([
      ["plan-1", T1, "Umbenannt"],
    ]);
    expect(await repository.listPlans()).toEqual([]);

    await repository.savePlanFull(previous);
    expect((await repository.listTrash()).map((row) => row.deletedAt)).toEqual([T1]);
  });

  // Random chains of edits, each saved as a diff against the previous saved version.
  type Command =
    | { kind: "addArea"; variant: number; x: number; y: number }
    | { kind: "patchArea"; variant: number; area: number; notes: string }
    | { kind: "deleteArea"; variant: number; area: number }
    | { kind: "moveArea"; variant: number; area: number; to: number }
    | { kind: "addVariant"; areas: number }
    | { kind: "deleteVariant"; variant: number }
    | { kind: "moveVariant"; variant: number; to: number }
    | { kind: "renamePlan"; name: string };

  const position = fc.nat({ max: 20 });
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant("addArea" as const), variant: position, x: fc.nat(20), y: fc.nat(20) }),
    fc.record({
      kind: fc.constant("patchArea" as const),
      variant: position,
      area: position,
      notes: fc.string(),
    }),
    fc.record({ kind: fc.constant("deleteArea" as const), variant: position, area: position }),
    fc.record({ kind: fc.constant("moveArea" as const), variant: position, area: position, to: position }),
    fc.record({ kind: fc.constant("addVariant" as const), areas: fc.nat(3) }),
    fc.record({ kind: fc.constant("deleteVariant" as const), variant: position }),
    fc.record({ kind: fc.constant("moveVariant" as const), variant: position, to: position }),
    fc.record({ kind: fc.constant("renamePlan" as const), name: fc.string({ maxLength: 12 }) }),
  );

  const nth = <T>(list: readonly T[], n: number): T | undefined =>
    list.length === 0 ? undefined : list[n % list.length];

  function toChange(plan: Plan, cmd: Command, freshId: () => string): Change | undefined {
    if (cmd.kind === "renamePlan") return { type: "plan/patch", patch: { name: cmd.name } };
    if (cmd.kind === "addVariant") {
      const id = freshId();
      const areas = Array.from({ length: cmd.areas }, (_, i) => ({ id: `${id}-a${i}`, x: i }));
      const variant = buildPlan({ id: "tmp", variants: [{ id, areas }] }).variants[id];
      return variant && { type: "variant/put", variant };
    }
    const variantId = nth(plan.variantOrder, cmd.variant);
    if (variantId === undefined) return undefined;
    const variant = plan.variants[variantId];
    if (cmd.kind === "deleteVariant") {
      return plan.variantOrder.length > 1 ? { type: "variant/delete", variantId } : undefined;
    }
    if (cmd.kind === "moveVariant")
      return { type: "variant/move", variantId, index: cmd.to % plan.variantOrder.length };
    if (cmd.kind === "addArea") {
      return { type: "area/put", variantId, area: buildArea({ id: freshId(), x: cmd.x, y: cmd.y }, T1) };
    }
    const areaId = nth(variant?.areaOrder ?? [], cmd.area);
    if (areaId === undefined || !variant) return undefined;
    if (cmd.kind === "deleteArea") return { type: "area/delete", variantId, areaId };
    if (cmd.kind === "moveArea") {
      return { type: "area/move", variantId, areaId, index: cmd.to % variant.areaOrder.length };
    }
    // A counter in the notes makes every patch a real change of value.
    return { type: "area/patch", variantId, areaId, patch: { notes: `${freshId()} ${cmd.notes}` } };
  }

  /** "variantId/areaId" of every area that is new in `next` or differs in value from `previous`. */
  function changedAreaKeys(previous: Plan, next: Plan): string[] {
    const keys: string[] = [];
    for (const variantId of next.variantOrder) {
      const after = next.variants[variantId];
      const before = previous.variants[variantId];
      for (const areaId of after?.areaOrder ?? []) {
        const old = before && Object.hasOwn(before.areas, areaId) ? before.areas[areaId] : undefined;
        if (!isDeepStrictEqual(old, after?.areas[areaId])) keys.push(`${variantId}/${areaId}`);
      }
    }
    return keys.sort();
  }

  it("after any chain of edits, each saved as a diff, the stored plan equals the edited plan and only changed areas were written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (batches) => {
          const { db, repository } = freshRepository();
          const log = recordWrites(db);
          let counter = 0;
          const freshId = () => `n${++counter}`;
          let saved = standardPlan();
          await repository.savePlanFull(saved);
          for (const batch of batches) {
            let next = saved;
            for (const cmd of batch) {
              const change = toChange(next, cmd, freshId);
              if (change) next = edit(next, change);
            }
            log.length = 0;
            const counts = await repository.savePlanDiff(saved, next);
            const writtenAreas = log
              .filter((w) => w.table === "areas" && w.type === "put")
              .flatMap((w) => w.values.map((v) => `${(v as AreaRow).variantId}/${(v as AreaRow).id}`))
              .sort();
            expect(writtenAreas).toEqual(changedAreaKeys(saved, next));
            expect(counts.written).toBe(
              putIds(log, "plans").length + putIds(log, "variants").length + writtenAreas.length,
            );
            expect(await repository.loadPlan(next.id)).toStrictEqual(next);
            saved = next;
          }
          // No orphan rows are left behind.
          const expectedAreas = saved.variantOrder.flatMap((variantId) =>
            (saved.variants[variantId]?.areaOrder ?? []).map((areaId) => `${variantId}/${areaId}`),
          );
          expect(await storedAreaKeys(repository, saved.id)).toEqual(expectedAreas.sort());
          expect(await storedVariantIds(repository, saved.id)).toEqual([...saved.variantOrder].sort());
          await deleteFreshDatabases();
        },
      ),
      { seed: 4_711, numRuns: 40 },
    );
  });
});

describe("loading rows that do not agree with each other", () => {
  it("an area row that is missing from its variant's order list is kept, at the end of the list", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    const row = await repository.db.variants.get(["plan-1", "v1"]);
    await repository.db.variants.put({ ...(row as NonNullable<typeof row>), areaOrder: ["a3", "a1"] });

    const loaded = await repository.loadPlan("plan-1");

    expect(loaded && outline(loaded)).toEqual({ v1: ["a3", "a1", "a2"], v2: ["b1"] });
    expect(loaded?.variants.v1?.areas.a2).toStrictEqual(plan.variants.v1?.areas.a2);
  });

  it("an order entry without an area row is dropped, so the loaded plan is consistent", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan());
    await repository.db.areas.delete(["plan-1", "v1", "a2"]);

    const loaded = await repository.loadPlan("plan-1");

    expect(loaded && outline(loaded)).toEqual({ v1: ["a1", "a3"], v2: ["b1"] });
    expect(Object.keys(loaded?.variants.v1?.areas ?? {}).sort()).toEqual(["a1", "a3"]);
  });

  it("a variant row that is missing from the plan's order list is kept, at the end of the list", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    await repository.db.plans.update("plan-1", { variantOrder: ["v2"] });

    const loaded = await repository.loadPlan("plan-1");

    expect(loaded?.variantOrder).toEqual(["v2", "v1"]);
    expect(loaded?.variants.v1).toStrictEqual(plan.variants.v1);
  });
});

describe("trash", () => {
  it(`purgeTrash removes plans that were trashed more than ${TRASH_DAYS} days ago, with their rows and snapshots, and keeps the rest`, async () => {
    const { repository } = freshRepository();
    const now = new Date("2025-06-01T12:00:00.000Z");
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    for (const id of ["old", "exactly-30-days", "recent", "kept"])
      await repository.savePlanFull(standardPlan(id));
    await repository.addSnapshot(standardPlan("old"), "named", "Stand", T1);
    await repository.addSnapshot(standardPlan("recent"), "named", "Stand", T1);
    await repository.trashPlan("old", ago(TRASH_DAYS * DAY + 1));
    await repository.trashPlan("exactly-30-days", ago(TRASH_DAYS * DAY));
    await repository.trashPlan("recent", ago(DAY));

    const purged = await repository.purgeTrash(now);

    expect(purged).toEqual(["old"]);
    expect(await repository.loadPlan("old")).toBeNull();
    expect(await storedAreaKeys(repository, "old")).toEqual([]);
    expect(await repository.listSnapshots("old")).toEqual([]);
    expect((await repository.listTrash()).map((row) => row.id).sort()).toEqual(["exactly-30-days", "recent"]);
    expect((await repository.listPlans()).map((row) => row.id)).toEqual(["kept"]);
    expect(await repository.listSnapshots("recent")).toHaveLength(1);

    // A day later the 30 days are over for the second one too.
    expect(await repository.purgeTrash(new Date(now.getTime() + DAY))).toEqual(["exactly-30-days"]);
  });

  it("purgeTrash keeps a plan trashed long ago while it has a snapshot from within the 30 days (a safety snapshot before an import, say)", async () => {
    const { repository } = freshRepository();
    const now = new Date("2025-06-01T12:00:00.000Z");
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    await repository.savePlanFull(standardPlan("used"));
    await repository.trashPlan("used", ago(90 * DAY));
    const safety = await repository.addSnapshot(standardPlan("used"), "before-risky", "import", ago(DAY));

    expect(await repository.purgeTrash(now)).toEqual([]);
    expect(await repository.listSnapshots("used")).toStrictEqual([safety]);
    // Once that snapshot is older than 30 days too, the plan goes.
    expect(await repository.purgeTrash(new Date(now.getTime() + TRASH_DAYS * DAY))).toEqual(["used"]);
  });

  it("purgeTrash never removes a plan whose trash time cannot be read", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan("odd"));
    await repository.db.plans.update("odd", { deletedAt: "irgendwann" });

    expect(await repository.purgeTrash(new Date("2099-01-01T00:00:00.000Z"))).toEqual([]);
    expect(await repository.loadPlan("odd")).toStrictEqual(standardPlan("odd"));
  });

  it("purgeTrash never removes a plan that is not in the trash, however old", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan());

    expect(await repository.purgeTrash(new Date("2099-01-01T00:00:00.000Z"))).toEqual([]);
    expect(await repository.loadPlan("plan-1")).toStrictEqual(standardPlan());
  });

  it("deletePlanForever removes the plan row, its variant and area rows and its snapshots, and nothing of other plans", async () => {
    const { repository } = freshRepository();
    const doomed = standardPlan("doomed");
    const other = standardPlan("other");
    await repository.savePlanFull(doomed);
    await repository.savePlanFull(other);
    await repository.addSnapshot(doomed, "named", "Stand", T1);
    await repository.addSnapshot(doomed, "auto", "", T2);
    const otherSnapshot = await repository.addSnapshot(other, "named", "Stand", T1);

    await repository.deletePlanForever("doomed");

    expect(await repository.db.plans.get("doomed")).toBeUndefined();
    expect(await storedVariantIds(repository, "doomed")).toEqual([]);
    expect(await storedAreaKeys(repository, "doomed")).toEqual([]);
    expect(await repository.db.snapshots.where("planId").equals("doomed").count()).toBe(0);
    expect(await repository.loadPlan("other")).toStrictEqual(other);
    expect(await repository.listSnapshots("other")).toEqual([otherSnapshot]);
  });
});

describe("snapshots", () => {
  it(`automatic snapshots are pruned to the newest ${AUTO_SNAPSHOTS_KEPT}, named and before-risky ones are all kept, and other plans are not touched`, async () => {
    const { repository } = freshRepository();
    const plan = standardPlan();
    const otherPlan = standardPlan("other");
    const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute)).toISOString();
    const otherAuto = await repository.addSnapshot(otherPlan, "auto", "", at(0));
    const named = await repository.addSnapshot(plan, "named", "Erster Stand", at(0));
    const risky = await repository.addSnapshot(plan, "before-risky", "delete variant", at(1));
    const autos = [];
    for (let i = 0; i < AUTO_SNAPSHOTS_KEPT + 5; i++)
      autos.push(await repository.addSnapshot(plan, "auto", "", at(2 + i)));

    const listed = await repository.listSnapshots(plan.id);

    const keptAutos = listed.filter((s) => s.kind === "auto").map((s) => s.id);
    expect(keptAutos).toEqual(
      autos
        .slice(5)
        .reverse()
        .map((s) => s.id),
    );
    expect(listed.filter((s) => s.kind !== "auto").map((s) => s.id)).toEqual([risky.id, named.id]);
    expect(await repository.listSnapshots(otherPlan.id)).toEqual([otherAuto]);
  });
});

describe("errors", () => {
  it("a quota failure inside a repository call rejects with a StorageError of code 'quota' that keeps the cause", async () => {
    const { repository } = freshRepository();
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    vi.spyOn(repository.db.plans, "toArray").mockRejectedValueOnce(quota);

    const failure = await repository.listPlans().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ code: "quota", cause: quota });
  });

  it("a failed full save changes nothing that was stored before (the transaction is rolled back)", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan();
    await repository.savePlanFull(plan);
    vi.spyOn(repository.db.areas, "bulkPut").mockRejectedValueOnce(
      new DOMException("The quota has been exceeded.", "QuotaExceededError"),
    );

    await expect(
      repository.savePlanFull(edit(plan, { type: "variant/delete", variantId: v2 })),
    ).rejects.toMatchObject({
      code: "quota",
    });
    expect(await repository.loadPlan(plan.id)).toStrictEqual(plan);
  });
});
