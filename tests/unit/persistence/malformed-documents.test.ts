/**
 * Property tests: random malformed plan documents, made by mutating a valid plan (wrong types, empty
 * or short rings, numbers as text, NaN, huge numbers, missing fields, …), fed to the two ways a plan
 * enters the app from outside this tab's code: a backup file, and the plan rows read from IndexedDB
 * at start. Neither may throw; a refused document leaves every other plan as it was; a document that
 * is accepted is one the geometry code can work with (measuring and the label point search end).
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { labelPoint } from "../../../src/domain/geometry/label-point.ts";
import { geodesicArea } from "../../../src/domain/geometry/measure-area.ts";
import type { Plan } from "../../../src/domain/model/plan.ts";
import { applyBackup, BACKUP_FORMAT, BACKUP_VERSION, readBackup } from "../../../src/persistence/backup.ts";
import { planRowOf } from "../../../src/persistence/db.ts";
import { StorageError } from "../../../src/persistence/plan-repository.ts";
import { deleteFreshDatabases, freshRepository, standardPlan, T2 } from "./helpers.ts";

afterEach(async () => {
  await deleteFreshDatabases();
});

type Json = unknown;
type Path = (string | number)[];

/** Every path into a value (objects and arrays), the root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function getAt(value: Json, path: Path): Json {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string | number, Json>)[key];
  }
  return at;
}

/** A copy of `value` with the part at `path` replaced by `replace(old)`, or removed (`undefined`). */
function setAt(value: Json, path: Path, replace: (old: Json) => Json): Json {
  if (path.length === 0) return replace(value);
  const [key, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  const next = setAt(copy[key], rest, replace);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** What a mutation puts in place of a part of the document. */
const replacements: fc.Arbitrary<(old: Json) => Json> = fc.oneof(
  fc.constantFrom<(old: Json) => Json>(
    () => undefined,
    () => null,
    () => [],
    () => ({}),
    () => "",
    () => true,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => 1e308,
    () => -1e308,
    () => 0,
    () => [[]],
    () => [
      [0, 0],
      [1, 1],
    ],
    () => [[["7.46", "51.51"]]],
    // Numbers as text, all the way down.
    (old) =>
      JSON.parse(
        JSON.stringify(old ?? null, (_key, value) => (typeof value === "number" ? String(value) : value)),
      ),
    // A list cut short, or without its last element (an open ring).
    (old) => (Array.isArray(old) ? old.slice(0, Math.max(0, old.length - 1)) : old),
    (old) => (Array.isArray(old) ? old.slice(0, 1) : old),
    // The same value twice in a list (an id listed twice).
    (old) => (Array.isArray(old) && old.length > 0 ? [...old, old[0]] : old),
    // Wrapped one level deeper, or unwrapped one level.
    (old) => [old],
    (old) => (Array.isArray(old) ? old[0] : old),
  ),
  fc.string({ maxLength: 8 }).map((text) => () => text),
  fc.double().map((number) => () => number),
);

/** One to three mutations of a valid plan, at random places. */
function malformedPlans(valid: Plan): fc.Arbitrary<Json> {
  const paths = pathsOf(valid);
  const mutation = fc.tuple(fc.constantFrom(...paths), replacements);
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) =>
      mutations.reduce<Json>(
        (doc, [path, replace]) =>
          getAt(doc, path.slice(0, -1)) === undefined ? doc : setAt(doc, path, replace),
        structuredClone(valid),
      ),
    );
}

/** The geometry code the map and panels run on every area must finish on an accepted plan. */
function workWithGeometry(plan: Plan): void {
  for (const variantId of plan.variantOrder) {
    const variant = plan.variants[variantId];
    for (const areaId of variant?.areaOrder ?? []) {
      const geometry = variant?.areas[areaId]?.geometry;
      if (!geometry) throw new Error(`area ${areaId} without geometry`);
      geodesicArea(geometry);
      labelPoint(geometry);
    }
  }
}

const victim = standardPlan("victim");
const bystanders = [standardPlan("before"), standardPlan("after")];

describe("a malformed plan in a backup file", () => {
  it("is refused without throwing, and nothing is written; or it is accepted and works", async () => {
    await fc.assert(
      fc.asyncProperty(malformedPlans(victim), async (malformed) => {
        const { repository } = freshRepository();
        await repository.savePlanFull(standardPlan("ours"));
        const before = await repository.exportAll();
        const file = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: T2,
          generator: "test",
          plans: [{ plan: bystanders[0] }, { plan: malformed }, { plan: bystanders[1] }],
          snapshots: [],
        };

        const result = await readBackup(JSON.stringify(file), repository);

        if (!result.ok) {
          expect(["invalid-plan", "malformed", "newer-version"]).toContain(result.problem.code);
          expect(await repository.exportAll()).toStrictEqual(before);
          return;
        }
        for (const { plan } of result.preview.plans) workWithGeometry(plan);
        await applyBackup(
          result.preview,
          repository,
          () => "copy",
          (plan) => plan.name,
          T2,
        );
        expect(await repository.loadPlan("ours")).toStrictEqual(standardPlan("ours"));
        for (const plan of bystanders) expect(await repository.loadPlan(plan.id)).toStrictEqual(plan);
      }),
      { seed: 20_261_206, numRuns: 300 },
    );
  });
});

describe("a malformed plan stored in IndexedDB (written by another version, an extension, a bug)", () => {
  it("never throws at start: the other plans open, the damaged one is reported and left stored", async () => {
    await fc.assert(
      fc.asyncProperty(malformedPlans(victim), async (malformed) => {
        const { repository, db } = freshRepository();
        for (const plan of bystanders) await repository.savePlanFull(plan);
        await repository.savePlanFull(victim);
        // The malformed document goes in as rows, as IndexedDB would hold them: NaN and Infinity
        // survive here (structured clone), unlike in a JSON file.
        const doc = malformed as Record<string, unknown> | null;
        await db.transaction("rw", db.plans, db.variants, db.areas, async () => {
          await db.variants.where("planId").equals("victim").delete();
          await db.areas.where("planId").equals("victim").delete();
          await db.plans.put({
            ...planRowOf(victim),
            ...(doc && typeof doc === "object" ? doc : {}),
            id: "victim",
          } as never);
          const variants =
            doc && typeof doc === "object" ? (doc.variants as Record<string, unknown>) : undefined;
          if (variants && typeof variants === "object") {
            for (const [variantId, variant] of Object.entries(variants)) {
              const v = (variant ?? {}) as Record<string, unknown>;
              await db.variants.put({ ...v, planId: "victim", id: variantId } as never);
              const areas =
                v.areas && typeof v.areas === "object" ? (v.areas as Record<string, unknown>) : {};
              for (const [areaId, area] of Object.entries(areas))
                await db.areas.put({ planId: "victim", variantId, id: areaId, area } as never);
            }
          }
        });

        // The plan opened at start: the damaged one was the last plan opened.
        const start = await repository.firstReadablePlan("victim");
        expect(start.plan).not.toBeNull();
        const opened = start.plan as Plan;
        workWithGeometry(opened);
        if (opened.id === "victim") expect(start.damaged).toEqual([]);
        else {
          expect(start.damaged.map((d) => d.id)).toEqual(["victim"]);
          expect(bystanders.map((p) => p.id)).toContain(opened.id);
          const failure = await repository.loadPlan("victim").catch((error: unknown) => error);
          expect(failure).toBeInstanceOf(StorageError);
          expect(failure).toMatchObject({ code: "corrupt", problem: start.damaged[0]?.problem });
        }
        // The other plans are untouched, the damaged one still stored, and a backup still works.
        for (const plan of bystanders) expect(await repository.loadPlan(plan.id)).toStrictEqual(plan);
        expect(await db.plans.get("victim")).toBeDefined();
        const all = await repository.exportAll();
        expect(all.plans.length + all.damaged.length).toBe(3);
        await repository.listPlans();
        await repository.listTrash();
      }),
      { seed: 20_261_207, numRuns: 300 },
    );
  });
});
