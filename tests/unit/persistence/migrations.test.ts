/**
 * migrateDocument and checkPlanShape, the migration mechanism (with synthetic migrations), and the
 * meta-test that every real migration in MIGRATIONS has a fixture that exercised it.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkPlanShape,
  MIGRATIONS,
  type Migration,
  migrateDocument,
  type RawDocument,
} from "../../../src/domain/migrations/index.ts";
import { PLAN_SCHEMA_VERSION } from "../../../src/domain/model/plan.ts";
import { deepFreeze } from "../domain/changes/plan-fixtures.ts";
import {
  type CallCount,
  checkMigrationCoverage,
  checkMigrationList,
  exerciseMigration,
  FIXTURES_DIR,
  type MigrationFixture,
  migrationFixtureFromFiles,
  readFixture,
  tracked,
} from "./migration-harness.ts";

/** A fresh copy of the version-1 fixture document. */
const v1 = (): RawDocument => readFixture("plan-v1.json");

// biome-ignore lint/suspicious/noExplicitAny: the tests break documents in every way, so they are untyped.
type Doc = Record<string, any>;
const firstVariant = (doc: Doc): Doc => doc.variants[doc.variantOrder[0]];
const firstArea = (doc: Doc): Doc => firstVariant(doc).areas[firstVariant(doc).areaOrder[0]];
const firstAreaId = (doc: Doc): string => firstVariant(doc).areaOrder[0];

/** Calls `fn` on every area of a document; used by the synthetic migrations. */
function mapAreas(document: RawDocument, fn: (area: Doc) => Doc): RawDocument {
  const doc = document as Doc;
  const variants: Doc = {};
  for (const [variantId, variant] of Object.entries(doc.variants as Doc)) {
    const areas: Doc = {};
    for (const [areaId, area] of Object.entries(variant.areas as Doc)) areas[areaId] = fn(area);
    variants[variantId] = { ...variant, areas };
  }
  return { ...doc, variants };
}

/** Synthetic 1 → 2: an area's colour moves into `style.fill`. */
const areaStyle: Migration = {
  id: "001-area-style",
  from: 1,
  up: (document) => mapAreas(document, ({ colour, ...area }) => ({ ...area, style: { fill: colour } })),
  down: (document) => mapAreas(document, ({ style, ...area }) => ({ ...area, colour: style.fill })),
};

/** Synthetic 2 → 3: the plan gets a list of tags. */
const planTags: Migration = {
  id: "002-plan-tags",
  from: 2,
  up: (document) => ({ ...document, tags: [] }),
  down: ({ tags: _tags, ...document }) => document,
};

describe("migrateDocument refuses what is not a plan document", () => {
  for (const [what, raw] of [
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "plan"],
    ["a boolean", true],
    ["an array", [v1()]],
  ] as const) {
    it(`refuses ${what}`, () => {
      expect(migrateDocument(raw)).toEqual({ ok: false, error: "not a plan document" });
    });
  }

  for (const [what, schemaVersion] of [
    ["missing", undefined],
    ["a string", "1"],
    ["zero", 0],
    ["negative", -1],
    ["not an integer", 1.5],
    ["NaN", Number.NaN],
    ["null", null],
  ] as const) {
    it(`refuses a document whose schemaVersion is ${what}`, () => {
      const doc = v1();
      if (schemaVersion === undefined) delete doc.schemaVersion;
      else doc.schemaVersion = schemaVersion;

      expect(migrateDocument(doc)).toEqual({ ok: false, error: "schema version missing" });
    });
  }

  it("refuses a document from a newer version, naming both versions", () => {
    const doc = { ...v1(), schemaVersion: PLAN_SCHEMA_VERSION + 1 };

    expect(migrateDocument(doc)).toEqual({
      ok: false,
      error: `document is from a newer version (${PLAN_SCHEMA_VERSION + 1} > ${PLAN_SCHEMA_VERSION}); update Pilotkarte`,
    });
  });
});

describe("checkPlanShape", () => {
  const cases: [string, (doc: Doc) => void, string | ((doc: Doc) => string)][] = [
    ["the plan id is missing", (d) => delete d.id, "plan id missing"],
    ["the plan id is empty", (d) => (d.id = ""), "plan id missing"],
    ["the plan id is a number", (d) => (d.id = 7), "plan id missing"],
    ["the plan name is missing", (d) => delete d.name, "plan name missing"],
    ["variantOrder is missing", (d) => delete d.variantOrder, "variantOrder is not a list of ids"],
    ["variantOrder holds a number", (d) => d.variantOrder.push(3), "variantOrder is not a list of ids"],
    ["variants is missing", (d) => delete d.variants, "variants missing"],
    ["variants is an array", (d) => (d.variants = [firstVariant(d)]), "variants missing"],
    ["variants is null", (d) => (d.variants = null), "variants missing"],
    [
      "the plan has no variant",
      (d) => {
        d.variantOrder = [];
        d.variants = {};
      },
      "plan has no variant",
    ],
    ["a listed variant is missing", (d) => (d.variantOrder[1] = "gone"), "variant gone missing"],
    [
      "a variant has no areaOrder",
      (d) => delete firstVariant(d).areaOrder,
      (d) => `variant ${d.variantOrder[0]} is malformed`,
    ],
    [
      "a variant's areas is an array",
      (d) => (firstVariant(d).areas = []),
      (d) => `variant ${d.variantOrder[0]} is malformed`,
    ],
    [
      "a variant has more areas than its order lists",
      (d) => firstVariant(d).areaOrder.pop(),
      (d) => `variant ${d.variantOrder[0]}: areas and order differ`,
    ],
    [
      "an order entry names an area that is not there (same count)",
      (d) => (firstVariant(d).areaOrder[1] = "ghost"),
      "area ghost missing",
    ],
    [
      "an area record holds an area with another id",
      (d) => (firstArea(d).id = "someone-else"),
      (d) => `area ${firstAreaId(d)} has a different id`,
    ],
    [
      "an area has no geometry",
      (d) => delete firstArea(d).geometry,
      (d) => `area ${firstAreaId(d)} has no polygon geometry`,
    ],
    [
      "an area's geometry is a line",
      (d) =>
        (firstArea(d).geometry = {
          type: "LineString",
          coordinates: [
            [7.4, 51.5],
            [7.5, 51.5],
          ],
        }),
      (d) => `area ${firstAreaId(d)} has no polygon geometry`,
    ],
    [
      "an area's polygon has no coordinates",
      (d) => delete firstArea(d).geometry.coordinates,
      (d) => `area ${firstAreaId(d)} has no coordinates`,
    ],
    [
      "an area's name is not text",
      (d) => (firstArea(d).name = null),
      (d) => `area ${firstAreaId(d)} has malformed attributes`,
    ],
    [
      "an area's fields are not a list of text",
      (d) => (firstArea(d).fields = "energie"),
      (d) => `area ${firstAreaId(d)} has malformed attributes`,
    ],
    [
      "an area has no partners list",
      (d) => delete firstArea(d).partners,
      (d) => `area ${firstAreaId(d)} has malformed attributes`,
    ],
    [
      "variantOrder lists a variant twice",
      (d) => (d.variantOrder = [d.variantOrder[0], d.variantOrder[0]]),
      "variantOrder lists a variant twice",
    ],
    ["a variant record is not in variantOrder", (d) => d.variantOrder.pop(), "variants and order differ"],
    [
      "an area is listed twice in a variant's order while another is left out",
      (d) => (firstVariant(d).areaOrder = [firstAreaId(d), firstAreaId(d)]),
      (d) => `variant ${d.variantOrder[0]} lists an area twice`,
    ],
  ];

  for (const [what, breakIt, expected] of cases) {
    it(`reports a problem when ${what}, and migrateDocument refuses the document with it`, () => {
      const doc = v1() as Doc;
      breakIt(doc);
      const error = typeof expected === "function" ? expected(v1() as Doc) : expected;

      expect(checkPlanShape(doc)).toBe(error);
      expect(migrateDocument(doc)).toEqual({ ok: false, error });
    });
  }

  it("finds no problem in the version-1 fixture", () => {
    expect(checkPlanShape(v1())).toBeNull();
  });

  it("accepts a variant without areas", () => {
    const doc = v1() as Doc;
    firstVariant(doc).areaOrder = [];
    firstVariant(doc).areas = {};

    expect(checkPlanShape(doc)).toBeNull();
  });
});

describe("migrateDocument on current documents", () => {
  it("accepts a valid version-1 document unchanged, as a copy", () => {
    const raw = deepFreeze(v1());

    const result = migrateDocument(raw);

    expect(result).toStrictEqual({ ok: true, plan: v1(), migratedFrom: 1 });
    expect(result.ok && result.plan).not.toBe(raw);
  });

  it(`has a fixture document for every schema version from 1 to ${PLAN_SCHEMA_VERSION}, each of which migrates to the current version`, () => {
    for (let version = 1; version <= PLAN_SCHEMA_VERSION; version++) {
      const file = `plan-v${version}.json`;
      expect(existsSync(`${FIXTURES_DIR}${file}`), `${file} is missing`).toBe(true);
      const doc = readFixture(file);
      expect(doc.schemaVersion).toBe(version);

      const result = migrateDocument(doc);

      expect(result).toMatchObject({
        ok: true,
        migratedFrom: version,
        plan: { schemaVersion: PLAN_SCHEMA_VERSION },
      });
    }
  });
});

describe("the migration mechanism, with synthetic migrations", () => {
  const v2Fixture = () => readFixture("synthetic/plan-v2-area-style.json");

  it("runs a 1 → 2 migration to the given target; down then restores the version-1 document exactly", () => {
    const raw = deepFreeze(v1());

    const result = migrateDocument(raw, [areaStyle], 2);

    expect(result).toStrictEqual({ ok: true, plan: v2Fixture(), migratedFrom: 1 });
    if (!result.ok) return;
    const down = { ...areaStyle.down(result.plan as unknown as RawDocument), schemaVersion: 1 };
    expect(down).toStrictEqual(v1());
  });

  it("applies the migrations in order of `from` whatever their order in the list, each once", () => {
    const calls = new Map<string, CallCount>();

    const result = migrateDocument(v1(), [tracked(planTags, calls), tracked(areaStyle, calls)], 3);

    expect(result).toStrictEqual({
      ok: true,
      plan: { ...v2Fixture(), schemaVersion: 3, tags: [] },
      migratedFrom: 1,
    });
    expect(Object.fromEntries(calls)).toEqual({
      "001-area-style": { up: 1, down: 0 },
      "002-plan-tags": { up: 1, down: 0 },
    });
  });

  it("starts at the document's own version: a version-2 document only runs the 2 → 3 migration", () => {
    const calls = new Map<string, CallCount>();

    const result = migrateDocument(v2Fixture(), [tracked(areaStyle, calls), tracked(planTags, calls)], 3);

    expect(result).toMatchObject({ ok: true, migratedFrom: 2, plan: { schemaVersion: 3, tags: [] } });
    expect([...calls.keys()]).toEqual(["002-plan-tags"]);
  });

  it("sets schemaVersion after every step, even when the migration does not", () => {
    const forgetful: Migration = { ...planTags, from: 1, up: (document) => ({ ...document, tags: ["x"] }) };

    const result = migrateDocument(v1(), [forgetful], 2);

    expect(result).toMatchObject({ ok: true, plan: { schemaVersion: 2, tags: ["x"] } });
  });

  it("reports a gap in the chain instead of skipping a version", () => {
    expect(migrateDocument(v1(), [areaStyle], 3)).toEqual({
      ok: false,
      error: "no migration from version 2",
    });
    expect(migrateDocument(v1(), [planTags], 3)).toEqual({ ok: false, error: "no migration from version 1" });
  });

  it("checks the shape after migrating: a migration that breaks the document is refused", () => {
    const breaking: Migration = { ...areaStyle, up: ({ name: _name, ...document }) => document };

    expect(migrateDocument(v1(), [breaking], 2)).toEqual({ ok: false, error: "plan name missing" });
  });

  it("never changes the caller's document, even when a migration writes into its input", () => {
    const raw = deepFreeze(v1());
    const inPlace: Migration = {
      ...planTags,
      from: 1,
      up: (document) => {
        document.name = "überschrieben";
        return document;
      },
    };

    const result = migrateDocument(raw, [inPlace], 2);

    expect(result).toMatchObject({ ok: true, plan: { name: "überschrieben" } });
    expect(raw).toStrictEqual(v1());
  });
});

describe("the fixture harness", () => {
  const fixtures: Record<string, MigrationFixture> = {
    "001-area-style": { before: v1(), after: readFixture("synthetic/plan-v2-area-style.json") },
  };
  const fixtureFor = (id: string) => fixtures[id] ?? null;

  it("passes a migration whose fixture round-trips, and records that up and down ran", () => {
    const { problems, calls } = checkMigrationCoverage([areaStyle], fixtureFor);

    expect(problems).toEqual([]);
    expect(calls.get("001-area-style")).toEqual({ up: 1, down: 2 });
  });

  it("reports a migration that has no fixture", () => {
    expect(checkMigrationCoverage([areaStyle, planTags], fixtureFor).problems).toEqual([
      "002-plan-tags: no fixture (migrations/002-plan-tags.before.json and .after.json)",
      "002-plan-tags: not exercised by a fixture",
    ]);
  });

  it("reports a migration whose down loses data", () => {
    const lossy: Migration = {
      ...areaStyle,
      down: (document) => mapAreas(document, ({ style: _s, ...a }) => a),
    };

    expect(exerciseMigration(lossy, fixtures["001-area-style"] as MigrationFixture)).toEqual([
      "001-area-style: down(after) does not restore before",
      "001-area-style: down(up(before)) loses data",
    ]);
  });

  it("reports a migration whose up does not give the after fixture", () => {
    const wrong: Migration = {
      ...areaStyle,
      up: (document) => mapAreas(areaStyle.up(document), (area) => ({ ...area, extra: 1 })),
    };

    expect(exerciseMigration(wrong, fixtures["001-area-style"] as MigrationFixture)).toEqual([
      "001-area-style: up(before) differs from after",
      "001-area-style: down(up(before)) loses data",
    ]);
  });

  it("reports a migration that throws on its fixture, and fixtures at the wrong versions", () => {
    const swapped = { before: fixtures["001-area-style"]?.after, after: fixtures["001-area-style"]?.before };

    const problems = exerciseMigration(areaStyle, swapped as MigrationFixture);

    expect(problems.slice(0, 2)).toEqual([
      "001-area-style: before fixture is not at version 1",
      "001-area-style: after fixture is not at version 2",
    ]);
    expect(problems).toContain(
      "001-area-style: down(after) threw TypeError: Cannot read properties of undefined (reading 'fill')",
    );
  });

  it("reports list problems: duplicate ids, bad names, gaps, and a list that does not reach the schema version", () => {
    expect(checkMigrationList([areaStyle, planTags], 3)).toEqual([]);
    expect(checkMigrationList([], 1)).toEqual([]);
    expect(checkMigrationList([areaStyle, { ...planTags, id: "001-area-style" }], 3)).toEqual([
      "duplicate ids: 001-area-style",
    ]);
    expect(checkMigrationList([{ ...areaStyle, id: "AreaStyle" }], 2)).toEqual([
      'id AreaStyle is not "NNN-what-it-does"',
    ]);
    expect(checkMigrationList([planTags], 2)).toEqual(["from values [2] should be [1]"]);
    expect(checkMigrationList([areaStyle], 3)).toEqual(["from values [1] should be [1,2]"]);
    expect(checkMigrationList([], 2)).toEqual(["from values [] should be [1]"]);
  });
});

describe("the real MIGRATIONS list", () => {
  it(`is consistent: unique "NNN-what-it-does" ids, and from = 1, 2, … up to PLAN_SCHEMA_VERSION - 1 (${PLAN_SCHEMA_VERSION - 1})`, () => {
    expect(checkMigrationList(MIGRATIONS, PLAN_SCHEMA_VERSION)).toEqual([]);
    expect(MIGRATIONS).toHaveLength(PLAN_SCHEMA_VERSION - 1);
    expect(MIGRATIONS.at(-1)?.from ?? 0).toBe(PLAN_SCHEMA_VERSION - 1);
  });

  it("every migration has a fixture test that exercised both its up and its down", () => {
    const { problems, calls } = checkMigrationCoverage(MIGRATIONS, migrationFixtureFromFiles);

    expect(problems).toEqual([]);
    expect([...calls.keys()]).toEqual(MIGRATIONS.map((migration) => migration.id));
    for (const migration of MIGRATIONS) {
      expect(calls.get(migration.id)?.up, migration.id).toBeGreaterThan(0);
      expect(calls.get(migration.id)?.down, migration.id).toBeGreaterThan(0);
    }
  });

  it("the chain of real migrations brings the oldest fixture to the current version", () => {
    const calls = new Map<string, CallCount>();

    const result = migrateDocument(
      readFixture("plan-v1.json"),
      MIGRATIONS.map((migration) => tracked(migration, calls)),
    );

    expect(result).toMatchObject({ ok: true, migratedFrom: 1, plan: { schemaVersion: PLAN_SCHEMA_VERSION } });
    expect([...calls.keys()]).toEqual(MIGRATIONS.map((migration) => migration.id));
  });
});
