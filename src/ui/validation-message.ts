/** A validator's problem (`src/domain/validation/`) in the planner's language, with where it was found. */
import {
  formatPath,
  MAX_AREA_VERTICES,
  type ValidationProblem,
} from "../domain/validation/validation-problem.ts";
import { formatNumber, type Language } from "../i18n/index.ts";

type T = (key: string, values?: Record<string, unknown>) => string;

/** e.g. "ein Ring endet nicht an seinem Anfangspunkt (Stelle: variants › v1 › areas › a1 › …)". */
export function problemText(t: T, language: Language, problem: ValidationProblem): string {
  const what = t(`validation.codes.${problem.code}`, {
    max: formatNumber(MAX_AREA_VERTICES, language),
    found: problem.versions?.found ?? "",
    supported: problem.versions?.supported ?? "",
  });
  return problem.path.length > 0
    ? `${what} (${t("validation.at", { path: formatPath(problem.path) })})`
    : what;
}
