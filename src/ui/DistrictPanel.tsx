/** Details of the clicked reference area: name, code, parent, area and residents (census 2011). */
import "./DistrictPanel.css";
import { useTranslation } from "react-i18next";
import { formatHa, formatKm2, formatNumber, formatResidents } from "../i18n/index.ts";
import { useSessionStore } from "../store/session-store.ts";

export function DistrictPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const selected = useSessionStore((s) => s.selectedArea);
  const selectArea = useSessionStore((s) => s.selectArea);
  if (!selected) return null;
  const p = selected.properties;
  const residents = typeof p.residents2011 === "number" ? p.residents2011 : null;
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
        <dt>{t("district.residents")}</dt>
        <dd>
          {residents === null ? t("district.none") : `≈ ${formatResidents(residents, language)}`}
          <small>{t("district.residentsSource")}</small>
        </dd>
        {residents !== null && p.areaKm2 > 0 && (
          <>
            <dt>{t("district.density")}</dt>
            <dd>
              {formatNumber(residents / p.areaKm2, language)} {t("units.perKm2")}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
