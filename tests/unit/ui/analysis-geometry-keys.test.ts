/**
 * A variant's analysis names its areas by geometry key; the worker keeps the geometries it was sent.
 * Checked against the worker's real GeometryKeeper: only unknown geometries travel, a restarted worker
 * (an empty keeper) gets them all on a second call, and the keeper lets go of old ones past its limit.
 */
import { describe, expect, it } from "vitest";
import type { VariantAreaInput } from "../../../src/domain/analysis/analyse-variant.ts";
import type { AreaAnalysis, VariantAnalysis } from "../../../src/domain/analysis/analysis-result.ts";
import { GeometryKeeper, type KeyedVariantArea } from "../../../src/domain/analysis/keyed-areas.ts";
import {
  analyseVariantByKeys,
  geometryKey,
  type KeyedVariantApi,
} from "../../../src/ui/analysis-geometry-keys.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const square = (x: number) => rectangle(x, 51.5, x + 0.01, 51.51);

/** A stand-in worker: the real keeper; the "analysis" reports which geometries it was given. */
function fakeWorker(keeper: GeometryKeeper) {
  const calls: KeyedVariantArea[][] = [];
  const variantKeys: (string | undefined)[] = [];
  let analysed: VariantAreaInput[] = [];
  const api: KeyedVariantApi = {
    async analyseVariantByKeys(areas, _analyses, variantKey) {
      calls.push(areas);
      variantKeys.push(variantKey);
      const resolved = keeper.resolve(areas);
      if ("missing" in resolved) return resolved;
      analysed = resolved.inputs;
      return { result: { areaCount: resolved.inputs.length } as unknown as VariantAnalysis };
    },
  };
  return { api, calls, variantKeys, analysed: () => analysed };
}

describe("analyseVariantByKeys", () => {
  it("sends keys only for geometries the worker has, and the geometries themselves otherwise", async () => {
    const a = { id: "a", geometry: square(7.4) };
    const b = { id: "b", geometry: square(7.42) };
    const keeper = new GeometryKeeper();
    // The worker saw area a's geometry when it analysed the area.
    keeper.keep(geometryKey(a.geometry), a.geometry);
    const worker = fakeWorker(keeper);
    const result = await analyseVariantByKeys(worker.api, [a, b], [] as AreaAnalysis[]);
    expect(result).toEqual({ areaCount: 2 });
    expect(worker.calls).toHaveLength(2);
    expect(worker.calls[0]?.some((area) => area.geometry)).toBe(false);
    expect(worker.calls[1]?.map((area) => [area.id, area.geometry !== undefined])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    expect(worker.analysed().map((area) => area.geometry)).toEqual([a.geometry, b.geometry]);

    // The next time, both are known: one call, no coordinates.
    const again = await analyseVariantByKeys(worker.api, [a, b], []);
    expect(again).toEqual({ areaCount: 2 });
    expect(worker.calls).toHaveLength(3);
    expect(worker.calls[2]?.some((area) => area.geometry)).toBe(false);
  });

  it("passes the variant's key on every call, so the worker can keep that variant's incremental state", async () => {
    const worker = fakeWorker(new GeometryKeeper());
    await analyseVariantByKeys(worker.api, [{ id: "a", geometry: square(7.46) }], [], "variant-1");
    expect(worker.variantKeys).toEqual(["variant-1", "variant-1"]);
  });

  it("the keeper answers a key with the first geometry object sent under it (unchanged areas keep their identity)", () => {
    const keeper = new GeometryKeeper();
    const first = square(7.48);
    keeper.keep(1, first);
    keeper.keep(1, structuredClone(first));
    const resolved = keeper.resolve([{ id: "a", geometryKey: 1, geometry: structuredClone(first) }]);
    expect("inputs" in resolved && resolved.inputs[0]?.geometry).toBe(first);
  });

  it("a restarted worker (nothing kept) gets every geometry on the second call", async () => {
    const areas = [7.4, 7.42, 7.44].map((x, i) => ({ id: `area-${i}`, geometry: square(x) }));
    const worker = fakeWorker(new GeometryKeeper());
    await analyseVariantByKeys(worker.api, areas, []);
    expect(worker.calls[1]?.every((area) => area.geometry)).toBe(true);
    expect(worker.analysed().map((area) => area.id)).toEqual(["area-0", "area-1", "area-2"]);
  });

  it("the same geometry object keeps its key; an edited geometry gets a new one", () => {
    const g = square(7.4);
    expect(geometryKey(g)).toBe(geometryKey(g));
    expect(geometryKey(square(7.4))).not.toBe(geometryKey(g));
  });
});

describe("GeometryKeeper", () => {
  it("past its limit, keeps only the geometries of the latest variant", () => {
    const keeper = new GeometryKeeper(3);
    for (let key = 1; key <= 5; key++) keeper.keep(key, square(7 + key / 100));
    const resolved = keeper.resolve([{ id: "x", geometryKey: 4 }]);
    expect("inputs" in resolved).toBe(true);
    expect(keeper.size).toBe(1);
    expect(keeper.resolve([{ id: "y", geometryKey: 2 }])).toEqual({ missing: [2] });
  });
});
