/** All pilot areas of the active variant as a table: searchable, sortable, click to zoom and select. */
import "./AreaList.css";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { vertexCount } from "../domain/geometry/area-geometry-parts.ts";
import type { AreaGeometry, PilotArea, Variant } from "../domain/model/plan.ts";
import { validateAreaAttributes } from "../domain/model/validate-attributes.ts";
import type { Language } from "../i18n/index.ts";
import { zoomToGeometry } from "../map/map-commands.ts";
import { type AreaAnalysisRow, useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { formatAreaShortM2 } from "./Toolbar.tsx";
import { type Geodesic, useGeodesic } from "./use-geodesic.ts";

type SortKey = "name" | "status" | "area";

/** Geodesic areas by geometry object: an edit replaces only the edited area's geometry. */
const areaCache = new WeakMap<AreaGeometry, number>();

/**
 * Vertices measured on this thread per quarter second (about 35 ms of work). An import of hundreds of
 * large areas would otherwise hold the page for half a second, and a per-render limit is not enough:
 * each arriving analysis result renders the table again. Beyond it, a row shows "…" until the analysis
 * worker's figure for the same geometry arrives.
 */
const MEASURE_BUDGET_VERTICES = 20_000;
const MEASURE_WINDOW_MS = 250;
const measured = { since: Number.NEGATIVE_INFINITY, vertices: 0 };

function mayMeasure(vertices: number): boolean {
  const now = performance.now();
  if (now - measured.since > MEASURE_WINDOW_MS) {
    measured.since = now;
    measured.vertices = 0;
  }
  if (measured.vertices + vertices > MEASURE_BUDGET_VERTICES) return false;
  measured.vertices += vertices;
  return true;
}

/**
 * The area in m²: cached, from the analysis, measured here within the budget, or null (still to
 * come). Measured regardless when there is no analysis to wait for (it failed for this area or
 * altogether), once the geodesic module is there.
 */
function areaOf(
  area: PilotArea,
  analysed: AreaAnalysisRow | undefined,
  noAnalysis: boolean,
  geodesic: Geodesic | null,
): number | null {
  const { geometry } = area;
  let m2 = areaCache.get(geometry);
  if (m2 !== undefined) return m2;
  if (analysed?.geometry === geometry && analysed.analysis) m2 = analysed.analysis.areaM2;
  else if (geodesic && (noAnalysis || analysed?.error || mayMeasure(vertexCount(geometry))))
    m2 = geodesic.geodesicArea(geometry);
  else return null;
  areaCache.set(geometry, m2);
  return m2;
}

/** The variant's areas that match the search, with their sizes, in the order chosen. */
function areaRows(
  variant: Variant,
  analysed: Record<string, AreaAnalysisRow | undefined>,
  noAnalysis: boolean,
  geodesic: Geodesic | null,
  query: string,
  sort: { key: SortKey; ascending: boolean },
  language: Language,
) {
  const collator = new Intl.Collator(language === "de" ? "de-DE" : "en-GB", { numeric: true });
  const needle = query.trim().toLocaleLowerCase();
  const list = variant.areaOrder
    .map((id) => variant.areas[id])
    .filter((a): a is PilotArea => a !== undefined)
    .map((area) => ({ area, areaM2: areaOf(area, analysed[area.id], noAnalysis, geodesic) }))
    .filter(({ area }) =>
      needle === ""
        ? true
        : [area.name, area.notes, ...area.partners].some((s) => s.toLocaleLowerCase().includes(needle)),
    );
  list.sort((a, b) => {
    const order =
      sort.key === "area"
        ? (a.areaM2 ?? -1) - (b.areaM2 ?? -1)
        : sort.key === "status"
          ? collator.compare(a.area.status, b.area.status)
          : collator.compare(a.area.name, b.area.name);
    return sort.ascending ? order : -order;
  });
  return list;
}

export function AreaList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // The table follows the plan in a deferred (interruptible) render, so a change to a plan of hundreds
  // of areas never holds the main thread in one long task.
  const variant = useDeferredValue(useDocumentStore(selectActiveVariant));
  const analysed = useDeferredValue(useAnalysisStore((s) => s.byArea));
  // With no analysis running (not started, or failed), everything is measured here.
  const noAnalysis = useAnalysisStore((s) => s.status === "failed" || s.status === "idle");
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const selectPilotArea = useSessionStore((s) => s.selectPilotArea);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "name", ascending: true });

  const geodesic = useGeodesic(variant.areaOrder.length > 0);

  const rows = useMemo(
    () => areaRows(variant, analysed, noAnalysis, geodesic, query, sort, language),
    [variant, analysed, noAnalysis, geodesic, query, sort, language],
  );

  const header = (key: SortKey, label: string) => (
    <SortHeader column={key} label={label} sort={sort} onSort={setSort} />
  );

  // The rows as one memoised element: an urgent render with the old (deferred) plan reuses it as is.
  const tableBody = useMemo(
    () => (
      <tbody>
        {rows.map(({ area, areaM2 }) => (
          <tr
            key={area.id}
            aria-selected={area.id === selectedAreaId}
            className={area.id === selectedAreaId ? "selected" : ""}
          >
            <th scope="row">
              <button
                type="button"
                className="row-button"
                title={t("areas.zoomTo", { name: area.name })}
                onClick={() => {
                  selectPilotArea(area.id);
                  zoomToGeometry(area.geometry);
                }}
              >
                <span className="swatch" style={{ background: area.colour }} aria-hidden="true" />
                {area.name}
                {validateAreaAttributes(area).length > 0 && (
                  <span className="badge badge-warning">{t("attributes.incomplete")}</span>
                )}
              </button>
            </th>
            <td>{t(`attributes.statuses.${area.status}`)}</td>
            <td className="num">
              {areaM2 === null ? (
                <span title={t("areas.measuring")}>
                  <span aria-hidden="true">…</span>
                  <span className="visually-hidden">{t("areas.measuring")}</span>
                </span>
              ) : (
                formatAreaShortM2(areaM2, language)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    ),
    [rows, selectedAreaId, language, t, selectPilotArea],
  );

  return (
    <section className="area-list" aria-labelledby="area-list-title" data-testid="area-list">
      <h2 id="area-list-title">
        {t("areas.heading")}{" "}
        <span className="muted small">({t("areas.count", { count: variant.areaOrder.length })})</span>
      </h2>
      {variant.areaOrder.length === 0 ? (
        <p className="muted">{t("areas.empty")}</p>
      ) : (
        <>
          <label className="search">
            <span className="visually-hidden">{t("areas.search")}</span>
            <input
              type="search"
              value={query}
              placeholder={t("areas.searchPlaceholder")}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
          </label>
          <table className="data-table">
            <thead>
              <tr>
                {header("name", t("areas.columns.name"))}
                {header("status", t("areas.columns.status"))}
                {header("area", t("areas.columns.area"))}
              </tr>
            </thead>
            {tableBody}
          </table>
          {rows.length === 0 && <p className="muted">{t("areas.noMatch")}</p>}
        </>
      )}
    </section>
  );
}

/** A column header that sorts by its column; again reverses the order. */
function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortKey;
  label: string;
  sort: { key: SortKey; ascending: boolean };
  onSort: (sort: { key: SortKey; ascending: boolean }) => void;
}) {
  const { t } = useTranslation();
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ key: column, ascending: active ? !sort.ascending : true })}
        title={t("areas.sortBy", { column: label })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
}
