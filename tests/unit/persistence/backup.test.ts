/**
 * The one-file backup: a seeded property-based round trip of random workspaces into an empty
 * database, conflicts with plans that already exist (skip, copy, replace), and every kind of bad file,
 * after which the database must be exactly as before.
 */
// Must come before anything that imports Dexie, which looks for IndexedDB when it loads.
import "fake-indexeddb/auto";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ALLIANCE_FIELDS, REFERENCE_LEVELS } from "../../../src/domain/model/catalogue.ts";
import { asVariantId } from "../../../src/domain/model/ids.ts";
import { AREA_COLOURS, AREA_STATUSES, type PilotArea, type Plan } from "../../../src/domain/model/plan.ts";
import {
  applyBackup,
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_VERSION,
  type BackupFile,
  type BackupPreview,
  copyWithNewIds,
  createBackup,
  readBackup,
} from "../../../src/persistence/backup.ts";
import type { SnapshotKind } from "../../../src/persistence/db.ts";
import type { PlanRepository } from "../../../src/persistence/plan-repository.ts";
import { consistencyProblems, deepFreeze } from "../domain/changes/plan-fixtures.ts";
import {
  type AreaSpec,
  buildArea,
  buildPlan,
  deleteFreshDatabases,
  edit,
  freshRepository,
  standardPlan,
  T0,
  T1,
  T2,
} from "./helpers.ts";

afterEach(async () => {
  vi.restoreAllMocks();
  await deleteFreshDatabases();
});

const NOW = "2025-04-01T12:00:00.000Z";
/** When a backup is imported in these tests. */
const IMPORTED_AT = "2025-04-02T08:00:00.000Z";
const GENERATOR = "Pilotkarte (Test)";
const v1 = asVariantId("v1");

async function backupText(repository: PlanRepository): Promise<string> {
  return JSON.stringify(await createBackup(repository, NOW, GENERATOR));
}

async function readOk(text: string, repository: PlanRepository): Promise<BackupPreview> {
  const result = await readBackup(text, repository);
  if (!result.ok) throw new Error(`backup refused: ${JSON.stringify(result.problem)}`);
  return result.preview;
}

const noConflictExpected = (plan: Plan): never => {
  throw new Error(`unexpected conflict for ${plan.id}`);
};

// ---------------------------------------------------------------------------------------------------
// Random workspaces

interface SnapshotSpec {
  kind: SnapshotKind;
  name: string;
  minute: number;
}

interface WorkspacePlanSpec {
  name: string;
  variants: { name: string; areas: Omit<AreaSpec, "id">[] }[];
  trashedDaysAgo: number | undefined;
  snapshots: SnapshotSpec[];
}

const text = (maxLength: number) => fc.string({ maxLength, unit: "grapheme" });
const originArb: fc.Arbitrary<PilotArea["origin"]> = fc
  .oneof(
    fc.record({
      kind: fc.constant("drawn" as const),
      tool: fc.constantFrom("polygon" as const, "rectangle" as const, "circle" as const, "freehand" as const),
    }),
    fc.record({
      kind: fc.constant("districts" as const),
      level: fc.constantFrom(...REFERENCE_LEVELS),
      codes: fc.array(fc.stringMatching(/^[0-9]{2,3}$/), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("derived" as const),
      operation: fc.constantFrom("union", "difference", "split"),
    }),
    fc.record({ kind: fc.constant("imported" as const), source: text(12) }),
    // fast-check may build records without a prototype; a document from JSON always has one.
  )
  .map((origin) => ({ ...origin }));
const areaArb: fc.Arbitrary<Omit<AreaSpec, "id">> = fc.record({
  name: text(16),
  x: fc.nat(30),
  y: fc.nat(30),
  size: fc.constantFrom(0.001, 0.002, 0.005),
  second: fc.option(fc.record({ x: fc.nat(30), y: fc.nat(30) }), { nil: undefined }),
  fields: fc.subarray([...ALLIANCE_FIELDS]),
  partners: fc.array(text(10), { maxLength: 3 }),
  status: fc.constantFrom(...AREA_STATUSES),
  notes: text(40),
  colour: fc.constantFrom(...AREA_COLOURS),
  origin: originArb,
});
const planArb: fc.Arbitrary<WorkspacePlanSpec> = fc.record({
  name: text(20),
  variants: fc.array(fc.record({ name: text(12), areas: fc.array(areaArb, { maxLength: 4 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  trashedDaysAgo: fc.option(fc.nat(60), { nil: undefined }),
  snapshots: fc.array(
    fc.record({
      kind: fc.constantFrom<SnapshotKind>("auto", "named", "before-risky"),
      name: text(12),
      minute: fc.nat(59),
    }),
    { maxLength: 3 },
  ),
});
const workspaceArb = fc.array(planArb, { maxLength: 4 });

/** Saves a random workspace as the app would: plans, snapshots of earlier states, some plans trashed. */
async function fillWorkspace(repository: PlanRepository, specs: WorkspacePlanSpec[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const [p, spec] of specs.entries()) {
    const id = `plan-${p}`;
    const plan = buildPlan({
      id,
      name: spec.name,
      now: T0,
      variants: spec.variants.map((variant, v) => ({
        id: `${id}-v${v}`,
        name: variant.name,
        areas: variant.areas.map((area, a) => ({ ...area, id: `${id}-v${v}-a${a}` })),
      })),
    });
    await repository.savePlanFull(plan);
    for (const [s, snapshot] of spec.snapshots.entries()) {
      // A snapshot holds an earlier state of the plan, not the current one.
      const earlier = edit(plan, {
        type: "plan/patch",
        patch: { name: `${spec.name} (Stand ${s})`, updatedAt: T1 },
      });
      const at = new Date(Date.UTC(2025, 2, 10, 8, snapshot.minute, s)).toISOString();
      await repository.addSnapshot(earlier, snapshot.kind, snapshot.name, at);
    }
    if (spec.trashedDaysAgo !== undefined) {
      await repository.trashPlan(
        id,
        new Date(Date.parse(NOW) - spec.trashedDaysAgo * 86_400_000).toISOString(),
      );
    }
    plans.push(plan);
  }
  return plans;
}

describe("backup round trip", () => {
  it("any workspace, backed up to JSON text and imported into an empty database, exports exactly as the original", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (specs) => {
        const source = freshRepository().repository;
        const plans = await fillWorkspace(source, specs);
        const original = await source.exportAll();
        expect(original.plans.map(({ plan }) => plan)).toStrictEqual(plans);

        const file = await createBackup(source, NOW, GENERATOR);
        expect(file).toMatchObject({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: NOW,
          generator: GENERATOR,
        });
        const json = JSON.stringify(file);

        const target = freshRepository().repository;
        const preview = await readOk(json, target);
        expect(preview.exportedAt).toBe(NOW);
        expect(preview.plans.map((entry) => entry.exists)).toEqual(plans.map(() => false));
        expect(preview.droppedSnapshots).toEqual([]);
        const result = await applyBackup(
          preview,
          target,
          noConflictExpected,
          (plan) => plan.name,
          IMPORTED_AT,
        );
        expect(result).toEqual({ imported: plans.length, skipped: 0, copied: 0, replaced: 0 });

        const imported = await target.exportAll();
        // Plans deep-equal, snapshots kept; a plan that was in the trash is in the trash again, from
        // the time of the import (so that its 30 days start then: see applyBackup).
        const withoutTrashTime = (all: typeof original) => ({
          ...all,
          plans: all.plans.map(({ row: { deletedAt: _deletedAt, ...row }, plan }) => ({ row, plan })),
        });
        expect(withoutTrashTime(imported)).toStrictEqual(withoutTrashTime(original));
        expect(imported.plans.map(({ row }) => row.deletedAt)).toEqual(
          specs.map((spec) => (spec.trashedDaysAgo === undefined ? undefined : IMPORTED_AT)),
        );
        expect(imported.snapshots).toHaveLength(specs.reduce((n, spec) => n + spec.snapshots.length, 0));
        expect(imported.damaged).toEqual([]);
        await deleteFreshDatabases();
      }),
      { seed: 20_250_401, numRuns: 40 },
    );
  });

  it("the backup file holds the trash time of a trashed plan and none for the others", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan("kept"));
    await repository.savePlanFull(standardPlan("trashed"));
    await repository.trashPlan("trashed", T2);

    const file = JSON.parse(await backupText(repository)) as BackupFile;

    expect(file.plans.map((entry) => [entry.plan.id, entry.deletedAt])).toEqual([
      ["kept", undefined],
      ["trashed", T2],
    ]);
    expect(Object.keys(file.plans[0] ?? {})).toEqual(["plan"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Conflicts

/** Strips ids, keeping order: two plans with the same content but different ids look the same. */
function withoutIds(plan: Plan) {
  return {
    ...plan,
    id: undefined,
    variantOrder: undefined,
    variants: plan.variantOrder.map((variantId) => {
      const variant = plan.variants[variantId];
      return {
        ...variant,
        id: undefined,
        areaOrder: undefined,
        areas: variant?.areaOrder.map((areaId) => ({ ...variant.areas[areaId], id: undefined })),
      };
    }),
  };
}

function allIds(plan: Plan): string[] {
  return [
    plan.id,
    ...plan.variantOrder,
    ...plan.variantOrder.flatMap((variantId) => plan.variants[variantId]?.areaOrder ?? []),
  ];
}

/**
 * Ours: plan-1 edited after the backup was made (renamed, one more area), plus plan-mine with a
 * snapshot. The backup ("theirs") holds plan-1 as it was with a snapshot of it, and plan-new.
 */
async function conflictSetUp() {
  const theirsRepo = freshRepository().repository;
  const theirs = standardPlan("plan-1");
  const theirNew = standardPlan("plan-new");
  await theirsRepo.savePlanFull(theirs);
  await theirsRepo.savePlanFull(theirNew);
  const theirSnapshot = await theirsRepo.addSnapshot(theirs, "named", "Stand im Backup", T1);
  await theirsRepo.addSnapshot(theirNew, "named", "Neu", T1);
  const json = await backupText(theirsRepo);

  const { repository } = freshRepository();
  const ours = edit(
    theirs,
    { type: "plan/patch", patch: { name: "Unser Stand", updatedAt: T2 } },
    { type: "area/put", variantId: v1, area: buildArea({ id: "ours-only", x: 9, y: 9 }, T2) },
  );
  const mine = standardPlan("plan-mine");
  await repository.savePlanFull(ours);
  await repository.savePlanFull(mine);
  const ourSnapshot = await repository.addSnapshot(ours, "named", "Unser Snapshot", T2);
  return { repository, json, theirs, theirNew, theirSnapshot, ours, mine, ourSnapshot };
}

describe("importing plans that already exist", () => {
  it("readBackup marks the plans that already exist, and only those", async () => {
    const { repository, json } = await conflictSetUp();

    const preview = await readOk(json, repository);

    expect(preview.plans.map((entry) => [entry.plan.id, entry.exists])).toEqual([
      ["plan-1", true],
      ["plan-new", false],
    ]);
  });

  it("a plan in our trash counts as existing too", async () => {
    const { repository, json } = await conflictSetUp();
    await repository.trashPlan("plan-1", T2);

    const preview = await readOk(json, repository);

    expect(preview.plans.find((entry) => entry.plan.id === "plan-1")?.exists).toBe(true);
  });

  it("'skip' leaves our plan and its snapshots untouched, imports the rest, and asks only about the conflict", async () => {
    const { repository, json, ours, theirNew, ourSnapshot } = await conflictSetUp();
    const preview = await readOk(json, repository);
    const choose = vi.fn((_plan: Plan) => "skip" as const);

    const result = await applyBackup(preview, repository, choose, () => "unused", IMPORTED_AT);

    expect(result).toEqual({ imported: 1, skipped: 1, copied: 0, replaced: 0 });
    expect(choose.mock.calls.map(([plan]) => plan.id)).toEqual(["plan-1"]);
    expect(await repository.loadPlan("plan-1")).toStrictEqual(ours);
    expect(await repository.listSnapshots("plan-1")).toStrictEqual([ourSnapshot]);
    expect(await repository.loadPlan("plan-new")).toStrictEqual(theirNew);
    expect(await repository.listSnapshots("plan-new")).toHaveLength(1);
  });

  it("'copy' adds their plan beside ours with new ids for plan, variants and areas and the given name", async () => {
    const { repository, json, ours, theirs, mine, ourSnapshot } = await conflictSetUp();
    const preview = await readOk(json, repository);

    const result = await applyBackup(
      preview,
      repository,
      () => "copy",
      (plan) => `${plan.name} (Kopie)`,
      IMPORTED_AT,
    );

    expect(result).toEqual({ imported: 1, skipped: 0, copied: 1, replaced: 0 });
    expect(await repository.loadPlan("plan-1")).toStrictEqual(ours);
    expect(await repository.listSnapshots("plan-1")).toStrictEqual([ourSnapshot]);
    const known = new Set(["plan-1", "plan-new", "plan-mine"]);
    const copies = (await repository.listPlans()).filter((row) => !known.has(row.id));
    expect(copies).toHaveLength(1);
    const copy = await repository.loadPlan(copies[0]?.id ?? "");
    if (!copy) throw new Error("the copy was not stored");
    expect(copy.name).toBe("Pilotgebiete 2025 (Kopie)");
    expect(withoutIds(copy)).toStrictEqual(withoutIds({ ...theirs, name: "Pilotgebiete 2025 (Kopie)" }));
    const oldIds = new Set([...allIds(theirs), ...allIds(ours), ...allIds(mine)]);
    expect(allIds(copy).filter((id) => oldIds.has(id))).toEqual([]);
    expect(new Set(allIds(copy)).size).toBe(allIds(copy).length);
    expect(consistencyProblems(copy)).toEqual([]);
    // Their snapshots belong to the original id, so they do not come along with a copy.
    expect(await repository.listSnapshots(copy.id)).toEqual([]);
  });

  it("'replace' overwrites our plan with theirs, removing rows only ours had, and brings their snapshots", async () => {
    const { repository, json, theirs, theirSnapshot, ourSnapshot, mine } = await conflictSetUp();
    const preview = await readOk(json, repository);

    const result = await applyBackup(
      preview,
      repository,
      () => "replace",
      () => "unused",
      IMPORTED_AT,
    );

    expect(result).toEqual({ imported: 1, skipped: 0, copied: 0, replaced: 1 });
    expect(await repository.loadPlan("plan-1")).toStrictEqual(theirs);
    expect(await repository.db.areas.get(["plan-1", "v1", "ours-only"])).toBeUndefined();
    expect((await repository.listSnapshots("plan-1")).map((s) => s.id).sort()).toEqual(
      [theirSnapshot.id, ourSnapshot.id].sort(),
    );
    expect(await repository.loadPlan("plan-mine")).toStrictEqual(mine);
  });

  it("copyWithNewIds leaves its input alone and keeps every area record under its own new id", () => {
    const plan = deepFreeze(standardPlan());

    const copy = copyWithNewIds(plan, "Kopie");

    expect(plan).toStrictEqual(standardPlan());
    expect(consistencyProblems(copy)).toEqual([]);
    expect(withoutIds(copy)).toStrictEqual(withoutIds({ ...plan, name: "Kopie" }));
    expect(allIds(copy).filter((id) => allIds(plan).includes(id))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Bad files

/** A database with content: a plan, a trashed plan, a snapshot and a setting. */
async function populated() {
  const { repository } = freshRepository();
  await repository.savePlanFull(standardPlan("plan-1"));
  await repository.savePlanFull(standardPlan("plan-2"));
  await repository.trashPlan("plan-2", T1);
  await repository.addSnapshot(standardPlan("plan-1"), "named", "Stand", T1);
  await repository.setSetting("lastPlan", "plan-1");
  const state = async () => ({
    ...(await repository.exportAll()),
    settings: await repository.db.settings.toArray(),
  });
  return { repository, before: await state(), state };
}

function validBackup(plans: unknown[] = [{ plan: standardPlan("plan-9") }]): Record<string, unknown> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW,
    generator: GENERATOR,
    plans,
    snapshots: [],
  };
}

describe("refusing bad backup files", () => {
  const badFiles: [string, () => string, unknown][] = [
    ["text that is not JSON", () => "{ this is not json", { code: "not-json" }],
    ["an empty file", () => "", { code: "not-json" }],
    ["JSON null", () => "null", { code: "not-a-backup" }],
    ["a JSON number", () => "42", { code: "not-a-backup" }],
    ["a JSON array", () => "[]", { code: "not-a-backup" }],
    ["a bare plan document", () => JSON.stringify(standardPlan()), { code: "not-a-backup" }],
    [
      "JSON with another format marker",
      () => JSON.stringify({ ...validBackup(), format: "qgis-project" }),
      { code: "not-a-backup" },
    ],
    [
      "a backup without a plan list",
      () => JSON.stringify({ ...validBackup(), plans: undefined }),
      { code: "not-a-backup" },
    ],
    [
      "a backup whose plans are not a list",
      () => JSON.stringify({ ...validBackup(), plans: {} }),
      { code: "not-a-backup" },
    ],
    [
      "a backup from a newer version",
      () => JSON.stringify({ ...validBackup(), version: BACKUP_VERSION + 1 }),
      { code: "newer-version", version: BACKUP_VERSION + 1 },
    ],
    [
      "a backup whose second plan has no variant",
      () =>
        JSON.stringify(
          validBackup([
            { plan: standardPlan("ok-1") },
            { plan: { ...standardPlan("bad"), variantOrder: [], variants: {} } },
            { plan: standardPlan("ok-2") },
          ]),
        ),
      {
        code: "invalid-plan",
        index: 1,
        name: "Pilotgebiete 2025",
        problem: { code: "no-variant", path: ["plans", 1, "plan", "variantOrder"] },
      },
    ],
    [
      "a backup whose first entry is null",
      () => JSON.stringify(validBackup([null, { plan: standardPlan("ok") }])),
      { code: "malformed", problem: { code: "expected-object", path: ["plans", 0] } },
    ],
    [
      "a backup whose third plan comes from a newer app version",
      () =>
        JSON.stringify(
          validBackup([
            { plan: standardPlan("a") },
            { plan: standardPlan("b") },
            { plan: { ...standardPlan("c"), schemaVersion: 2 } },
          ]),
        ),
      // The same clean message as a file from a newer version (not "damaged").
      { code: "newer-version", version: 2 },
    ],
    [
      "a backup whose plan lists an area twice and leaves another out (importing it would lose that area)",
      () => {
        const plan = standardPlan("dup") as unknown as { variants: { v1: { areaOrder: string[] } } };
        plan.variants.v1.areaOrder = ["a1", "a1", "a2"];
        return JSON.stringify(validBackup([{ plan }]));
      },
      {
        code: "invalid-plan",
        index: 0,
        name: "Pilotgebiete 2025",
        problem: { code: "listed-twice", path: ["plans", 0, "plan", "variants", "v1", "areaOrder"] },
      },
    ],
    [
      "a backup whose area has an empty ring (it locked the app at every start)",
      () => {
        const plan = standardPlan("empty-ring") as unknown as {
          variants: { v1: { areas: { a2: { geometry: { coordinates: unknown } } } } };
        };
        plan.variants.v1.areas.a2.geometry.coordinates = [];
        return JSON.stringify(validBackup([{ plan: standardPlan("fine") }, { plan }]));
      },
      {
        code: "invalid-plan",
        index: 1,
        name: "Pilotgebiete 2025",
        problem: {
          code: "polygon-without-rings",
          path: ["plans", 1, "plan", "variants", "v1", "areas", "a2", "geometry", "coordinates"],
        },
      },
    ],
    [
      "a backup whose coordinates are text (the label point search never ended)",
      () => {
        const plan = standardPlan("text") as unknown as {
          variants: { v1: { areas: { a1: { geometry: { coordinates: unknown[][][] } } } } };
        };
        const ring = plan.variants.v1.areas.a1.geometry.coordinates[0] as unknown[][];
        plan.variants.v1.areas.a1.geometry.coordinates = [ring.map((p) => p.map(String))];
        return JSON.stringify(validBackup([{ plan }]));
      },
      {
        code: "invalid-plan",
        index: 0,
        name: "Pilotgebiete 2025",
        problem: {
          code: "expected-number",
          path: ["plans", 0, "plan", "variants", "v1", "areas", "a1", "geometry", "coordinates", 0, 0, 0],
        },
      },
    ],
    [
      "a backup that lists the same plan twice",
      () => JSON.stringify(validBackup([{ plan: standardPlan("twice") }, { plan: standardPlan("twice") }])),
      {
        code: "invalid-plan",
        index: 1,
        name: "Pilotgebiete 2025",
        problem: { code: "listed-twice", path: ["plans", 1, "plan", "id"] },
      },
    ],
    [
      "a backup whose trash time is not a time",
      () => JSON.stringify(validBackup([{ plan: standardPlan("t"), deletedAt: "vorgestern" }])),
      { code: "malformed", problem: { code: "invalid-timestamp", path: ["plans", 0, "deletedAt"] } },
    ],
  ];

  for (const [what, makeText, problem] of badFiles) {
    it(`refuses ${what} and leaves the database as it was`, async () => {
      const { repository, before, state } = await populated();

      const result = await readBackup(makeText(), repository);

      expect(result).toEqual({ ok: false, problem });
      expect(await state()).toStrictEqual(before);
    });
  }

  it("refuses a file larger than the limit, counted in UTF-8 bytes, before parsing, and leaves the database as it was", async () => {
    const { repository, before, state } = await populated();
    // Three bytes per "€": over the byte limit with fewer characters than the limit.
    const huge = "€".repeat(Math.floor(BACKUP_MAX_BYTES / 3) + 1);
    expect(huge.length).toBeLessThan(BACKUP_MAX_BYTES);
    const parse = vi.spyOn(JSON, "parse");

    const result = await readBackup(huge, repository);

    expect(result).toEqual({
      ok: false,
      problem: {
        code: "too-large",
        bytes: (Math.floor(BACKUP_MAX_BYTES / 3) + 1) * 3,
        maxBytes: BACKUP_MAX_BYTES,
      },
    });
    expect(parse).not.toHaveBeenCalled();
    expect(await state()).toStrictEqual(before);
  });

  it("drops snapshots it cannot read, lists them with the reason, and imports the rest", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan("plan-9");
    const good = {
      id: "snap-good",
      planId: "plan-9",
      createdAt: T1,
      kind: "named",
      name: "Gut",
      schemaVersion: 1,
      document: plan,
    };
    const file = {
      ...validBackup([{ plan }]),
      snapshots: [
        good,
        { ...good, id: "snap-newer", document: { ...plan, schemaVersion: 5 } },
        { ...good, id: "snap-broken", document: { ...plan, variantOrder: [] } },
        { ...good, id: 17 },
        null,
      ],
    };

    const preview = await readOk(JSON.stringify(file), repository);

    expect(preview.snapshots).toStrictEqual([good]);
    expect(preview.droppedSnapshots).toEqual([
      {
        id: "snap-newer",
        problem: {
          code: "newer-version",
          path: ["document", "schemaVersion"],
          versions: { found: 5, supported: 1 },
        },
      },
      { id: "snap-broken", problem: { code: "no-variant", path: ["document", "variantOrder"] } },
      { id: "17", problem: { code: "expected-text", path: ["id"] } },
      { id: "#5", problem: { code: "expected-object", path: [] } },
    ]);
    await applyBackup(preview, repository, noConflictExpected, (p) => p.name, IMPORTED_AT);
    expect((await repository.db.snapshots.toArray()).map((s) => s.id)).toEqual(["snap-good"]);
  });

  it("does not import snapshots of plans that are not in the backup", async () => {
    const { repository } = freshRepository();
    const plan = standardPlan("plan-9");
    const snapshot = (id: string, planId: string) => ({
      id,
      planId,
      createdAt: T1,
      kind: "auto",
      name: "",
      schemaVersion: 1,
      document: { ...plan, id: planId },
    });
    const file = {
      ...validBackup([{ plan }]),
      snapshots: [snapshot("s1", "plan-9"), snapshot("s2", "elsewhere")],
    };

    await applyBackup(
      await readOk(JSON.stringify(file), repository),
      repository,
      noConflictExpected,
      (p) => p.name,
      IMPORTED_AT,
    );

    expect((await repository.db.snapshots.toArray()).map((s) => s.id)).toEqual(["s1"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Trash state of imported plans

describe("restoring a backup whose plans were in the trash when it was made", () => {
  const LONG_AGO = "2020-01-01T00:00:00.000Z";

  /** A backup holding `plan-1` (trashed long ago in the backup's browser) and a new trashed plan. */
  async function oldTrashBackup() {
    const source = freshRepository().repository;
    await source.savePlanFull(standardPlan("plan-1"));
    await source.savePlanFull(standardPlan("plan-old"));
    await source.trashPlan("plan-1", LONG_AGO);
    await source.trashPlan("plan-old", LONG_AGO);
    return backupText(source);
  }

  it("'replace' of our open plan keeps it in the plan list, and the next start's purge removes nothing, the safety snapshot included", async () => {
    const { repository } = freshRepository();
    const ours = edit(standardPlan("plan-1"), { type: "plan/patch", patch: { name: "Unser Stand" } });
    await repository.savePlanFull(ours);
    // The workspace takes this snapshot of the open plan before every import.
    const safety = await repository.addSnapshot(ours, "before-risky", "import", IMPORTED_AT);
    const preview = await readOk(await oldTrashBackup(), repository);
    expect(preview.plans.map((p) => [p.plan.id, p.trashed, p.exists, p.existsInTrash])).toEqual([
      ["plan-1", true, true, false],
      ["plan-old", true, false, false],
    ]);

    await applyBackup(
      preview,
      repository,
      () => "replace",
      () => "unused",
      IMPORTED_AT,
    );

    expect((await repository.listPlans()).map((row) => row.id)).toEqual(["plan-1"]);
    expect(await repository.loadPlan("plan-1")).toStrictEqual(standardPlan("plan-1"));
    // The other one is in our trash, from the time of the import: 30 days from now, not from 2020.
    expect((await repository.listTrash()).map((row) => [row.id, row.deletedAt])).toEqual([
      ["plan-old", IMPORTED_AT],
    ]);
    const nextStart = new Date(Date.parse(IMPORTED_AT) + 60_000);
    expect(await repository.purgeTrash(nextStart)).toEqual([]);
    expect(await repository.listSnapshots("plan-1")).toStrictEqual([safety]);
    expect(await repository.loadPlan("plan-old")).toStrictEqual(standardPlan("plan-old"));
  });

  it("'replace' of a plan in our trash leaves it there, its 30 days starting with the import", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan("plan-1"));
    await repository.trashPlan("plan-1", LONG_AGO);
    const preview = await readOk(await oldTrashBackup(), repository);

    await applyBackup(
      preview,
      repository,
      () => "replace",
      () => "unused",
      IMPORTED_AT,
    );

    expect((await repository.listTrash()).map((row) => [row.id, row.deletedAt])).toEqual([
      ["plan-1", IMPORTED_AT],
      ["plan-old", IMPORTED_AT],
    ]);
  });

  it("a plan that was not in the backup's trash replaces ours in the plan list, also when ours is in the trash", async () => {
    const source = freshRepository().repository;
    await source.savePlanFull(standardPlan("plan-1"));
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan("plan-1"));
    await repository.trashPlan("plan-1", T2);

    await applyBackup(
      await readOk(await backupText(source), repository),
      repository,
      () => "replace",
      () => "unused",
      IMPORTED_AT,
    );

    expect((await repository.listPlans()).map((row) => row.id)).toEqual(["plan-1"]);
    expect(await repository.listTrash()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// What a backup holds when storage and memory differ

describe("the backup offered when storage fails", () => {
  it("holds the open plan as this tab has it in memory, with the other plans as stored", async () => {
    const { repository } = freshRepository();
    const stored = standardPlan("plan-1");
    await repository.savePlanFull(stored);
    await repository.savePlanFull(standardPlan("plan-2"));
    // 60 areas more in memory, which storage (full) never got.
    let inMemory = stored;
    for (let i = 0; i < 60; i++) {
      inMemory = edit(inMemory, {
        type: "area/put",
        variantId: v1,
        area: buildArea({ id: `new-${i}`, x: i % 10, y: 5 + Math.floor(i / 10) }),
      });
    }

    const file = await createBackup(repository, NOW, GENERATOR, { current: inMemory });

    expect(file.plans.map((entry) => entry.plan.id)).toEqual(["plan-1", "plan-2"]);
    expect(file.plans[0]?.plan).toStrictEqual(inMemory);
    expect(file.plans[1]?.plan).toStrictEqual(standardPlan("plan-2"));
    const target = freshRepository().repository;
    const preview = await readOk(JSON.stringify(file), target);
    expect(preview.plans[0]?.plan.variants.v1?.areaOrder).toHaveLength(63);
  });

  it("adds the open plan when storage does not have it at all", async () => {
    const { repository } = freshRepository();
    await repository.savePlanFull(standardPlan("plan-2"));

    const file = await createBackup(repository, NOW, GENERATOR, { current: standardPlan("never-stored") });

    expect(file.plans.map((entry) => entry.plan.id)).toEqual(["plan-2", "never-stored"]);
  });

  it("keeps a damaged stored plan as stored, lists it, and the backup still reads (without it)", async () => {
    const { repository, db } = freshRepository();
    await repository.savePlanFull(standardPlan("good"));
    await repository.savePlanFull(standardPlan("broken"));
    const row = await db.areas.get(["broken", "v1", "a1"]);
    await db.areas.put({
      ...(row as NonNullable<typeof row>),
      area: { ...(row?.area as PilotArea), geometry: { type: "Polygon", coordinates: [] } },
    });

    const file = await createBackup(repository, NOW, GENERATOR);

    expect(file.plans.map((entry) => entry.plan.id)).toEqual(["good"]);
    expect(file.damaged).toMatchObject([
      {
        id: "broken",
        name: "Pilotgebiete 2025",
        problem: {
          code: "polygon-without-rings",
          path: ["variants", "v1", "areas", "a1", "geometry", "coordinates"],
        },
      },
    ]);
    const preview = await readOk(JSON.stringify(file), freshRepository().repository);
    expect(preview.plans.map((p) => p.plan.id)).toEqual(["good"]);
    expect(preview.damagedPlans).toEqual(["Pilotgebiete 2025"]);
  });
});
