/**
 * The figures of one area: area, share of the city, residents, change since the snapshot, districts
 * per level and facilities, each opening to explain itself; and the summary sentence for screen
 * readers.
 */
import { useTranslation } from "react-i18next";
import type { AreaAnalysis } from "../../domain/analysis/analysis-result.ts";
import { type GeneratedCatalogue, populationEntries } from "../../domain/model/catalogue.ts";
import type { PilotArea } from "../../domain/model/plan.ts";
import { formatNumber, formatResidents, type Language } from "../../i18n/index.ts";
import { DistrictCoverageTable } from "../DistrictCoverageTable.tsx";
import { formatAreaM2 } from "../Toolbar.tsx";
import type { SnapshotBaseline } from "../use-snapshot-baseline.ts";
import { AgeGroupFigures, CensusChangeFigure } from "./CensusFigures.tsx";
import { Figure, Source } from "./CoverageFigure.tsx";
import { dataDate, percent, summarySentence } from "./coverage-format.ts";
import { FacilitiesTable } from "./FacilitiesTable.tsx";
import { ResidentsExplanation } from "./ResidentsExplanation.tsx";
import { SnapshotChange } from "./SnapshotChange.tsx";

/** The figures of one area; `area` gives the name for the summary sentence. */
export function AreaFigures({
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
  const grids = populationEntries(catalogue);
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
        {analysis.residents && analysis.residentsComparison && (
          <CensusChangeFigure
            residents={analysis.residents}
            before={analysis.residentsComparison}
            grids={[grids.current, grids.comparison]}
            language={language}
            t={t}
          />
        )}
        <SnapshotChange baseline={baseline} analysis={analysis} language={language} t={t} />
      </div>
      {analysis.residents && (
        <ul className="methods small" aria-hidden="true">
          {analysis.residents.figures.map((f) => (
            <li key={f.method}>
              ≈ {formatResidents(f.residents, language)}:{" "}
              {t(`coverage.methods.${f.method}`, { year: f.dataYear, weightsYear: f.weightsDataYear ?? "" })}
            </li>
          ))}
        </ul>
      )}
      {analysis.residents && (
        <div className="figures">
          <AgeGroupFigures residents={analysis.residents} grid={grids.current} language={language} t={t} />
        </div>
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
      <FacilitiesTable analysis={analysis} catalogue={catalogue} />
      <p className="visually-hidden">{summarySentence(analysis, area.name, language, t)}</p>
    </>
  );
}
