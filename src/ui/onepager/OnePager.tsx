/**
 * One-pagers ("Steckbrief") of a pilot area or of the active variant: an A4 page over the workspace
 * (the workspace stays as it was underneath, inert), with "print / save as PDF". In print only the
 * page is printed (`html.onepager-printing` hides the app; see the print block in OnePager.css).
 */
import "./OnePager.css";
import { type ReactNode, useEffect, useId, useMemo, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { AreaAnalysis, VariantAnalysis } from "../../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { PilotArea, Variant } from "../../domain/model/plan.ts";
import { formatDateTime, formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { OnePagerMap } from "../../map/onepager-map.tsx";
import { selectActiveVariant } from "../../store/document-store.ts";
import { useDocumentStore } from "../../store/plan-document.ts";
import { percent } from "../CoveragePanel.tsx";
import { DistrictCoverageTable } from "../DistrictCoverageTable.tsx";
import { SourcesList } from "../share/SourcesList.tsx";
import { formatAreaM2, formatLengthM } from "../Toolbar.tsx";
import { useVariantAnalyses, type VariantFigures } from "../use-variant-analyses.ts";
import { VariantTotalsRows } from "../VariantSummary.tsx";

export type OnePagerTarget = { kind: "area"; areaId: string } | { kind: "variant" };

type T = (key: string, values?: Record<string, unknown>) => string;

export function OnePagerOverlay({
  target,
  catalogue,
  onClose,
  shown,
}: {
  target: OnePagerTarget;
  catalogue: GeneratedCatalogue;
  onClose: () => void;
  /** A variant that is not the open plan's (the shared view); the active variant without it. */
  shown?: { variant: Variant; planName: string };
}) {
  const { t } = useTranslation();
  const printButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const activeVariant = useDocumentStore(selectActiveVariant);
  const activePlanName = useDocumentStore((s) => s.plan.name);
  const variant = shown?.variant ?? activeVariant;
  const planName = shown?.planName ?? activePlanName;
  const variants = useMemo(() => [variant], [variant]);
  const figures = useVariantAnalyses(catalogue, variants);

  // Modal: the app underneath is inert, Escape closes, the print button has the focus.
  useEffect(() => {
    const root = document.getElementById("root");
    const html = document.documentElement;
    html.classList.add("onepager-printing");
    if (root) root.inert = true;
    const previous = document.activeElement as HTMLElement | null;
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      html.classList.remove("onepager-printing");
      if (root) root.inert = false;
      window.removeEventListener("keydown", onKey);
      previous?.focus?.();
    };
  }, [onClose]);

  const area = target.kind === "area" ? variant.areas[target.areaId] : undefined;
  const ready = figures.state === "ready" ? figures.figures[variant.id] : undefined;
  let body: ReactNode;
  if (figures.state === "failed") body = <p className="notice notice-error">{t("share.onepager.failed")}</p>;
  else if (target.kind === "area" && area)
    body = (
      <AreaPage area={area} variant={variant} planName={planName} catalogue={catalogue} figures={ready} />
    );
  else body = <VariantPage variant={variant} planName={planName} catalogue={catalogue} figures={ready} />;

  return createPortal(
    <div
      className="onepager-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="onepager"
    >
      <div className="onepager-toolbar">
        <span id={titleId}>{t("share.onepager.dialogLabel")}</span>
        <button
          ref={printButton}
          type="button"
          className="button button-primary"
          onClick={() => window.print()}
          disabled={!ready}
          data-testid="onepager-print"
        >
          {t("share.onepager.print")}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="onepager-close">
          {t("share.onepager.close")}
        </button>
      </div>
      <div className="onepager-scroll">
        <article className="onepager-page" data-testid="onepager-page" data-ready={ready !== undefined}>
          {body}
        </article>
      </div>
    </div>,
    document.body,
  );
}

function Heading({
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
function usedLayerIds(catalogue: GeneratedCatalogue, facilities: AreaAnalysis["facilities"]): Set<string> {
  const ids = new Set(
    catalogue.entries
      .filter((e) => ["boundary", "reference-areas", "population", "basemap-points"].includes(e.kind))
      .map((e) => e.id),
  );
  for (const f of facilities) if (f.inside.count > 0 || (f.near[0]?.count ?? 0) > 0) ids.add(f.layerId);
  return ids;
}

function Sources({ catalogue, ids }: { catalogue: GeneratedCatalogue; ids: ReadonlySet<string> }) {
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

const listOr = (items: string[], t: T) => (items.length > 0 ? items.join(", ") : t("share.onepager.none"));

function Facts({ area }: { area: PilotArea }) {
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

function AreaPage({
  area,
  variant,
  planName,
  catalogue,
  figures,
}: {
  area: PilotArea;
  variant: Variant;
  planName: string;
  catalogue: GeneratedCatalogue;
  figures: VariantFigures | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const analysis = figures?.byArea[area.id];
  const mapAreas = useMemo(
    () => variant.areaOrder.flatMap((id) => (variant.areas[id] ? [variant.areas[id]] : [])),
    [variant],
  );
  const title = t("share.onepager.titleArea", { name: area.name || "–" });
  return (
    <>
      <Heading title={title} planName={planName} variant={variant.name} time={figures?.computedAt} />
      <div className="onepager-top">
        <div>
          <section>
            <h2>{t("share.onepager.facts")}</h2>
            <Facts area={area} />
          </section>
          <section>
            <h2>{t("share.onepager.figures")}</h2>
            {!figures ? (
              <p role="status">{t("share.onepager.computing")}</p>
            ) : !analysis ? (
              <p className="notice notice-error">{t("share.onepager.areaFailed")}</p>
            ) : (
              <AreaFigureTable analysis={analysis} t={t} language={language} />
            )}
          </section>
        </div>
        <figure style={{ margin: 0 }}>
          <OnePagerMap
            catalogue={catalogue}
            areas={mapAreas}
            focusId={area.id}
            label={t("share.onepager.mapAlt", { name: area.name })}
          />
          <figcaption className="onepager-map-caption">{t("share.onepager.mapCaption")}</figcaption>
        </figure>
      </div>
      {analysis && (
        <>
          <Facilities analysis={analysis} catalogue={catalogue} t={t} language={language} />
          <Districts analysis={analysis} t={t} />
          <AreaOverlaps
            areaId={area.id}
            variant={variant}
            analysis={figures?.variant ?? null}
            t={t}
            language={language}
          />
        </>
      )}
      <Sources catalogue={catalogue} ids={usedLayerIds(catalogue, analysis?.facilities ?? [])} />
    </>
  );
}

function AreaFigureTable({ analysis, t, language }: { analysis: AreaAnalysis; t: T; language: Language }) {
  return (
    <table className="data-table" data-testid="onepager-figures">
      <tbody>
        <tr>
          <th scope="row">{t("share.onepager.area")}</th>
          <td className="num" data-testid="onepager-area">
            {formatAreaM2(analysis.areaM2, language)}
          </td>
        </tr>
        <tr>
          <th scope="row">{t("share.onepager.perimeter")}</th>
          <td className="num">{formatLengthM(analysis.perimeterM, language)}</td>
        </tr>
        {analysis.city && (
          <tr>
            <th scope="row">{t("share.onepager.cityShare")}</th>
            <td className="num">{percent(analysis.city.shareOfCity, language)}</td>
          </tr>
        )}
        {analysis.residents && (
          <>
            <tr>
              <th scope="row">{t("share.onepager.residents")}</th>
              <td className="num" data-testid="onepager-residents">
                {t("coverage.residentsRange", {
                  low: formatResidents(analysis.residents.low, language),
                  high: formatResidents(analysis.residents.high, language),
                })}
              </td>
            </tr>
            {analysis.residents.figures.map((f) => (
              <tr key={f.method}>
                <td className="small">
                  ≈ {formatResidents(f.residents, language)}: {t(`coverage.methods.${f.method}`)}
                </td>
                <td className="small num">
                  {f.weightsDataYear ? `${f.dataYear} / ${f.weightsDataYear}` : f.dataYear}
                </td>
              </tr>
            ))}
          </>
        )}
      </tbody>
    </table>
  );
}

function Facilities({
  analysis,
  catalogue,
  t,
  language,
}: {
  analysis: AreaAnalysis;
  catalogue: GeneratedCatalogue;
  t: T;
  language: Language;
}) {
  const near = analysis.facilities[0]?.near[0]?.distanceM ?? 300;
  const rows = analysis.facilities.filter((f) => f.inside.count > 0 || (f.near[0]?.count ?? 0) > 0);
  return (
    <section>
      <h2>{t("share.onepager.facilities")}</h2>
      {rows.length === 0 ? (
        <p>{t("share.onepager.noFacilities")}</p>
      ) : (
        <table className="data-table" data-testid="onepager-facilities">
          <thead>
            <tr>
              <th scope="col">{t("coverage.layer")}</th>
              <th scope="col" className="num">
                {t("coverage.inside")}
              </th>
              <th scope="col" className="num">
                {t("share.onepager.facilitiesNear", { m: near })}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => {
              const categories = Object.entries(f.inside.byCategory).filter(([name]) => name !== "");
              return (
                <tr key={f.layerId}>
                  <th scope="row">
                    {catalogue.entries.find((e) => e.id === f.layerId)?.title[language] ?? f.layerId}
                    {categories.length > 0 && (
                      <span className="small muted">
                        {" "}
                        ({categories.map(([name, n]) => `${name}: ${formatNumber(n, language)}`).join(" · ")})
                      </span>
                    )}
                  </th>
                  <td className="num">{formatNumber(f.inside.count, language)}</td>
                  <td className="num">{formatNumber(f.near[0]?.count ?? 0, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Districts({ analysis, t }: { analysis: AreaAnalysis; t: T }) {
  const levels = analysis.levels.filter((l) => l.level !== "unterbezirk" && l.districts.length > 0);
  return (
    <div className="onepager-columns">
      {levels.map((level) => (
        <section key={level.level}>
          <h2>{t("share.onepager.districts", { level: t(`layers.levels.${level.level}`) })}</h2>
          <DistrictCoverageTable districts={level.districts} testId={`onepager-districts-${level.level}`} />
        </section>
      ))}
    </div>
  );
}

function AreaOverlaps({
  areaId,
  variant,
  analysis,
  t,
  language,
}: {
  areaId: string;
  variant: Variant;
  analysis: VariantAnalysis | null;
  t: T;
  language: Language;
}) {
  if (!analysis) return null;
  const mine = analysis.overlaps.filter((o) => o.areaIdA === areaId || o.areaIdB === areaId);
  return (
    <section>
      <h2>{t("share.onepager.overlaps")}</h2>
      {mine.length === 0 ? (
        <p>{t("share.onepager.noOverlaps")}</p>
      ) : (
        <table className="data-table" data-testid="onepager-overlaps">
          <tbody>
            {mine.map((o) => {
              const other = o.areaIdA === areaId ? o.areaIdB : o.areaIdA;
              const share = o.areaIdA === areaId ? o.shareOfA : o.shareOfB;
              return (
                <tr key={other}>
                  <th scope="row">
                    {t("share.onepager.overlapWith", { name: variant.areas[other]?.name ?? other })}
                  </th>
                  <td className="num">{formatAreaM2(o.overlapM2, language)}</td>
                  <td className="num">{percent(share, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VariantPage({
  variant,
  planName,
  catalogue,
  figures,
}: {
  variant: Variant;
  planName: string;
  catalogue: GeneratedCatalogue;
  figures: VariantFigures | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const areas = useMemo(
    () => variant.areaOrder.flatMap((id) => (variant.areas[id] ? [variant.areas[id]] : [])),
    [variant],
  );
  const analysis = figures?.variant ?? null;
  const name = (id: string) => variant.areas[id]?.name ?? id;
  return (
    <>
      <Heading
        title={t("share.onepager.titleVariant", { name: variant.name })}
        planName={planName}
        variant={variant.name}
        time={figures?.computedAt}
      />
      <div className="onepager-top">
        <section>
          <h2>{t("share.onepager.totals")}</h2>
          {!figures ? (
            <p role="status">{t("share.onepager.computing")}</p>
          ) : analysis ? (
            <table className="data-table" data-testid="onepager-totals">
              <tbody>
                <VariantTotalsRows analysis={analysis} language={language} />
                {analysis.fields
                  .filter((f) => f.areaCount > 0)
                  .map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{t(`layers.fields.${f.field}`)}</th>
                      <td className="num">
                        {t("share.view.areaCount", { count: f.areaCount })} ·{" "}
                        {formatAreaM2(f.areaM2, language)}
                      </td>
                    </tr>
                  ))}
                {analysis.uncoveredDistricts
                  .filter((u) => u.level === "stadtbezirk")
                  .map((u) => (
                    <tr key={u.level}>
                      <th scope="row">{t("variantSummary.uncovered")}</th>
                      <td className="small">{u.names.length > 0 ? u.names.join(", ") : "–"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="notice notice-error">{t("share.onepager.failed")}</p>
          )}
        </section>
        <figure style={{ margin: 0 }}>
          <OnePagerMap
            catalogue={catalogue}
            areas={areas}
            focusId={null}
            label={t("share.onepager.mapAlt", { name: variant.name })}
          />
          <figcaption className="onepager-map-caption">{t("share.onepager.mapCaptionVariant")}</figcaption>
        </figure>
      </div>
      <section>
        <h2>{t("share.onepager.areasTable")}</h2>
        <table className="data-table" data-testid="onepager-areas">
          <thead>
            <tr>
              <th scope="col">{t("areas.columns.name")}</th>
              <th scope="col">{t("share.onepager.fields")}</th>
              <th scope="col">{t("share.onepager.partners")}</th>
              <th scope="col">{t("share.onepager.status")}</th>
              <th scope="col" className="num">
                {t("share.onepager.area")}
              </th>
              <th scope="col" className="num">
                {t("share.onepager.residents")}
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => {
              const a = figures?.byArea[area.id];
              return (
                <tr key={area.id}>
                  <th scope="row">{area.name || "–"}</th>
                  <td>
                    {listOr(
                      area.fields.map((f) => t(`layers.fields.${f}`)),
                      t,
                    )}
                  </td>
                  <td>{listOr(area.partners, t)}</td>
                  <td>{t(`attributes.statuses.${area.status}`)}</td>
                  <td className="num">{a ? formatAreaM2(a.areaM2, language) : "…"}</td>
                  <td className="num">
                    {a?.residents
                      ? t("coverage.residentsRange", {
                          low: formatResidents(a.residents.low, language),
                          high: formatResidents(a.residents.high, language),
                        })
                      : "–"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {analysis && (
        <section>
          <h2>{t("overlaps.heading")}</h2>
          {analysis.overlaps.length === 0 ? (
            <p>{t("share.onepager.noOverlaps")}</p>
          ) : (
            <table className="data-table">
              <tbody>
                {analysis.overlaps.map((o) => (
                  <tr key={`${o.areaIdA}|${o.areaIdB}`}>
                    <th scope="row">
                      {name(o.areaIdA)} / {name(o.areaIdB)}
                    </th>
                    <td className="num">{formatAreaM2(o.overlapM2, language)}</td>
                    <td className="num">{percent(o.shareOfA, language)}</td>
                    <td className="num">{percent(o.shareOfB, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <Sources
        catalogue={catalogue}
        ids={usedLayerIds(
          catalogue,
          (analysis?.totals.facilities ?? []).map((f) => ({
            layerId: f.layerId,
            inside: { count: f.count, byCategory: f.byCategory, ids: [] },
            near: [],
          })),
        )}
      />
    </>
  );
}
