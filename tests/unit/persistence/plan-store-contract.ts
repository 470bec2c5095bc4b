/**
 * The contract of a plan store (src/persistence/plan-store.ts), as tests that any implementation must
 * pass: full and diff saves, damaged plans, trash and the trash rule, snapshots, settings, export and
 * import. `plan-store.test.ts` runs them against the IndexedDB store (on fake-indexeddb) and the
 * memory store; a new store (shared plans, say) runs them too.
 *
 * Only the interface is used here. What only one store can show (which rows IndexedDB writes, its
 * transactions) is tested in its own file (plan-repository.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/domain/changes/index.ts";
import { asAreaId, asVariantId } from "../../../src/domain/model/ids.ts";
import type { PilotArea, Plan } from "../../../src/domain/model/plan.ts";
import { AUTO_SNAPSHOTS_KEPT, type PlanStore, TRASH_DAYS } from "../../../src/persistence/plan-store.ts";
import { StorageError } from "../../../src/persistence/storage-error.ts";
import { buildArea, buildPlan, edit, outline, standardPlan, T0, T1, T2 } from "./helpers.ts";

const DAY = 86_400_000;
const v1 = asVariantId("v1");
const v2 = asVariantId("v2");

/** A plan whose first area has a polygon without rings: stored as it is, refused when loaded. */
function damagedPlan(id: string): Plan {
  const plan = standardPlan(id);
  const variant = plan.variants.v1 as Plan["variants"][string];
  const area = variant.areas.a1 as PilotArea;
  const broken = { ...area, geometry: { type: "Polygon", coordinates: [] } } as unknown as PilotArea;
  return {
    ...plan,
    variants: { ...plan.variants, v1: { ...variant, areas: { ...variant.areas, a1: broken } } },
  };
}

const emptyPlan = (id: string, now: string) => buildPlan({ id, variants: [{ id: "v", areas: [] }], now });

/** Registers the contract tests for the stores that `makeStore` makes (a new, empty one per call). */
export function describePlanStoreContract(name: string, makeStore: () => PlanStore): void {
  describe(`${name}: the plan store contract`, () => {
    describeSaves(makeStore);
    describeDiffSaves(makeStore);
    describeDamage(makeStore);
    describeTrash(makeStore);
    describeSnapshots(makeStore);
    describeSettingsAndExchange(makeStore);
  });
}

function describeSaves(makeStore: () => PlanStore): void {
  describe("full saves", () => {
    it("a plan saved in full loads back deep-equal, with variant and area order kept", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);

      const loaded = await store.loadPlan(plan.id);

      expect(loaded).toStrictEqual(plan);
      expect(loaded && outline(loaded)).toEqual({ v1: ["a1", "a2", "a3"], v2: ["b1"] });
    });

    it("loading a plan that was never saved gives null, and so does reading its document", async () => {
      const store = makeStore();
      await store.savePlanFull(standardPlan());

      expect(await store.loadPlan("no-such-plan")).toBeNull();
      expect(await store.readPlanDocument("no-such-plan")).toBeNull();
    });

    it("a full save replaces everything stored for the plan: deleted variants and areas do not come back", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);
      const smaller = edit(
        plan,
        { type: "variant/delete", variantId: v2 },
        { type: "area/delete", variantId: v1, areaId: asAreaId("a2") },
      );

      await store.savePlanFull(smaller);

      // Rows left behind would be loaded too (at the end of their lists): the plan would differ.
      expect(await store.loadPlan(plan.id)).toStrictEqual(smaller);
    });

    it("saving one plan in full leaves other plans alone", async () => {
      const store = makeStore();
      const other = standardPlan("plan-2");
      await store.savePlanFull(other);
      await store.savePlanFull(standardPlan("plan-1"));
      await store.savePlanFull(edit(standardPlan("plan-1"), { type: "variant/delete", variantId: v2 }));

      expect(await store.loadPlan("plan-2")).toStrictEqual(other);
    });

    it("listPlans lists the plans that are not in the trash, most recently updated first; planRows lists all", async () => {
      const store = makeStore();
      await store.savePlanFull(emptyPlan("old", T0));
      await store.savePlanFull(emptyPlan("new", T2));
      await store.savePlanFull(emptyPlan("mid", T1));
      await store.savePlanFull(emptyPlan("gone", T2));
      await store.trashPlan("gone", T2);

      expect((await store.listPlans()).map((row) => row.id)).toEqual(["new", "mid", "old"]);
      expect((await store.listTrash()).map((row) => row.id)).toEqual(["gone"]);
      expect((await store.planRows()).map((row) => row.id).sort()).toEqual(["gone", "mid", "new", "old"]);
    });

    it("a listed row is a copy: changing it changes nothing stored", async () => {
      const store = makeStore();
      await store.savePlanFull(standardPlan());
      await store.trashPlan("plan-1", T1);

      const [row] = await store.listTrash();
      if (row) {
        delete row.deletedAt;
        row.name = "verändert";
        row.variantOrder.reverse();
      }

      expect((await store.listTrash()).map((r) => [r.id, r.name, r.deletedAt])).toEqual([
        ["plan-1", "Pilotgebiete 2025", T1],
      ]);
      expect(await store.loadPlan("plan-1")).toStrictEqual(standardPlan());
    });

    it("firstReadablePlan prefers the given plan, else the newest one, never one in the trash", async () => {
      const store = makeStore();
      expect(await store.firstReadablePlan(undefined)).toEqual({ plan: null, damaged: [] });
      await store.savePlanFull(emptyPlan("old", T0));
      await store.savePlanFull(emptyPlan("new", T1));
      await store.savePlanFull(emptyPlan("trashed", T2));
      await store.trashPlan("trashed", T2);

      expect((await store.firstReadablePlan("old")).plan?.id).toBe("old");
      expect((await store.firstReadablePlan("trashed")).plan?.id).toBe("new");
      expect((await store.firstReadablePlan(42)).plan?.id).toBe("new");
    });
  });
}

function describeDiffSaves(makeStore: () => PlanStore): void {
  describe("diff saves", () => {
    it("adding, patching and deleting areas: the stored plan equals the edited one, with the rows counted", async () => {
      const store = makeStore();
      const previous = standardPlan();
      await store.savePlanFull(previous);
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

      const counts = await store.savePlanDiff(previous, next);

      expect(await store.loadPlan(next.id)).toStrictEqual(next);
      // The plan row, variant v1 (its area order changed) and the two areas that changed; a3 deleted.
      expect(counts).toEqual({ written: 4, deleted: 1 });
    });

    it("adding a variant and deleting another: the deleted variant's areas do not come back", async () => {
      const store = makeStore();
      const previous = standardPlan();
      await store.savePlanFull(previous);
      const added = buildPlan({
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
      });
      const next = edit(
        previous,
        { type: "variant/put", variant: added.variants.v3 as Plan["variants"][string] },
        { type: "variant/delete", variantId: v2 },
      );

      expect(await store.savePlanDiff(previous, next)).toEqual({ written: 4, deleted: 1 });
      expect(await store.loadPlan(next.id)).toStrictEqual(next);
    });

    it("reordering areas and variants is stored and counts the plan row and one variant row", async () => {
      const store = makeStore();
      const previous = standardPlan();
      await store.savePlanFull(previous);
      const next = edit(
        previous,
        { type: "area/move", variantId: v1, areaId: asAreaId("a3"), index: 0 },
        { type: "variant/move", variantId: v2, index: 0 },
      );

      expect(await store.savePlanDiff(previous, next)).toEqual({ written: 2, deleted: 0 });
      const loaded = await store.loadPlan(next.id);
      expect(loaded).toStrictEqual(next);
      expect(loaded && outline(loaded)).toEqual({ v2: ["b1"], v1: ["a3", "a1", "a2"] });
    });

    it("a diff save of a plan that did not change writes nothing", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);

      expect(await store.savePlanDiff(plan, plan)).toEqual({ written: 0, deleted: 0 });
      expect(await store.loadPlan(plan.id)).toStrictEqual(plan);
    });

    it("an area edit writes one row, and a plan another tab trashed meanwhile stays in the trash", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);
      await store.trashPlan(plan.id, T1);
      const next = edit(plan, {
        type: "area/patch",
        variantId: v1,
        areaId: asAreaId("a1"),
        patch: { notes: "neu" },
      });

      expect(await store.savePlanDiff(plan, next)).toEqual({ written: 1, deleted: 0 });
      expect((await store.listTrash()).map((row) => row.deletedAt)).toEqual([T1]);
      expect(await store.loadPlan(plan.id)).toStrictEqual(next);
    });

    it("a diff save between two different plans falls back to a full save of the new one", async () => {
      const store = makeStore();
      const first = standardPlan("plan-1");
      const second = standardPlan("plan-2");
      await store.savePlanFull(first);

      expect(await store.savePlanDiff(first, second)).toEqual({ written: -1, deleted: -1 });
      expect(await store.loadPlan("plan-2")).toStrictEqual(second);
      expect(await store.loadPlan("plan-1")).toStrictEqual(first);
    });

    it("a diff or full save that changes the plan row keeps a plan that is in the trash in the trash", async () => {
      const store = makeStore();
      const previous = standardPlan();
      await store.savePlanFull(previous);
      await store.trashPlan(previous.id, T1);
      const next = edit(previous, { type: "plan/patch", patch: { name: "Umbenannt" } });

      await store.savePlanDiff(previous, next);

      expect((await store.listTrash()).map((row) => [row.id, row.deletedAt, row.name])).toEqual([
        ["plan-1", T1, "Umbenannt"],
      ]);
      expect(await store.listPlans()).toEqual([]);
      await store.savePlanFull(previous);
      expect((await store.listTrash()).map((row) => row.deletedAt)).toEqual([T1]);
    });

    it("after any chain of edits, each saved as a diff, the stored plan equals the edited plan", async () => {
      const areaIds = (plan: Plan, variantId: string) => plan.variants[variantId]?.areaOrder ?? [];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.nat(999), { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
          async (batches) => {
            const store = makeStore();
            let saved = standardPlan();
            await store.savePlanFull(saved);
            let counter = 0;
            for (const batch of batches) {
              let next = saved;
              for (const pick of batch) {
                const variantId = next.variantOrder[pick % next.variantOrder.length] ?? v1;
                const areas = areaIds(next, variantId);
                const areaId = areas[pick % Math.max(1, areas.length)];
                const id = `n${++counter}`;
                const changes: (Change | null)[] = [
                  { type: "area/put", variantId, area: buildArea({ id, x: pick % 20, y: counter % 20 }, T1) },
                  areaId ? { type: "area/patch", variantId, areaId, patch: { notes: id } } : null,
                  areaId && pick % 3 === 0 ? { type: "area/delete", variantId, areaId } : null,
                  pick % 4 === 0 ? { type: "plan/patch", patch: { name: id } } : null,
                  pick % 7 === 0 && next.variantOrder.length > 1
                    ? { type: "variant/delete", variantId }
                    : pick % 5 === 0
                      ? { type: "variant/move", variantId, index: 0 }
                      : null,
                ];
                next = edit(next, ...changes.filter((change): change is Change => change !== null));
              }
              await store.savePlanDiff(saved, next);
              expect(await store.loadPlan(next.id)).toStrictEqual(next);
              saved = next;
            }
          },
        ),
        { seed: 4_712, numRuns: 30 },
      );
    });
  });
}

function describeDamage(makeStore: () => PlanStore): void {
  describe("plans and snapshots that cannot be read", () => {
    it("a stored plan from a newer schema version is refused with a 'corrupt' storage error", async () => {
      const store = makeStore();
      await store.savePlanFull({ ...standardPlan(), schemaVersion: 99 });

      const failure = await store.loadPlan("plan-1").catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toMatchObject({
        code: "corrupt",
        problem: { code: "newer-version", versions: { found: 99, supported: 1 } },
      });
    });

    it("a damaged plan stays stored and listed, is skipped at start and reported, and is kept in an export", async () => {
      const store = makeStore();
      await store.savePlanFull(emptyPlan("good", T0));
      await store.savePlanFull({ ...damagedPlan("broken"), updatedAt: T2 });
      const problem = {
        code: "polygon-without-rings",
        path: ["variants", "v1", "areas", "a1", "geometry", "coordinates"],
      };

      await expect(store.loadPlan("broken")).rejects.toMatchObject({
        name: "StorageError",
        code: "corrupt",
        problem,
      });
      expect(await store.firstReadablePlan("broken")).toMatchObject({
        plan: { id: "good" },
        damaged: [{ id: "broken", name: "Pilotgebiete 2025", problem }],
      });
      expect((await store.listPlans()).map((row) => row.id)).toEqual(["broken", "good"]);
      const document = await store.readPlanDocument("broken");
      expect(document).toMatchObject({ id: "broken", variantOrder: ["v1", "v2"] });
      expect(document?.variants).toMatchObject({ v1: { areas: { a1: { geometry: { coordinates: [] } } } } });
      const exported = await store.exportAll();
      expect(exported.plans.map(({ plan }) => plan.id)).toEqual(["good"]);
      expect(exported.damaged).toMatchObject([
        { id: "broken", name: "Pilotgebiete 2025", problem, document },
      ]);
    });

    it("a snapshot whose document is from a newer schema version is refused with a 'corrupt' storage error", async () => {
      const store = makeStore();
      const row = await store.addSnapshot({ ...standardPlan(), schemaVersion: 2 }, "named", "Zukunft", T1);

      await expect(store.loadSnapshot(row.id)).rejects.toMatchObject({
        name: "StorageError",
        code: "corrupt",
      });
    });
  });
}

function describeTrash(makeStore: () => PlanStore): void {
  describe("trash", () => {
    it("a trashed plan leaves the plan list, still loads unchanged, and comes back on restore", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);

      await store.trashPlan(plan.id, T1);
      expect(await store.listPlans()).toEqual([]);
      expect((await store.listTrash()).map((row) => [row.id, row.deletedAt])).toEqual([[plan.id, T1]]);
      expect(await store.loadPlan(plan.id)).toStrictEqual(plan);

      await store.restoreFromTrash(plan.id);
      expect(await store.listTrash()).toEqual([]);
      const [row] = await store.listPlans();
      expect(row?.id).toBe(plan.id);
      expect(row).not.toHaveProperty("deletedAt");
      expect(await store.loadPlan(plan.id)).toStrictEqual(plan);
    });

    it("listTrash lists the most recently trashed plan first", async () => {
      const store = makeStore();
      for (const id of ["p1", "p2", "p3"]) await store.savePlanFull(standardPlan(id));
      await store.trashPlan("p1", T1);
      await store.trashPlan("p2", T2);
      await store.trashPlan("p3", T0);

      expect((await store.listTrash()).map((row) => row.id)).toEqual(["p2", "p1", "p3"]);
    });

    it(`purgeTrash removes plans trashed more than ${TRASH_DAYS} days ago, with their snapshots, and keeps the rest`, async () => {
      const store = makeStore();
      const now = new Date("2025-06-01T12:00:00.000Z");
      const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
      for (const id of ["old", "exactly-30-days", "recent", "kept"])
        await store.savePlanFull(standardPlan(id));
      await store.addSnapshot(standardPlan("old"), "named", "Stand", T1);
      await store.addSnapshot(standardPlan("recent"), "named", "Stand", T1);
      await store.trashPlan("old", ago(TRASH_DAYS * DAY + 1));
      await store.trashPlan("exactly-30-days", ago(TRASH_DAYS * DAY));
      await store.trashPlan("recent", ago(DAY));

      expect(await store.purgeTrash(now)).toEqual(["old"]);
      expect(await store.loadPlan("old")).toBeNull();
      expect(await store.listSnapshots("old")).toEqual([]);
      expect((await store.listTrash()).map((row) => row.id).sort()).toEqual(["exactly-30-days", "recent"]);
      expect((await store.listPlans()).map((row) => row.id)).toEqual(["kept"]);
      expect(await store.listSnapshots("recent")).toHaveLength(1);
      // A day later the 30 days are over for the second one too.
      expect(await store.purgeTrash(new Date(now.getTime() + DAY))).toEqual(["exactly-30-days"]);
    });

    it("purgeTrash keeps a plan trashed long ago while it has a snapshot from within the 30 days", async () => {
      const store = makeStore();
      const now = new Date("2025-06-01T12:00:00.000Z");
      const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
      await store.savePlanFull(standardPlan("used"));
      await store.trashPlan("used", ago(90 * DAY));
      const safety = await store.addSnapshot(standardPlan("used"), "before-risky", "import", ago(DAY));

      expect(await store.purgeTrash(now)).toEqual([]);
      expect(await store.listSnapshots("used")).toStrictEqual([safety]);
      expect(await store.purgeTrash(new Date(now.getTime() + TRASH_DAYS * DAY))).toEqual(["used"]);
    });

    it("purgeTrash never removes a plan whose trash time cannot be read, nor one that is not in the trash", async () => {
      const store = makeStore();
      await store.importPlans([{ plan: standardPlan("odd"), deletedAt: "irgendwann" }], []);
      await store.savePlanFull(standardPlan("listed"));

      expect(await store.purgeTrash(new Date("2099-01-01T00:00:00.000Z"))).toEqual([]);
      expect(await store.loadPlan("odd")).toStrictEqual(standardPlan("odd"));
      expect(await store.loadPlan("listed")).toStrictEqual(standardPlan("listed"));
    });

    it("deletePlanForever removes the plan and its snapshots, and nothing of other plans", async () => {
      const store = makeStore();
      const doomed = standardPlan("doomed");
      const other = standardPlan("other");
      await store.savePlanFull(doomed);
      await store.savePlanFull(other);
      await store.addSnapshot(doomed, "named", "Stand", T1);
      await store.addSnapshot(doomed, "auto", "", T2);
      const otherSnapshot = await store.addSnapshot(other, "named", "Stand", T1);

      await store.deletePlanForever("doomed");

      expect(await store.loadPlan("doomed")).toBeNull();
      expect((await store.planRows()).map((row) => row.id)).toEqual(["other"]);
      expect(await store.listSnapshots("doomed")).toEqual([]);
      expect(await store.loadPlan("other")).toStrictEqual(other);
      expect(await store.listSnapshots("other")).toEqual([otherSnapshot]);
      // Saved again under the same id, nothing of the old plan comes back.
      await store.savePlanFull(emptyPlan("doomed", T2));
      expect(await store.loadPlan("doomed")).toStrictEqual(emptyPlan("doomed", T2));
    });

    it("renamePlan changes the name and time of a stored plan and nothing else", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);

      await store.renamePlan(plan.id, "Neuer Name", T2);

      expect(await store.loadPlan(plan.id)).toStrictEqual({ ...plan, name: "Neuer Name", updatedAt: T2 });
    });
  });
}

function describeSnapshots(makeStore: () => PlanStore): void {
  describe("snapshots", () => {
    it("a snapshot keeps the whole document as it was, and loads back deep-equal after the plan changed", async () => {
      const store = makeStore();
      const plan = standardPlan();
      await store.savePlanFull(plan);
      const row = await store.addSnapshot(plan, "named", "Vor dem Workshop", T1);
      await store.savePlanFull(edit(plan, { type: "variant/delete", variantId: v2 }));

      expect(row).toMatchObject({
        planId: plan.id,
        kind: "named",
        name: "Vor dem Workshop",
        createdAt: T1,
        schemaVersion: 1,
      });
      expect(await store.loadSnapshot(row.id)).toStrictEqual(plan);
      expect(await store.loadSnapshot("no-such-snapshot")).toBeNull();
    });

    it("listSnapshots lists a plan's snapshots newest first and none of other plans", async () => {
      const store = makeStore();
      const plan = standardPlan();
      const b = await store.addSnapshot(plan, "auto", "", T1);
      const c = await store.addSnapshot(plan, "named", "Stand", T2);
      const a = await store.addSnapshot(plan, "before-risky", "trash", T0);
      await store.addSnapshot(standardPlan("other"), "named", "Anderer", T2);

      expect(await store.listSnapshots(plan.id)).toStrictEqual([c, b, a]);
    });

    it(`automatic snapshots are pruned to the newest ${AUTO_SNAPSHOTS_KEPT}; named and before-risky ones and other plans' are kept`, async () => {
      const store = makeStore();
      const plan = standardPlan();
      const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute)).toISOString();
      const otherAuto = await store.addSnapshot(standardPlan("other"), "auto", "", at(0));
      const named = await store.addSnapshot(plan, "named", "Erster Stand", at(0));
      const risky = await store.addSnapshot(plan, "before-risky", "delete variant", at(1));
      const autos = [];
      for (let i = 0; i < AUTO_SNAPSHOTS_KEPT + 5; i++)
        autos.push(await store.addSnapshot(plan, "auto", "", at(2 + i)));

      const listed = await store.listSnapshots(plan.id);

      expect(listed.filter((s) => s.kind === "auto").map((s) => s.id)).toEqual(
        autos
          .slice(5)
          .reverse()
          .map((s) => s.id),
      );
      expect(listed.filter((s) => s.kind !== "auto").map((s) => s.id)).toEqual([risky.id, named.id]);
      expect(await store.listSnapshots("other")).toEqual([otherAuto]);
    });
  });
}

function describeSettingsAndExchange(makeStore: () => PlanStore): void {
  describe("settings, export and import", () => {
    it("an unknown setting is undefined; a stored value comes back deep-equal, as a copy, and can be overwritten", async () => {
      const store = makeStore();
      expect(await store.getSetting("view:plan-1")).toBeUndefined();

      const view = { variantId: "v1", selectedAreaId: null, camera: { center: [7.46, 51.51], zoom: 12.5 } };
      await store.setSetting("view:plan-1", view);
      view.camera.zoom = 3;
      await store.setSetting("lastPlan", "plan-1");
      const read = await store.getSetting<typeof view>("view:plan-1");
      expect(read).toStrictEqual({ ...view, camera: { center: [7.46, 51.51], zoom: 12.5 } });
      if (read) read.variantId = "changed";
      expect(await store.getSetting("view:plan-1")).toMatchObject({ variantId: "v1" });

      await store.setSetting("lastPlan", "plan-2");
      expect(await store.getSetting("lastPlan")).toBe("plan-2");
    });

    it("exportAll returns every plan, trash included, with its row, and every snapshot", async () => {
      const store = makeStore();
      const kept = standardPlan("kept");
      const trashed = standardPlan("trashed");
      await store.savePlanFull(kept);
      await store.savePlanFull(trashed);
      await store.trashPlan("trashed", T2);
      const snapshot = await store.addSnapshot(trashed, "named", "Stand", T1);

      const exported = await store.exportAll();

      expect(exported.plans.map(({ row, plan }) => [row.id, row.deletedAt, plan])).toStrictEqual([
        ["kept", undefined, kept],
        ["trashed", T2, trashed],
      ]);
      expect(exported.snapshots).toStrictEqual([snapshot]);
      expect(exported.damaged).toEqual([]);
    });

    it("importPlans writes plans with the trash state given (none: in the plan list) and their snapshots", async () => {
      const store = makeStore();
      const ours = standardPlan("ours");
      await store.savePlanFull(ours);
      await store.trashPlan("ours", T0);
      const theirs = edit(standardPlan("ours"), { type: "variant/delete", variantId: v2 });
      const snapshot = await makeStore().addSnapshot(theirs, "named", "Von dort", T1);

      await store.importPlans([{ plan: theirs }, { plan: standardPlan("gone"), deletedAt: T2 }], [snapshot]);

      expect(await store.loadPlan("ours")).toStrictEqual(theirs);
      expect((await store.listPlans()).map((row) => row.id)).toEqual(["ours"]);
      expect((await store.listTrash()).map((row) => [row.id, row.deletedAt])).toEqual([["gone", T2]]);
      expect(await store.listSnapshots("ours")).toStrictEqual([snapshot]);
      expect(await store.loadSnapshot(snapshot.id)).toStrictEqual(theirs);
    });

    it("overlay syncing starts and stops without touching plans", async () => {
      const store = makeStore();
      await store.savePlanFull(standardPlan());

      const stop = await store.syncOverlays();
      stop();

      expect(await store.loadPlan("plan-1")).toStrictEqual(standardPlan());
    });
  });
}
