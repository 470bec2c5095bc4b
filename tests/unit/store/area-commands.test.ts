import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geodesicArea, MIN_AREA_M2 } from "../../../src/domain/geometry/index.ts";
import type { AreaGeometry, AreaId } from "../../../src/domain/model/plan.ts";
import {
  changeAreaByDistricts,
  clipAreaToCity,
  createArea,
  deleteAreas,
  duplicateArea,
  setAreaGeometry,
  subtractOtherArea,
  updateAreaAttributes,
} from "../../../src/store/area-commands.ts";
import { createDocumentStore, selectActiveVariant } from "../../../src/store/document-store.ts";
import { createStarterPlan } from "../../../src/store/plan-document.ts";
import { rectangle } from "../../fixtures/geometry/builders.ts";

const NOW = "2026-11-26T10:00:00.000Z";

/** A made-up "city" for the tests: a 0.1° square near Dortmund. */
const CITY = rectangle(7.4, 51.45, 7.5, 51.55);

function setup() {
  const store = createDocumentStore(createStarterPlan("Plan", "V", NOW));
  const context = { getState: store.getState, boundary: CITY as AreaGeometry, now: () => NOW };
  const areas = () => selectActiveVariant(store.getState());
  const make = (geometry: AreaGeometry) =>
    createArea(
      context,
      geometry,
      { kind: "drawn", tool: "polygon" },
      { namePrefix: "Gebiet", label: "zeichnen" },
    );
  return { store, context, areas, make };
}

describe("area commands", () => {
  describe("createArea", () => {
    it("creates a named, coloured area with RFC 7946 winding in one undo step", () => {
      const { store, areas, make } = setup();
      // Clockwise outer ring: must be stored counter-clockwise.
      const clockwise = rectangle(7.42, 51.47, 7.43, 51.48);
      clockwise.coordinates[0]?.reverse();
      const result = make(clockwise);
      expect(result.ok).toBe(true);
      const area = Object.values(areas().areas)[0];
      expect(area?.name).toBe("Gebiet 1");
      expect(area?.status).toBe("idee");
      expect(area?.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(geodesicArea(area?.geometry as AreaGeometry)).toBeGreaterThan(0);
      expect(store.getState().past).toHaveLength(1);
      make(rectangle(7.44, 51.47, 7.45, 51.48));
      expect(Object.values(areas().areas).map((a) => a.name)).toEqual(["Gebiet 1", "Gebiet 2"]);
    });

    it("refuses an area below the minimum size and changes nothing", () => {
      const { store, make } = setup();
      // About 7 m x 11 m = 77 m².
      const result = make(rectangle(7.42, 51.47, 7.4201, 51.4701));
      expect(result).toMatchObject({ ok: false, reason: "too-small", minAreaM2: MIN_AREA_M2 });
      expect(store.getState().past).toHaveLength(0);
    });

    it("repairs a self-intersecting outline and says so", () => {
      const { areas, make } = setup();
      const bowTie: Polygon = {
        type: "Polygon",
        coordinates: [
          [
            [7.42, 51.47],
            [7.44, 51.49],
            [7.44, 51.47],
            [7.42, 51.49],
            [7.42, 51.47],
          ],
        ],
      };
      const result = make(bowTie);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.repairs).toContain("self-intersection-split");
      expect(Object.values(areas().areas)[0]?.geometry.type).toBe("MultiPolygon");
    });

    it("warns when part of the area lies outside the city", () => {
      const { make } = setup();
      const result = make(rectangle(7.49, 51.5, 7.51, 51.51));
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.warnings[0]?.code).toBe("outside-city");
        expect(result.warnings[0]?.shareOutside).toBeGreaterThan(0.4);
        expect(result.warnings[0]?.shareOutside).toBeLessThan(0.6);
      }
    });
  });

  describe("editing", () => {
    it("changes the geometry, attributes, and undoes each as one step", () => {
      const { store, context, areas, make } = setup();
      const result = make(rectangle(7.42, 51.47, 7.43, 51.48));
      if (!result.ok) throw new Error("not created");
      const id = result.areaId;
      const before = areas().areas[id];
      setAreaGeometry(context, id, rectangle(7.42, 51.47, 7.44, 51.48), "ändern");
      expect(geodesicArea(areas().areas[id]?.geometry as AreaGeometry)).toBeGreaterThan(
        1.9 * geodesicArea(before?.geometry as AreaGeometry),
      );
      updateAreaAttributes(context, id, { name: "Hörde", fields: ["energie"] }, "Angaben");
      expect(areas().areas[id]).toMatchObject({ name: "Hörde", fields: ["energie"] });
      store.getState().undo();
      store.getState().undo();
      expect(areas().areas[id]).toStrictEqual(before);
    });

    it("duplicates an area right after the original and deletes areas", () => {
      const { context, areas, make } = setup();
      const result = make(rectangle(7.42, 51.47, 7.43, 51.48));
      if (!result.ok) throw new Error("not created");
      make(rectangle(7.44, 51.47, 7.45, 51.48));
      const copy = duplicateArea(context, result.areaId, "(Kopie)", "duplizieren");
      expect(areas().areaOrder[1]).toBe(copy);
      expect(areas().areas[copy as string]?.name).toBe("Gebiet 1 (Kopie)");
      expect(areas().areas[copy as string]?.geometry).toStrictEqual(areas().areas[result.areaId]?.geometry);
      deleteAreas(context, [result.areaId, copy as AreaId], "löschen");
      expect(areas().areaOrder).toHaveLength(1);
    });

    it("clips to the city and subtracts another area", () => {
      const { context, areas, make } = setup();
      const a = make(rectangle(7.49, 51.5, 7.51, 51.51));
      const b = make(rectangle(7.46, 51.5, 7.47, 51.51));
      if (!a.ok || !b.ok) throw new Error("not created");
      const full = geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry);
      clipAreaToCity(context, a.areaId, "zuschneiden");
      const clipped = geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry);
      expect(clipped / full).toBeCloseTo(0.5, 2);
      const bFull = geodesicArea(areas().areas[b.areaId]?.geometry as AreaGeometry);
      // Grow a over b's western half, then take b out of it.
      setAreaGeometry(context, a.areaId, rectangle(7.455, 51.5, 7.5, 51.51), "ändern");
      const grown = geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry);
      subtractOtherArea(context, a.areaId, b.areaId, "abziehen");
      const rest = geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry);
      expect(Math.abs(grown - rest - bFull) / bFull).toBeLessThan(0.001);
    });

    it("adds and removes districts to and from an area", () => {
      const { context, areas, make } = setup();
      const a = make(rectangle(7.42, 51.47, 7.43, 51.48));
      if (!a.ok) throw new Error("not created");
      const base = geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry);
      const neighbour = rectangle(7.43, 51.47, 7.44, 51.48);
      changeAreaByDistricts(context, a.areaId, [neighbour], "add", "hinzufügen");
      const grown = areas().areas[a.areaId]?.geometry as AreaGeometry;
      expect(grown.type).toBe("Polygon");
      expect(geodesicArea(grown) / base).toBeCloseTo(2, 2);
      changeAreaByDistricts(context, a.areaId, [neighbour], "remove", "entfernen");
      expect(geodesicArea(areas().areas[a.areaId]?.geometry as AreaGeometry) / base).toBeCloseTo(1, 3);
    });
  });
});
