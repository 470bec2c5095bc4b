/**
 * How the coverage figures are written: shares as percent, signed changes, residents as the range
 * of the two methods, a source's data date, and the plain-language summary for screen readers.
 */
import type { AreaAnalysis, ResidentsEstimate } from "../../domain/analysis/analysis-result.ts";
import type { CatalogueEntry } from "../../domain/model/catalogue.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { formatAreaM2 } from "../Toolbar.tsx";

/** The translate function as the panels pass it around. */
export type T = (key: string, values?: Record<string, unknown>) => string;

/** A share as percent: one decimal below 10 %, none above ("4,2 %", "35 %"). */
export const percent = (share: number, language: Language) =>
  `${formatNumber(share * 100, language, share < 0.1 ? 1 : 0)}\u00a0%`;

/** A change with its sign: "+1,2 ha", "−3", "±0". */
export const signed = (value: number, text: string) =>
  value > 0 ? `+${text}` : value < 0 ? `−${text}` : "±0";

/** The data date without a leading "Stand"/"as of" (the message says it already). */
export const dataDate = (entry: CatalogueEntry | undefined, language: Language) =>
  (entry?.dataDate[language] ?? "").replace(/^(Stand|as of)\s+/i, "");

/** One sentence for screen readers: area, residents (range) and the district most covered. */
export function summarySentence(analysis: AreaAnalysis, name: string, language: Language, t: T): string {
  const finest = analysis.levels.find((l) => l.level === "stadtbezirk") ?? analysis.levels[0];
  const top = finest?.districts.slice().sort((a, b) => b.intersectionM2 - a.intersectionM2)[0];
  // The range of the two methods, never a midpoint that neither method produced.
  const low = formatResidents(analysis.residents?.low ?? 0, language);
  const high = formatResidents(analysis.residents?.high ?? 0, language);
  const area = formatAreaM2(analysis.areaM2, language);
  const year = analysis.residents?.figures[0]?.dataYear ?? "";
  return top
    ? t("coverage.summary", {
        name,
        area,
        low,
        high,
        year,
        top: t("coverage.topDistrict", { share: percent(top.shareOfDistrict, language), district: top.name }),
      })
    : t("coverage.summaryNoDistrict", { name, area, low, high, year });
}

/** Residents as the planner reads them: the range of the two methods ("13.900 – 16.130"). */
export function residentsRange(residents: ResidentsEstimate | null, language: Language, t: T): string {
  if (!residents) return "–";
  return t("coverage.residentsRange", {
    low: formatResidents(residents.low, language),
    high: formatResidents(residents.high, language),
  });
}
