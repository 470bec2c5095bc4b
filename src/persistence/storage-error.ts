/**
 * Storage errors with a code the UI can explain (quota, unavailable, …). Every store turns what goes
 * wrong underneath (Dexie and DOM errors, a document that fails the plan schema) into a
 * {@link StorageError}; callers never see a raw IndexedDB error.
 */
import type { ValidationProblem } from "../domain/validation/validation-problem.ts";

export type StorageErrorCode = "quota" | "unavailable" | "blocked" | "corrupt" | "unknown";

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown; problem?: ValidationProblem },
  ) {
    super(message, options);
    this.name = "StorageError";
    if (options?.problem) this.problem = options.problem;
  }

  /** For "corrupt": what the plan schema found wrong with the stored document. */
  readonly problem?: ValidationProblem;
}

/** Classifies a Dexie / DOM error (by name: Dexie's error classes are not needed for that). */
export function storageErrorOf(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string })?.name ?? "";
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? "";
  const message = (error as Error)?.message ?? String(error);
  if (name === "QuotaExceededError" || inner === "QuotaExceededError") {
    return new StorageError("quota", message, { cause: error });
  }
  if (name === "MissingAPIError" || name === "InvalidStateError" || name === "OpenFailedError") {
    return new StorageError("unavailable", message, { cause: error });
  }
  if (name === "DatabaseClosedError" || name === "VersionChangeError" || name === "BlockedError") {
    return new StorageError("blocked", message, { cause: error });
  }
  return new StorageError("unknown", message, { cause: error });
}

/** Runs a storage call, turning whatever it throws into a {@link StorageError}. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageErrorOf(error);
  }
}

/** The problem of a failed plan load, when the plan itself is damaged (not the storage). */
export function damageOf(error: unknown): ValidationProblem | null {
  return error instanceof StorageError && error.code === "corrupt" && error.problem ? error.problem : null;
}
