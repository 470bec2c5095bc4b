/**
 * Facilities inside the area and within walking distance, per layer: the one table of them. In the
 * results panel a layer opens to list the facilities inside by name (asked from the analysis worker
 * when opened); on the printed one-pager (`print`) only layers with facilities are listed, each with
 * its categories inline.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AreaAnalysis, FacilityCount } from "../../domain/analysis/analysis-result.ts";
import type { CatalogueEntry, GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import type { FacilityDetail } from "../../workers/analysis.worker.ts";
import { analysisClient } from "../use-analysis.ts";
import { Source } from "./CoverageFigure.tsx";
import type { T } from "./coverage-format.ts";

/** Facilities per layer, inside the area and within walking distance. */
export function FacilitiesTable({
  analysis,
  catalogue,
  print = false,
}: {
  analysis: AreaAnalysis;
  catalogue: GeneratedCatalogue;
  /** The one-pager's table: no caption, no explanation, no opening rows, empty layers left out. */
  print?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const entry = (id: string) => catalogue.entries.find((e) => e.id === id);
  const near = analysis.facilities[0]?.near[0]?.distanceM ?? 300;
  const rows = print
    ? analysis.facilities.filter((f) => f.inside.count > 0 || (f.near[0]?.count ?? 0) > 0)
    : analysis.facilities;
  if (print && rows.length === 0) return <p>{t("share.onepager.noFacilities")}</p>;
  return (
    <table className="data-table" data-testid={print ? "onepager-facilities" : "facilities-table"}>
      {!print && <caption>{t("coverage.facilities")}</caption>}
      <thead>
        <tr>
          <th scope="col">{t("coverage.layer")}</th>
          <th scope="col" className="num">
            {t("coverage.inside")}
          </th>
          <th scope="col" className="num">
            {t("coverage.near", { m: near })}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) =>
          print ? (
            <PrintedFacilityRow key={f.layerId} facility={f} entry={entry(f.layerId)} language={language} />
          ) : (
            <FacilityRow key={f.layerId} facility={f} entry={entry(f.layerId)} language={language} t={t} />
          ),
        )}
      </tbody>
      {!print && (
        <tfoot>
          <tr>
            <td colSpan={3} className="small muted">
              {t("coverage.explain.facilities", { m: near })}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** "Kita: 3 · Grundschule: 2", the named categories of the facilities inside. */
function categoriesText(facility: FacilityCount, language: Language): string {
  return Object.entries(facility.inside.byCategory)
    .filter(([name]) => name !== "")
    .map(([name, n]) => `${name}: ${formatNumber(n, language)}`)
    .join(" · ");
}

function Counts({ facility, language }: { facility: FacilityCount; language: Language }) {
  return (
    <>
      <td className="num">{formatNumber(facility.inside.count, language)}</td>
      <td className="num">{formatNumber(facility.near[0]?.count ?? 0, language)}</td>
    </>
  );
}

function PrintedFacilityRow({
  facility,
  entry,
  language,
}: {
  facility: FacilityCount;
  entry: CatalogueEntry | undefined;
  language: Language;
}) {
  const categories = categoriesText(facility, language);
  return (
    <tr>
      <th scope="row">
        {entry?.title[language] ?? facility.layerId}
        {categories && <span className="small muted"> ({categories})</span>}
      </th>
      <Counts facility={facility} language={language} />
    </tr>
  );
}

function FacilityRow({
  facility,
  entry,
  language,
  t,
}: {
  facility: FacilityCount;
  entry: CatalogueEntry | undefined;
  language: Language;
  t: T;
}) {
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<FacilityDetail[] | null>(null);
  const ids = facility.inside.ids;
  useEffect(() => {
    if (!open || ids.length === 0) return;
    let cancelled = false;
    analysisClient()
      ?.call((api) => api.describeFacilities(facility.layerId, ids.slice(0, 200)))
      .then((found) => {
        if (!cancelled) setDetails(found);
      })
      .catch(() => {
        if (!cancelled) setDetails([]);
      });
    return () => {
      cancelled = true;
    };
  }, [open, ids, facility.layerId]);
  const title = entry?.title[language] ?? facility.layerId;
  const categories = categoriesText(facility, language);
  return (
    <>
      <tr>
        <th scope="row">
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            disabled={facility.inside.count === 0}
          >
            {title}
          </button>
        </th>
        <Counts facility={facility} language={language} />
      </tr>
      {open && (
        <tr className="explain-row">
          <td colSpan={3}>
            {categories && <p className="small">{categories}</p>}
            {details === null ? (
              <p className="muted small">{t("coverage.computing")}</p>
            ) : (
              <ul className="facility-names" data-testid={`facility-names-${facility.layerId}`}>
                {details.map((d) => (
                  <li key={d.id}>
                    {d.name || t("coverage.explain.unnamed")}
                    {d.address && <span className="muted"> · {d.address}</span>}
                  </li>
                ))}
                {ids.length > details.length && (
                  <li className="muted">{t("coverage.explain.more", { n: ids.length - details.length })}</li>
                )}
              </ul>
            )}
            <Source entry={entry} language={language} t={t} />
          </td>
        </tr>
      )}
    </>
  );
}
