/**
 * The texts and legend of the map picture (PNG), in the UI language: the active variant's pilot areas
 * with their colour and fields, the visible layers with their symbols, imported overlays, and every
 * credit with its licence.
 */
import type { TFunction } from "i18next";
import type { GeneratedCatalogue } from "../../domain/model/catalogue.ts";
import type { Plan, Variant } from "../../domain/model/plan.ts";
import { formatDateTime, formatNumber, type Language } from "../../i18n/index.ts";
import type { LegendSection, MapImageContent } from "../../map/map-image.ts";
import { POPULATION_CLASSES, visibleCredits } from "../../map/map-style.ts";
import type { Overlay } from "../../store/overlay-store.ts";
import type { BasemapId } from "../../store/session-store.ts";

export interface MapImageState {
  catalogue: GeneratedCatalogue;
  plan: Plan;
  variant: Variant;
  visibleLayers: readonly string[];
  basemap: BasemapId;
  overlays: readonly Overlay[];
  language: Language;
}

export function mapImageContent(t: TFunction, state: MapImageState): MapImageContent {
  const { catalogue, variant, language } = state;
  const visible = new Set(state.visibleLayers);
  const legend: LegendSection[] = [];

  const areas = variant.areaOrder.flatMap((id) => {
    const area = variant.areas[id];
    if (!area) return [];
    const fields =
      area.fields.length > 0
        ? area.fields.map((f) => t(`layers.fields.${f}`)).join(", ")
        : t("exchange.mapImage.noFields");
    const incomplete = area.name.trim() === "" || area.fields.length === 0;
    return [
      {
        label: `${area.name} – ${fields}`,
        symbol: { kind: "area" as const, colour: area.colour, dashed: incomplete },
      },
    ];
  });
  if (areas.length > 0) legend.push({ title: t("exchange.mapImage.pilotAreas"), items: areas });

  const layers: LegendSection["items"] = [];
  for (const entry of catalogue.entries) {
    if (!visible.has(entry.id)) continue;
    const title = entry.title[language];
    const colour = entry.colour ?? "#374151";
    if (entry.kind === "facility-points") layers.push({ label: title, symbol: { kind: "point", colour } });
    else if (entry.kind === "context-areas")
      layers.push({ label: title, symbol: { kind: "area", colour, opacity: 0.15 } });
    else if (entry.kind === "boundary") layers.push({ label: title, symbol: { kind: "outline", colour } });
  }
  if (layers.length > 0) legend.push({ title: t("exchange.mapImage.layers"), items: layers });

  const population = catalogue.entries.find((e) => e.kind === "population" && visible.has(e.id));
  if (population) {
    legend.push({
      title: t("exchange.mapImage.population", { year: population.censusYear ?? "" }),
      items: POPULATION_CLASSES.map((c, i) => {
        const next = POPULATION_CLASSES[i + 1];
        const label = next
          ? `${formatNumber(c.from, language)} – ${formatNumber(next.from - 1, language)}`
          : `≥ ${formatNumber(c.from, language)}`;
        return { label, symbol: { kind: "area" as const, colour: c.colour, opacity: 0.8 } };
      }),
    });
  }

  const overlays = state.overlays.filter((o) => o.visible);
  if (overlays.length > 0) {
    legend.push({
      title: t("exchange.mapImage.overlays"),
      items: overlays.map((o) => ({
        label: o.fileName,
        symbol:
          o.areaCount > 0
            ? { kind: "area", colour: o.colour, opacity: 0.12 }
            : { kind: "point", colour: o.colour },
      })),
    });
  }

  const credits = visibleCredits(catalogue, {
    level: "stadtbezirk",
    showLabels: true,
    visibleLayers: visible,
    basemap:
      state.basemap === "basemapde"
        ? { id: "basemapde", style: { version: 8, sources: {}, layers: [] } }
        : { id: state.basemap },
  }).map((credit) => {
    const licences = [
      ...new Set(catalogue.entries.filter((e) => e.credit === credit).map((e) => e.licence.name)),
    ];
    return licences.length > 0 ? `${credit} (${licences.join(", ")})` : credit;
  });

  return {
    title: state.plan.name,
    subtitle: t("exchange.mapImage.subtitle", {
      plan: t("app.title"),
      variant: variant.name,
      date: formatDateTime(new Date().toISOString(), language),
    }),
    legendTitle: t("exchange.mapImage.legend"),
    legend,
    creditsTitle: t("exchange.mapImage.credits"),
    credits,
    formatDistance: (metres) =>
      metres >= 1000 ? `${formatNumber(metres / 1000, language)} km` : `${formatNumber(metres, language)} m`,
  };
}
