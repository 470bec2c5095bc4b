/**
 * What a validator reports: one problem with a code the UI translates and the place where it was
 * found. Validators never throw on bad input and never produce UI wording (the domain speaks no
 * language); `code` is the key of a German and an English message (`validation.codes.*`).
 *
 * The schemas (valibot) carry these codes as their issue messages, so {@link problemOf} can turn the
 * first issue valibot reports into a problem without a lookup table.
 */
import type * as v from "valibot";

/** Every problem a validator can report. Part of the UI's message keys: DO NOT RENAME. */
export const VALIDATION_CODES = [
  /** A required part is missing. */
  "missing",
  /** A value should be an object (a record with named parts). */
  "expected-object",
  /** A value should be a list. */
  "expected-list",
  /** A value should be text. */
  "expected-text",
  /** A value should be a number (text such as "7.46" is refused, as is NaN). */
  "expected-number",
  /** A number is infinite. */
  "not-finite",
  /** A number should be a whole number. */
  "expected-integer",
  /** A value is not one of the allowed ones (status, alliance field, kind of snapshot, …). */
  "unknown-value",
  /** An id is empty or too long. */
  "invalid-id",
  /** A time is not an ISO 8601 date and time. */
  "invalid-timestamp",
  /** A colour is not "#rrggbb". */
  "invalid-colour",
  /** Text or a list is longer than allowed. */
  "too-long",
  /** The geometry is neither a Polygon nor a MultiPolygon. */
  "geometry-type",
  /** A position has fewer than two or more than three numbers. */
  "position-length",
  /** A longitude beyond ±180° or a latitude beyond ±90°. */
  "position-out-of-range",
  /** A ring has fewer than four positions (a triangle needs four: the first comes again at the end). */
  "ring-too-short",
  /** A ring does not end where it starts. */
  "ring-not-closed",
  /** A polygon without any ring. */
  "polygon-without-rings",
  /** A MultiPolygon without any polygon. */
  "multipolygon-empty",
  /** More vertices than one area may have ({@link MAX_AREA_VERTICES}). */
  "too-many-vertices",
  /** The plan lists no variant. */
  "no-variant",
  /** An order list and the records it orders disagree (one is missing from the other). */
  "order-mismatch",
  /** An order list names the same id twice. */
  "listed-twice",
  /** A record is filed under another id than its own. */
  "id-mismatch",
  /** The document has no usable schema version. */
  "schema-version",
  /** The document comes from a newer version of Pilotkarte. */
  "newer-version",
  /** No migration leads from the document's version to the current one. */
  "no-migration",
  /** Anything else that does not have the expected shape. */
  "malformed",
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** Most vertices of one pilot area (as many as one feature of an import may have). */
export const MAX_AREA_VERTICES = 100_000;

/** One problem: what (code) and where (the path of keys and indexes into the checked value). */
export interface ValidationProblem {
  code: ValidationCode;
  /** Keys and list indexes from the checked value down to the offending part; empty for the whole. */
  path: (string | number)[];
  /** For a newer document: its version and the newest this app reads. */
  versions?: { found: number; supported: number };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problem: ValidationProblem };

const isCode = (message: string): message is ValidationCode =>
  (VALIDATION_CODES as readonly string[]).includes(message);

/** The first issue valibot reported, as a problem ("malformed" for an issue without one of our codes). */
export function problemOf(issues: readonly v.BaseIssue<unknown>[]): ValidationProblem {
  const issue = issues[0];
  const path = (issue?.path ?? []).map((item) => {
    const key = (item as { key?: unknown }).key;
    return typeof key === "number" ? key : String(key);
  });
  // A required key that is absent is reported by the object around it, with the object's message.
  if (issue?.type === "object" && issue.input === undefined && path.length > 0)
    return { code: "missing", path };
  const message = issue?.message ?? "";
  return { code: isCode(message) ? message : "malformed", path };
}

/** A path for people who need to find the place in the file: `variants › v1 › areas › a1 › geometry`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === "number" ? `[${part}]` : part)).join(" › ");
}

/** A problem as one line of technical text (logs, the command line, error causes): `ring-not-closed at …`. */
export function describeProblem(problem: ValidationProblem): string {
  const where = problem.path.length > 0 ? ` at ${formatPath(problem.path)}` : "";
  const versions = problem.versions ? ` (${problem.versions.found} > ${problem.versions.supported})` : "";
  return `${problem.code}${versions}${where}`;
}
