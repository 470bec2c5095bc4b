import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { KNOWN_CRS } from "../../../../src/domain/exchange/crs.ts";
import { type ParsedCoordinate, parseCoordinate } from "../../../../src/domain/geometry/parse-coordinate.ts";

/** An independent check of the 25832 conversion: proj4 with the EPSG definition. */
const utmToWgs84 = proj4(
  "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs",
  KNOWN_CRS.get(4326)?.proj4 as string,
);

/** Distance in metres between two lon/lat points (equirectangular; fine over metres). */
function metresBetween(a: [number, number], b: [number, number]): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (a[0] - b[0]) * 111_320 * Math.cos(lat);
  const dy = (a[1] - b[1]) * 110_574;
  return Math.hypot(dx, dy);
}

function point(parsed: ParsedCoordinate): [number, number] {
  if (!parsed.ok) throw new Error(`expected a coordinate, got ${parsed.problem}`);
  return [parsed.lon, parsed.lat];
}

describe("parseCoordinate: WGS84 degrees", () => {
  it.each([
    ["51,5136 7,4653"],
    ["51.5136, 7.4653"],
    ["51,5136, 7,4653"],
    ["51.5136 7.4653"],
    ["51.5136,7.4653"],
    ["51,5136;7,4653"],
    ["  51,5136   7,4653  "],
    ["51,5136° N, 7,4653° O"],
    ["51.5136 N 7.4653 E"],
    ["N 51,5136 E 7,4653"],
    ["WGS84 51,5136 7,4653"],
  ])("reads %s as 51.5136 N, 7.4653 E", (text) => {
    const parsed = parseCoordinate(text);
    expect(parsed).toMatchObject({ ok: true, crs: "EPSG:4326" });
    const [lon, lat] = point(parsed);
    expect(lon).toBeCloseTo(7.4653, 9);
    expect(lat).toBeCloseTo(51.5136, 9);
    expect(parsed.ok && parsed.warning).toBeFalsy();
  });

  it("reads longitude first when that is the only Dortmund-like order", () => {
    const [lon, lat] = point(parseCoordinate("7,4653 51,5136"));
    expect(lon).toBeCloseTo(7.4653, 9);
    expect(lat).toBeCloseTo(51.5136, 9);
  });

  it("reads degrees, minutes and seconds with hemisphere letters", () => {
    const [lon, lat] = point(parseCoordinate("51°30'49\"N 7°27'55\"E"));
    expect(lat).toBeCloseTo(51 + 30 / 60 + 49 / 3600, 9);
    expect(lon).toBeCloseTo(7 + 27 / 60 + 55 / 3600, 9);
    // Typographic primes, spaces, German "O" for east, letters in front.
    expect(point(parseCoordinate("51° 30′ 49″ N, 7° 27′ 55″ O"))).toEqual([lon, lat]);
    expect(point(parseCoordinate("N 51°30'49\" E 7°27'55\""))).toEqual([lon, lat]);
    // Decimal minutes, order swapped but labelled.
    const [lon2, lat2] = point(parseCoordinate("7°27,5'E 51°30,5'N"));
    expect(lat2).toBeCloseTo(51 + 30.5 / 60, 9);
    expect(lon2).toBeCloseTo(7 + 27.5 / 60, 9);
  });

  it("takes S and W as negative, and warns about points far from Dortmund", () => {
    const parsed = parseCoordinate("33,9 S 18,4 E");
    expect(parsed).toMatchObject({ ok: true, lat: -33.9, lon: 18.4, warning: "outside-dortmund" });
  });

  it("warns (without refusing) when a point lies near but outside Dortmund", () => {
    // Essen: unambiguous order, readable, but not in the Dortmund area.
    const parsed = parseCoordinate("51,4556 7,0116");
    expect(parsed).toMatchObject({ ok: true, warning: "outside-dortmund" });
    expect(point(parsed)[0]).toBeCloseTo(7.0116, 9);
  });
});

describe("parseCoordinate: EPSG:25832 metres", () => {
  const expected = utmToWgs84.forward([393000, 5709000]) as [number, number];

  it.each([
    ["393000 5709000"],
    ["393000, 5709000"],
    ["393000,5709000"],
    ["32U 393000 5709000"],
    ["32N 393000 5709000"],
    ["EPSG:25832 393000 5709000"],
    ["5709000 393000"],
    ["393.000 5.709.000"],
    ["E 393.000 N 5.709.000"],
    ["R 393000 H 5709000"],
    ["N 5.709.000 E 393.000"],
    ["Rechtswert 393.000 Hochwert 5.709.000"],
  ])("reads %s within a centimetre of proj4's answer", (text) => {
    const parsed = parseCoordinate(text);
    expect(parsed).toMatchObject({ ok: true, crs: "EPSG:25832" });
    expect(metresBetween(point(parsed), expected)).toBeLessThan(0.01);
    expect(parsed.ok && parsed.warning).toBeFalsy();
  });

  it("reads German thousands dots and a decimal comma: E 393.000,5 N 5.709.000,25", () => {
    const parsed = parseCoordinate("E 393.000,5 N 5.709.000,25");
    const want = utmToWgs84.forward([393000.5, 5709000.25]) as [number, number];
    expect(metresBetween(point(parsed), want)).toBeLessThan(0.001);
    // Half a metre east of 393000 really is half a metre away.
    expect(metresBetween(point(parsed), expected)).toBeGreaterThan(0.4);
    expect(metresBetween(point(parsed), expected)).toBeLessThan(0.7);
  });

  it("lands in Dortmund (about 7.458 E, 51.522 N)", () => {
    const [lon, lat] = point(parseCoordinate("393000 5709000"));
    expect(lon).toBeCloseTo(7.4577, 3);
    expect(lat).toBeCloseTo(51.522, 3);
  });
});

describe("parseCoordinate: problems", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["Dortmund", "unreadable"],
    ["51,5136", "unreadable"],
    ["51.5 7.4 3.2", "unreadable"],
    ["51,5136 7,4653 Hbf", "unreadable"],
    ["95 200", "out-of-range"],
    ["51°75' N 7°27' E", "out-of-range"],
    ["51°30'61\" N 7°27' E", "out-of-range"],
    ["33U 393000 5709000", "out-of-range"],
    ["2000 5709000", "out-of-range"],
    ["WGS84 393000 5709000", "out-of-range"],
    ["51,7", "ambiguous"],
    ["10 20", "ambiguous"],
    ["51,5 N 7,4 S", "ambiguous"],
    ["E 393000 E 5709000", "ambiguous"],
  ])("%j → %s", (text, problem) => {
    expect(parseCoordinate(text)).toEqual({ ok: false, problem });
  });

  it("reads one valid order when the other is impossible, with a warning", () => {
    // 120 cannot be a latitude: longitude 120, latitude 45.
    expect(parseCoordinate("120 45")).toMatchObject({
      ok: true,
      lon: 120,
      lat: 45,
      warning: "outside-dortmund",
    });
  });
});
