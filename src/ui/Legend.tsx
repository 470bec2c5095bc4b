/** Legend of the population choropleth: classes of residents per km², with the census source. */
import "./Legend.css";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../i18n/index.ts";
import { POPULATION_CLASSES, POPULATION_NO_DATA_COLOUR } from "../map/map-style.ts";

export function PopulationLegend({ year }: { year: number | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const caption = t("legend.population", { year: year ?? "" });
  return (
    <figure className="legend" aria-label={caption}>
      <figcaption>{caption}</figcaption>
      <ul>
        {POPULATION_CLASSES.map((c, i) => {
          const next = POPULATION_CLASSES[i + 1];
          const label = next
            ? `${formatNumber(c.from, language)} – ${formatNumber(next.from - 1, language)}`
            : `≥ ${formatNumber(c.from, language)}`;
          return (
            <li key={c.from}>
              <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
              {label}
            </li>
          );
        })}
        <li>
          <span className="swatch" style={{ background: POPULATION_NO_DATA_COLOUR }} aria-hidden="true" />
          {t("legend.noData")}
        </li>
      </ul>
    </figure>
  );
}
