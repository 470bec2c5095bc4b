/**
 * The fixture harness for plan migrations.
 *
 * Every migration `id` in MIGRATIONS needs two fixture documents in
 * `tests/fixtures/persistence/migrations/`: `<id>.before.json` (a document at version `from`) and
 * `<id>.after.json` (the same document at version `from + 1`). The harness runs `up` on the first and
 * `down` on the second through wrappers that count the calls, so the meta-test can tell that each
 * migration was really exercised, not merely listed.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Migration, RawDocument } from "../../../src/domain/migrations/index.ts";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/persistence/", import.meta.url));

export function readFixture(relativePath: string): RawDocument {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}${relativePath}`, "utf8")) as RawDocument;
}

export interface MigrationFixture {
  before: RawDocument;
  after: RawDocument;
}

/** The fixture pair for a migration from `tests/fixtures/persistence/migrations/`, or null if missing. */
export function migrationFixtureFromFiles(id: string): MigrationFixture | null {
  const before = `migrations/${id}.before.json`;
  const after = `migrations/${id}.after.json`;
  if (!existsSync(`${FIXTURES_DIR}${before}`) || !existsSync(`${FIXTURES_DIR}${after}`)) return null;
  return { before: readFixture(before), after: readFixture(after) };
}

export interface CallCount {
  up: number;
  down: number;
}

/** A copy of `migration` whose up and down count their calls in `calls` under the migration's id. */
export function tracked(migration: Migration, calls: Map<string, CallCount>): Migration {
  const count = (): CallCount => {
    const entry = calls.get(migration.id) ?? { up: 0, down: 0 };
    calls.set(migration.id, entry);
    return entry;
  };
  return {
    ...migration,
    up: (document) => {
      count().up++;
      return migration.up(document);
    },
    down: (document) => {
      count().down++;
      return migration.down(document);
    },
  };
}

/**
 * Runs one migration over its fixture: `up(before)` must give `after` and `down(after)` must give
 * `before` back exactly (the harness sets `schemaVersion`, as migrateDocument does). Returns the
 * problems found; the inputs are cloned, so a migration that writes into its input is not caught out
 * by a shared fixture.
 */
export function exerciseMigration(migration: Migration, fixture: MigrationFixture): string[] {
  const problems: string[] = [];
  const { id, from } = migration;
  if (fixture.before.schemaVersion !== from) problems.push(`${id}: before fixture is not at version ${from}`);
  if (fixture.after.schemaVersion !== from + 1)
    problems.push(`${id}: after fixture is not at version ${from + 1}`);
  const run = (step: string, fn: () => RawDocument): RawDocument | undefined => {
    try {
      return fn();
    } catch (error) {
      problems.push(`${id}: ${step} threw ${String(error)}`);
      return undefined;
    }
  };
  const up = run("up(before)", () => ({
    ...migration.up(structuredClone(fixture.before)),
    schemaVersion: from + 1,
  }));
  if (up && !isDeepStrictEqual(up, fixture.after)) problems.push(`${id}: up(before) differs from after`);
  const down = run("down(after)", () => ({
    ...migration.down(structuredClone(fixture.after)),
    schemaVersion: from,
  }));
  if (down && !isDeepStrictEqual(down, fixture.before))
    problems.push(`${id}: down(after) does not restore before`);
  const roundTrip = up && run("down(up(before))", () => ({ ...migration.down(up), schemaVersion: from }));
  if (roundTrip && !isDeepStrictEqual(roundTrip, fixture.before))
    problems.push(`${id}: down(up(before)) loses data`);
  return problems;
}

/**
 * The meta-check: every migration has a fixture, the fixture passes, and running it called both `up`
 * and `down` of that very migration. Returns the problems (empty when all is well).
 */
export function checkMigrationCoverage(
  migrations: readonly Migration[],
  fixtureFor: (id: string) => MigrationFixture | null,
): { problems: string[]; calls: Map<string, CallCount> } {
  const problems: string[] = [];
  const calls = new Map<string, CallCount>();
  for (const migration of migrations) {
    const fixture = fixtureFor(migration.id);
    if (!fixture) {
      problems.push(`${migration.id}: no fixture (migrations/${migration.id}.before.json and .after.json)`);
      continue;
    }
    problems.push(...exerciseMigration(tracked(migration, calls), fixture));
  }
  for (const migration of migrations) {
    const count = calls.get(migration.id);
    if (!count || count.up === 0 || count.down === 0)
      problems.push(`${migration.id}: not exercised by a fixture`);
  }
  return { problems, calls };
}

/** The list rules: unique ids named "NNN-what-it-does", `from` = 1, 2, … up to `schemaVersion - 1`. */
export function checkMigrationList(migrations: readonly Migration[], schemaVersion: number): string[] {
  const problems: string[] = [];
  const ids = migrations.map((m) => m.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) problems.push(`duplicate ids: ${duplicates.join(", ")}`);
  for (const id of ids)
    if (!/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`id ${id} is not "NNN-what-it-does"`);
  const froms = migrations.map((m) => m.from);
  const expected = Array.from({ length: Math.max(0, schemaVersion - 1) }, (_, i) => i + 1);
  if (!isDeepStrictEqual(froms, expected)) {
    problems.push(`from values ${JSON.stringify(froms)} should be ${JSON.stringify(expected)}`);
  }
  return problems;
}
