/**
 * The compare view's maps: one per variant side by side, moving together, each with a key of its
 * areas; a button frames them all again; the legend and the credits below.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { geodesicArea } from "../../domain/geometry/measure-area.ts";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import type { Language } from "../../i18n/index.ts";
import { CompareVariantMap, compareMapCredits, useCompareFit } from "../../map/CompareMaps.tsx";
import { formatIndicatorValue } from "./compare-format.ts";

/** One map per variant, moving together (inside a `CompareCameraGroup`). */
export function CompareMapsSection({
  catalogue,
  variants,
}: {
  catalogue: GeneratedCatalogue;
  variants: Variant[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const credits = useMemo(() => compareMapCredits(catalogue), [catalogue]);
  return (
    <section id="map" className="compare-maps-section" aria-labelledby="compare-maps-title" tabIndex={-1}>
      <div className="compare-maps-head">
        <h3 id="compare-maps-title">
          {t("compare.mapsHeading")} <span className="compare-hint">{t("compare.mapsHint")}</span>
        </h3>
        <FitButton />
      </div>
      <div
        className="compare-maps"
        style={{ gridTemplateColumns: `repeat(${variants.length}, minmax(0, 1fr))` }}
      >
        {variants.map((variant) => (
          <figure
            key={variant.id}
            className="compare-map-figure"
            data-testid="compare-map"
            data-variant-id={variant.id}
          >
            <figcaption>
              <span className="compare-map-title">{variant.name}</span>
              <span className="compare-map-count">
                {t("variant.areaCount", { count: variant.areaOrder.length })}
              </span>
            </figcaption>
            <div className="compare-map">
              <CompareVariantMap
                catalogue={catalogue}
                variant={variant}
                labels={{
                  map: t("compare.mapLabel", { name: variant.name }),
                  zoomIn: t("map.zoomIn"),
                  zoomOut: t("map.zoomOut"),
                }}
              />
              {variant.areaOrder.length === 0 && <p className="compare-map-empty">{t("compare.noAreas")}</p>}
            </div>
            <AreaKey variant={variant} language={language} />
          </figure>
        ))}
      </div>
      <div className="compare-legend-row">
        <ul className="compare-legend" aria-label={t("compare.legendHeading")}>
          <li>
            <span className="compare-legend-area" aria-hidden="true" />
            {t("compare.legendFields")}
          </li>
          <li>
            <span className="compare-legend-boundary" aria-hidden="true" />
            {t("compare.legendBoundary")}
          </li>
          <li>
            <span className="compare-legend-basemap" aria-hidden="true" />
            {t("compare.legendBasemap")}
          </li>
        </ul>
        <p className="compare-credits" data-testid="compare-credits">
          <span className="visually-hidden">{t("compare.creditsLabel")}: </span>
          {credits.join(" · ")}
        </p>
      </div>
    </section>
  );
}

/** Areas shown in the map at most; the rest are counted ("+ 3 more"). */
const AREA_KEY_LIMIT = 5;

/** The map's key: each area's colour, name and size. Names are the planner's text, shown as text. */
function AreaKey({ variant, language }: { variant: Variant; language: Language }) {
  const { t } = useTranslation();
  const areas = useMemo(
    () =>
      variant.areaOrder.flatMap((id) => {
        const area = variant.areas[id];
        return area ? [{ id, name: area.name, colour: area.colour, m2: geodesicArea(area.geometry) }] : [];
      }),
    [variant],
  );
  if (areas.length === 0) return null;
  const more = areas.length - AREA_KEY_LIMIT;
  return (
    <ul className="compare-area-key" aria-label={t("compare.areaKey", { name: variant.name })}>
      {areas.slice(0, AREA_KEY_LIMIT).map((area) => (
        <li key={area.id} data-m2={area.m2}>
          <span className="compare-area-swatch" style={{ background: area.colour }} aria-hidden="true" />
          <span className="compare-area-name">{area.name || t("compare.unnamedArea")}</span>
          <span className="compare-area-size">{formatIndicatorValue(area.m2, "m2", language)}</span>
        </li>
      ))}
      {more > 0 && <li className="compare-area-more">{t("compare.moreAreas", { count: more })}</li>}
    </ul>
  );
}

/** Frames every map on the compared variants' areas again (after panning around). */
function FitButton() {
  const { t } = useTranslation();
  const fit = useCompareFit();
  return (
    <button type="button" className="button" onClick={fit} data-testid="compare-fit">
      {t("compare.fitAll")}
    </button>
  );
}
