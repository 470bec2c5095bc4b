/** The layer list: reference level, population, facility layers grouped by the alliance's fields, basemap. */
import "./LayerPanel.css";
import { useTranslation } from "react-i18next";
import {
  ALLIANCE_FIELDS,
  type AllianceField,
  type CatalogueEntry,
  type GeneratedCatalogue,
  populationEntries,
  REFERENCE_LEVELS,
} from "../domain/model/catalogue.ts";
import { formatNumber } from "../i18n/index.ts";
import { type BasemapId, useSessionStore } from "../store/session-store.ts";
import { PopulationLegend } from "./Legend.tsx";

/** One layer's checkbox; turning it on turns `exclusiveWith` off (the two census grids share the map). */
function LayerToggle({
  entry,
  alsoIn,
  exclusiveWith,
}: {
  entry: CatalogueEntry;
  alsoIn?: string;
  exclusiveWith?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const visible = useSessionStore((s) => s.visibleLayers?.includes(entry.id) ?? false);
  const setLayerVisible = useSessionStore((s) => s.setLayerVisible);
  const inputId = `layer-toggle-${entry.id}`;
  return (
    <li className="layer-toggle">
      <input
        id={inputId}
        type="checkbox"
        checked={visible}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          setLayerVisible(entry.id, checked);
          if (checked && exclusiveWith) setLayerVisible(exclusiveWith, false);
        }}
        data-layer={entry.id}
      />
      <label htmlFor={inputId}>
        <span
          className={`symbol symbol-${entry.kind}`}
          style={{ background: entry.kind === "population" ? undefined : (entry.colour ?? "#374151") }}
          aria-hidden="true"
        />
        <span className="layer-title">{entry.title[language]}</span>
        <span className="layer-count">
          {t("layers.features", { count: entry.featureCount, n: formatNumber(entry.featureCount, language) })}
        </span>
        {alsoIn && <span className="layer-also">{alsoIn}</span>}
      </label>
    </li>
  );
}

export function LayerPanel({ catalogue }: { catalogue: GeneratedCatalogue }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as "de" | "en";
  const level = useSessionStore((s) => s.level);
  const setLevel = useSessionStore((s) => s.setLevel);
  const showLabels = useSessionStore((s) => s.showLabels);
  const setShowLabels = useSessionStore((s) => s.setShowLabels);
  const visibleLayers = useSessionStore((s) => s.visibleLayers);
  const entries = catalogue.entries;
  const facilities = entries.filter((e) => e.kind === "facility-points");
  // The newest census first (the default choropleth), the one before it for comparison.
  const { current: population, comparison: populationBefore } = populationEntries(catalogue);
  const shownPopulation = [population, populationBefore].find((e) => e && visibleLayers?.includes(e.id));
  const boundary = entries.find((e) => e.kind === "boundary");
  const context = entries.filter((e) => e.kind === "context-areas");
  const levelEntry = (l: string) => entries.find((e) => e.kind === "reference-areas" && e.level === l);

  return (
    <nav className="layer-panel" aria-label={t("layers.heading")}>
      <h2>{t("layers.heading")}</h2>

      <section className="layer-group">
        <h3>{t("layers.reference")}</h3>
        <fieldset className="level-switch">
          <legend>{t("layers.level")}</legend>
          {REFERENCE_LEVELS.map((l) => (
            <label key={l} className={l === level ? "active" : ""}>
              <input
                type="radio"
                name="reference-level"
                value={l}
                checked={l === level}
                onChange={() => setLevel(l)}
              />
              <span>{t(`layers.levels.${l}`)}</span>
              <span className="layer-count">
                {t("layers.levelCount", { n: formatNumber(levelEntry(l)?.featureCount ?? 0, language) })}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={showLabels}
            onChange={(e) => setShowLabels(e.currentTarget.checked)}
          />
          {t("layers.showLabels")}
        </label>
        <ul className="layer-list">
          {boundary && <LayerToggle entry={boundary} />}
          {population && <LayerToggle entry={population} exclusiveWith={populationBefore?.id} />}
          {populationBefore && <LayerToggle entry={populationBefore} exclusiveWith={population?.id} />}
        </ul>
        {shownPopulation && <PopulationLegend year={shownPopulation.censusYear} />}
      </section>

      {ALLIANCE_FIELDS.map((field) => (
        <FieldLayers key={field} field={field} facilities={facilities} />
      ))}

      {context.length > 0 && (
        <section className="layer-group">
          <h3>{t("layers.context")}</h3>
          <ul className="layer-list">
            {context.map((entry) => (
              <LayerToggle key={entry.id} entry={entry} />
            ))}
          </ul>
        </section>
      )}

      <BasemapSwitch />
    </nav>
  );
}

/** An alliance field's facility layers, with "show all" and "hide all" when there are several. */
function FieldLayers({ field, facilities }: { field: AllianceField; facilities: CatalogueEntry[] }) {
  const { t } = useTranslation();
  const setLayersVisible = useSessionStore((s) => s.setLayersVisible);
  const inField = facilities.filter((e) => e.fields?.[0] === field);
  const alsoHere = facilities.filter((e) => e.fields?.slice(1).includes(field));
  const ids = inField.map((e) => e.id);
  return (
    <section className="layer-group">
      <div className="group-head">
        <h3>{t(`layers.fields.${field}`)}</h3>
        {inField.length > 1 && (
          <span className="group-actions">
            <button type="button" className="link-button" onClick={() => setLayersVisible(ids, true)}>
              {t("layers.showAll")}
            </button>
            <button type="button" className="link-button" onClick={() => setLayersVisible(ids, false)}>
              {t("layers.hideAll")}
            </button>
          </span>
        )}
      </div>
      {inField.length === 0 && alsoHere.length === 0 ? (
        <p className="muted">{t("layers.noLayers")}</p>
      ) : (
        <ul className="layer-list">
          {inField.map((entry) => (
            <LayerToggle
              key={entry.id}
              entry={entry}
              alsoIn={
                entry.fields && entry.fields.length > 1
                  ? t("layers.alsoIn", {
                      fields: entry.fields
                        .slice(1)
                        .map((f) => t(`layers.fields.${f}`))
                        .join(", "),
                    })
                  : undefined
              }
            />
          ))}
          {alsoHere.map((entry) => (
            <LayerToggle key={`${entry.id}-also`} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The offline basemaps (city map light or dark, schematic) or one of the online ones. */
function BasemapSwitch() {
  const { t } = useTranslation();
  const basemap = useSessionStore((s) => s.basemap);
  const setBasemap = useSessionStore((s) => s.setBasemap);
  return (
    <section className="layer-group">
      <h3>{t("basemap.heading")}</h3>
      <fieldset className="basemap-switch">
        <legend className="visually-hidden">{t("basemap.heading")}</legend>
        {(["citymap", "citymap-dark", "schematic", "basemapde", "osm"] as BasemapId[]).map((id) => (
          <label key={id}>
            <input
              type="radio"
              name="basemap"
              value={id}
              checked={basemap === id}
              onChange={() => setBasemap(id)}
            />
            {t(`basemap.${id}`)}
          </label>
        ))}
      </fieldset>
      {basemap === "schematic" && <p className="muted small">{t("basemap.schematicHint")}</p>}
      {basemap.startsWith("citymap") && <p className="muted small">{t("basemap.citymapHint")}</p>}
    </section>
  );
}
