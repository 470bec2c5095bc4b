/**
 * The import dialog's texts for what a file brings: feature names (or "Gebiet N" for unnamed ones),
 * the reader's problems, features left out and values not taken over, with their numbers in the UI's
 * format. Everything from the file is passed to React as text only.
 */
import { useTranslation } from "react-i18next";
import type { DroppedFeature, FeatureAttributeIssue, ImportProblem } from "../../domain/exchange/index.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";

/** Numbers among a message's parameters in the UI's format (1.234.567). */
function formatParams(params: Record<string, unknown>, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "number") out[key] = formatNumber(value, language);
    else if (typeof value === "string") out[key] = value;
  }
  return out;
}

/** The translate function, the UI language and the texts above. */
export function useImportTexts() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const nameOf = (feature: { index: number; name: string | null }) =>
    feature.name ?? t("exchange.unnamedArea", { n: feature.index + 1 });
  const problemText = (problem: ImportProblem) => {
    const { code, ...params } = problem;
    // The parser could not say where the syntax error is.
    if (problem.code === "invalid-json" && problem.position < 0)
      return t("exchange.problems.invalid-json-somewhere");
    return t(`exchange.problems.${code}`, formatParams(params, language));
  };
  const droppedText = (d: DroppedFeature) =>
    t("exchange.report.item", {
      name: nameOf(d),
      n: d.index + 1,
      message: t(`exchange.dropped.${d.reason}`, formatParams(d.params ?? {}, language)),
    });
  const issueText = (issue: FeatureAttributeIssue) =>
    t("exchange.report.item", {
      name: nameOf(issue),
      n: issue.index + 1,
      message: t(`exchange.attributeIssues.${issue.code}`, { key: issue.key, value: issue.value }),
    });
  /** "N more" under a list cut short, or nothing. */
  const more = (total: number, shown: number) =>
    total > shown ? t("exchange.import.more", { count: formatNumber(total - shown, language) }) : null;
  return { t, language, nameOf, problemText, droppedText, issueText, more };
}
