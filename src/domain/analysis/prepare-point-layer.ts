/**
 * A point layer (facilities, stops, address points) prepared once for "which points lie in this
 * area" queries: the points bucketed into a regular lon/lat grid, stored bucket by bucket.
 *
 * Why a grid and not a k-d tree: an area covers most of its buckets completely, and a bucket that
 * no edge of the area crosses is either wholly inside or wholly outside, decided by one
 * point-in-polygon test of its centre. Only points in buckets on the area's border are tested one by
 * one, so a count over 1,000,000 points costs about the border's length, not the number of points.
 */

/** What a point layer is made from: plain arrays, no GeoJSON needed. */
export interface PointLayerInput {
  /** Layer id, e.g. the catalogue id "transit-stops". */
  id: string;
  /** Positions as [lon, lat] pairs, or interleaved lon, lat numbers. */
  positions: readonly (readonly number[])[] | Float64Array;
  /** One id per point (feature id); defaults to the point's index. */
  ids?: readonly (string | number)[];
  /** One category per point (e.g. "Grundschule"); defaults to "" for all. */
  categories?: readonly string[];
}

/** A bucketed point layer. Build with {@link preparePointLayer}; treat as read-only. */
export interface PreparedPointLayer {
  readonly id: string;
  /** Number of points with finite coordinates (points without are dropped). */
  readonly count: number;
  /** Grid origin (south-west corner), bucket size in degrees, and bucket columns and rows. */
  readonly west: number;
  readonly south: number;
  readonly bucketWidth: number;
  readonly bucketHeight: number;
  readonly columns: number;
  readonly rows: number;
  /** Points of bucket b (b = row * columns + column) are slots bucketStart[b] .. bucketStart[b + 1]. */
  readonly bucketStart: Uint32Array;
  /** Lon and lat per slot. */
  readonly lons: Float64Array;
  readonly lats: Float64Array;
  /** The input index of the point in each slot. */
  readonly sourceIndex: Uint32Array;
  /** Point ids by input index; null when the input had none (the index is the id). */
  readonly ids: readonly (string | number)[] | null;
  /** Distinct categories, in order of first appearance. */
  readonly categoryNames: readonly string[];
  /** Category of each slot, as an index into `categoryNames`. */
  readonly categoryOfSlot: Uint16Array;
  /** Category of each point by input index (0 for dropped points). */
  readonly categoryOfSource: Uint16Array;
}

/** Points per bucket aimed at: small enough that border buckets are cheap, large enough to skip. */
const POINTS_PER_BUCKET = 24;
const MAX_BUCKETS_PER_SIDE = 2048;

function positionAt(positions: PointLayerInput["positions"], i: number): [number, number] {
  if (positions instanceof Float64Array) return [positions[2 * i] as number, positions[2 * i + 1] as number];
  const p = positions[i] as readonly number[];
  return [p[0] as number, p[1] as number];
}

/** Buckets a point layer. Copies what it keeps; later changes to the input do not reach it. */
export function preparePointLayer(input: PointLayerInput): PreparedPointLayer {
  const total =
    input.positions instanceof Float64Array ? input.positions.length >> 1 : input.positions.length;
  const keep: number[] = [];
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < total; i++) {
    const [x, y] = positionAt(input.positions, i);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    keep.push(i);
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const count = keep.length;
  if (count === 0) {
    west = 0;
    south = 0;
    east = 0;
    north = 0;
  }
  // Square-ish buckets in degrees of the layer's aspect, about POINTS_PER_BUCKET points each on average.
  const width = Math.max(east - west, 1e-9);
  const height = Math.max(north - south, 1e-9);
  const buckets = Math.max(1, count / POINTS_PER_BUCKET);
  const side = Math.sqrt((width * height) / buckets);
  const columns = Math.max(1, Math.min(MAX_BUCKETS_PER_SIDE, Math.ceil(width / side)));
  const rows = Math.max(1, Math.min(MAX_BUCKETS_PER_SIDE, Math.ceil(height / side)));
  const bucketWidth = (width / columns) * (1 + 1e-12);
  const bucketHeight = (height / rows) * (1 + 1e-12);

  const bucketOfPoint = new Uint32Array(count);
  const bucketStart = new Uint32Array(columns * rows + 1);
  keep.forEach((source, k) => {
    const [x, y] = positionAt(input.positions, source);
    const column = Math.min(columns - 1, Math.floor((x - west) / bucketWidth));
    const row = Math.min(rows - 1, Math.floor((y - south) / bucketHeight));
    const bucket = row * columns + column;
    bucketOfPoint[k] = bucket;
    bucketStart[bucket + 1] = (bucketStart[bucket + 1] as number) + 1;
  });
  for (let b = 0; b < columns * rows; b++) {
    bucketStart[b + 1] = (bucketStart[b + 1] as number) + (bucketStart[b] as number);
  }
  const fill = bucketStart.slice(0, columns * rows);
  const lons = new Float64Array(count);
  const lats = new Float64Array(count);
  const sourceIndex = new Uint32Array(count);
  const categoryOfSlot = new Uint16Array(count);
  const categoryOfSource = new Uint16Array(total);
  const categoryNames: string[] = [];
  const categoryIndex = new Map<string, number>();
  keep.forEach((source, k) => {
    const bucket = bucketOfPoint[k] as number;
    const slot = fill[bucket] as number;
    fill[bucket] = slot + 1;
    const [x, y] = positionAt(input.positions, source);
    lons[slot] = x;
    lats[slot] = y;
    sourceIndex[slot] = source;
    const category = input.categories?.[source] ?? "";
    let c = categoryIndex.get(category);
    if (c === undefined) {
      c = categoryNames.length;
      categoryNames.push(category);
      categoryIndex.set(category, c);
    }
    categoryOfSlot[slot] = c;
    categoryOfSource[source] = c;
  });
  return {
    id: input.id,
    count,
    west,
    south,
    bucketWidth,
    bucketHeight,
    columns,
    rows,
    bucketStart,
    lons,
    lats,
    sourceIndex,
    ids: input.ids ? input.ids.slice(0, total) : null,
    categoryNames,
    categoryOfSlot,
    categoryOfSource,
  };
}

/** The id of the point with the given input index, as a string. */
export function pointId(layer: PreparedPointLayer, sourceIndex: number): string {
  return String(layer.ids?.[sourceIndex] ?? sourceIndex);
}
