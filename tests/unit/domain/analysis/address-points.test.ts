import { describe, expect, it } from "vitest";
import {
  addressPointsByteLength,
  cellSharesInside,
  createClipFrame,
  createClipShape,
  decodeAddressPoints,
  encodeAddressPoints,
  NO_DISTRICT,
  prepareAddressPoints,
  preparePopulationGrid,
  ringIndexOfGeometry,
} from "../../../../src/domain/analysis/index.ts";
import { cellsAreaM2 } from "../../../fixtures/analysis/small-world.ts";
import { cell, lat, lon } from "../../../fixtures/geometry/builders.ts";

const frame = createClipFrame(7.45, 51.5);

describe("address points file", () => {
  it("round-trips positions exactly and district codes by index", () => {
    const points = [
      { lon: 7.123456789012345, lat: 51.98765432109876, district: "011" },
      { lon: 7.5, lat: 51.5, district: "" },
      { lon: 7.6, lat: 51.4, district: "011" },
      { lon: 7.7, lat: 51.3, district: "960" },
    ];
    const { bytes, districtCodes } = encodeAddressPoints(points);
    expect(bytes.byteLength).toBe(addressPointsByteLength(4));
    expect(districtCodes).toEqual(["011", "960"]);
    const decoded = decodeAddressPoints(bytes, 4, districtCodes);
    expect([...decoded.positions]).toEqual(points.flatMap((p) => [p.lon, p.lat]));
    expect([...decoded.districtIndex]).toEqual([0, NO_DISTRICT, 0, 1]);
  });

  it("reads from an ArrayBuffer as a fetch would give it", () => {
    const { bytes, districtCodes } = encodeAddressPoints([{ lon: 7.4, lat: 51.5, district: "1" }]);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect([...decodeAddressPoints(buffer, 1, districtCodes).positions]).toEqual([7.4, 51.5]);
  });

  it("refuses a file of the wrong length", () => {
    const { bytes } = encodeAddressPoints([{ lon: 7.4, lat: 51.5, district: "1" }]);
    expect(() => decodeAddressPoints(bytes.subarray(0, 10), 1, ["1"])).toThrow(RangeError);
  });
});

describe("dasymetric weights", () => {
  const grid = preparePopulationGrid(
    frame,
    [
      { id: "a", residents: 900, geometry: cell(0, 0, 2, 2) },
      { id: "b", residents: 100, geometry: cell(2, 0, 2, 2) },
      { id: "c", residents: null, geometry: cell(0, 2, 2, 2) },
    ],
    2011,
  );
  /** Three addresses in cell a, one in c, one outside the grid; none in b. */
  const positions = [
    [lon(0.5), lat(0.5)],
    [lon(1.5), lat(0.5)],
    [lon(0.5), lat(1.5)],
    [lon(0.5), lat(2.5)],
    [lon(9), lat(9)],
  ];

  it("spreads each cell's residents evenly over its addresses", () => {
    const prepared = prepareAddressPoints(positions, grid, 2024);
    const weightBySource = new Map<number, number>();
    for (let slot = 0; slot < prepared.layer.count; slot++) {
      weightBySource.set(prepared.layer.sourceIndex[slot] as number, prepared.weightOfSlot[slot] as number);
    }
    expect([0, 1, 2, 3, 4].map((i) => weightBySource.get(i))).toEqual([300, 300, 300, 0, 0]);
    expect([...prepared.cellOfAddress]).toEqual([0, 0, 0, 2, -1]);
    expect([...prepared.addressesPerCell]).toEqual([3, 0, 1]);
  });

  it("keeps the residents of cells without addresses out, and says how many", () => {
    const prepared = prepareAddressPoints(positions, grid, 2024);
    expect(prepared).toMatchObject({
      residentsPlaced: 900,
      residentsUnplaced: 100,
      residentsOutsideCity: 0,
      cellsWithoutAddresses: 1,
      addressesOutsideGrid: 1,
      dataYear: 2024,
    });
  });

  it("spreads only the residents of a cell's part inside the city", () => {
    // The city covers column 0 only: half of cell a (by area), none of cell b.
    const city = createClipShape(frame, cell(0, 0, 1, 4));
    const shares = cellSharesInside(frame, grid, city, ringIndexOfGeometry(cell(0, 0, 1, 4)));
    const expectedShare = cellsAreaM2(0, 0, 1, 2) / cellsAreaM2(0, 0, 2, 2);
    expect(shares[0]).toBeCloseTo(expectedShare, 7);
    expect(shares[1]).toBe(0);
    const prepared = prepareAddressPoints(positions, grid, 2024, shares);
    expect(prepared.residentsPlaced).toBeCloseTo(900 * expectedShare, 4);
    expect(prepared.residentsOutsideCity).toBeCloseTo(900 * (1 - expectedShare) + 100, 4);
    expect(prepared.residentsUnplaced).toBe(0);
  });
});
