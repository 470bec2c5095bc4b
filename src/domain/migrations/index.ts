/**
 * Numbered migrations of the saved plan document, followed by the check (the plan schema) that a
 * document read from storage or a file has the shape the app relies on.
 *
 * A migration takes a document at version `from` to `from + 1` (`up`) and back (`down`); `down` exists
 * so that tests can prove each migration loses nothing. Add a migration as `NNN-what-it-does.migration.ts`,
 * list it in {@link MIGRATIONS}, bump PLAN_SCHEMA_VERSION, and add its fixture test.
 */
import * as v from "valibot";
import { PLAN_SCHEMA_VERSION, type Plan } from "../model/plan.ts";
import { PlanSchema } from "../validation/plan.schema.ts";
import { problemOf, type ValidationProblem } from "../validation/validation-problem.ts";

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** e.g. "001-add-area-origin". */
  id: string;
  from: number;
  up(document: RawDocument): RawDocument;
  down(document: RawDocument): RawDocument;
}

/** In order of `from`. Version 1 is the first saved format, so there is none yet. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; plan: Plan; migratedFrom: number }
  | { ok: false; problem: ValidationProblem };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const refuse = (problem: ValidationProblem): MigrationResult => ({ ok: false, problem });

/**
 * Brings a stored document to the current schema version and checks it against the plan schema
 * (`src/domain/validation/plan.schema.ts`, geometry included). Documents from a newer app version are
 * refused (they may hold data this version would drop). Never throws; the caller's document is never
 * changed, and the plan returned is a fresh copy.
 *
 * `schema` is the check after migrating; tests of the migration mechanism, whose made-up target
 * versions have other shapes, pass their own.
 */
export function migrateDocument(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target = PLAN_SCHEMA_VERSION,
  schema: v.GenericSchema<unknown, Plan> = PlanSchema,
): MigrationResult {
  if (!isObject(raw)) return refuse({ code: "expected-object", path: [] });
  const version = typeof raw.schemaVersion === "number" ? raw.schemaVersion : Number.NaN;
  if (!Number.isInteger(version) || version < 1)
    return refuse({ code: "schema-version", path: ["schemaVersion"] });
  if (version > target) {
    return refuse({
      code: "newer-version",
      path: ["schemaVersion"],
      versions: { found: version, supported: target },
    });
  }
  let document: unknown = raw;
  if (version < target) {
    // Migrations may write into their input: they get a copy.
    let migrating: RawDocument = structuredClone(raw);
    for (let from = version; from < target; from++) {
      const migration = migrations.find((m) => m.from === from);
      if (!migration) {
        return refuse({
          code: "no-migration",
          path: ["schemaVersion"],
          versions: { found: from, supported: target },
        });
      }
      migrating = { ...migration.up(migrating), schemaVersion: from + 1 };
    }
    document = migrating;
  }
  const checked = v.safeParse(schema, document, { abortEarly: true });
  if (!checked.success) return refuse(problemOf(checked.issues));
  return { ok: true, plan: checked.output, migratedFrom: version };
}
