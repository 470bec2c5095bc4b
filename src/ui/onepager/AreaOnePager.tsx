/**
 * The one-pager of a pilot area: its facts and figures beside a map of the variant with the area
 * highlighted, then the facilities, the districts it touches and its overlaps with the other areas.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AreaAnalysis, VariantAnalysis } from "../../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { PilotArea, Variant } from "../../domain/model/plan.ts";
import { formatResidents, type Language } from "../../i18n/index.ts";
import { OnePagerMap } from "../../map/onepager-map.tsx";
import { percent } from "../coverage/coverage-format.ts";
import { FacilitiesTable } from "../coverage/FacilitiesTable.tsx";
import { DistrictCoverageTable } from "../DistrictCoverageTable.tsx";
import { formatAreaM2, formatLengthM } from "../Toolbar.tsx";
import type { VariantFigures } from "../use-variant-analyses.ts";
import { Facts, Heading, Sources, type T, usedLayerIds } from "./OnePagerParts.tsx";

/** The page of one area; `figures` is undefined while the variant's figures are computed. */
export function AreaPage({
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
          <section>
            <h2>{t("share.onepager.facilities")}</h2>
            <FacilitiesTable analysis={analysis} catalogue={catalogue} print />
          </section>
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
                  ≈ {formatResidents(f.residents, language)}:{" "}
                  {t(`coverage.methods.${f.method}`, {
                    year: f.dataYear,
                    weightsYear: f.weightsDataYear ?? "",
                  })}
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
