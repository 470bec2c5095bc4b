/** A coverage figure that opens to explain itself, and the source line its explanation ends with. */
import type { ReactNode } from "react";
import type { CatalogueEntry } from "../../domain/model/catalogue.ts";
import type { Language } from "../../i18n/index.ts";
import { dataDate, type T } from "./coverage-format.ts";

/** A figure that opens to explain itself (a native disclosure: keyboard and screen readers work). */
export function Figure({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <details className="figure" data-testid={testId}>
      <summary>
        <span className="figure-label">{label}</span>
        <span className="figure-value">{value}</span>
      </summary>
      <div className="figure-explain">{children}</div>
    </details>
  );
}

/** Title, credit, date and licence of a layer the figure was computed from. */
export function Source({
  entry,
  language,
  t,
}: {
  entry: CatalogueEntry | undefined;
  language: Language;
  t: T;
}) {
  if (!entry) return null;
  return (
    <p className="source small">
      {t("coverage.explain.source", {
        title: entry.title[language],
        credit: entry.credit,
        date: dataDate(entry, language),
        licence: entry.licence.name,
      })}
    </p>
  );
}
