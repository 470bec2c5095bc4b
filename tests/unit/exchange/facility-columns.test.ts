import { describe, expect, it } from "vitest";
import { BASE_COLUMNS } from "../../../src/domain/exchange/base-columns.ts";
import { CENSUS_COLUMNS } from "../../../src/domain/exchange/census-columns.ts";
import type { ExportInput } from "../../../src/domain/exchange/export-input.ts";
import {
  exportColumns,
  facilityDistances,
  facilityKey,
  facilityLayerIds,
  facilityNearKey,
} from "../../../src/domain/exchange/facility-columns.ts";

/** Only what the facility columns read: each area's facility layers and their walking distances. */
function inputWith(...areas: { layerId: string; distances: number[] }[][]): Pick<ExportInput, "areas"> {
  return {
    areas: areas.map((facilities) => ({
      analysis: {
        facilities: facilities.map(({ layerId, distances }) => ({
          layerId,
          near: distances.map((distanceM) => ({ distanceM })),
        })),
      },
    })),
  } as unknown as Pick<ExportInput, "areas">;
}

describe("facility columns", () => {
  it("names keys after the layer id", () => {
    expect(facilityKey("transit-stops")).toBe("fac_transit_stops");
    expect(facilityNearKey("transit-stops", 300)).toBe("fac_transit_stops_300m");
  });

  it("lists layers and distances in the order first seen", () => {
    const input = inputWith(
      [{ layerId: "kitas", distances: [300] }],
      [
        { layerId: "schools", distances: [500, 300] },
        { layerId: "kitas", distances: [300] },
      ],
    );
    expect(facilityLayerIds(input)).toEqual(["kitas", "schools"]);
    expect(facilityDistances(input)).toEqual([300, 500]);
  });

  it("appends a count inside and one per distance to the base columns, with unique Shapefile names", () => {
    const input = inputWith([
      { layerId: "transit-stops", distances: [300, 500] },
      { layerId: "transit-stations", distances: [300, 500] },
    ]);
    const columns = exportColumns(input);
    const added = columns.slice(BASE_COLUMNS.length + CENSUS_COLUMNS.length);
    expect(added.map((c) => c.key)).toEqual([
      "fac_transit_stops",
      "fac_transit_stops_300m",
      "fac_transit_stops_500m",
      "fac_transit_stations",
      "fac_transit_stations_300m",
      "fac_transit_stations_500m",
    ]);
    const names = columns.map((c) => c.shapefileName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(10);
    expect(added.map((c) => c.shapefileName)).toEqual([
      "f_transits",
      "n_transits",
      "n2_transit",
      "f_transit2",
      "n_transit2",
      "n2_transi2",
    ]);
  });
});
