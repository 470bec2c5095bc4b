/**
 * The indicator matrix as a table: variants as columns (the first is the baseline), indicators as
 * rows in groups. Each cell shows the value, its difference from the baseline with a sign (and in per
 * cent where that means something), and "★ best value" in words, so nothing depends on colour.
 * Raw numbers sit in data attributes for the browser tests.
 */
import "./IndicatorTable.css";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { IndicatorMatrix, IndicatorRow } from "../../domain/workshop/indicator-matrix.ts";
import type { Language } from "../../i18n/index.ts";
import { formatDelta, formatIndicatorValue, formatRelativeDelta } from "./compare-format.ts";

type Group = "area" | "residents" | "facilities" | "districts" | "overlaps" | "fields";

const GROUP_OF: Record<IndicatorRow["indicator"], Group> = {
  "union-area": "area",
  "sum-of-areas": "area",
  "residents-low": "residents",
  "residents-high": "residents",
  facilities: "facilities",
  "districts-covered": "districts",
  "overlap-count": "overlaps",
  "overlap-area": "overlaps",
  "field-areas": "fields",
};
const GROUPS: readonly Group[] = ["area", "residents", "facilities", "districts", "overlaps", "fields"];

export function IndicatorTable({
  matrix,
  catalogue,
}: {
  matrix: IndicatorMatrix;
  catalogue: GeneratedCatalogue;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const columns = matrix.variantIds.length;
  const levelTotal = (level: string) =>
    catalogue.entries.find((e) => e.kind === "reference-areas" && e.level === level)?.featureCount ?? 0;
  const rowName = (row: IndicatorRow): string => {
    switch (row.indicator) {
      case "facilities":
        return catalogue.entries.find((e) => e.id === row.subject)?.title[language] ?? String(row.subject);
      case "field-areas":
        return t(`layers.fields.${row.subject}`);
      case "districts-covered":
        return t("compare.indicators.districts-covered", {
          level: t(`layers.levels.${row.subject}`),
          total: levelTotal(String(row.subject)),
        });
      default:
        return t(`compare.indicators.${row.indicator}`);
    }
  };
  const direction = (row: IndicatorRow) =>
    row.direction === "higher-is-better"
      ? `↑ ${t("compare.higherIsBetter")}`
      : row.direction === "lower-is-better"
        ? `↓ ${t("compare.lowerIsBetter")}`
        : null;
  // Facility types that none of the variants reaches would only fill the table with zeros.
  const shown = matrix.rows.filter(
    (row) => row.indicator !== "facilities" || row.cells.some((cell) => (cell.value ?? 0) > 0),
  );
  const hiddenFacilities = matrix.rows.length - shown.length;
  return (
    <div className="table-scroll compare-matrix-scroll">
      <table className="compare-matrix" data-testid="compare-matrix">
        <caption>{t("compare.matrixCaption", { baseline: matrix.names[0] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compare.indicatorColumn")}</th>
            {matrix.names.map((name, index) => (
              <th
                scope="col"
                key={matrix.variantIds[index]}
                className="num"
                data-variant-id={matrix.variantIds[index]}
              >
                {name}
                {index === 0 && <span className="compare-baseline"> ({t("compare.baseline")})</span>}
              </th>
            ))}
          </tr>
        </thead>
        {GROUPS.map((group) => {
          const rows = shown.filter((row) => GROUP_OF[row.indicator] === group);
          if (rows.length === 0) return null;
          return (
            <tbody key={group}>
              <tr className="compare-group">
                <th scope="rowgroup" colSpan={columns + 1}>
                  {t(`compare.groups.${group}`)}
                  {group === "facilities" && hiddenFacilities > 0 && (
                    <span className="compare-group-note">
                      {" "}
                      · {t("compare.facilitiesHidden", { count: hiddenFacilities })}
                    </span>
                  )}
                </th>
              </tr>
              {rows.map((row) => (
                <tr key={row.id} data-row={row.id}>
                  <th scope="row">
                    <span className="compare-row-name">{rowName(row)}</span>
                    <span className="compare-row-meta">
                      {t(`compare.units.${row.unit}`)}
                      {direction(row) && ` · ${direction(row)}`}
                    </span>
                    {row.note === "ranges-overlap" && (
                      <span className="compare-row-meta" data-testid="compare-row-note">
                        {t("compare.rangesOverlap")}
                      </span>
                    )}
                  </th>
                  {row.cells.map((cell, index) => (
                    <IndicatorCell key={cell.variantId} row={row} cell={cell} baseline={index === 0} />
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** A variant's value of one indicator: the value, "★ best" in words, and the change from the baseline. */
function IndicatorCell({
  row,
  cell,
  baseline,
}: {
  row: IndicatorRow;
  cell: IndicatorRow["cells"][number];
  /** The baseline's own cell shows no change. */
  baseline: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <td
      className={`num${cell.best ? " compare-best" : ""}`}
      data-variant-id={cell.variantId}
      data-value={cell.value ?? ""}
      data-delta={cell.delta ?? ""}
      data-best={cell.best ? "true" : "false"}
    >
      <span className="compare-value">
        {cell.value === null
          ? t("compare.notAvailable")
          : formatIndicatorValue(cell.value, row.unit, language)}
      </span>
      {cell.best && (
        <span className="compare-best-mark">
          <span aria-hidden="true">★ </span>
          {t("compare.best")}
        </span>
      )}
      {!baseline && cell.delta !== null && (
        <span className="compare-delta" data-testid="compare-delta">
          {formatDelta(cell.delta, row.unit, language)}
          {cell.relativeDelta !== null && ` (${formatRelativeDelta(cell.relativeDelta, language)})`}
        </span>
      )}
    </td>
  );
}
