/**
 * Where two of the compared variants differ on the ground: pick A and B, see only-A / only-B / both on
 * a map (three hatchings, three outline styles, short labels in the map) and their areas in hectares
 * in a table. The diff is computed on the main thread (clipper2-ts, milliseconds for a plan's areas).
 */
import "./DiffPanel.css";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Variant } from "../../domain/model/plan.ts";
import { diffVariants } from "../../domain/workshop/variant-diff.ts";
import { formatNumber, type Language } from "../../i18n/index.ts";
import { CompareDiffMap, DIFF_COLOURS, diffPatternDataUrl } from "../../map/CompareMaps.tsx";

export function DiffPanel({ catalogue, variants }: { catalogue: GeneratedCatalogue; variants: Variant[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const id = useId();
  const [pick, setPick] = useState<{ a: string; b: string }>({ a: "", b: "" });
  const exists = (vid: string) => variants.some((v) => v.id === vid);
  const aId = exists(pick.a) ? pick.a : (variants[0]?.id ?? "");
  const bId = exists(pick.b) ? pick.b : (variants.find((v) => v.id !== aId)?.id ?? "");
  const a = variants.find((v) => v.id === aId);
  const b = variants.find((v) => v.id === bId);
  const diff = useMemo(() => (a && b && a !== b ? diffVariants(a, b) : null), [a, b]);
  const parts = useMemo(
    () =>
      diff
        ? {
            onlyA: diff.onlyA,
            onlyB: diff.onlyB,
            both: diff.both,
            labels: {
              onlyA: t("compare.onlyAShort"),
              onlyB: t("compare.onlyBShort"),
              both: t("compare.bothShort"),
            },
          }
        : null,
    [diff, t],
  );
  const swatches = useMemo(
    () => ({
      onlyA: diffPatternDataUrl("onlyA"),
      onlyB: diffPatternDataUrl("onlyB"),
      both: diffPatternDataUrl("both"),
    }),
    [],
  );
  const ha = (m2: number) => `${formatNumber(m2 / 10_000, language, 2)}\u00a0ha`;
  const select = (which: "a" | "b", value: string, label: string) => (
    <label className="compare-diff-pick">
      <span>{label}</span>
      <select
        value={value}
        onChange={(event) => setPick({ a: aId, b: bId, [which]: event.target.value })}
        data-testid={`compare-diff-${which}`}
      >
        {variants.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </label>
  );
  const rows =
    a && b && diff
      ? ([
          ["onlyA", t("compare.onlyA", { name: a.name }), t("compare.onlyAShort"), diff.areaM2.onlyA],
          ["onlyB", t("compare.onlyB", { name: b.name }), t("compare.onlyBShort"), diff.areaM2.onlyB],
          ["both", t("compare.both"), t("compare.bothShort"), diff.areaM2.both],
        ] as const)
      : [];
  return (
    <section className="compare-diff" aria-labelledby={`${id}-title`} data-testid="compare-diff">
      <h3 id={`${id}-title`}>{t("compare.diffHeading")}</h3>
      <div className="compare-diff-picks">
        {select("a", aId, t("compare.diffA"))}
        {select("b", bId, t("compare.diffB"))}
      </div>
      {!parts || !a || !b ? (
        <p className="notice notice-warning">{t("compare.diffSame")}</p>
      ) : (
        <div className="compare-diff-body">
          <div className="compare-map compare-diff-map" data-testid="compare-diff-map">
            <CompareDiffMap
              catalogue={catalogue}
              parts={parts}
              labels={{
                map: t("compare.diffMapLabel", { a: a.name, b: b.name }),
                zoomIn: t("map.zoomIn"),
                zoomOut: t("map.zoomOut"),
              }}
            />
          </div>
          <table className="compare-diff-table" data-testid="compare-diff-table">
            <caption>{t("compare.diffCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compare.diffPart")}</th>
                <th scope="col" className="num">
                  {t("compare.diffArea")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([part, name, short, m2]) => (
                <tr key={part} data-part={part} data-m2={m2}>
                  <th scope="row">
                    <img
                      className="compare-swatch"
                      src={swatches[part]}
                      alt=""
                      style={{ borderColor: DIFF_COLOURS[part] }}
                    />
                    <span>
                      {name} <span className="compare-short">({short})</span>
                    </span>
                  </th>
                  <td className="num">{ha(m2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
