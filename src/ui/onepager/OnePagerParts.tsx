/**
 * What both one-pagers (of an area and of a variant) share: the heading with plan, variant and time,
 * the facts of an area, and the sources and licences of the layers the page draws on.
 */
import { useTranslation } from "react-i18next";
import type { AreaAnalysis } from "../../domain/analysis/analysis-result.ts";
import { type GeneratedCatalogue, populationEntries } from "../../domain/model/catalogue.ts";
import type { PilotArea } from "../../domain/model/plan.ts";
import { formatDateTime, type Language } from "../../i18n/index.ts";
import { SourcesList } from "../share/SourcesList.tsx";

/** The translate function as the pages pass it around. */
export type T = (key: string, values?: Record<string, unknown>) => string;

/** Title, and plan, variant and the figures' time below it. */
export function Heading({
  title,
  planName,
  variant,
  time,
}: {
  title: string;
  planName: string;
  variant: string;
  time?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <header>
      <h1>{title}</h1>
      <p className="onepager-subtitle">
        {t("share.onepager.subtitle", {
          plan: planName,
          variant,
          time: formatDateTime(time ?? new Date().toISOString(), language),
        })}
      </p>
    </header>
  );
}

/** The layers the page's figures and map draw on: base layers plus the facility layers counted. */
export function usedLayerIds(
  catalogue: GeneratedCatalogue,
  facilities: AreaAnalysis["facilities"],
  citeComparison = false,
): Set<string> {
  // Residents come from the current census; the comparison grid is cited only where its figures show.
  const comparison = citeComparison ? undefined : populationEntries(catalogue).comparison?.id;
  const ids = new Set(
    catalogue.entries
      .filter((e) => ["boundary", "reference-areas", "population", "basemap-points"].includes(e.kind))
      .filter((e) => e.id !== comparison)
      .map((e) => e.id),
  );
  for (const f of facilities) if (f.inside.count > 0 || (f.near[0]?.count ?? 0) > 0) ids.add(f.layerId);
  return ids;
}

/** Sources and licences of the layers `ids`. */
export function Sources({ catalogue, ids }: { catalogue: GeneratedCatalogue; ids: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <section className="onepager-sources-section">
      <h2>{t("share.onepager.sources")}</h2>
      <div className="onepager-sources">
        <SourcesList catalogue={catalogue} ids={ids} testId="onepager-sources" />
      </div>
    </section>
  );
}

/** A list joined with commas, or "none". */
export const listOr = (items: string[], t: T) =>
  items.length > 0 ? items.join(", ") : t("share.onepager.none");

/** An area's fields, partners, status and notes. */
export function Facts({ area }: { area: PilotArea }) {
  const { t } = useTranslation();
  return (
    <dl className="onepager-facts" data-testid="onepager-facts">
      <dt>{t("share.onepager.fields")}</dt>
      <dd>
        {listOr(
          area.fields.map((f) => t(`layers.fields.${f}`)),
          t,
        )}
      </dd>
      <dt>{t("share.onepager.partners")}</dt>
      <dd>{listOr(area.partners, t)}</dd>
      <dt>{t("share.onepager.status")}</dt>
      <dd>{t(`attributes.statuses.${area.status}`)}</dd>
      <dt>{t("share.onepager.notes")}</dt>
      <dd>{area.notes.trim() !== "" ? area.notes : t("share.onepager.none")}</dd>
    </dl>
  );
}
