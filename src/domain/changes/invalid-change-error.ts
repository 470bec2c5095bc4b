/** Thrown when a change does not fit the plan it is applied to: a bug in the caller, not bad input. */
export class InvalidChangeError extends Error {
  override name = "InvalidChangeError";
}
