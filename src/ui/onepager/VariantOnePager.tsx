/**
 * The one-pager of a variant: its totals beside a map of all its areas, then every area with its
 * fields, partners, status and figures, and the overlaps between them.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { VariantAnalysis } from "../../domain/analysis/analysis-result.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { PilotArea, Variant } from "../../domain/model/plan.ts";
import { formatResidents, type Language } from "../../i18n/index.ts";
import { OnePagerMap } from "../../map/onepager-map.tsx";
import { percent } from "../coverage/coverage-format.ts";
import { formatAreaM2 } from "../Toolbar.tsx";
import type { VariantFigures } from "../use-variant-analyses.ts";
import { VariantTotalsRows } from "../VariantSummary.tsx";
import { Heading, listOr, Sources, usedLayerIds } from "./OnePagerParts.tsx";

/** The page of the variant; `figures` is undefined while they are computed. */
export function VariantPage({
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
  const { t } = useTranslation();
  const areas = useMemo(
    () => variant.areaOrder.flatMap((id) => (variant.areas[id] ? [variant.areas[id]] : [])),
    [variant],
  );
  const analysis = figures?.variant ?? null;
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
            <VariantTotals analysis={analysis} />
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
      <AreasTable areas={areas} figures={figures} />
      {analysis && <VariantOverlaps variant={variant} analysis={analysis} />}
      <Sources
        catalogue={catalogue}
        ids={usedLayerIds(
          catalogue,
          (analysis?.totals.facilities ?? []).map((f) => ({
            layerId: f.layerId,
            inside: { count: f.count, byCategory: f.byCategory, ids: [] },
            near: [],
          })),
          Boolean(analysis?.totals.residentsComparison),
        )}
      />
    </>
  );
}

/** The variant's totals, its areas per field and the districts without a pilot area. */
function VariantTotals({ analysis }: { analysis: VariantAnalysis }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <table className="data-table" data-testid="onepager-totals">
      <tbody>
        <VariantTotalsRows analysis={analysis} language={language} />
        {analysis.fields
          .filter((f) => f.areaCount > 0)
          .map((f) => (
            <tr key={f.field}>
              <th scope="row">{t(`layers.fields.${f.field}`)}</th>
              <td className="num">
                {t("share.view.areaCount", { count: f.areaCount })} · {formatAreaM2(f.areaM2, language)}
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
  );
}

/** Every area of the variant with its attributes and figures. */
function AreasTable({ areas, figures }: { areas: PilotArea[]; figures: VariantFigures | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
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
  );
}

/** The overlaps between the variant's areas, with both shares. */
function VariantOverlaps({ variant, analysis }: { variant: Variant; analysis: VariantAnalysis }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const name = (id: string) => variant.areas[id]?.name ?? id;
  return (
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
  );
}
