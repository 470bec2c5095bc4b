/**
 * Sources and licences behind the figures and the map, as text: layers with the same credit and
 * licence are grouped ("Kitas (Stand …), Spielplätze (…): Datenquelle: Stadt Dortmund · Datenlizenz
 * …"), licence names link to the licence. Without `ids`, every layer but the context areas.
 */
import "./SourcesList.css";
import { useTranslation } from "react-i18next";
import type { CatalogueEntry, GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Language } from "../../i18n/index.ts";

/** "Kitas, Spielplätze (2026); Stadtgrenze (Stand 06.05.2026)": titles grouped by their data date. */
function byDate(entries: CatalogueEntry[], language: Language): string {
  const dates = new Map<string, string[]>();
  for (const e of entries)
    dates.set(e.dataDate[language], [...(dates.get(e.dataDate[language]) ?? []), e.title[language]]);
  return [...dates].map(([date, titles]) => `${titles.join(", ")} (${date})`).join("; ");
}

export function SourcesList({
  catalogue,
  ids,
  extraCredits = [],
  testId,
}: {
  catalogue: GeneratedCatalogue;
  /** Only these layers (in catalogue order). */
  ids?: ReadonlySet<string>;
  /** Further credit lines (e.g. the map's basemap) not in the catalogue. */
  extraCredits?: string[];
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const entries = catalogue.entries.filter((e) => (ids ? ids.has(e.id) : e.kind !== "context-areas"));
  const groups = new Map<string, CatalogueEntry[]>();
  for (const entry of entries) {
    const key = `${entry.credit}\u0000${entry.licence.name}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const credits = new Set(entries.map((e) => e.credit));
  return (
    <ul className="share-sources" data-testid={testId}>
      {[...groups.values()].map((group) => {
        const first = group[0] as CatalogueEntry;
        return (
          <li key={first.id}>
            {byDate(group, language)}: <strong lang="de">{first.credit}</strong> ·{" "}
            {first.licence.url ? (
              <a
                href={first.licence.url}
                target="_blank"
                rel="noopener noreferrer"
                lang={first.licence.lang ?? "de"}
              >
                {first.licence.name}
              </a>
            ) : (
              <span lang={first.licence.lang ?? "de"}>{first.licence.name}</span>
            )}
          </li>
        );
      })}
      {extraCredits
        .filter((c) => !credits.has(c))
        .map((credit) => (
          <li key={credit} lang="de">
            {credit}
          </li>
        ))}
    </ul>
  );
}
