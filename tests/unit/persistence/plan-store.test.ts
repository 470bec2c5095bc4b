/**
 * Both plan stores against the one contract (plan-store-contract.ts): the IndexedDB store on
 * fake-indexeddb and the memory store. And a backup made from either one restores into the other: a
 * session that ran in memory only can be carried into IndexedDB later.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { asVariantId } from "../../../src/domain/model/ids.ts";
import { applyBackup, createBackup, readBackup } from "../../../src/persistence/backup.ts";
import { MemoryPlanStore } from "../../../src/persistence/memory-plan-store.ts";
import type { PlanStore } from "../../../src/persistence/plan-store.ts";
import { deleteFreshDatabases, edit, freshRepository, standardPlan, T0, T1, T2 } from "./helpers.ts";
import { describePlanStoreContract } from "./plan-store-contract.ts";

afterEach(async () => {
  await deleteFreshDatabases();
});

describePlanStoreContract("PlanRepository (IndexedDB)", () => freshRepository().repository);
describePlanStoreContract("MemoryPlanStore", () => new MemoryPlanStore());

describe("a backup between the two stores", () => {
  const stores: [string, () => PlanStore][] = [
    ["IndexedDB", () => freshRepository().repository],
    ["memory", () => new MemoryPlanStore()],
  ];

  for (const [fromName, makeSource] of stores) {
    for (const [toName, makeTarget] of stores) {
      it(`made from the ${fromName} store restores into the ${toName} store exactly`, async () => {
        const source = makeSource();
        const plan = standardPlan("plan-1");
        await source.savePlanFull(plan);
        await source.savePlanFull(
          edit(standardPlan("plan-2"), { type: "variant/delete", variantId: asVariantId("v2") }),
        );
        await source.savePlanFull(standardPlan("plan-3"));
        await source.trashPlan("plan-3", T1);
        await source.addSnapshot(plan, "named", "Stand", T0);
        await source.addSnapshot(plan, "auto", "", T1);

        const text = JSON.stringify(await createBackup(source, T2, "Pilotkarte (Test)"));
        const target = makeTarget();
        const read = await readBackup(text, target);
        if (!read.ok) throw new Error(`backup refused: ${JSON.stringify(read.problem)}`);
        await applyBackup(
          read.preview,
          target,
          () => "skip",
          (p) => p.name,
          T2,
        );

        const before = await source.exportAll();
        const after = await target.exportAll();
        // The trashed plan's 30 days start with the import (see applyBackup).
        expect(after.plans.map(({ row }) => row.deletedAt)).toEqual([undefined, undefined, T2]);
        expect(after.plans.map(({ plan: p }) => p)).toStrictEqual(before.plans.map(({ plan: p }) => p));
        expect(after.snapshots).toStrictEqual(before.snapshots);
      });
    }
  }
});
