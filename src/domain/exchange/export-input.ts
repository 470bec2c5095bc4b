/**
 * What an export is made of: the areas chosen (a selection, a variant or a whole plan), each with its
 * analysis when one is at hand, and the facts about the export itself (when, by which version, with
 * which credits). {@link selectExport} builds it from a plan; every export format reads only this.
 */
import type { AreaAnalysis } from "../analysis/analysis-result.ts";
import type { CatalogueEntry, LocalisedText } from "../model/catalogue.ts";
import type { PilotArea, Plan } from "../model/plan.ts";
import type { ExportLanguage } from "./attribute-labels.ts";

/** One area to export. */
export interface ExportArea {
  area: PilotArea;
  /** Name of the variant the area belongs to. */
  variantName: string;
  /** The area's analysis; when missing, the figures are written as empty (null). */
  analysis?: AreaAnalysis | null;
}

/**
 * A data layer behind the figures, as the catalogue describes it: names the facility columns and
 * credits the sources in the data dictionary.
 */
export interface ExportLayer {
  id: string;
  /** The catalogue's kind ("facility-points", "population", "reference-areas", "basemap-points", ...). */
  kind: string;
  title: LocalisedText;
  credit: string;
  /** When the data describes the world, as the catalogue says it. */
  dataDate?: LocalisedText;
  /** Population layers: the census year. */
  censusYear?: number;
}

/** Kinds of catalogue layer whose data is behind an export's figures. */
const FIGURE_LAYER_KINDS = new Set(["reference-areas", "population", "facility-points", "basemap-points"]);

/**
 * The catalogue's layers behind the figures, for {@link ExportInput.layers}: facility titles name the
 * facility columns; census, address points and districts are credited in the dictionary. A layer
 * without a title (a hand-made catalogue) is named by its id.
 */
export function exportLayersOf(entries: readonly Partial<CatalogueEntry>[]): ExportLayer[] {
  return entries.flatMap((e) =>
    e.id && e.kind && FIGURE_LAYER_KINDS.has(e.kind)
      ? [
          {
            id: e.id,
            kind: e.kind,
            title: e.title ?? { de: e.id, en: e.id },
            credit: e.credit ?? "",
            ...(e.dataDate ? { dataDate: e.dataDate } : {}),
            ...(e.censusYear ? { censusYear: e.censusYear } : {}),
          },
        ]
      : [],
  );
}

/** Everything an export format needs. */
export interface ExportInput {
  plan: { id: string; name: string };
  /** The variant exported, or null when areas of several variants (a whole plan) are exported. */
  variant: { id: string; name: string } | null;
  areas: readonly ExportArea[];
  /** Credit lines of the data behind the figures, as the caller shows them (e.g. from the catalogue). */
  credits: readonly string[];
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** Version of Pilotkarte that wrote the file. */
  appVersion: string;
  /** Language of the readable columns (`_label`) and of the data dictionary. */
  language: ExportLanguage;
  /** The catalogue's layers behind the figures; without them, facility columns are named by layer id. */
  layers?: readonly ExportLayer[];
}

/** Which areas to export. */
export type ExportScope =
  | { kind: "plan" }
  | { kind: "variant"; variantId: string }
  | { kind: "areas"; variantId: string; areaIds: readonly string[] };

/** Facts about the export that do not come from the plan. */
export interface ExportMeta {
  credits: readonly string[];
  exportedAt: string;
  appVersion: string;
  /** Default German. */
  language?: ExportLanguage;
  layers?: readonly ExportLayer[];
}

/**
 * The export input for a scope of a plan, in list order (variants in plan order, areas in variant
 * order; a selection keeps variant order, not the order of `areaIds`). Analyses are looked up by area
 * id. Returns null when the scope names a variant the plan does not have.
 */
export function selectExport(
  plan: Plan,
  scope: ExportScope,
  analyses: ReadonlyMap<string, AreaAnalysis> | Readonly<Record<string, AreaAnalysis>>,
  meta: ExportMeta,
): ExportInput | null {
  const lookup = (id: string): AreaAnalysis | null =>
    (analyses instanceof Map ? analyses.get(id) : (analyses as Record<string, AreaAnalysis>)[id]) ?? null;
  const variantIds = scope.kind === "plan" ? plan.variantOrder : [scope.variantId];
  const wanted = scope.kind === "areas" ? new Set(scope.areaIds) : null;
  const areas: ExportArea[] = [];
  for (const variantId of variantIds) {
    const variant = plan.variants[variantId];
    if (!variant) return null;
    for (const areaId of variant.areaOrder) {
      const area = variant.areas[areaId];
      if (!area || (wanted && !wanted.has(areaId))) continue;
      areas.push({ area, variantName: variant.name, analysis: lookup(areaId) });
    }
  }
  const single = scope.kind === "plan" ? null : plan.variants[scope.variantId];
  return {
    plan: { id: plan.id, name: plan.name },
    variant: single ? { id: single.id, name: single.name } : null,
    areas,
    credits: [...meta.credits],
    exportedAt: meta.exportedAt,
    appVersion: meta.appVersion,
    language: meta.language ?? "de",
    ...(meta.layers ? { layers: [...meta.layers] } : {}),
  };
}
