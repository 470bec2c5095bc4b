/**
 * A variant's figures kept up to date edit by edit. The state remembers every area's preparation,
 * every overlapping pair and every tile of the union (see `union-tiles.ts`); an update compares the
 * areas with the ones it has by id and geometry object (the document shares unchanged geometries),
 * and recomputes only
 * - the pairs of the added, moved or reshaped areas (candidates from a Flatbush over the boxes),
 * - the union's tiles under the old and new boxes of every added, changed or removed area.
 * Everything else (sum of areas, facilities counted once, uncovered districts, fields) is added up
 * again from the kept per-area parts, which is linear and cheap.
 *
 * The answer equals `analyseVariant` on the same areas to the last bit (a property test runs random
 * edit sequences through both): both measure pairs and tiles with the same functions on the same
 * operands in the same order (`variant-parts.ts`).
 */
import Flatbush from "flatbush";
import type { MultiPolygon } from "geojson";
import { geodesicArea } from "../geometry/measure-area.ts";
import { pathsToMultiPolygon } from "../geometry/paths-to-geometry.ts";
import type { AreaGeometry } from "../model/plan.ts";
import { levelsToReport } from "./analyse-area.ts";
import { type AnalyseVariantOptions, analyseVariant, type VariantAreaInput } from "./analyse-variant.ts";
import type { AreaOverlap, LevelCoverage, VariantAnalysis } from "./analysis-result.ts";
import { pointsInside } from "./count-facilities.ts";
import { MIN_COVERED_M2, measureLevels } from "./measure-coverage.ts";
import type { AnalysisContext } from "./prepare-analysis-context.ts";
import { type PreparedArea, prepareArea } from "./prepare-area.ts";
import {
  byId,
  measurePieces,
  piecesInTile,
  samePieces,
  type TileFigures,
  type TileKey,
  type TilePieces,
  tilesOfBounds,
} from "./union-tiles.ts";
import { assembleVariant, type MeasuredPair, measurePair, NO_SHAPE, overlapRow } from "./variant-parts.ts";

/** What is kept per area. */
interface AreaEntry {
  geometry: AreaGeometry;
  prepared: PreparedArea;
  tiles: TileKey[];
  /** Per facility layer: input indexes of the points inside. */
  pointsInside: number[][];
  /** Coverage and size, measured only when the caller's per-area results lack them. */
  levels?: LevelCoverage[];
  sizeM2?: number;
}

/** A kept overlapping pair (at least `MIN_COVERED_M2`), with its map geometry once asked for. */
interface PairEntry extends MeasuredPair {
  geometry?: MultiPolygon;
}

/** Counts of what the last update recomputed (for tests and the bench). */
export interface UpdateWork {
  preparedAreas: number;
  measuredPairs: number;
  measuredTiles: number;
}

export class IncrementalVariant {
  private areas = new Map<string, AreaEntry>();
  /** Overlapping pairs, both ways: id → other id → the pair. */
  private pairs = new Map<string, Map<string, PairEntry>>();
  private tileMembers = new Map<TileKey, Set<string>>();
  private tiles = new Map<TileKey, TileFigures>();
  /** Each tile's pieces when it was last measured: equal pieces after an edit mean equal figures. */
  private tilePieces = new Map<TileKey, TilePieces>();
  /** Per area, its overlap rows with the areas after it; dropped when its pairs or the order change. */
  private rowsByArea = new Map<string, AreaOverlap[]>();
  /** Per facility layer, per point (input index): how many areas hold it. */
  private facilityCounts: Uint32Array[];
  /** The ids in the order the rows were made for. */
  private order: string[] = [];
  private signature = "";
  /** What the last {@link update} recomputed. */
  lastWork: UpdateWork = { preparedAreas: 0, measuredPairs: 0, measuredTiles: 0 };

  constructor(private readonly context: AnalysisContext) {
    this.facilityCounts = this.newFacilityCounts();
  }

  private newFacilityCounts(): Uint32Array[] {
    return this.context.facilities.map((layer) => new Uint32Array(layer.categoryOfSource.length));
  }

  /** Per facility layer, the points inside any area, ascending (as the full recompute lists them). */
  private facilitiesInside(): number[][] {
    return this.facilityCounts.map((counts) => {
      const inside: number[] = [];
      counts.forEach((n, source) => {
        if (n > 0) inside.push(source);
      });
      return inside;
    });
  }

  /** The variant's figures for these areas (in variant order), recomputing what changed since the last call. */
  update(areas: readonly VariantAreaInput[], options: AnalyseVariantOptions = {}): VariantAnalysis {
    if (new Set(areas.map((a) => a.id)).size !== areas.length) {
      // Ids name the kept parts; with repeated ids, fall back to the full recompute.
      this.reset("");
      return analyseVariant(this.context, areas, options);
    }
    const withShapes = options.overlapGeometries !== false;
    const levels = levelsToReport(this.context, options);
    const signature = `${withShapes}|${levels.join(",")}`;
    if (signature !== this.signature) this.reset(signature);
    this.lastWork = { preparedAreas: 0, measuredPairs: 0, measuredTiles: 0 };

    const next = new Map(areas.map((area) => [area.id, area]));
    const stale = new Set<TileKey>();
    for (const [id, entry] of this.areas) {
      if (next.get(id)?.geometry !== entry.geometry) this.remove(id, entry, stale);
    }
    const added: PreparedArea[] = [];
    for (const area of areas) {
      if (!this.areas.has(area.id)) added.push(this.add(area, stale));
    }
    this.measurePairsOf(added, withShapes);
    for (const key of stale) this.measureTileAt(key);

    const known = new Map((options.areaAnalyses ?? []).map((analysis) => [analysis.areaId, analysis]));
    const entries = areas.map((area) => this.areas.get(area.id) as AreaEntry);
    return assembleVariant(
      this.context,
      {
        areas,
        prepared: entries.map((entry) => entry.prepared),
        facilitiesInside: this.facilitiesInside(),
        coverages: entries.map((entry) => {
          const row = known.get(entry.prepared.id);
          if (row) return row.levels;
          entry.levels ??= measureLevels(this.context, entry.prepared, levels);
          return entry.levels;
        }),
        sizes: entries.map((entry) => {
          const row = known.get(entry.prepared.id);
          if (row) return row.areaM2;
          entry.sizeM2 ??= geodesicArea(entry.geometry);
          return entry.sizeM2;
        }),
        overlaps: this.overlapRows(entries, withShapes),
        tiles: [...this.tiles.keys()].sort((a, b) => a - b).map((key) => this.tiles.get(key) as TileFigures),
      },
      options,
    );
  }

  private reset(signature: string): void {
    this.areas.clear();
    this.pairs.clear();
    this.tileMembers.clear();
    this.tiles.clear();
    this.tilePieces.clear();
    this.rowsByArea.clear();
    this.facilityCounts = this.newFacilityCounts();
    this.signature = signature;
  }

  private remove(id: string, entry: AreaEntry, stale: Set<TileKey>): void {
    this.areas.delete(id);
    entry.pointsInside.forEach((sources, l) => {
      const counts = this.facilityCounts[l] as Uint32Array;
      for (const source of sources) counts[source] = (counts[source] as number) - 1;
    });
    for (const key of entry.tiles) {
      this.tileMembers.get(key)?.delete(id);
      stale.add(key);
    }
    for (const other of this.pairs.get(id)?.keys() ?? []) {
      this.pairs.get(other)?.delete(id);
      this.rowsByArea.delete(other);
    }
    this.pairs.delete(id);
    this.rowsByArea.delete(id);
  }

  private add(area: VariantAreaInput, stale: Set<TileKey>): PreparedArea {
    const prepared = prepareArea(this.context.frame, area.id, area.geometry);
    const tiles = tilesOfBounds(prepared.shape.bounds);
    const inside = this.context.facilities.map((layer) => pointsInside(layer, prepared));
    inside.forEach((sources, l) => {
      const counts = this.facilityCounts[l] as Uint32Array;
      for (const source of sources) counts[source] = (counts[source] as number) + 1;
    });
    this.areas.set(area.id, { geometry: area.geometry, prepared, tiles, pointsInside: inside });
    for (const key of tiles) {
      const members = this.tileMembers.get(key);
      if (members) members.add(area.id);
      else this.tileMembers.set(key, new Set([area.id]));
      stale.add(key);
    }
    this.lastWork.preparedAreas++;
    return prepared;
  }

  /** Measures every pair of an added area with any area whose box meets its box. */
  private measurePairsOf(added: readonly PreparedArea[], withShapes: boolean): void {
    if (added.length === 0) return;
    const all = [...this.areas.values()].flatMap((entry) => (entry.prepared.box ? [entry.prepared] : []));
    if (all.length < 2) return;
    const index = new Flatbush(all.length);
    for (const area of all) index.add(...(area.box as [number, number, number, number]));
    index.finish();
    const isAdded = new Set(added.map((area) => area.id));
    for (const area of added) {
      if (area.box === null) continue;
      for (const j of index.search(...area.box)) {
        const other = all[j] as PreparedArea;
        // A pair of two added areas is measured once, from the one with the smaller id.
        if (other.id === area.id || (isAdded.has(other.id) && other.id < area.id)) continue;
        const pair = measurePair(this.context.frame, area, other, withShapes);
        this.lastWork.measuredPairs++;
        if (!(pair.overlapM2 >= MIN_COVERED_M2)) continue;
        this.link(area.id, other.id, pair);
        this.link(other.id, area.id, pair);
      }
    }
  }

  private link(id: string, other: string, pair: PairEntry): void {
    this.rowsByArea.delete(id);
    const partners = this.pairs.get(id);
    if (partners) partners.set(other, pair);
    else this.pairs.set(id, new Map([[other, pair]]));
  }

  private measureTileAt(key: TileKey): void {
    const ids = this.tileMembers.get(key);
    if (!ids || ids.size === 0) {
      this.tileMembers.delete(key);
      this.tiles.delete(key);
      this.tilePieces.delete(key);
      return;
    }
    const members = [...ids].map((id) => (this.areas.get(id) as AreaEntry).prepared).sort(byId);
    const pieces = piecesInTile(this.context.frame, key, members);
    const before = this.tilePieces.get(key);
    // An edit far from this tile (a vertex dragged elsewhere) leaves its pieces and figures as they were.
    if (before !== undefined && samePieces(before, pieces)) return;
    this.tilePieces.set(key, pieces);
    const figures = measurePieces(this.context, key, pieces);
    this.lastWork.measuredTiles++;
    if (figures) this.tiles.set(key, figures);
    else this.tiles.delete(key);
  }

  /**
   * Overlap rows in variant order (a before b). Rows are kept per area and reused while its pairs
   * and the order stay (treat results as read-only); geometries are converted once per pair.
   */
  private overlapRows(entries: readonly AreaEntry[], withShapes: boolean): AreaOverlap[] {
    const ids = entries.map((entry) => entry.prepared.id);
    if (ids.length !== this.order.length || ids.some((id, i) => id !== this.order[i])) {
      this.rowsByArea.clear();
      this.order = ids;
    }
    let position: Map<string, number> | null = null;
    const rows: AreaOverlap[] = [];
    entries.forEach((entry, i) => {
      const id = entry.prepared.id;
      let own = this.rowsByArea.get(id);
      if (!own) {
        position ??= new Map(ids.map((other, k) => [other, k]));
        own = this.rowsOf(entry, i, position, entries, withShapes);
        this.rowsByArea.set(id, own);
      }
      for (const row of own) rows.push(row);
    });
    return rows;
  }

  /** The rows of one area with the areas after it, in variant order. */
  private rowsOf(
    entry: AreaEntry,
    i: number,
    position: ReadonlyMap<string, number>,
    entries: readonly AreaEntry[],
    withShapes: boolean,
  ): AreaOverlap[] {
    const partners = this.pairs.get(entry.prepared.id);
    if (!partners) return [];
    const later = [...partners.keys()]
      .map((id) => position.get(id) as number)
      .filter((k) => k > i)
      .sort((x, y) => x - y);
    return later.map((k) => {
      const other = entries[k] as AreaEntry;
      const pair = partners.get(other.prepared.id) as PairEntry;
      if (withShapes) pair.geometry ??= pathsToMultiPolygon(this.context.frame, pair.paths);
      return overlapRow(entry.prepared, other.prepared, pair.overlapM2, pair.geometry ?? NO_SHAPE);
    });
  }
}
