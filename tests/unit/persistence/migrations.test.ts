/**
 * migrateDocument and checkPlanShape, the migration mechanism (with synthetic migrations), and the
 * meta-test that every real migration in MIGRATIONS has a fixture that exercised it.
 */
import { existsSync } from "node:fs";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  MIGRATIONS,
  type Migration,
  migrateDocument,
  type RawDocument,
} from "../../../src/domain/migrations/index.ts";
import { PLAN_SCHEMA_VERSION, type Plan } from "../../../src/domain/model/plan.ts";
import {
  MAX_AREA_VERTICES,
  type ValidationCode,
  type ValidationProblem,
} from "../../../src/domain/validation/validation-problem.ts";
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

const refused = (problem: ValidationProblem) => ({ ok: false, problem });

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
      expect(migrateDocument(raw)).toEqual(refused({ code: "expected-object", path: [] }));
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

      expect(migrateDocument(doc)).toEqual(refused({ code: "schema-version", path: ["schemaVersion"] }));
    });
  }

  it("refuses a document from a newer version, naming both versions", () => {
    const doc = { ...v1(), schemaVersion: PLAN_SCHEMA_VERSION + 1 };

    expect(migrateDocument(doc)).toEqual(
      refused({
        code: "newer-version",
        path: ["schemaVersion"],
        versions: { found: PLAN_SCHEMA_VERSION + 1, supported: PLAN_SCHEMA_VERSION },
      }),
    );
  });
});

describe("the plan schema, through migrateDocument", () => {
  const firstVariantId = (d: Doc): string => d.variantOrder[0];
  const secondVariantId = (d: Doc): string => d.variantOrder[1];
  const inArea = (d: Doc, ...rest: (string | number)[]) => [
    "variants",
    firstVariantId(d),
    "areas",
    firstAreaId(d),
    ...rest,
  ];
  const ring = (d: Doc): unknown[] => firstArea(d).geometry.coordinates[0];
  const cases: [string, (doc: Doc) => void, ValidationCode, (doc: Doc) => (string | number)[]][] = [
    ["the plan id is missing", (d) => delete d.id, "missing", () => ["id"]],
    ["the plan id is empty", (d) => (d.id = ""), "invalid-id", () => ["id"]],
    ["the plan id is a number", (d) => (d.id = 7), "expected-text", () => ["id"]],
    ["the plan name is missing", (d) => delete d.name, "missing", () => ["name"]],
    [
      "the plan's time is not a time",
      (d) => (d.updatedAt = "gestern"),
      "invalid-timestamp",
      () => ["updatedAt"],
    ],
    ["variantOrder is missing", (d) => delete d.variantOrder, "missing", () => ["variantOrder"]],
    [
      "variantOrder holds a number",
      (d) => d.variantOrder.push(3),
      "expected-text",
      () => ["variantOrder", 2],
    ],
    ["variants is missing", (d) => delete d.variants, "missing", () => ["variants"]],
    ["variants is an array", (d) => (d.variants = [firstVariant(d)]), "expected-object", () => ["variants"]],
    ["variants is null", (d) => (d.variants = null), "expected-object", () => ["variants"]],
    [
      "the plan has no variant",
      (d) => {
        d.variantOrder = [];
        d.variants = {};
      },
      "no-variant",
      () => ["variantOrder"],
    ],
    [
      "a listed variant is missing",
      (d) => (d.variantOrder[1] = "gone"),
      "order-mismatch",
      () => ["variants", "gone"],
    ],
    [
      "a variant has no areaOrder",
      (d) => delete firstVariant(d).areaOrder,
      "missing",
      (d) => ["variants", firstVariantId(d), "areaOrder"],
    ],
    [
      "a variant's areas is an array",
      (d) => (firstVariant(d).areas = []),
      "expected-object",
      (d) => ["variants", firstVariantId(d), "areas"],
    ],
    [
      "a variant has more areas than its order lists",
      (d) => firstVariant(d).areaOrder.pop(),
      "order-mismatch",
      (d) => ["variants", firstVariantId(d), "areas", firstVariant(d).areaOrder.at(-1)],
    ],
    [
      "an order entry names an area that is not there (same count)",
      (d) => (firstVariant(d).areaOrder[1] = "ghost"),
      "order-mismatch",
      (d) => ["variants", firstVariantId(d), "areas", "ghost"],
    ],
    [
      "an area record holds an area with another id",
      (d) => (firstArea(d).id = "someone-else"),
      "id-mismatch",
      (d) => inArea(d, "id"),
    ],
    ["an area has no geometry", (d) => delete firstArea(d).geometry, "missing", (d) => inArea(d, "geometry")],
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
      "geometry-type",
      (d) => inArea(d, "geometry", "type"),
    ],
    [
      "an area's polygon has no coordinates",
      (d) => delete firstArea(d).geometry.coordinates,
      "missing",
      (d) => inArea(d, "geometry", "coordinates"),
    ],
    [
      "an area's polygon has no ring (coordinates: [])",
      (d) => (firstArea(d).geometry.coordinates = []),
      "polygon-without-rings",
      (d) => inArea(d, "geometry", "coordinates"),
    ],
    [
      "a ring is empty",
      (d) => (firstArea(d).geometry.coordinates = [[]]),
      "ring-too-short",
      (d) => inArea(d, "geometry", "coordinates", 0),
    ],
    [
      "a ring has three positions",
      (d) => (firstArea(d).geometry.coordinates[0] = ring(d).slice(-3)),
      "ring-too-short",
      (d) => inArea(d, "geometry", "coordinates", 0),
    ],
    [
      "a ring is not closed",
      (d) => ring(d).pop(),
      "ring-not-closed",
      (d) => inArea(d, "geometry", "coordinates", 0),
    ],
    [
      "a coordinate is text",
      (d) => (ring(d)[1] = ["7.46", "51.51"]),
      "expected-number",
      (d) => inArea(d, "geometry", "coordinates", 0, 1, 0),
    ],
    [
      "a coordinate is NaN",
      (d) => (ring(d)[2] = [Number.NaN, 51.5]),
      "expected-number",
      (d) => inArea(d, "geometry", "coordinates", 0, 2, 0),
    ],
    [
      "a coordinate is infinite",
      (d) => (ring(d)[2] = [7.4, Number.POSITIVE_INFINITY]),
      "not-finite",
      (d) => inArea(d, "geometry", "coordinates", 0, 2, 1),
    ],
    [
      "a latitude is beyond 90°",
      (d) => (ring(d)[1] = [7.4, 91]),
      "position-out-of-range",
      (d) => inArea(d, "geometry", "coordinates", 0, 1),
    ],
    [
      "a longitude is huge",
      (d) => (ring(d)[1] = [1e300, 51.5]),
      "position-out-of-range",
      (d) => inArea(d, "geometry", "coordinates", 0, 1),
    ],
    [
      "a position has one number",
      (d) => (ring(d)[1] = [7.4]),
      "position-length",
      (d) => inArea(d, "geometry", "coordinates", 0, 1),
    ],
    [
      "a position has four numbers",
      (d) => (ring(d)[1] = [7.4, 51.5, 0, 0]),
      "position-length",
      (d) => inArea(d, "geometry", "coordinates", 0, 1),
    ],
    [
      "a position is a number",
      (d) => (ring(d)[1] = 7.4),
      "expected-list",
      (d) => inArea(d, "geometry", "coordinates", 0, 1),
    ],
    [
      "an area has more vertices than allowed",
      (d) => {
        const big = Array.from({ length: MAX_AREA_VERTICES }, (_, i) => [
          7.4 + i * 1e-7,
          51.5 + (i % 2) * 1e-4,
        ]);
        big.push([...(big[0] as number[])]);
        firstArea(d).geometry.coordinates = [big];
      },
      "too-many-vertices",
      (d) => inArea(d, "geometry"),
    ],
    [
      "a MultiPolygon has no polygon",
      (d) => (firstArea(d).geometry = { type: "MultiPolygon", coordinates: [] }),
      "multipolygon-empty",
      (d) => inArea(d, "geometry", "coordinates"),
    ],
    [
      "an area's name is not text",
      (d) => (firstArea(d).name = null),
      "expected-text",
      (d) => inArea(d, "name"),
    ],
    [
      "an area's fields are not a list",
      (d) => (firstArea(d).fields = "energie"),
      "expected-list",
      (d) => inArea(d, "fields"),
    ],
    [
      "an area's field is unknown",
      (d) => (firstArea(d).fields = ["astrologie"]),
      "unknown-value",
      (d) => inArea(d, "fields", 0),
    ],
    [
      "an area has no partners list",
      (d) => delete firstArea(d).partners,
      "missing",
      (d) => inArea(d, "partners"),
    ],
    [
      "an area's status is unknown",
      (d) => (firstArea(d).status = "fertig"),
      "unknown-value",
      (d) => inArea(d, "status"),
    ],
    [
      "an area's colour is not #rrggbb",
      (d) => (firstArea(d).colour = "red"),
      "invalid-colour",
      (d) => inArea(d, "colour"),
    ],
    ["an area's origin is missing", (d) => delete firstArea(d).origin, "missing", (d) => inArea(d, "origin")],
    [
      "variantOrder lists a variant twice",
      (d) => (d.variantOrder = [d.variantOrder[0], d.variantOrder[0]]),
      "listed-twice",
      () => ["variantOrder"],
    ],
    [
      "a variant record is not in variantOrder",
      (d) => d.variantOrder.pop(),
      "order-mismatch",
      (d) => ["variants", secondVariantId(d)],
    ],
    [
      "an area is listed twice in a variant's order while another is left out",
      (d) => (firstVariant(d).areaOrder = [firstAreaId(d), firstAreaId(d)]),
      "listed-twice",
      (d) => ["variants", firstVariantId(d), "areaOrder"],
    ],
  ];

  for (const [what, breakIt, code, path] of cases) {
    it(`refuses the document when ${what}, naming the problem and where it is`, () => {
      const doc = v1() as Doc;
      breakIt(doc);

      expect(migrateDocument(doc)).toEqual(refused({ code, path: path(v1() as Doc) }));
    });
  }

  it("finds no problem in the version-1 fixture", () => {
    expect(migrateDocument(v1()).ok).toBe(true);
  });

  it("accepts a variant without areas", () => {
    const doc = v1() as Doc;
    firstVariant(doc).areaOrder = [];
    firstVariant(doc).areas = {};

    expect(migrateDocument(doc).ok).toBe(true);
  });

  it("accepts a position with a height, an area with a hole and a MultiPolygon", () => {
    const doc = v1() as Doc;
    const square = (x: number, y: number, size: number) => [
      [x, y, 120],
      [x + size, y, 120],
      [x + size, y + size, 120],
      [x, y + size, 120],
      [x, y, 120],
    ];
    firstArea(doc).geometry = {
      type: "MultiPolygon",
      coordinates: [
        [square(7.4, 51.5, 0.01), square(7.401, 51.501, 0.001).reverse()],
        [square(7.5, 51.5, 0.01)],
      ],
    };

    expect(migrateDocument(doc)).toMatchObject({ ok: true, plan: { id: doc.id } });
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

/**
 * The check after a synthetic migration: the made-up versions 2 and 3 have other shapes than the
 * plan schema (version 1), so only the plan's name is checked.
 */
const syntheticShape = v.custom<Plan>(
  (doc) => typeof (doc as { name?: unknown }).name === "string",
  "missing",
);

describe("the migration mechanism, with synthetic migrations", () => {
  const v2Fixture = () => readFixture("synthetic/plan-v2-area-style.json");

  it("runs a 1 → 2 migration to the given target; down then restores the version-1 document exactly", () => {
    const raw = deepFreeze(v1());

    const result = migrateDocument(raw, [areaStyle], 2, syntheticShape);

    expect(result).toStrictEqual({ ok: true, plan: v2Fixture(), migratedFrom: 1 });
    if (!result.ok) return;
    const down = { ...areaStyle.down(result.plan as unknown as RawDocument), schemaVersion: 1 };
    expect(down).toStrictEqual(v1());
  });

  it("applies the migrations in order of `from` whatever their order in the list, each once", () => {
    const calls = new Map<string, CallCount>();

    const result = migrateDocument(
      v1(),
      [tracked(planTags, calls), tracked(areaStyle, calls)],
      3,
      syntheticShape,
    );

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

    const result = migrateDocument(
      v2Fixture(),
      [tracked(areaStyle, calls), tracked(planTags, calls)],
      3,
      syntheticShape,
    );

    expect(result).toMatchObject({ ok: true, migratedFrom: 2, plan: { schemaVersion: 3, tags: [] } });
    expect([...calls.keys()]).toEqual(["002-plan-tags"]);
  });

  it("sets schemaVersion after every step, even when the migration does not", () => {
    const forgetful: Migration = { ...planTags, from: 1, up: (document) => ({ ...document, tags: ["x"] }) };

    const result = migrateDocument(v1(), [forgetful], 2, syntheticShape);

    expect(result).toMatchObject({ ok: true, plan: { schemaVersion: 2, tags: ["x"] } });
  });

  it("reports a gap in the chain instead of skipping a version", () => {
    expect(migrateDocument(v1(), [areaStyle], 3, syntheticShape)).toEqual(
      refused({ code: "no-migration", path: ["schemaVersion"], versions: { found: 2, supported: 3 } }),
    );
    expect(migrateDocument(v1(), [planTags], 3, syntheticShape)).toEqual(
      refused({ code: "no-migration", path: ["schemaVersion"], versions: { found: 1, supported: 3 } }),
    );
  });

  it("checks the shape after migrating: a migration that breaks the document is refused", () => {
    const breaking: Migration = { ...areaStyle, up: ({ name: _name, ...document }) => document };

    expect(migrateDocument(v1(), [breaking], 2, syntheticShape)).toEqual(
      refused({ code: "missing", path: [] }),
    );
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

    const result = migrateDocument(raw, [inPlace], 2, syntheticShape);

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
