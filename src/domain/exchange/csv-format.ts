/**
 * Writing CSV that spreadsheets open correctly: two dialects (German Excel: ";" and decimal comma;
 * international: "," and decimal point), both UTF-8 with a byte order mark (Excel reads UTF-8 only with
 * it) and CRLF line ends, quoted per RFC 4180.
 *
 * In the German dialect, text holding a comma is quoted as well (see {@link csvCell}).
 *
 * Text cells that start with = + - @ tab or CR get a leading apostrophe, so that a spreadsheet shows
 * them as text instead of running them as a formula (CSV injection, OWASP). Numbers are never changed.
 */

export type CsvDialect = "de" | "intl";

interface DialectRules {
  separator: string;
  decimal: string;
}

const DIALECTS: Readonly<Record<CsvDialect, DialectRules>> = {
  de: { separator: ";", decimal: "," },
  intl: { separator: ",", decimal: "." },
};

/** Characters a spreadsheet takes as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made harmless for spreadsheets (see the module comment). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: text guarded and quoted when needed, numbers with the dialect's decimal mark, null empty. */
export function csvCell(value: string | number | null | undefined, dialect: CsvDialect): string {
  const { separator, decimal } = DIALECTS[dialect];
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    // Plain notation without thousands separators; toString never uses exponents for these figures.
    const text = String(value);
    return decimal === "." ? text : text.replace(".", decimal);
  }
  const guarded = guardFormula(value);
  // In the German dialect a text holding "," is quoted too: GDAL's CSV driver (and other sniffers)
  // guess the separator from the header line and take "," when both "," and ";" appear unquoted.
  const needsQuotes =
    guarded.includes(separator) ||
    (dialect === "de" && guarded.includes(",")) ||
    guarded.includes('"') ||
    guarded.includes("\n") ||
    guarded.includes("\r");
  return needsQuotes ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A whole CSV file: header and rows, BOM first, CRLF after every line. */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  dialect: CsvDialect,
): Uint8Array {
  const { separator } = DIALECTS[dialect];
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, dialect)).join(separator));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}
