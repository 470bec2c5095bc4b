/**
 * The envelope of the one-file backup (`pilotkarte-backup`) and of its snapshots. The plan documents
 * inside are left `unknown` here: each goes through `migrateDocument` (which ends in the plan schema),
 * so that an old document is migrated before it is checked, and so that the problem names the plan.
 */
import * as v from "valibot";
import { TimestampSchema } from "./plan.schema.ts";
import { problemOf, type Validated } from "./validation-problem.ts";

export const BACKUP_FORMAT = "pilotkarte-backup";

/** What `readBackup` needs before it looks at any plan. Unknown keys are ignored. */
export const BackupEnvelopeSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, "unknown-value"),
    version: v.pipe(v.number("expected-number"), v.integer("expected-integer")),
    exportedAt: v.optional(v.string("expected-text"), ""),
    plans: v.array(
      v.object(
        {
          plan: v.unknown(),
          /** Set when the plan was in the trash of the browser that made the backup. */
          deletedAt: v.optional(TimestampSchema),
        },
        "expected-object",
      ),
      "expected-list",
    ),
    snapshots: v.optional(v.array(v.unknown(), "expected-list"), []),
    /** Plans the backup's browser could not read, kept as stored; never imported. */
    damaged: v.optional(v.array(v.unknown(), "expected-list"), []),
  },
  "expected-object",
);

export type BackupEnvelope = v.InferOutput<typeof BackupEnvelopeSchema>;

export const SNAPSHOT_KINDS = ["auto", "named", "before-risky"] as const;

/** A snapshot row as a backup carries it; its document is checked like a plan. */
export const SnapshotEnvelopeSchema = v.object(
  {
    id: v.pipe(v.string("expected-text"), v.minLength(1, "invalid-id"), v.maxLength(200, "invalid-id")),
    planId: v.pipe(v.string("expected-text"), v.minLength(1, "invalid-id"), v.maxLength(200, "invalid-id")),
    createdAt: TimestampSchema,
    kind: v.picklist(SNAPSHOT_KINDS, "unknown-value"),
    name: v.string("expected-text"),
    document: v.unknown(),
  },
  "expected-object",
);

export type SnapshotEnvelope = v.InferOutput<typeof SnapshotEnvelopeSchema>;

/** A backup file's envelope, checked (the plans inside are not yet). */
export function parseBackupEnvelope(raw: unknown): Validated<BackupEnvelope> {
  const result = v.safeParse(BackupEnvelopeSchema, raw, { abortEarly: true });
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problem: problemOf(result.issues) };
}

/** A snapshot of a backup, checked (its document is not yet). */
export function parseSnapshotEnvelope(raw: unknown): Validated<SnapshotEnvelope> {
  const result = v.safeParse(SnapshotEnvelopeSchema, raw, { abortEarly: true });
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problem: problemOf(result.issues) };
}
