import type { Feature, FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { checkServedLayers } from "../../../data/pipeline/check-served.ts";
import {
  readRegisterTotals,
  registerTotalsCaveat,
  transformBikePoints,
  transformCensus2022Grid,
  transformClimateStations,
  transformFastChargers,
} from "../../../data/pipeline/layers-2026.ts";
import { areaWeightedSums } from "../../../data/pipeline/transforms.ts";
import { validateLayer } from "../../../data/pipeline/validate.ts";
import type { AreaGeometry } from "../../../src/domain/model/plan.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";
import { collection, definition, feature, point, readFixture } from "./helpers.ts";

const rect = rectangle;

describe("transformCensus2022Grid", () => {
  const raw = readFixture("population-census2021-grid/dortmund_census2021_grid_1km.geojson");

  it("passes the catalogue's checks for the 2022 grid", () => {
    const problems = validateLayer(
      definition("population-grid-2022", { expectedCount: { min: 3, max: 3 } }),
      raw,
    );
    expect(problems).toEqual([]);
  });

  it("serves residents, the two age groups with their shares in percent, and the census year", () => {
    const { served, cells } = transformCensus2022Grid(raw);
    expect(served.features[0]?.properties).toMatchObject({
      cellId: "CRS3035RES1000mN0001000E0001000",
      residents: 1200,
      under15: 180,
      age65plus: 240,
      shareUnder15: 15,
      share65plus: 20,
      censusYear: 2022,
    });
    expect(cells.map((c) => [c.residents, c.under15, c.age65plus])).toEqual([
      [1200, 180, 240],
      [500, 100, 50],
      [60, 0, 12],
    ]);
  });

  it("gives a fixture area its share of each known cell: a quarter of cell A and half of cell B", () => {
    const { cells } = transformCensus2022Grid(raw);
    // 7.43–7.46: the east quarter of A (7.40–7.44) and the west half of B (7.44–7.48), split along meridians.
    const sums = areaWeightedSums(rect(7.43, 51.5, 7.46, 51.52), cells, [
      "residents",
      "under15",
      "age65plus",
    ]);
    expect(sums.residents).toBeCloseTo(1200 / 4 + 500 / 2, 6);
    expect(sums.under15).toBeCloseTo(180 / 4 + 100 / 2, 6);
    expect(sums.age65plus).toBeCloseTo(240 / 4 + 50 / 2, 6);
    expect(sums.under15 + sums.age65plus).toBeLessThanOrEqual(sums.residents);
  });

  it("reports a raw grid without the total or with cells outside Dortmund", () => {
    const broken: FeatureCollection = structuredClone(raw);
    delete (broken.features[0] as Feature).properties?.T;
    (broken.features[1] as Feature<Polygon>).geometry = rect(6.0, 50.0, 6.1, 50.1);
    const problems = validateLayer(
      definition("population-grid-2022", { expectedCount: { min: 3, max: 3 } }),
      broken,
    );
    expect(problems.join("\n")).toContain('lacks the property "T"');
    expect(problems.join("\n")).toContain("outside the Dortmund area");
  });
});

describe("transformFastChargers and the register totals", () => {
  it("keeps operator, charging points and power, and names the power class", () => {
    const raw = readFixture("ev-charging-fast-2026/dortmund_fast_chargers_bnetza_2026-01.geojson");
    const served = transformFastChargers(raw);
    expect(served.features.map((f) => f.properties)).toEqual([
      {
        name: "Stadtwerke Test",
        operator: "Stadtwerke Test",
        address: "Teststraße 1 44137 Dortmund",
        points: 4,
        powerKw: 300,
        maxPlugKw: 300,
        category: "≥ 150 kW",
        status: "In Betrieb",
      },
      expect.objectContaining({ points: 2, powerKw: 50, category: "50–149 kW" }),
    ]);
  });

  it("turns the register totals into a caveat in both languages, with German and English numbers", () => {
    const totals = readRegisterTotals({
      generatedThrough: "2026-04-18",
      district: {
        chargingUnits: 892,
        chargingPoints: 1332,
        dcFastChargingPoints: 359,
        normalChargingPoints: 973,
      },
    });
    expect(totals).not.toBeNull();
    const caveat = registerTotalsCaveat(totals as NonNullable<typeof totals>);
    expect(caveat.de).toContain("normale AC-Ladepunkte fehlen");
    expect(caveat.de).toContain("(Stand 18.04.2026): 892 Ladeeinrichtungen mit 1.332 Ladepunkten");
    expect(caveat.en).toContain("1,332 points, 359 of them DC fast");
  });

  it("refuses register totals that lack a figure or the date", () => {
    expect(readRegisterTotals({ generatedThrough: "2026-04-18", district: { chargingUnits: 1 } })).toBeNull();
    expect(readRegisterTotals(null)).toBeNull();
  });
});

describe("bike points and climate stations", () => {
  const mobility = readFixture("mobility-osm2020/dortmund_osm2020_bicycle_rental_parking.geojson");

  it("serves bike-sharing stations and bike parking as two layers, only the points inside the city", () => {
    expect(transformBikePoints(mobility, "bicycle_rental").features.map((f) => f.properties)).toEqual([
      { name: "Teststation", category: "Fahrradverleih" },
    ]);
    expect(transformBikePoints(mobility, "bicycle_parking").features).toHaveLength(1);
  });

  it("serves the stations with a readable type and address", () => {
    const raw = readFixture("smart-city-climate-stations/dortmund_data2resilience_stations.geojson");
    expect(transformClimateStations(raw).features.map((f) => f.properties)).toEqual([
      expect.objectContaining({
        name: "Teststation Mitte",
        category: "Biometeorologische Station",
        address: "Testplatz 1, 44137 Dortmund",
        stationId: "DOTEST",
      }),
      expect.objectContaining({ category: "Temperatur/Feuchte", address: "Nordweg, 44147 Dortmund" }),
    ]);
  });

  it("requires the 77 stations of the network", () => {
    const raw = readFixture("smart-city-climate-stations/dortmund_data2resilience_stations.geojson");
    expect(validateLayer(definition("climate-stations"), raw)).toEqual(["has 2 features, expected 77"]);
  });
});

describe("checkServedLayers", () => {
  const city = rect(7.4, 51.5, 7.48, 51.52) as AreaGeometry;

  it("accepts valid areas and point layers inside the city", () => {
    const layers = [
      { id: "areas", collection: collection([feature(rect(7.4, 51.5, 7.44, 51.52))]) },
      { id: "points", collection: collection([feature(point(7.41, 51.51))]), minShareInCity: 1 },
    ];
    expect(checkServedLayers(layers, city)).toEqual([]);
  });

  it("names a layer whose written area is self-intersecting (as rounding can make it)", () => {
    const bowTie: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [7.4, 51.5],
          [7.44, 51.52],
          [7.44, 51.5],
          [7.4, 51.52],
          [7.4, 51.5],
        ],
      ],
    };
    expect(checkServedLayers([{ id: "grid", collection: collection([feature(bowTie)]) }], city)).toEqual([
      "grid: 1 areas are invalid as written (after rounding): features #1",
    ]);
  });

  it("names a point layer with too many points outside the city", () => {
    const points = collection([feature(point(7.41, 51.51)), feature(point(7.6, 51.6))]);
    expect(checkServedLayers([{ id: "stations", collection: points, minShareInCity: 1 }], city)).toEqual([
      "stations: only 1 of 2 points lie inside the city outline (at least 100 % expected)",
    ]);
  });
});
