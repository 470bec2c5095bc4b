/**
 * A GeoJSON source that MapLibre receives as changes, not as a whole. Handing a FeatureCollection to
 * MapLibre's worker serialises every coordinate on the main thread (about 40 ms for 200 detailed
 * areas here), on every change; a diff of the changed features costs next to nothing.
 *
 * The <Source> keeps one container object for its lifetime, so react-map-gl never re-sends (or deep
 * compares) the data; the container always holds the current features, so a source re-created after
 * a style change starts from the right data. Features need stable numeric ids.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from "geojson";
import type { GeoJSONSource } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { useMap } from "react-map-gl/maplibre";

/** Numeric feature ids that stay the same for the same key (area id, overlap key) for the session. */
export function stableFeatureIds(): (key: string) => number {
  const ids = new Map<string, number>();
  return (key) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
    }
    return id;
  };
}

/** What changed: features to remove (by id) and to add or replace (MapLibre keeps their order). */
export interface FeatureDiff<F> {
  remove: number[];
  add: F[];
}

/**
 * The change from `previous` to `next`, or null when so much changed that sending everything is
 * simpler. `same` says whether a feature with the same id is unchanged.
 */
export function diffFeatures<F extends Feature>(
  previous: readonly F[],
  next: readonly F[],
  same: (a: F, b: F) => boolean,
): FeatureDiff<F> | null {
  const before = new Map(previous.map((f) => [f.id as number, f]));
  const add: F[] = [];
  for (const feature of next) {
    const old = before.get(feature.id as number);
    before.delete(feature.id as number);
    if (!old || !same(old, feature)) add.push(feature);
  }
  const remove = [...before.keys()];
  if (add.length + remove.length > Math.max(8, next.length / 2)) return null;
  return { remove, add };
}

/** The container to give <Source data>; changes of `data` reach MapLibre as diffs. */
export function useIncrementalSource<G extends Geometry, P extends GeoJsonProperties>(
  sourceId: string,
  data: FeatureCollection<G, P>,
  same: (a: Feature<G, P>, b: Feature<G, P>) => boolean,
): FeatureCollection<G, P> {
  const [container] = useState<FeatureCollection<G, P>>(() => ({
    type: "FeatureCollection",
    features: data.features,
  }));
  const sent = useRef(data);
  const { current: map } = useMap();
  useEffect(() => {
    const previous = sent.current;
    if (previous === data) return;
    sent.current = data;
    container.features = data.features;
    const source = map?.getMap().getSource(sourceId) as GeoJSONSource | undefined;
    if (!source) return;
    const diff = diffFeatures(previous.features, data.features, same);
    if (diff === null) void source.setData(container);
    else if (diff.add.length > 0 || diff.remove.length > 0) void source.updateData(diff);
  }, [data, container, map, sourceId, same]);
  return container;
}
