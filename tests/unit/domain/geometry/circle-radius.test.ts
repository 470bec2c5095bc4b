import { describe, expect, it } from "vitest";
import { geodesicRadiusM, localMetresPerDegree } from "../../../../src/domain/geometry/index.ts";

describe("geodesicRadiusM", () => {
  it("measures 0.01° along a meridian as the meridian arc", () => {
    const expected = localMetresPerDegree(51.505).y * 0.01;
    expect(geodesicRadiusM([7.4, 51.5], [7.4, 51.51]) / expected).toBeCloseTo(1, 7);
  });

  it("measures 0.01° along the equator as the equatorial arc", () => {
    const expected = (2 * Math.PI * 6378137) / 360 / 100;
    expect(geodesicRadiusM([0, 0], [0.01, 0])).toBeCloseTo(expected, 6);
  });

  it("is zero at the centre and the same in both directions", () => {
    expect(geodesicRadiusM([7.4, 51.5], [7.4, 51.5])).toBe(0);
    expect(geodesicRadiusM([7.4, 51.5], [7.43, 51.52])).toBeCloseTo(
      geodesicRadiusM([7.43, 51.52], [7.4, 51.5]),
      6,
    );
  });
});
