/**
 * Areas named by geometry key instead of by their coordinates: the analysis worker keeps every
 * geometry it was sent (by the key the page gave the geometry object), so a variant's analysis does
 * not copy all coordinates again (about 150 ms of copying on the page for 300 areas of 1,000
 * vertices). When a key is unknown (the worker was restarted, or never saw that area) the worker says
 * which, and the page sends those geometries along.
 */
import type { AreaGeometry } from "../model/plan.ts";
import type { VariantAreaInput } from "./analyse-variant.ts";

/** An area of a variant: its geometry, or only the key of a geometry sent before. */
export type KeyedVariantArea = Omit<VariantAreaInput, "geometry"> & {
  geometryKey: number;
  geometry?: AreaGeometry;
};

export class GeometryKeeper {
  private readonly geometries = new Map<number, AreaGeometry>();

  /** `max`: beyond this many, geometries not in the latest variant are let go. */
  constructor(private readonly max = 5_000) {}

  /**
   * Keeps the first geometry sent under a key: the page gives each geometry object its own key and
   * never changes a geometry, so a later copy is the same shape, and keeping the first object lets
   * the incremental variant analysis recognise unchanged areas by identity.
   */
  keep(key: number, geometry: AreaGeometry): void {
    if (!this.geometries.has(key)) this.geometries.set(key, geometry);
  }

  get size(): number {
    return this.geometries.size;
  }

  /** The areas with their geometries, or the keys whose geometry is not here. */
  resolve(areas: readonly KeyedVariantArea[]): { inputs: VariantAreaInput[] } | { missing: number[] } {
    const missing: number[] = [];
    const inputs: VariantAreaInput[] = [];
    for (const { geometryKey, geometry, ...rest } of areas) {
      if (geometry) this.keep(geometryKey, geometry);
      const known = this.geometries.get(geometryKey);
      if (known) inputs.push({ ...rest, geometry: known });
      else missing.push(geometryKey);
    }
    if (missing.length > 0) return { missing };
    if (this.geometries.size > this.max) {
      const used = new Set(areas.map((a) => a.geometryKey));
      for (const key of this.geometries.keys()) if (!used.has(key)) this.geometries.delete(key);
    }
    return { inputs };
  }
}
