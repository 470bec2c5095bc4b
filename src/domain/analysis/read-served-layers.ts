/**
 * Turns the files the data step serves (`public/generated/*.geojson`, already parsed) into the plain
 * inputs of {@link prepareAnalysisContext}. Pure: fetching and parsing happen in the worker or the test.
 */
import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import type { AreaGeometry } from "../model/plan.ts";
import type { PointLayerInput } from "./prepare-point-layer.ts";
import type { GridCellInput } from "./prepare-population-grid.ts";
import type { ReferenceAreaInput } from "./prepare-reference-areas.ts";

function isArea(geometry: Geometry | null): geometry is AreaGeometry {
  return geometry?.type === "Polygon" || geometry?.type === "MultiPolygon";
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Reference areas from a served `districts-<level>.geojson` (properties code, name, parentCode). */
export function referenceAreasFromCollection(collection: FeatureCollection): ReferenceAreaInput[] {
  return collection.features.flatMap((f) =>
    isArea(f.geometry)
      ? [
          {
            code: text(f.properties?.code),
            name: text(f.properties?.name),
            parentCode: text(f.properties?.parentCode),
            geometry: f.geometry,
          },
        ]
      : [],
  );
}

const finiteOrNull = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * Grid cells from a served `population-grid*.geojson` (properties cellId, residents, and in the 2022
 * grid under15 and age65plus).
 */
export function gridCellsFromCollection(collection: FeatureCollection): GridCellInput[] {
  return collection.features.flatMap((f) => {
    if (!isArea(f.geometry)) return [];
    const p = f.properties ?? {};
    const hasGroups = "under15" in p || "age65plus" in p;
    return [
      {
        id: text(p.cellId ?? f.id),
        residents: finiteOrNull(p.residents),
        geometry: f.geometry,
        ...(hasGroups
          ? { groups: { under15: finiteOrNull(p.under15), age65plus: finiteOrNull(p.age65plus) } }
          : {}),
      },
    ];
  });
}

/** The city outline from the served `city-boundary.geojson` (its first area feature), or null. */
export function cityFromCollection(collection: FeatureCollection): AreaGeometry | null {
  const found = collection.features.find((f) => isArea(f.geometry));
  return found ? (found.geometry as AreaGeometry) : null;
}

/**
 * A facility layer from a served point file. Ids are the features' ids (the data step numbers them
 * from 1), else their index; categories come from `categoryKey` ("category" in every served layer
 * that has one). Features that are not points are skipped.
 */
export function pointLayerFromCollection(
  id: string,
  collection: FeatureCollection,
  categoryKey = "category",
): PointLayerInput {
  const points = collection.features.filter((f): f is Feature<Point> => f.geometry?.type === "Point");
  return {
    id,
    positions: points.map((f) => f.geometry.coordinates),
    ids: points.map((f, i) => f.id ?? i),
    categories: points.map((f) => text(f.properties?.[categoryKey])),
  };
}
