/**
 * Figures of a whole variant: where its areas overlap (pairwise, both shares), totals with overlaps
 * counted once (union area, residents in the union, facilities counted once), the districts no area
 * touches, and how many areas serve each alliance field. This is the full recompute; after an edit,
 * `incremental-variant.ts` gives the same figures (to the last bit) recomputing only what the edit
 * touched. Both build on `variant-parts.ts` and `union-tiles.ts`.
 */
import Flatbush from "flatbush";
import { geodesicArea } from "../geometry/measure-area.ts";
import { pathsToMultiPolygon } from "../geometry/paths-to-geometry.ts";
import type { AllianceField } from "../model/catalogue.ts";
import type { AreaId, Variant } from "../model/plan.ts";
import { type AnalyseAreaOptions, type AreaInput, levelsToReport } from "./analyse-area.ts";
import type { AreaAnalysis, AreaOverlap, VariantAnalysis } from "./analysis-result.ts";
import { pointsInside } from "./count-facilities.ts";
import { MIN_COVERED_M2, measureLevels } from "./measure-coverage.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";
import { byId, measureTile, type TileFigures, type TileKey, tilesOfBounds } from "./union-tiles.ts";
import { assembleVariant, measurePair, NO_SHAPE, overlapRow } from "./variant-parts.ts";

/** An area of a variant: geometry plus the alliance fields it serves. */
export interface VariantAreaInput extends AreaInput {
  fields?: readonly AllianceField[];
}

/** Options of {@link analyseVariant}. */
export interface AnalyseVariantOptions extends AnalyseAreaOptions {
  /**
   * Results of {@link analyseArea} for (some of) the areas, from the per-area rows the UI already has;
   * their district coverage and sizes are reused instead of computed again.
   */
  areaAnalyses?: readonly AreaAnalysis[];
  /** Whether to return the overlap geometries (for the map); default true. */
  overlapGeometries?: boolean;
}

/** The areas of a plan variant in list order, as input for {@link analyseVariant}. */
export function areasOfVariant(variant: Variant): VariantAreaInput[] {
  return variant.areaOrder.flatMap((id: AreaId) => {
    const area = variant.areas[id];
    return area ? [{ id: area.id, geometry: area.geometry, fields: area.fields }] : [];
  });
}

/** Every overlapping pair (a before b in the input), candidates from a Flatbush over the boxes. */
function overlapRows(context: AnalysisContext, prepared: readonly PreparedArea[], withShapes: boolean) {
  const withBox = prepared.flatMap((area, i) => (area.box === null ? [] : [i]));
  const rows: AreaOverlap[] = [];
  if (withBox.length < 2) return rows;
  const index = new Flatbush(withBox.length);
  for (const i of withBox)
    index.add(...((prepared[i] as PreparedArea).box as [number, number, number, number]));
  index.finish();
  for (const [k, a] of withBox.entries()) {
    const area = prepared[a] as PreparedArea;
    const others = index
      .search(...(area.box as [number, number, number, number]))
      .filter((j) => j > k)
      .map((j) => withBox[j] as number)
      .sort((x, y) => x - y);
    for (const b of others) {
      const other = prepared[b] as PreparedArea;
      const { overlapM2, paths } = measurePair(context.frame, area, other, withShapes);
      if (!(overlapM2 >= MIN_COVERED_M2)) continue;
      const geometry = withShapes ? pathsToMultiPolygon(context.frame, paths) : NO_SHAPE;
      rows.push(overlapRow(area, other, overlapM2, geometry));
    }
  }
  return rows;
}

/** The union's figures tile by tile, in ascending tile order (see `union-tiles.ts`). */
function unionTiles(context: AnalysisContext, prepared: readonly PreparedArea[]): TileFigures[] {
  const members = new Map<TileKey, PreparedArea[]>();
  for (const area of prepared) {
    for (const key of tilesOfBounds(area.shape.bounds)) {
      const list = members.get(key);
      if (list) list.push(area);
      else members.set(key, [area]);
    }
  }
  return [...members.keys()]
    .sort((a, b) => a - b)
    .flatMap((key) => measureTile(context, key, (members.get(key) as PreparedArea[]).sort(byId)) ?? []);
}

/** All variant figures as a plain, serialisable object. Areas are reported in input order. */
export function analyseVariant(
  context: AnalysisContext,
  areas: readonly VariantAreaInput[],
  options: AnalyseVariantOptions = {},
): VariantAnalysis {
  const prepared = areas.map((area) => prepareArea(context.frame, area.id, area.geometry));
  const known = new Map((options.areaAnalyses ?? []).map((analysis) => [analysis.areaId, analysis]));
  const levels = levelsToReport(context, options);
  return assembleVariant(
    context,
    {
      areas,
      prepared,
      facilitiesInside: context.facilities.map((layer) => {
        const seen = new Set<number>();
        for (const area of prepared) for (const source of pointsInside(layer, area)) seen.add(source);
        return [...seen].sort((x, y) => x - y);
      }),
      coverages: prepared.map((area) => known.get(area.id)?.levels ?? measureLevels(context, area, levels)),
      sizes: prepared.map((area) => known.get(area.id)?.areaM2 ?? geodesicArea(area.geometry)),
      overlaps: overlapRows(context, prepared, options.overlapGeometries !== false),
      tiles: unionTiles(context, prepared),
    },
    options,
  );
}
