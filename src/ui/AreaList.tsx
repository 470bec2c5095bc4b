/** All pilot areas of the active variant as a table: searchable, sortable, click to zoom and select. */
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { geodesicArea } from "../domain/geometry/measure-area.ts";
import type { AreaGeometry, PilotArea } from "../domain/model/plan.ts";
import { validateAreaAttributes } from "../domain/model/validate-attributes.ts";
import type { Language } from "../i18n/index.ts";
import { zoomToGeometry } from "../map/map-commands.ts";
import { type AreaAnalysisRow, useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import { formatAreaM2 } from "./Toolbar.tsx";

type SortKey = "name" | "status" | "area";

/** Geodesic areas by geometry object: an edit replaces only the edited area's geometry. */
const areaCache = new WeakMap<AreaGeometry, number>();

/**
 * Vertices measured on this thread per render (about 35 ms). An import of hundreds of large areas
 * would otherwise hold the page for half a second: beyond this, a row shows "…" until the analysis
 * worker's figure for the same geometry arrives.
 */
const MEASURE_BUDGET_VERTICES = 20_000;

function vertexCount(geometry: AreaGeometry): number {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const rings of parts) for (const ring of rings) n += ring.length;
  return n;
}

/** The area in m²: cached, from the analysis, measured within the budget, or null (still to come). */
function areaOf(
  area: PilotArea,
  analysed: AreaAnalysisRow | undefined,
  budget: { vertices: number },
): number | null {
  const { geometry } = area;
  let m2 = areaCache.get(geometry);
  if (m2 !== undefined) return m2;
  if (analysed?.geometry === geometry && analysed.analysis) m2 = analysed.analysis.areaM2;
  else {
    const n = vertexCount(geometry);
    // Measured anyway when the analysis failed for it (the watchdog) or nothing was measured yet.
    if (n > budget.vertices && !analysed?.error) return null;
    budget.vertices -= n;
    m2 = geodesicArea(geometry);
  }
  areaCache.set(geometry, m2);
  return m2;
}

export function AreaList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // The table follows the plan in a deferred (interruptible) render, so a change to a plan of hundreds
  // of areas never holds the main thread in one long task.
  const variant = useDeferredValue(useDocumentStore(selectActiveVariant));
  const analysed = useDeferredValue(useAnalysisStore((s) => s.byArea));
  // With no analysis to wait for, everything is measured here.
  const analysisFailed = useAnalysisStore((s) => s.status === "failed");
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const selectPilotArea = useSessionStore((s) => s.selectPilotArea);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "name", ascending: true });

  const rows = useMemo(() => {
    const collator = new Intl.Collator(language === "de" ? "de-DE" : "en-GB", { numeric: true });
    const needle = query.trim().toLocaleLowerCase();
    const budget = { vertices: analysisFailed ? Infinity : MEASURE_BUDGET_VERTICES };
    const list = variant.areaOrder
      .map((id) => variant.areas[id])
      .filter((a): a is PilotArea => a !== undefined)
      .map((area) => ({ area, areaM2: areaOf(area, analysed[area.id], budget) }))
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
  }, [variant, analysed, analysisFailed, query, sort, language]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
          title={t("areas.sortBy", { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
        </button>
      </th>
    );
  };

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
                formatAreaM2(areaM2, language)
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
