/**
 * Sources and licences behind the figures and the map (every layer but the context areas): title,
 * credit, licence and data date, as text; licence names link to the licence where it is known.
 */
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Language } from "../../i18n/index.ts";

export function SourcesList({
  catalogue,
  extraCredits = [],
  testId,
}: {
  catalogue: GeneratedCatalogue;
  /** Further credit lines (e.g. the map's basemap) not in the catalogue. */
  extraCredits?: string[];
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const entries = catalogue.entries.filter((e) => e.kind !== "context-areas");
  const credits = new Set(entries.map((e) => e.credit));
  return (
    <ul className="share-sources" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <strong>{entry.title[language]}</strong>: {entry.credit} ·{" "}
          {entry.licence.url ? (
            <a href={entry.licence.url} target="_blank" rel="noopener noreferrer">
              {entry.licence.name}
            </a>
          ) : (
            entry.licence.name
          )}{" "}
          · {entry.dataDate[language]}
        </li>
      ))}
      {extraCredits
        .filter((c) => !credits.has(c))
        .map((credit) => (
          <li key={credit}>{credit}</li>
        ))}
    </ul>
  );
}
