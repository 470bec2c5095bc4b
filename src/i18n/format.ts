/**
 * Number and unit formatting for the UI: German formats by default (1.234,5 km²), English on switch.
 * Pure functions over Intl; no React.
 */
export type Language = "de" | "en";

const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(language: Language, min: number, max: number): Intl.NumberFormat {
  const key = `${language}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[language], { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/** Formats a number with a fixed number of decimals: formatNumber(1234.5, "de", 1) → "1.234,5". */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  return formatter(language, decimals, decimals).format(value);
}

/** An area given in km², in km² with two decimals: "13,71 km²". */
export function formatKm2(km2: number, language: Language): string {
  return `${formatNumber(km2, language, km2 < 10 ? 2 : 1)}\u00a0km²`;
}

/** An area given in km², in hectares: "1.371,0 ha". */
export function formatHa(km2: number, language: Language): string {
  return `${formatNumber(km2 * 100, language, 1)}\u00a0ha`;
}

/** Residents are estimates: rounded to tens (and shown with "rund" / "about" by the caller). */
export function formatResidents(value: number, language: Language): string {
  return formatNumber(Math.round(value / 10) * 10, language);
}

/** A date as the language writes it: 26.11.2026, 14:03 / 26/11/2026, 14:03. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}
