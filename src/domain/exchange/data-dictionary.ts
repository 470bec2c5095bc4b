/**
 * The data dictionary that travels with every export: one entry per column with its name (and the
 * Shapefile's 10-character name), a readable label, what it means, its unit and where the values come
 * from, in the export's language. GeoJSON carries it in its `metadata` member, GeoPackage as the
 * attribute table {@link DICTIONARY_TABLE}, the Shapefile zip as a text file ({@link dictionaryFileName}).
 */
import type { LocalisedText } from "../model/catalogue.ts";
import type { ExportLanguage } from "./attribute-labels.ts";
import type { ColumnSource, ColumnType, ExportColumn } from "./export-column.ts";
import type { ExportInput, ExportLayer } from "./export-input.ts";

/** One column described. */
export interface DictionaryEntry {
  /** Name in GeoJSON, GeoPackage and the international CSV. */
  column: string;
  /** Name in the Shapefile's .dbf (at most 10 characters). */
  shapefileName: string;
  /** Readable name (the German CSV's header in a German export). */
  label: string;
  type: ColumnType;
  description: string;
  /** Unit, or null where none applies. */
  unit: string | null;
  source: string;
}

/** Name of the GeoPackage's dictionary table. */
export const DICTIONARY_TABLE = "pilot_areas_dictionary";

/** Name of the dictionary's text file in the Shapefile zip. */
export function dictionaryFileName(language: ExportLanguage): string {
  return language === "de" ? "DATENBESCHREIBUNG.txt" : "DATA-DICTIONARY.txt";
}

/** Credits when the caller passed no catalogue layers (tests, an export without figures). */
const FALLBACK_CREDITS = {
  census: "© Statistische Ämter des Bundes und der Länder, Zensus",
  addresses: "Datenquelle: Stadt Dortmund",
  districts: "Datenquelle: Stadt Dortmund",
};

function layerOf(input: Pick<ExportInput, "layers">, match: (layer: ExportLayer) => boolean) {
  return input.layers?.find(match) ?? null;
}

/** "credit – data date" of a layer in a language, or the fallback credit. */
function credited(layer: ExportLayer | null, fallback: string, language: ExportLanguage): string {
  if (!layer) return fallback;
  const date = layer.dataDate?.[language];
  return date ? `${layer.credit} – ${date}` : layer.credit;
}

function sourceText(
  source: ColumnSource,
  input: Pick<ExportInput, "layers">,
  language: ExportLanguage,
): string {
  const de = language === "de";
  // The grid of the column's census year (default: the current one, listed first by the catalogue).
  const year = source.kind === "census" || source.kind === "census-addresses" ? (source.year ?? 2022) : 2022;
  const grid =
    layerOf(input, (l) => l.kind === "population" && l.censusYear === year) ??
    layerOf(input, (l) => l.kind === "population");
  const census = credited(grid, FALLBACK_CREDITS.census, language);
  switch (source.kind) {
    case "plan":
      return de ? "Pilotkarte: Angabe der Planenden" : "Pilotkarte: entered by the planners";
    case "geometry":
      return de ? "Pilotkarte: aus der Geometrie berechnet" : "Pilotkarte: computed from the geometry";
    case "census":
      return de
        ? `Zensus-${year}-Raster (1 km): ${census}; berechnet von Pilotkarte`
        : `Census ${year} grid (1 km): ${census}; computed by Pilotkarte`;
    case "census-addresses": {
      const addresses = credited(
        layerOf(input, (l) => l.kind === "basemap-points"),
        FALLBACK_CREDITS.addresses,
        language,
      );
      return de
        ? `Zensus-${year}-Raster (1 km): ${census}; Adresspunkte: ${addresses}; berechnet von Pilotkarte`
        : `Census ${year} grid (1 km): ${census}; address points: ${addresses}; computed by Pilotkarte`;
    }
    case "districts": {
      const districts = credited(
        layerOf(input, (l) => l.kind === "reference-areas"),
        FALLBACK_CREDITS.districts,
        language,
      );
      return de
        ? `Bezirksgrenzen: ${districts}; Anteile berechnet von Pilotkarte`
        : `District boundaries: ${districts}; shares computed by Pilotkarte`;
    }
    case "facilities": {
      const layer = layerOf(input, (l) => l.id === source.layerId);
      const title = layer?.title[language] ?? source.layerId;
      const credit = layer ? credited(layer, layer.credit, language) : "";
      const where = credit ? `${title}: ${credit}` : title;
      return de ? `${where}; gezählt von Pilotkarte` : `${where}; counted by Pilotkarte`;
    }
  }
}

const say = (text: LocalisedText | null, language: ExportLanguage) => (text ? text[language] : null);

/** The dictionary of an export's columns, in the export's language. */
export function dataDictionary(
  input: Pick<ExportInput, "layers" | "language">,
  columns: readonly ExportColumn[],
): DictionaryEntry[] {
  const language = input.language;
  return columns.map((column) => ({
    column: column.key,
    shapefileName: column.shapefileName,
    label: column.label[language],
    type: column.type,
    description: column.meaning[language],
    unit: say(column.unit, language),
    source: sourceText(column.source, input, language),
  }));
}

const TYPE_WORDS: Readonly<Record<ExportLanguage, Record<ColumnType, string>>> = {
  de: { text: "Text", integer: "Ganzzahl", real: "Kommazahl" },
  en: { text: "text", integer: "integer", real: "real number" },
};

/**
 * The dictionary as a text file (for the Shapefile zip): a heading, then one block per column with
 * its Shapefile name first. CRLF line ends, as the readme beside it.
 */
export function dictionaryText(
  input: Pick<ExportInput, "language" | "plan" | "variant" | "appVersion" | "exportedAt">,
  entries: readonly DictionaryEntry[],
): string {
  const de = input.language === "de";
  const lines = [
    de
      ? `Datenbeschreibung – Pilotkarte ${input.appVersion}, Export vom ${input.exportedAt}`
      : `Data dictionary – Pilotkarte ${input.appVersion}, export of ${input.exportedAt}`,
    `${de ? "Plan" : "Plan"}: ${input.plan.name}${input.variant ? ` – ${de ? "Variante" : "variant"}: ${input.variant.name}` : ""}`,
    de
      ? "Je Spalte: Name im Shapefile (höchstens 10 Zeichen), voller Name (GeoJSON, GeoPackage, CSV international), Bezeichnung, Typ, Bedeutung, Einheit, Quelle. Leere Zellen: kein Wert."
      : "Per column: name in the Shapefile (at most 10 characters), full name (GeoJSON, GeoPackage, international CSV), label, type, meaning, unit, source. Empty cells: no value.",
    "",
  ];
  for (const entry of entries) {
    lines.push(
      `${entry.shapefileName} = ${entry.column}`,
      `  ${de ? "Bezeichnung" : "Label"}: ${entry.label}`,
      `  ${de ? "Typ" : "Type"}: ${TYPE_WORDS[input.language][entry.type]}`,
      `  ${de ? "Bedeutung" : "Meaning"}: ${entry.description}`,
      `  ${de ? "Einheit" : "Unit"}: ${entry.unit ?? "–"}`,
      `  ${de ? "Quelle" : "Source"}: ${entry.source}`,
      "",
    );
  }
  return lines.join("\r\n");
}
