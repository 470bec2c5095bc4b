/**
 * Formatting of the compare view's figures: values by the indicator's unit (areas in hectares so the
 * columns compare at a glance, residents rounded to tens as everywhere, counts as they are) and
 * differences with an explicit sign ("+12,5 ha", "−3", "±0"). Pure, over the i18n number helpers.
 */
import type { IndicatorUnit } from "../../domain/workshop/indicator-matrix.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";

const MINUS = "\u2212";

/** Hectares with one decimal (two below 10 ha, where a tenth is a large share). */
function hectares(m2: number, language: Language): string {
  const ha = m2 / 10_000;
  return `${formatNumber(ha, language, Math.abs(ha) < 10 ? 2 : 1)}\u00a0ha`;
}

/** The number of a value without its sign, in the unit's format. */
function magnitude(value: number, unit: IndicatorUnit, language: Language): string {
  const absolute = Math.abs(value);
  switch (unit) {
    case "m2":
      return hectares(absolute, language);
    case "residents":
      return formatResidents(absolute, language);
    case "count":
      return formatNumber(absolute, language);
  }
}

/** A value in its unit: "123,4 ha", "12.340", "7". */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, language: Language): string {
  return value < 0 ? `${MINUS}${magnitude(value, unit, language)}` : magnitude(value, unit, language);
}

/**
 * A difference with its sign. A difference that the unit's rounding shows as zero ("+0 ha" would be
 * confusing) is written "±0", as is an exact zero.
 */
export function formatDelta(delta: number, unit: IndicatorUnit, language: Language): string {
  const text = magnitude(delta, unit, language);
  if (delta === 0 || !/[1-9]/.test(text)) return `±${magnitude(0, unit, language)}`;
  return `${delta > 0 ? "+" : MINUS}${text}`;
}

/** A relative difference as a signed percentage: "+12 %", "−3,5 %". */
export function formatRelativeDelta(share: number, language: Language): string {
  const percent = share * 100;
  const decimals = Math.abs(percent) < 10 ? 1 : 0;
  const text = formatNumber(Math.abs(percent), language, decimals);
  if (!/[1-9]/.test(text)) return `±0\u00a0%`;
  return `${percent > 0 ? "+" : MINUS}${text}\u00a0%`;
}
