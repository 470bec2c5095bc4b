import { describe, expect, it } from "vitest";
import {
  clickAction,
  facilityIdOf,
  hoverTarget,
  type PointerContext,
  type PointerFeature,
} from "../../../src/map/map-pointer.ts";
import { layerIds } from "../../../src/map/map-style.ts";
import { PILOT_AREA_LAYERS } from "../../../src/map/pilot-areas.ts";

const level = "stadtbezirk" as const;
const browsing: PointerContext = Object.freeze({ tool: "select", level, editingAreaId: null });
const picking: PointerContext = { ...browsing, tool: "districts" };
const click = { lngLat: [7.46, 51.51] as [number, number], shiftKey: false };

const districtProperties = { code: "05", name: "Innenstadt-Nord", areaKm2: "14.4" };
const district: PointerFeature = {
  id: 5,
  layer: { id: layerIds.districtFill(level) },
  properties: districtProperties,
  geometry: { type: "Polygon" },
};
const facility: PointerFeature = {
  layer: { id: "facility-schools" },
  properties: { name: "Schule" },
  geometry: { type: "Point", coordinates: [7.47, 51.52] },
};
const cluster: PointerFeature = {
  layer: { id: "facility-schools-cluster" },
  properties: { cluster: true, cluster_id: 42 },
  geometry: { type: "Point", coordinates: [7.47, 51.52] },
};
const pilotArea: PointerFeature = {
  layer: { id: PILOT_AREA_LAYERS.fill },
  properties: { areaId: "a1" },
  geometry: { type: "Polygon" },
};

describe("facilityIdOf", () => {
  it("reads the catalogue entry of facility points and clusters", () => {
    expect(facilityIdOf("facility-schools")).toBe("schools");
    expect(facilityIdOf("facility-schools-cluster")).toBe("schools");
    expect(facilityIdOf("districts-stadtbezirk-fill")).toBeNull();
  });
});

describe("clickAction", () => {
  it("leaves clicks to terra-draw while drawing", () => {
    expect(clickAction([district], { ...browsing, tool: "polygon" }, click)).toEqual({ kind: "none" });
  });

  it("clears the selection on empty map", () => {
    expect(clickAction([], browsing, click)).toEqual({ kind: "clear" });
  });

  it("opens a facility's popup at its point", () => {
    expect(clickAction([facility, district], browsing, click)).toEqual({
      kind: "facility",
      hit: { entryId: "schools", longitude: 7.47, latitude: 51.52, properties: { name: "Schule" } },
    });
  });

  it("zooms into a cluster", () => {
    expect(clickAction([cluster], browsing, click)).toEqual({
      kind: "zoom-cluster",
      sourceId: "layer-schools",
      clusterId: 42,
      center: [7.47, 51.52],
    });
  });

  it("selects a pilot area", () => {
    expect(clickAction([pilotArea, district], browsing, click)).toEqual({
      kind: "select-pilot-area",
      areaId: "a1",
    });
  });

  it("opens the city region's popup where it was clicked", () => {
    const region: PointerFeature = {
      layer: { id: "city-region-fill" },
      properties: {},
      geometry: { type: "Polygon" },
    };
    expect(clickAction([region], browsing, click)).toMatchObject({
      kind: "facility",
      hit: { entryId: "city-region", longitude: 7.46, latitude: 51.51 },
    });
  });

  it("selects a district, but only closes the popup while an area is edited", () => {
    expect(clickAction([district], browsing, click)).toEqual({
      kind: "select-district",
      level,
      featureId: 5,
      properties: districtProperties,
    });
    expect(clickAction([district], { ...browsing, editingAreaId: "a1" }, click)).toEqual({
      kind: "close-popup",
    });
  });

  it("picks the district under a facility while picking, adding with Shift", () => {
    expect(clickAction([facility, district], picking, { ...click, shiftKey: true })).toEqual({
      kind: "toggle-pick",
      district: { level, featureId: 5, code: "05", name: "Innenstadt-Nord", areaKm2: 14.4 },
      additive: true,
    });
    expect(clickAction([facility], picking, click)).toEqual({ kind: "none" });
  });
});

describe("hoverTarget", () => {
  it("highlights the district under the pointer", () => {
    expect(hoverTarget([district], browsing)).toEqual({
      pointer: true,
      district: { id: 5, properties: districtProperties },
    });
  });

  it("does not highlight a district below a facility, except while picking", () => {
    expect(hoverTarget([facility, district], browsing)).toEqual({ pointer: true, district: null });
    expect(hoverTarget([facility, district], picking).district?.id).toBe(5);
  });

  it("shows the plain cursor over nothing", () => {
    expect(hoverTarget([], browsing)).toEqual({ pointer: false, district: null });
  });

  it("leaves cursor and highlight alone while drawing or editing", () => {
    expect(hoverTarget([district], { ...browsing, tool: "polygon" })).toEqual({
      pointer: null,
      district: null,
    });
    expect(hoverTarget([district], { ...browsing, editingAreaId: "a1" })).toEqual({
      pointer: null,
      district: null,
    });
  });
});
