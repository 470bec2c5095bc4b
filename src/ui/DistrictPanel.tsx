/**
 * Details of the clicked reference area: name, code, parent, area, residents (Zensus 2022, with the
 * change since 2011) and the age groups under 15 and 65 and over with their shares.
 */
import "./DistrictPanel.css";
import { useTranslation } from "react-i18next";
import type { ReferenceAreaProperties } from "../domain/model/catalogue.ts";
import { formatHa, formatKm2, formatNumber, formatResidents, type Language } from "../i18n/index.ts";
import { useSessionStore } from "../store/session-store.ts";
import { formatChange } from "./coverage/CensusFigures.tsx";
import { percent } from "./coverage/coverage-format.ts";

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Residents 2022 and 2011, the change, and the age groups, as the data step computed them. */
function CensusRows({ p, language }: { p: ReferenceAreaProperties; language: Language }) {
  const { t } = useTranslation();
  const r2022 = num(p.residents2022);
  const r2011 = num(p.residents2011);
  // The newest census served is the figure; 2011 only where the build has no 2022 figures.
  const residents = r2022 ?? r2011;
  const year = r2022 !== null ? 2022 : 2011;
  const groups = [
    ["under15", num(p.under15_2022)],
    ["age65plus", num(p.age65plus_2022)],
  ] as const;
  return (
    <>
      <dt>{t("district.residents", { year })}</dt>
      <dd data-testid="district-residents">
        {residents === null ? t("district.none") : `≈ ${formatResidents(residents, language)}`}
        <small>{t("district.residentsSource", { year })}</small>
      </dd>
      {r2022 !== null && r2011 !== null && (
        <>
          <dt>{t("district.change", { from: 2011, to: 2022 })}</dt>
          <dd data-testid="district-change">
            {formatChange(r2022 - r2011, language)}
            {r2011 > 0 && ` (${r2022 >= r2011 ? "+" : "−"}${percent(Math.abs(r2022 / r2011 - 1), language)})`}
            <small>{t("district.changeSource", { n: formatResidents(r2011, language), year: 2011 })}</small>
          </dd>
        </>
      )}
      {residents !== null && p.areaKm2 > 0 && (
        <>
          <dt>{t("district.density")}</dt>
          <dd>
            {formatNumber(residents / p.areaKm2, language)} {t("units.perKm2")}
          </dd>
        </>
      )}
      {r2022 !== null &&
        groups.map(([name, value]) =>
          value === null ? null : (
            <div key={name} className="district-row">
              <dt>{t(`district.${name}`)}</dt>
              <dd data-testid={`district-${name}`}>
                ≈ {formatResidents(value, language)}
                {r2022 > 0 && (
                  <small>{t("district.shareOfResidents", { share: percent(value / r2022, language) })}</small>
                )}
              </dd>
            </div>
          ),
        )}
    </>
  );
}

export function DistrictPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selected = useSessionStore((s) => s.selectedArea);
  const selectArea = useSessionStore((s) => s.selectArea);
  if (!selected) return null;
  const p = selected.properties;
  return (
    <section className="district-panel" aria-labelledby="district-panel-title" data-testid="district-panel">
      <header>
        <p className="eyebrow">{t(`layers.levels.${p.level}`)}</p>
        <h2 id="district-panel-title">{p.name}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => selectArea(null)}
          aria-label={t("district.close")}
        >
          ×
        </button>
      </header>
      <dl>
        <dt>{t("district.code")}</dt>
        <dd>{p.code || t("district.none")}</dd>
        {p.parentName && (
          <>
            <dt>{t("district.parent")}</dt>
            <dd>
              {p.parentName}
              {p.parentCode ? ` (${p.parentCode})` : ""}
            </dd>
          </>
        )}
        {p.level !== "stadtbezirk" && (
          <>
            <dt>{t("district.stadtbezirk")}</dt>
            <dd>{p.stadtbezirk}</dd>
          </>
        )}
        <dt>{t("district.area")}</dt>
        <dd>
          {formatKm2(p.areaKm2, language)} · {formatHa(p.areaKm2, language)}
          <small>{t("district.areaSource")}</small>
        </dd>
        <CensusRows p={p} language={language} />
      </dl>
      {num(p.under15_2022) !== null && <p className="district-note">{t("district.ageCaveat")}</p>}
    </section>
  );
}
