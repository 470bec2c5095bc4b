/**
 * Coverage of the selected pilot area from the analysis worker: area, share of the city, residents as
 * a range of two labelled methods, districts per level, facilities inside and within walking distance,
 * change since the last snapshot, and a plain-language summary for screen readers.
 *
 * Every figure opens to explain itself: what was counted (cells, districts, facilities by name), how
 * (the method), and from which source and year. While a vertex is dragged the figures follow the drag
 * (marked "live"); they are the stored area's figures again once the edit is committed.
 */
import "./CoveragePanel.css";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AreaAnalysis, FacilityCount, ResidentsEstimate } from "../domain/analysis/analysis-result.ts";
import type { CatalogueEntry, GeneratedCatalogue } from "../domain/model/catalogue.ts";
import type { PilotArea } from "../domain/model/plan.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../i18n/index.ts";
import { useAnalysisStore } from "../store/analysis-store.ts";
import { selectActiveVariant } from "../store/document-store.ts";
import { useDocumentStore } from "../store/plan-document.ts";
import { useSessionStore } from "../store/session-store.ts";
import type { FacilityDetail } from "../workers/analysis.worker.ts";
import { DistrictCoverageTable } from "./DistrictCoverageTable.tsx";
import { formatAreaM2 } from "./Toolbar.tsx";
import { analysisClient } from "./use-analysis.ts";
import { type SnapshotBaseline, useSnapshotBaseline } from "./use-snapshot-baseline.ts";

type T = (key: string, values?: Record<string, unknown>) => string;

export const percent = (share: number, language: Language) =>
  `${formatNumber(share * 100, language, share < 0.1 ? 1 : 0)}\u00a0%`;

const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text}` : "±0");

/** The data date without a leading "Stand"/"as of" (the message says it already). */
const dataDate = (entry: CatalogueEntry | undefined, language: Language) =>
  (entry?.dataDate[language] ?? "").replace(/^(Stand|as of)\s+/i, "");

export function summarySentence(analysis: AreaAnalysis, name: string, language: Language, t: T): string {
  const finest = analysis.levels.find((l) => l.level === "stadtbezirk") ?? analysis.levels[0];
  const top = finest?.districts.slice().sort((a, b) => b.intersectionM2 - a.intersectionM2)[0];
  // The range of the two methods, never a midpoint that neither method produced.
  const low = formatResidents(analysis.residents?.low ?? 0, language);
  const high = formatResidents(analysis.residents?.high ?? 0, language);
  const area = formatAreaM2(analysis.areaM2, language);
  return top
    ? t("coverage.summary", {
        name,
        area,
        low,
        high,
        top: t("coverage.topDistrict", { share: percent(top.shareOfDistrict, language), district: top.name }),
      })
    : t("coverage.summaryNoDistrict", { name, area, low, high });
}

/** Residents as the planner reads them: the range of the two methods ("13.900 – 16.130"). */
function residentsRange(residents: ResidentsEstimate | null, language: Language, t: T): string {
  if (!residents) return "–";
  return t("coverage.residentsRange", {
    low: formatResidents(residents.low, language),
    high: formatResidents(residents.high, language),
  });
}

/** A figure that opens to explain itself (a native disclosure: keyboard and screen readers work). */
function Figure({
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

function Source({ entry, language, t }: { entry: CatalogueEntry | undefined; language: Language; t: T }) {
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

function ResidentsExplanation({
  residents,
  catalogue,
  language,
  t,
}: {
  residents: ResidentsEstimate;
  catalogue: GeneratedCatalogue;
  language: Language;
  t: T;
}) {
  const grid = catalogue.entries.find((e) => e.kind === "population");
  const addresses = catalogue.entries.find((e) => e.id === "addresses");
  const cells = residents.cells.slice(0, 12);
  return (
    <>
      <ul className="methods">
        {residents.figures.map((f) => (
          <li key={f.method}>
            <strong>≈ {formatResidents(f.residents, language)}</strong> — {t(`coverage.methods.${f.method}`)}:{" "}
            {t(`coverage.explain.method.${f.method}`, {
              addresses: formatNumber(residents.addressesInside ?? 0, language),
              year: f.dataYear,
              weightsYear: f.weightsDataYear ?? "",
            })}
          </li>
        ))}
      </ul>
      {residents.unplacedResidents !== null && residents.unplacedResidents > 0.5 && (
        <p className="small">
          {t("coverage.explain.unplaced", { n: formatResidents(residents.unplacedResidents, language) })}
        </p>
      )}
      <table className="data-table compact" data-testid="cells-table">
        <caption>
          {t("coverage.explain.cellsCaption", {
            shown: cells.length,
            total: residents.cells.length,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("coverage.explain.cell")}</th>
            <th scope="col" className="num">
              {t("coverage.explain.cellResidents")}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellShare")}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellContribution")}
            </th>
            <th scope="col" className="num">
              {t("coverage.explain.cellAddresses")}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.cellId}>
              <th scope="row" className="cell-id">
                {c.cellId}
              </th>
              <td className="num">
                {c.residents === null ? t("coverage.explain.secret") : formatNumber(c.residents, language)}
              </td>
              <td className="num">{percent(c.shareInside, language)}</td>
              <td className="num">{formatNumber(c.contribution, language, 1)}</td>
              <td className="num">
                {c.addressCount === null ? "–" : formatNumber(c.addressCount, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Source entry={grid} language={language} t={t} />
      <Source entry={addresses} language={language} t={t} />
    </>
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
  const categories = Object.entries(facility.inside.byCategory).filter(([name]) => name !== "");
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
        <td className="num">{formatNumber(facility.inside.count, language)}</td>
        <td className="num">{formatNumber(facility.near[0]?.count ?? 0, language)}</td>
      </tr>
      {open && (
        <tr className="explain-row">
          <td colSpan={3}>
            {categories.length > 0 && (
              <p className="small">
                {categories.map(([name, n]) => `${name}: ${formatNumber(n, language)}`).join(" · ")}
              </p>
            )}
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

function facilityTotal(analysis: AreaAnalysis): number {
  return analysis.facilities.reduce((sum, f) => sum + f.inside.count, 0);
}

function SnapshotChange({
  baseline,
  analysis,
  language,
  t,
}: {
  baseline: SnapshotBaseline;
  analysis: AreaAnalysis;
  language: Language;
  t: T;
}) {
  if (baseline.state === "none" || baseline.state === "loading") return null;
  const time = formatDateTime(baseline.snapshot.createdAt, language);
  const label = t("coverage.sinceSnapshot", { time });
  if (baseline.state === "new")
    return (
      <Figure label={label} value={t("coverage.newSinceSnapshot")} testId="figure-since-snapshot">
        <p className="small">{t("coverage.explain.sinceSnapshot", { time })}</p>
      </Figure>
    );
  const before = baseline.analysis;
  const dArea = analysis.areaM2 - before.areaM2;
  const dLow = (analysis.residents?.low ?? 0) - (before.residents?.low ?? 0);
  const dHigh = (analysis.residents?.high ?? 0) - (before.residents?.high ?? 0);
  const residentsChange =
    formatResidents(Math.abs(dLow), language) === formatResidents(Math.abs(dHigh), language) &&
    Math.sign(dLow) === Math.sign(dHigh)
      ? signed(dLow, formatResidents(Math.abs(dLow), language))
      : t("coverage.residentsRange", {
          low: signed(dLow, formatResidents(Math.abs(dLow), language)),
          high: signed(dHigh, formatResidents(Math.abs(dHigh), language)),
        });
  const dFacilities = facilityTotal(analysis) - facilityTotal(before);
  const unchanged = baseline.sameGeometry || (Math.abs(dArea) < 0.5 && dFacilities === 0);
  const value = unchanged
    ? t("coverage.unchanged")
    : [
        signed(dArea, formatAreaM2(Math.abs(dArea), language)),
        t("coverage.residentsDelta", { n: residentsChange }),
        t("coverage.facilitiesDelta", {
          n: signed(dFacilities, formatNumber(Math.abs(dFacilities), language)),
        }),
      ].join(" · ");
  return (
    <Figure label={label} value={value} testId="figure-since-snapshot">
      <p className="small">{t("coverage.explain.sinceSnapshot", { time })}</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              {t("coverage.before")}
            </th>
            <th scope="col" className="num">
              {t("coverage.now")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("coverage.area")}</th>
            <td className="num">{formatAreaM2(before.areaM2, language)}</td>
            <td className="num">{formatAreaM2(analysis.areaM2, language)}</td>
          </tr>
          <tr>
            <th scope="row">{t("coverage.residents")}</th>
            <td className="num">{residentsRange(before.residents, language, t)}</td>
            <td className="num">{residentsRange(analysis.residents, language, t)}</td>
          </tr>
          <tr>
            <th scope="row">{t("coverage.facilities")}</th>
            <td className="num">{formatNumber(facilityTotal(before), language)}</td>
            <td className="num">{formatNumber(facilityTotal(analysis), language)}</td>
          </tr>
        </tbody>
      </table>
    </Figure>
  );
}

/** The figures of one area; `area` gives the name for the summary sentence. */
function AreaFigures({
  analysis,
  area,
  catalogue,
  baseline,
}: {
  analysis: AreaAnalysis;
  area: PilotArea;
  catalogue: GeneratedCatalogue;
  baseline: SnapshotBaseline;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const entry = (id: string) => catalogue.entries.find((e) => e.id === id);
  const boundary = catalogue.entries.find((e) => e.kind === "boundary");
  const near = analysis.facilities[0]?.near[0]?.distanceM ?? 300;
  return (
    <>
      <div className="figures">
        <Figure
          label={t("coverage.area")}
          value={formatAreaM2(analysis.areaM2, language)}
          testId="figure-area"
        >
          <p className="small">
            {t("coverage.explain.area", {
              perimeter: formatNumber(analysis.perimeterM / 1000, language, 2),
            })}
          </p>
        </Figure>
        {analysis.city && (
          <Figure
            label={t("coverage.cityShare")}
            value={percent(analysis.city.shareOfCity, language)}
            testId="figure-city"
          >
            <p className="small">
              {t("coverage.explain.city", {
                inside: formatAreaM2(analysis.city.insideM2, language),
                shareInside: percent(analysis.city.shareOfAreaInside, language),
                city: formatAreaM2(
                  analysis.city.shareOfCity > 0 ? analysis.city.insideM2 / analysis.city.shareOfCity : 0,
                  language,
                ),
              })}
            </p>
            <Source entry={boundary} language={language} t={t} />
          </Figure>
        )}
        {analysis.residents && (
          <Figure
            label={t("coverage.residents")}
            value={
              <span data-testid="residents-range">
                {t("coverage.residentsRange", {
                  low: formatResidents(analysis.residents.low, language),
                  high: formatResidents(analysis.residents.high, language),
                })}
              </span>
            }
            testId="figure-residents"
          >
            <ResidentsExplanation
              residents={analysis.residents}
              catalogue={catalogue}
              language={language}
              t={t}
            />
          </Figure>
        )}
        <SnapshotChange baseline={baseline} analysis={analysis} language={language} t={t} />
      </div>
      {analysis.residents && (
        <ul className="methods small" aria-hidden="true">
          {analysis.residents.figures.map((f) => (
            <li key={f.method}>
              ≈ {formatResidents(f.residents, language)}: {t(`coverage.methods.${f.method}`)}
            </li>
          ))}
        </ul>
      )}
      {analysis.levels.map((level) => (
        <DistrictCoverageTable
          key={level.level}
          districts={level.districts}
          caption={t(`layers.levels.${level.level}`)}
          footer={
            <>
              {t("coverage.explain.districts")}{" "}
              {entry(`districts-${level.level}`) &&
                t("coverage.explain.sourceShort", {
                  credit: entry(`districts-${level.level}`)?.credit,
                  date: dataDate(entry(`districts-${level.level}`), language),
                })}
            </>
          }
        />
      ))}
      <table className="data-table" data-testid="facilities-table">
        <caption>{t("coverage.facilities")}</caption>
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
          {analysis.facilities.map((f) => (
            <FacilityRow key={f.layerId} facility={f} entry={entry(f.layerId)} language={language} t={t} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3} className="small muted">
              {t("coverage.explain.facilities", { m: near })}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="visually-hidden">{summarySentence(analysis, area.name, language, t)}</p>
    </>
  );
}

export function CoveragePanel({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selectedAreaId = useSessionStore((s) => s.selectedAreaId);
  const variantId = useDocumentStore((s) => s.activeVariantId);
  const area = useDocumentStore((s) =>
    selectedAreaId ? selectActiveVariant(s).areas[selectedAreaId] : undefined,
  );
  const status = useAnalysisStore((s) => s.status);
  const row = useAnalysisStore((s) => (selectedAreaId ? s.byArea[selectedAreaId] : undefined));
  const live = useAnalysisStore((s) => (s.live && s.live.areaId === selectedAreaId ? s.live : null));
  const dragging = useSessionStore(
    (s) => s.liveGeometry !== null && s.liveGeometry.areaId === selectedAreaId,
  );
  const computedAt = useAnalysisStore((s) => s.computedAt);
  const baseline = useSnapshotBaseline(variantId, area, status === "ready");
  // The plain-language summary is announced when the committed figures change, not on every drag frame.
  const fresh = area && row?.geometry === area.geometry ? row : null;
  const announcement = area && fresh?.analysis ? summarySentence(fresh.analysis, area.name, language, t) : "";
  if (!area) return null;
  if (status === "loading" || status === "idle")
    return <p className="muted small">{t("coverage.loading")}</p>;
  if (status === "failed") return <p className="notice notice-error">{t("coverage.failed")}</p>;
  const shown =
    dragging && live ? live.analysis : (fresh?.analysis ?? live?.analysis ?? row?.analysis ?? null);
  const state = dragging && live ? "live" : fresh ? "fresh" : "computing";
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="coverage-panel">
      <h3 id="coverage-title">
        {t("coverage.heading")}{" "}
        {state === "live" && (
          <span className="badge badge-live" data-testid="coverage-live">
            {t("coverage.live")}
          </span>
        )}
        {state === "computing" && !fresh?.error && status !== "restarting" && (
          <span className="muted small">({t("coverage.computing")})</span>
        )}
      </h3>
      <p className="visually-hidden" aria-live="polite" data-testid="coverage-announcement">
        {announcement}
      </p>
      {fresh?.error === "timeout" && (
        <p className="notice notice-error" role="alert">
          {t("coverage.timeout")}
        </p>
      )}
      {status === "restarting" && <p className="notice">{t("coverage.restarting")}</p>}
      {shown && (
        <div className={state === "computing" ? "stale" : undefined}>
          <AreaFigures analysis={shown} area={area} catalogue={catalogue} baseline={baseline} />
        </div>
      )}
      {computedAt && (
        <p className="muted small">{t("coverage.source", { time: formatDateTime(computedAt, language) })}</p>
      )}
    </section>
  );
}
