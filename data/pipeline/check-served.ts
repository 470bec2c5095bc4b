/**
 * Checks of what the data step is about to write (after transforms and rounding), on top of the
 * checks of the raw files in validate.ts: every written area is valid by the app's own check (so
 * rounding to 6 decimals broke nothing), and point layers that are meant to be Dortmund's have enough
 * of their points inside the city outline.
 */
import type { FeatureCollection } from "geojson";
import { containsPoint, ringIndexOfGeometry } from "../../src/domain/analysis/ring-index.ts";
import { isValidAreaGeometry } from "../../src/domain/geometry/validate-area-geometry.ts";
import type { AreaGeometry } from "../../src/domain/model/plan.ts";

/** One layer as it will be written. */
export interface ServedLayer {
  id: string;
  collection: FeatureCollection;
  /** At least this share of the points must lie inside the city outline (0..1); unchecked when absent. */
  minShareInCity?: number;
}

/** Problems as sentences naming the layer; empty when everything may be written. */
export function checkServedLayers(layers: readonly ServedLayer[], city: AreaGeometry | null): string[] {
  const problems: string[] = [];
  const cityRings = city ? ringIndexOfGeometry(city) : null;
  for (const layer of layers) {
    const invalid: number[] = [];
    let points = 0;
    let inside = 0;
    layer.collection.features.forEach((feature, index) => {
      const geometry = feature.geometry;
      if (geometry?.type === "Polygon" || geometry?.type === "MultiPolygon") {
        if (!isValidAreaGeometry(geometry)) invalid.push(index + 1);
      } else if (geometry?.type === "Point") {
        points += 1;
        const [lon, lat] = geometry.coordinates as [number, number];
        if (cityRings && containsPoint(cityRings, lon, lat)) inside += 1;
      }
    });
    if (invalid.length > 0) {
      problems.push(
        `${layer.id}: ${invalid.length} areas are invalid as written (after rounding): features #${invalid.slice(0, 5).join(", #")}`,
      );
    }
    if (layer.minShareInCity !== undefined && cityRings) {
      if (points === 0) problems.push(`${layer.id}: no points to serve`);
      else if (inside / points < layer.minShareInCity) {
        problems.push(
          `${layer.id}: only ${inside} of ${points} points lie inside the city outline ` +
            `(at least ${Math.round(layer.minShareInCity * 100)} % expected)`,
        );
      }
    }
  }
  return problems;
}
