/**
 * The main indicators as small bar charts, one per indicator, one bar per variant in the compared
 * order (x domain set explicitly: Plot would sort the names otherwise). Residents show the middle of
 * the estimate with a rule from the low to the high estimate. Observable Plot loads on first use.
 * Each chart is a group with a label naming what it shows; the numbers are also printed on the bars,
 * and the table above has them all, so the charts add no information a screen reader would miss.
 */
import "./CompareCharts.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VariantAnalysis } from "../../domain/analysis/analysis-result.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";

export interface ChartVariant {
  name: string;
  analysis: VariantAnalysis;
}

interface ChartDatum {
  name: string;
  value: number;
  low?: number;
  high?: number;
}

interface ChartSpec {
  id: string;
  title: string;
  data: ChartDatum[];
  decimals: number;
  range?: boolean;
}

type PlotModule = typeof import("@observablehq/plot");

export function CompareCharts({
  variants,
  statisticalDistricts,
}: {
  variants: ChartVariant[];
  /** Number of statistical districts in the city (from the catalogue). */
  statisticalDistricts: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [plot, setPlot] = useState<PlotModule | "failed" | null>(null);
  useEffect(() => {
    let cancelled = false;
    import("@observablehq/plot").then(
      (module) => !cancelled && setPlot(module),
      () => !cancelled && setPlot("failed"),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const specs = useMemo((): ChartSpec[] => {
    const ha = (m2: number) => m2 / 10_000;
    return [
      {
        id: "area",
        title: t("compare.chartArea"),
        decimals: 1,
        data: variants.map((v) => ({ name: v.name, value: ha(v.analysis.totals.unionAreaM2) })),
      },
      {
        id: "residents",
        title: t("compare.chartResidents"),
        decimals: 0,
        range: true,
        data: variants.map((v) => {
          const r = v.analysis.totals.residents;
          return r
            ? { name: v.name, value: Math.round((r.low + r.high) / 20) * 10, low: r.low, high: r.high }
            : { name: v.name, value: 0 };
        }),
      },
      {
        id: "facilities",
        title: t("compare.chartFacilities"),
        decimals: 0,
        data: variants.map((v) => ({
          name: v.name,
          value: v.analysis.totals.facilities.reduce((sum, f) => sum + f.count, 0),
        })),
      },
      {
        id: "districts",
        title: t("compare.chartDistricts"),
        decimals: 0,
        data: variants.map((v) => {
          const uncovered = v.analysis.uncoveredDistricts.find((u) => u.level === "statistischer-bezirk");
          const covered = uncovered ? statisticalDistricts - uncovered.codes.length : 0;
          return { name: v.name, value: Math.max(0, covered) };
        }),
      },
      {
        id: "overlaps",
        title: t("compare.chartOverlaps"),
        decimals: 2,
        data: variants.map((v) => ({
          name: v.name,
          value: ha(v.analysis.overlaps.reduce((sum, o) => sum + o.overlapM2, 0)),
        })),
      },
    ];
  }, [variants, statisticalDistricts, t]);
  return (
    <section className="compare-charts" aria-labelledby="compare-charts-title" data-testid="compare-charts">
      <h3 id="compare-charts-title">{t("compare.chartsHeading")}</h3>
      {plot === null && <p className="muted">{t("compare.chartLoading")}</p>}
      {plot === "failed" && <p className="notice notice-error">{t("compare.chartFailed")}</p>}
      {plot !== null && plot !== "failed" && (
        <div className="compare-chart-grid">
          {specs.map((spec) => (
            <Chart
              key={spec.id}
              plot={plot}
              spec={spec}
              label={t("compare.chartLabel", { indicator: spec.title })}
              language={language}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function Chart({
  plot,
  spec,
  label,
  language,
}: {
  plot: PlotModule;
  spec: ChartSpec;
  label: string;
  language: Language;
}) {
  const container = useRef<HTMLDivElement>(null);
  // The chart is drawn for its box's width (in steps of 20 px), and again when the layout changes it.
  const [boxWidth, setBoxWidth] = useState(0);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setBoxWidth(Math.round(entry.contentRect.width / 20) * 20);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const format = (value: number) => formatNumber(value, language, spec.decimals);
    const element = container.current;
    if (!element || boxWidth === 0) return;
    const width = Math.max(260, Math.min(boxWidth, 640));
    const tick = (value: number) => formatNumber(value, language, Number.isInteger(value) ? 0 : 1);
    const names = spec.data.map((d) => d.name);
    const marks = [
      plot.barY(spec.data, { x: "name", y: "value", fill: "#1d4ed8", insetLeft: 6, insetRight: 6 }),
      plot.ruleY([0]),
      plot.text(spec.data, {
        x: "name",
        // Above the bar, or above the range rule where there is one.
        y: (d: ChartDatum) => d.high ?? d.value,
        text: (d: ChartDatum) => format(d.value),
        dy: -10,
        fontSize: 16,
        fontWeight: "bold",
        fill: "#111827",
      }),
    ];
    if (spec.range) {
      const ranged = spec.data.filter((d) => d.low !== undefined && d.high !== undefined);
      marks.push(plot.ruleX(ranged, { x: "name", y1: "low", y2: "high", stroke: "#111827", strokeWidth: 3 }));
    }
    const max = Math.max(0, ...spec.data.map((d) => d.high ?? d.value));
    const chart = plot.plot({
      className: "compare-plot",
      width,
      height: 250,
      marginTop: 30,
      marginLeft: 56,
      style: { fontSize: "15px", fontFamily: "Noto Sans, system-ui, sans-serif", color: "#111827" },
      x: { domain: names, label: null, tickFormat: (name: string) => shorten(name) },
      y: { grid: true, label: null, domain: [0, max === 0 ? 1 : max * 1.2], tickFormat: tick, ticks: 4 },
      marks,
    });
    chart.setAttribute("aria-hidden", "true");
    // Plot puts a <style> element into every chart, which the Content-Security-Policy refuses (no
    // inline styles, src/app/security-headers.ts). Its few rules are in CompareCharts.css (.compare-plot).
    for (const style of chart.querySelectorAll("style")) style.remove();
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, spec, language, boxWidth]);
  return (
    <figure className="compare-chart">
      <figcaption>{spec.title}</figcaption>
      {/* biome-ignore lint/a11y/useSemanticElements: a chart is not a form; role="group" names Plot's SVG (axe) */}
      <div ref={container} role="group" aria-label={label} data-testid={`compare-chart-${spec.id}`} />
    </figure>
  );
}

/** Long variant names would overlap under narrow bars. */
function shorten(name: string): string {
  return name.length > 16 ? `${name.slice(0, 15)}…` : name;
}
