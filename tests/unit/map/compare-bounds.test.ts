import { describe, expect, it } from "vitest";
import type { AreaGeometry, Variant } from "../../../src/domain/model/plan.ts";
import { variantsBounds } from "../../../src/map/compare-bounds.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const variantOf = (...geometries: AreaGeometry[]) =>
  ({
    areaOrder: geometries.map((_, i) => `a${i}`),
    areas: Object.fromEntries(geometries.map((geometry, i) => [`a${i}`, { geometry }])),
  }) as unknown as Pick<Variant, "areaOrder" | "areas">;

describe("variantsBounds", () => {
  it("covers every area of every variant, polygons and multipolygons", () => {
    const multi: AreaGeometry = {
      type: "MultiPolygon",
      coordinates: [
        rectangle(7.6, 51.55, 7.61, 51.56).coordinates as never,
        rectangle(7.3, 51.45, 7.31, 51.46).coordinates as never,
      ],
    };
    expect(variantsBounds([variantOf(rectangle(7.4, 51.5, 7.42, 51.52)), variantOf(multi)])).toEqual([
      7.3, 51.45, 7.61, 51.56,
    ]);
  });
  it("is null when no variant has an area", () => {
    expect(variantsBounds([variantOf(), variantOf()])).toBeNull();
  });
});
